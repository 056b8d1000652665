"""The sentence-level event classifier: which kind of event a sentence reports, if any.

A softmax regression over the multilingual sentence embeddings the stories stage already uses (USE v3,
French, English and Arabic alike), trained by ``tools/train_event_classifier.py`` on the sentences we wrote
ourselves (``tools/events_training/sentences_*.jsonl``: every category of the contract and ``NONE`` — page
furniture, background, trigger words in another sense). The weights ship in the package
(``data/events/classifier.npz``, about 30 kB); nothing is downloaded.

The rules of the events stage find the trigger, the actors and the date; the classifier reads the whole
sentence and says whether it reports such an event at all. ``extract_events`` keeps a rule's event only when
the classifier gives its category (or a close one) enough probability (``_gate.py``), and the probability
is the raw material of the event's ``confidence``.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from recoupe.errors import RecoupeError

log = logging.getLogger(__name__)

NONE = "NONE"
# Shortest text the classifier reads: below it (an empty line, "Photo", a lone name) it answers nothing.
MIN_CHARS = 12


class ClassifierError(RecoupeError):
    """The classifier's weights are missing or unreadable (a broken install)."""


@dataclass(frozen=True, slots=True)
class SentenceClassifier:
    """Labels, weights (dimension x labels) and biases of the trained softmax regression."""

    labels: tuple[str, ...]
    weights: Any  # np.ndarray (d, k)
    bias: Any  # np.ndarray (k,)
    digest: str

    def probabilities(self, vectors: Any) -> Any:
        """Rows of label probabilities for rows of sentence vectors."""
        z = np.asarray(vectors, dtype=np.float32) @ self.weights + self.bias
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


def read_classifier(raw: bytes) -> SentenceClassifier:
    """A classifier from the bytes of its ``.npz`` file; ``ClassifierError`` when they are not one."""
    try:
        with np.load(io.BytesIO(raw), allow_pickle=False) as z:
            labels = tuple(str(x) for x in z["labels"])
            weights = np.asarray(z["weights"], dtype=np.float32)
            bias = np.asarray(z["bias"], dtype=np.float32)
    except Exception as exc:
        raise ClassifierError(f"the event classifier's weights cannot be read ({type(exc).__name__}: {exc}); "
                              "reinstall recoupe or re-run tools/train_event_classifier.py") from None
    if weights.ndim != 2 or weights.shape[1] != len(labels) or bias.shape != (len(labels),) or NONE not in labels:
        raise ClassifierError(f"the event classifier's weights have the wrong shape {weights.shape} for "
                              f"{len(labels)} labels; reinstall recoupe or re-run tools/train_event_classifier.py")
    return SentenceClassifier(labels, weights, bias, hashlib.sha256(raw).hexdigest()[:12])


@lru_cache(maxsize=1)
def load_classifier() -> SentenceClassifier:
    """The packaged classifier, read once; ``ClassifierError`` with one clear line when missing or corrupt."""
    path = resources.files("recoupe") / "data" / "events" / "classifier.npz"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ClassifierError(f"the event classifier's weights are missing ({exc.strerror}: {path}); "
                              "reinstall recoupe or re-run tools/train_event_classifier.py") from None
    return read_classifier(raw)


SentenceScorer = Callable[[Sequence[str]], list[dict[str, float]]]


@lru_cache(maxsize=1)
def default_scorer() -> SentenceScorer:
    """Texts -> one {label: probability} per text, with the packaged encoder and classifier ({} for a text too
    short to read)."""
    from recoupe.crosscheck.stories import load_encoder

    clf = load_classifier()
    encode = load_encoder()

    def score(texts: Sequence[str]) -> list[dict[str, float]]:
        keep = [i for i, t in enumerate(texts) if len(t.strip()) >= MIN_CHARS]
        out: list[dict[str, float]] = [{} for _ in texts]
        if not keep:
            return out
        probs = clf.probabilities(encode([" ".join(texts[i].split()) for i in keep]))
        for row, i in zip(probs, keep, strict=True):
            out[i] = {label: float(p) for label, p in zip(clf.labels, row, strict=True)}
        return out

    return score
