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
from datetime import date

from recoupe.understand.timex.frames import Frame, Piece, duration_value

Builder = Callable[[re.Match[str], str], list[Piece] | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """``needs``: the trigger classes (see ``extract``) one of which must occur in the text for the rule to
    have a chance; empty means the rule always runs."""

    name: str
    pattern: re.Pattern[str]
    build: Builder
    needs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Group:
    """The pieces one match produced (two for a range), kept or dropped together."""

    start: int
    end: int
    pieces: tuple[Piece, ...]
    order: int


def extract(text: str, rules: Sequence[Rule], triggers: re.Pattern[str] | None = None) -> list[Group]:
    """Longest non-overlapping groups of all rule matches, in text order.

    ``triggers`` is one regex of named groups (digit, month, weekday, unit...): a single pass over the text
    tells which classes occur, and a rule that needs none of them is not run — most sentences hold no month
    name, no weekday, no time word, and the tagger stays fast."""
    present: set[str] | None = None
    if triggers is not None:
        present = {m.lastgroup for m in triggers.finditer(text) if m.lastgroup}
        if not present:
            return []
    groups: list[Group] = []
    for order, rule in enumerate(rules):
        if present is not None and rule.needs and not (rule.needs & present):
            continue
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
    """Span of a named group, or of the whole match when the group did not take part or the pattern has
    no such group."""
    try:
        value = m.group(group)
    except IndexError:
        return m.start(), m.end()
    if value is None:
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


_SECONDS = {"second": 1, "minute": 60, "hour": 3600}
_MONTHS_IN = {"year": 12, "decade": 120, "century": 1200, "month": 1, "quarter": 3, "semester": 6}


def shift_frame(parts: list[tuple[float, str]], sign: int, mod: str | None, rule: str) -> Frame:
    """A shift from the DCT of ``parts`` ("il y a deux ans" -> year -2; "2 hours ago" -> a clock shift in
    seconds; "1 an 2 mois" -> month -14), at the granularity of its finest unit."""
    if all(u in _SECONDS for _, u in parts):
        total = sum(int(k * _SECONDS[u]) for k, u in parts)
        return Frame(kind="time", rel="dct", unit=None, shift=sign * total, mod=mod, rule=rule)
    months = sum(int(k * _MONTHS_IN[u]) for k, u in parts if u in _MONTHS_IN)
    days = sum(int(k * (7 if u == "week" else 1)) for k, u in parts if u in ("week", "day"))
    seconds = sum(int(k * _SECONDS[u]) for k, u in parts if u in _SECONDS)
    if seconds:
        return Frame(kind="time", rel="dct", unit=None, shift=sign * seconds, extra_months=sign * months,
                     extra_days=sign * days, mod=mod, rule=rule)
    if any(u in ("week", "day") for _, u in parts):
        return Frame(kind="date", rel="dct", unit="day", shift=sign * days, extra_months=sign * months, mod=mod,
                     rule=rule)
    if months % 12 == 0 and all(u in ("year", "decade", "century") for _, u in parts):
        return Frame(kind="date", rel="dct", unit="year", shift=sign * (months // 12), mod=mod, rule=rule)
    return Frame(kind="date", rel="dct", unit="month", shift=sign * months, mod=mod, rule=rule)


def compound_duration(parts: list[tuple[float, str]]) -> str:
    """[(1, year), (2, month)] -> "P1Y2M"; [(1, hour), (30, minute)] -> "PT1H30M"."""
    date_part, time_part = "", ""
    for k, u in parts:
        v = duration_value(k, u)
        if v.startswith("PT"):
            time_part += v[2:]
        else:
            date_part += v[1:]
    return "P" + date_part + (("T" + time_part) if time_part else "")


def real_day(year: int | None, month: int | None, day: int | None) -> bool:
    """Whether day/month (/year) can be a calendar day: "31 février" cannot (2000 stands for an unknown year,
    so that 29 February passes)."""
    if month is None or day is None:
        return True
    try:
        date(year or 2000, month, day)
    except ValueError:
        return False
    return True
