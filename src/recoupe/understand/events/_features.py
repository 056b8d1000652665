"""The hashed bag of words the sentence classifier reads beside the sentence embedding.

The USE embedding says what a sentence is about (a war, a summit); whether a party demands, refuses,
threatens or does the act is carried by a few words ("demanded", "rejected", "تظاهر"). So the PLOVER and
Arabic heads of the classifier also read the sentence's words: its words, word pairs and the 3- and
4-character pieces of its words (which catch Arabic clitics and inflections, "والمتظاهرون" sharing pieces
with "تظاهر"), on the text normalised as for matching (``arabic_text.normalize_for_matching``: Latin
lower-cased, Arabic letter variants folded), each hashed (CRC-32, the same on every machine) into one of
``dim`` buckets, the row scaled to unit length.

Shared by the library (``classifier.py``) and the training script, so that both read a sentence the same way.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from recoupe.understand.arabic_text import normalize_for_matching

_WORD = re.compile(r"\w+", re.UNICODE)
# English and French inflections folded before hashing (a crude stem: "demanded", "demands" -> "demand").
_SUFFIXES = ("ing", "ed", "es", "s", "ly", "ent", "ait")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _pieces(text: str) -> list[str]:
    words = [_stem(w) for w in _WORD.findall(normalize_for_matching(text))]
    out = ["w:" + w for w in words]
    out.extend("b:" + a + "_" + b for a, b in itertools.pairwise(words))
    for w in words:
        padded = f"<{w}>"
        out.extend("c:" + padded[j : j + n] for n in (3, 4) for j in range(len(padded) - n + 1))
    return out


def hashed(texts: Sequence[str], dim: int) -> Any:
    """Rows (``len(texts)`` x ``dim``, float32, unit length or zero) of the hashed words of each text."""
    x = np.zeros((len(texts), dim), dtype=np.float32)
    for i, text in enumerate(texts):
        for piece in _pieces(text):
            x[i, zlib.crc32(piece.encode("utf-8")) % dim] += 1.0
        norm = float(np.linalg.norm(x[i]))
        if norm:
            x[i] /= norm
    return x
