"""``tag``: every temporal expression of a French, English or Arabic text, with its TIMEX3 value."""

from __future__ import annotations

import re
from dataclasses import replace

from recoupe.understand.arabic_text import DIACRITICS, TATWEEL, normalize_with_offsets
from recoupe.understand.timex import hijri_ar, rules_ar, rules_en, rules_fr
from recoupe.understand.timex.anchor import resolve
from recoupe.understand.timex.calendar import parse_point
from recoupe.understand.timex.records import Timex
from recoupe.understand.timex.rules import Rule, extract
from recoupe.understand.timex.tense import sentences

RULES: dict[str, tuple[Rule, ...]] = {"fr": rules_fr.RULES, "en": rules_en.RULES, "ar": rules_ar.RULES}
TRIGGERS: dict[str, re.Pattern[str]] = {"fr": rules_fr.TRIGGERS, "en": rules_en.TRIGGERS, "ar": rules_ar.TRIGGERS}
# Languages whose rules read the matching form of the text (Arabic: no diacritics, tatweel or hamza variants);
# their timexes are mapped back to the text as written.
NORMALISED = frozenset({"ar"})
_MARKS = DIACRITICS | {TATWEEL}


def tag(text: str, *, lang: str, dct: str | None) -> list[Timex]:
    """The timexes of ``text`` in text order.

    ``lang``: "fr", "en" or "ar" (a region suffix such as "fr-FR" is ignored; any other language gives []).
    ``dct``: the document creation time, "2022-09-20", "2022-07" (month only), "2022", a datetime
    "2014-09-01T10:30", or None — then only absolute expressions and those anchored on an absolute date
    of the text get a value; the others keep their type with value None.
    """
    code = lang[:2].lower() if lang else ""
    rules = RULES.get(code)
    if not rules or not text:
        return []
    if code in NORMALISED:
        return _tag_normalised(text, code, dct)
    groups = extract(text, rules, TRIGGERS[code])
    if not groups:
        return []
    return resolve(text, groups, sentences(text, code), parse_point(dct), code)


def _tag_normalised(text: str, code: str, dct: str | None) -> list[Timex]:
    norm, origin = normalize_with_offsets(text)
    groups = extract(norm, RULES[code], TRIGGERS[code])
    found = resolve(norm, groups, sentences(norm, code), parse_point(dct), code) if groups else []
    found = sorted(found + hijri_ar.month_timexes(norm, dct, [(t.start, t.end) for t in found]),
                   key=lambda t: t.start)
    out: list[Timex] = []
    for t in found:
        start, end = origin[t.start], origin[t.end - 1] + 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end < len(text) and text[end] in _MARKS:  # the marks on the last letter ("غداً", "هـ") belong to it
            end += 1
        out.append(replace(t, start=start, end=end, text=text[start:end]))
    return out
