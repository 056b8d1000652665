"""The rule engine: a rule is a compiled regex and a builder that turns a match into frames.

A builder returns a list of pieces ``(start, end, Frame)`` — two for a range ("du 17 au 20 juillet") — or
None to reject the match (a year that is a model number, "quotidien" as a noun, an age). ``extract`` runs
every rule of a language over the text, then keeps the longest non-overlapping groups (ties: the earlier
rule), as HeidelTime and SUTime do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from recoupe.timex.frames import Frame, Piece

Builder = Callable[[re.Match[str], str], list[Piece] | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Builder


@dataclass(frozen=True, slots=True)
class Group:
    """The pieces one match produced (two for a range), kept or dropped together."""

    start: int
    end: int
    pieces: tuple[Piece, ...]
    order: int


def extract(text: str, rules: Sequence[Rule]) -> list[Group]:
    """Longest non-overlapping groups of all rule matches, in text order."""
    groups: list[Group] = []
    for order, rule in enumerate(rules):
        for m in rule.pattern.finditer(text):
            pieces = rule.build(m, text)
            if not pieces:
                continue
            start = min(p[0] for p in pieces)
            end = max(p[1] for p in pieces)
            if end > start:
                groups.append(Group(start, end, tuple(pieces), order))
    groups.sort(key=lambda g: (-(g.end - g.start), g.order, g.start))
    taken: list[Group] = []
    occupied: list[tuple[int, int]] = []
    for g in groups:
        if any(g.start < e and s < g.end for s, e in occupied):
            continue
        taken.append(g)
        occupied.append((g.start, g.end))
    taken.sort(key=lambda g: g.start)
    return taken


def span(m: re.Match[str], group: str | int = "x") -> tuple[int, int]:
    """Span of a named group, or of the whole match when the group did not take part."""
    if m.group(group) is None:
        return m.start(), m.end()
    return m.start(group), m.end(group)


def one(m: re.Match[str], frame: Frame, group: str | int = "x") -> list[Piece]:
    s, e = span(m, group)
    return [(s, e, frame)]


def grp(m: re.Match[str], group: str) -> str | None:
    """A named group's text, or None when the group did not take part or the pattern lacks it."""
    if group not in m.re.groupindex:
        return None
    return m.group(group)


def lower(m: re.Match[str], group: str) -> str:
    return (grp(m, group) or "").lower()
