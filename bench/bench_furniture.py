"""Page furniture: the learned line model beside the rules, on pages we did not write the rules from.

``/work/main/.venv/bin/python bench/bench_furniture.py`` (about a minute) measures:

1. **Held-out benchmark pages** — the pages that ``tools/train_furniture.py`` holds out (one in five, by the hash
   of their name) of ``../shared/benchmarks/scrapinghub_article_extraction_benchmark`` and ``trafilatura_eval``,
   cut into windows as the training cuts them (our inputs are the beginning of a page): the model alone (line
   precision, recall and F1 for furniture at several thresholds), then ``boilerplate.classify`` with the rules only
   (the model off) and with rules and model at each threshold (furniture lines removed, body lines kept).
2. **trafilatura_eval, HTML** — the held-out English and French pages through ``clean.clean_html`` (trafilatura,
   then our rules on its main text, with and without the model): share of the ``with`` snippets kept and of the
   ``without`` snippets dropped.
3. **Press** — ``../shared/corpus/press`` cleaned as a run cleans it (``pipeline.clean_corpus``, repeated-lines pass
   included) and scored by ``../shared/tools/score.py``'s own text scoring (body lines kept, furniture removed), by
   split and language, model off and on; and the model alone on the dev lines that the gold labels (line
   precision, recall, F1 for furniture); and the dev split cleaned with the named rules switched off, as if every
   template were new: what the shape, context and learned passes do alone. Tune on dev; test is scored only with
   ``--test`` (to report).

4. **Events from furniture** (with ``--events OUT``, an exported press run): output event mentions whose quote lies
   in a line the gold calls furniture, of all mentions, by split.

One JSON line, ``"bench": "furniture"``, is appended to ``bench/results.jsonl`` (``--no-append`` to skip).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "tools"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import train_furniture as training  # noqa: E402

from bench.bench_press import PRESS, SCORE, load_scorer  # noqa: E402
from bench.common import append_unless, git_commit, git_dirty, machine, utc_now  # noqa: E402
from recoupe.read import boilerplate, clean, furniture_model  # noqa: E402

THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95)
KEPT = ("body", "heading", "title")
SEED = 7


@contextlib.contextmanager
def model_at(threshold: float) -> Iterator[None]:
    """The text path's model threshold set for a while (1.0: the model off)."""
    saved = boilerplate.MODEL_THRESHOLD, boilerplate.MODEL_EXTRACTED_THRESHOLD, boilerplate.MODEL_HEADER_THRESHOLD
    boilerplate.MODEL_THRESHOLD = threshold
    if threshold >= 1.0:
        boilerplate.MODEL_EXTRACTED_THRESHOLD = boilerplate.MODEL_HEADER_THRESHOLD = threshold
    try:
        yield
    finally:
        (boilerplate.MODEL_THRESHOLD, boilerplate.MODEL_EXTRACTED_THRESHOLD,
         boilerplate.MODEL_HEADER_THRESHOLD) = saved


def held_out_windows() -> list[tuple[list[str], list[int | None]]]:
    rng = random.Random(SEED)
    pages = [p for p in training.load_pages() if training.held_out(p.name)]
    return [w for page in pages for w in training.windows(page, rng)]


def model_alone(windows: list[tuple[list[str], list[int | None]]]) -> dict[str, Any]:
    model = furniture_model.load()
    pairs = [(p, y) for lines, labels in windows for p, y in zip(model.score(lines), labels, strict=True)
             if y is not None and lines]
    out: dict[str, Any] = {}
    for t in THRESHOLDS:
        tp = sum(1 for p, y in pairs if p >= t and y == 1)
        pred = sum(1 for p, _ in pairs if p >= t)
        gold = sum(1 for _, y in pairs if y == 1)
        precision, recall = tp / max(1, pred), tp / max(1, gold)
        out[str(t)] = {"precision": round(precision, 3), "recall": round(recall, 3),
                       "f1": round(2 * precision * recall / (precision + recall), 3) if tp else 0.0}
    out["lines"] = len(pairs)
    return out


def prf(pairs: list[tuple[float, int]], threshold: float) -> dict[str, float]:
    tp = sum(1 for p, y in pairs if p >= threshold and y == 1)
    precision = tp / max(1, sum(1 for p, _ in pairs if p >= threshold))
    recall = tp / max(1, sum(1 for _, y in pairs if y == 1))
    return {"precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(2 * precision * recall / (precision + recall), 3) if tp else 0.0}


def press_lines(split: str) -> dict[str, dict[str, Any]]:
    """The model alone on the press lines that the gold labels (furniture or body), by language."""
    scorer = load_scorer(SCORE)
    model = furniture_model.load()
    out: dict[str, dict[str, Any]] = {}
    for lang in ("fr", "en", "ar"):
        pairs: list[tuple[float, int]] = []
        for entry in scorer.load_gold(str(PRESS), split, lang).MANIFEST:
            lines = (PRESS / f"{entry['file']}.txt").read_text(encoding="utf-8").split("\n")
            furniture, body = set(entry.get("boilerplate", [])), set(entry.get("content", []))
            for n, p in enumerate(model.score(lines), start=1):
                if lines[n - 1].strip() and (n in furniture or n in body):
                    pairs.append((p, int(n in furniture)))
        out[lang] = {str(t): prf(pairs, t) for t in (0.5, boilerplate.MODEL_THRESHOLD)} | {"lines": len(pairs)}
    return out


def press_rules_off(threshold: float) -> dict[str, dict[str, float]]:
    """The press dev split cleaned with the named rules switched off (as if every template were new to us): what the
    shape, context and learned passes do alone. Body kept / furniture removed by language."""
    scorer = load_scorer(SCORE)
    rule, marker = boilerplate.rule, boilerplate.is_section_marker
    saved = boilerplate.MODEL_THRESHOLD, boilerplate.MODEL_HEADER_THRESHOLD
    boilerplate.rule = lambda line, arabic=False, extracted=False: None  # type: ignore[assignment]
    boilerplate.is_section_marker = lambda line, arabic=False, after_body=False: False  # type: ignore[assignment]
    boilerplate.MODEL_THRESHOLD = threshold
    if threshold >= 1.0:
        boilerplate.MODEL_HEADER_THRESHOLD = threshold
    try:
        texts = {f.stem: {"text": "\n\n".join(clean.clean_text(f.read_text(encoding="utf-8")).lines), "id": f.stem}
                 for f in sorted(PRESS.glob("*.txt"))}
    finally:
        boilerplate.rule, boilerplate.is_section_marker = rule, marker  # type: ignore[method-assign]
        boilerplate.MODEL_THRESHOLD, boilerplate.MODEL_HEADER_THRESHOLD = saved
    out = {}
    for lang in ("fr", "en", "ar"):
        gold = scorer.load_gold(str(PRESS), "dev", lang)
        docs = {m["file"]: m for m in gold.MANIFEST}
        res = scorer.score_text(gold, {k: texts[k] for k in docs}, PRESS, docs)
        out[lang] = {"body_kept": res["content_recall"], "furniture_removed": res["boiler_removed"]}
    return out


def classify_windows(windows: list[tuple[list[str], list[int | None]]], threshold: float) -> dict[str, float]:
    furniture = removed = body = kept = 0
    for lines, labels in windows:
        for lab, y in zip(boilerplate.classify(lines, model_threshold=threshold), labels, strict=True):
            if y == 1:
                furniture += 1
                removed += lab.label not in KEPT
            elif y == 0:
                body += 1
                kept += lab.label in KEPT
    return {"furniture_removed": round(removed / max(1, furniture), 3), "body_kept": round(kept / max(1, body), 3)}


def html_snippets(threshold: float) -> dict[str, Any]:
    data = json.loads((training.TRAFILATURA / "evaldata.json").read_text(encoding="utf-8"))
    with_n = with_ok = without_n = without_ok = pages = 0
    for _url, entry in sorted(data.items()):
        path = training.TRAFILATURA / "html" / entry["file"]
        if not path.exists() or not training.held_out(f"tr:{entry['file']}"):
            continue
        saved = boilerplate.MODEL_EXTRACTED_THRESHOLD
        boilerplate.MODEL_EXTRACTED_THRESHOLD = threshold
        try:
            page = clean.clean_html(path.read_text(encoding="utf-8", errors="replace"))
        except Exception:  # no main text: every snippet counts as missed, none as leaked
            page = None
        finally:
            boilerplate.MODEL_EXTRACTED_THRESHOLD = saved
        text = training.norm("\n".join(page.lines)) if page else ""
        pages += 1
        for s in entry.get("with", []):
            with_n += 1
            with_ok += training.norm(s) in text
        for s in entry.get("without", []):
            without_n += 1
            without_ok += training.norm(s) not in text
    return {"pages": pages, "with_kept": round(with_ok / max(1, with_n), 3),
            "without_dropped": round(without_ok / max(1, without_n), 3)}


def press(threshold: float, splits: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    from recoupe.pipeline import clean_corpus
    from recoupe.read.ingest import iter_paths
    from recoupe.records import RawDocument
    from recoupe.settings import Settings

    scorer = load_scorer(SCORE)
    with model_at(threshold):
        raws = [r for r in iter_paths([PRESS], Settings()) if isinstance(r, RawDocument)]
        texts = {Path(src).stem: {"text": a.text, "id": a.id} for src, a in clean_corpus(raws).items()}
    out: dict[str, dict[str, Any]] = {}
    for split in splits:
        for lang in (None, "fr", "en", "ar"):
            gold = scorer.load_gold(str(PRESS), split, lang)
            docs = {m["file"]: m for m in gold.MANIFEST}
            res = scorer.score_text(gold, {k: texts[k] for k in docs if k in texts}, PRESS, docs)
            out[f"{split}.{lang or 'all'}"] = {"body_kept": res["content_recall"],
                                               "furniture_removed": res["boiler_removed"]}
    return out


def events_from_furniture(out: Path, split: str) -> dict[str, int]:
    """Output event mentions of an exported press run (``recoupe run ../shared/corpus/press --out OUT``) whose quote
    lies in a line the gold calls furniture (issue 12: teasers, captions, credits, related-article lines), against
    all the mentions of that split's articles (STATEMENT and OTHER included)."""
    scorer = load_scorer(SCORE)
    manifest = {m["file"]: m for m in scorer.load_gold(str(PRESS), split).MANIFEST}
    sources = {}
    for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        stem = Path(article.get("source", "")).stem
        if stem in manifest:
            sources[article["id"]] = stem
    mentions = furniture = 0
    for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines():
        for mention in json.loads(line).get("mentions", []):
            stem = sources.get(mention.get("article"))
            if stem is None:
                continue
            mentions += 1
            quote = scorer.norm(mention.get("quote", ""))
            lines = (PRESS / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
            entry = manifest[stem]

            def holds(numbers: list[int], q: str = quote, page: list[str] = lines) -> bool:
                return any(q and q in scorer.norm(page[n - 1]) for n in numbers if n <= len(page))

            if holds(entry.get("boilerplate", [])) and not holds(entry.get("content", [])):
                furniture += 1
    return {"mentions": mentions, "from_furniture": furniture}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to results.jsonl")
    parser.add_argument("--test", action="store_true", help="score the press test split too (to report, not to tune)")
    parser.add_argument("--events", type=Path, metavar="OUT",
                        help="an exported press run: count its event mentions quoted from furniture lines")
    args = parser.parse_args(argv)
    splits = ("dev", "test") if args.test else ("dev",)
    if not training.SCRAPINGHUB.is_dir() or not PRESS.is_dir():
        print("../shared benchmarks or press corpus not found: nothing to measure", file=sys.stderr)
        return 2
    started = time.perf_counter()
    windows = held_out_windows()
    alone = model_alone(windows)
    print(f"1. held-out benchmark windows ({len(windows)} windows, {alone['lines']} labelled lines)")
    for t in THRESHOLDS:
        f = alone[str(t)]
        print(f"   model alone  >= {t:<4}  furniture P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}")
    combined = {"rules": classify_windows(windows, 1.0)}
    for t in THRESHOLDS:
        combined[str(t)] = classify_windows(windows, t)
    for name, f in combined.items():
        label = "rules only" if name == "rules" else f"rules+model >= {name}"
        print(f"   {label:<22} furniture removed {f['furniture_removed']:.3f}  body kept {f['body_kept']:.3f}")
    html = {"rules": html_snippets(1.0), "model": html_snippets(boilerplate.MODEL_EXTRACTED_THRESHOLD)}
    print(f"2. trafilatura_eval held-out HTML pages ({html['rules']['pages']}): 'with' kept / 'without' dropped")
    for name, f in html.items():
        print(f"   {name:<6} {f['with_kept']:.3f} / {f['without_dropped']:.3f}")
    alone_press = press_lines("dev")
    print("   the model alone on the press dev lines (not a held-out set for the rules, which were read off it):")
    for lang, f in alone_press.items():
        print(f"   {lang}  ({f['lines']} lines)  " + "  ".join(
            f">= {t}: P {f[t]['precision']:.3f} R {f[t]['recall']:.3f} F1 {f[t]['f1']:.3f}"
            for t in f if t != "lines"))
    rules_off = {str(t): press_rules_off(t) for t in (1.0, 0.7, boilerplate.MODEL_THRESHOLD)}
    print("3a. press dev with the named rules off (every template new): body kept / furniture removed")
    for t, by_lang in rules_off.items():
        label = "no model" if t == "1.0" else f"model >= {t}"
        print(f"   {label:<12} " + "  ".join(f"{lang} {f['body_kept']:.3f} / {f['furniture_removed']:.3f}"
                                           for lang, f in by_lang.items()))
    press_figures = {"rules": press(1.0, splits), "model": press(boilerplate.MODEL_THRESHOLD, splits)}
    print("3b. press corpus (score.py text figures): body kept / furniture removed, rules only -> rules+model")
    for key in press_figures["rules"]:
        a, b = press_figures["rules"][key], press_figures["model"][key]
        print(f"   {key:<9} {a['body_kept']:.3f} / {a['furniture_removed']:.3f}  ->  "
              f"{b['body_kept']:.3f} / {b['furniture_removed']:.3f}")
    from_furniture = {split: events_from_furniture(args.events, split) for split in splits} if args.events else None
    if from_furniture:
        print("4. event mentions quoted from furniture lines (gold), of all mentions: " + ", ".join(
            f"{split} {f['from_furniture']}/{f['mentions']}" for split, f in from_furniture.items()))
    record = {
        "date": utc_now(),
        "bench": "furniture",
        "git": git_commit(),
        "git_src_modified": git_dirty(),
        "machine": machine(),
        "model": furniture_model.load().version,
        "thresholds": {"text": boilerplate.MODEL_THRESHOLD, "header": boilerplate.MODEL_HEADER_THRESHOLD,
                       "extracted": boilerplate.MODEL_EXTRACTED_THRESHOLD},
        "held_out_model": alone,
        "held_out_classify": combined,
        "html_snippets": html,
        "press_dev_model_alone": alone_press,
        "press_dev_rules_off": rules_off,
        "press": press_figures,
        "events_from_furniture": from_furniture,
        "bench_seconds": round(time.perf_counter() - started, 1),
    }
    append_unless(args.no_append, record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
