"""English rules, lengths and repetitions of time: the builders for durations ("more than three years"),
vague durations, "the last N", sets ("every year", "annual") and references to the present, past and
future ("now", "in the past")."""

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
    WEEKDAYS_EN,
    number,
)
from recoupe.understand.timex.rules import compound_duration, grp, lower, one
from recoupe.understand.timex.rules_en_relative import (
    _unit_of,
)
from recoupe.understand.timex.rules_en_words import (
    NUM,
    UNIT,
)

# --- durations, sets, references --------------------------------------------------------------------------

_DUR_MODS = {"more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
             "nearly": "APPROX", "almost": "APPROX", "about": "APPROX", "around": "APPROX", "some": "APPROX",
             "roughly": "APPROX", "approximately": "APPROX", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
             "no more than": "EQUAL_OR_LESS", "just over": "MORE_THAN", "just under": "LESS_THAN"}


def b_duration(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _unit_of(m.group("unit"))
    raw = lower(m, "num")
    n = number(raw)
    if n is None:
        return None
    after = text[m.end():m.end() + 12]
    if re.match(r"[\s\-]*old\b", after, re.I) or re.search(r"\baged?\s*$", text[max(0, m.start() - 8):m.start()],
                                                              re.I):
        return None  # an age: "45 years old", "a 45-year-old man", "aged 45"
    if raw in ("a", "an", "one") and unit == "day" and not grp(m, "mod"):
        return None  # "one day" is mostly "some day"
    if raw in ("a", "an") and unit == "second":
        return None  # "a second time": an ordinal
    if raw in ("a", "an") and unit in ("year", "month", "week", "day") and re.search(
            r"(?:\d|million|billion|thousand|times|once|twice|%|percent)\s*$", text[max(0, m.start() - 12):m.start()]):
        return None  # "$50 million a year": a set, not a duration
    if re.fullmatch(r"\d+", raw) and unit == "year" and 1500 <= n <= 2100:
        return None
    value = duration_value(n, unit)
    if grp(m, "more"):
        parts = [(n, unit)]
        for em in re.finditer(rf"({NUM})[\s\-]+({UNIT})\b", m.group("more"), re.IGNORECASE):
            k = number(em.group(1))
            if k is not None:
                parts.append((k, _unit_of(em.group(2))))
        value = compound_duration(parts)
    mod_word = re.sub(r"\s+", " ", lower(m, "mod")).strip()
    mod = _DUR_MODS.get(mod_word) if mod_word else None
    start = m.start("mod") if grp(m, "mod") and mod else m.start("num")
    return [(start, m.end(), duration(value, mod=mod, rule="en.duration"))]


def b_vague(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _unit_of(m.group("unit"))
    return one(m, duration(duration_value(None, unit), rule="en.vague"))


def b_last_n(m: re.Match[str], text: str) -> list[Piece] | None:
    unit = _unit_of(m.group("unit"))
    n = number(m.group("num")) if grp(m, "num") else (1 if not lower(m, "unit").endswith("s") else None)
    return one(m, duration(duration_value(n, unit), rule="en.last_n"))


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M", "hour": "PT1H",
              "morning": "TMO", "evening": "TEV", "night": "TNI", "summer": "XXXX-SU", "winter": "XXXX-WI",
              "weekend": "XXXX-WXX-WE"}


def b_set(m: re.Match[str], text: str) -> list[Piece] | None:
    u = lower(m, "u").rstrip("s") if lower(m, "u") not in WEEKDAYS_EN else lower(m, "u")
    wd = WEEKDAYS_EN.get(u) if u in WEEKDAYS_EN else WEEKDAYS_EN.get(lower(m, "u").rstrip("s"))
    if wd is not None:
        return one(m, every(f"XXXX-WXX-{wd + 1}", rule="en.set"))
    value = _SET_UNITS.get(u)
    if value is None:
        return None
    if grp(m, "num"):
        n = number(m.group("num"))
        if n and n != 1 and value.startswith("P"):
            value = re.sub(r"\d+", str(int(n)), value, count=1)
    return one(m, every(value, rule="en.set"))


_ADJ_SETS = {"annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "daily": "P1D", "weekly": "P1W",
             "monthly": "P1M", "quarterly": "P3M", "biannual": "P6M", "hourly": "PT1H", "nightly": "TNI"}


def b_adj_set(m: re.Match[str], text: str) -> list[Piece] | None:
    word = lower(m, "x")
    if word in ("daily", "weekly", "monthly") and re.match(r"\s+[A-Z]", text[m.end():]):
        return None  # "the Israeli daily Haaretz", "the weekly Jeune Afrique": a newspaper
    if text[m.start()].isupper() and m.start() > 0 and not re.search(r"[.!?\n]\s*$", text[:m.start()]):
        return None  # part of a name
    return one(m, every(_ADJ_SETS[word], rule="en.adj_set"))


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
         "presently": "PRESENT_REF", "at the moment": "PRESENT_REF", "for now": "PRESENT_REF",
         "for the moment": "PRESENT_REF", "for the time being": "PRESENT_REF", "recently": "PAST_REF",
         "lately": "PAST_REF", "formerly": "PAST_REF", "previously": "PAST_REF", "in the past": "PAST_REF",
         "the past": "PAST_REF", "in the future": "FUTURE_REF", "the future": "FUTURE_REF", "soon": "FUTURE_REF",
         "shortly": "FUTURE_REF"}


def b_ref(m: re.Match[str], text: str) -> list[Piece] | None:
    key = re.sub(r"\s+", " ", lower(m, "x"))
    value = _REFS.get(key)
    if value is None:
        return None
    if key == "now" and re.match(r"\s+(?:that|defunct|former)\b", text[m.end():], re.I):
        return None
    start = m.start("x")
    if key.startswith("in the "):
        start += 3  # "in the past": TimeBank marks "the past"
    return [(start, m.end("x"), ref(value, rule="en.ref"))]
