"""Benchmark of the Arabic temporal rules on our own gold (tests/golden/timex_ar.json): value accuracy (the share
of gold expressions that a tagged timex overlaps with the gold value), expressions found, exact spans, per
outlet style, and the press corpus's Arabic texts tagged end to end (timexes per text, none may crash).

``.venv/bin/python bench/bench_timex_ar.py`` prints one JSON object and appends it as one line to
``bench/results.jsonl`` (``--no-append`` to skip). ``items`` (161 expressions) is the set the rules were revised
on; ``held_out`` (40) was written afterwards and first measured at 36/40 (0.90) before any change.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import print_and_append, utc_now  # noqa: E402
from recoupe.read.arabic import is_arabic_page  # noqa: E402
from recoupe.read.clean import clean_text  # noqa: E402
from recoupe.understand.timex import tag  # noqa: E402
from recoupe.understand.timex.gold_ar import GoldExpression, read_gold, score_gold  # noqa: E402

PRESS = ROOT.parent / "shared" / "corpus" / "press"
FIRST_MEASURE = {"items": 0.901, "held_out": 0.90}


def _score(gold: list[GoldExpression]) -> dict[str, object]:
    s = score_gold(gold, lambda text, dct: tag(text, lang="ar", dct=dct))
    out = s.as_dict()
    by_style: dict[str, list[GoldExpression]] = defaultdict(list)
    for g in gold:
        by_style[g.style].append(g)
    out["by_style"] = {k: round(score_gold(v, lambda text, dct: tag(text, lang="ar", dct=dct)).value_accuracy, 3)
                       for k, v in sorted(by_style.items())}
    out["errors"] = list(s.errors)
    return out


def run_press() -> dict[str, object]:
    """The Arabic texts of the press corpus, cleaned and tagged with their dateline date as DCT."""
    files = [f for f in sorted(PRESS.glob("ar*.txt")) if is_arabic_page(f.read_text(encoding="utf-8").splitlines())]
    counts = {}
    for f in files:
        page = clean_text(f.read_text(encoding="utf-8"))
        counts[f.stem] = len(tag("\n\n".join(page.lines), lang="ar", dct=page.published.value))
    return {"texts": len(files), "timexes": sum(counts.values()), "per_text": counts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to results.jsonl")
    args = parser.parse_args(argv)
    data = json.loads((ROOT / "tests" / "golden" / "timex_ar.json").read_text(encoding="utf-8"))
    result: dict[str, object] = {
        "date": utc_now(),
        "bench": "timex_ar",
        "items": _score(read_gold(data)),
        "held_out": _score(read_gold({"items": data["held_out"]})),
        "first_measure": FIRST_MEASURE,
    }
    if PRESS.is_dir():
        result["press_ar"] = run_press()
    else:
        print(f"{PRESS} not found: press texts skipped", file=sys.stderr)
    print_and_append(result, args.no_append)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
