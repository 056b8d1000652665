"""bench/coref_scorer.py against the reference scorer's own test cases (conll/reference-coreference-scorers,
test/TestCases.README and test/CorefMetricTestConfig.pm): same partitions, same expected recall and precision.
A capital letter there is a mention overlapping (TC-A-5/6) or duplicating (TC-A-7/8/9) its lower-case one; here an
overlapping mention is a distinct name ("B") and a duplicate repeats the same name ("b")."""

from __future__ import annotations

import itertools
import random

import pytest
from bench.bench_coref import ECB, MEANTIME, gold_partition, load_ecb, load_meantime
from bench.coref_scorer import Score, b_cubed, ceaf_e, ceaf_m, conll, muc, normalise

KEY_A = ["a", "bc", "def"]

# id: (response, MUC (r, p), B³ (r, p), CEAF-m (r, p) or None, CEAF-e (r, p) or None)
CASES_A = {
    "A1": (["a", "bc", "def"], (1, 1), (1, 1), (1, 1), (1, 1)),
    "A2": (["a", "de"], (1 / 3, 1), (7 / 18, 1), (3 / 6, 1), (1.8 / 3, 1.8 / 2)),
    "A3": (["a", "bcx", "defy", "z"], (1, 3 / 5), (1, 55 / 108), (1, 6 / 9),
           ((1 + 4 / 5 + 6 / 7) / 3, (1 + 4 / 5 + 6 / 7) / 4)),
    "A4": (["a", "bcx", "dy", "z"], (1 / 3, 1 / 3), (5 / 9, 17 / 42), (4 / 6, 4 / 7), (2.2 / 3, 2.2 / 4)),
    "A5": ([["a"], ["b", "c", "x", "B"], ["d", "y"], ["z"]], (1 / 3, 1 / 4), (5 / 9, 5 / 16), (4 / 6, 4 / 8),
           ((1 + 4 / 6 + 2 / 5) / 3, (1 + 4 / 6 + 2 / 5) / 4)),
    "A6": ([["a"], ["b", "c", "x"], ["d", "y"], ["B", "z"]], (1 / 3, 1 / 4), (5 / 9, 17 / 48), (4 / 6, 4 / 8),
           (2.2 / 3, 2.2 / 4)),
    # duplicates are removed: A7, A8 and A9 score as A4
    "A7": (["a", "bcxb", "dy", "z"], (1 / 3, 1 / 3), (5 / 9, 17 / 42), (4 / 6, 4 / 7), (2.2 / 3, 2.2 / 4)),
    "A8": (["a", "bcx", "dy", "bz"], (1 / 3, 1 / 3), (5 / 9, 17 / 42), (4 / 6, 4 / 7), (2.2 / 3, 2.2 / 4)),
    "A9": (["a", "bcx", "dy", "b" * 10 + "z"], (1 / 3, 1 / 3), (5 / 9, 17 / 42), (4 / 6, 4 / 7),
           (2.2 / 3, 2.2 / 4)),
    "A10": (["a", "b", "c", "d", "e", "f"], (0, 0), (3 / 6, 1), None, None),
    "A11": (["abcdef"], (1, 3 / 5), (1, 7 / 18), None, None),
    "A12": (["a", "x", "y", "c", "d", "e", "z"], (0, 0), (13 / 36, 4 / 7), None, None),
    "A13": (["axycdez"], (1 / 3, 1 / 6), (17 / 36, 6 / 49), None, None),
}


def _close(score: Score, expected: tuple[float, float]) -> None:
    assert (score.recall, score.precision) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("case", sorted(CASES_A))
def test_coref_scorer_reference_cases_a(case: str) -> None:
    response, muc_rp, b3_rp, ceafm_rp, ceafe_rp = CASES_A[case]
    _close(muc(KEY_A, response), muc_rp)
    _close(b_cubed(KEY_A, response), b3_rp)
    if ceafm_rp is not None:
        _close(ceaf_m(KEY_A, response), ceafm_rp)
    if ceafe_rp is not None:
        _close(ceaf_e(KEY_A, response), ceafe_rp)


def test_coref_scorer_reference_f1_values() -> None:
    """The F-measures the reference test config states for TC-A-2, A-3 and A-11."""
    assert b_cubed(KEY_A, ["a", "de"]).f1 == pytest.approx(14 / 25)
    assert muc(KEY_A, ["a", "bcx", "defy", "z"]).f1 == pytest.approx(0.75)
    assert b_cubed(KEY_A, ["a", "bcx", "defy", "z"]).f1 == pytest.approx(110 / 163)
    assert ceaf_e(KEY_A, ["a", "bcx", "defy", "z"]).f1 == pytest.approx(0.75918, abs=5e-6)
    assert ceaf_e(KEY_A, ["a", "de"]).f1 == pytest.approx(0.72)
    assert b_cubed(KEY_A, ["abcdef"]).f1 == pytest.approx(14 / 25)


@pytest.mark.parametrize(("key", "response", "muc_rp", "b3_rp"), [
    # B-cubed paper (TC-D-1, TC-E-1)
    (["12345", "67", "89ABC"], ["12345", "6789ABC"], (1, 9 / 10), (1, 16 / 21)),
    (["12345", "67", "89ABC"], ["1234589ABC", "67"], (1, 9 / 10), (1, 7 / 12)),
    # MUC paper (TC-F-1 to TC-L-1)
    (["ABCD"], ["AB", "CD"], (2 / 3, 1), None),
    (["AB", "CD"], ["ABCD"], (1, 2 / 3), None),
    (["ABCD"], ["ABCD"], (1, 1), None),
    (["ABC"], ["AC"], (1 / 2, 1), None),
    (["BCDEGHJ"], ["ABC", "DEF", "GHI"], (3 / 6, 3 / 6), None),
    (["ABC", "DEFG"], ["AB", "CD", "FGH"], (2 / 5, 2 / 4), None),
])
def test_coref_scorer_reference_cases_d_to_l(key: list[str], response: list[str], muc_rp: tuple[float, float],
                                             b3_rp: tuple[float, float] | None) -> None:
    _close(muc(key, response), muc_rp)
    if b3_rp is not None:
        _close(b_cubed(key, response), b3_rp)


def test_coref_scorer_all_singletons_key() -> None:
    """TC-N-1: only singletons on both sides: MUC has nothing to count (0), B³ and CEAF are perfect."""
    key = ["a", "b", "c", "d", "e", "f"]
    scores = conll(key, key)
    assert (scores.muc.recall, scores.muc.precision, scores.muc.f1) == (0, 0, 0)
    assert (scores.b_cubed.f1, scores.ceaf_e.f1, scores.ceaf_m.f1) == (1, 1, 1)
    assert scores.conll_f1 == pytest.approx(2 / 3)


def test_coref_scorer_conll_is_mean_of_three() -> None:
    scores = conll(KEY_A, ["a", "bcx", "dy", "z"])
    b3_f1 = 2 * (5 / 9) * (17 / 42) / (5 / 9 + 17 / 42)
    ceafe_f1 = 2 * (2.2 / 3) * (2.2 / 4) / (2.2 / 3 + 2.2 / 4)
    assert scores.conll_f1 == pytest.approx((1 / 3 + b3_f1 + ceafe_f1) / 3)
    assert scores.as_dict()["conll_f1"] == round((1 / 3 + b3_f1 + ceafe_f1) / 3, 4)


def test_coref_scorer_normalise_keeps_first_cluster() -> None:
    assert normalise([["a", "b", "a"], ["b", "c"], ["b"], []]) == [frozenset("ab"), frozenset("c")]


def _brute_ceaf_e(key: list[frozenset[int]], response: list[frozenset[int]]) -> float:
    small, large = (key, response) if len(key) <= len(response) else (response, key)
    best = 0.0
    for perm in itertools.permutations(range(len(large)), len(small)):
        best = max(best, sum(2 * len(small[i] & large[j]) / (len(small[i]) + len(large[j]))
                             for i, j in enumerate(perm)))
    return best


def _random_partition(rng: random.Random, mentions: list[int], clusters: int) -> list[frozenset[int]]:
    labels = [rng.randrange(clusters) for _ in mentions]
    return [frozenset(m for m, lab in zip(mentions, labels, strict=True) if lab == c) for c in set(labels)]


def test_coref_scorer_ceaf_alignment_is_optimal() -> None:
    """Kuhn-Munkres (split into connected components) equals brute force on 200 seeded random partitions,
    including predicted-mention cases where key and response differ."""
    rng = random.Random(7)
    for _ in range(200):
        key = _random_partition(rng, list(range(8)), rng.randint(1, 5))
        response = _random_partition(rng, rng.sample(range(11), 8), rng.randint(1, 6))
        expected = _brute_ceaf_e(key, response)
        assert ceaf_e(key, response).recall_num == pytest.approx(expected)


def test_coref_scorer_ceaf_uses_one_to_one_alignment() -> None:
    """{ab} and {c} both match {abc} best (4/5 and 2/4); one-to-one, {c} is left with {x} (0): 4/5 in all."""
    score = ceaf_e(["ab", "c"], ["abc", "x"])
    assert score.recall_num == pytest.approx(4 / 5)
    assert (score.recall, score.precision) == pytest.approx((2 / 5, 2 / 5))


def test_bench_coref_loads_ecb_test_split() -> None:
    """The counts of the split's NOTES.txt; one token of 44_15ecbplus holds a tab and must not shift its sentence."""
    if not ECB.is_dir():
        pytest.skip("../shared/benchmarks/ecbplus_cybulska_setup is not beside the repository")
    data = load_ecb("Test")
    assert (len({m.doc for m in data.mentions}), len(data.mentions), len(gold_partition(data.mentions))) == (
        206, 1780, 805)
    assert len(data.sentences) == 457
    assert all(max(m.tokens) < len(data.sentences[(m.doc, m.sent)]) for m in data.mentions)
    assert {m.topic for m in data.mentions} == {str(t) for t in range(36, 46)}
    assert len({m.subtopic for m in data.mentions}) == 20


def test_bench_coref_loads_meantime() -> None:
    if not MEANTIME.is_dir():
        pytest.skip("../shared/benchmarks/meantime_en is not beside the repository")
    data = load_meantime()
    assert (len({m.doc for m in data.mentions}), len(data.mentions)) == (120, 2699)
    assert {m.topic for m in data.mentions} == {"airbus", "apple", "gm", "stock"}
    assert len(data.dct) == 118  # two articles have no CREATION_TIME timex
