"""Train the Arabic ASSAULT / PROTEST sentence detector (``recoupe.understand.events.arabic_gsr.classify``).

Two yes/no logistic heads over the sentence's multilingual USE embedding (``crosscheck.stories.load_encoder``),
its hashed words (``understand.events._features.hashed``) and what the rules see in it
(``arabic_gsr.rule_features``, times a rule scale), trained on

* the **dev half** of the OEDA Arabic gold standard records (``../shared/benchmarks/arabic_event_gsr``: the
  even rows of the scored rows of ``assault_gsr.csv`` / ``protest_gsr.csv``, "yes" against "easy no" +
  "difficult no"; the odd rows are held out, scored only by ``bench/bench_arabic_gsr.py``), and
* our own Arabic sentences: ``tools/events_training/arabic_gsr_ar.jsonl`` (``{"text", "assault", "protest"}``,
  written for this detector: acts, and hard negatives — a protest as background, a call to strike, a weapons
  show, a parade, a threat, a denial, a historic attack) and the ASSAULT / PROTEST / other rows of
  ``plover_ar.jsonl``.

Every setting (L2 penalty, weight of one of our sentences against one gold sentence, rule scale, threshold) is
chosen by
5-fold cross-validation on the dev half only (our sentences always in the training folds); the script prints
the grid. ``--grid`` runs the whole grid, otherwise only the chosen settings (to refit in about a minute once
the embedding cache is warm; the first run embeds ~3,000 sentences, several minutes on two cores).

    PYTHONPATH=src .venv/bin/python tools/train_arabic_gsr.py [--grid]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_event_classifier import (  # one USE cache reader and one F1 threshold search for both tools
    best_threshold,
    embedder,
    f1_score,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tools" / "events_training"
OWN = DATA / "arabic_gsr_ar.jsonl"
PLOVER_AR = DATA / "plover_ar.jsonl"
OUT = ROOT / "src" / "recoupe" / "data" / "events" / "arabic_gsr.npz"
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
CACHE = ROOT / ".cache" / "arabic_gsr_embeddings.npz"
KINDS = ("ASSAULT", "PROTEST")
SCORED = ("yes", "easy no", "difficult no")
HASH_DIM = 8192
STEPS = 300
RATE = 0.05
FOLDS = 5
# The chosen settings per kind (L2, weight of one of our sentences, rule scale), from the --grid run's
# 5-fold F1 on the dev half. ASSAULT: 3e-4/1/0.3 0.701, 3e-4/1/1 0.696, 1e-3/1/0.3 0.695, 3e-4/3/0.3 0.689,
# 1e-3/3/0.3 ~0.69, rule features left out (3e-4/1) 0.703, our sentences left out 0.690. PROTEST: 3e-4/1/0.3
# 0.463, 1e-3/1/0.3 0.457, 1e-3/3/0.3 0.452, 3e-4/3/0.3 0.447, 1e-3/1/1 0.446, 3e-4/1/1 0.444; without the
# rule features 0.31-0.34, without our sentences 0.28. Issue 14 (protest rules of a gathering told as the news,
# the rule features of protest and assault added, our sentences relabelled to the annotators' reading and 86
# added), same settings: ASSAULT 0.701 (threshold 0.70), PROTEST 0.692 (threshold 0.55, was 0.463); the PROTEST
# grid before the last features: 3e-4/1/0.3 0.649, 3e-4/1/1 0.649, 3e-4/3/0.3 0.639.
CHOSEN: dict[str, tuple[float, float, float]] = {"ASSAULT": (3e-4, 1.0, 0.3), "PROTEST": (3e-4, 1.0, 0.3)}
GRID_L2 = (3e-4, 1e-3)
GRID_OWN_WEIGHT = (1.0, 3.0)
GRID_RULE_SCALE = (0.3, 1.0)


def gsr_dev(benchmarks: Path, kind: str) -> list[tuple[str, bool]]:
    """The dev half (even scored rows) of one gold file: (text, yes)."""
    path = benchmarks / "arabic_event_gsr" / f"{kind.lower()}_gsr.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [(" ".join(r["text"].split()), r["label"] == "yes") for r in csv.DictReader(handle)
                if r["label"] in SCORED]
    return rows[0::2]


def own_rows(kind: str) -> list[tuple[str, bool]]:
    """Our sentences: (text, is this kind)."""
    out = []
    for line in OWN.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append((" ".join(r["text"].split()), bool(r[kind.lower()])))
    for line in PLOVER_AR.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append((" ".join(r["text"].split()), r["plover"] == kind))
    return out


def fit(x: np.ndarray, y: np.ndarray, row_w: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Logistic regression, class-balanced and row-weighted, Adam from zeros."""
    n, d = x.shape
    pos = float(row_w[y == 1].sum())
    neg = float(row_w[y == 0].sum())
    sample_w = row_w * np.where(y == 1, (pos + neg) / (2 * max(pos, 1e-9)), (pos + neg) / (2 * max(neg, 1e-9)))
    sample_w = (sample_w / n).astype(np.float32)
    w = np.zeros(d, dtype=np.float32)
    b = 0.0
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    yf = y.astype(np.float32)
    for t in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w + b, -30, 30)))
        g = (p - yf) * sample_w
        g_w, g_b = x.T @ g + l2 * w, float(g.sum())
        m_w, v_w = 0.9 * m_w + 0.1 * g_w, 0.999 * v_w + 0.001 * g_w * g_w
        m_b, v_b = 0.9 * m_b + 0.1 * g_b, 0.999 * v_b + 0.001 * g_b * g_b
        rate = RATE * np.sqrt(1 - 0.999**t) / (1 - 0.9**t)
        w -= (rate * m_w / (np.sqrt(v_w) + 1e-8)).astype(np.float32)
        b -= float(rate * m_b / (np.sqrt(v_b) + 1e-8))
    return w, b


def cross_validate(x: np.ndarray, y: np.ndarray, n_dev: int, own_weight: float, l2: float) -> np.ndarray:
    """Out-of-fold probabilities of the dev-half rows (the first ``n_dev``), our rows always trained on."""
    order = np.random.default_rng(0).permutation(n_dev)
    prob = np.zeros(n_dev)
    ours = np.arange(n_dev, len(y))
    row_w = np.concatenate([np.ones(n_dev), np.full(len(y) - n_dev, own_weight)])
    for f in range(FOLDS):
        test = order[f::FOLDS]
        train = np.concatenate([np.setdiff1d(order, test), ours if own_weight > 0 else ours[:0]])
        w, b = fit(x[train], y[train], row_w[train], l2)
        prob[test] = 1.0 / (1.0 + np.exp(-np.clip(x[test] @ w + b, -30, 30)))
    return prob


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--grid", action="store_true", help="cross-validate the whole settings grid")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--benchmarks", type=Path, default=BENCHMARKS, help="the shared benchmarks folder")
    ap.add_argument("--cache", type=Path, default=CACHE, help="embedding cache file")
    ap.add_argument("--kinds", default=",".join(KINDS), help="the types to train (all to write the weights)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from recoupe.understand.events._features import hashed
    from recoupe.understand.events.arabic_gsr import rule_features

    embed = embedder(args.cache)
    weights, biases, thresholds, settings = [], [], [], []
    kinds = tuple(k for k in KINDS if k in args.kinds.split(","))
    for kind in kinds:
        dev = gsr_dev(args.benchmarks, kind)
        ours = own_rows(kind)
        rows = dev + ours
        texts = [t for t, _ in rows]
        y = np.array([int(yes) for _t, yes in rows])
        base = np.hstack([embed(texts), hashed(texts, HASH_DIM)]).astype(np.float32)
        rules = rule_features(texts)
        gold = y[: len(dev)].astype(bool)
        print(f"{kind}: {len(dev)} gold rows of the dev half ({gold.sum()} yes), {len(ours)} of ours "
              f"({sum(yes for _t, yes in ours)} yes)")
        grid = list(itertools.product(GRID_L2, GRID_OWN_WEIGHT, GRID_RULE_SCALE)) if args.grid else [CHOSEN[kind]]
        scored = []
        for l2, own_weight, scale in grid:
            x = np.hstack([base, scale * rules]).astype(np.float32)
            prob = cross_validate(x, y, len(dev), own_weight, l2)
            th = best_threshold(prob, gold, top=0.95)
            score, p, r = f1_score(prob >= th, gold)
            scored.append((score, l2, own_weight, scale, th))
            print(f"  L2 {l2:g}, own weight {own_weight:g}, rule scale {scale:g}: {FOLDS}-fold on the dev half, "
                  f"threshold {th:.2f}, F1 {score:.3f} (P {p:.3f} R {r:.3f})", flush=True)
        _score, l2, own_weight, scale, th = max(scored, key=lambda s: s[0]) if args.grid else scored[0]
        x = np.hstack([base, scale * rules]).astype(np.float32)
        row_w = np.concatenate([np.ones(len(dev)), np.full(len(ours), own_weight)])
        keep = row_w > 0
        w, b = fit(x[keep], y[keep], row_w[keep], l2)
        weights.append(w)
        biases.append(b)
        thresholds.append(th)
        settings.append((l2, own_weight, scale))
        print(f"  final: L2 {l2:g}, own weight {own_weight:g}, rule scale {scale:g}, threshold {th:.2f}",
              flush=True)
    if kinds != KINDS:
        return 0  # a grid of some types only: nothing written
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as fh:
        np.savez_compressed(fh, labels=np.array(KINDS), weights=np.stack(weights, axis=1).astype(np.float16),
                            bias=np.array(biases, dtype=np.float32),
                            thresholds=np.array(thresholds, dtype=np.float32), hash_dim=np.array(HASH_DIM),
                            rule_scale=np.array([s[2] for s in settings], dtype=np.float32),
                            settings=np.array(settings, dtype=np.float32))
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
