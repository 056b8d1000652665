"""``tag``: every temporal expression of a French or English text, with its TIMEX3 value."""

from __future__ import annotations

import re

from recoupe.understand.timex import rules_en, rules_fr
from recoupe.understand.timex.anchor import resolve
from recoupe.understand.timex.calendar import parse_point
from recoupe.understand.timex.records import Timex
from recoupe.understand.timex.rules import Rule, extract
from recoupe.understand.timex.tense import sentences

RULES: dict[str, tuple[Rule, ...]] = {"fr": rules_fr.RULES, "en": rules_en.RULES}
TRIGGERS: dict[str, re.Pattern[str]] = {"fr": rules_fr.TRIGGERS, "en": rules_en.TRIGGERS}


def tag(text: str, *, lang: str, dct: str | None) -> list[Timex]:
    """The timexes of ``text`` in text order.

    ``lang``: "fr" or "en" (a region suffix such as "fr-FR" is ignored; any other language gives []).
    ``dct``: the document creation time, "2022-09-20", "2022-07" (month only), "2022", a datetime
    "2014-09-01T10:30", or None — then only absolute expressions and those anchored on an absolute date
    of the text get a value; the others keep their type with value None.
    """
    rules = RULES.get(lang[:2].lower()) if lang else None
    if not rules or not text:
        return []
    groups = extract(text, rules, TRIGGERS[lang[:2].lower()])
    if not groups:
        return []
    return resolve(text, groups, sentences(text, lang[:2].lower()), parse_point(dct), lang[:2].lower())
