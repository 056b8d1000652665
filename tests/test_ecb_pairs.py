"""bench/ecb_pairs.document_features: the similarities of two documents the document scorer weighs, on
documents we wrote (parsed by the project's English spaCy model)."""

from __future__ import annotations

import numpy as np
from bench.bench_coref import parse
from bench.ecb_pairs import document_features

from recoupe.crosscheck.eventpairs import DOCUMENT_FEATURES, cluster_documents, load_scorer
from recoupe.settings import Settings

# Own words: two reports of one flood rescue in 2021, one of another rescue in 2019, one about a tram line.
DOCS = {
    "a": ["Firefighters rescued 12 hikers from a flooded gorge near Grenoble in July 2021 .",
          "The hikers were taken to a hospital in Grenoble ."],
    "b": ["In July 2021 , 12 hikers trapped in a gorge near Grenoble were rescued by firefighters ."],
    "c": ["Firefighters rescued 3 climbers stranded on a ridge above Chamonix in 2019 ."],
    "d": ["The city council of Bordeaux approved a new tram line after a long debate ."],
}
COL = {name: k for k, name in enumerate(DOCUMENT_FEATURES)}


def _features() -> tuple[list[str], np.ndarray]:
    sentences = {(doc, k): text.split() for doc, texts in DOCS.items() for k, text in enumerate(texts)}
    parsed = parse(sentences, Settings().en_model)
    # unit "embeddings" we choose: a and b alike, c half-way from them and away from d, d orthogonal to a
    vec = {"a": np.array([1.0, 0.0]), "b": np.array([1.0, 0.0]), "c": np.array([0.6, -0.8]),
           "d": np.array([0.0, 1.0])}
    return document_features(parsed, vec)


def test_document_features_compare_words_names_years_and_embeddings() -> None:
    names, f = _features()
    assert names == ["a", "b", "c", "d"]
    assert f.shape == (4, 4, len(DOCUMENT_FEATURES))
    a, b, c, d = range(4)
    assert np.allclose(f, np.transpose(f, (1, 0, 2)))
    assert [round(float(f[i, j, COL["embedding_cos"]]), 2) for i, j in ((a, b), (a, c), (a, d))] == [1.0, 0.6, 0.0]
    assert (f[a, b, COL["years_shared"]], f[a, b, COL["years_disjoint"]]) == (1.0, 0.0)
    assert (f[a, c, COL["years_shared"]], f[a, c, COL["years_disjoint"]]) == (0.0, 1.0)
    assert (f[a, d, COL["years_shared"]], f[a, d, COL["years_disjoint"]]) == (0.0, 0.0)  # d names no year
    # the two reports of one rescue share more content words and names than either shares with another story
    for col in ("content_cos", "names_cos", "common_words_cos"):
        assert f[a, b, COL[col]] > f[a, c, COL[col]] >= f[a, d, COL[col]] == 0.0, col
    assert f[a, b, COL["numbers_cos"]] > 0.0 and f[a, c, COL["numbers_cos"]] == 0.0  # 12 hikers / 3 climbers


def test_packaged_document_scorer_keeps_the_one_rescue_together() -> None:
    documents = load_scorer().documents
    assert documents is not None
    _, f = _features()
    assert cluster_documents(f, documents) == [[0, 1], [2], [3]]
