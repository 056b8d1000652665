"""English rules, calendar dates: the builders for dates with a day ("5 May 2021", "May 5, 2021",
"May 3-5", ISO and numeric dates), months, years, year ranges and decades."""

from __future__ import annotations

import re

from recoupe.understand.timex.frames import (
    Direction,
    Frame,
    Piece,
    Rel,
)
from recoupe.understand.timex.lexicon import (
    WEEKDAYS_EN,
)
from recoupe.understand.timex.rules import grp, lower, one, real_day
from recoupe.understand.timex.rules_en_words import (
    _calendar,
    _mod,
    _month_ok,
    day_of,
    direction_of,
    month_of,
)
from recoupe.understand.timex.rules_fr_dates import year_ok
from recoupe.understand.timex.rules_fr_words import two_digit_year

# --- dates ---------------------------------------------------------------------------------------------------

def _day_month_year(m: re.Match[str], rule: str) -> list[Piece] | None:
    """The calendar date of a match with ``day``, ``month`` and optional ``year``/``wd`` groups (either order)."""
    if not _month_ok(m.group("month")):
        return None
    wd = WEEKDAYS_EN.get(lower(m, "wd")) if grp(m, "wd") else None
    year = int(m.group("year")) if grp(m, "year") else None
    if not real_day(year, month_of(m.group("month")), day_of(m.group("day"))):
        return None
    frame = _calendar(day=day_of(m.group("day")), month=month_of(m.group("month")), year=year, weekday=wd,
                      rel_word=None, rule=rule)
    return one(m, frame)


def b_dmy(m: re.Match[str], text: str) -> list[Piece] | None:
    return _day_month_year(m, "en.dmy")


def b_mdy(m: re.Match[str], text: str) -> list[Piece] | None:
    if not grp(m, "year") and re.match(r"\s*(?:%|million|billion|percent|per\s+cent|[a-z]+s\b)", text[m.end():]):
        return None
    return _day_month_year(m, "en.mdy")


def b_range(m: re.Match[str], text: str) -> list[Piece] | None:
    m2 = month_of(m.group("m2"))
    m1 = month_of(grp(m, "m1")) or m2
    if not _month_ok(m.group("m2")):
        return None
    year = int(m.group("year")) if grp(m, "year") else None
    d1, d2 = day_of(m.group("d1")), day_of(m.group("d2"))
    if (grp(m, "m1") is None and d1 >= d2) or not real_day(year, m1, d1) or not real_day(year, m2, d2):
        return None
    f1 = _calendar(day=d1, month=m1, year=year, weekday=None, rel_word=None, rule="en.range")
    f2 = _calendar(day=d2, month=m2, year=year, weekday=None, rel_word=None, rule="en.range")
    return [(m.start("x1"), m.end("x1"), f1), (m.start("x2"), m.end("x2"), f2)]


def b_iso(m: re.Match[str], text: str) -> list[Piece] | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not (1 <= mo <= 12) or not real_day(y, mo, d):
        return None
    return [(m.start(), m.end(), Frame(kind="date", year=y, month=mo, day=d, rule="iso"))]


def b_month_year(m: re.Match[str], text: str) -> list[Piece] | None:
    if not _month_ok(m.group("month")):
        return None
    year = int(m.group("year")) if grp(m, "year") else two_digit_year(int(m.group("yy")))
    return one(m, Frame(kind="date", year=year, month=month_of(m.group("month")), mod=_mod(grp(m, "mod")),
                        rule="en.month_year"))


def b_month(m: re.Match[str], text: str) -> list[Piece] | None:
    word = m.group("month")
    if not _month_ok(word):
        return None
    if word.lower() == "may" and not grp(m, "mod") and not grp(m, "rel") and re.match(r"\s+[a-z]", text[m.end():]):
        return None  # "in May be ..." is rare; "may" before a verb is the modal
    direction, anaphoric = direction_of(grp(m, "rel"))
    same = lower(m, "same")
    month = month_of(word)
    mod = _mod(grp(m, "mod"))
    if same:
        shift = 1 if "following" in same or "next" in same else -1 if "previous" in same or "last" in same else 0
        rel: Rel = "dct" if same in ("this year", "last year", "next year") else "anaphoric"
        return one(m, Frame(kind="date", rel=rel, unit="year", shift=shift, month=month, mod=mod, rule="en.month_same"))
    return one(m, Frame(kind="date", rel="anaphoric" if anaphoric else "undef", month=month, direction=direction,
                        mod=mod, rule="en.month"))


def b_month_rel(m: re.Match[str], text: str) -> list[Piece] | None:
    """"last July", "next March" (from the DCT); "that July", "the following July" (from the narrative)."""
    rel = re.sub(r"\s+", " ", lower(m, "rel"))
    if not rel.startswith(("that", "the")):
        return b_month(m, text)
    if not _month_ok(m.group("month")):
        return None
    direction: Direction = "future_strict" if "following" in rel else "past_strict" if "previous" in rel else "this"
    return one(m, Frame(kind="date", rel="anaphoric", month=month_of(m.group("month")), direction=direction,
                        rule="en.month_rel"))


def b_year(m: re.Match[str], text: str) -> list[Piece] | None:
    s, e = m.start("year"), m.end("year")
    if not grp(m, "pre") and not grp(m, "mod") and not grp(m, "the") and not year_ok(text, s, e):
        return None
    if re.match(r"\s*(?:%|percent|people|troops|soldiers|men|tons|tonnes|km|miles|metres|meters|dollars|euros|"
                r"units|aircraft|jets|drones|missiles|vehicles|tanks|personnel|members|deaths|[.,]\d)", text[e:], re.I):
        return None
    start = m.start("x") if grp(m, "x") else s
    return [(start, e, Frame(kind="date", year=int(m.group("year")), mod=_mod(grp(m, "mod")), rule="en.year"))]


def b_year_range(m: re.Match[str], text: str) -> list[Piece] | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not y1 < y2 or (not grp(m, "pre") and not year_ok(text, m.start("y1"), m.end("y1"))):
        return None
    return [(m.start("y1"), m.end("y1"), Frame(kind="date", year=y1, rule="en.year_range")),
            (m.start("y2"), m.end("y2"), Frame(kind="date", year=y2, rule="en.year_range"))]


def b_decade(m: re.Match[str], text: str) -> list[Piece] | None:
    digits = m.group("dec")
    decade = int(digits) // 10 if len(digits) == 4 else (200 if digits == "00" else 190 + int(digits) // 10)
    return one(m, Frame(kind="date", decade=decade, mod=_mod(grp(m, "mod")), rule="en.decade"))


def b_numeric(m: re.Match[str], text: str) -> list[Piece] | None:
    before, after = text[max(0, m.start() - 2):m.start()], text[m.end():m.end() + 2]
    if re.search(r"\d[./\-]$", before) or re.match(r"[./\-]\d", after):
        return None
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first number cannot be a month
    if not (1 <= month <= 12) or not real_day(y, month, day):
        return None
    return one(m, Frame(kind="date", year=y, month=month, day=day, rule="en.numeric"))
