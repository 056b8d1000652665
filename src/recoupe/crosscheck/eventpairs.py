"""Learned similarity of two event mentions, and the clustering of mentions into events with it.

A pair of event mentions (a trigger word in its sentence and its document) is described by a few numbers
(``FEATURES``: same head lemma or stem, how often two mentions of those two lemmas were one event in the
training topics (the lexicon), the cosines of the sentence embeddings of the two lemmas, of the few words
around each trigger, of the sentences and of the documents, the spelling likeness of the lemmas, the names
the documents share, the words, persons, states and dates the two sentences share or set against each other,
same document or sentence, verb or noun) and products of some of them (``CROSSED``); a logistic regression
(or one hidden layer of a few units: the file says) turns them into the probability that the two mentions tell
one event. The weights (``data/coref/event_pairs.json``, about 250 kB, nearly all of it the lexicon of lemma
pairs; nothing is downloaded) are trained by ``tools/train_event_pairs.py`` on the ECB+ training topics (the
Cybulska setup), the penalty and the clustering threshold chosen on the development topics;
``bench/bench_coref.py`` measures it on the test topics.

``cluster`` groups mentions by average-link agglomeration of those probabilities inside each group given
(a story: mentions of different stories are never one event), until no two clusters reach the threshold.

Pure functions over typed records: the caller computes the embeddings (``crosscheck.stories.load_encoder``)
and the sentence's persons, states and date; this module reads no text.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from recoupe.errors import RecoupeError

log = logging.getLogger(__name__)

FEATURES: tuple[str, ...] = (
    "same_lemma", "same_stem", "pair_prior", "pair_known", "lemma_cos", "lemma_chars", "window_cos",
    "sentence_cos", "doc_cos", "doc_names", "same_doc", "same_sentence", "args_jaccard", "args_shared",
    "persons_shared", "persons_disjoint", "countries_shared", "countries_disjoint", "dates_overlap",
    "dates_disjoint", "both_verbs", "both_nouns",
)

# the base features whose pairwise products (and squares) the model also weighs: a shared lemma means more
# inside one document cluster of close documents than across two distant ones
CROSSED: tuple[str, ...] = ("same_lemma", "pair_prior", "lemma_cos", "lemma_chars", "window_cos", "doc_cos",
                            "same_doc", "args_jaccard")
_CROSS_PAIRS = tuple((a, b) for k, a in enumerate(CROSSED) for b in CROSSED[k:]
                     if not (a == b and a.startswith("same")))
MODEL_INPUTS: tuple[str, ...] = FEATURES + tuple(f"{a}*{b}" for a, b in _CROSS_PAIRS)

_FIX = "reinstall recoupe or re-run tools/train_event_pairs.py"


class PairScorerError(RecoupeError):
    """The event-pair scorer's weights are missing or unreadable (a broken install)."""


@dataclass(frozen=True, slots=True)
class PairMention:
    """What the scorer compares of one event mention. Vectors are unit-length sentence embeddings (None:
    unknown, read as cosine 0); ``arguments`` the content words of its sentence other than the trigger."""

    doc: str
    sentence: int
    lemma: str
    pos: str = "X"  # "VERB", "NOUN" or another universal part of speech of the head
    lemma_vec: Any = None  # np.ndarray (d,) or None
    window_vec: Any = None  # the trigger and the few words around it
    sentence_vec: Any = None
    doc_vec: Any = None
    arguments: frozenset[str] = frozenset()
    doc_names: frozenset[str] = frozenset()  # names and numbers of its whole document (places, persons, counts)
    persons: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    start: date | None = None
    end: date | None = None
    trigrams: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        padded = f"^{self.lemma}$"
        object.__setattr__(self, "trigrams", frozenset(padded[i:i + 3] for i in range(max(1, len(padded) - 2))))


_SUFFIXES = ("ings", "ing", "ions", "ion", "ments", "ment", "ers", "er", "ed", "es", "s")
Lexicon = Mapping[tuple[str, str], float]


def stem(lemma: str) -> str:
    """The lemma less one common English suffix (the tagger leaves "shooting", "dies", "oscars" as they are)."""
    for suffix in _SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
            return lemma[: -len(suffix)]
    return lemma


def _cosines(vectors: Sequence[Any], dim: int) -> Any:
    """Matrix of cosines of unit vectors (0 where one is missing)."""
    m = np.zeros((len(vectors), dim), dtype=np.float32)
    for i, v in enumerate(vectors):
        if v is not None:
            m[i] = v
    return m @ m.T


def _dim(mentions: Sequence[PairMention]) -> int:
    for m in mentions:
        for v in (m.lemma_vec, m.window_vec, m.sentence_vec, m.doc_vec):
            if v is not None:
                return int(np.asarray(v).shape[0])
    return 1


def _overlap(a: frozenset[str], b: frozenset[str]) -> tuple[float, float]:
    """(shared, disjoint): 1 when both are known and share one value, 1 when both are known and share none."""
    if not a or not b:
        return 0.0, 0.0
    return (1.0, 0.0) if a & b else (0.0, 1.0)


def pair_features(mentions: Sequence[PairMention], lexicon: Lexicon | None = None) -> Any:
    """Features of every pair: array (n, n, len(FEATURES)), float32; the diagonal is not meaningful.
    ``lexicon``: (lemma, lemma) in sorted order -> how much likelier than usual two mentions of those lemmas
    in one topic were one event in the training topics (log odds ratio); unknown pairs read 0."""
    lexicon = lexicon or {}
    n, dim = len(mentions), _dim(mentions)
    out = np.zeros((n, n, len(FEATURES)), dtype=np.float32)
    col = {name: k for k, name in enumerate(FEATURES)}
    out[:, :, col["lemma_cos"]] = _cosines([m.lemma_vec for m in mentions], dim)
    out[:, :, col["window_cos"]] = _cosines([m.window_vec for m in mentions], dim)
    out[:, :, col["sentence_cos"]] = _cosines([m.sentence_vec for m in mentions], dim)
    out[:, :, col["doc_cos"]] = _cosines([m.doc_vec for m in mentions], dim)
    verbs = np.array([m.pos == "VERB" for m in mentions], dtype=np.float32)
    nouns = np.array([m.pos == "NOUN" for m in mentions], dtype=np.float32)
    out[:, :, col["both_verbs"]] = np.outer(verbs, verbs)
    out[:, :, col["both_nouns"]] = np.outer(nouns, nouns)
    for i, a in enumerate(mentions):
        for j in range(i + 1, n):
            b = mentions[j]
            row = out[i, j]
            same_lemma = a.lemma == b.lemma
            row[col["same_lemma"]] = same_lemma
            row[col["same_stem"]] = same_lemma or stem(a.lemma) == stem(b.lemma)
            prior = lexicon.get((a.lemma, b.lemma) if a.lemma <= b.lemma else (b.lemma, a.lemma))
            if prior is not None:
                row[col["pair_prior"]], row[col["pair_known"]] = prior, 1.0
            if same_lemma:
                row[col["lemma_cos"]] = 1.0
            row[col["lemma_chars"]] = len(a.trigrams & b.trigrams) / len(a.trigrams | b.trigrams)
            same_doc = a.doc == b.doc
            if a.doc_names and b.doc_names:
                row[col["doc_names"]] = len(a.doc_names & b.doc_names) / len(a.doc_names | b.doc_names)
            row[col["same_doc"]] = same_doc
            row[col["same_sentence"]] = same_doc and a.sentence == b.sentence
            shared = len(a.arguments & b.arguments)
            union = len(a.arguments | b.arguments)
            row[col["args_jaccard"]] = shared / union if union else 0.0
            row[col["args_shared"]] = min(shared, 5) / 5
            row[col["persons_shared"]], row[col["persons_disjoint"]] = _overlap(a.persons, b.persons)
            row[col["countries_shared"]], row[col["countries_disjoint"]] = _overlap(a.countries, b.countries)
            if a.start and a.end and b.start and b.end:
                overlap = a.start <= b.end and b.start <= a.end
                row[col["dates_overlap"]], row[col["dates_disjoint"]] = float(overlap), float(not overlap)
            out[j, i] = row
    return out


def expand(features: Any) -> Any:
    """The model's inputs (``MODEL_INPUTS``): the base features (..., len(FEATURES)) and the crossed products."""
    x = np.asarray(features, dtype=np.float32)
    col = {name: k for k, name in enumerate(FEATURES)}
    products = [x[..., col[a]] * x[..., col[b]] for a, b in _CROSS_PAIRS]
    return np.concatenate([x, np.stack(products, axis=-1)], axis=-1)


@dataclass(frozen=True, slots=True)
class PairScorer:
    """Standardisation, then a hidden layer of ``tanh`` units (none: a logistic regression), then a sigmoid.
    ``threshold``: the average probability at which ``cluster`` still merges two clusters."""

    mean: Any  # np.ndarray (f,)
    scale: Any  # np.ndarray (f,)
    hidden_w: Any  # np.ndarray (f, h), h may be 0
    hidden_b: Any  # np.ndarray (h,)
    out_w: Any  # np.ndarray (h,) or (f,) when h == 0
    out_b: float
    threshold: float
    lexicon: Lexicon = field(default_factory=dict)
    version: str = ""

    def pair_probabilities(self, mentions: Sequence[PairMention]) -> Any:
        """Matrix (n, n) of the probability that two mentions tell one event."""
        return self.probabilities(pair_features(mentions, self.lexicon))

    def probabilities(self, features: Any) -> Any:
        """Probability that each pair tells one event: base features (..., len(FEATURES)) -> (...)."""
        x = (expand(features) - self.mean) / self.scale
        if self.hidden_w.shape[1]:
            x = np.tanh(x @ self.hidden_w + self.hidden_b)
        z = np.clip(x @ self.out_w + self.out_b, -30.0, 30.0)
        return 1.0 / (1.0 + np.exp(-z))

    def score(self, a: PairMention, b: PairMention) -> float:
        return float(self.pair_probabilities([a, b])[0, 1])

    def same_event(self, a: PairMention, b: PairMention) -> bool:
        return self.score(a, b) >= self.threshold

    def to_json(self) -> dict[str, Any]:
        return {"features": list(MODEL_INPUTS), "mean": np.asarray(self.mean).tolist(),
                "scale": np.asarray(self.scale).tolist(), "hidden_w": np.asarray(self.hidden_w).tolist(),
                "hidden_b": np.asarray(self.hidden_b).tolist(), "out_w": np.asarray(self.out_w).tolist(),
                "out_b": float(self.out_b), "threshold": float(self.threshold),
                "lexicon": [[a, b, round(float(v), 4)] for (a, b), v in sorted(self.lexicon.items())]}


def read_scorer(raw: bytes) -> PairScorer:
    """A scorer from the bytes of its JSON file; ``PairScorerError`` (one line) when they are not one."""
    try:
        data = json.loads(raw.decode("utf-8"))
        names = tuple(data["features"])
        f = len(MODEL_INPUTS)
        mean = np.asarray(data["mean"], dtype=np.float32)
        scale = np.asarray(data["scale"], dtype=np.float32)
        hidden_w = np.asarray(data["hidden_w"], dtype=np.float32).reshape(f, -1)
        hidden_b = np.asarray(data["hidden_b"], dtype=np.float32)
        out_w = np.asarray(data["out_w"], dtype=np.float32)
        out_b, threshold = float(data["out_b"]), float(data["threshold"])
        lexicon = {(str(a), str(b)): float(v) for a, b, v in data["lexicon"]}
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise PairScorerError(f"the event-pair scorer's weights cannot be read ({type(exc).__name__}: {exc}); "
                              f"{_FIX}") from None
    h = hidden_w.shape[1]
    if names != MODEL_INPUTS or mean.shape != (f,) or scale.shape != (f,) or hidden_b.shape != (h,) \
            or out_w.shape != ((h,) if h else (f,)) or not np.all(scale > 0) \
            or not all(np.all(np.isfinite(a)) for a in (mean, hidden_w, hidden_b, out_w)):
        raise PairScorerError(f"the event-pair scorer's weights do not fit its {f} features; {_FIX}")
    return PairScorer(mean, scale, hidden_w, hidden_b, out_w, out_b, threshold, lexicon,
                      hashlib.sha256(raw).hexdigest()[:12])


@lru_cache(maxsize=2)
def load_scorer(path: Path | None = None) -> PairScorer:
    """The packaged scorer (or the one at ``path``), read once; ``PairScorerError`` with one clear line when
    missing or corrupt."""
    if path is None:
        path = Path(str(resources.files("recoupe") / "data" / "coref" / "event_pairs.json"))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PairScorerError(f"the event-pair scorer's weights are missing ({exc.strerror}: {path}); "
                              f"{_FIX}") from None
    return read_scorer(raw)


def average_link(probabilities: Any, threshold: float) -> list[list[int]]:
    """Average-link agglomeration of a symmetric matrix of pair probabilities: merge the two clusters of
    highest mean probability while it is at least ``threshold``."""
    n = probabilities.shape[0]
    sums = np.array(probabilities, dtype=np.float64)
    np.fill_diagonal(sums, 0.0)
    sizes = np.ones(n)
    members: list[list[int]] = [[i] for i in range(n)]
    alive = np.ones(n, dtype=bool)
    while alive.sum() > 1:
        mean = sums / np.outer(sizes, sizes)
        mean[~alive, :] = -1.0
        mean[:, ~alive] = -1.0
        np.fill_diagonal(mean, -1.0)
        flat = int(np.argmax(mean))
        i, j = divmod(flat, n)
        if mean[i, j] < threshold:
            break
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        sums[i, i] = 0.0
        sizes[i] += sizes[j]
        members[i] += members[j]
        alive[j] = False
        members[j] = []
    return [sorted(m) for m in members if m]


def cluster(mentions: Sequence[PairMention], groups: Sequence[Hashable], scorer: PairScorer,
            threshold: float | None = None) -> list[list[int]]:
    """Partition of the mentions (indexes) into events: average-link within each group (a story), never
    across groups; ``threshold`` defaults to the scorer's own (set on the ECB+ development topics)."""
    limit = scorer.threshold if threshold is None else threshold
    by_group: dict[Hashable, list[int]] = {}
    for i, g in enumerate(groups):
        by_group.setdefault(g, []).append(i)
    out: list[list[int]] = []
    for idx in by_group.values():
        probs = scorer.pair_probabilities([mentions[i] for i in idx])
        out += [[idx[k] for k in c] for c in average_link(probs, limit)]
    return sorted(out)
