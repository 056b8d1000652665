"""English rules, in the conventions of the English TimeBank: a determiner that belongs to the expression is
part of it ("the following summer", "last Tuesday"), a preposition is not ("in [July 2022]", "on [Monday]").

This module holds the rule table (patterns, each with its builder) and the trigger regex; the regex pieces
are in :mod:`rules_en_words`, the builders in :mod:`rules_en_dates`, :mod:`rules_en_relative` and
:mod:`rules_en_durations`."""

from __future__ import annotations

import re

from recoupe.understand.timex.rules import Rule
from recoupe.understand.timex.rules_en_dates import (
    b_decade,
    b_dmy,
    b_iso,
    b_mdy,
    b_month,
    b_month_rel,
    b_month_year,
    b_numeric,
    b_range,
    b_year,
    b_year_range,
)
from recoupe.understand.timex.rules_en_durations import (
    b_adj_set,
    b_duration,
    b_last_n,
    b_ref,
    b_set,
    b_vague,
)
from recoupe.understand.timex.rules_en_relative import (
    b_ago,
    b_day_before,
    b_deictic,
    b_mod_period,
    b_noon,
    b_part,
    b_quarter,
    b_rel_period,
    b_season,
    b_this_part,
    b_time,
    b_weekday,
)
from recoupe.understand.timex.rules_en_words import (
    DAY,
    MONTH,
    MONTH_ABBR,
    MONTH_ANY,
    NUM,
    TIME,
    UNIT,
    UNIT_PLURAL,
    WD,
    WD_ABBR,
    YEAR,
    E,
    W,
    _c,
)

_RULES: tuple[Rule, ...] = (
    Rule("en.range", _c(
        rf"{W}(?:(?:from|between|From|Between)\s+)?(?P<x1>(?:the\s+)?(?P<d1>{DAY})(?:\s+(?:of\s+)?(?P<m1>{MONTH_ANY}))?)"
        rf"\s*(?:to|until|through|and|-|–)\s*(?P<x2>(?:the\s+)?(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH_ANY})"
        rf"(?:,?\s+(?P<year>{YEAR}))?){E}"), b_range),
    Rule("en.range_md", _c(
        rf"{W}(?:(?:from|between|From|Between)\s+)?(?P<x1>(?P<m2>{MONTH_ANY})\s+(?P<d1>{DAY}))\s*(?:to|until|through|"
        rf"and|-|–)\s*(?P<x2>(?P<d2>{DAY})(?:,?\s+(?P<year>{YEAR}))?){E}"), b_range),
    Rule("en.dmy", _c(
        rf"{W}(?P<x>(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH_ANY})(?![\w])"
        rf"(?:,?\s+(?P<year>{YEAR}))?)"), b_dmy),
    Rule("en.mdy", _c(
        rf"{W}(?P<x>(?:(?P<wd>{WD}),?\s+)?(?P<month>{MONTH_ANY})\s+(?P<day>{DAY})(?![\d:])(?:,?\s+(?P<year>{YEAR}))?)"),
        b_mdy),
    Rule("en.numeric", _c(r"(?<![\d.,/])(?P<a>[01]?\d|[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d])"),
         b_numeric),
    Rule("iso", _c(r"(?<![\d\-/])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\d])"),
         b_iso),
    Rule("en.month_year", _c(
        rf"{W}(?P<x>(?:(?P<mod>early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        rf"the\s+middle\s+of|end\s+of|beginning\s+of)\s*)?(?P<month>{MONTH_ANY}),?\s+(?:of\s+)?"
        rf"(?:(?P<year>{YEAR})|'(?P<yy>\d\d)(?!\d)))"), b_month_year),
    Rule("en.month_mod", _c(
        rf"{W}(?P<x>(?P<mod>early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
        rf"end\s+of|beginning\s+of)\s*(?P<month>{MONTH})(?:\s+(?P<same>this\s+year|last\s+year|next\s+year|"
        rf"that\s+year|the\s+same\s+year|the\s+following\s+year|the\s+previous\s+year))?){E}(?!\s+\d)"), b_month),
    Rule("en.month_rel", _c(
        rf"{W}(?P<x>(?P<rel>last|next|this|that|the\s+following|the\s+previous|past|coming)\s+(?P<month>{MONTH})){E}"
        rf"(?!\s+\d)"),
        b_month_rel),
    Rule("en.month_prep", _c(
        rf"{W}(?:in|In|since|Since|by|By|until|Until|from|From|during|During|through|before|Before|after|After|"
        rf"between|and|or|of|till|to|early|late|mid-)\s*(?P<x>(?P<month>{MONTH})(?:\s+(?P<same>this\s+year|"
        rf"last\s+year|next\s+year|that\s+year|the\s+same\s+year|the\s+following\s+year|the\s+previous\s+year))?){E}"
        rf"(?!\s*\d)"), b_month),
    Rule("en.year_range", _c(
        rf"(?<![\w\-/])(?:(?P<pre>from|between|in|From|Between|In)\s+)?(?P<y1>{YEAR})\s*[-–/]\s*(?P<y2>{YEAR})"),
        b_year_range),
    Rule("en.year", _c(
        rf"{W}(?:(?P<pre>in|In|since|Since|by|By|until|Until|from|From|during|During|before|Before|after|After|"
        rf"between|and|of|through|till|to|around|circa)\s+)?(?P<x>(?P<the>the\s+year\s+)?(?P<mod>(?:early|late|mid-?|"
        rf"the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|"
        rf"the\s+second\s+half\s+of|end\s+of|beginning\s+of)\s*)?(?P<year>{YEAR}))(?![,.]\d)(?!\s*[-–/]\s*\d)"),
        b_year),
    Rule("en.decade", _c(rf"{W}(?P<x>(?:(?P<mod>early|late|mid-?|the\s+early|the\s+late|the\s+mid-?)\s*)?"
                         rf"(?:the\s+)?(?:'|’)?(?P<dec>(?:19|20)?\d0)['’]?s){E}"), b_decade),
    Rule("en.season", _c(
        rf"{W}(?:(?P<pre>in|In|during|During|by|By|until|since)\s+)?(?P<x>(?P<det>the\s+|this\s+|last\s+|next\s+|"
        rf"that\s+)?(?:(?P<rel>following|previous|coming|past)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?P<year>{YEAR})|\s+of\s+(?P<of>{YEAR})|\s+of\s+(?P<same>the\s+same\s+year|the\s+following\s+year|"
        rf"the\s+previous\s+year))?){E}"),
        b_season),
    Rule("en.deictic", _c(
        rf"{W}(?P<x>(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|"
        rf"tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?){E}"), b_deictic),
    Rule("en.this_part", _c(rf"{W}(?P<x>(?P<det>this|last)\s+(?P<part>morning|afternoon|evening|night)){E}"),
         b_this_part),
    Rule("en.rel_period", _c(
        rf"{W}(?P<x>(?:(?P<mod>earlier|later|early|late)\s+)?(?P<det>this|last|next|the\s+past|the\s+last|"
        rf"the\s+next|the\s+coming|the\s+following|the\s+previous|the\s+preceding|the\s+same|that|the\s+current|"
        rf"current|past|coming)\s+(?P<u>week|month|year|weekend|quarter|decade|century|day)){E}"), b_rel_period),
    Rule("en.mod_period", _c(
        rf"{W}(?P<x>(?P<mod>the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
        rf"the\s+first\s+half\s+of|the\s+second\s+half\s+of)\s+(?P<det>this|last|next|the)\s+"
        rf"(?P<u>week|month|year|decade)){E}"), b_mod_period),
    Rule("en.day_before", _c(rf"{W}(?P<x>the\s+day\s+(?P<w>before|after))(?!\s+(?:yesterday|tomorrow)){E}"),
         b_day_before),
    Rule("en.ago", _c(
        rf"{W}(?P<x>(?:(?P<mod>about|around|nearly|almost|some|more\s+than|over|less\s+than)\s+)?(?P<num>{NUM})\s+"
        rf"(?P<unit>{UNIT})\s+ago){E}"), b_ago),
    Rule("en.weekday", _c(
        rf"{W}(?P<x>(?:(?P<rel>last|next|this|that|coming|past)\s+)?(?P<wd>{WD})(?:\s+(?P<part>morning|afternoon|"
        rf"evening|night))?){E}(?!\s*,?\s+(?:\d|{MONTH}))"), b_weekday),
    Rule("en.wd_time", _c(rf"{W}(?P<x>(?P<wda>{WD_ABBR})\.?\s+(?:at\s+)?(?P<pre>)?{TIME})"), b_time),
    Rule("en.time", _c(rf"{W}(?:(?P<pre>at|around|about|at\s+around|at\s+about|by|from|until|to|before|after)\s+)?"
                       rf"(?P<x>{TIME})"), b_time),
    Rule("en.noon", _c(rf"{W}(?:(?P<pre>around|about|at\s+around|at\s+about|at)\s+)?(?P<x>noon|midnight){E}"), b_noon),
    Rule("en.quarter", _c(
        rf"{W}(?P<x>(?:the\s+)?(?P<ord>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(?P<u>quarter|half)\s+of\s+"
        rf"(?:(?P<year>{YEAR})|(?P<yr>this\s+year|the\s+year))|(?P<q>[QH][1-4])\s+(?P<year2>{YEAR})){E}"), b_quarter),
    Rule("en.for_years", _c(rf"{W}(?:for|over|in|within|after|since)\s+(?P<x>(?P<unit>decades|years|months|weeks|days|"
                            rf"centuries)){E}(?!\s+(?:of|ago|old|later|earlier|before|after)\b)"), b_vague),
    Rule("en.part", _c(rf"{W}(?:in\s+|at\s+|during\s+)?(?P<x>(?:(?P<det>the|that)\s+)?(?P<part>morning|afternoon|"
                       rf"evening|night))(?!\w)(?!\s+of\b)"),
         b_part),
    Rule("en.overnight", _c(rf"{W}(?P<x>(?P<part>overnight)){E}"), b_part),
    Rule("en.last_n", _c(
        rf"{W}(?P<x>(?:the\s+)?(?:past|last|next|coming|previous|following)\s+(?:(?P<num>{NUM})\s+)?"
        rf"(?:few\s+|several\s+)?(?P<unit>{UNIT_PLURAL})){E}"), b_last_n),
    Rule("en.duration", _c(
        rf"{W}(?P<x>(?:(?P<mod>more\s+than|less\s+than|nearly|almost|about|around|some|roughly|approximately|"
        rf"at\s+least|up\s+to|no\s+more\s+than|just\s+over|just\s+under|over|under)\s+)?(?P<num>{NUM})[\s\-]+"
        rf"(?P<unit>{UNIT})(?P<more>(?:,?\s+(?:and\s+)?(?:{NUM})[\s\-]+(?:{UNIT})(?![\w]))*)){E}"), b_duration),
    Rule("en.vague", _c(
        rf"{W}(?P<x>(?:several|a\s+few|few|many|some|decades|years|months)\s+(?P<unit>{UNIT_PLURAL})){E}"),
        b_vague),
    Rule("en.set_each", _c(rf"{W}(?P<x>(?:every|each)\s+(?:(?P<num>{NUM})\s+)?(?P<u>day|week|month|year|quarter|"
                           rf"morning|evening|night|summer|winter|weekend|{WD}|days|weeks|months|years)){E}"), b_set),
    Rule("en.set_per", _c(rf"(?<=\d|n|s|%)\s+(?P<x>(?:a|per)\s+(?P<u>day|week|month|year)){E}"), b_set),
    Rule("en.set_plural_wd", _c(rf"{W}(?:on\s+)?(?P<x>(?P<u>(?:{WD})s)){E}"), b_set),
    Rule("en.adj_set", _c(rf"{W}(?P<x>annual|annually|yearly|daily|weekly|monthly|quarterly|biannual|hourly|"
                          rf"nightly){E}"), b_adj_set),
    Rule("en.ref", _c(rf"{W}(?P<x>currently|nowadays|at\s+present|presently|at\s+the\s+moment|for\s+now|"
                      rf"for\s+the\s+moment|for\s+the\s+time\s+being|recently|lately|formerly|previously|"
                      rf"in\s+the\s+past|in\s+the\s+future|now){E}"), b_ref),
)


TRIGGERS = re.compile(
    rf"(?P<digit>\d)|(?<![\w])(?:(?P<month>{MONTH}|{MONTH_ABBR})|(?P<weekday>{WD}|{WD_ABBR})|"
    rf"(?P<unit>{UNIT}|weekend)|(?P<deictic>today|yesterday|tomorrow|tonight|ago)|"
    rf"(?P<part>morning|afternoon|evening|night|overnight|noon|midnight)|(?P<season>spring|summer|autumn|fall|winter)|"
    rf"(?P<set>every|each|per|a|annual|annually|yearly|daily|weekly|monthly|quarterly|biannual|hourly|nightly)|"
    rf"(?P<ref>now|currently|nowadays|present|presently|moment|time|recently|lately|formerly|previously|past|"
    rf"future|soon|shortly))(?![\w])",
    re.IGNORECASE,
)
_DIGIT, _MONTH_T, _WEEKDAY_T = frozenset({"digit"}), frozenset({"month"}), frozenset({"weekday"})
_UNIT_T = frozenset({"unit"})
_NEEDS: dict[str, frozenset[str]] = {
    "en.range": _MONTH_T, "en.range_md": _MONTH_T, "en.dmy": _MONTH_T, "en.mdy": _MONTH_T, "en.numeric": _DIGIT,
    "iso": _DIGIT, "en.month_year": _MONTH_T, "en.month_mod": _MONTH_T, "en.month_rel": _MONTH_T,
    "en.month_prep": _MONTH_T, "en.year_range": _DIGIT, "en.year": _DIGIT, "en.decade": _DIGIT,
    "en.season": frozenset({"season"}), "en.deictic": frozenset({"deictic"}), "en.this_part": frozenset({"part"}),
    "en.rel_period": _UNIT_T, "en.mod_period": _UNIT_T, "en.day_before": _UNIT_T, "en.ago": frozenset({"deictic"}),
    "en.weekday": _WEEKDAY_T, "en.wd_time": _WEEKDAY_T, "en.time": _DIGIT, "en.noon": frozenset({"part"}),
    "en.part": frozenset({"part"}), "en.quarter": frozenset({"unit", "digit"}), "en.for_years": _UNIT_T,
    "en.overnight": frozenset({"part"}), "en.last_n": _UNIT_T,
    "en.duration": _UNIT_T, "en.vague": _UNIT_T, "en.set_each": frozenset({"set"}), "en.set_per": frozenset({"set"}),
    "en.set_plural_wd": frozenset({"weekday"}), "en.adj_set": frozenset({"set"}), "en.ref": frozenset({"ref"}),
}
RULES: tuple[Rule, ...] = tuple(Rule(r.name, r.pattern, r.build, _NEEDS[r.name]) for r in _RULES)
