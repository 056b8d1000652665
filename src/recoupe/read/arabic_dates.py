"""Full dates written in Arabic datelines: "الخميس 19 تشرين الأول / أكتوبر 2023 08:15 صباحاً",
"السبت 09-03-2024 11:20", "١٥ شعبان ١٤٤٤ هـ الموافق ٧ مارس ٢٠٢٣".

The line is matched in its matching form (``recoupe.understand.arabic_text``: diacritics, tatweel and hamza
seats folded, Arabic-Indic digits as ASCII). A Gregorian date wins; a Hijri date alone is converted with
the Umm al-Qura calendar (``hijridate``, which covers 1343-1500 AH). Weekday and time are read but not
needed: the value is the day.
"""

from __future__ import annotations

import re
from datetime import date

from recoupe.understand.arabic_text import GREGORIAN_MONTHS, HIJRI_MONTHS, alternation, normalize_for_matching

_G = alternation(GREGORIAN_MONTHS)
_H = alternation(HIJRI_MONTHS)
# "07 ايار / مايو 2023", "7 مايو، 2023", "الـ14 من فبراير 2024" (the matching form of "،" is ",").
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?({_G})(?:\s*[/(\-]\s*({_G})\s*\)?)?\s*,?\s*(?:عام|سنه)?\s*((?:19|20)\d{{2}})(?!\d)"
)
# "يونيو 15, 2023" (some content systems put the month first)
_MONTH_DAY_YEAR = re.compile(rf"({_G})\s+(\d{{1,2}})\s*,?\s*((?:19|20)\d{{2}})(?!\d)")
# "14-02-2024", "14/2/2024", "2024-02-14"
_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})(?!\d)")
_NUMERIC_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
# "19 شعبان 1444 هـ" (the year is 13xx-15xx, the era mark optional).
_HIJRI = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_H})\s*,?\s*(1[345]\d{{2}})(?!\d)")


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def hijri_to_gregorian(year: int, month: int, day: int) -> str | None:
    """The Gregorian day of a Hijri date (Umm al-Qura), or None outside the table or for an impossible day."""
    from hijridate import Hijri

    try:
        return Hijri(year, month, day).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return None


def date_in_arabic(text: str) -> str | None:
    """The first full date of an Arabic line as an ISO day, or None."""
    norm = normalize_for_matching(text)
    m = _DAY_MONTH_YEAR.search(norm)
    if m:
        found = _day(int(m.group(4)), GREGORIAN_MONTHS[_key(m.group(3) or m.group(2))], int(m.group(1)))
        if found:
            return found
    m = _MONTH_DAY_YEAR.search(norm)
    if m:
        found = _day(int(m.group(3)), GREGORIAN_MONTHS[_key(m.group(1))], int(m.group(2)))
        if found:
            return found
    m = _NUMERIC_DMY.search(norm)
    if m:
        found = _day(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if found:
            return found
    m = _NUMERIC_YMD.search(norm)
    if m:
        found = _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if found:
            return found
    m = _HIJRI.search(norm)
    if m:
        return hijri_to_gregorian(int(m.group(3)), HIJRI_MONTHS[_key(m.group(2))], int(m.group(1)))
    return None


def _key(words: str) -> str:
    return " ".join(words.split())
