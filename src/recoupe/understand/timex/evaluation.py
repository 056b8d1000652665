"""The dateparser comparison: dateparser's own French test cases, read as (input, relative base, expected)
and scored for the tagger and for dateparser alike. Pure functions; the caller loads the JSON and passes
dateparser in (the library does not depend on it).

Reading of the cases (``shared/benchmarks/dateparser_fr_cases/NOTES.txt``):

* ``test_dates_parsing*``, ``test_iso_*``, ``test_parse_settings_*``: an absolute string, base 2012-11-13;
* ``test_relative_past_dates`` / ``test_normalized_relative_dates`` / ``test_relative_future_dates``: base
  2014-09-01 10:30, expected = base minus (plus) the ``ago`` (``in_future``) delta;
* ``test_translation`` / ``test_freshness_translation``: the expected date is dateparser's reading of its own
  English translation ("2 day ago", "18 october 2012 19:21") at base 2014-09-01 10:30;
* ``test_search_and_parse``, ``test_date_search_function``, ``test_ngram_search``: each expected (substring,
  date) must be found; the others (tokenizer, language detection) have no date to compare and are skipped.

Expected values are compared at minute precision when the case involves a clock time (hours, minutes or
seconds in the delta, a time in the string), else at the day (at the month for ``period: month``).
The tagger's TIMEX3 values are turned into the same form: the most precise DATE/TIME value; a DURATION
("1 an 2 mois", "En 2 heures", "après dix ans") is read as dateparser reads such freshness strings, base minus
the duration for a past case and plus it for a future one; PRESENT_REF ("maintenant") is the base.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from recoupe.understand.timex.calendar import add_months
from recoupe.understand.timex.records import Timex

ABSOLUTE_BASE = datetime(2012, 11, 13)
RELATIVE_BASE = datetime(2014, 9, 1, 10, 30)
_DT = re.compile(r"datetime\((\d+),\s*(\d+),\s*(\d+)(?:,\s*(\d+))?(?:,\s*(\d+))?(?:,\s*(\d+))?\)")
_CLOCK_IN_TEXT = re.compile(r"\d{1,2}\s*(?::|h\b|h\d|\s?h\s)", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """One comparable case: ``text`` read at ``base``; ``expected`` pairs (substring or None, value)."""

    name: str
    text: str
    base: datetime
    expected: tuple[tuple[str | None, str], ...]
    direction: int = -1  # how a bare duration reads: -1 "ago", +1 "in"
    translation: str | None = None  # English text whose dateparser reading is the expected value


def _dt(s: str) -> datetime | None:
    m = _DT.search(s)
    if not m:
        return None
    parts = [int(g) if g else 0 for g in m.groups()]
    return datetime(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])


def fmt(d: datetime, precision: str) -> str:
    if precision == "minute":
        return d.strftime("%Y-%m-%dT%H:%M")
    if precision == "month":
        return d.strftime("%Y-%m")
    return d.strftime("%Y-%m-%d")


def shift(base: datetime, delta: dict[str, int], sign: int) -> datetime:
    months = delta.get("years", 0) * 12 + delta.get("months", 0)
    y, m = add_months(base.year, base.month, sign * months)
    d = base.replace(year=y, month=m, day=min(base.day, 28 if m == 2 else 30))
    return d + sign * timedelta(weeks=delta.get("weeks", 0), days=delta.get("days", 0), hours=delta.get("hours", 0),
                                minutes=delta.get("minutes", 0), seconds=delta.get("seconds", 0))


def load_cases(raw: Sequence[dict[str, Any]]) -> list[Case]:
    """The cases of ``dateparser_fr_test_cases.json`` that have a date to compare."""
    out: list[Case] = []
    for i, item in enumerate(raw):
        fn = str(item.get("test_function"))
        args = list(item.get("args") or [])
        kwargs = dict(item.get("kwargs") or {})
        name = f"{i}:{fn}"
        if fn.startswith("test_dates_parsing") and len(args) == 2:
            d = _dt(str(args[1]))
            if d:
                precision = "minute" if _CLOCK_IN_TEXT.search(str(args[0])) else "day"
                out.append(Case(name=name, text=str(args[0]), base=ABSOLUTE_BASE,
                                expected=((None, fmt(d, precision)),)))
        elif fn.startswith("test_iso_datestamp"):
            d = _dt(str(kwargs.get("expected")))
            if d and args:
                out.append(Case(name=name, text=str(args[0]), base=ABSOLUTE_BASE,
                                expected=((None, fmt(d, "minute" if "T" in str(args[0]) else "day")),)))
        elif fn == "test_parse_settings_default_languages_with_detected_language":
            d = _dt(str(kwargs.get("expected")))
            if d:
                out.append(Case(name=name, text=str(kwargs.get("date_string")), base=ABSOLUTE_BASE,
                                expected=((None, fmt(d, "day")),)))
        elif fn in ("test_relative_past_dates", "test_normalized_relative_dates", "test_relative_future_dates"):
            sign = 1 if "in_future" in kwargs else -1
            delta = dict(kwargs.get("in_future") or kwargs.get("ago") or {})
            clock = any(k in delta for k in ("hours", "minutes", "seconds"))
            precision = "minute" if clock else "month" if kwargs.get("period") == "month" else "day"
            out.append(Case(name=name, text=str(args[0]), base=RELATIVE_BASE,
                            expected=((None, fmt(shift(RELATIVE_BASE, delta, sign), precision)),), direction=sign))
        elif fn in ("test_translation", "test_freshness_translation") and len(args) == 3:
            english = str(args[2])
            sign = 1 if english.startswith("in ") else -1
            out.append(Case(name=name, text=str(args[1]), base=RELATIVE_BASE, expected=(), direction=sign,
                            translation=english))
        elif fn == "test_search_and_parse" and len(args) == 3:
            pairs = tuple((str(s), fmt(d, "day")) for s, dt in args[2] if (d := _dt(str(dt))))
            out.append(Case(name=name, text=str(args[1]), base=datetime(2000, 1, 1), expected=pairs))
        elif fn in ("test_date_search_function", "test_ngram_search"):
            pairs = tuple((str(s), fmt(d, "day")) for s, dt in kwargs.get("expected", [])
                          if (d := _dt(str(dt))))
            if pairs:
                out.append(Case(name=name, text=str(kwargs.get("text")), base=ABSOLUTE_BASE, expected=pairs))
    return out


def resolve_translations(cases: Sequence[Case], english: Callable[[str, datetime], datetime | None]) -> list[Case]:
    """Fill the expected value of translation cases with ``english(text, base)`` (dateparser on English)."""
    out: list[Case] = []
    for c in cases:
        if c.translation is None:
            out.append(c)
            continue
        d = english(c.translation, c.base)
        if d is None:
            continue
        clock = bool(re.search(r"\b(?:second|minute|hour)s?\b|\d:\d", c.translation))
        out.append(Case(name=c.name, text=c.text, base=c.base, expected=((None, fmt(d, "minute" if clock else "day")),),
                        direction=c.direction))
    return out


_DUR = re.compile(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
                  r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def _as_datetime(value: str, base: datetime, direction: int) -> str | None:
    """A TIMEX3 value as "YYYY-MM-DD[THH:MM]" for comparison (see the module docstring)."""
    if value == "PRESENT_REF":
        return fmt(base, "minute")
    m = _DUR.match(value)
    if m and value.startswith("P"):
        y, mo, w, d, h, mi, s = (float(g) if g else 0.0 for g in m.groups())
        delta = {"years": int(y), "months": int(mo), "weeks": int(w), "days": int(d), "hours": int(h),
                 "minutes": int(mi), "seconds": int(s)}
        return fmt(shift(base, delta, direction), "minute")
    if re.match(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        return value[:16]
    if re.match(r"\d{4}-\d{2}(?:-\d{2})?$", value):
        return value
    return None


def ours_correct(case: Case, timexes: Sequence[Timex], text: str) -> bool:
    """Whether the tagger's timexes give every expected value of the case."""
    for substring, expected in case.expected:
        if substring is not None:
            found = [t for t in timexes if t.value and substring in text[max(0, t.start - 3):t.end + 3]
                     and t.text in substring]
            values = [_as_datetime(t.value or "", case.base, case.direction) for t in found]
        else:
            values = [_as_datetime(t.value or "", case.base, case.direction) for t in timexes if t.value]
        values_ok = [v for v in values if v is not None]
        if not any(v[:len(expected)] == expected and len(v) >= len(expected) for v in values_ok):
            return False
    return True


def parser_correct(case: Case, parse: Callable[[str, datetime], datetime | None],
                   search: Callable[[str, datetime], list[tuple[str, datetime]]]) -> bool:
    """Whether dateparser (``parse`` one string, ``search`` a text) gives every expected value."""
    for substring, expected in case.expected:
        precision = "minute" if "T" in expected else "month" if len(expected) == 7 else "day"
        if substring is None:
            d = parse(case.text, case.base)
            if d is None or fmt(d, precision) != expected:
                return False
        else:
            found = search(case.text, case.base)
            if not any(substring.strip() in s or s in substring for s, d in found
                       if fmt(d, precision) == expected):
                return False
    return True
