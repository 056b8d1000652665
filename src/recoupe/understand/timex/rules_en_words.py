"""Building blocks of the English rules: the regex pieces (months, weekdays, days, years, numbers, units,
clock times) the patterns of :mod:`rules_en` are made of, and the readers that turn a matched word into a
value (a month, a day, a direction, a modifier) or a calendar frame."""

from __future__ import annotations

import re

from recoupe.understand.timex.frames import (
    Direction,
    Frame,
)
from recoupe.understand.timex.lexicon import (
    MONTH_ABBR_EN,
    MONTHS_EN,
    NUMBER_WORDS_EN,
    UNITS_EN,
    WEEKDAY_ABBR_EN,
    WEEKDAYS_EN,
    alternation,
)

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
