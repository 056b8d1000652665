"""Benchmark of the temporal tagger (``understand.timex``): quality on French TimeBank, the dateparser comparison,
the seed golden set, English held out on MEANTIME, and speed.

``.venv/bin/python bench/bench_timex.py`` prints one JSON object and appends it as one line to
``bench/results.jsonl`` (``--no-append`` to skip). Needs ``../shared/benchmarks`` beside the repository.

* ``fr_timebank`` — 108 documents, 425 TIMEX3 of the text, each with its DCT. Strict extraction (exact span),
  relaxed (overlap; each gold matched once, exact spans first), and value F1 as TempEval-3 computes it: on
  relaxed matches, P = correct values / system timexes, R = correct values / gold timexes. ``held_out`` is
  every fourth document by sorted name (27 documents); it was split off after a first round of error
  analysis on the whole set, so it is only partly unseen. ``peer``: HeidelTime's own figure (its README).
* ``meantime_en`` — English, never used for tuning: MEANTIME (120 Wikinews articles; only their first
  sentences are annotated, so the text is cut there). First measured at strict 0.799 / relaxed 0.883 /
  value 0.751 before any English rule was revised.
* ``dateparser_fr_cases`` — dateparser's own French test cases (see ``recoupe.understand.timex.evaluation``): how many
  each gets right, and ``dateparser_only``, the cases dateparser gets right and the tagger wrong (must be 0).
* ``seeds`` — the hand-written gold of the five seed articles (tests/golden/timex_seeds.json).
* ``speed`` — sentences of fr_timebank and of the seeds, tagged one by one with their DCT, on one core
  (best of five passes: the figure varies with the load of the machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import print_and_append, utc_now  # noqa: E402
from recoupe.read.clean import clean_text  # noqa: E402
from recoupe.understand.timex import tag  # noqa: E402
from recoupe.understand.timex.evaluation import (  # noqa: E402
    load_cases,
    ours_correct,
    parser_correct,
    resolve_translations,
)
from recoupe.understand.timex.tense import sentences  # noqa: E402
from recoupe.understand.timex.timeml import GoldDoc, Scores, read_meantime, read_timeml, score  # noqa: E402

SHARED = ROOT.parent / "shared"
HEIDELTIME = {"heideltime_strict_f1": 0.86,
              "source": "HeidelTime README, French TimeBank 1.1 strict extraction F1 (shared/benchmarks/fr_timebank/"
                        "NOTES.txt)"}


def scores_dict(s: Scores) -> dict[str, object]:
    return {"strict": s.strict.as_dict(), "relaxed": s.relaxed.as_dict(), "value": s.value.as_dict(),
            "gold": s.gold, "system": s.system}


def timebank_docs() -> list[GoldDoc]:
    folder = SHARED / "benchmarks" / "fr_timebank" / "Data"
    return [read_timeml(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.tml"))]


def run_timebank() -> dict[str, object]:
    docs = timebank_docs()
    tagged = [(d, tag(d.text, lang="fr", dct=d.dct)) for d in docs]
    whole = score((d.timexes, t) for d, t in tagged)
    held = score((d.timexes, t) for i, (d, t) in enumerate(tagged) if i % 4 == 3)
    dev = score((d.timexes, t) for i, (d, t) in enumerate(tagged) if i % 4 != 3)
    out = scores_dict(whole)
    out.update({"documents": len(docs), "value_formula": "TempEval-3: on relaxed matches, P = correct values / "
                "system timexes, R = correct values / gold timexes", "held_out": scores_dict(held),
                "held_out_documents": "every 4th document by sorted name (27)", "dev": scores_dict(dev),
                "peer": HEIDELTIME})
    return out


def run_meantime() -> dict[str, object]:
    folder = SHARED / "benchmarks" / "meantime_en" / "intra-doc_annotation"
    docs = [read_meantime(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.xml"))]
    out = scores_dict(score((d.timexes, tag(d.text, lang="en", dct=d.dct)) for d in docs))
    out["documents"] = len(docs)
    out["first_measure"] = {"strict_f1": 0.7987, "relaxed_f1": 0.8831, "value_f1": 0.7511}
    return out


def run_dateparser() -> dict[str, object]:
    import dateparser
    from dateparser.search import search_dates

    def parse(text: str, base: dt.datetime) -> dt.datetime | None:
        return dateparser.parse(text, languages=["fr"], settings={"RELATIVE_BASE": base})

    def english(text: str, base: dt.datetime) -> dt.datetime | None:
        return dateparser.parse(text, languages=["en"], settings={"RELATIVE_BASE": base})

    def search(text: str, base: dt.datetime) -> list[tuple[str, dt.datetime]]:
        return search_dates(text, languages=["fr"], settings={"RELATIVE_BASE": base}) or []

    raw = json.loads((SHARED / "benchmarks" / "dateparser_fr_cases" / "dateparser_fr_test_cases.json").read_text())
    cases = resolve_translations(load_cases(raw), english)
    ours = theirs = both = only_theirs = 0
    for case in cases:
        dct = case.base.strftime("%Y-%m-%dT%H:%M") if case.base.hour or case.base.minute else case.base.strftime(
            "%Y-%m-%d")
        o = ours_correct(case, tag(case.text, lang="fr", dct=dct), case.text)
        p = parser_correct(case, parse, search)
        ours += o
        theirs += p
        both += o and p
        only_theirs += p and not o
    return {"cases": len(cases), "ours_correct": ours, "dateparser_correct": theirs, "both": both,
            "dateparser_only": only_theirs, "relative_base": "2012-11-13 (absolute), 2014-09-01 10:30 (relative)",
            "dateparser_version": getattr(dateparser, "__version__", "?")}


def seed_texts() -> list[tuple[str, str, str | None]]:
    out = []
    for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt")):
        page = clean_text(p.read_text(encoding="utf-8"))
        out.append((p.name, "\n\n".join(page.lines), page.published.value))
    return out


def run_seeds() -> dict[str, object]:
    gold = json.loads((ROOT / "tests" / "golden" / "timex_seeds.json").read_text(encoding="utf-8"))
    expected = found = correct = 0
    for name, text, dct in seed_texts():
        want = [(g["text"], g["value"]) for g in gold[name]["timexes"]]
        got = [(t.text, t.value) for t in tag(text, lang="fr", dct=dct)]
        expected += len(want)
        found += len(got)
        correct += sum(1 for w in want if w in got)
    return {"expressions": expected, "tagged": found, "correct": correct}


def run_speed() -> dict[str, object]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    items: list[tuple[str, str | None]] = []
    for d in timebank_docs():
        items += [(d.text[s.start:s.end], d.dct) for s in sentences(d.text, "fr")]
    for _name, text, dct in seed_texts():
        items += [(text[s.start:s.end], dct) for s in sentences(text, "fr")]
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for sentence, dct in items:
            tag(sentence, lang="fr", dct=dct)
        best = min(best, time.perf_counter() - start)
    return {"sentences_per_s": round(len(items) / best), "sentences": len(items), "seconds": round(best, 3),
            "cores": 1, "python": platform.python_version(), "machine": platform.machine()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to results.jsonl")
    args = parser.parse_args(argv)
    if not (SHARED / "benchmarks" / "fr_timebank").is_dir():
        print(f"{SHARED / 'benchmarks'} not found: nothing to measure", file=sys.stderr)
        return 2
    result = {
        "date": utc_now(),
        "bench": "timex",
        "fr_timebank": run_timebank(),
        "meantime_en": run_meantime(),
        "dateparser_fr_cases": run_dateparser(),
        "seeds": run_seeds(),
        "speed": run_speed(),
    }
    print_and_append(result, args.no_append)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
