"""Words of time in French and English: months, weekdays, seasons, number words, units."""

from __future__ import annotations

import re
from collections.abc import Iterable

APOS = "['’ʼʻ՚ꞌ＇′‵ʹ`´]"

MONTHS_FR = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
# Abbreviations: accepted only next to a day number or a year (so that "sept ans" stays a duration).
MONTH_ABBR_FR = {
    "janv": 1, "jan": 1, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10,
    "nov": 11, "déc": 12, "dec": 12,
}
MONTHS_EN = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBR_EN = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                 "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS_FR = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
WEEKDAY_ABBR_FR = {"lun": 0, "mar": 1, "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6}
WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAY_ABBR_EN = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
                   "sun": 6}
SEASONS_FR = {"printemps": 0, "été": 1, "ete": 1, "eté": 1, "automne": 2, "hiver": 3}
SEASONS_EN = {"spring": 0, "summer": 1, "autumn": 2, "fall": 2, "winter": 3}
PARTS_FR = {"matin": "MO", "matinée": "MO", "après-midi": "AF", "apres-midi": "AF", "soir": "EV", "soirée": "EV",
            "nuit": "NI", "journée": "DT", "midi": "MI"}
PARTS_EN = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

_UNITS_FR = {
    "seconde": "second", "secondes": "second", "minute": "minute", "minutes": "minute", "min": "minute",
    "heure": "hour", "heures": "hour", "jour": "day", "jours": "day", "journée": "day", "journées": "day",
    "semaine": "week", "semaines": "week", "mois": "month", "an": "year", "ans": "year", "année": "year",
    "années": "year", "décennie": "decade", "décennies": "decade", "siècle": "century", "siècles": "century",
    "trimestre": "quarter", "trimestres": "quarter", "semestre": "semester", "semestres": "semester",
}
_UNITS_EN = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "min": "minute",
    "mins": "minute", "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
    "quarter": "quarter", "quarters": "quarter",
}
UNITS_FR = _UNITS_FR
UNITS_EN = _UNITS_EN

_NUM_FR = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "mille": 1000,
}
_NUM_EN = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_UNIT_WORDS_FR = "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf"
_TEENS_FR = "onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf|dix"
NUMBER_WORDS_FR = (
    rf"(?:(?:vingt|trente|quarante|cinquante|soixante)(?:[- ]et[- ]une?|-(?:{_TEENS_FR}|{_UNIT_WORDS_FR}))?"
    rf"|{_TEENS_FR}|{_UNIT_WORDS_FR}|cent|mille)"
)
NUMBER_WORDS_EN = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|"
    r"nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|one|two|three|"
    r"four|five|six|seven|eight|nine|hundred|an|a)"
)


def number(word: str) -> float | None:
    """"deux" -> 2, "vingt-quatre" -> 24, "dix-huit" -> 18, "30,4" -> 30.4, "twenty-one" -> 21."""
    w = word.lower().strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", w):
        return float(w.replace(",", "."))
    if w in _NUM_FR:
        return _NUM_FR[w]
    if w in _NUM_EN:
        return _NUM_EN[w]
    parts = [p for p in re.split(r"[- ]", w) if p and p != "et"]
    if len(parts) >= 2:
        total = 0.0
        for part in parts:
            n = _NUM_FR.get(part, _NUM_EN.get(part))
            if n is None:
                return None
            total += n
        return total
    return None


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
