"""The Arabic date-expression gold (tests/golden/timex_ar.json) read and scored.

Each item is a sentence with its expressions in [brackets] and their TIMEX3 values; the score is **value
accuracy**: the share of gold expressions that a tagged timex overlaps with exactly the gold value (a missed
expression counts as wrong). ``span_exact`` is the share whose span the tagger also got exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from recoupe.understand.timex.records import Timex

_BRACKET = re.compile(r"\[([^\]]+)\]")


@dataclass(frozen=True, slots=True)
class GoldExpression:
    text: str  # the sentence, brackets removed
    dct: str
    style: str
    start: int
    end: int
    value: str


@dataclass(frozen=True, slots=True)
class GoldScore:
    expressions: int
    value_correct: int
    found: int
    span_exact: int
    errors: tuple[str, ...]

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.expressions if self.expressions else 0.0

    def as_dict(self) -> dict[str, object]:
        return {"expressions": self.expressions, "value_accuracy": round(self.value_accuracy, 3),
                "found": self.found, "span_exact": self.span_exact, "value_correct": self.value_correct}


def read_gold(data: Mapping[str, object]) -> list[GoldExpression]:
    """The expressions of the gold's items, with offsets into their sentence."""
    out: list[GoldExpression] = []
    items = data["items"]
    assert isinstance(items, list)
    for item in items:
        marked, values = item["text"], item["values"]
        plain, spans, shift = [], [], 0
        last = 0
        for m in _BRACKET.finditer(marked):
            plain.append(marked[last:m.start()])
            start = m.start() - shift
            plain.append(m.group(1))
            spans.append((start, start + len(m.group(1))))
            shift += 2
            last = m.end()
        plain.append(marked[last:])
        text = "".join(plain)
        if len(spans) != len(values):
            raise ValueError(f"{marked!r}: {len(spans)} expressions, {len(values)} values")
        out.extend(GoldExpression(text, item["dct"], item["style"], s, e, v) for (s, e), v in zip(spans, values,
                                                                                               strict=True))
    return out


def score_gold(gold: Sequence[GoldExpression], tagger: Callable[[str, str], list[Timex]]) -> GoldScore:
    """Value accuracy of ``tagger(text, dct)`` on the gold expressions (each sentence tagged once)."""
    cache: dict[tuple[str, str], list[Timex]] = {}
    correct = found = exact = 0
    errors: list[str] = []
    for g in gold:
        key = (g.text, g.dct)
        if key not in cache:
            cache[key] = tagger(g.text, g.dct)
        hits = [t for t in cache[key] if t.start < g.end and g.start < t.end]
        if hits:
            found += 1
        exact += any(t.start == g.start and t.end == g.end for t in hits)
        if any(t.value == g.value for t in hits):
            correct += 1
        else:
            got = ", ".join(f"{t.text!r}={t.value}" for t in hits) or "nothing"
            errors.append(f"{g.text[g.start:g.end]!r} ({g.style}, dct {g.dct}): want {g.value}, got {got}")
    return GoldScore(len(gold), correct, found, exact, tuple(errors))
