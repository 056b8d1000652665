"""English rules, in the conventions of the English TimeBank: a determiner that belongs to the expression is
part of it ("the following summer", "last Tuesday"), a preposition is not ("in [July 2022]", "on [Monday]")."""

from __future__ import annotations

import re

from recoupe.understand.timex.frames import (
    Direction,
    Frame,
    Kind,
    Piece,
    Rel,
    Unit,
    duration,
    duration_value,
    every,
    ref,
)
from recoupe.understand.timex.lexicon import (
    MONTH_ABBR_EN,
    MONTHS_EN,
    NUMBER_WORDS_EN,
    PARTS_EN,
    SEASONS_EN,
    UNITS_EN,
    WEEKDAY_ABBR_EN,
    WEEKDAYS_EN,
    alternation,
    number,
)
from recoupe.understand.timex.rules import Rule, compound_duration, grp, lower, one, real_day, shift_frame
from recoupe.understand.timex.rules_fr_dates import year_ok
from recoupe.understand.timex.rules_fr_words import two_digit_year

W = r"(?<![\w\-])"
E = r"(?![\w])"
MONTH = alternation(MONTHS_EN)
MONTH_ABBR = alternation(MONTH_ABBR_EN)
MONTH_ANY = rf"(?:{MONTH}|(?:{MONTH_ABBR})\.?)"
WD = alternation(WEEKDAYS_EN)
WD_ABBR = alternation(WEEKDAY_ABBR_EN)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d])"
NUM = rf"(?:\d+(?:\.\d+)?|{NUMBER_WORDS_EN})"
UNIT = alternation(UNITS_EN)
UNIT_PLURAL = alternation([u for u in UNITS_EN if u.endswith("s")])
TIME = (r"(?:(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:\s*(?P<ampm>[ap]\.m\.|[ap]m))?|(?P<h2>1[0-2]|0?[1-9])\s*"
        r"(?P<ampm2>[ap]\.m\.|[ap]m)|(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)\s*(?:GMT|UTC|hours|hrs))(?![\w])")
FLAGS = re.IGNORECASE


def _c(pattern: str, flags: int = FLAGS) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def month_of(word: str | None) -> int | None:
    if not word:
        return None
    w = word.lower().rstrip(".")
    return MONTHS_EN.get(w) or MONTH_ABBR_EN.get(w)


def day_of(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _month_ok(word: str) -> bool:
    """"may" and "march" are a verb and a noun unless capitalised."""
    return not (word.lower() in ("may", "march") and not word[0].isupper())


def direction_of(word: str | None) -> tuple[Direction | None, bool]:
    w = (word or "").lower()
    if w in ("last", "past"):
        return "past_strict", False
    if w in ("next", "coming"):
        return "future_strict", False
    if w in ("following",):
        return "future_strict", True
    if w in ("previous", "preceding"):
        return "past_strict", True
    if w == "this":
        return "this", False
    return None, False


_MODS = {"early": "START", "late": "END", "mid": "MID", "the end of": "END", "the beginning of": "START",
         "the start of": "START", "the middle of": "MID", "end of": "END", "beginning of": "START",
         "start of": "START", "middle of": "MID", "the first half of": "START", "the second half of": "END"}


def _mod(word: str | None) -> str | None:
    w = re.sub(r"\s+", " ", (word or "").lower()).strip().rstrip("-").strip()
    w = re.sub(r"^(?:at|in|by|until|from|since)\s+", "", w)
    return _MODS.get(w)


def _calendar(*, day: int | None, month: int | None, year: int | None, weekday: int | None, rel_word: str | None,
              rule: str, mod: str | None = None) -> Frame:
    direction, anaphoric = direction_of(rel_word)
    if year is not None:
        return Frame(kind="date", year=year, month=month, day=day, weekday=weekday, mod=mod, rule=rule)
    return Frame(kind="date", rel="anaphoric" if anaphoric else "undef", month=month, day=day, weekday=weekday,
                 direction=direction, mod=mod, rule=rule)


# --- dates ---------------------------------------------------------------------------------------------------

def b_dmy(m: re.Match[str], text: str) -> list[Piece] | None:
    if not _month_ok(m.group("month")):
        return None
    wd = WEEKDAYS_EN.get(lower(m, "wd")) if grp(m, "wd") else None
    year = int(m.group("year")) if grp(m, "year") else None
    if not real_day(year, month_of(m.group("month")), day_of(m.group("day"))):
        return None
    frame = _calendar(day=day_of(m.group("day")), month=month_of(m.group("month")), year=year, weekday=wd,
                      rel_word=None, rule="en.dmy")
    return one(m, frame)


def b_mdy(m: re.Match[str], text: str) -> list[Piece] | None:
    if not _month_ok(m.group("month")):
        return None
    if not grp(m, "year") and re.match(r"\s*(?:%|million|billion|percent|per\s+cent|[a-z]+s\b)", text[m.end():]):
        return None
    wd = WEEKDAYS_EN.get(lower(m, "wd")) if grp(m, "wd") else None
    year = int(m.group("year")) if grp(m, "year") else None
    if not real_day(year, month_of(m.group("month")), day_of(m.group("day"))):
        return None
    frame = _calendar(day=day_of(m.group("day")), month=month_of(m.group("month")), year=year, weekday=wd,
                      rel_word=None, rule="en.mdy")
    return one(m, frame)


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


# --- durations, sets, references --------------------------------------------------------------------------

_DUR_MODS = {"more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
             "nearly": "APPROX", "almost": "APPROX", "about": "APPROX", "around": "APPROX", "some": "APPROX",
             "roughly": "APPROX", "approximately": "APPROX", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
             "no more than": "EQUAL_OR_LESS", "just over": "MORE_THAN", "just under": "LESS_THAN"}


def b_duration(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _unit_of(m.group("unit"))
    raw = lower(m, "num")
    n = number(raw)
    if n is None:
        return None
    after = text[m.end():m.end() + 12]
    if re.match(r"[\s\-]*old\b", after, re.I) or re.search(r"\baged?\s*$", text[max(0, m.start() - 8):m.start()],
                                                              re.I):
        return None  # an age: "45 years old", "a 45-year-old man", "aged 45"
    if raw in ("a", "an", "one") and unit == "day" and not grp(m, "mod"):
        return None  # "one day" is mostly "some day"
    if raw in ("a", "an") and unit == "second":
        return None  # "a second time": an ordinal
    if raw in ("a", "an") and unit in ("year", "month", "week", "day") and re.search(
            r"(?:\d|million|billion|thousand|times|once|twice|%|percent)\s*$", text[max(0, m.start() - 12):m.start()]):
        return None  # "$50 million a year": a set, not a duration
    if re.fullmatch(r"\d+", raw) and unit == "year" and 1500 <= n <= 2100:
        return None
    value = duration_value(n, unit)
    if grp(m, "more"):
        parts = [(n, unit)]
        for em in re.finditer(rf"({NUM})[\s\-]+({UNIT})\b", m.group("more"), re.IGNORECASE):
            k = number(em.group(1))
            if k is not None:
                parts.append((k, _unit_of(em.group(2))))
        value = compound_duration(parts)
    mod_word = re.sub(r"\s+", " ", lower(m, "mod")).strip()
    mod = _DUR_MODS.get(mod_word) if mod_word else None
    start = m.start("mod") if grp(m, "mod") and mod else m.start("num")
    return [(start, m.end(), duration(value, mod=mod, rule="en.duration"))]


def b_vague(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _unit_of(m.group("unit"))
    return one(m, duration(duration_value(None, unit), rule="en.vague"))


def b_last_n(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _unit_of(m.group("unit"))
    n = number(m.group("num")) if grp(m, "num") else (1 if not lower(m, "unit").endswith("s") else None)
    return one(m, duration(duration_value(n, unit), rule="en.last_n"))


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M", "hour": "PT1H",
              "morning": "TMO", "evening": "TEV", "night": "TNI", "summer": "XXXX-SU", "winter": "XXXX-WI",
              "weekend": "XXXX-WXX-WE"}


def b_set(m: re.Match[str], text: str) -> list[Piece] | None:
    u = lower(m, "u").rstrip("s") if lower(m, "u") not in WEEKDAYS_EN else lower(m, "u")
    wd = WEEKDAYS_EN.get(u) if u in WEEKDAYS_EN else WEEKDAYS_EN.get(lower(m, "u").rstrip("s"))
    if wd is not None:
        return one(m, every(f"XXXX-WXX-{wd + 1}", rule="en.set"))
    value = _SET_UNITS.get(u)
    if value is None:
        return None
    if grp(m, "num"):
        n = number(m.group("num"))
        if n and n != 1 and value.startswith("P"):
            value = re.sub(r"\d+", str(int(n)), value, count=1)
    return one(m, every(value, rule="en.set"))


_ADJ_SETS = {"annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "daily": "P1D", "weekly": "P1W",
             "monthly": "P1M", "quarterly": "P3M", "biannual": "P6M", "hourly": "PT1H", "nightly": "TNI"}


def b_adj_set(m: re.Match[str], text: str) -> list[Piece] | None:
    word = lower(m, "x")
    if word in ("daily", "weekly", "monthly") and re.match(r"\s+[A-Z]", text[m.end():]):
        return None  # "the Israeli daily Haaretz", "the weekly Jeune Afrique": a newspaper
    if text[m.start()].isupper() and m.start() > 0 and not re.search(r"[.!?\n]\s*$", text[:m.start()]):
        return None  # part of a name
    return one(m, every(_ADJ_SETS[word], rule="en.adj_set"))


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
         "presently": "PRESENT_REF", "at the moment": "PRESENT_REF", "for now": "PRESENT_REF",
         "for the moment": "PRESENT_REF", "for the time being": "PRESENT_REF", "recently": "PAST_REF",
         "lately": "PAST_REF", "formerly": "PAST_REF", "previously": "PAST_REF", "in the past": "PAST_REF",
         "the past": "PAST_REF", "in the future": "FUTURE_REF", "the future": "FUTURE_REF", "soon": "FUTURE_REF",
         "shortly": "FUTURE_REF"}


def b_ref(m: re.Match[str], text: str) -> list[Piece] | None:
    key = re.sub(r"\s+", " ", lower(m, "x"))
    value = _REFS.get(key)
    if value is None:
        return None
    if key == "now" and re.match(r"\s+(?:that|defunct|former)\b", text[m.end():], re.I):
        return None
    start = m.start("x")
    if key.startswith("in the "):
        start += 3  # "in the past": TimeBank marks "the past"
    return [(start, m.end("x"), ref(value, rule="en.ref"))]


_RULES: tuple[Rule, ...] = (
    Rule("en.range", _c(
        rf"{W}(?:(?:from|between|From|Between)\s+)?(?P<x1>(?:the\s+)?(?P<d1>{DAY})(?:\s+(?:of\s+)?(?P<m1>{MONTH_ANY}))?)"
        rf"\s*(?:to|until|through|and|-|–)\s*(?P<x2>(?:the\s+)?(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH_ANY})"
        rf"(?:,?\s+(?P<year>{YEAR}))?){E}"), b_range),
    Rule("en.range_md", _c(
        rf"{W}(?:(?:from|between|From|Between)\s+)?(?P<x1>(?P<m2>{MONTH_ANY})\s+(?P<d1>{DAY}))\s*(?:to|until|through|"
        rf"and|-|–)\s*(?P<x2>(?P<d2>{DAY})(?:,?\s+(?P<year>{YEAR}))?){E}"), b_range),
    Rule("en.dmy", _c(
        rf"{W}(?P<x>(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH_ANY})(?![\w])"
        rf"(?:,?\s+(?P<year>{YEAR}))?)"), b_dmy),
    Rule("en.mdy", _c(
        rf"{W}(?P<x>(?:(?P<wd>{WD}),?\s+)?(?P<month>{MONTH_ANY})\s+(?P<day>{DAY})(?![\d:])(?:,?\s+(?P<year>{YEAR}))?)"),
        b_mdy),
    Rule("en.numeric", _c(r"(?<![\d.,/])(?P<a>[01]?\d|[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d])"),
         b_numeric),
    Rule("iso", _c(r"(?<![\d\-/])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\d])"),
         b_iso),
    Rule("en.month_year", _c(
        rf"{W}(?P<x>(?:(?P<mod>early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        rf"the\s+middle\s+of|end\s+of|beginning\s+of)\s*)?(?P<month>{MONTH_ANY}),?\s+(?:of\s+)?"
        rf"(?:(?P<year>{YEAR})|'(?P<yy>\d\d)(?!\d)))"), b_month_year),
    Rule("en.month_mod", _c(
        rf"{W}(?P<x>(?P<mod>early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
        rf"end\s+of|beginning\s+of)\s*(?P<month>{MONTH})(?:\s+(?P<same>this\s+year|last\s+year|next\s+year|"
        rf"that\s+year|the\s+same\s+year|the\s+following\s+year|the\s+previous\s+year))?){E}(?!\s+\d)"), b_month),
    Rule("en.month_rel", _c(
        rf"{W}(?P<x>(?P<rel>last|next|this|that|the\s+following|the\s+previous|past|coming)\s+(?P<month>{MONTH})){E}"
        rf"(?!\s+\d)"),
        b_month_rel),
    Rule("en.month_prep", _c(
        rf"{W}(?:in|In|since|Since|by|By|until|Until|from|From|during|During|through|before|Before|after|After|"
        rf"between|and|or|of|till|to|early|late|mid-)\s*(?P<x>(?P<month>{MONTH})(?:\s+(?P<same>this\s+year|"
        rf"last\s+year|next\s+year|that\s+year|the\s+same\s+year|the\s+following\s+year|the\s+previous\s+year))?){E}"
        rf"(?!\s*\d)"), b_month),
    Rule("en.year_range", _c(
        rf"(?<![\w\-/])(?:(?P<pre>from|between|in|From|Between|In)\s+)?(?P<y1>{YEAR})\s*[-–/]\s*(?P<y2>{YEAR})"),
        b_year_range),
    Rule("en.year", _c(
        rf"{W}(?:(?P<pre>in|In|since|Since|by|By|until|Until|from|From|during|During|before|Before|after|After|"
        rf"between|and|of|through|till|to|around|circa)\s+)?(?P<x>(?P<the>the\s+year\s+)?(?P<mod>(?:early|late|mid-?|"
        rf"the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|"
        rf"the\s+second\s+half\s+of|end\s+of|beginning\s+of)\s*)?(?P<year>{YEAR}))(?![,.]\d)(?!\s*[-–/]\s*\d)"),
        b_year),
    Rule("en.decade", _c(rf"{W}(?P<x>(?:(?P<mod>early|late|mid-?|the\s+early|the\s+late|the\s+mid-?)\s*)?"
                         rf"(?:the\s+)?(?:'|’)?(?P<dec>(?:19|20)?\d0)['’]?s){E}"), b_decade),
    Rule("en.season", _c(
        rf"{W}(?:(?P<pre>in|In|during|During|by|By|until|since)\s+)?(?P<x>(?P<det>the\s+|this\s+|last\s+|next\s+|"
        rf"that\s+)?(?:(?P<rel>following|previous|coming|past)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?P<year>{YEAR})|\s+of\s+(?P<of>{YEAR})|\s+of\s+(?P<same>the\s+same\s+year|the\s+following\s+year|"
        rf"the\s+previous\s+year))?){E}"),
        b_season),
    Rule("en.deictic", _c(
        rf"{W}(?P<x>(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|"
        rf"tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?){E}"), b_deictic),
    Rule("en.this_part", _c(rf"{W}(?P<x>(?P<det>this|last)\s+(?P<part>morning|afternoon|evening|night)){E}"),
         b_this_part),
    Rule("en.rel_period", _c(
        rf"{W}(?P<x>(?:(?P<mod>earlier|later|early|late)\s+)?(?P<det>this|last|next|the\s+past|the\s+last|"
        rf"the\s+next|the\s+coming|the\s+following|the\s+previous|the\s+preceding|the\s+same|that|the\s+current|"
        rf"current|past|coming)\s+(?P<u>week|month|year|weekend|quarter|decade|century|day)){E}"), b_rel_period),
    Rule("en.mod_period", _c(
        rf"{W}(?P<x>(?P<mod>the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
        rf"the\s+first\s+half\s+of|the\s+second\s+half\s+of)\s+(?P<det>this|last|next|the)\s+"
        rf"(?P<u>week|month|year|decade)){E}"), b_mod_period),
    Rule("en.day_before", _c(rf"{W}(?P<x>the\s+day\s+(?P<w>before|after))(?!\s+(?:yesterday|tomorrow)){E}"),
         b_day_before),
    Rule("en.ago", _c(
        rf"{W}(?P<x>(?:(?P<mod>about|around|nearly|almost|some|more\s+than|over|less\s+than)\s+)?(?P<num>{NUM})\s+"
        rf"(?P<unit>{UNIT})\s+ago){E}"), b_ago),
    Rule("en.weekday", _c(
        rf"{W}(?P<x>(?:(?P<rel>last|next|this|that|coming|past)\s+)?(?P<wd>{WD})(?:\s+(?P<part>morning|afternoon|"
        rf"evening|night))?){E}(?!\s*,?\s+(?:\d|{MONTH}))"), b_weekday),
    Rule("en.wd_time", _c(rf"{W}(?P<x>(?P<wda>{WD_ABBR})\.?\s+(?:at\s+)?(?P<pre>)?{TIME})"), b_time),
    Rule("en.time", _c(rf"{W}(?:(?P<pre>at|around|about|at\s+around|at\s+about|by|from|until|to|before|after)\s+)?"
                       rf"(?P<x>{TIME})"), b_time),
    Rule("en.noon", _c(rf"{W}(?:(?P<pre>around|about|at\s+around|at\s+about|at)\s+)?(?P<x>noon|midnight){E}"), b_noon),
    Rule("en.quarter", _c(
        rf"{W}(?P<x>(?:the\s+)?(?P<ord>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(?P<u>quarter|half)\s+of\s+"
        rf"(?:(?P<year>{YEAR})|(?P<yr>this\s+year|the\s+year))|(?P<q>[QH][1-4])\s+(?P<year2>{YEAR})){E}"), b_quarter),
    Rule("en.for_years", _c(rf"{W}(?:for|over|in|within|after|since)\s+(?P<x>(?P<unit>decades|years|months|weeks|days|"
                            rf"centuries)){E}(?!\s+(?:of|ago|old|later|earlier|before|after)\b)"), b_vague),
    Rule("en.part", _c(rf"{W}(?:in\s+|at\s+|during\s+)?(?P<x>(?:(?P<det>the|that)\s+)?(?P<part>morning|afternoon|"
                       rf"evening|night))(?!\w)(?!\s+of\b)"),
         b_part),
    Rule("en.overnight", _c(rf"{W}(?P<x>(?P<part>overnight)){E}"), b_part),
    Rule("en.last_n", _c(
        rf"{W}(?P<x>(?:the\s+)?(?:past|last|next|coming|previous|following)\s+(?:(?P<num>{NUM})\s+)?"
        rf"(?:few\s+|several\s+)?(?P<unit>{UNIT_PLURAL})){E}"), b_last_n),
    Rule("en.duration", _c(
        rf"{W}(?P<x>(?:(?P<mod>more\s+than|less\s+than|nearly|almost|about|around|some|roughly|approximately|"
        rf"at\s+least|up\s+to|no\s+more\s+than|just\s+over|just\s+under|over|under)\s+)?(?P<num>{NUM})[\s\-]+"
        rf"(?P<unit>{UNIT})(?P<more>(?:,?\s+(?:and\s+)?(?:{NUM})[\s\-]+(?:{UNIT})(?![\w]))*)){E}"), b_duration),
    Rule("en.vague", _c(
        rf"{W}(?P<x>(?:several|a\s+few|few|many|some|decades|years|months)\s+(?P<unit>{UNIT_PLURAL})){E}"),
        b_vague),
    Rule("en.set_each", _c(rf"{W}(?P<x>(?:every|each)\s+(?:(?P<num>{NUM})\s+)?(?P<u>day|week|month|year|quarter|"
                           rf"morning|evening|night|summer|winter|weekend|{WD}|days|weeks|months|years)){E}"), b_set),
    Rule("en.set_per", _c(rf"(?<=\d|n|s|%)\s+(?P<x>(?:a|per)\s+(?P<u>day|week|month|year)){E}"), b_set),
    Rule("en.set_plural_wd", _c(rf"{W}(?:on\s+)?(?P<x>(?P<u>(?:{WD})s)){E}"), b_set),
    Rule("en.adj_set", _c(rf"{W}(?P<x>annual|annually|yearly|daily|weekly|monthly|quarterly|biannual|hourly|"
                          rf"nightly){E}"), b_adj_set),
    Rule("en.ref", _c(rf"{W}(?P<x>currently|nowadays|at\s+present|presently|at\s+the\s+moment|for\s+now|"
                      rf"for\s+the\s+moment|for\s+the\s+time\s+being|recently|lately|formerly|previously|"
                      rf"in\s+the\s+past|in\s+the\s+future|now){E}"), b_ref),
)


TRIGGERS = re.compile(
    rf"(?P<digit>\d)|(?<![\w])(?:(?P<month>{MONTH}|{MONTH_ABBR})|(?P<weekday>{WD}|{WD_ABBR})|"
    rf"(?P<unit>{UNIT}|weekend)|(?P<deictic>today|yesterday|tomorrow|tonight|ago)|"
    rf"(?P<part>morning|afternoon|evening|night|overnight|noon|midnight)|(?P<season>spring|summer|autumn|fall|winter)|"
    rf"(?P<set>every|each|per|a|annual|annually|yearly|daily|weekly|monthly|quarterly|biannual|hourly|nightly)|"
    rf"(?P<ref>now|currently|nowadays|present|presently|moment|time|recently|lately|formerly|previously|past|"
    rf"future|soon|shortly))(?![\w])",
    re.IGNORECASE,
)
_DIGIT, _MONTH_T, _WEEKDAY_T = frozenset({"digit"}), frozenset({"month"}), frozenset({"weekday"})
_UNIT_T = frozenset({"unit"})
_NEEDS: dict[str, frozenset[str]] = {
    "en.range": _MONTH_T, "en.range_md": _MONTH_T, "en.dmy": _MONTH_T, "en.mdy": _MONTH_T, "en.numeric": _DIGIT,
    "iso": _DIGIT, "en.month_year": _MONTH_T, "en.month_mod": _MONTH_T, "en.month_rel": _MONTH_T,
    "en.month_prep": _MONTH_T, "en.year_range": _DIGIT, "en.year": _DIGIT, "en.decade": _DIGIT,
    "en.season": frozenset({"season"}), "en.deictic": frozenset({"deictic"}), "en.this_part": frozenset({"part"}),
    "en.rel_period": _UNIT_T, "en.mod_period": _UNIT_T, "en.day_before": _UNIT_T, "en.ago": frozenset({"deictic"}),
    "en.weekday": _WEEKDAY_T, "en.wd_time": _WEEKDAY_T, "en.time": _DIGIT, "en.noon": frozenset({"part"}),
    "en.part": frozenset({"part"}), "en.quarter": frozenset({"unit", "digit"}), "en.for_years": _UNIT_T,
    "en.overnight": frozenset({"part"}), "en.last_n": _UNIT_T,
    "en.duration": _UNIT_T, "en.vague": _UNIT_T, "en.set_each": frozenset({"set"}), "en.set_per": frozenset({"set"}),
    "en.set_plural_wd": frozenset({"weekday"}), "en.adj_set": frozenset({"set"}), "en.ref": frozenset({"ref"}),
}
RULES: tuple[Rule, ...] = tuple(Rule(r.name, r.pattern, r.build, _NEEDS[r.name]) for r in _RULES)
