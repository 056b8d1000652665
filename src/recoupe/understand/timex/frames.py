"""What a matched expression says, before it is anchored: a ``Frame``.

The language rules (``rules_fr``, ``rules_en``) turn a regex match into pieces ``(start, end, Frame)``;
``anchor`` turns each frame into a TIMEX3 value against the document creation time (DCT) or the
narrative anchor. A frame is one of:

* ``absolute`` — everything needed is in the expression ("24 novembre 2021", "deux ans", "chaque année");
* ``undef`` — calendar fields without a year ("fin juin", "mardi", "le 10 décembre", "l'été"): the year
  (or the week) comes from the DCT or the narrative, in the direction that ``direction``, the tense or a
  narrative cue gives;
* ``dct`` — a shift from the DCT in ``unit`` ("hier" = day -1, "l'an dernier" = year -1, "il y a deux ans");
* ``anaphoric`` — a shift from the last mentioned date ("le lendemain", "la même année", "the following summer");
* ``context`` — a clock time or part of day that takes the day of the nearest date ("22 h", "la nuit").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Kind = Literal["date", "time", "duration", "set", "ref"]
Rel = Literal["absolute", "undef", "dct", "anaphoric", "context"]
Unit = Literal["day", "week", "weekend", "month", "season", "quarter", "year", "decade", "century"]
Direction = Literal["past", "future", "this", "past_strict", "future_strict"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    kind: Kind
    rel: Rel = "absolute"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    season: int | None = None  # index in calendar.SEASONS
    quarter: int | None = None  # 1..4 ("premier trimestre") or, with ``half``, 1..2 ("second semestre")
    half: bool = False
    decade: int | None = None  # 196 -> "196X"
    century: int | None = None  # 18 -> "18XX"
    part: str | None = None  # MO, AF, EV, NI, DT (TIMEX3 parts of day)
    hour: int | None = None
    minute: int | None = None
    unit: Unit | None = None  # for dct / anaphoric shifts: what is shifted, and the value's granularity
    shift: int = 0
    extra_months: int = 0  # "il y a 1 an et 3 jours": months shifted before the days
    extra_days: int = 0  # with a clock shift: "il y a 1 jour et 2 heures"
    direction: Direction | None = None  # "dernier" / "prochain" / "ce"
    literal: str | None = None  # durations, sets, *_REF: the value itself
    mod: str | None = None
    rule: str = ""

    def with_(self, **changes: object) -> Frame:
        return replace(self, **changes)  # type: ignore[arg-type]


Piece = tuple[int, int, Frame]


def duration(value: str, *, mod: str | None = None, rule: str) -> Frame:
    return Frame(kind="duration", literal=value, mod=mod, rule=rule)


def ref(value: str, *, rule: str) -> Frame:
    return Frame(kind="ref", literal=value, rule=rule)


def every(value: str, *, rule: str) -> Frame:
    return Frame(kind="set", literal=value, rule=rule)


UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
              "decade": "DE", "century": "CE", "quarter": "Q", "semester": "M"}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (2, "year") -> "P2Y", (30.4, "second") -> "PT30.4S", (None, "day") -> "PXD"."""
    if unit == "semester":
        amount, unit = (None if amount is None else amount * 6), "month"
    if unit == "quarter":
        amount, unit = (None if amount is None else amount * 3), "month"
    if unit == "decade":
        amount, unit = (None if amount is None else amount * 10), "year"
    if unit == "century":
        amount, unit = (None if amount is None else amount * 100), "year"
    code = UNIT_CODES[unit]
    if amount is None:
        number = "X"
    elif float(amount).is_integer():
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    timey = unit in ("second", "minute", "hour")
    return f"PT{number}{code}" if timey else f"P{number}{code}"
