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

import sys
from collections import defaultdict
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
    doc_sum: dict[str, Any] = defaultdict(lambda: np.zeros(512, dtype=np.float32))
    for (doc_id, _), text in texts.items():
        doc_sum[doc_id] = doc_sum[doc_id] + vectors[text]
    doc_vec = {d: v / max(float(np.linalg.norm(v)), 1e-9) for d, v in doc_sum.items()}
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


def topics(mentions: Sequence[Mention]) -> list[str]:
    return [m.topic for m in mentions]
