"""Bylines and datelines as the page's header prints them (``boilerplate``'s header passes read them): a date with
words such as "Publié le", "Posted", "Ecrit par", "نشر في", or between dashes or bars, or a date with only a weekday,
a time and a place around it; or a bare "Par Nadia Berrada" / "By John Smith"."""

from __future__ import annotations

import re

from recoupe.read import arabic as arabic_rules
from recoupe.read.furniture_rules import MONTHS_EN, MONTHS_FR
from recoupe.read.furniture_shapes import WEEKDAYS
from recoupe.read.metadata import date_in_text

_BYLINE = re.compile(
    r"(?:écrit par|ecrit par|rédigé par|par\s*:|publié|mis à jour|mise à jour|mis en ligne|actualisé|modifié|"
    r"written by|^by\s|^par\s|updated|published|posted|last modified)",
    re.IGNORECASE,
)
# "Par Nadia Berrada", "By Jane Doe and John Roe", "Par Jean Dupont et Marie Durand, à Dakar" (up to three names)
_NAME = r"[A-ZÉÈ][\w.'’\-]*(?:\s+[A-ZÉÈ][\w.'’\-]*){0,3}"
_BARE_BYLINE = re.compile(rf"^(?:[Pp]ar|[Bb]y)\s+{_NAME}(?:(?:,\s*|\s+(?:et|and)\s+){_NAME}){{0,2}}"
                          r"(?:,?\s+(?:à|in)\s+[A-ZÉÈ][\w\-]*)?$")
_SEPARATOR = re.compile(r"\s[-–—|]\s")
def looks_like_dateline(line: str) -> bool:
    """A byline or dateline: a date with words such as "Ecrit par" or separated by dashes or bars,
    or a bare "Par Nadia Berrada" / "By John Smith"."""
    if len(line) > 160:
        return False
    if _BARE_BYLINE.match(line):
        return True
    if date_in_text(line) is None:
        return False
    words = _BYLINE.search(line) or arabic_rules.has_byline_words(line)
    return bool(words or _SEPARATOR.search(line)) or len(line) < 40 or _words_besides_date(line) <= MAX_DATELINE_WORDS


# A line that holds a date and at most this many other words (a weekday, a time, a place) is a dateline: "Mercredi
# 30 juin 2021, 17h05", "Thu 25 Nov 2021 14.10 GMT". Own-words tuning pages; a dated caption holds more words.
MAX_DATELINE_WORDS = 3
_DATE_TOKEN = re.compile(
    rf"\b(?:{WEEKDAYS}|{MONTHS_FR}|{MONTHS_EN}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|am|pm|a\.m|"
    r"p\.m|gmt|utc|bst|cet|cest|ist|edt|est|et|pt|le|on|at|à|er|st|nd|rd|th)\b\.?|\d+", re.IGNORECASE)


def _words_besides_date(line: str) -> int:
    return len(re.findall(r"[^\W\d_]{2,}", _DATE_TOKEN.sub(" ", line)))
