"""Reliability of the events' ``confidence`` on the press corpus: per band of confidence, how many output
events and how many right (they match a gold event), on the dev split (where the weights were fitted by
tools/fit_event_confidence.py) and on the test split (held out).

``PYTHONPATH=src .venv/bin/python bench/bench_confidence.py [OUT]`` runs recoupe on ../shared/corpus/press into
OUT (a temporary folder when not given; an existing OUT with events.jsonl is scored as it is), prints one JSON
object and appends it to bench/results.jsonl (``--no-append`` to skip). The issue's target: among events of
confidence >= 0.8, at least 0.8 are right (``at_least_0.8``). STATEMENT and OTHER are left out, as the scorer's
precision leaves them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fit_event_confidence import PRESS, labelled  # noqa: E402

from bench.common import print_and_append, utc_now  # noqa: E402

BANDS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))


def reliability(rows: list[tuple[dict[str, Any], bool]]) -> dict[str, Any]:
    table = []
    for lo, hi in BANDS:
        inside = [(ev, ok) for ev, ok in rows if lo <= float(ev.get("confidence") or 0.0) < hi]
        right = sum(ok for _ev, ok in inside)
        mean = sum(float(ev.get("confidence") or 0.0) for ev, _ok in inside) / len(inside) if inside else None
        table.append({"band": f"{lo:.1f}-{min(hi, 1.0):.1f}", "events": len(inside), "right": right,
                      "share_right": round(right / len(inside), 3) if inside else None,
                      "mean_confidence": round(mean, 3) if mean is not None else None})
    high = [(ev, ok) for ev, ok in rows if float(ev.get("confidence") or 0.0) >= 0.8]
    share = sum(ok for _ev, ok in high) / len(high) if high else None
    return {"events": len(rows), "right": sum(ok for _ev, ok in rows), "table": table,
            "at_least_0.8": {"events": len(high), "share_right": round(share, 3) if share is not None else None,
                             "met": share is not None and share >= 0.8}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--no-append", action="store_true")
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="recoupe-confidence-"))
    if not (out / "events.jsonl").is_file():
        subprocess.run([sys.executable, "-m", "recoupe", "run", str(PRESS), "--out", str(out), "-q"], check=True)
    result = {"date": utc_now(), "bench": "confidence",
              "dev": reliability(labelled(out, "dev")), "test": reliability(labelled(out, "test"))}
    print_and_append(result, args.no_append, ensure_ascii=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
