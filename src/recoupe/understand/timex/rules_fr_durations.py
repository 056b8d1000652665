"""French rules, lengths and repetitions of time: the builders for durations (told from ages: "un chauffeur
de 38 ans" is none), vague and fixed durations ("quinquennat"), sets ("chaque année", "mensuel") and
references to the present, past and future ("actuellement", "autrefois")."""

from __future__ import annotations

import re

from recoupe.understand.timex.frames import (
    Piece,
    duration,
    duration_value,
    every,
    ref,
)
from recoupe.understand.timex.lexicon import (
    WEEKDAYS_FR,
)
from recoupe.understand.timex.rules import compound_duration, grp, lower, one
from recoupe.understand.timex.rules_fr_relative import (
    _amount,
    _parts,
    _unit_of,
)
from recoupe.understand.timex.rules_fr_words import (
    A,
)

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
