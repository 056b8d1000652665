"""Benchmark of the events stage (``understand.events.extract_events``) on the PLOVER gold-standard records, and its
speed beside a bare spaCy parse.

``.venv/bin/python bench/bench_events.py`` prints one JSON object and appends it as one line to
``bench/results.jsonl`` (``--no-append`` to skip; ``--errors N`` prints N misclassified sentences of the dev
half). Needs ``../shared/benchmarks/plover_gsr_cameo`` (and ``../shared/corpus/seeds`` for the speed test).

**PLOVER GSR** (``PLOVER_GSR_CAMEO.json``: 322 one-sentence English examples from the CAMEO 1.1b3 manual, coded
with PLOVER 0.5b1 event types and ISO 3166 source and target countries). Each sentence goes through the
pipeline's stages (annotate, timex, entities, events); the sentence's event is the one whose trigger is
highest in the dependency tree (the main clause's), and:

* ``event_type``: its PLOVER type against the gold's, translated to the manual's 2.0 names as its Table 7.1
  says (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT); a sentence where we find no
  event counts as wrong. ``coverage``: the share of sentences where we find one.
* ``classifier``: the type the sentence classifier's PLOVER head gives the whole sentence and its parse
  (``classifier.plover_scorer``); ``combined``: its reading with the rules' type favoured (``plover_type``,
  ``RULE_BONUS``) — the figure of issue 12 (target 0.80 on the test half). The classifier was **trained on
  the dev half** (``tools/train_event_classifier.py``): its dev figure is a training figure; the training
  script prints its 5-fold cross-validated accuracy on the dev half (``--cv 5 --rules FILE``, with ``FILE``
  written by ``--rows FILE`` here), plainly and with the own sentences nearest each held-out one left out
  (the one that tracks the test half: many of ours were written with the dev half's errors in view), the
  test half is the honest figure.
* ``source`` / ``target``: on the sentences whose gold side names at least one state (codes that are states
  of our knowledge base; CAMEO's JAP and ITL read as JPN and ITA; IGO, NGO... left out), ``exact`` = our
  countries equal the gold's, ``overlap`` = they share one. For a reciprocal event (PLOVER 2.4.2: every
  party is an actor, no recipient) our target is our source.

The records were split in two halves by position: even positions are ``dev`` (the only half whose errors were
read while writing the English statement and conflict verbs of the lexicon), odd positions are ``test``, held
out (its figures were printed, its sentences not read). The targets (``TARGETS``) are the dev figures less a
margin for generalisation, and are checked on the test half. The GSR spans all of CAMEO (protests, arrests,
riots...), of which our categories cover the defence-relations part: the figures say how far the PLOVER
coding carries beyond it, not how well the defence events are found (tests/test_events_golden.py does).

**Speed**: the seed and demo texts, after a warm-up, in one process: ``nlp.pipe`` of the bare French and
English models vs ``extract_events`` over the same parses (timexes and mentions computed before, not timed).
Issue target: the events stage adds at most 20% to the bare parse time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import print_and_append, utc_now  # noqa: E402

SHARED = ROOT.parent / "shared"
GSR = SHARED / "benchmarks" / "plover_gsr_cameo" / "PLOVER_GSR_CAMEO.json"

# PLOVER 0.5b1 types of the GSR -> the manual's 2.0 names (Table 7.1).
GSR_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO country codes of the GSR that are not ISO 3166-1 alpha-3.
GSR_CODES = {"JAP": "JPN", "ITL": "ITA"}
# Set on the dev half (event type 0.61, source overlap 0.60, target overlap 0.33 when set), less 0.05 to 0.1
# for generalisation; the speed target is the issue's. "met" says whether the test half reaches them.
# combined_event_type_accuracy: the target for the classifier with the rules.
TARGETS = {"event_type_accuracy": 0.5, "source_overlap": 0.55, "target_overlap": 0.25, "speed_ratio_max": 0.2,
           "combined_event_type_accuracy": 0.8}


def load_gsr(path: Path = GSR) -> list[dict[str, Any]]:
    return [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]


def _states(side: Any, states: frozenset[str]) -> set[str]:
    if not isinstance(side, list):
        return set()
    return {GSR_CODES.get(a.get("code", ""), a.get("code", "")) for a in side} & states


def run_gsr(errors: int = 0, rows_path: Path | None = None) -> dict[str, Any]:
    from recoupe.kb import load_kb
    from recoupe.records import CleanArticle, Published, article_id
    from recoupe.settings import Settings
    from recoupe.understand.annotate import Models, annotate
    from recoupe.understand.entities import extract
    from recoupe.understand.events import RECIPROCAL, extract_events
    from recoupe.understand.timex.stage import tag_article

    records = load_gsr()
    kb = load_kb()
    states = kb.states()
    models = Models(Settings())
    articles = [CleanArticle(id=article_id(f"{i} {r['text']}"), raw_id=str(i), source=r["id"], outlet=None,
                             title=None, author=None, published=Published.unknown(), text=r["text"], dropped=0)
                for i, r in enumerate(records)]
    annotated = list(annotate(articles, models))
    rows = []
    for r, a in zip(records, annotated, strict=True):
        mentions = extract(a, a.doc, kb, models.get("en")).mentions if a.lang in ("fr", "en") else ()
        events = extract_events(a, a.doc, mentions, tag_article(a).timexes, kb)

        def depth(e: Any, doc: Any = a.doc) -> int:
            span = doc.char_span(e.evidence[0].trigger_start, e.evidence[0].trigger_end, alignment_mode="expand")
            tok = span[0] if span is not None else doc[0]
            n = 0
            while tok.head.i != tok.i and n < 50:
                tok, n = tok.head, n + 1
            return n

        main = min(events, key=lambda e: (depth(e), e.evidence[0].trigger_start)) if events else None
        gold_type = GSR_TYPES.get(r["event"], r["event"])
        src_gold, tar_gold = _states(r.get("source"), states), _states(r.get("target"), states)
        src = set(main.countries("source")) if main else set()
        tar = set(main.countries("recipient")) if main else set()
        if main is not None and not tar and main.category in RECIPROCAL:
            tar = src
        rows.append({"id": r["id"], "text": r["text"], "gold": gold_type,
                     "ours": main.plover.event_type if main else None,
                     "category": main.category if main else None, "trigger": main.trigger if main else None,
                     "src_gold": src_gold, "src": src, "tar_gold": tar_gold, "tar": tar})
    # the sentence classifier beside the rules: its PLOVER head alone, and combined with the rules' type
    from recoupe.understand.events.classifier import plover_scorer, plover_type

    readings = plover_scorer()([r["text"] for r in records], [a.doc for a in annotated])
    for row, probs in zip(rows, readings, strict=True):
        row["classifier"] = max(probs, key=lambda k: probs[k]) if probs else None
        row["combined"] = plover_type(probs, row["ours"])
    if rows_path is not None:  # the rules' reading of each sentence, for tools/train_event_classifier.py --rules
        rows_path.write_text("".join(json.dumps({"id": r["id"], "half": "dev" if i % 2 == 0 else "test",
                                                 "gold": r["gold"], "rules": r["ours"]}) + "\n"
                                     for i, r in enumerate(rows)), encoding="utf-8")
    halves = {"dev": rows[0::2], "test": rows[1::2], "all": rows}
    out: dict[str, Any] = {"records": len(rows), "method": "main-clause event of each sentence; see bench_events.py"}
    for name, part in halves.items():
        out[name] = _scores(part)
    for method in ("classifier", "combined"):
        out[method] = {name: _type_scores(part, method) for name, part in halves.items()}
    if errors:
        wrong = [r for r in halves["dev"] if r["ours"] != r["gold"]][:errors]
        for r in wrong:
            print(f"{r['gold']:10} {r['ours']!s:10} {r['trigger']!s:12} {r['text'][:130]}", file=sys.stderr)
    return out


def _type_scores(rows: Sequence[dict[str, Any]], key: str) -> dict[str, Any]:
    """Event type accuracy of the type in ``row[key]`` (the classifier's, or combined with the rules')."""
    n = len(rows)
    confusion = Counter(f"{r['gold']}->{r[key]}" for r in rows if r[key] != r["gold"])
    return {"sentences": n, "event_type_accuracy": round(sum(r[key] == r["gold"] for r in rows) / n, 4) if n else None,
            "top_confusions": dict(confusion.most_common(8))}


def _scores(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    typed = sum(r["ours"] == r["gold"] for r in rows)
    found = sum(r["ours"] is not None for r in rows)
    src_rows = [r for r in rows if r["src_gold"]]
    tar_rows = [r for r in rows if r["tar_gold"]]
    per_type: dict[str, list[int]] = {}
    for r in rows:
        per_type.setdefault(r["gold"], [0, 0])
        per_type[r["gold"]][1] += 1
        per_type[r["gold"]][0] += r["ours"] == r["gold"]
    confusion = Counter(f"{r['gold']}->{r['ours']}" for r in rows if r["ours"] != r["gold"])
    return {
        "sentences": n,
        "event_type_accuracy": round(typed / n, 4) if n else None,
        "coverage": round(found / n, 4) if n else None,
        "source_exact": round(sum(r["src"] == r["src_gold"] for r in src_rows) / len(src_rows), 4)
        if src_rows else None,
        "source_overlap": round(sum(bool(r["src"] & r["src_gold"]) for r in src_rows) / len(src_rows), 4)
        if src_rows else None,
        "target_exact": round(sum(r["tar"] == r["tar_gold"] for r in tar_rows) / len(tar_rows), 4)
        if tar_rows else None,
        "target_overlap": round(sum(bool(r["tar"] & r["tar_gold"]) for r in tar_rows) / len(tar_rows), 4)
        if tar_rows else None,
        "source_sentences": len(src_rows),
        "target_sentences": len(tar_rows),
        "per_type": {k: f"{v[0]}/{v[1]}" for k, v in sorted(per_type.items())},
        "top_confusions": dict(confusion.most_common(8)),
    }


def run_speed(rounds: int = 3) -> dict[str, Any]:
    """Bare parse vs the events stage on the seed and demo texts (best of ``rounds``)."""
    from importlib import resources

    from recoupe.kb import load_kb
    from recoupe.read.clean import clean
    from recoupe.read.ingest import decode, iter_paths
    from recoupe.records import RawDocument
    from recoupe.settings import Settings
    from recoupe.understand.annotate import Models, annotate, load_pipeline
    from recoupe.understand.entities import extract
    from recoupe.understand.events import extract_events
    from recoupe.understand.timex.stage import tag_article

    settings = Settings()
    models = Models(settings)
    kb = load_kb()
    paths = [Path(str(resources.files("recoupe") / "data" / "demo"))]
    if (SHARED / "corpus" / "seeds").is_dir():
        paths.append(SHARED / "corpus" / "seeds")
    raws = [r for r in iter_paths(paths, settings) if isinstance(r, RawDocument)]
    annotated = [a for a in annotate([clean(decode(r)) for r in raws], models) if a.lang in ("fr", "en")]
    inputs = [(a, extract(a, a.doc, kb, models.get(a.lang)).mentions, tag_article(a).timexes) for a in annotated]
    by_lang: dict[str, list[str]] = {}
    for a in annotated:
        by_lang.setdefault(a.lang, []).append(a.article.text)
    nlps = {lang: load_pipeline(models.name(lang)) for lang in by_lang}
    parse, events = float("inf"), float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for lang, texts in by_lang.items():
            list(nlps[lang].pipe(texts, batch_size=16))
        parse = min(parse, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for a, mentions, timexes in inputs:
            extract_events(a, a.doc, mentions, timexes, kb)
        events = min(events, time.perf_counter() - t0)
    return {"texts": len(annotated), "chars": sum(len(a.article.text) for a in annotated),
            "bare_parse_seconds": round(parse, 4), "events_seconds": round(events, 4),
            "ratio_events_over_parse": round(events / parse, 4), "rounds": rounds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to results.jsonl")
    parser.add_argument("--errors", type=int, default=0, help="print N misclassified dev sentences")
    parser.add_argument("--rows", type=Path, help="write each sentence's gold and rule type (JSON lines) there")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed test")
    args = parser.parse_args(argv)
    if not GSR.is_file():
        print(f"{GSR} not found: nothing to measure", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    gsr = run_gsr(args.errors, args.rows)
    speed = run_speed() if not args.no_speed else {"ratio_events_over_parse": float("nan")}
    test = gsr["test"]
    met = {
        "event_type_accuracy": (test["event_type_accuracy"] or 0) >= TARGETS["event_type_accuracy"],
        "combined_event_type_accuracy": (gsr["combined"]["test"]["event_type_accuracy"] or 0)
        >= TARGETS["combined_event_type_accuracy"],
        "source_overlap": (test["source_overlap"] or 0) >= TARGETS["source_overlap"],
        "target_overlap": (test["target_overlap"] or 0) >= TARGETS["target_overlap"],
        "speed_ratio_max": speed["ratio_events_over_parse"] <= TARGETS["speed_ratio_max"],
    }
    result = {
        "date": utc_now(),
        "bench": "events",
        "plover_gsr": gsr,
        "speed": speed,
        "target": {"values": TARGETS, "checked_on": "test half (odd positions), speed on seeds + demo", "met": met},
        "bench_seconds": round(time.perf_counter() - t0, 1),
    }
    print_and_append(result, args.no_append, default=sorted)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
