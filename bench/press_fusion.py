"""Why the press corpus's events are split: per gold event of a split, the output records that match it (score.py's
lenient ``matches``), and a count of the pairs of such records by what tells them apart.

``.venv/bin/python bench/press_fusion.py [OUT] [--split dev|test] [--pairs]`` reads an exported folder (by default
``bench/out/press``, written by ``bench/bench_press.py``) and prints, for each required gold event matched by
more than one record (``--all``: every matched one), its records: category, date, states, factuality, designation,
the corpus files that tell it and its story. ``--pairs`` adds, per pair of records of one gold event, the
differences that keep fusion from merging them (category, dated or not, states, story, shared article,
factuality), then their counts: decide fusion rules from these counts over the dev split, not from single
examples. ``--cover`` prints, for each required gold event whose best record (score.py's ``fused_coverage``)
does not cite all its texts, the texts it misses and, for each, whether another record of the gold event's
categories cites it (a fusion miss) or none does (the events stage found nothing there to fuse), with the
split's records-per-event and coverage figures. Prints only file names and record fields, no article text (the
report quotes nothing).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_press import OUT, PRESS, load_scorer  # noqa: E402


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _pair_key(a: dict[str, Any], b: dict[str, Any], countries: Any, dated: Any,
              story: dict[str, str]) -> tuple[str, ...]:
    arts_a, arts_b = ({m["article"] for m in e["mentions"]} for e in (a, b))
    stories_a, stories_b = ({story.get(x) for x in arts} for arts in (arts_a, arts_b))
    return ("same category" if a["category"] == b["category"] else "categories " + "/".join(
                sorted((a["category"], b["category"]))),
            f"dated {bool(dated(a.get('date'))) + bool(dated(b.get('date')))} of 2",
            "same states" if countries(a) == countries(b) else "states differ",
            "one story" if stories_a & stories_b else "stories differ",
            "an article shared" if arts_a & arts_b else "no article shared",
            "same factuality" if a.get("factuality") == b.get("factuality") else "factuality differs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=OUT)
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--all", action="store_true", help="every matched gold event, not only the split ones")
    parser.add_argument("--pairs", action="store_true", help="the differences of each pair of records, counted")
    parser.add_argument("--cover", action="store_true", help="the texts each gold event's best record misses")
    args = parser.parse_args(argv)
    score = load_scorer()
    gold = score.load_gold(str(PRESS), split=args.split)
    files = [e["file"] for e in gold.MANIFEST]
    by_doc = {}
    for a in _read(args.out / "articles.jsonl"):
        key = score.doc_key(a.get("source", ""), files)
        if key:
            by_doc[key] = a
    doc_of = score.doc_of(by_doc)
    story = {a: str(s["id"]) for s in _read(args.out / "stories.jsonl") for a in s["articles"]}
    events = [e for e in _read(args.out / "events.jsonl") if any(m["article"] in doc_of for m in e["mentions"])]
    if args.cover:
        return _cover(score, gold, events, doc_of)
    counts: Counter[tuple[str, ...]] = Counter()
    for g in gold.EVENTS:
        if not g.get("required"):
            continue
        found = [e for e in events if score.matches(e, g, doc_of)]
        if not found or (len(found) == 1 and not args.all):
            continue
        print(f"{g['id']} ({g['category']}, {', '.join(sorted(g['countries']))}, {g.get('date')}): "
              f"{len(found)} records; gold files {', '.join(sorted(g['docs']))}")
        for e in found:
            d = e.get("date") or {}
            docs = sorted({doc_of.get(m["article"]) or "?" for m in e["mentions"]})
            stories = sorted({story.get(m["article"], "-") for m in e["mentions"]})
            print(f"  {e['id']:12} {e['category']:20} {d.get('start')}..{d.get('end')} "
                  f"{','.join(sorted(score.event_countries(e)))} {e.get('factuality')} "
                  f"designation={(e.get('attributes') or {}).get('designation')} files={','.join(docs)} "
                  f"stories={','.join(stories)}")
        if args.pairs:
            for a, b in itertools.combinations(found, 2):
                key = _pair_key(a, b, score.event_countries, score.date_interval, story)
                counts[key] += 1
                print(f"    {a['id']} / {b['id']}: {'; '.join(key)}")
    if args.pairs:
        print("\npairs of records of one gold event, by what differs:")
        for key, n in counts.most_common():
            print(f"  {n:3}  {'; '.join(key)}")
    return 0


def _cover(score: Any, gold: Any, events: list[dict[str, Any]], doc_of: dict[str, str]) -> int:
    """Per required gold event whose best record misses some of its texts: which, and why (another record of
    its categories cites the text, or none does)."""
    have = want = 0
    counts: list[int] = []
    misses: Counter[str] = Counter()
    for g in gold.EVENTS:
        if not g.get("required"):
            continue
        want += len(g["docs"])
        found = [e for e in events if score.matches(e, g, doc_of)]
        if not found:
            print(f"{g['id']}: no record")
            continue
        counts.append(len(found))

        def docs(e: dict[str, Any]) -> set[str]:
            return {doc_of.get(m["article"]) or "?" for m in e["mentions"]}

        best = max(found, key=lambda e: len(docs(e) & set(g["docs"])))
        have += len(docs(best) & set(g["docs"]))
        missing = sorted(set(g["docs"]) - docs(best))
        if not missing:
            continue
        cats = {g["category"], *g.get("alt_categories", ())}
        why = []
        for d in missing:
            elsewhere = any(d in docs(e) for e in events if e["category"] in cats and e is not best)
            kind = "fusion" if elsewhere else "extraction"
            misses[kind] += 1
            why.append(f"{d} ({'in another record' if elsewhere else 'no record of its categories cites it'})")
        print(f"{g['id']}: {len(found)} records, best cites {len(docs(best) & set(g['docs']))}/{len(g['docs'])}; "
              f"misses {', '.join(why)}")
    print(f"\nrecords per found event {sum(counts) / len(counts):.2f}, coverage {have / want:.3f}; missed texts: "
          f"{misses['fusion']} cited by another record, {misses['extraction']} by no record of the categories")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
