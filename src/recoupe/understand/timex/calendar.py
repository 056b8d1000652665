"""Calendar arithmetic on partial dates: the reference points of the tagger (DCT, narrative anchor) and
the TIMEX3 values it writes. Pure functions over ``Point`` (a date truncated to year, month or day)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

SEASONS = ("SP", "SU", "FA", "WI")
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2}))?")


@dataclass(frozen=True, slots=True)
class Point:
    """A point of the calendar known to the year, the month or the day (and maybe the minute)."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    @property
    def date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def season(self) -> tuple[int, int] | None:
        """(year, index in SEASONS); winter is labelled by the year it starts (December)."""
        if self.month is None:
            return None
        return season_of(self.year, self.month)


def season_of(year: int, month: int) -> tuple[int, int]:
    if month == 12:
        return year, 3
    if month <= 2:
        return year - 1, 3
    return year, (month - 3) // 3


def parse_point(value: str | None) -> Point | None:
    """"2022-09-20", "2022-07", "2022", "2014-09-01T10:30" (a DCT or a timex value) as a Point, else None."""
    if not value:
        return None
    m = _VALUE.match(value.strip())
    if not m:
        return None
    y, mo, d, hh, mm = (int(g) if g else None for g in m.groups())
    assert y is not None
    try:
        if mo is not None:
            date(y, mo, d or 1)
    except ValueError:
        return None
    if mo is None:
        return Point(y)
    return Point(y, mo, d, hh if d is not None else None, mm if d is not None else None)


def fmt_day(d: date) -> str:
    return d.isoformat()


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_year(year: int) -> str:
    return f"{year:04d}"


def fmt_season(year: int, index: int) -> str:
    return f"{year:04d}-{SEASONS[index]}"


def fmt_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def shift_day(d: date, n: int) -> date:
    return d + timedelta(days=n)


def weekday_before(ref: date, weekday: int, *, strict: bool) -> date:
    """The last ``weekday`` (0 = Monday) on or before ``ref`` (strictly before when ``strict``)."""
    back = (ref.weekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return ref - timedelta(days=back)


def weekday_after(ref: date, weekday: int, *, strict: bool) -> date:
    ahead = (weekday - ref.weekday()) % 7
    if ahead == 0 and strict:
        ahead = 7
    return ref + timedelta(days=ahead)


def granularity_of(value: str) -> str:
    """The granularity of a calendar value ("2022-07" -> "month"); "unknown" for anything else."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", value):
        return "time"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"\d{4}-(Q\d|H\d)", value):
        return "quarter"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}X", value):
        return "decade"
    if re.fullmatch(r"\d{2}XX", value):
        return "century"
    return "unknown"


def interval(value: str | None) -> tuple[date, date] | None:
    """First and last day that a calendar value covers ("2022-06" -> June 1..30), or None (also for a value
    whose span leaves the years 0001..9999, such as "9999-12")."""
    if not value:
        return None
    try:
        return _interval(value)
    except (OverflowError, ValueError):
        return None


def _interval(value: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value)
    if m:
        d = valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (d, d) if d else None
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        try:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        if m.group(3):
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            return None
        ny, nm = add_months(y, mo, 1)
        return date(y, mo, 1), date(ny, nm, 1) - timedelta(days=1)
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        y, i = int(m.group(1)), SEASONS.index(m.group(2))
        first = date(y, 3 + 3 * i, 1) if i < 3 else date(y, 12, 1)
        ly, lm = add_months(first.year, first.month, 3)
        return first, date(ly, lm, 1) - timedelta(days=1)
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        return date(int(value), 1, 1), date(int(value), 12, 31)
    m = re.fullmatch(r"(\d{3})X", value)
    if m:
        return date(int(m.group(1)) * 10, 1, 1), date(int(m.group(1)) * 10 + 9, 12, 31)
    return None
