"""Coreference metrics MUC, B³, CEAF-e (and CEAF-m) and the CoNLL F1, as the reference scorer defines them.

Written after the definitions of the CoNLL reference scorer v8.01 (github.com/conll/reference-coreference-scorers,
``lib/CorScorer.pm``; Pradhan et al. 2014, "Scoring Coreference Partitions of Predicted Mentions: A Reference
Implementation", ACL) and checked against its own test cases (``test/TestCases.README``, reproduced in
tests/test_coref_scorer.py). A partition is a sequence of clusters, a cluster an iterable of hashable mentions.

* Mentions are de-duplicated as the reference scorer does: a mention repeated inside a cluster counts once, and a
  mention found in a second cluster of the same partition is kept in the first one only.
* Key and response may hold different mentions (predicted mentions): a mention of the key that the response lacks
  counts as a singleton of its own in MUC's partitions, and for B³ and CEAF it only lowers recall (a response
  mention the key lacks only lowers precision). Singletons are kept (no ``remove singletons`` option).
* **MUC** (Vilain et al. 1995): recall = Σ_K (|K| − |p(K)|) / Σ_K (|K| − 1), where p(K) is the partition of K by
  the response clusters (mentions of K outside every response cluster each one part); precision symmetrically.
* **B³** (Bagga & Baldwin 1998), mention-based: recall = Σ_K Σ_R |K∩R|²/|K| / Σ_K |K|; precision = Σ_R Σ_K
  |K∩R|²/|R| / Σ_R |R|.
* **CEAF** (Luo 2005): the one-to-one alignment of key and response clusters that maximises the summed similarity
  (Kuhn-Munkres); entity-based φ4(K, R) = 2|K∩R| / (|K| + |R|), recall = Σφ4 / #key clusters, precision =
  Σφ4 / #response clusters; mention-based φ3 = |K∩R|, over the mention counts.
* **CoNLL F1** = the mean of the MUC, B³ and CEAF-e F1 (Pradhan et al. 2011).

A metric whose denominator is zero scores 0 (the reference scorer prints 0 there too), and F1 is 0 when recall
and precision are both 0.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

Cluster = frozenset[Hashable]
Partition = Sequence[Iterable[Hashable]]

__all__ = ["CorefScores", "Score", "b_cubed", "ceaf_e", "ceaf_m", "conll", "muc", "normalise"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    """Recall and precision as numerator / denominator, like the reference scorer prints them."""

    recall_num: float
    recall_den: float
    precision_num: float
    precision_den: float

    @property
    def recall(self) -> float:
        return self.recall_num / self.recall_den if self.recall_den else 0.0

    @property
    def precision(self) -> float:
        return self.precision_num / self.precision_den if self.precision_den else 0.0

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * r * p / (r + p) if r + p else 0.0

    def as_dict(self, digits: int = 4) -> dict[str, float]:
        return {"recall": round(self.recall, digits), "precision": round(self.precision, digits),
                "f1": round(self.f1, digits)}


@dataclass(frozen=True, slots=True, kw_only=True)
class CorefScores:
    muc: Score
    b_cubed: Score
    ceaf_e: Score
    ceaf_m: Score

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3

    def as_dict(self, digits: int = 4) -> dict[str, object]:
        return {"muc": self.muc.as_dict(digits), "b_cubed": self.b_cubed.as_dict(digits),
                "ceaf_e": self.ceaf_e.as_dict(digits), "ceaf_m": self.ceaf_m.as_dict(digits),
                "conll_f1": round(self.conll_f1, digits)}


def normalise(partition: Partition) -> list[Cluster]:
    """Clusters as frozensets, each mention in the first cluster that names it; empty clusters dropped."""
    seen: set[Hashable] = set()
    out: list[Cluster] = []
    for cluster in partition:
        kept = frozenset(m for m in cluster if m not in seen)
        seen.update(kept)
        if kept:
            out.append(kept)
    return out


def _index(clusters: Sequence[Cluster]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_side(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float]:
    where = _index(response)
    num = den = 0
    for cluster in key:
        parts = {where[m] for m in cluster if m in where}
        missing = sum(m not in where for m in cluster)
        num += len(cluster) - (len(parts) + missing)
        den += len(cluster) - 1
    return num, den


def muc(key: Partition, response: Partition) -> Score:
    k, r = normalise(key), normalise(response)
    rn, rd = _muc_side(k, r)
    pn, pd = _muc_side(r, k)
    return Score(recall_num=rn, recall_den=rd, precision_num=pn, precision_den=pd)


def _b3_side(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float]:
    where = _index(response)
    num = 0.0
    for cluster in key:
        overlaps: dict[int, int] = {}
        for m in cluster:
            if m in where:
                overlaps[where[m]] = overlaps.get(where[m], 0) + 1
        num += sum(n * n for n in overlaps.values()) / len(cluster)
    return num, sum(len(c) for c in key)


def b_cubed(key: Partition, response: Partition) -> Score:
    k, r = normalise(key), normalise(response)
    rn, rd = _b3_side(k, r)
    pn, pd = _b3_side(r, k)
    return Score(recall_num=rn, recall_den=rd, precision_num=pn, precision_den=pd)


def _phi4(a: Cluster, b: Cluster) -> float:
    return 2 * len(a & b) / (len(a) + len(b))


def _phi3(a: Cluster, b: Cluster) -> float:
    return float(len(a & b))


def _ceaf(key: Partition, response: Partition, phi: Callable[[Cluster, Cluster], float],
          entity_based: bool) -> Score:
    k, r = normalise(key), normalise(response)
    total = _best_alignment(k, r, phi)
    if entity_based:
        return Score(recall_num=total, recall_den=len(k), precision_num=total, precision_den=len(r))
    return Score(recall_num=total, recall_den=sum(len(c) for c in k),
                 precision_num=total, precision_den=sum(len(c) for c in r))


def ceaf_e(key: Partition, response: Partition) -> Score:
    return _ceaf(key, response, _phi4, entity_based=True)


def ceaf_m(key: Partition, response: Partition) -> Score:
    return _ceaf(key, response, _phi3, entity_based=False)


def conll(key: Partition, response: Partition) -> CorefScores:
    """All four metrics; ``.conll_f1`` is the mean F1 of MUC, B³ and CEAF-e."""
    return CorefScores(muc=muc(key, response), b_cubed=b_cubed(key, response), ceaf_e=ceaf_e(key, response),
                       ceaf_m=ceaf_m(key, response))


def _best_alignment(key: Sequence[Cluster], response: Sequence[Cluster],
                    phi: Callable[[Cluster, Cluster], float]) -> float:
    """Maximum total similarity of a one-to-one alignment. Clusters that share no mention have similarity 0, so
    the problem splits into the connected components of the "shares a mention" graph, each solved exactly."""
    where = _index(response)
    parent = list(range(len(key) + len(response)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, cluster in enumerate(key):
        for m in cluster:
            if m in where:
                a, b = find(i), find(len(key) + where[m])
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(key)):
        groups.setdefault(find(i), ([], []))[0].append(i)
    for j in range(len(response)):
        groups.setdefault(find(len(key) + j), ([], []))[1].append(j)
    total = 0.0
    for rows, cols in groups.values():
        if rows and cols:
            matrix = [[phi(key[i], response[j]) for j in cols] for i in rows]
            total += _max_assignment(matrix)
    return total


def _max_assignment(weights: list[list[float]]) -> float:
    """Kuhn-Munkres (Hungarian method, O(n²m) with potentials) on a dense rows x cols matrix: the maximum sum of
    weights over a matching that pairs each row with at most one column and vice versa."""
    transpose = len(weights) > len(weights[0])
    w = [list(col) for col in zip(*weights, strict=True)] if transpose else weights
    n, m = len(w), len(w[0])  # n <= m: every row is matched
    big = max(max(row) for row in w)
    cost = [[big - x for x in row] for row in w]  # minimise cost; all costs >= 0
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    match = [0] * (m + 1)  # match[j] = row (1-based) matched to column j
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        way = [0] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sum(w[match[j] - 1][j - 1] for j in range(1, m + 1) if match[j])
