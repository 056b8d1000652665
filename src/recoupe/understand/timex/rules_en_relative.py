"""English rules, dates relative to the text's time: the builders for seasons, deictic days and periods
("yesterday", "last week", "three years ago"), weekdays, clock times, quarters and parts of the day."""

from __future__ import annotations

import re

from recoupe.understand.timex.frames import (
    Frame,
    Kind,
    Piece,
    Unit,
    duration,
    duration_value,
    ref,
)
from recoupe.understand.timex.lexicon import (
    PARTS_EN,
    SEASONS_EN,
    UNITS_EN,
    WEEKDAY_ABBR_EN,
    WEEKDAYS_EN,
    number,
)
from recoupe.understand.timex.rules import grp, lower, one, shift_frame
from recoupe.understand.timex.rules_en_words import (
    _mod,
    direction_of,
)

# --- seasons, deictic expressions ---------------------------------------------------------------------------

def b_season(m: re.Match[str], text: str) -> list[Piece] | None:
    word = lower(m, "season")
    season = SEASONS_EN[word]
    det = lower(m, "det").strip()
    rel = lower(m, "rel")
    if word == "fall" and not (det or rel or grp(m, "year") or grp(m, "of")):
        return None
    if not (det or rel or grp(m, "year") or grp(m, "of") or grp(m, "pre")):
        return None
    if det in ("last", "next") and not rel:
        return one(m, Frame(kind="date", rel="undef", season=season,
                            direction="past_strict" if det == "last" else "future_strict", rule="en.season_rel"))
    if grp(m, "year") or grp(m, "of"):
        year = int(m.group("year") or m.group("of"))
        return one(m, Frame(kind="date", year=year, season=season, rule="en.season"))
    if rel in ("this",) or det == "this":
        return one(m, Frame(kind="date", rel="dct", unit="season", shift=0, season=season, rule="en.season_this"))
    if rel in ("last", "next", "past", "coming", "following", "previous"):
        direction, anaphoric = direction_of(rel)
        return one(m, Frame(kind="date", rel="anaphoric" if anaphoric else "undef", season=season,
                            direction=direction, rule="en.season_rel"))
    if grp(m, "same"):
        same = lower(m, "same")
        shift = 1 if "following" in same else -1 if "previous" in same else 0
        return one(m, Frame(kind="date", rel="anaphoric", unit="year", shift=shift, season=season,
                            rule="en.season_same"))
    return one(m, Frame(kind="date", rel="undef", season=season, rule="en.season"))


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2, "tonight": 0}


def b_deictic(m: re.Match[str], text: str) -> list[Piece] | None:
    w = re.sub(r"\s+", " ", lower(m, "w"))
    shift = _DEICTIC[w]
    part = PARTS_EN.get(lower(m, "part")) if grp(m, "part") else ("NI" if w == "tonight" else None)
    if w == "today" and re.search(r"(?:^|[.!?\n])\s*$", text[max(0, m.start() - 3):m.start()]) and text[
            m.end():m.end() + 1] == ",":
        return one(m, ref("PRESENT_REF", rule="en.today_ref"))
    kind: Kind = "time" if part else "date"
    return one(m, Frame(kind=kind, rel="dct", unit="day", shift=shift, part=part, rule="en.deictic"))


def b_this_part(m: re.Match[str], text: str) -> list[Piece] | None:
    word = lower(m, "part")
    part = "NI" if word == "night" else PARTS_EN[word]
    shift = -1 if lower(m, "det") == "last" else 0
    return one(m, Frame(kind="time", rel="dct", unit="day", shift=shift, part=part, rule="en.this_part"))


_PERIOD: dict[str, Unit] = {"week": "week", "month": "month", "year": "year", "weekend": "weekend",
                            "quarter": "quarter", "decade": "decade", "century": "century", "day": "day"}


def b_rel_period(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _PERIOD[lower(m, "u")]
    det = re.sub(r"\s+", " ", lower(m, "det"))
    mod = {"earlier": "START", "early": "START", "later": "END", "late": "END"}.get(lower(m, "mod")) if grp(
        m, "mod") else None
    if lower(m, "mod") == "earlier":
        mod = None  # "earlier this month": the month, before now; the value says the month
    if det in ("this", "the current", "current"):
        return one(m, Frame(kind="date", rel="dct", unit=unit, shift=0, mod=mod, rule="en.this_period"))
    if det in ("the last", "the past", "the next", "the coming") and unit in ("week", "month", "year", "decade", "day",
                                                                          "quarter", "century"):
        return one(m, duration(duration_value(1, unit), rule="en.the_past_unit"))  # "over the past week": P1W
    if det in ("last", "past"):
        if unit == "day":
            return None
        return one(m, Frame(kind="date", rel="dct", unit=unit, shift=-1, mod=mod, rule="en.last_period"))
    if det in ("next", "the next", "the coming", "coming"):
        if unit == "day":
            return one(m, Frame(kind="date", rel="anaphoric", unit="day", shift=1, rule="en.next_day"))
        return one(m, Frame(kind="date", rel="dct", unit=unit, shift=1, mod=mod, rule="en.next_period"))
    if det in ("the following", "the previous", "the preceding", "the same", "that", "the next"):
        shift = 1 if "following" in det else -1 if ("previous" in det or "preceding" in det) else 0
        return one(m, Frame(kind="date", rel="anaphoric", unit=unit, shift=shift, mod=mod, rule="en.anaphoric_period"))
    return None


def b_day_before(m: re.Match[str], text: str) -> list[Piece] | None:
    w = lower(m, "w")
    shift = 1 if w == "after" else -1
    return one(m, Frame(kind="date", rel="anaphoric", unit="day", shift=shift, rule="en.day_before"))


def b_mod_period(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _PERIOD[lower(m, "u")]
    det = lower(m, "det")
    shift = -1 if det == "last" else 1 if det == "next" else 0
    return one(m, Frame(kind="date", rel="dct", unit=unit, shift=shift, mod=_mod(grp(m, "mod")), rule="en.mod_period"))


def _unit_of(word: str) -> str:
    return UNITS_EN.get(word.lower(), "day")


def b_ago(m: re.Match[str], text: str) -> list[Piece] | None:
    n = number(m.group("num"))
    if n is None:
        return None
    parts = [(n, _unit_of(m.group("unit")))]
    mod = {"about": "APPROX", "around": "APPROX", "nearly": "APPROX", "almost": "APPROX", "some": "APPROX",
           "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN"}.get(
        re.sub(r"\s+", " ", lower(m, "mod")).strip()) if grp(m, "mod") else None
    return one(m, shift_frame(parts, -1, mod, "en.ago"))


def b_weekday(m: re.Match[str], text: str) -> list[Piece] | None:
    word = lower(m, "wd")
    wd = WEEKDAYS_EN.get(word)
    if wd is None:
        return None
    direction, anaphoric = direction_of(grp(m, "rel"))
    if lower(m, "rel") == "that":
        anaphoric, direction = True, "this"
    part = PARTS_EN.get(lower(m, "part")) if grp(m, "part") else ("NI" if lower(m, "part") == "night" else None)
    if lower(m, "part") == "night":
        part = "NI"
    kind: Kind = "time" if part else "date"
    return one(m, Frame(kind=kind, rel="anaphoric" if anaphoric else "undef", weekday=wd, direction=direction,
                        part=part, rule="en.weekday"))


def _clock(m: re.Match[str]) -> tuple[int, int] | None:
    if grp(m, "h") is not None:
        hour, minute, ampm = int(m.group("h")), int(m.group("mi")), lower(m, "ampm")
    elif grp(m, "h2") is not None:
        hour, minute, ampm = int(m.group("h2")), 0, lower(m, "ampm2")
    elif grp(m, "h3") is not None:
        hour, minute, ampm = int(m.group("h3")), int(m.group("mi3")), ""
    else:
        return None
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    return hour, minute


def b_time(m: re.Match[str], text: str) -> list[Piece] | None:
    clock = _clock(m)
    if clock is None:
        return None
    if grp(m, "h") is not None and not grp(m, "ampm") and not grp(m, "pre") and "." in m.group("x"):
        return None  # "3.45" is a number unless "at 3.45" or "3.45pm"
    mod = "APPROX" if lower(m, "pre") in ("around", "about", "at around", "at about") else None
    wd = WEEKDAY_ABBR_EN.get(lower(m, "wda").rstrip(".")) if grp(m, "wda") else None
    if wd is not None:
        return one(m, Frame(kind="time", rel="undef", weekday=wd, hour=clock[0], minute=clock[1], rule="en.wd_time"))
    return one(m, Frame(kind="time", rel="context", hour=clock[0], minute=clock[1], mod=mod, rule="en.time"))


def b_noon(m: re.Match[str], text: str) -> list[Piece] | None:
    hour = 12 if lower(m, "x") == "noon" else 24
    mod = "APPROX" if lower(m, "pre") in ("around", "about", "at around", "at about") else None
    return one(m, Frame(kind="time", rel="context", hour=hour, minute=0, mod=mod, rule="en.noon"))


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}


def b_quarter(m: re.Match[str], text: str) -> list[Piece] | None:
    if grp(m, "q"):
        half, n = m.group("q")[0].upper() == "H", int(m.group("q")[1])
    else:
        half, n = lower(m, "u") == "half", _ORDINALS.get(lower(m, "ord"), 0)
        if half and lower(m, "ord") in ("last", "second"):
            n = 2
    if not n or (half and n > 2):
        return None
    year = grp(m, "year") or grp(m, "year2")
    if year is None:
        if lower(m, "yr") in ("this year", "the year"):
            return one(m, Frame(kind="date", rel="undef", quarter=n, half=half, rule="en.quarter"))
        return None
    return one(m, Frame(kind="date", year=int(year), quarter=n, half=half, rule="en.quarter"))


def b_part(m: re.Match[str], text: str) -> list[Piece] | None:
    """"the night", "that evening", "overnight" (a bare "morning" is too vague to tag)."""
    word = lower(m, "part")
    if word != "overnight" and not grp(m, "det"):
        return None
    part = "NI" if word in ("night", "overnight") else PARTS_EN.get(word)
    if part is None:
        return None
    if lower(m, "det") == "that":
        return one(m, Frame(kind="time", rel="anaphoric", unit="day", shift=0, part=part, rule="en.that_part"))
    return one(m, Frame(kind="time", rel="context", part=part, rule="en.part"))
