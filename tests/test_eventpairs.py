"""The learned event-pair scorer (crosscheck.eventpairs): features, decisions on pairs we wrote, clustering,
and one clear error when its weights are missing or corrupt."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from recoupe.crosscheck.eventpairs import (
    FEATURES,
    MODEL_INPUTS,
    PairMention,
    PairScorerError,
    average_link,
    cluster,
    load_scorer,
    pair_features,
    read_scorer,
    stem,
)
from recoupe.crosscheck.stories import load_encoder

COL = {name: k for k, name in enumerate(FEATURES)}


def test_features_of_a_pair_without_vectors() -> None:
    a = PairMention("d1", 0, "shoot", "VERB", arguments=frozenset({"guard", "bank"}),
                    persons=frozenset({"durand"}), countries=frozenset({"FRA"}),
                    start=date(2021, 3, 1), end=date(2021, 3, 31))
    b = PairMention("d2", 4, "shooting", "NOUN", arguments=frozenset({"bank", "tuesday"}),
                    persons=frozenset({"martin"}), countries=frozenset({"FRA"}),
                    start=date(2021, 3, 9), end=date(2021, 3, 9))
    f = pair_features([a, b], {("shoot", "shooting"): 1.5})
    assert f.shape == (2, 2, len(FEATURES))
    row = {name: round(float(f[0, 1, k]), 4) for name, k in COL.items()}
    assert row["same_lemma"] == 0.0 and row["same_stem"] == 1.0
    assert (row["pair_prior"], row["pair_known"]) == (1.5, 1.0)
    assert (row["lemma_cos"], row["window_cos"], row["sentence_cos"], row["doc_cos"]) == (0.0, 0.0, 0.0, 0.0)
    assert (row["same_doc"], row["same_sentence"]) == (0.0, 0.0)
    assert (row["args_jaccard"], row["args_shared"]) == (round(1 / 3, 4), 0.2)
    assert (row["persons_shared"], row["persons_disjoint"]) == (0.0, 1.0)
    assert (row["countries_shared"], row["countries_disjoint"]) == (1.0, 0.0)
    assert (row["dates_overlap"], row["dates_disjoint"]) == (1.0, 0.0)
    assert (row["both_verbs"], row["both_nouns"]) == (0.0, 0.0)
    assert np.array_equal(f[0, 1], f[1, 0])


def test_stem_removes_one_suffix() -> None:
    words = ("shooting", "dies", "oscars", "arrest", "is")
    assert [stem(w) for w in words] == ["shoot", "die", "oscar", "arrest", "is"]


def test_average_link_stops_at_the_threshold() -> None:
    p = np.array([[1.0, 0.9, 0.1, 0.0],
                  [0.9, 1.0, 0.5, 0.0],
                  [0.1, 0.5, 1.0, 0.2],
                  [0.0, 0.0, 0.2, 1.0]])
    assert average_link(p, 0.5) == [[0, 1], [2], [3]]
    assert average_link(p, 0.3) == [[0, 1, 2], [3]]  # mean of 0.1 and 0.5 is 0.3
    assert average_link(p, 0.05) == [[0, 1, 2, 3]]


@lru_cache(maxsize=1)
def _encode() -> Any:
    return load_encoder()


def _mention(doc: str, sentence: str, trigger: str, lemma: str, pos: str, document: str,
             persons: frozenset[str] = frozenset(), arguments: frozenset[str] = frozenset()) -> PairMention:
    words = sentence.split()
    at = words.index(trigger)
    window = " ".join(words[max(0, at - 4):at + 5])
    vec = _encode()([lemma, window, sentence, document])
    vec /= np.linalg.norm(vec, axis=1, keepdims=True)
    names = frozenset(w.lower().strip(".,") for w in document.split() if w[:1].isupper() or w[:1].isdigit())
    return PairMention(doc, 0, lemma, pos, vec[0], vec[1], vec[2], vec[3], arguments, names, persons)


def test_missing_weights_are_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PairScorerError) as err:
        load_scorer(tmp_path / "event_pairs.json")
    assert str(err.value) == (f"E000 the event-pair scorer's weights are missing (No such file or directory: "
                              f"{tmp_path / 'event_pairs.json'}); reinstall recoupe or re-run "
                              "tools/train_event_pairs.py")


@pytest.mark.parametrize(("raw", "says"), [
    (b"{not json", "cannot be read (JSONDecodeError"),
    (b"\xff\xfe", "cannot be read (UnicodeDecodeError"),
    (b'{"features": []}', "cannot be read (KeyError"),
])
def test_corrupt_weights_are_one_clear_error(raw: bytes, says: str) -> None:
    with pytest.raises(PairScorerError) as err:
        read_scorer(raw)
    message = str(err.value)
    assert says in message and message.endswith("reinstall recoupe or re-run tools/train_event_pairs.py")
    assert "\n" not in message


def test_weights_of_the_wrong_shape_are_refused() -> None:
    good = load_scorer().to_json()
    short = {**good, "mean": good["mean"][:-1]}
    renamed = {**good, "features": ["x", *good["features"][1:]]}
    for bad in (short, renamed):
        with pytest.raises(PairScorerError, match=f"do not fit its {len(MODEL_INPUTS)} features"):
            read_scorer(json.dumps(bad).encode())


# Own words: two reports of one rescue, one of an arrest told twice, and unrelated news.
RESCUE_A = "Firefighters rescued two hikers from the flooded gorge near Grenoble on Sunday ."
RESCUE_B = "Two hikers trapped by rising water in a gorge near Grenoble were rescued by firefighters ."
TRAM = "The city council approved a new tram line for Bordeaux after a long debate ."
ARREST_A = "Police arrested the manager of a bakery in Lille over unpaid taxes ."
ARREST_B = "The manager of the Lille bakery was arrested by police on tax charges ."


@lru_cache(maxsize=1)
def _mentions() -> dict[str, PairMention]:
    return {
        "rescue_a": _mention("a", RESCUE_A, "rescued", "rescue", "VERB", RESCUE_A,
                             arguments=frozenset({"firefighter", "hiker", "gorge", "grenoble", "sunday", "two"})),
        "rescue_b": _mention("b", RESCUE_B, "rescued", "rescue", "VERB", RESCUE_B,
                             arguments=frozenset({"hiker", "water", "gorge", "grenoble", "firefighter", "two"})),
        "tram": _mention("c", TRAM, "approved", "approve", "VERB", TRAM,
                         arguments=frozenset({"city", "council", "tram", "line", "bordeaux", "debate"})),
        "arrest_a": _mention("d", ARREST_A, "arrested", "arrest", "VERB", ARREST_A,
                             arguments=frozenset({"police", "manager", "bakery", "lille", "tax"})),
        "arrest_b": _mention("e", ARREST_B, "arrested", "arrest", "VERB", ARREST_B,
                             arguments=frozenset({"manager", "lille", "bakery", "police", "tax", "charge"})),
    }


@pytest.mark.parametrize(("a", "b", "same"), [
    ("rescue_a", "rescue_b", True),
    ("arrest_a", "arrest_b", True),
    ("rescue_a", "tram", False),
    ("rescue_a", "arrest_a", False),
    ("tram", "arrest_b", False),
])
def test_decisions_on_pairs_we_wrote(a: str, b: str, same: bool) -> None:
    m = _mentions()
    scorer = load_scorer()
    assert scorer.same_event(m[a], m[b]) is same
    assert scorer.score(m[a], m[b]) == pytest.approx(scorer.score(m[b], m[a]))


def test_cluster_keeps_stories_apart_and_joins_one_event() -> None:
    m = _mentions()
    order = ["rescue_a", "tram", "rescue_b", "arrest_a", "arrest_b"]
    mentions = [m[k] for k in order]
    assert cluster(mentions, ["s1"] * 5, load_scorer()) == [[0, 2], [1], [3, 4]]
    # the two arrests in different stories are never one event
    assert cluster(mentions, ["s1", "s1", "s1", "s1", "s2"], load_scorer()) == [[0, 2], [1], [3], [4]]
