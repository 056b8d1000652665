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


# --------------------------------------------------------------------------------------------------
# the main predicate of a parsed sentence (PLOVER head)
#
# Whether a party demands, refuses, promises or does an act is said by the sentence's main verb and what it
# governs ("threatened to boycott", "will release", "must return", "did not accept"); the bag of words drowns
# it among the topic words. So the PLOVER head also reads the main predicate of the sentence's parse (French
# and English; an Arabic sentence has no parse and reads zeros here): the root verb, or, under a reporting
# verb ("..., police said"; "X said it would ..."), the verb it reports; the adjective of "is willing to";
# the verbs and objects it governs; its negation, future or modal. Each piece is hashed as the words are.

# Reporting verbs the main predicate is looked for under.
_SAY = frozenset({"say", "tell", "report", "announce", "state", "add", "claim", "declare", "confirm", "indicate",
                  "dire", "déclarer", "annoncer", "affirmer", "indiquer", "préciser", "ajouter", "estimer",
                  "rapporter"})
_NEG = frozenset({"not", "n't", "never", "ne", "pas", "jamais", "plus", "no"})
_FUTURE = frozenset({"will", "would", "'ll", "shall", "could", "may", "might", "devoir", "aller", "pouvoir"})
_MODAL = frozenset({"must", "should", "need", "have", "ought", "falloir"})
# Buckets of the predicate pieces, and their weight against the words and the embedding (the row is unit
# length, then multiplied): set by 5-fold cross-validation on the dev half of the PLOVER gold standard records
# (tools/train_event_classifier.py --cv; figures there).
PREDICATE_DIM = 4096
PREDICATE_WEIGHT = 2.0


def _dep(tok: Any) -> str:
    return str(tok.dep_).split(":")[0]


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _main_predicate(sent: Any) -> tuple[Any, list[str]]:
    roots = [t for t in sent if t.dep_ == "ROOT"]
    if not roots:
        return None, []
    pred, chain = roots[0], []
    for _ in range(3):  # "X said it would ...", "..., the ministry said": the reported verb
        if _lemma(pred) not in _SAY:
            break
        reported = [c for c in pred.children
                    if _dep(c) in ("ccomp", "parataxis", "xcomp") and c.pos_ in ("VERB", "AUX")]
        if not reported:
            break
        chain.append(_lemma(pred))
        pred = reported[0]
    if _lemma(pred) in ("be", "être"):  # "is willing to", "est prêt à": the adjective is the predicate
        adjectives = [c for c in pred.children if _dep(c) in ("acomp", "attr") and c.pos_ in ("ADJ", "VERB")]
        if adjectives:
            chain.append("be")
            pred = adjectives[0]
    return pred, chain


def predicate_pieces(sent: Any) -> list[str]:
    """The pieces of the main predicate of a parsed sentence (a spaCy ``Doc`` or ``Span``): "r:" its lemma,
    "s:" the reporting verbs above it, "x:"/"o:"/"p:" the verbs, objects and prepositions it governs,
    "neg:", "fut:", "mod:" its negation, future, modal; [] when the sentence has no root."""
    pred, chain = _main_predicate(sent)
    if pred is None:
        return []
    lem = _lemma(pred)
    out = ["r:" + lem] + ["s:" + c for c in chain]
    if pred.head.i != pred.i and any(c.lower_ == "to" and _dep(c) == "aux" for c in pred.children):
        out.append("h:" + _lemma(pred.head))
    for c in pred.children:
        d = _dep(c)
        if d in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            out += ["x:" + lem + ">" + _lemma(c), "x2:" + _lemma(c)]
            for g in c.children:
                if _dep(g) in ("dobj", "obj", "attr"):
                    out += ["xo:" + _lemma(c) + ">" + _lemma(g), "o2:" + _lemma(g)]
                if _dep(g) == "neg" or g.lower_ in _NEG:
                    out.append("xneg:" + _lemma(c))
        elif d in ("dobj", "obj", "attr"):
            out += ["o:" + lem + ">" + _lemma(c), "o2:" + _lemma(c)]
            out.extend("op:" + _lemma(c) + ">" + _lemma(g) for g in c.children if _dep(g) in ("prep", "nmod", "acl"))
        elif d in ("prep", "obl", "prt", "compound"):
            out.append("p:" + lem + ">" + _lemma(c))
        elif d == "neg" or c.lower_ in _NEG:
            out.append("neg:" + lem)
        elif d in ("aux", "auxpass") and (c.lower_ in _FUTURE or _lemma(c) in _FUTURE):
            out.append("fut:" + lem)
        elif d == "aux" and (c.lower_ in _MODAL or _lemma(c) in _MODAL):
            out += ["mod:" + lem, "mod"]
        elif d == "conj" and c.pos_ == "VERB":
            out.append("c:" + _lemma(c))
        elif d == "auxpass" or d == "nsubjpass" or c.dep_ == "nsubj:pass":
            out.append("pass:" + lem)
    return out


def _bucketed(pieces: Sequence[str], dim: int) -> dict[int, float]:
    """The pieces hashed into ``dim`` buckets (counts), scaled to unit length."""
    counts: dict[int, float] = {}
    for piece in pieces:
        j = zlib.crc32(piece.encode("utf-8")) % dim
        counts[j] = counts.get(j, 0.0) + 1.0
    norm = float(np.sqrt(sum(v * v for v in counts.values())))
    return {j: v / norm for j, v in counts.items()} if norm else {}


def predicates(sents: Sequence[Any], dim: int = PREDICATE_DIM) -> Any:
    """Rows (``len(sents)`` x ``dim``, float32) of the hashed main-predicate pieces of each parsed sentence,
    unit length times ``PREDICATE_WEIGHT``; a zero row for None (no parse: Arabic)."""
    x = np.zeros((len(sents), dim), dtype=np.float32)
    for i, sent in enumerate(sents):
        if sent is not None:
            for j, v in _bucketed(predicate_pieces(sent), dim).items():
                x[i, j] = v * PREDICATE_WEIGHT
    return x
