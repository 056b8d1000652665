"""Arabic rules. They read the matching form of the text (``recoupe.understand.arabic_text``: no diacritics or
tatweel, one form for the hamza seats, ``ة`` as ``ه``, ``ى`` as ``ي``, ASCII digits); ``tagger.tag`` maps the
spans back to the text as written.

What they know: both month systems and the Maghreb and Moroccan forms ("7 أيار/مايو 2023", "14 فيفري"),
weekdays ("يوم الأحد الماضي", "مساء الخميس"), deictic words ("أمس", "أول أمس", "غدا", "اليوم"), relative
periods ("الأسبوع الماضي", "العام المقبل", "الشهر الجاري", "في اليوم التالي"), the parts of a period ("منتصف",
"أواخر", "أوائل", "مطلع", "نهاية"), shifts ("قبل ثلاثة أيام", "قبل عامين"), durations ("لمدة 15 عاما",
"ستة أشهر"), quarters, seasons, decades, sets ("سنويا", "كل عام") and references ("حاليا", "مؤخرا").
Hijri dates ("19 شعبان 1444 هـ") are converted with the Umm al-Qura calendar when no Gregorian date stands
beside them; with one ("... الموافق 10 مارس 2023") both take the Gregorian value. A Hijri month without its
year needs the publication date: ``hijri_ar`` anchors it after these rules.

Conventions: a preposition or a conjunction clitic before an expression is outside it ("في [14 فبراير]",
"و[الأسبوع الماضي]"); "يوم" before a weekday and "عام" before a year are inside ("[يوم الأحد]", "[عام 2013]").
"""

from __future__ import annotations

import re

from recoupe.read.arabic_dates import hijri_to_gregorian
from recoupe.understand.arabic_text import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS, alternation
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
from recoupe.understand.timex.rules import Rule, grp, one, real_day, shift_frame

W = r"(?<![\w])"
E = r"(?![\w])"
CL = r"(?:[وف](?=\S))?"  # a conjunction clitic, outside the expression
MONTH = alternation(GREGORIAN_MONTHS)
HMONTH = alternation(HIJRI_MONTHS)
WD = alternation(WEEKDAYS)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
HYEAR = r"(?:1[345]\d\d)(?!\d)"

_MODS = {"منتصف": "MID", "اواسط": "MID", "وسط": "MID", "اواخر": "END", "نهايه": "END", "اخر": "END",
         "ختام": "END", "اوايل": "START", "مطلع": "START", "بدايه": "START", "مستهل": "START", "بدء": "START",
         "اول": "START", "بدايات": "START", "نهايات": "END"}
MOD = alternation(list(_MODS))
_NUMBERS = {"واحد": 1, "واحده": 1, "اثنين": 2, "اثنان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4,
            "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8,
            "ثمان": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30,
            "ثلاثون": 30, "اربعين": 40, "اربعون": 40, "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60,
            "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90, "مئه": 100, "مايه": 100}
# Ordinal days of the month, "السادس من مايو", "الحادي والعشرين من مارس".
_UNITS_ORD = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
              "الثامن": 8, "التاسع": 9, "العاشر": 10}
_ORDINALS = dict(_UNITS_ORD) | {"الحادي عشر": 11, "الثاني عشر": 12, "الثالث عشر": 13, "الرابع عشر": 14,
                                "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18,
                                "التاسع عشر": 19, "العشرين": 20, "الثلاثين": 30}
for _word, _n in _UNITS_ORD.items():
    _ORDINALS[("الحادي" if _n == 1 else _word) + " والعشرين"] = 20 + _n
_ORDINALS["الحادي والثلاثين"] = 31
ORDINAL = alternation(_ORDINALS)
NUM = rf"(?:\d+(?:[.,]\d+)?|{alternation(_NUMBERS)})"
# Unit words: singular, plural and the accusative forms that follow a number ("15 عاما", "3 ايام").
_UNITS = {"ساعه": "hour", "ساعات": "hour", "دقيقه": "minute", "دقايق": "minute", "يوم": "day", "يوما": "day",
          "ايام": "day", "اسبوع": "week", "اسبوعا": "week", "اسابيع": "week", "شهر": "month", "شهرا": "month",
          "اشهر": "month", "شهور": "month", "عام": "year", "عاما": "year", "اعوام": "year", "سنه": "year",
          "سنوات": "year", "سنين": "year", "عقد": "decade", "عقود": "decade", "قرن": "century", "قرون": "century"}
_PLURAL_UNITS = frozenset({"ساعات", "دقايق", "ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين", "عقود",
                           "قرون"})
# The dual carries its number: "يومين" is two days.
_DUALS = {"ساعتين": "hour", "ساعتان": "hour", "دقيقتين": "minute", "يومين": "day", "يومان": "day",
          "اسبوعين": "week", "اسبوعان": "week", "شهرين": "month", "شهران": "month", "عامين": "year",
          "عامان": "year", "سنتين": "year", "سنتان": "year", "عقدين": "decade", "قرنين": "century"}
UNIT = alternation(_UNITS)
DUAL = alternation(_DUALS)
_PAST_WORDS = r"الماضي|الماضيه|المنصرم|المنصرمه|الفايت|الفايته"
_NEXT_WORDS = r"المقبل|المقبله|القادم|القادمه"
_THIS_WORDS = r"الجاري|الجاريه|الحالي|الحاليه"
_PERIODS: dict[str, Unit] = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year", "عقد": "decade",
                             "قرن": "century", "يوم": "day"}
_PARTS = {"صباح": "MO", "صبيحه": "MO", "بعد ظهر": "AF", "بعد الظهر": "AF",
          "ظهر": "MI", "عصر": "AF", "مساء": "EV", "ليل": "NI", "ليله": "NI",
          "فجر": "MO", "الليله": "NI"}
PART = alternation([p for p in _PARTS if p != "الليله"])
_SEASONS = {"ربيع": 0, "صيف": 1, "خريف": 2, "شتاء": 3}
_DECADES = {"خمسينيات": 195, "خمسينات": 195, "ستينيات": 196, "ستينات": 196, "سبعينيات": 197, "سبعينات": 197,
            "ثمانينيات": 198, "ثمانينات": 198, "تسعينيات": 199, "تسعينات": 199}
_CENTURIES = {"العشرين": 19, "الحادي والعشرين": 20, "التاسع عشر": 18}


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _words(s: str) -> str:
    return " ".join(s.split())


def _month(word: str | None) -> int | None:
    return GREGORIAN_MONTHS.get(_words(word)) if word else None


def _weekday(word: str | None) -> int | None:
    iso = WEEKDAYS.get(_words(word)) if word else None
    return None if iso is None else iso - 1


def _number(word: str) -> float | None:
    w = word.replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    return _NUMBERS.get(w)


def _mod(m: re.Match[str]) -> str | None:
    word = grp(m, "mod")
    return _MODS.get(word.removeprefix("ال")) if word else None


def _direction(word: str | None) -> tuple[Direction | None, bool]:
    """(direction, anaphoric) of a relative word: "الماضي" past, "المقبل" future, "التالي" the next one after
    the last date mentioned, "السابق" the one before it, "الجاري" this one."""
    w = (word or "").strip()
    if re.fullmatch(_PAST_WORDS, w):
        return "past_strict", False
    if re.fullmatch(_NEXT_WORDS, w):
        return "future_strict", False
    if w in ("التالي", "التاليه", "اللاحق"):
        return "future_strict", True
    if w in ("السابق", "السابقه"):
        return "past_strict", True
    if re.fullmatch(_THIS_WORDS, w) or w in ("هذا", "هذه"):
        return "this", False
    return None, False


# --- dates ------------------------------------------------------------------------------------------------

def _day(m: re.Match[str]) -> int:
    word = grp(m, "ord")
    return _ORDINALS[_words(word)] if word else int(m.group("day"))


# Before a day and month without a year, words that make them the name of a movement, an event or a place.
_NAMED_BY_DATE = re.compile(r"(?:قوي|فريق|تحالف|تيار|حركه|ثوره|انتفاضه|ساحه|شارع|جسر|ميدان|مدينه|حرب|نصر|"
                            r"جامعه|مستشفي|مطار)\s+$")


def b_dmy(m: re.Match[str], text: str) -> list[Piece] | None:
    month = _month(grp(m, "m2") or m.group("month"))
    day = _day(m)
    year = int(m.group("year")) if grp(m, "year") else None
    if month is None or not real_day(year, month, day):
        return None
    wd = _weekday(grp(m, "wd"))
    if year is None and _NAMED_BY_DATE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "قوى 14 آذار", "ثورة 25 يناير", "جسر 6 أكتوبر": a name, not a date
    if year is not None:
        return one(m, Frame(kind="date", year=year, month=month, day=day, weekday=wd, rule="ar.dmy"))
    direction, anaphoric = _direction(grp(m, "rel"))
    if direction == "this":
        direction = None
    return one(m, Frame(kind="date", rel="anaphoric" if anaphoric else "undef", month=month, day=day, weekday=wd,
                        direction=direction, rule="ar.dm"))


def b_range(m: re.Match[str], text: str) -> list[Piece] | None:
    month = _month(grp(m, "m2") or m.group("month"))
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    year = int(m.group("year")) if grp(m, "year") else None
    if month is None or d1 >= d2 or not real_day(year, month, d2):
        return None
    frames = [Frame(kind="date", rel="absolute" if year else "undef", year=year, month=month, day=d, rule="ar.range")
              for d in (d1, d2)]
    return [(m.start("x1"), m.end("x1"), frames[0]), (m.start("x2"), m.end("x2"), frames[1])]


def b_numeric(m: re.Match[str], text: str) -> list[Piece] | None:
    if grp(m, "y1"):
        y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
    else:
        d, mo, y = int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
    if not (1 <= mo <= 12) or not real_day(y, mo, d):
        return None
    return one(m, Frame(kind="date", year=y, month=mo, day=d, rule="ar.numeric"))


def b_month_year(m: re.Match[str], text: str) -> list[Piece] | None:
    month = _month(grp(m, "m2") or m.group("month"))
    return one(m, Frame(kind="date", year=int(m.group("year")), month=month, mod=_mod(m), rule="ar.month_year"))


def b_month_rel(m: re.Match[str], text: str) -> list[Piece] | None:
    """"مايو الماضي", "شهر آذار المقبل", "أيلول من العام الماضي", "منتصف يونيو"."""
    month = _month(grp(m, "m2") or m.group("month"))
    same = grp(m, "same")
    if same:
        direction, anaphoric = _direction(same.split()[-1] if same.split()[-1] not in ("نفسه", "ذاته") else "")
        shift = -1 if direction == "past_strict" else 1 if direction == "future_strict" else 0
        rel: Rel = "anaphoric" if anaphoric or same.split()[-1] in ("نفسه", "ذاته") or "نفس" in same else "dct"
        return one(m, Frame(kind="date", rel=rel, unit="year", shift=shift, month=month, mod=_mod(m),
                            rule="ar.month_same"))
    direction, anaphoric = _direction(grp(m, "rel"))
    if direction == "this":
        return one(m, Frame(kind="date", rel="dct", unit="year", shift=0, month=month, mod=_mod(m),
                            rule="ar.month_this"))
    return one(m, Frame(kind="date", rel="anaphoric" if anaphoric else "undef", month=month, direction=direction,
                        mod=_mod(m), rule="ar.month"))


def b_hijri(m: re.Match[str], text: str) -> list[Piece] | None:
    """A Hijri date alone: converted (Umm al-Qura); a month alone is read as the Gregorian month holding its
    15th day."""
    month = HIJRI_MONTHS.get(_words(m.group("hmonth")))
    if month is None:
        return None
    day = int(m.group("day")) if grp(m, "day") else None
    value = hijri_to_gregorian(int(m.group("hyear")), month, day or 15)
    if value is None:
        return None
    y, mo, d = (int(p) for p in value.split("-"))
    return one(m, Frame(kind="date", year=y, month=mo, day=d if day else None, rule="ar.hijri"))


def b_hijri_greg(m: re.Match[str], text: str) -> list[Piece] | None:
    """"19 شعبان 1444 هـ الموافق 11 مارس 2023": both name one day, the Gregorian date gives its value."""
    month = _month(grp(m, "m2") or m.group("month"))
    day, year = int(m.group("day")), int(m.group("year"))
    if month is None or not real_day(year, month, day):
        return None
    frame = Frame(kind="date", year=year, month=month, day=day, rule="ar.hijri_greg")
    return [(m.start("h"), m.end("h"), frame), (m.start("g"), m.end("g"), frame)]


# Before a bare number, words that make it a count or a reference, not a year ("القرار 1559", "نحو 1500").
_NOT_YEAR_BEFORE = re.compile(r"(?:القرار|قرار|رقم|الرقم|قرابه|نحو|حوالي|يقارب|اكثر\s+من|اقل\s+من|عدد|بلغ|بلغت|"
                              r"العدد|مجموع|اصل)\s*$")


def b_year(m: re.Match[str], text: str) -> list[Piece] | None:
    year = int(m.group("year"))
    bare = m.group("x") == m.group("year") and m.start("x") == m.start()
    if bare and (year < 1900 or _NOT_YEAR_BEFORE.search(text, max(0, m.start() - 16), m.start())):
        return None  # a bare number needs to look like a recent year and not follow a word of counting
    if re.match(r"\s*(?:%|في المئه|بالمئه|مليون|مليار|الف|دولار|يورو|جندي|جنود|طائره|طايره|دبابه|صاروخ|قطعه|كم|"
                r"كيلومتر|متر|طن|شخص|مقاتله)", text[m.end():]):
        return None
    return one(m, Frame(kind="date", year=year, mod=_mod(m), rule="ar.year"))


def b_years(m: re.Match[str], text: str) -> list[Piece] | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not y1 < y2:
        return None
    return [(m.start("y1"), m.end("y1"), Frame(kind="date", year=y1, rule="ar.years")),
            (m.start("y2"), m.end("y2"), Frame(kind="date", year=y2, rule="ar.years"))]


def b_decade(m: re.Match[str], text: str) -> list[Piece] | None:
    word = m.group("dec").removeprefix("ال")
    return one(m, Frame(kind="date", decade=_DECADES[word], mod=_mod(m), rule="ar.decade"))


def b_century(m: re.Match[str], text: str) -> list[Piece] | None:
    if grp(m, "rel"):
        return one(m, Frame(kind="date", rel="dct", unit="century", shift=-1, rule="ar.century_rel"))
    return one(m, Frame(kind="date", century=_CENTURIES[_words(m.group("c"))], rule="ar.century"))


def b_season(m: re.Match[str], text: str) -> list[Piece] | None:
    season = _SEASONS[m.group("season").removeprefix("ال")]
    if grp(m, "year"):
        return one(m, Frame(kind="date", year=int(m.group("year")), season=season, rule="ar.season"))
    direction, anaphoric = _direction(grp(m, "rel"))
    if direction == "this":
        return one(m, Frame(kind="date", rel="dct", unit="season", shift=0, season=season, rule="ar.season_this"))
    return one(m, Frame(kind="date", rel="anaphoric" if anaphoric else "undef", season=season, direction=direction,
                        rule="ar.season"))


def b_quarter(m: re.Match[str], text: str) -> list[Piece] | None:
    half = m.group("u") == "النصف"
    n = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 2 if half else 4}[m.group("ord")]
    if half and n > 2:
        return None
    if grp(m, "year"):
        return one(m, Frame(kind="date", year=int(m.group("year")), quarter=n, half=half, rule="ar.quarter"))
    direction, _ = _direction(grp(m, "rel"))
    shift = -1 if direction == "past_strict" else 1 if direction == "future_strict" else 0
    if shift == 0:
        return one(m, Frame(kind="date", rel="undef", quarter=n, half=half, rule="ar.quarter"))
    return None


# --- deictic and relative ----------------------------------------------------------------------------------

_DEICTIC = {"امس": -1, "الامس": -1, "بالامس": -1, "البارحه": -1, "اول امس": -2, "اول من امس": -2, "غدا": 1, "غد": 1,
            "بعد غد": 2, "اليوم": 0, "الليله": 0}


def b_deictic(m: re.Match[str], text: str) -> list[Piece] | None:
    word = _words(m.group("w"))
    shift = _DEICTIC[word]
    part = _PARTS.get(grp(m, "part") or "") or ("NI" if word == "الليله" else None)
    if word == "اليوم" and not part and (
            re.match(r"\s+(?:التالي|نفسه|ذاته|السابق|الاول|الثاني|الاخير|الوطني|العالمي|الدولي|العربي)|\s*[»\"”']",
                     text[m.end():])
            or re.search(r"(?:ذلك|هذا|ذات|نفس)\s+$", text[max(0, m.start() - 6):m.start()])):
        return None  # "اليوم التالي", "اليوم العالمي", a paper's name ("«المصري اليوم»"), "ذلك اليوم"
    kind: Kind = "time" if part else "date"
    return one(m, Frame(kind=kind, rel="dct", unit="day", shift=shift, part=part, rule="ar.deictic"))


def b_rel_period(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _PERIODS[m.group("u")]
    word = grp(m, "rel") or grp(m, "det") or ""
    if grp(m, "same"):
        return one(m, Frame(kind="date", rel="anaphoric", unit=unit, shift=0, mod=_mod(m), rule="ar.same_period"))
    if grp(m, "two"):
        return one(m, Frame(kind="date", rel="dct", unit=unit, shift=-2 if "قبل" in m.group("two") else 2,
                            mod=_mod(m), rule="ar.rel_period"))
    direction, anaphoric = _direction(word)
    if direction is None and _mod(m) and unit != "day":
        direction = "this"  # "نهاية الشهر", "منتصف العام": of the present one
    if direction is None:
        return None
    shift = -1 if direction == "past_strict" else 1 if direction == "future_strict" else 0
    if unit == "day" and not anaphoric:
        return None  # "اليوم الماضي" is not said; "اليوم" alone is the deictic rule's
    rel: Rel = "anaphoric" if anaphoric else "dct"
    return one(m, Frame(kind="date", rel=rel, unit=unit, shift=shift, mod=_mod(m), rule="ar.rel_period"))


def b_weekday(m: re.Match[str], text: str) -> list[Piece] | None:
    wd = _weekday(m.group("wd"))
    if wd is None:
        return None
    if wd == 0 and not (grp(m, "yawm") or grp(m, "part") or grp(m, "rel")) and not re.match(r"\s*(?:,|\d|$)",
                                                                                           text[m.end():]):
        return None  # "الاثنين" alone is also "the two"
    if wd == 4 and re.search(r"(?:صلاه|خطبه|خطيب)\s+$", text[max(0, m.start() - 8):m.start()]):
        return None  # "صلاة الجمعة": the Friday prayer
    direction, anaphoric = _direction(grp(m, "rel"))
    if direction == "this":
        direction = None
    part = _PARTS.get(grp(m, "part") or "")
    kind: Kind = "time" if part else "date"
    return one(m, Frame(kind=kind, rel="anaphoric" if anaphoric else "undef", weekday=wd, direction=direction,
                        part=part, rule="ar.weekday"))


def b_deictic_wd(m: re.Match[str], text: str) -> list[Piece] | None:
    """"أمس الأحد", "اليوم الثلاثاء", "مساء أمس الخميس": the deictic word gives the day."""
    return b_deictic(m, text)


def b_ago(m: re.Match[str], text: str) -> list[Piece] | None:
    if grp(m, "dual"):
        n: float | None = 2
        unit = _DUALS[m.group("dual")]
    else:
        unit = _UNITS[m.group("unit")]
        if not grp(m, "num") and m.group("unit") in _PLURAL_UNITS:
            return one(m, ref("PAST_REF", rule="ar.ago_vague"))  # "قبل سنوات": some years ago
        n = _number(m.group("num")) if grp(m, "num") else 1
    if n is None:
        return None
    mod = "APPROX" if grp(m, "approx") else None
    return one(m, shift_frame([(n, unit)], -1, mod, "ar.ago"))


_PLURALS = {"السنوات": "year", "الاعوام": "year", "الاشهر": "month", "الشهور": "month", "الاسابيع": "week",
            "الايام": "day", "الساعات": "hour", "العقود": "decade", "الدقايق": "minute"}


def b_plural_period(m: re.Match[str], text: str) -> list[Piece] | None:
    """"السنوات الخمس المقبلة" (P5Y), "الأشهر الستة الماضية" (P6M), "الساعات المقبلة" (PTXH)."""
    n = _number(m.group("num").removeprefix("ال")) if grp(m, "num") else None
    if grp(m, "dual"):
        return one(m, duration(duration_value(2, _DUALS[m.group("dual")]), rule="ar.plural_period"))
    return one(m, duration(duration_value(n, _PLURALS[m.group("u")]), rule="ar.plural_period"))


def b_duration(m: re.Match[str], text: str) -> list[Piece] | None:
    if grp(m, "one"):
        return one(m, duration(duration_value(1, _UNITS[m.group("one")]), rule="ar.duration"))
    if grp(m, "dual"):
        n: float | None = 2
        unit = _DUALS[m.group("dual")]
    else:
        n = _number(m.group("num"))
        unit = _UNITS[m.group("unit")]
        if n is None or (unit == "year" and 1500 <= n <= 2100):
            return None
    if re.search(r"(?:العمر|عمره|عمرها|عمر|يبلغ|تبلغ|البالغ|البالغه)\s+(?:من\s+)?(?:العمر\s+)?$",
                 text[max(0, m.start() - 24):m.start()]):
        return None  # an age: "البالغ من العمر 39 عاما"
    mod = {"اكثر من": "MORE_THAN", "اقل من": "LESS_THAN", "نحو": "APPROX", "حوالي": "APPROX", "قرابه": "APPROX",
           "زهاء": "APPROX", "ما يقرب من": "APPROX"}.get(_words(grp(m, "dmod") or ""))
    return one(m, duration(duration_value(n, unit), mod=mod, rule="ar.duration"))


def b_time(m: re.Match[str], text: str) -> list[Piece] | None:
    hour, minute = int(m.group("h")), int(grp(m, "mi") or 0)
    ampm = grp(m, "ampm") or ""
    if ampm in ("م", "مساء", "مساءا", "ظهرا") and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return one(m, Frame(kind="time", rel="context", hour=hour, minute=minute, rule="ar.time"))


_SETS = {"سنويا": "P1Y", "يوميا": "P1D", "شهريا": "P1M", "اسبوعيا": "P1W", "عام": "P1Y", "سنه": "P1Y",
         "يوم": "P1D", "شهر": "P1M", "اسبوع": "P1W"}


def b_set(m: re.Match[str], text: str) -> list[Piece] | None:
    if grp(m, "num"):
        n = _number(m.group("num"))
        unit = _UNITS[m.group("u3")]
        return one(m, every(duration_value(n, unit), rule="ar.set")) if n else None
    return one(m, every(_SETS[grp(m, "u") or m.group("u2")], rule="ar.set"))


_REFS = {"حاليا": "PRESENT_REF", "الان": "PRESENT_REF", "في الوقت الحالي": "PRESENT_REF",
         "في الوقت الراهن": "PRESENT_REF", "موخرا": "PAST_REF", "قريبا": "FUTURE_REF", "في المستقبل": "FUTURE_REF",
         "في الماضي": "PAST_REF", "حتي الان": "PRESENT_REF"}


def b_ref(m: re.Match[str], text: str) -> list[Piece] | None:
    return one(m, ref(_REFS[_words(m.group("x"))], rule="ar.ref"))


# --- the rules ------------------------------------------------------------------------------------------------

_MONTHS2 = rf"(?P<month>{MONTH})(?:\s*[/(\-]\s*(?P<m2>{MONTH})(?:\s*\))?)?"
_YEAR_WORD = r"(?:(?:من\s+)?(?:عام|العام|سنه|السنه)\s+)?"
_GREG = rf"(?P<day>{DAY})\s*(?:من\s+)?(?:شهر\s+)?{_MONTHS2}\s*,?\s*{_YEAR_WORD}(?P<year>{YEAR})"

_RULES: tuple[Rule, ...] = (
    Rule("ar.hijri_greg", _c(
        rf"{W}(?P<h>(?:\d{{1,2}})\s+(?:{HMONTH})\s*,?\s*(?:{HYEAR})\s*(?:هـ|ه)?)\s*,?\s*(?:\(\s*)?(?:الموافق\s*(?:ل\s*)?)?"
        rf"(?P<g>{_GREG})(?:\s*م{E})?"), b_hijri_greg),
    Rule("ar.hijri", _c(
        rf"{W}(?P<x>(?:(?P<day>{DAY})\s+(?:من\s+)?)?(?:شهر\s+)?(?P<hmonth>{HMONTH})\s*,?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?"
        rf"(?P<hyear>{HYEAR})(?:\s*(?:هـ|ه|للهجره){E})?)"), b_hijri),
    Rule("ar.range", _c(
        rf"{W}(?:(?:بين|من)\s+)?(?P<x1>(?:ال)?(?P<d1>{DAY}))\s*(?:و|الي|حتي|-|–)\s*(?P<x2>(?:ال)?(?P<d2>{DAY})"
        rf"\s*(?:من\s+)?(?:شهر\s+)?{_MONTHS2}(?:\s*,?\s*{_YEAR_WORD}(?P<year>{YEAR}))?){E}"), b_range),
    Rule("ar.dmy", _c(
        rf"{W}{CL}(?P<x>(?:(?:يوم\s+)?(?P<wd>{WD})\s*,?\s*)?(?:(?:ال)?(?P<day>{DAY})\s*(?:من\s+)?|(?P<ord>{ORDINAL})\s+"
        rf"من\s+)(?:شهر\s+)?{_MONTHS2}"
        rf"(?:\s*,?\s*{_YEAR_WORD}(?P<year>{YEAR})|\s+(?P<rel>{_PAST_WORDS}|{_NEXT_WORDS}|{_THIS_WORDS}))?){E}"),
        b_dmy),
    Rule("ar.numeric", _c(
        r"(?<![\d/.\-])(?:(?P<y1>(?:19|20)\d\d)[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})|(?P<d2>\d{1,2})[-/.]"
        r"(?P<m2>\d{1,2})[-/.](?P<y2>(?:19|20)\d\d))(?![\d/.\-]\d)"), b_numeric),
    Rule("ar.month_year", _c(
        rf"{W}{CL}(?P<x>(?:(?P<mod>(?:ال)?(?:{MOD}))\s+)?(?:شهر\s+)?{_MONTHS2}\s*,?\s*{_YEAR_WORD}(?P<year>{YEAR})){E}"),
        b_month_year),
    Rule("ar.month_rel", _c(
        rf"{W}{CL}(?P<x>(?:(?P<mod>(?:ال)?(?:{MOD}))\s+)?(?:شهر\s+)?{_MONTHS2}\s+(?:(?P<rel>{_PAST_WORDS}|{_NEXT_WORDS}|"
        rf"{_THIS_WORDS})|(?P<same>من\s+(?:(?:هذا\s+)?(?:العام|السنه)(?:\s+(?:{_PAST_WORDS}|{_NEXT_WORDS}|{_THIS_WORDS}|"
        rf"نفسه|ذاته))?|نفس\s+(?:العام|السنه))))){E}"), b_month_rel),
    Rule("ar.month_ctx", _c(
        rf"{W}{CL}(?:(?:في|خلال|منذ|حتي|قبل|بعد|بحلول)\s+|(?=شهر\s))(?P<x>(?:شهر\s+)?{_MONTHS2}){E}(?!\s*\d)"),
        b_month_rel),
    Rule("ar.month_mod", _c(
        rf"{W}{CL}(?P<x>(?P<mod>(?:ال)?(?:{MOD}))\s+(?:شهر\s+)?{_MONTHS2}){E}(?!\s*\d)"), b_month_rel),
    Rule("ar.years", _c(
        rf"{W}(?:(?:بين|من)\s+)?(?:عامي|سنتي|العامين)\s+(?P<y1>{YEAR})\s*(?:و|-|–|الي|حتي)\s*(?P<y2>{YEAR})"),
        b_years),
    Rule("ar.year_dash", _c(rf"(?<![\d\-/])(?P<y1>{YEAR})\s*[-–]\s*(?P<y2>{YEAR})"), b_years),
    Rule("ar.year", _c(
        rf"{W}{CL}(?:(?:في|منذ|حتي|بحلول|خلال|قبل|بعد|من|الي|عن)\s+)?(?P<x>(?:(?P<mod>(?:ال)?(?:{MOD}))\s+)?"
        rf"(?:(?:عام|العام|سنه|السنه)\s+)?(?P<year>{YEAR}))(?:\s*م{E})?"), b_year),
    Rule("ar.decade", _c(
        rf"{W}{CL}(?P<x>(?:(?P<mod>(?:ال)?(?:{MOD}))\s+)?(?:(?:عقد|حقبه)\s+)?(?P<dec>(?:ال)?"
        rf"(?:{alternation(_DECADES)}))(?:\s+(?:من\s+)?القرن\s+(?:الماضي|العشرين))?){E}"), b_decade),
    Rule("ar.century", _c(rf"{W}(?P<x>القرن\s+(?:(?P<c>{alternation(_CENTURIES)})|(?P<rel>الماضي))){E}"), b_century),
    Rule("ar.season", _c(
        rf"{W}{CL}(?P<x>(?:فصل\s+)?(?P<season>(?:ال)?(?:{alternation(_SEASONS)}))\s+(?:(?:عام\s+)?(?P<year>{YEAR})|"
        rf"(?P<rel>{_PAST_WORDS}|{_NEXT_WORDS}|{_THIS_WORDS}|التالي|السابق))){E}"), b_season),
    Rule("ar.quarter", _c(
        rf"{W}(?P<x>(?P<u>الربع|النصف)\s+(?P<ord>الاول|الثاني|الثالث|الرابع|الاخير)\s+(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?"
        rf"(?:(?P<year>{YEAR})|(?:العام|السنه)\s+(?P<rel>{_THIS_WORDS}|{_PAST_WORDS}|{_NEXT_WORDS}))){E}"), b_quarter),
    Rule("ar.deictic_wd", _c(
        rf"{W}{CL}(?P<x>(?:(?P<part>{PART})\s+)?(?:يوم\s+)?(?P<w>اول\s+من\s+امس|اول\s+امس|امس|الامس|بالامس|البارحه|"
        rf"اليوم|غدا|(?<=يوم\s)غد)\s*,?\s*(?:{WD})){E}"), b_deictic_wd),
    Rule("ar.deictic", _c(
        rf"{W}{CL}(?P<x>(?:(?P<part>{PART})\s+)?(?:يوم\s+)?(?P<w>اول\s+من\s+امس|اول\s+امس|بعد\s+غد|امس|الامس|بالامس|"
        rf"البارحه|اليوم|غدا|(?<=يوم\s)غد|الليله)){E}"), b_deictic),
    Rule("ar.rel_period", _c(
        rf"{W}{CL}(?:(?:في|خلال|منذ|حتي)\s+)?(?P<x>(?:(?P<mod>(?:ال)?(?:{MOD}))\s+)?(?:(?P<det>هذا|هذه)\s+)?"
        rf"(?:ال)?(?P<u>اسبوع|شهر|عام|سنه|عقد|قرن|يوم)(?:(?P<two>\s+قبل\s+الماضي|\s+بعد\s+المقبل|\s+بعد\s+القادم)|"
        rf"\s+(?P<rel>{_PAST_WORDS}|{_NEXT_WORDS}|{_THIS_WORDS}|"
        rf"التالي|التاليه|اللاحق|السابق|السابقه)|(?P<same>\s+(?:نفسه|نفسها|ذاته|ذاتها)))?){E}"), b_rel_period),
    Rule("ar.same_period", _c(rf"{W}(?P<x>(?P<same>نفس|ذات)\s+(?:ال)?(?P<u>يوم|اسبوع|شهر|عام|السنه|سنه)){E}"),
         b_rel_period),
    Rule("ar.weekday", _c(
        rf"{W}{CL}(?P<x>(?:(?P<part>{PART})\s+)?(?P<yawm>يوم\s+)?(?P<wd>{WD})(?:\s+(?P<rel>{_PAST_WORDS}|{_NEXT_WORDS}|"
        rf"التالي|السابق))?){E}"), b_weekday),
    Rule("ar.ago", _c(
        rf"{W}(?P<x>قبل\s+(?:(?P<approx>نحو|حوالي|قرابه|زهاء)\s+)?(?:(?P<dual>{DUAL})|(?:(?P<num>{NUM})\s+)?"
        rf"(?P<unit>{UNIT})(?:\s+واحده?)?)){E}(?!\s+(?:من|علي))"), b_ago),
    Rule("ar.duration", _c(
        rf"{W}(?:(?:لمده|مده|طيله|طوال|خلال|منذ)\s+)?(?P<x>(?:(?P<dmod>اكثر\s+من|اقل\s+من|نحو|حوالي|قرابه|زهاء|"
        rf"ما\s+يقرب\s+من)\s+)?(?:(?P<dual>{DUAL})|(?P<num>{NUM})\s+(?P<unit>{UNIT}))){E}"), b_duration),
    Rule("ar.duration_one", _c(
        rf"{W}(?:(?:(?:في\s+)?غضون|خلال|لمده|مده|طيله|طوال|نحو|حوالي|قرابه|زهاء)\s+(?P<x>(?P<one>ساعه|يوم|اسبوع|شهر|"
        rf"عام|سنه|عقد)){E}"
        rf"(?!\s+(?:من|علي|الماضي|المقبل|القادم|الجاري|{HMONTH}|{MONTH})(?!\w))|(?P<x2>(?P<one2>ساعه|يوم|اسبوع|شهر|عام|سنه|عقد)\s+واحده?){E})"),
        lambda m, text: one(m, duration(duration_value(1, _UNITS[m.group("one") or m.group("one2")]),
                                        rule="ar.duration"), "x" if grp(m, "x") else "x2")),
    Rule("ar.plural_period", _c(
        rf"{W}{CL}(?P<x>(?P<u>{alternation(_PLURALS)})(?:\s+(?P<num>(?:ال)?(?:{alternation(_NUMBERS)})))?\s+"
        rf"(?:{_PAST_WORDS}|{_NEXT_WORDS}|الاخيره)|ال(?P<dual>{DUAL})\s+(?:الماضيين|المنصرمين|المقبلين|القادمين|"
        rf"الاخيرين)){E}"), b_plural_period),
    Rule("ar.time", _c(
        rf"{W}(?P<x>(?:الساعه\s+)?(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d)|(?=\s+(?:صباحا|مساء|ظهرا)))(?:\s*"
        rf"(?P<ampm>صباحا|مساء|مساءا|ظهرا|ص|م)(?![\w]))?)(?![\d])"), b_time),
    Rule("ar.set", _c(rf"{W}{CL}(?P<x>(?P<u>سنويا|يوميا|شهريا|اسبوعيا)|كل\s+(?:(?P<u2>عام|سنه|يوم|شهر|اسبوع)|"
                      rf"(?P<num>{NUM})\s+(?P<u3>{UNIT}))){E}"),
         b_set),
    Rule("ar.ref", _c(rf"{W}{CL}(?P<x>حتي\s+الان|في\s+الوقت\s+(?:الحالي|الراهن)|في\s+المستقبل|في\s+الماضي|حاليا|"
                      rf"الان|موخرا|قريبا){E}"), b_ref),
)

TRIGGERS = re.compile(
    rf"(?P<digit>\d)|(?P<month>{MONTH})|(?P<weekday>{WD})|(?P<unit>{UNIT}|{DUAL}|{alternation(_PLURALS)}|اسبوع|شهر|عام|سنه|يوم)|"
    rf"(?P<ordinal>{ORDINAL})|(?P<deictic>امس|غدا|غد|اليوم|الليله|البارحه)|(?P<season>ربيع|صيف|خريف|شتاء)|(?P<decade>{alternation(_DECADES)}|القرن)|"
    rf"(?P<set>سنويا|يوميا|شهريا|اسبوعيا|كل)|(?P<ref>حاليا|الان|الوقت|موخرا|قريبا|المستقبل|الماضي)|(?P<part>الربع|النصف)"
)
_D, _M, _WD, _U = frozenset({"digit"}), frozenset({"month"}), frozenset({"weekday"}), frozenset({"unit"})
_NEEDS: dict[str, frozenset[str]] = {
    "ar.hijri_greg": _D, "ar.hijri": _D, "ar.range": _M, "ar.dmy": _M, "ar.numeric": _D, "ar.month_year": _M,
    "ar.month_rel": _M, "ar.month_ctx": _M, "ar.month_mod": _M, "ar.years": _D, "ar.year_dash": _D, "ar.year": _D,
    "ar.decade": frozenset({"decade"}), "ar.century": frozenset({"decade"}), "ar.season": frozenset({"season"}),
    "ar.quarter": frozenset({"part"}), "ar.deictic_wd": frozenset({"deictic"}), "ar.deictic": frozenset({"deictic"}),
    "ar.rel_period": _U, "ar.same_period": _U, "ar.weekday": _WD, "ar.ago": _U, "ar.duration": _U | _D,
    "ar.duration_one": _U, "ar.plural_period": _U, "ar.time": _D, "ar.set": frozenset({"set"}),
    "ar.ref": frozenset({"ref"}),
}
RULES: tuple[Rule, ...] = tuple(Rule(r.name, r.pattern, r.build, _NEEDS[r.name]) for r in _RULES)
