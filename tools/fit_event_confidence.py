"""Fit the weights of the events' ``confidence`` (``recoupe.understand.events.confidence``) on the dev split.

    PYTHONPATH=src .venv/bin/python -m recoupe run ../shared/corpus/press --out /tmp/press -q
    PYTHONPATH=src .venv/bin/python tools/fit_event_confidence.py /tmp/press      # writes data/events/confidence.json

Labels: each output event told by a dev article (STATEMENT and OTHER aside, as the scorer's precision does) is
right when it matches a gold event (``../shared/tools/score.py``'s ``matches``, loaded by path), else wrong.
Model: logistic regression with an L2 penalty on the weights (not the bias), full-batch gradient descent from
zeros (deterministic). Only the dev split is read; bench/bench_confidence.py reports the test split.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PRESS = SHARED / "corpus" / "press"
OUT = ROOT / "src" / "recoupe" / "data" / "events" / "confidence.json"
# Penalty and steps: eight features on about 70 events (6 to 8 wrong); chosen by 5-fold cross-validated log-loss on
# the dev events (L2 0.1: 0.380, 0.5: 0.366, 1: 0.367, 2: 0.370, 5: 0.376). Re-fit after changing the events
# stage or fusion, and re-run bench/bench_confidence.py.
L2 = 0.5
STEPS = 4000
LEARNING_RATE = 0.5


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("press_score", SHARED / "tools" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {SHARED / 'tools' / 'score.py'}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def labelled(out: Path, split: str, lang: str | None = None) -> list[tuple[dict[str, Any], bool]]:
    """(event record, right?) for the counted output events of a split's articles."""
    score = load_scorer()
    gold = score.load_gold(str(PRESS), split, lang)
    docs = {m["file"]: m for m in gold.MANIFEST}
    arts = {}
    for a in score.read_jsonl(out / "articles.jsonl"):
        k = score.doc_key(a.get("source", ""), list(docs))
        if k:
            arts[k] = a
    doc_of = score.doc_of(arts)
    rows = []
    for ev in score.read_jsonl(out / "events.jsonl"):
        if ev.get("category") in score.IGNORED_IN_PRECISION:
            continue
        if not any(m.get("article") in doc_of for m in ev.get("mentions", [])):
            continue
        rows.append((ev, any(score.matches(ev, g, doc_of) for g in gold.EVENTS)))
    return rows


def fit(x: list[list[float]], y: list[bool]) -> list[float]:
    d = len(x[0])
    w = [0.0] * d
    n = len(x)
    for _ in range(STEPS):
        grad = [0.0] * d
        for xi, yi in zip(x, y, strict=True):
            z = sum(a * b for a, b in zip(w, xi, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for j in range(d):
                grad[j] += (p - (1.0 if yi else 0.0)) * xi[j] / n
        for j in range(d):
            w[j] -= LEARNING_RATE * (grad[j] + (L2 * w[j] / n if j else 0.0))
    return w


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder of a `recoupe run` over ../shared/corpus/press")
    ap.add_argument("--write", type=Path, default=OUT)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from recoupe.understand.events.confidence import FEATURES, features

    rows = labelled(args.out, "dev")
    x = [features(ev) for ev, _ok in rows]
    y = [ok for _ev, ok in rows]
    w = fit(x, y)
    data = {"features": list(FEATURES), "weights": {k: round(v, 4) for k, v in zip(FEATURES, w, strict=True)},
            "fitted_on": f"{len(rows)} output events of the press corpus's dev split ({sum(y)} right)",
            "by": "tools/fit_event_confidence.py", "date": dt.date.today().isoformat()}
    args.write.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(json.dumps(data, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
