"""French rules. Spans follow the French TimeBank: a determiner is part of the expression ("le 30 juin",
"la fin de l'année", "l'automne"), a preposition is not ("en [juillet]", "depuis [1998]", "vers [18 h]")."""

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
    APOS,
    MONTH_ABBR_FR,
    MONTHS_FR,
    NUMBER_WORDS_FR,
    PARTS_FR,
    SEASONS_FR,
    UNITS_FR,
    WEEKDAY_ABBR_FR,
    WEEKDAYS_FR,
    alternation,
    number,
    roman,
)
from recoupe.understand.timex.rules import Rule, compound_duration, grp, lower, one, real_day, shift_frame, span

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


def b_duration_range(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _unit_of(m.group("unit"))
    n1, n2 = _amount(m, "n1"), _amount(m, "n2")
    if n1 is None or n2 is None or n1 >= n2 or is_age(text, m.start("n2"), m.end(), unit, False):
        return None
    before = text[max(0, m.start() - 30):m.start()]
    if unit == "year" and re.search(r"(\w+)\s*$", before) and not re.search(
            r"(?:peines?|prison|mandats?|contrats?|durée|entre|pendant|sur)\s*$", before, re.I):
        return None
    return [(m.start("n1"), m.end("n1"), duration(duration_value(n1, unit), rule="fr.duration_range")),
            (m.start("n2"), m.end(), duration(duration_value(n2, unit), rule="fr.duration_range"))]


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


# --- seasons -------------------------------------------------------------------------------------------

_AUX = re.compile(
    r"\b(?:a|ai|as|avons|avez|ont|avait|avaient|avais|aurait|auraient|aura|auront|ait|aient|avoir|ayant|eût|"
    r"eut|aurions|auriez|n['’]a|n['’]ont|n['’]avait|l['’]a|l['’]ont|l['’]avait|y a)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def b_season(m: re.Match[str], text: str) -> list[Piece] | None:
    word = m.group("season")
    season = SEASONS_FR.get(word.lower(), 1)
    det = (m.group("det") or "").strip().lower()
    before = text[max(0, m.start() - 40):m.start()]
    specified = bool(m.group("year") or m.group("rel") or m.group("same"))
    sentence_initial = re.search(r"(?:^|[.!?:\n])\s*$", before) is not None
    introduced = re.search(r"(?:\ben|\bau|\bcomme|\bdès\s+le|\bdepuis\s+le)\s*$", before, re.I) is not None
    if not det and not specified and not introduced and not (sentence_initial and word[0].isupper()):
        return None  # "Jeux d'hiver", "université d'été", "a été"
    if word.lower() in ("été", "ete", "eté") and not det and _AUX.search(before):
        return None
    after = text[m.end():m.end() + 12]
    if re.match(r"\s+arabe", after, re.I) or (
            not specified and re.match(r"\s+(?:de\s+l['’]|de\s+la\s|du\s|des\s)", after)):
        return None  # the Arab Spring, "le Printemps de l'environnement": names of events
    same = (m.group("same") or "").lower()
    if m.group("year"):
        frame = Frame(kind="date", year=int(m.group("year")), season=season, rule="fr.season")
    elif same:
        shift = 1 if "suivante" in same else -1 if ("précédente" in same or "derni" in same) else 0
        rel: Rel = "dct" if ("cette" in same or "derni" in same) else "anaphoric"
        frame = Frame(kind="date", rel=rel, unit="year", shift=shift, season=season, rule="fr.season_same")
    elif (m.group("det") or "").strip().lower() in ("cet", "cette"):
        frame = Frame(kind="date", rel="dct", unit="season", shift=0, season=season, rule="fr.season_this")
    else:
        direction, anaphoric = direction_of(m.group("rel"))
        frame = Frame(kind="date", rel="anaphoric" if anaphoric else "undef", season=season, direction=direction,
                      rule="fr.season")
    return one(m, frame)


# --- deictic days, weeks, months, years ----------------------------------------------------------------

_DEICTIC_DAYS = {"avant-hier": -2, "hier": -1, "demain": 1, "après-demain": 2, "apres-demain": 2}
_PRESENT_FOLLOWERS = re.compile(
    r"\s*(?:premier|première|ministre|président|présidente|chef|directeur|directrice|secrétaire|patron|"
    r"ambassadeur|porte-parole|commandant|général|à la tête|encore|plus|moins|toujours|ex-|ancien|membre|"
    r"considéré|devenu|installé)\b",
    re.IGNORECASE,
)


def part_of(word: str | None) -> tuple[str | None, str | None]:
    """("en fin d'après-midi") -> ("AF", "END"): TIMEX3 part of day and modifier."""
    if not word:
        return None, None
    w = word.lower()
    mod = "END" if "fin" in w else "START" if "début" in w else None
    for key, code in PARTS_FR.items():
        if key in w:
            if code == "MI":
                return None, None
            return code, mod
    return None, None


def b_today(m: re.Match[str], text: str) -> list[Piece] | None:
    s, e = span(m)
    if not m.group("wd"):
        before = text[max(0, s - 3):s]
        sentence_start = s == 0 or re.search(r"(?:^|[.!?:\n])\s*[«\"“]?\s*$", text[max(0, s - 4):s]) is not None
        between_commas = before.rstrip().endswith(",") and text[e:e + 2].lstrip().startswith(",")
        if (sentence_start and text[e:e + 1] == ",") or between_commas or (
                not sentence_start and _PRESENT_FOLLOWERS.match(text, e) and not re.match(r"\s*(?:à|en|au)\s",
                                                                                          text[e:e + 5])):
            return [(s, e, ref("PRESENT_REF", rule="fr.aujourdhui_ref"))]
    wd = WEEKDAYS_FR.get(lower(m, "wd")) if m.group("wd") else None
    return [(s, e, Frame(kind="date", rel="dct", unit="day", shift=0, weekday=wd, rule="fr.today"))]


def b_deictic_day(m: re.Match[str], text: str) -> list[Piece] | None:
    shift = _DEICTIC_DAYS[lower(m, "w")]
    part, mod = part_of(m.group("part"))
    if m.group("h") or m.group("h2"):
        hour, minute = _clock(m)
        frame = Frame(kind="time", rel="dct", unit="day", shift=shift, hour=hour, minute=minute, rule="fr.day_time")
    elif part:
        frame = Frame(kind="time", rel="dct", unit="day", shift=shift, part=part, mod=mod, rule="fr.day_part")
    else:
        frame = Frame(kind="date", rel="dct", unit="day", shift=shift, rule="fr.day")
    return one(m, frame)


def b_this_part(m: re.Match[str], text: str) -> list[Piece] | None:
    part, _ = part_of(m.group("part") or m.group("p2") or m.group("p3"))
    return one(m, Frame(kind="time", rel="dct", unit="day", shift=0, part=part, rule="fr.this_part"))


_PERIOD_UNITS: dict[str, Unit] = {
    "semaine": "week", "mois": "month", "an": "year", "année": "year", "annee": "year", "week-end": "weekend",
    "weekend": "weekend", "trimestre": "quarter", "décennie": "decade", "siècle": "century",
}


def b_this_period(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _PERIOD_UNITS[lower(m, "u")]
    if (m.group("la") or "").lower() == "-là":
        return one(m, Frame(kind="date", rel="anaphoric", unit=unit, shift=0, rule="fr.that_period"))
    return one(m, Frame(kind="date", rel="dct", unit=unit, shift=0, rule="fr.this_period"))


def b_rel_period(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _PERIOD_UNITS[lower(m, "u")]
    word = lower(m, "rel")
    shift = 1 if word.startswith(("prochain", "suivant", "d'après", "d’après")) else -1
    anaphoric = word.startswith(("suivant", "précédent", "d'après", "d’après", "d'avant", "d’avant"))
    mod = _mod(m.group("mod")) if m.group("mod") else None
    return one(m, Frame(kind="date", rel="anaphoric" if anaphoric else "dct", unit=unit, shift=shift, mod=mod,
                        rule="fr.rel_period"))


def b_mod_period(m: re.Match[str], text: str) -> list[Piece] | None:
    word = lower(m, "u")
    if not re.match(r"(?:la|le)\s", lower(m, "x")) and re.search(r"\b(?:de|d['’]|des|du)\s*$",
                                                                    text[max(0, m.start() - 5):m.start()], re.I):
        return None  # "une fête de fin d'année": generic
    mod = _mod(m.group("mod"))
    rel_word = lower(m, "rel")
    shift = -1 if rel_word.startswith(("derni", "pass", "précédent")) else 1 if rel_word.startswith(
        ("prochain", "suivant")) else 0
    rel: Rel = "anaphoric" if rel_word.startswith(("précédent", "suivant")) else "dct"
    if word in SEASONS_FR:
        return one(m, Frame(kind="date", rel=rel, unit="year" if shift else "season", shift=shift,
                            season=SEASONS_FR[word], mod=mod, rule="fr.mod_season"))
    return one(m, Frame(kind="date", rel=rel, unit=_PERIOD_UNITS[word], shift=shift, mod=mod, rule="fr.mod_period"))


def _amount(m: re.Match[str], group: str = "num") -> float | None:
    return number(m.group(group)) if m.group(group) else None


def _unit_of(word: str) -> str:
    w = word.lower()
    return UNITS_FR.get(w) or {"s": "second", "sec": "second", "h": "hour", "mn": "minute", "m": "minute"}.get(w, "day")


def b_ago(m: re.Match[str], text: str) -> list[Piece] | None:
    n = _amount(m)
    if n is None:
        return None
    if lower(m, "num") in ("un", "une") and re.match(r"\s+(?:de|d['’]|où|comme|sans|ou|que)\b", text[m.end():], re.I):
        return None  # "dans un jour de grande forme"
    unit = _unit_of(m.group("unit"))
    mod = {"environ": "APPROX", "près": "APPROX", "plus": "MORE_THAN", "moins": "LESS_THAN",
           "quelque": "APPROX"}.get(lower(m, "mod").split(" ")[0].rstrip("'’d") if m.group("mod") else "")
    if m.group("mod") and lower(m, "mod").startswith("moins"):
        mod = "LESS_THAN"
    sign = 1 if lower(m, "pre").startswith("dans") else -1
    return one(m, shift_frame(_parts((n, unit), m.group("more")), sign, mod, "fr.ago"))


def _parts(first: tuple[float, str], more: str | None) -> list[tuple[float, str]]:
    """"1 an, 2 mois et 3 jours" -> [(1, year), (2, month), (3, day)]."""
    parts = [first]
    for em in re.finditer(rf"({NUM})\s*({UNIT}|s|h|mn)\b", more or "", re.IGNORECASE):
        k = number(em.group(1))
        if k is not None:
            parts.append((k, _unit_of(em.group(2))))
    return parts


# --- weekdays, parts of day, clock times --------------------------------------------------------------

def b_weekday(m: re.Match[str], text: str) -> list[Piece] | None:
    wd = WEEKDAYS_FR[lower(m, "wd")]
    det = lower(m, "det")
    direction, anaphoric = direction_of(m.group("rel"))
    if det in ("ce", "cet") and direction is None:
        direction = "this"
    part, mod = part_of(m.group("part"))
    rel: Rel = "anaphoric" if (anaphoric or m.group("meme")) else "undef"
    if m.group("meme") and direction is None:
        direction = "this"
    kind: Kind = "time" if part else "date"
    return one(m, Frame(kind=kind, rel=rel, weekday=wd, direction=direction, part=part, mod=mod,
                        rule="fr.weekday"))


def b_night_of(m: re.Match[str], text: str) -> list[Piece] | None:
    wd = WEEKDAYS_FR[lower(m, "wd")]
    return one(m, Frame(kind="time", rel="undef", weekday=wd, part="NI", rule="fr.night_of"))


def _clock(m: re.Match[str]) -> tuple[int, int]:
    h = m.group("h") if m.group("h") is not None else m.group("h2")
    mi = m.group("mi") if m.group("mi") is not None else m.group("mi2")
    return int(h), int(mi) if mi else 0


def b_time(m: re.Match[str], text: str) -> list[Piece] | None:
    hour, minute = _clock(m)
    pre = lower(m, "pre")
    written_hours = m.group("h") is not None and re.search(r"heure", m.group("x"), re.I) is not None
    if written_hours and not pre and m.group("mi") is None:
        return None  # "24 heures" is a duration unless "à/vers/dès ..." says it is a clock time
    if pre in ("pendant", "durant", "en", "sous", "depuis", "les", "des", "dans") and m.group("mi") is None:
        return None
    if hour == 24:
        hour = 24 if minute == 0 else 0
    mod = "APPROX" if pre in ("vers", "aux alentours de", "autour de", "environ") else None
    wd = WEEKDAYS_FR.get(lower(m, "wd")) if "wd" in m.re.groupindex and m.group("wd") else (
        WEEKDAY_ABBR_FR.get(lower(m, "wda").rstrip(".")) if "wda" in m.re.groupindex and m.group("wda") else None)
    if wd is not None:
        frame = Frame(kind="time", rel="undef", weekday=wd, hour=hour, minute=minute, mod=mod, rule="fr.wd_time")
    else:
        frame = Frame(kind="time", rel="context", hour=hour, minute=minute, mod=mod, rule="fr.time")
    return one(m, frame)


def b_noon(m: re.Match[str], text: str) -> list[Piece] | None:
    hour = 12 if lower(m, "x") == "midi" else 24
    mod = "APPROX" if lower(m, "pre") == "vers" else None
    return one(m, Frame(kind="time", rel="context", hour=hour, minute=0, mod=mod, rule="fr.noon"))


def b_part(m: re.Match[str], text: str) -> list[Piece] | None:
    part, mod = part_of(m.group("part") or m.group("p2"))
    if part is None:
        return None
    if m.group("mod"):
        mod = _mod(m.group("mod"))
    return one(m, Frame(kind="time", rel="context", part=part, mod=mod, rule="fr.part"))


# --- anaphoric: the day after, the same year ----------------------------------------------------------

def b_next_day(m: re.Match[str], text: str) -> list[Piece] | None:
    w = lower(m, "w")
    shift = {"lendemain": 1, "surlendemain": 2, "veille": -1, "avant-veille": -2}[w]
    part, _ = part_of(m.group("part") or m.group("p2"))
    kind: Kind = "time" if part else "date"
    return one(m, Frame(kind=kind, rel="anaphoric", unit="day", shift=shift, part=part, rule="fr.next_day"))


def b_same_day(m: re.Match[str], text: str) -> list[Piece] | None:
    part, _ = part_of(m.group("part"))
    kind: Kind = "time" if part else "date"
    return one(m, Frame(kind=kind, rel="anaphoric", unit="day", shift=0, part=part, rule="fr.same_day"))


def b_same_year(m: re.Match[str], text: str) -> list[Piece] | None:
    return one(m, Frame(kind="date", rel="anaphoric", unit="year", shift=0, rule="fr.same_year"))


# --- durations, sets, references -----------------------------------------------------------------------

_DUR_MODS = {"plus de": "MORE_THAN", "moins de": "LESS_THAN", "moins d'": "LESS_THAN", "moins d’": "LESS_THAN",
             "près de": "APPROX", "environ": "APPROX", "quelque": "APPROX", "au moins": "EQUAL_OR_MORE",
             "pas moins de": "EQUAL_OR_MORE", "presque": "APPROX", "un peu plus de": "MORE_THAN",
             "un peu moins de": "LESS_THAN", "bien plus de": "MORE_THAN", "jusqu'à": "EQUAL_OR_LESS",
             "jusqu’à": "EQUAL_OR_LESS", "au plus": "EQUAL_OR_LESS", "approximativement": "APPROX",
             "à peine": "LESS_THAN"}
_AGE_BEFORE = re.compile(
    r"(?:âgée?s?|agée?s?|l['’]âge|l['’]age)\s+(?:de\s+)?$|"
    r"\b(?:homme|femme|fille|fillette|garçon|gar[cç]onnet|enfant|jeune|adolescente?|bébé|victime|retraitée?|"
    r"octogénaire|nonagénaire|septuagénaire|sexagénaire|quinquagénaire|quadragénaire|trentenaire|conducteur|"
    r"conductrice|détenue?|soldat|militaire|motard|cycliste|piéton|piétonne|personne|patiente?|élève|"
    r"étudiante?|mineure?|père|mère|fils|frère|sœur|soeur|mari|épouse|veuve|veuf|retraité|auteur|chanteur|"
    r"chanteuse|joueur|joueuse|pilote|prêtre|dame|monsieur)s?\s+de\s*$",
    re.IGNORECASE,
)


# Nouns that a length of time qualifies ("une peine de 2 ans", "au terme de trois ans"); before any other noun,
# "de N ans" gives an age ("un chauffeur de 38 ans", "une Alsacienne de 6 ans").
_DURATION_HEADS = {
    "peine", "peines", "mandat", "mandats", "contrat", "contrats", "période", "durée", "séjour", "absence", "exil",
    "prison", "emprisonnement", "réclusion", "détention", "bail", "plan", "programme", "engagement", "accord",
    "traité", "moratoire", "trêve", "service", "carrière", "règne", "guerre", "conflit", "occupation", "retard",
    "travaux", "chantier", "investissement", "investissements", "délai", "délais", "attente", "stage",
    "suspension", "interdiction", "sursis", "garantie", "prêt", "crédit", "emprunt", "concession", "budget",
    "projet", "terme", "bout", "issue", "espace", "cours", "horizon", "fin", "début", "partenariat", "coopération",
    "captivité", "campagne", "mission", "présence", "déploiement", "formation", "perspective", "moyenne",
    "vie", "total", "ensemble", "âge", "intervalle", "écart", "laps", "cycle", "phase", "étape", "feuille",
}


def is_age(text: str, start: int, end: int, unit: str, has_mod: bool) -> bool:
    """"âgé de 45 ans", "une fillette de 6 ans", "Abdelbaky Rahimi, 19 ans,", "les moins de 17 ans"."""
    if unit != "year":
        return False
    before = text[max(0, start - 40):start]
    if _AGE_BEFORE.search(before):
        return True
    head = re.search(r"(\w+)\s+de\s+(?:\d+\s+à\s+)?$", before)
    if head and not has_mod and head.group(1).lower() not in _DURATION_HEADS and head.group(1).lower() not in (
            "plus", "moins", "près", "environ", "depuis", "pendant", "durant", "après", "avant"):
        return True
    if has_mod and re.search(r"\b(?:les|des|aux)\s*$", before, re.I):
        return True  # "les moins de 17 ans": an age group
    # apposition after a name: "Mireille Havet, 97 ans, ..."
    return bool(not has_mod and re.search(r"[A-Za-zéèëï]\s*,\s*$", before) and re.match(r"\s*[,.)]", text[end:]))


def b_duration(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _unit_of(m.group("unit"))
    n = _amount(m)
    if n is None:
        return None
    raw_num = lower(m, "num")
    mod_word = lower(m, "mod")
    if raw_num in ("un", "une") and unit == "day" and not mod_word:
        return None  # "un jour" is mostly "some day"
    if raw_num in ("un", "une") and unit == "second" and re.match(
            r"\s+(?!de\b|d['’]|et\b|plus\b|après\b|avant\b|pour\b|à\b)[a-zéèàâ]", text[m.end():]):
        return None  # "une seconde fois": an ordinal
    if re.fullmatch(r"\d+", raw_num) and unit == "year" and 1500 <= n <= 2100 and not mod_word:
        return None  # "2000 ans" is rare next to "en 2000 ans"... keep years as years
    if unit == "hour" and not mod_word:
        before = text[max(0, m.start() - 15):m.start()]
        if re.search(rf"(?:\bà|\bvers|\bdès|\bjusqu{A}à|\bde|\bentre)\s*$", before, re.I) and not re.search(
                r"(?:pendant|durant|depuis)\s+\S*\s*$", before, re.I):
            return None
    if is_age(text, m.start(), m.end(), unit, bool(mod_word)):
        return None
    if m.group("half"):
        n += 0.5
    value = duration_value(n, unit)
    if m.group("more"):
        value = compound_duration(_parts((n, unit), m.group("more")))
    mod = _DUR_MODS.get(mod_word.replace("’", "'")) if mod_word else None
    start = m.start("mod") if m.group("mod") and mod else m.start("num")
    return [(start, m.end(), duration(value, mod=mod, rule="fr.duration"))]


def b_vague_duration(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _unit_of(m.group("unit"))
    q = lower(m, "q")
    if q in ("des",) and unit not in ("year", "month", "decade", "century"):
        return None
    if re.match(r"\s+\d", text[m.end():]):
        return None  # "des années 60": a decade
    return one(m, duration(duration_value(None, unit), rule="fr.vague"))


def b_last_n(m: re.Match[str], text: str) -> list[Piece] | None:
    if not (grp(m, "num") or grp(m, "num2") or re.match(r"(?:ces|les)\s", lower(m, "x"))):
        return None  # "ses dernières années": not a stretch of time counted from now
    unit = _unit_of(m.group("unit"))
    n = _amount(m) or _amount(m, "num2")
    return one(m, duration(duration_value(n, unit), rule="fr.last_n"))


_FIXED_DURATIONS = {"demi-siècle": "P50Y", "quart de siècle": "P25Y", "quinquennat": "P5Y", "septennat": "P7Y",
                    "décennie": "P10Y", "siècle": "P100Y", "millénaire": "P1000Y", "demi-heure": "PT30M",
                    "quart d'heure": "PT15M", "quart d’heure": "PT15M"}


def b_fixed_duration(m: re.Match[str], text: str) -> list[Piece] | None:
    key = lower(m, "w") or lower(m, "w2")
    mod = _DUR_MODS.get(lower(m, "mod")) if m.group("mod") else None
    return one(m, duration(_FIXED_DURATIONS[key], mod=mod, rule="fr.fixed_duration"))


_SET_UNITS = {"jour": "P1D", "jours": "P1D", "semaine": "P1W", "semaines": "P1W", "mois": "P1M", "an": "P1Y",
              "ans": "P1Y", "année": "P1Y", "années": "P1Y", "trimestre": "P3M", "trimestres": "P3M",
              "semestre": "P6M", "semestres": "P6M", "heure": "PT1H", "heures": "PT1H", "matin": "TMO",
              "matins": "TMO", "soir": "TEV", "soirs": "TEV", "nuit": "TNI", "nuits": "TNI", "été": "XXXX-SU",
              "étés": "XXXX-SU", "hiver": "XXXX-WI", "hivers": "XXXX-WI", "week-end": "XXXX-WXX-WE",
              "week-ends": "XXXX-WXX-WE", "minute": "PT1M", "minutes": "PT1M"}


def b_set(m: re.Match[str], text: str) -> list[Piece] | None:
    u = lower(m, "u")
    wd = WEEKDAYS_FR.get(u.rstrip("s"))
    if wd is not None:
        value = f"XXXX-WXX-{wd + 1}"
    else:
        value = _SET_UNITS.get(u, "")
        if not value:
            return None
        n = _amount(m) if "num" in m.re.groupindex else None
        if n and n != 1 and value.startswith("P"):
            value = re.sub(r"\d+", str(int(n)), value, count=1)
    return one(m, every(value, rule="fr.set"))


_ADJ_SETS = {"annuel": "P1Y", "annuelle": "P1Y", "annuellement": "P1Y", "quotidien": "P1D", "quotidienne": "P1D",
             "quotidiennement": "P1D", "hebdomadaire": "P1W", "hebdomadairement": "P1W", "mensuel": "P1M",
             "mensuelle": "P1M", "mensuellement": "P1M", "trimestriel": "P3M", "trimestrielle": "P3M",
             "semestriel": "P6M", "semestrielle": "P6M", "bisannuel": "P2Y", "bisannuelle": "P2Y",
             "journalier": "P1D", "journalière": "P1D"}
_NOUN_DET = re.compile(
    r"(?:\b(?:le|un|du|au|ce|son|sa|notre|votre|leur|l['’]|les|des|ces|ses|nos|vos|leurs|aux|grand|petit|"
    r"premier|principal|autre)|[A-Z]\w*)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def b_adj_set(m: re.Match[str], text: str) -> list[Piece] | None:
    word = lower(m, "x")
    base = re.sub(r"s$", "", word)
    value = _ADJ_SETS.get(base) or _ADJ_SETS.get(word)
    if value is None:
        return None
    before = text[max(0, m.start() - 20):m.start()]
    if base in ("quotidien", "hebdomadaire", "mensuel", "bimensuel") and re.search(
            r"(?:\b(?:le|un|du|au|ce|les|des|ces|aux|son|notre|leur)\s+|\b(?:l|d['’]un)['’]?\s*)(?:\w+\s+)?$",
            before, re.I):
        return None  # "le quotidien Haaretz", "l'hebdomadaire marocain", "les principaux quotidiens": newspapers
    if word in ("quotidiens", "hebdomadaires", "mensuels") or re.search(r"\b(?:presse|journal|journaux|de)\s+$",
                                                                         before, re.I):
        return None
    return one(m, every(value, rule="fr.adj_set"))


_REFS = {
    "actuellement": "PRESENT_REF", "maintenant": "PRESENT_REF", "désormais": "PRESENT_REF",
    "à présent": "PRESENT_REF", "de nos jours": "PRESENT_REF", "pour l'instant": "PRESENT_REF",
    "pour le moment": "PRESENT_REF", "en ce moment": "PRESENT_REF", "à l'heure actuelle": "PRESENT_REF",
    "présentement": "PRESENT_REF", "actuel": "PRESENT_REF", "actuelle": "PRESENT_REF", "actuels": "PRESENT_REF",
    "actuelles": "PRESENT_REF", "auparavant": "PAST_REF", "autrefois": "PAST_REF", "jadis": "PAST_REF",
    "naguère": "PAST_REF", "récemment": "PAST_REF", "dernièrement": "PAST_REF", "le passé": "PAST_REF",
    "l'avenir": "FUTURE_REF", "avenir": "FUTURE_REF", "le futur": "FUTURE_REF", "futur": "FUTURE_REF",
    "future": "FUTURE_REF", "futurs": "FUTURE_REF", "futures": "FUTURE_REF", "prochainement": "FUTURE_REF",
    "prochain": "FUTURE_REF", "prochaine": "FUTURE_REF", "prochains": "FUTURE_REF", "prochaines": "FUTURE_REF",
}


def b_ref(m: re.Match[str], text: str) -> list[Piece] | None:
    key = re.sub(r"\s+", " ", lower(m, "x")).replace("’", "'").replace("à", "à")
    value = _REFS.get(key)
    if value is None:
        return None
    return one(m, ref(value, rule="fr.ref"))


# --- the rule table ------------------------------------------------------------------------------------

_RULES: tuple[Rule, ...] = (
    Rule("fr.day_range", _c(
        rf"{W}(?:(?:du|entre|des|Du|Entre|Des)\s+(?P<les>le\s+|les\s+)?|(?P<les2>les|Les)\s+)(?P<d1>{DAY})"
        rf"(?:\s+(?P<m1>{MONTH}))?\s*(?:au|et|-|–|à)\s*(?P<le2>le\s+)?(?P<d2>{DAY})\s+(?P<m2>{MONTH})"
        rf"(?:\s+(?P<year>{YEAR}))?(?:\s+(?P<rel>derniers|prochains|dernier|prochain))?{E}"), b_day_range),
    Rule("fr.day_range_dash", _c(
        rf"{W}(?P<les>)?(?P<les2>)?(?P<le2>)?(?P<d1>{DAY})(?P<m1>)?\s*[-–]\s*(?P<d2>{DAY})\s+(?P<m2>{MONTH})"
        rf"(?:\s+(?P<year>{YEAR}))?(?P<rel>)?{E}"), b_day_range),
    Rule("fr.date", _c(
        rf"{W}(?:(?P<det>le|Le|LE)\s+)?(?:(?P<wd>{WD})\s*,?\s+)?(?P<day>{DAY})\s+"
        rf"(?:(?P<month>{MONTH})|(?P<abbr>{MONTH_ABBR})\.?)(?![\w])(?:\s+(?P<year>{YEAR})|\s+(?P<yy>\d\d)(?!\d|,\d))?"
        rf"(?:\s+(?P<rel>{REL}))?"), b_full_date),
    Rule("fr.mdy", _c(
        rf"{W}(?:(?P<wd>{WD}),?\s+)?(?P<month>{MONTH}|(?:{MONTH_ABBR})\.?)\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR})"),
        b_month_day_year),
    Rule("iso", _c(r"(?<![\d\-/])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ](?P<h>[01]\d|2[0-3]):"
                   r"(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+\-]\d\d:?\d\d)?)?(?![\d])"), b_iso),
    Rule("fr.numeric", _c(r"(?<![\d.,/])(?P<d>[0-3]?\d)(?P<sep>[/.])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)"
                          r"(?![\d])"), b_numeric_date),
    Rule("fr.month_year", _c(
        rf"{W}(?P<x>(?:(?:la\s+|La\s+)?(?P<mod>fin|début|debut|mi|milieu|courant)(?:-|\s+|\s+de\s+|\s+d{A}|"
        rf"\s+du\s+mois\s+d(?:e\s+|{A})))?(?P<month>{MONTH})(?:\s+de\s+l{A}année)?\s+"
        rf"(?:(?P<year>{YEAR})|(?P<yy>\d\d)(?![\d,])))"), b_month_year),
    Rule("fr.two_months", _c(
        rf"{W}(?P<m1>{MONTH})\s+(?:et|ou)\s+(?P<x2>(?P<m2>{MONTH})\s+(?P<rel>derniers|prochains)){E}"), b_two_months),
    Rule("fr.month_mod", _c(
        rf"{W}(?P<x>(?:(?:la|La)\s+)?(?P<mod>fin|Fin|début|Début|debut|mi|Mi|milieu|Milieu|courant|Courant)"
        rf"(?:-|\s+|\s+de\s+|\s+d{A}|\s+du\s+mois\s+d(?:e\s+|{A}))(?P<month>{MONTH})"
        rf"(?:\s+(?P<rel>{REL})|\s+de\s+(?P<same>la\s+même\s+année|l{A}année\s+suivante|l{A}année\s+précédente|"
        rf"l{A}année\s+dernière|l{A}an\s+dernier|cette\s+année))?){E}(?!\s+\d)"), b_month),
    Rule("fr.month_prep", _c(
        rf"{W}(?:en|de|d{A}|depuis|dès|jusqu{A}en|jusqu{A}à|avant|après|entre|et|ou|courant|au\s+mois\s+de|"
        rf"au\s+mois\s+d{A}|pour|à\s+partir\s+de)\s+(?P<x>(?:(?:le\s+)?mois\s+de\s+|mois\s+d{A})?(?P<month>{MONTH})"
        rf"(?:\s+(?P<rel>{REL})|\s+de\s+(?P<same>la\s+même\s+année|l{A}année\s+suivante|l{A}année\s+précédente|"
        rf"l{A}année\s+dernière|l{A}an\s+dernier|cette\s+année))?){E}(?!\s*\d)"), b_month),
    Rule("fr.month_rel", _c(
        rf"{W}(?P<x>(?:(?:le\s+)?mois\s+de\s+|mois\s+d{A})?(?P<month>{MONTH})\s+(?P<rel>{REL})){E}"), b_month),
    Rule("fr.month_of", _c(rf"{W}(?P<x>(?:le\s+|Le\s+)?mois\s+(?:de\s+|d{A})(?P<month>{MONTH})(?P<rel>)?(?P<same>)?){E}"
                           rf"(?!\s*\d)"), b_month),
    Rule("fr.year", _c(
        rf"{W}(?:(?P<pre>en|En|depuis|Depuis|dès|Dès|jusqu{A}en|Jusqu{A}en|avant|après|entre|vers|d{A}ici|"
        rf"D{A}ici|d{A}ici\s+à|courant)\s+)?(?P<lan>(?:l{A}|L{A})(?:année|an)\s+|(?:une|Une|cette|Cette)\s+année\s+)?(?P<mod>(?:(?:la|La)\s+)?(?:fin|Fin|"
        rf"début|Début|debut|mi|Mi|milieu|Milieu|courant|Courant)(?:-|\s+))?(?P<year>{YEAR})(?!\s*[-–/]\s*\d{{1,2}}\b)"
        rf"(?![,.]\d)"), b_year),
    Rule("fr.year_range", _c(
        rf"(?<![\w\-/])(?:(?P<pre>de|De|entre|Entre|en|En|période|saison)\s+)?(?P<y1>{YEAR})\s*[-–/]\s*(?P<y2>{YEAR})"),
        b_year_range),
    Rule("fr.month_range", _c(
        rf"{W}(?:en|de|d{A}|entre|depuis|pour|recensement\s+de)\s+(?P<m1>{MONTH})\s*[-–]\s*(?P<m2>{MONTH}){E}"
        rf"(?!\s*\d)"), b_month_range),
    Rule("fr.duration_range", _c(
        rf"{W}(?:de|De|entre|Entre)\s+(?P<n1>{NUM})\s+(?:à|et)\s+(?P<n2>{NUM})\s+(?P<unit>{UNIT}){E}"),
        b_duration_range),
    Rule("fr.quarter", _c(
        rf"{W}(?P<x>(?:(?:le|Le)\s+)?(?:(?P<ord>premier|1er|deuxième|second|2e|2ème|troisième|3e|3ème|quatrième|4e|"
        rf"4ème|dernier)\s+(?P<u>trimestre|semestre)(?:\s+(?:de\s+)?(?P<year>{YEAR}))?|(?P<t>[TS][1-4])\s+(?P<year2>"
        rf"{YEAR})))(?![\w])"),
        b_quarter),
    Rule("fr.yy", _c(rf"{W}(?:en|En|dès|Dès|depuis|Depuis)\s+(?P<yy>\d\d)(?=\s*[,.;:)(]|\s*$)", FLAGS | re.MULTILINE),
         b_yy),
    Rule("fr.decade", _c(
        rf"{W}(?:au\s+|Au\s+)?(?P<x>(?:(?:le\s+|Le\s+)?(?P<mod>début|fin|milieu)\s+(?:des|de\s+la\s+décennie)\s+|"
        rf"(?:les|Les)\s+)?années\s+(?P<dec>(?:19|20)\d0|\d0)(?:s)?)(?!\d)"), b_decade),
    Rule("fr.century", _c(
        rf"{W}(?P<x>(?:(?:la\s+|le\s+)?(?P<mod>fin|début|milieu)\s+du\s+)?(?P<c>[XVI]{{1,5}}|\d{{1,2}})(?:e|ème|è|ᵉ)"
        rf"\s+siècle)", re.UNICODE), b_century),
    Rule("fr.season", _c(
        rf"{W}(?P<x>(?P<det>l{A}|L{A}|cet\s+|Cet\s+|cette\s+)?(?P<season>printemps|été|Été|Eté|automne|hiver)"
        rf"(?:\s+(?P<year>{YEAR})|\s+(?P<rel>{REL})|\s+(?P<same>de\s+la\s+même\s+année|de\s+l{A}année\s+suivante|"
        rf"de\s+l{A}année\s+précédente|de\s+l{A}année\s+dernière|de\s+cette\s+année|de\s+l{A}an\s+dernier))?){E}"),
        b_season),
    Rule("fr.today", _c(rf"{W}(?P<x>aujourd{A}\s?hui(?:\s*,?\s*(?P<wd>{WD})(?!\s+\d))?){E}"), b_today),
    Rule("fr.day", _c(
        rf"{W}(?P<x>(?P<w>avant-hier|après-demain|apres-demain|hier|demain)(?:\s+(?P<part>{PART}|en\s+(?:fin|début)"
        rf"\s+(?:de\s+|d{A})(?:matinée|soirée|après-midi)|dans\s+la\s+(?:matinée|soirée|nuit|journée)|"
        rf"en\s+(?:soirée|matinée)))?(?:\s+à\s+{TIME})?){E}"), b_deictic_day),
    Rule("fr.this_part", _c(rf"{W}(?P<x>(?:ce|Ce)\s+(?P<part>matin|soir)|(?:cet|Cet)\s+(?P<p2>après-midi)|"
                            rf"(?:cette|Cette)\s+(?P<p3>nuit|matinée|soirée)){E}"),
         b_this_part),
    Rule("fr.this_period", _c(rf"{W}(?P<x>(?:ce|cette|Ce|Cette|cet)\s+(?P<u>semaine|année|mois|week-end|weekend|"
                              rf"trimestre|décennie|siècle)(?P<la>-ci|-là)?){E}"), b_this_period),
    Rule("fr.rel_period", _c(
        rf"{W}(?P<x>(?:(?:la|La|le|Le)\s+(?P<mod>fin|début)\s+de\s+)?(?:la|La|le|Le|l{A}|L{A}|cette|ce)\s*"
        rf"(?P<u>semaine|mois|an|année|week-end|weekend|trimestre|décennie|siècle)\s+(?P<rel>dernière|dernier|"
        rf"passée|passé|prochaine|prochain|précédente|précédent|suivante|suivant|d{A}après|d{A}avant)){E}"),
        b_rel_period),
    Rule("fr.mod_period", _c(
        rf"{W}(?P<x>(?:(?:la|La|le|Le)\s+)?(?P<mod>fin|Fin|début|Début|milieu|Milieu|mi)(?:-|\s+)(?:de\s+l{A}|du\s+|"
        rf"de\s+la\s+|de\s+cette\s+|de\s+ce\s+|d{A}|de\s+cet\s+)(?P<u>année|an|mois|semaine|été|hiver|automne|"
        rf"printemps|trimestre|décennie|siècle)(?:\s+(?P<rel>dernière|dernier|passée|passé|prochaine|prochain|"
        rf"précédente|précédent|suivante|suivant|en\s+cours))?){E}(?!\s+(?:\d|{MONTH}|de\s+\w))"), b_mod_period),
    Rule("fr.ago", _c(
        rf"{W}(?P<x>(?P<pre>il\s+y\s+a|il\s*ya|voici|voilà|cela\s+fait|ça\s+fait|dans)\s+"
        rf"(?P<mod>environ\s+|près\s+de\s+|plus\s+de\s+|moins\s+de\s+|moins\s+d{A}|quelque\s+)?(?P<num>{NUM})\s*"
        rf"(?P<unit>{UNIT}|s|h|mn)(?P<more>(?:\s*,?\s*(?:et\s+)?(?:{NUM})\s*(?:{UNIT}|s|h|mn)(?![\w]))*)){E}"), b_ago),
    Rule("fr.night_of", _c(rf"{W}(?P<x>(?:la|La)\s+nuit\s+(?:de|du)\s+(?P<wd>{WD})\s+(?:à|au)\s+(?:{WD})){E}"),
         b_night_of),
    Rule("fr.weekday", _c(
        rf"{W}(?P<x>(?:(?P<det>le|Le|ce|Ce|cet)\s+)?(?:(?P<meme>même)\s+)?(?P<wd>{WD})(?:\s+(?P<rel>{REL}))?"
        rf"(?:\s+(?P<part>matin|soir|après-midi|midi|soirée|dans\s+la\s+(?:matinée|soirée|nuit|journée)|"
        rf"en\s+(?:fin|début)\s+(?:de\s+|d{A})(?:matinée|soirée|après-midi)))?)(?![\w\-])(?!\s+\d)"
        rf"(?!\s+[Ss]aint)(?!\s+[Ss]ain)"), b_weekday),
    Rule("fr.wd_time", _c(rf"{W}(?P<x>(?P<wda>{WD_ABBR})\.?\s+(?:à\s+)?(?P<pre>)?{TIME})"), b_time),
    Rule("fr.time", _c(
        rf"{W}(?:(?P<pre>vers|Vers|à|À|dès|Dès|jusqu{A}à|de|entre|et|avant|après|aux\s+alentours\s+de|autour\s+de|"
        rf"pendant|durant|en|sous|depuis|les|des|dans)\s+)?(?P<x>{TIME}(?:\s+(?P<wd>{WD})(?![\w\-])(?!\s+\d))?)"),
        b_time),
    Rule("fr.noon", _c(rf"{W}(?:(?P<pre>vers|à)\s+)?(?P<x>midi|minuit){E}"), b_noon),
    Rule("fr.part", _c(
        rf"{W}(?:dans|en|durant|pendant|toute)?\s*(?P<x>(?:(?:la|La|le|Le)\s+(?P<part>matinée|soirée|nuit|"
        rf"après-midi))|(?P<mod>fin|début)\s+(?:de\s+|d{A})(?P<p2>matinée|soirée|après-midi|nuit)){E}"),
        b_part),
    Rule("fr.next_day", _c(
        rf"{W}(?:au\s+|Au\s+)?(?P<x>(?:(?:le|Le|la|La|l{A}|L{A})\s*)?(?P<w>lendemain|surlendemain|veille|avant-veille)"
        rf"(?:\s+(?P<part>matin|soir)|\s+au\s+(?P<p2>soir))?){E}"), b_next_day),
    Rule("fr.same_day", _c(
        rf"{W}(?P<x>(?:le|Le|ce|Ce)\s+même\s+jour|(?:le|Le)\s+jour\s+même|(?:ce|Ce)\s+jour-là|"
        rf"(?:le|Le)\s+(?P<part>matin|soir)\s+même){E}"), b_same_day),
    Rule("fr.same_year", _c(rf"{W}(?P<x>(?:la|La|cette|Cette)\s+même\s+année){E}"), b_same_year),
    Rule("fr.last_n", _c(
        rf"{W}(?:des\s+)?(?P<x>(?:ces\s+|Ces\s+|les\s+|Les\s+)?(?:(?P<num>{NUM})\s+)?(?:derniers|dernières|prochains|"
        rf"prochaines)\s+"
        rf"(?:(?P<num2>{NUM})\s+)?(?P<unit>{UNIT_PLURAL})){E}"), b_last_n),
    Rule("fr.duration", _c(
        rf"{W}(?P<x>(?:(?P<mod>plus\s+de|moins\s+de|moins\s+d{A}|près\s+de|environ|quelque|au\s+moins|"
        rf"pas\s+moins\s+de|presque|un\s+peu\s+plus\s+de|un\s+peu\s+moins\s+de|bien\s+plus\s+de|au\s+bout\s+de|"
        rf"approximativement|à\s+peine)\s*)?(?P<num>{NUM})\s+(?P<unit>{UNIT})(?P<half>\s+et\s+demie?)?"
        rf"(?P<more>(?:\s*,?\s*(?:et\s+)?(?:{NUM})\s+(?:{UNIT})(?![\w]))*)){E}"), b_duration),
    Rule("fr.duration_abbr", _c(
        rf"{W}(?P<x>(?P<mod>moins\s+de|plus\s+de|près\s+de|environ)\s+(?P<num>\d+)\s*(?P<unit>s|sec|min|mn|h|m)"
        rf"(?P<half>)?(?P<more>)?){E}"), b_duration),
    Rule("fr.vague", _c(
        rf"{W}(?P<x>(?P<q>quelques|plusieurs|de\s+longues|de\s+nombreuses|de\s+nombreux|de\s+longs|des)\s+"
        rf"(?P<unit>{UNIT_PLURAL})){E}"), b_vague_duration),
    Rule("fr.fixed_duration", _c(
        rf"{W}(?:(?P<mod>plus\s+d{A}|près\s+d{A}|environ)\s*)?(?P<x>(?:un|une|Un|Une)\s+(?P<w>demi-siècle|"
        rf"quart\s+de\s+siècle|décennie|siècle|millénaire|demi-heure|quart\s+d{A}heure)|(?P<w2>quinquennat|"
        rf"septennat)){E}"),
        b_fixed_duration),
    Rule("fr.set_each", _c(rf"{W}(?P<x>(?:chaque|Chaque)\s+(?P<u>jour|semaine|mois|année|an|trimestre|semestre|"
                           rf"matin|soir|nuit|été|hiver|week-end|{WD})){E}"), b_set),
    Rule("fr.set_all", _c(rf"{W}(?P<x>(?:tous|Tous|toutes|Toutes)\s+les\s+(?:(?P<num>{NUM})\s+)?(?P<u>jours|semaines|"
                          rf"mois|ans|années|trimestres|semestres|matins|soirs|nuits|étés|hivers|week-ends|heures|"
                          rf"minutes|(?:{WD})s)){E}"), b_set),
    Rule("fr.set_per", _c(rf"{W}(?:par|Par)\s+(?P<x>(?P<u>an|jour|mois|semaine|semestre|trimestre|heure|année)){E}"),
         b_set),
    Rule("fr.adj_set", _c(rf"{W}(?P<x>annuel(?:le)?s?|annuellement|quotidien(?:ne)?s?|quotidiennement|"
                          rf"hebdomadaires?|mensuel(?:le)?s?|mensuellement|trimestriel(?:le)?s?|semestriel(?:le)?s?|"
                          rf"bisannuel(?:le)?s?|journali(?:er|ère)s?){E}"), b_adj_set),
    Rule("fr.ref", _c(
        rf"{W}(?P<x>actuellement|maintenant|désormais|à\s+présent|À\s+présent|de\s+nos\s+jours|pour\s+l{A}instant|"
        rf"pour\s+le\s+moment|en\s+ce\s+moment|à\s+l{A}heure\s+actuelle|présentement|actuel(?:le)?s?|"
        rf"auparavant|autrefois|jadis|naguère|récemment|dernièrement|le\s+passé|l{A}avenir|avenir|le\s+futur|"
        rf"futur(?:e)?s?|prochainement|prochaine?s?){E}"), b_ref),
)


# One pass of this regex tells which kinds of time words a text holds; each rule needs one of them.
TRIGGERS = re.compile(
    rf"(?P<digit>\d)|(?<![\w])(?P<deictic>aujourd|hier|demain|avant-hier|après-demain|apres-demain)|"
    rf"(?<![\w])(?:(?P<month>{MONTH}|{MONTH_ABBR})|(?P<weekday>{WD}|{WD_ABBR})|"
    rf"(?P<unit>{UNIT}|week-end|weekend|quinquennat|septennat|demi-siècle|demi-heure|quart)|"
    rf"(?P<part>{PART}|minuit)|(?P<season>printemps|été|eté|ete|automne|hiver)|"
    rf"(?P<anaphor>lendemain|surlendemain|veille|avant-veille|même)|"
    rf"(?P<set>chaque|tous|toutes|par|annuel\w*|quotidien\w*|hebdomadaire\w*|mensuel\w*|trimestriel\w*|"
    rf"semestriel\w*|bisannuel\w*|journali\w+)|"
    rf"(?P<ref>actuel\w*|maintenant|désormais|présent\w*|instant|moment|nos\s+jours|auparavant|autrefois|jadis|"
    rf"naguère|récemment|dernièrement|passé|avenir|futur\w*|prochain\w*))(?![\w])",
    re.IGNORECASE,
)
_DIGIT, _MONTH_T, _WEEKDAY_T = frozenset({"digit"}), frozenset({"month"}), frozenset({"weekday"})
_NEEDS: dict[str, frozenset[str]] = {
    "fr.day_range": _MONTH_T, "fr.day_range_dash": _MONTH_T, "fr.date": _MONTH_T, "fr.mdy": _MONTH_T,
    "iso": _DIGIT, "fr.numeric": _DIGIT, "fr.month_year": _MONTH_T, "fr.two_months": _MONTH_T,
    "fr.month_mod": _MONTH_T, "fr.month_prep": _MONTH_T, "fr.month_rel": _MONTH_T, "fr.month_of": _MONTH_T,
    "fr.year": _DIGIT, "fr.year_range": _DIGIT, "fr.quarter": frozenset({"unit", "digit"}),
    "fr.month_range": _MONTH_T, "fr.duration_range": frozenset(
        {"unit"}), "fr.yy": _DIGIT, "fr.decade": frozenset({"unit"}), "fr.century": frozenset({"unit"}),
    "fr.season": frozenset({"season"}), "fr.today": frozenset({"deictic"}), "fr.day": frozenset({"deictic"}),
    "fr.this_part": frozenset({"part"}), "fr.this_period": frozenset({"unit"}),
    "fr.rel_period": frozenset({"unit"}), "fr.mod_period": frozenset({"unit", "season"}),
    "fr.ago": frozenset({"unit", "digit"}), "fr.night_of": _WEEKDAY_T, "fr.weekday": _WEEKDAY_T,
    "fr.wd_time": _WEEKDAY_T, "fr.time": _DIGIT, "fr.noon": frozenset({"part"}), "fr.part": frozenset({"part"}),
    "fr.next_day": frozenset({"anaphor"}), "fr.same_day": frozenset({"anaphor", "unit"}),
    "fr.same_year": frozenset({"anaphor"}), "fr.last_n": frozenset({"unit"}), "fr.duration": frozenset({"unit"}),
    "fr.duration_abbr": _DIGIT, "fr.vague": frozenset({"unit"}), "fr.fixed_duration": frozenset({"unit"}),
    "fr.set_each": frozenset({"set"}), "fr.set_all": frozenset({"set"}), "fr.set_per": frozenset({"set"}),
    "fr.adj_set": frozenset({"set"}), "fr.ref": frozenset({"ref"}),
}
RULES: tuple[Rule, ...] = tuple(Rule(r.name, r.pattern, r.build, _NEEDS[r.name]) for r in _RULES)
