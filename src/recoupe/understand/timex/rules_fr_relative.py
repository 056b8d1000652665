"""French rules, dates relative to the text's time: the builders for seasons, deictic days and periods
("hier", "la semaine dernière", "il y a trois ans"), weekdays, parts of the day and clock times, and
anaphoric dates ("le lendemain", "la même année")."""

from __future__ import annotations

import re

from recoupe.understand.timex.frames import (
    Frame,
    Kind,
    Piece,
    Rel,
    Unit,
    ref,
)
from recoupe.understand.timex.lexicon import (
    PARTS_FR,
    SEASONS_FR,
    UNITS_FR,
    WEEKDAY_ABBR_FR,
    WEEKDAYS_FR,
    number,
)
from recoupe.understand.timex.rules import lower, one, shift_frame, span
from recoupe.understand.timex.rules_fr_dates import (
    _mod,
)
from recoupe.understand.timex.rules_fr_words import (
    NUM,
    UNIT,
    direction_of,
)

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
