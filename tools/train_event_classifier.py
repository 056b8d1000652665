"""Train the sentence-level event classifier (``recoupe.understand.events.classifier``).

    .venv/bin/python tools/train_event_classifier.py            # writes src/recoupe/data/events/classifier.npz
    .venv/bin/python tools/train_event_classifier.py --cv 5     # also prints 5-fold cross-validated accuracy

Data: ``tools/events_training/sentences_{fr,en,ar}.jsonl``, sentences we wrote ourselves in news style (one
JSON object per line: ``text``, ``lang``, ``label`` — a category of the contract or ``NONE`` —, ``status``,
``hard``). Features: the USE v3 multilingual embedding the stories stage uses (512 dimensions, unit length).
Model: softmax regression with L2 penalty, full-batch gradient descent from zeros (deterministic: the same
data gives the same weights, byte for byte, on one machine). Classes are weighted so that each label counts
as much as any other. Takes well under a minute on a laptop.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tools" / "events_training"
OUT = ROOT / "src" / "recoupe" / "data" / "events" / "classifier.npz"
# L2 penalty and steps: chosen by 5-fold cross-validation on the training sentences (accuracy flat between
# 1e-4 and 1e-3; fewer steps underfit the hard negatives). Re-run with --cv after changing the data.
L2 = 3e-4
STEPS = 1500
LEARNING_RATE = 2.0


def load(paths: list[Path]) -> tuple[list[str], list[str], list[str]]:
    texts, labels, langs = [], [], []
    for p in paths:
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if not isinstance(rec.get("text"), str) or not isinstance(rec.get("label"), str):
                raise SystemExit(f"{p.name}:{n}: a line needs text and label")
            texts.append(" ".join(rec["text"].split()))
            labels.append(rec["label"])
            langs.append(rec.get("lang") or p.stem.rsplit("_", 1)[-1])
    return texts, labels, langs


def fit(x: np.ndarray, y: np.ndarray, k: int, l2: float = L2, steps: int = STEPS) -> tuple[np.ndarray, np.ndarray]:
    n, d = x.shape
    counts = np.bincount(y, minlength=k).astype(np.float64)
    sample_w = (n / (k * np.maximum(counts, 1)))[y]
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    w = np.zeros((d, k))
    b = np.zeros(k)
    x64 = x.astype(np.float64)
    for _ in range(steps):
        z = x64 @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_w[:, None] / n
        w -= LEARNING_RATE * (x64.T @ g + l2 * w)
        b -= LEARNING_RATE * g.sum(axis=0)
    return w.astype(np.float32), b.astype(np.float32)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation before the final fit")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from recoupe.crosscheck.stories import load_encoder

    paths = sorted(DATA.glob("sentences_*.jsonl"))
    texts, labels, langs = load(paths)
    names = sorted(set(labels))
    y = np.array([names.index(label) for label in labels])
    x = np.asarray(load_encoder()(texts), dtype=np.float32)
    print(f"{len(texts)} sentences from {', '.join(p.name for p in paths)}; {len(names)} labels")
    if args.cv:
        order = np.random.default_rng(0).permutation(len(texts))
        right = np.zeros(len(texts), dtype=bool)
        for f in range(args.cv):
            test = order[f :: args.cv]
            train = np.setdiff1d(order, test)
            w, b = fit(x[train], y[train], len(names))
            right[test] = (x[test] @ w + b).argmax(axis=1) == y[test]
        print(f"{args.cv}-fold accuracy {right.mean():.3f}; by language: " + ", ".join(
            f"{lang} {right[np.array(langs) == lang].mean():.3f}" for lang in sorted(set(langs))))
        for i, name in enumerate(names):
            print(f"  {name:22s} {right[y == i].mean():.3f} ({(y == i).sum()})")
    w, b = fit(x, y, len(names))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as fh:
        np.savez_compressed(fh, labels=np.array(names), weights=w, bias=b)
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
