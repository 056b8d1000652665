"""French rules. Spans follow the French TimeBank: a determiner is part of the expression ("le 30 juin",
"la fin de l'année", "l'automne"), a preposition is not ("en [juillet]", "depuis [1998]", "vers [18 h]").

This module holds the rule table (patterns, each with its builder) and the trigger regex; the regex pieces
are in :mod:`rules_fr_words`, the builders in :mod:`rules_fr_dates`, :mod:`rules_fr_relative` and
:mod:`rules_fr_durations`."""

from __future__ import annotations

import re

from recoupe.understand.timex.rules import Rule
from recoupe.understand.timex.rules_fr_dates import (
    b_century,
    b_day_range,
    b_decade,
    b_full_date,
    b_iso,
    b_month,
    b_month_day_year,
    b_month_range,
    b_month_year,
    b_numeric_date,
    b_quarter,
    b_two_months,
    b_year,
    b_year_range,
    b_yy,
)
from recoupe.understand.timex.rules_fr_durations import (
    b_adj_set,
    b_duration,
    b_duration_range,
    b_fixed_duration,
    b_last_n,
    b_ref,
    b_set,
    b_vague_duration,
)
from recoupe.understand.timex.rules_fr_relative import (
    b_ago,
    b_deictic_day,
    b_mod_period,
    b_next_day,
    b_night_of,
    b_noon,
    b_part,
    b_rel_period,
    b_same_day,
    b_same_year,
    b_season,
    b_this_part,
    b_this_period,
    b_time,
    b_today,
    b_weekday,
)
from recoupe.understand.timex.rules_fr_words import (
    DAY,
    FLAGS,
    MONTH,
    MONTH_ABBR,
    NUM,
    PART,
    REL,
    TIME,
    UNIT,
    UNIT_PLURAL,
    WD,
    WD_ABBR,
    YEAR,
    A,
    E,
    W,
    _c,
)

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
