"""Benchmark of Arabic event detection on the Open Event Data Alliance's Arabic gold standard records
(``../shared/benchmarks/arabic_event_gsr``, MIT): is a sentence a PLOVER ASSAULT (assault_gsr.csv) or PROTEST
(protest_gsr.csv) event? Scored as its NOTES.txt says: "yes" (unanimous accept) against "easy no" + "difficult
no", "ambiguous" left out. Four readers of each sentence (``recoupe.understand.events.arabic_gsr``):
``rules`` (``detect``), ``classifier`` (``classify``: the learned detector, one logistic head per type over the
sentence's USE embedding, hashed words and rule features), and the two together (``and``, ``or``).

The rules were set on the even rows of each file (``dev``), and the detector was **trained** on them and on
our own Arabic sentences (``tools/train_arabic_gsr.py``, which chooses its settings by 5-fold cross-validation
on them and prints the grid): its dev figure is a training figure. ``held_out`` is the odd rows, read by
neither; ``all`` both. Target of issue 14: F1 >= 0.75 on each type, on the held-out rows.

``.venv/bin/python bench/bench_arabic_gsr.py`` prints one JSON object and appends it as one line to
``bench/results.jsonl`` (``--no-append`` to skip; ``--errors N`` prints N errors of the dev rows; ``--cache
.cache/arabic_gsr_embeddings.npz`` reads and adds to the training tool's embedding cache instead of embedding all
5,800 sentences again, about 25 minutes on two cores).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import print_and_append  # noqa: E402
from recoupe.understand.events.arabic_gsr import classify, detect  # noqa: E402

GSR = ROOT.parent / "shared" / "benchmarks" / "arabic_event_gsr"
SCORED = ("yes", "easy no", "difficult no")


def load(kind: str) -> list[tuple[str, bool]]:
    with (GSR / f"{kind}_gsr.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(r["text"], r["label"] == "yes") for r in rows if r["label"] in SCORED]


def prf(pairs: list[tuple[bool, bool]]) -> dict[str, float | int]:
    tp = sum(1 for p, y in pairs if p and y)
    fp = sum(1 for p, y in pairs if p and not y)
    fn = sum(1 for p, y in pairs if not p and y)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 3), "r": round(recall, 3), "f1": round(f1, 3), "yes": tp + fn,
            "no": sum(1 for _p, y in pairs if not y)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to results.jsonl")
    parser.add_argument("--errors", type=int, default=0, help="print N errors of the dev rows of each file")
    parser.add_argument("--cache", type=Path, default=None,
                        help="an embedding cache (tools/train_arabic_gsr.py's) to read and add to")
    args = parser.parse_args()
    encode = None
    if args.cache is not None:
        sys.path.insert(0, str(ROOT / "tools"))
        from train_event_classifier import embedder

        encode = embedder(args.cache)
    result: dict[str, object] = {"bench": "arabic_event_gsr", "date": dt.datetime.now(dt.UTC).isoformat()[:19]}
    started = time.perf_counter()
    n = 0
    for kind in ("assault", "protest"):
        label = kind.upper()
        data = load(kind)
        rules = [label in detect(text) for text, _yes in data]
        learned = [label in found for found in classify([text for text, _yes in data], encode)]
        gold = [yes for _text, yes in data]
        n += len(data)
        readers = {"rules": rules, "classifier": learned, "and": [a and b for a, b in zip(rules, learned, strict=True)],
                   "or": [a or b for a, b in zip(rules, learned, strict=True)]}
        result[kind] = {}
        for name, said in readers.items():
            predicted = list(zip(said, gold, strict=True))
            result[kind][name] = {"all": prf(predicted), "dev": prf(predicted[0::2]), "held_out": prf(predicted[1::2])}
        predicted = list(zip(learned, gold, strict=True))
        if args.errors:
            shown = 0
            for i in range(0, len(data), 2):
                if predicted[i][0] != data[i][1] and shown < args.errors:
                    print(("FN " if data[i][1] else "FP ") + label, data[i][0][:200])
                    shown += 1
    result["sentences_per_s"] = round(n / (time.perf_counter() - started), 1)
    result["target_f1"] = 0.75
    print_and_append(result, args.no_append, indent=None)


if __name__ == "__main__":
    main()
