"""Building blocks of the French rules: the regex pieces (months, weekdays, days, years, numbers, units,
parts of the day, clock times) the patterns of :mod:`rules_fr` are made of, and the readers that turn a
matched word into a value (a month, a day, a direction, a two-digit year)."""

from __future__ import annotations

import re

from recoupe.understand.timex.frames import (
    Direction,
    Frame,
)
from recoupe.understand.timex.lexicon import (
    APOS,
    MONTH_ABBR_FR,
    MONTHS_FR,
    NUMBER_WORDS_FR,
    UNITS_FR,
    WEEKDAY_ABBR_FR,
    WEEKDAYS_FR,
    alternation,
)

A = APOS
W = r"(?<![\w\-])"  # start of a word (a hyphen before means a compound: "après-midi", "F-16")
E = r"(?![\w])"
MONTH = alternation(MONTHS_FR)
MONTH_ABBR = alternation(MONTH_ABBR_FR)
WD = alternation(WEEKDAYS_FR)
WD_ABBR = alternation(WEEKDAY_ABBR_FR)
DAY = r"(?:1er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9])(?!\d)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d])"
NUM = rf"(?:\d+(?:,\d+)?|{NUMBER_WORDS_FR})"
UNIT = alternation(UNITS_FR)
UNIT_PLURAL = alternation([u for u in UNITS_FR if u.endswith(("s", "x")) or u == "mois"])
REL = r"derni[eè]re?s?|prochaine?s?|suivante?s?|précédente?s?|pass[ée]e?s?"
PART = r"matin|soir|après-midi|apres-midi|midi|soirée|matinée|nuit"
TIME = (r"(?:(?P<h>[01]?\d|2[0-4])\s*(?:h|H|heures?)(?:\s*(?P<mi>[0-5]\d)(?:\s*(?:min|mn))?)?|"
        r"(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?::[0-5]\d)?)(?![\d])")

FLAGS = re.IGNORECASE


def _c(pattern: str, flags: int = FLAGS) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def month_of(word: str | None) -> int | None:
    if not word:
        return None
    w = word.lower().rstrip(".")
    return MONTHS_FR.get(w) or MONTH_ABBR_FR.get(w)


def day_of(word: str) -> int:
    w = word.lower()
    return 1 if w in ("1er", "1ᵉʳ", "premier") else int(w)


def direction_of(word: str | None) -> tuple[Direction | None, bool]:
    """("dernier" -> past, strict, relative to the DCT); "suivant" -> future, relative to the narrative."""
    w = (word or "").lower()
    if w.startswith("derni") or w.startswith("pass"):
        return "past_strict", False
    if w.startswith("prochain"):
        return "future_strict", False
    if w.startswith("suivant"):
        return "future_strict", True
    if w.startswith("précédent"):
        return "past_strict", True
    return None, False


def two_digit_year(yy: int) -> int:
    """"93" -> 1993, "02" -> 2002: the pivot leaves 20xx to years up to 2030 (news of the last decades)."""
    return 2000 + yy if yy <= 30 else 1900 + yy


def _calendar(m: re.Match[str], *, day: int | None, month: int | None, year: int | None, weekday: int | None,
              rel_word: str | None, rule: str, mod: str | None = None) -> Frame:
    direction, anaphoric = direction_of(rel_word)
    if year is not None:
        return Frame(kind="date", year=year, month=month, day=day, weekday=weekday, mod=mod, rule=rule)
    return Frame(kind="date", rel="anaphoric" if anaphoric else "undef", month=month, day=day, weekday=weekday,
                 direction=direction, mod=mod, rule=rule)


_CAPS_AMBIGUOUS = {"mars", "mai"}  # the planet, a first name: only lower case unless a day or year is beside


def _month_ok(word: str, text: str, start: int) -> bool:
    if word.lower() in _CAPS_AMBIGUOUS and word[0].isupper():
        before = text[max(0, start - 3):start]
        return before.strip() == "" or before.rstrip().endswith((".", "\n"))
    return True
