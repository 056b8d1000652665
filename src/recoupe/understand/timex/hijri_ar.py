"""A Hijri month named without its year ("خلال شهر رمضان", "في ذي الحجة المقبل"), anchored to the publication date.

Its Gregorian dates move by about eleven days a year, so the rules (``rules_ar``), which see no publication date,
leave it; the tagger asks this module once the other timexes are known. The Hijri year is the one of the
publication date (Umm al-Qura), or the one before or after: the last occurrence that has begun by the
publication date in a past sentence or with "الماضي", the next one that has not ended in a future sentence or
with "المقبل", else the one under way or the last one. The value is the Gregorian month holding the Hijri month's
15th day, as for a Hijri month with its year.
"""

from __future__ import annotations

import re
from datetime import date

from recoupe.understand.arabic_text import HIJRI_MONTHS, alternation
from recoupe.understand.timex.calendar import parse_point
from recoupe.understand.timex.records import Timex
from recoupe.understand.timex.tense_ar import tense_of

# Only after "شهر" or a preposition of time: "رجب", "شعبان" and "رمضان" are also given names.
_MONTH = re.compile(
    rf"(?<![\w])(?:(?:خلال|في|منذ|حتي|قبل|بعد|اواخر|اوايل|منتصف|مطلع|نهايه|بدايه)\s+)?(?P<x>(?P<shahr>شهر\s+)?"
    rf"(?P<m>{alternation(HIJRI_MONTHS)})(?:\s+(?P<rel>الماضي|المنصرم|المقبل|القادم|الجاري|الحالي))?)(?![\w])"
    rf"(?!\s*,?\s*(?:\d|عام|سنه))"
)
_PREPOSITION = re.compile(r"(?:خلال|في|منذ|حتي|قبل|بعد|اواخر|اوايل|منتصف|مطلع|نهايه|بدايه)\s+$")


def _span(year: int, month: int) -> tuple[date, date, date] | None:
    """(first day, 15th day, last day) of a Hijri month, or None outside the Umm al-Qura table."""
    from hijridate import Hijri

    try:
        first = Hijri(year, month, 1)
        return first.to_gregorian(), Hijri(year, month, 15).to_gregorian(), Hijri(year, month,
                                                                                    first.month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None


def month_timexes(norm: str, dct: str | None, taken: list[tuple[int, int]]) -> list[Timex]:
    """The Hijri months without a year in the matching form ``norm``, outside the ``taken`` spans."""
    from hijridate import Gregorian

    point = parse_point(dct)
    today = point.date if point is not None else None
    out: list[Timex] = []
    for m in _MONTH.finditer(norm):
        start, end = m.start("x"), m.end("x")
        if any(start < e and s < end for s, e in taken):
            continue
        if not m.group("shahr") and not _PREPOSITION.search(norm, max(0, m.start("x") - 8), m.start("x")):
            continue
        month = HIJRI_MONTHS[" ".join(m.group("m").split())]
        value: str | None = None
        if today is not None:
            year = Gregorian(today.year, today.month, today.day).to_hijri().year
            spans = [(y, s) for y in (year - 1, year, year + 1) if (s := _span(y, month)) is not None]
            sentence = norm[max(norm.rfind(c, 0, start) for c in ".!?\n") + 1:min(
                (i for i in (norm.find(c, end) for c in ".!?\n") if i >= 0), default=len(norm))]
            rel = m.group("rel") or ""
            tense = "past" if rel in ("الماضي", "المنصرم") else "future" if rel in ("المقبل", "القادم") else (
                "this" if rel else tense_of(sentence))
            past = [s for _, s in spans if s[0] <= today]
            future = [s for _, s in spans if s[2] >= today]
            if tense == "future" and future:
                chosen = future[0]
            elif tense == "this":
                current = [s for _, s in spans if s[0] <= today <= s[2]]
                chosen = current[0] if current else (future[0] if future else past[-1])
            else:
                chosen = past[-1] if past else spans[0][1]
            value = chosen[1].isoformat()[:7]
        out.append(Timex(start=start, end=end, text=norm[start:end], type="DATE", value=value, granularity="month",
                         anchored="dct" if value else "none",
                         reason="a Hijri month without its year: the Gregorian month of its 15th day, in the Hijri "
                                "year the publication date and the tense point to" if value else
                                "a Hijri month without its year, and no publication date"))
    return out
