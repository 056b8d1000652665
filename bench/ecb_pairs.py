"""ECB+ gold event mentions as ``recoupe.crosscheck.eventpairs.PairMention`` records, for the learned pair
scorer's training (``tools/train_event_pairs.py``) and measurement (``bench/bench_coref.py``).

Everything but the mention span is predicted: the head lemma and part of speech by spaCy on the given tokens,
the sentence's persons, states and one date as in ``bench_coref.sentence_features``, the USE v3 embeddings
(``crosscheck.stories.load_encoder``) of the head lemma, of the sentence and of the document (mean of its
sentences' embeddings, unit length). Embeddings are cached in ``bench/out/ecb_use_cache.npz`` (git-ignored:
it is computed from the corpus in ``../shared``, which the repository does not hold); the first run of a split
encodes its sentences (about a minute per thousand sentences on one CPU), later runs read the cache.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_coref import _SPACE_BEFORE_PUNCT, Dataset, Mention, _head, sentence_features
from recoupe.crosscheck.eventpairs import PairMention

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / "out" / "ecb_use_cache.npz"
ARGUMENT_POS = frozenset({"NOUN", "PROPN", "NUM"})
WINDOW = 4  # words each side of the mention in its "window" embedding
NAME_POS = frozenset({"PROPN", "NUM"})


def embed(texts: Sequence[str], cache: Path = CACHE) -> dict[str, Any]:
    """Unit USE vectors of the texts, through the cache file (texts never seen are encoded and added)."""
    known: dict[str, Any] = {}
    if cache.is_file():
        with np.load(cache, allow_pickle=False) as z:
            known = dict(zip(z["texts"].tolist(), z["vectors"], strict=True))
    missing = sorted({t for t in texts if t not in known})
    if missing:
        from recoupe.crosscheck.stories import load_encoder

        encode = load_encoder()
        for start in range(0, len(missing), 64):
            chunk = missing[start:start + 64]
            vectors = encode(chunk)
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
            known.update(zip(chunk, vectors, strict=True))
        cache.parent.mkdir(parents=True, exist_ok=True)
        names = sorted(known)
        np.savez_compressed(cache, texts=np.array(names), vectors=np.stack([known[t] for t in names]))
    return {t: known[t] for t in texts}


def pair_mentions(data: Dataset, parsed: Mapping[tuple[str, int], Any], kb: Any) -> list[PairMention]:
    """One ``PairMention`` per gold mention of ``data`` (same order)."""
    texts = {k: _SPACE_BEFORE_PUNCT.sub(r"\1", doc.text) for k, doc in parsed.items()}
    heads = [_head(parsed[(m.doc, m.sent)], m.tokens) for m in data.mentions]
    lemmas = [h.lemma_.lower() for h in heads]
    windows = [" ".join(data.sentences[(m.doc, m.sent)][max(0, min(m.tokens) - WINDOW):max(m.tokens) + WINDOW + 1])
               for m in data.mentions]
    vectors = embed(sorted(set(texts.values()) | set(lemmas) | set(windows)))
    doc_vec = document_vectors(parsed, vectors)
    names: dict[str, set[str]] = defaultdict(set)
    for (doc_id, _), doc in parsed.items():
        names[doc_id].update(t.lemma_.lower() for t in doc if (t.pos_ in NAME_POS or t.ent_type_)
                             and (t.is_alpha or t.like_num) and not t.is_stop)
    per_sentence = {k: sentence_features(d, kb, data.dct.get(k[0])) for k, d in parsed.items()}
    out = []
    for m, head, lemma, window in zip(data.mentions, heads, lemmas, windows, strict=True):
        doc = parsed[(m.doc, m.sent)]
        span = set(m.tokens)
        arguments = frozenset(t.lemma_.lower() for t in doc if t.pos_ in ARGUMENT_POS and t.i not in span
                              and (t.is_alpha or t.like_num) and not t.is_stop)
        persons, countries, dates = per_sentence[(m.doc, m.sent)]
        start, end = (dates[0], dates[1]) if dates else (None, None)
        out.append(PairMention(doc=m.doc, sentence=m.sent, lemma=lemma, pos=head.pos_, lemma_vec=vectors[lemma],
                               window_vec=vectors[window],
                               sentence_vec=vectors[texts[(m.doc, m.sent)]], doc_vec=doc_vec[m.doc],
                               arguments=arguments, doc_names=frozenset(names[m.doc]), persons=persons,
                               countries=countries, start=start, end=end))
    return out


def document_vectors(parsed: Mapping[tuple[str, int], Any], vectors: Mapping[str, Any] | None = None
                     ) -> dict[str, Any]:
    """Unit embedding of each document: the mean of its sentences' USE vectors (through the cache)."""
    texts = {k: _SPACE_BEFORE_PUNCT.sub(r"\1", doc.text) for k, doc in parsed.items()}
    if vectors is None:
        vectors = embed(sorted(set(texts.values())))
    doc_sum: dict[str, Any] = defaultdict(lambda: np.zeros(512, dtype=np.float32))
    for (doc_id, _), text in texts.items():
        doc_sum[doc_id] = doc_sum[doc_id] + vectors[text]
    return {d: v / max(float(np.linalg.norm(v)), 1e-9) for d, v in doc_sum.items()}


_YEAR = re.compile(r"(?:19|20)\d\d")
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_WHEN = frozenset({"DATE", "TIME"})


def _word_kinds(t: Any) -> list[str | None]:
    """The word a token adds to each TF-IDF bag of ``DOCUMENT_FEATURES`` (None: to none), in its order."""
    alpha, number, entity, pos = t.is_alpha, t.like_num, t.ent_type_, t.pos_
    lemma, text = t.lemma_.lower(), t.text.lower()
    return [lemma if pos in ("NOUN", "PROPN", "VERB") and alpha else None,
            text if (pos in ("PROPN", "NUM") or entity) and (alpha or number) and not t.is_stop else None,
            text if entity in _WHEN and (alpha or number) and not t.is_stop else None,
            text if entity in _PLACES and alpha else None,
            text if entity in ("PERSON", "ORG") and alpha else None,
            text if number and not _YEAR.fullmatch(t.text) else None,
            lemma if pos in ("NOUN", "VERB") and alpha and not entity else None]


def _tfidf_cosines(bags: Sequence[Counter[str]]) -> Any:
    """Cosines of the TF-IDF vectors ((1 + log tf) x log(N / df)) of the bags; 0 for an empty bag."""
    df = Counter(w for b in bags for w in b)
    index = {w: k for k, w in enumerate(sorted(df))}
    m = np.zeros((len(bags), len(index) + 1))
    for i, bag in enumerate(bags):
        for w, n in bag.items():
            m[i, index[w]] = (1 + math.log(n)) * math.log(len(bags) / df[w])
    m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
    return m @ m.T


def document_features(parsed: Mapping[tuple[str, int], Any], doc_vec: Mapping[str, Any]) -> tuple[list[str], Any]:
    """(documents, similarities (n, n, len(DOCUMENT_FEATURES))) for the document scorer of
    ``recoupe.crosscheck.eventpairs``: seven TF-IDF cosines over the parsed sentences, the embedding cosine,
    years shared and years set against each other."""
    from recoupe.crosscheck.eventpairs import DOCUMENT_FEATURES

    names = sorted({doc_id for doc_id, _ in parsed})
    row = {d: i for i, d in enumerate(names)}
    bags: list[list[Counter[str]]] = [[Counter() for _ in names] for _ in range(7)]
    years: list[set[str]] = [set() for _ in names]
    for (doc_id, _), doc in parsed.items():
        i = row[doc_id]
        for t in doc:
            for k, word in enumerate(_word_kinds(t)):
                if word:
                    bags[k][i][word] += 1
            if _YEAR.fullmatch(t.text):
                years[i].add(t.text)
    cos = [_tfidf_cosines(b) for b in bags]
    vectors = np.stack([doc_vec[d] for d in names])
    dated = np.array([bool(y) for y in years])
    both = np.outer(dated, dated)
    shared = np.array([[bool(a & b) for b in years] for a in years]) & both
    out = np.stack([cos[0], cos[1], vectors @ vectors.T, *cos[2:], shared, both & ~shared], axis=-1)
    assert out.shape[-1] == len(DOCUMENT_FEATURES)
    return names, out.astype(np.float32)


def predicted_stories(parsed: Mapping[tuple[str, int], Any], scorer: Any, threshold: float | None = None
                      ) -> dict[str, str]:
    """Story id of each document by the document scorer (``eventpairs.cluster_documents``)."""
    from recoupe.crosscheck.eventpairs import cluster_documents

    names, features = document_features(parsed, document_vectors(parsed))
    return {names[d]: f"d{k}" for k, c in enumerate(cluster_documents(features, scorer, threshold)) for d in c}


def topics(mentions: Sequence[Mention]) -> list[str]:
    return [m.topic for m in mentions]
