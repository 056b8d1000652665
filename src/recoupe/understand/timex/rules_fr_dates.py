"""French rules, calendar dates: the builders for dates with a day ("le 30 juin 2019", "du 3 au 5 mai",
"12/03/2020"), months, years (with the checks that tell a year from another number), quarters, decades and
centuries."""

from __future__ import annotations

import re

from recoupe.understand.timex.frames import (
    Frame,
    Piece,
    Rel,
)
from recoupe.understand.timex.lexicon import (
    MONTHS_FR,
    WEEKDAYS_FR,
    roman,
)
from recoupe.understand.timex.rules import grp, lower, one, real_day
from recoupe.understand.timex.rules_fr_words import (
    _calendar,
    _month_ok,
    day_of,
    direction_of,
    month_of,
    two_digit_year,
)

# --- dates with a day -------------------------------------------------------------------------------------

def _year_after(m: re.Match[str], text: str) -> int | None:
    if m.group("year"):
        return int(m.group("year"))
    if m.group("yy"):
        return two_digit_year(int(m.group("yy")))
    return None


def b_full_date(m: re.Match[str], text: str) -> list[Piece] | None:
    month_word = m.group("month") or m.group("abbr")
    if m.group("abbr") and not (m.group("year") or m.group("yy") or m.group("abbr").endswith(".")):
        return None
    if m.group("yy") and re.match(r"\s*[a-zàâçéèêëîïôûù%]", text[m.end("yy"):], re.I):
        return None  # "le 5 mai 12 soldats": not a two-digit year
    if m.group("day").lower() == "premier" and not m.group("det"):
        return None
    month = month_of(month_word)
    if not real_day(_year_after(m, text), month, day_of(m.group("day"))):
        return None
    wd = WEEKDAYS_FR.get(lower(m, "wd")) if m.group("wd") else None
    frame = _calendar(m, day=day_of(m.group("day")), month=month, year=_year_after(m, text), weekday=wd,
                      rel_word=m.group("rel"), rule="fr.date")
    s = m.start()
    e = m.end("rel") if m.group("rel") else m.end("year") if m.group("year") else m.end("yy") if m.group(
        "yy") else m.end("abbr") if m.group("abbr") else m.end("month")
    return [(s, e, frame)]


def b_month_day_year(m: re.Match[str], text: str) -> list[Piece] | None:
    if not real_day(int(m.group("year")), month_of(m.group("month")), day_of(m.group("day"))):
        return None
    wd = WEEKDAYS_FR.get(lower(m, "wd")) if m.group("wd") else None
    frame = Frame(kind="date", year=int(m.group("year")), month=month_of(m.group("month")),
                  day=day_of(m.group("day")), weekday=wd, rule="fr.mdy")
    return [(m.start(), m.end("year"), frame)]


def b_day_range(m: re.Match[str], text: str) -> list[Piece] | None:
    m2 = month_of(m.group("m2"))
    m1 = month_of(m.group("m1")) or m2
    year = int(m.group("year")) if m.group("year") else None
    d1, d2 = day_of(m.group("d1")), day_of(m.group("d2"))
    if (m.group("m1") is None and d1 >= d2) or not real_day(year, m1, d1) or not real_day(year, m2, d2):
        return None
    rel = m.group("rel")
    f1 = _calendar(m, day=d1, month=m1, year=year, weekday=None, rel_word=rel, rule="fr.range")
    f2 = _calendar(m, day=d2, month=m2, year=year, weekday=None, rel_word=rel, rule="fr.range")
    e1 = m.end("m1") if m.group("m1") else m.end("d1")
    s1 = m.start("les") if m.group("les") else m.start("les2") if m.group("les2") else m.start("d1")
    s2 = m.start("le2") if m.group("le2") else m.start("d2")
    e2 = m.end("rel") if rel else m.end("year") if year else m.end("m2")
    return [(s1, e1, f1), (s2, e2, f2)]


def b_numeric_date(m: re.Match[str], text: str) -> list[Piece] | None:
    before, after = text[max(0, m.start() - 2):m.start()], text[m.end():m.end() + 2]
    if re.search(r"\d[./\-]$", before) or re.match(r"[./\-]\d", after):
        return None  # phone numbers, versions: "06.12.34.56.78"
    d, mo, y = int(m.group("d")), int(m.group("m")), m.group("y")
    year = int(y) if len(y) == 4 else two_digit_year(int(y))
    if len(y) == 2 and m.group("sep") == ".":
        return None
    if not real_day(year, mo, d):
        return None
    return [(m.start(), m.end(), Frame(kind="date", year=year, month=mo, day=d, rule="fr.numeric"))]


def b_iso(m: re.Match[str], text: str) -> list[Piece] | None:
    if re.match(r"[\w\-]", text[m.end():m.end() + 1]) and not m.group("h"):
        return None
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not real_day(y, mo, d):
        return None
    if m.group("h"):
        frame = Frame(kind="time", year=y, month=mo, day=d, hour=int(m.group("h")), minute=int(m.group("mi")),
                      rule="iso")
    else:
        frame = Frame(kind="date", year=y, month=mo, day=d, rule="iso")
    return [(m.start(), m.end(), frame)]


# --- months, years, decades, centuries ------------------------------------------------------------------

_MODS = {"fin": "END", "début": "START", "debut": "START", "mi": "MID", "milieu": "MID", "courant": None,
         "mi-": "MID"}


def _mod(word: str | None) -> str | None:
    """"fin" -> END, "la fin du" -> END, "mi-" -> MID."""
    w = re.sub(r"^(?:la|le|à\s+la|au)\s+", "", (word or "").lower().strip()).rstrip("-").strip()
    w = re.split(r"[\s\-]", w)[0] if w else w
    return _MODS.get(w)


def b_month_year(m: re.Match[str], text: str) -> list[Piece] | None:
    if m.group("yy") and re.match(r"\s*(?:[a-zàâçéèêëîïôûù%]|,\d)", text[m.end("yy"):], re.I):
        return None
    year = int(m.group("year")) if m.group("year") else two_digit_year(int(m.group("yy")))
    frame = Frame(kind="date", year=year, month=month_of(m.group("month")), mod=_mod(m.group("mod")),
                  rule="fr.month_year")
    return one(m, frame)


def b_month(m: re.Match[str], text: str) -> list[Piece] | None:
    word = m.group("month")
    if not _month_ok(word, text, m.start("month")):
        return None
    direction, anaphoric = direction_of(grp(m, "rel"))
    same = lower(m, "same")
    mod = _mod(grp(m, "mod"))
    month = month_of(word)
    if same:
        shift = 1 if "suivante" in same else -1 if ("précédente" in same or "dernier" in same
                                                     or "dernière" in same) else 0
        rel: Rel = "dct" if ("cette" in same or "dernier" in same or "dernière" in same) else "anaphoric"
        frame = Frame(kind="date", rel=rel, unit="year", shift=shift, month=month, mod=mod, rule="fr.month_same")
        return one(m, frame)
    frame = Frame(kind="date", rel="anaphoric" if anaphoric else "undef", month=month, direction=direction,
                  mod=mod, rule="fr.month")
    return one(m, frame)


def b_two_months(m: re.Match[str], text: str) -> list[Piece] | None:
    direction, _ = direction_of(m.group("rel"))
    f1 = Frame(kind="date", rel="undef", month=month_of(m.group("m1")), direction=direction, rule="fr.months")
    f2 = Frame(kind="date", rel="undef", month=month_of(m.group("m2")), direction=direction, rule="fr.months")
    return [(m.start("m1"), m.end("m1"), f1), (m.start("x2"), m.end("x2"), f2)]


_YEAR_STOP_BEFORE = re.compile(
    r"(?:n°|no\.?|num[ée]ro|r[ée]solution|loi|article|d[ée]cret|vol|route|code|mod[èe]le|type|version|s[ée]rie|"
    r"plus de|moins de|près de|environ|quelque|au moins|pas moins de|[€$£#]|\d[\s\u00a0\u202f]|[\d][.,/])\s*$",
    re.IGNORECASE,
)
_YEAR_STOP_AFTER = re.compile(
    r"\s*(?:%|€|\$|£|[.,]\d|[\s\u00a0\u202f]\d{3}\b|km|kilom|m[eè]tres?\b|m\b|kg|tonnes?|euros?|dollars?|dirhams?|"
    r"francs?|livres|hommes|femmes|soldats|militaires|personnes|habitants|morts|bless[ée]s|victimes|exemplaires|"
    r"v[ée]hicules|chars|avions|appareils|drones|missiles|h[ée]licopt[èe]res|hectares|ha\b|salari[ée]s|emplois|"
    r"postes|points|voix|membres|[ée]l[èe]ves|agents|policiers|gendarmes|combattants|pi[èe]ces|unit[ée]s|"
    r"fois|mots|pages|lits|places|logements|entreprises|ann[ée]es-lumi)",
    re.IGNORECASE,
)
_CAP_OK = {"en", "depuis", "dès", "des", "de", "avant", "après", "entre", "fin", "début", "vers", "jusqu'en",
           "jusqu’en", "courant", "mi", "et", "au", "à", "pour", "dans", "le", "la", "les", "l'année", "l’année",
           "in", "since", "by", "until", "before", "after", "from", "between", "early", "late", "mid", "of",
           "the", "and", "to", "during", "for", "around", "through", "spring", "summer", "autumn",
           "winter", "fall", "printemps", "été", "automne", "hiver", "ete", "eté"}


def year_ok(text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless its neighbours say it is a quantity or part of a name
    ("Mirage 2000", "African Lion 2022", "résolution 2440", "2000 soldats", "124,7 milliards")."""
    before = text[max(0, start - 24):start]
    if _YEAR_STOP_BEFORE.search(before) and not re.search(r"\d{4}\s*[-–/]\s*$", before):
        return False
    if _YEAR_STOP_AFTER.match(text, end):
        return False
    prev = re.search(r"([^\s]+)\s+$", before)
    if prev:
        token = prev.group(1)
        clean = token.strip("«»\"'“”(").rstrip(",")
        if (clean[:1].isupper() and clean.lower() not in _CAP_OK and month_of(clean) is None
                and clean.lower() not in MONTHS_FR and not token.endswith((".", ":", ",", ";"))):
            return False
        if re.fullmatch(r"[A-Z]+-?\d*", clean) and clean.lower() not in _CAP_OK:
            return False
    return True


def b_year(m: re.Match[str], text: str) -> list[Piece] | None:
    s, e = m.start("year"), m.end("year")
    if not m.group("pre") and not m.group("mod") and not year_ok(text, s, e):
        return None
    if m.group("pre") and _YEAR_STOP_AFTER.match(text, e):
        return None
    mod = _mod(m.group("mod"))
    frame = Frame(kind="date", year=int(m.group("year")), mod=mod, rule="fr.year")
    start = m.start("mod") if m.group("mod") else m.start("lan") if m.group("lan") else s
    return [(start, e, frame)]


def b_year_range(m: re.Match[str], text: str) -> list[Piece] | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not y1 < y2 or (not m.group("pre") and not year_ok(text, m.start("y1"), m.end("y1"))):
        return None
    if _YEAR_STOP_AFTER.match(text, m.end("y2")):
        return None
    return [(m.start("y1"), m.end("y1"), Frame(kind="date", year=y1, rule="fr.year_range")),
            (m.start("y2"), m.end("y2"), Frame(kind="date", year=y2, rule="fr.year_range"))]


def b_month_range(m: re.Match[str], text: str) -> list[Piece] | None:
    f1 = Frame(kind="date", rel="undef", month=month_of(m.group("m1")), rule="fr.month_range")
    f2 = Frame(kind="date", rel="undef", month=month_of(m.group("m2")), rule="fr.month_range")
    return [(m.start("m1"), m.end("m1"), f1), (m.start("m2"), m.end("m2"), f2)]


_ORDINALS = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "2ème": 2, "troisième": 3, "3e": 3,
             "3ème": 3, "quatrième": 4, "4e": 4, "4ème": 4, "dernier": 4}


def b_quarter(m: re.Match[str], text: str) -> list[Piece] | None:
    """"premier trimestre 2023" -> 2023-Q1, "second semestre" -> H2, "T1 2023" -> 2023-Q1, "S2 2022" -> 2022-H2."""
    if grp(m, "t"):
        half, n, year_word = m.group("t")[0].upper() == "S", int(m.group("t")[1]), grp(m, "year2")
    else:
        half, year_word = lower(m, "u").startswith("semestre"), grp(m, "year")
        n = 2 if half and lower(m, "ord") == "dernier" else _ORDINALS.get(lower(m, "ord"), 0)
    if not n or (half and n > 2):
        return None
    if year_word is None:
        return one(m, Frame(kind="date", rel="undef", quarter=n, half=half, rule="fr.quarter"))
    return one(m, Frame(kind="date", year=int(year_word), quarter=n, half=half, rule="fr.quarter"))


def b_yy(m: re.Match[str], text: str) -> list[Piece] | None:
    return [(m.start("yy"), m.end("yy"), Frame(kind="date", year=two_digit_year(int(m.group("yy"))),
                                                 rule="fr.yy"))]


def b_decade(m: re.Match[str], text: str) -> list[Piece] | None:
    digits = m.group("dec")
    if len(digits) == 2:
        decade = 190 + int(digits) // 10 if int(digits) >= 10 else 200
        if digits == "00":
            decade = 200
    else:
        decade = int(digits) // 10
    frame = Frame(kind="date", decade=decade, mod=_mod(m.group("mod")), rule="fr.decade")
    return one(m, frame)


def b_century(m: re.Match[str], text: str) -> list[Piece] | None:
    c = m.group("c")
    n = int(c) if c.isdigit() else roman(c)
    if not n or n > 21:
        return None
    frame = Frame(kind="date", century=n - 1, mod=_mod(m.group("mod")), rule="fr.century")
    return one(m, frame)
