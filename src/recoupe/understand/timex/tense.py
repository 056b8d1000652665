"""Sentences, their tense and their narrative cues — the context an underspecified date is read in.

No parser: a few verb-form patterns per language are enough to tell a past sentence ("a signé",
"avait été suivie", "signed", "had met") from a future one ("signera", "va signer", "will sign"), as
HeidelTime's tense heuristics do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from recoupe.understand.timex import tense_ar

Tense = Literal["past", "pluperfect", "future", "none"]

_SENTENCE_END = re.compile(r"(?<=[.!?…])(?:\s*[\"»”)\]])*\s+(?=[«\"“(\[]?\s*[A-ZÀ-ÝÉÈ0-9\u0621-\u064a])|\n+")
_ABBREVIATIONS = re.compile(r"(?:\b(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|St|Ste|Mgr|av|J\.-C|etc|cf|p|n°|No|Mr|Mrs|Ms|Gen|"
                            r"Lt|Col|Capt|Sgt|Sen|Rep|Gov|Jr|Sr|Inc|Ltd|Co|Corp|vs|U\.S|U\.N|approx|Jan|Feb|Aug|"
                            r"Sept|Oct|Nov|Dec|[A-Z])\.)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def sentences(text: str, lang: str) -> list[Sentence]:
    """Sentence spans of ``text`` (a line break or a full stop before a capital ends a sentence; "M. Gantz"
    does not). ``lang`` is kept for symmetry with ``tense_of``: the rules are the same for both languages."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0).strip() == "" and "\n" not in m.group(0) and _ABBREVIATIONS.search(text[start:m.start()]):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [Sentence(s, e) for s, e in spans if e > s]


_CLAUSE_END = re.compile(
    r"[;:()«»\"“”\[\]]|,\s*(?=(?:qui|que|qu['’]|où|dont|lequel|laquelle|lesquels|lesquelles|mais|car|alors\s+que|"
    r"tandis\s+que|avant\s+que|après\s+que|puisque|lorsque|quand|selon|afin|parce|bien\s+que|même\s+si|which|who|"
    r"where|when|while|but|after|before|since|although|because|according)\b)|"
    r"\s(?=(?:avant|après|alors|tandis|bien|parce|pour|afin)\s+qu)|\s(?=(?:qui|où|dont|lequel|laquelle|lesquels|"
    r"lesquelles|which|who|whom)\s)",
    re.IGNORECASE,
)


def clause_around(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of the sentence ``text[start:end]`` that holds position ``pos``."""
    lo, hi = start, end
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


# --- French ---------------------------------------------------------------------------------------------

_PP_FR = (r"[a-zàâçéèêëîïôûùüÿœ]+(?:é|ée|és|ées|i|ie|is|ise|ies|it|ite|its|u|ue|us|ues|ert|erte|erts|ort|"
          r"orte|int|inte|uit|uite|eint|einte|aint)")
_ADV_FR = (r"(?:(?:pas|plus|jamais|déjà|été|eu|encore|notamment|également|aussi|ainsi|enfin|alors|toutefois|"
           r"cependant|même|bien|tout|ensuite|finalement|lui|elle|eux|leur|y|en|officiellement|récemment|désormais|"
           r"toujours|aujourd['’]hui|hier|donc|certes|pourtant|[a-zéè]+ment|[,])\s*){0,3}")
_NOT_PAST_PP = {"prévu", "prévue", "prévus", "prévues", "attendu", "attendue", "attendus", "attendues",
                "programmé", "programmée", "programmés", "programmées", "lieu", "situé", "située", "chargé",
                "chargée", "convaincu", "convaincue", "prêt", "tenu", "tenue", "appelé", "appelée", "censé",
                "censée", "destiné", "destinée", "dû", "due", "composé", "composée", "fixé", "fixée", "fixés",
                "fixées",
                # words that end like a participle but are not one
                "désormais", "jamais", "mais", "puis", "depuis", "aussi", "ainsi", "ici", "parmi", "lui", "celui",
                "ni", "si", "oui", "pays", "plus", "sous", "nous", "vous", "tous", "dessus", "du", "au", "peu",
                "feu", "jeu", "tout", "surtout", "partout", "début", "but", "statut", "institut", "bout",
                "fort", "port", "effort", "rapport", "sort", "point", "appui", "ennui", "aujourd'hui", "autrui",
                "selon", "contre", "sinon", "avis", "près", "très", "dès", "après", "ceci",
                "cela", "quasi", "défi", "midi", "samedi", "lundi", "mardi", "mercredi", "jeudi",
                "vendredi", "dimanche", "aussitôt"}
_PAST_FR = re.compile(
    rf"\b(?:a|ont|avons|avez|ai|as|est|sont|s['’]est|se\s+sont|n['’]a|n['’]ont|n['’]est|l['’]a|l['’]ont|"
    rf"y\s+a|lui\s+a|leur\s+a|m['’]a|t['’]a|nous\s+a|vous\s+a|s['’]y\s+est)\s+{_ADV_FR}(?P<pp>{_PP_FR})\b",
    re.IGNORECASE,
)
_PLUPERFECT_FR = re.compile(
    rf"\b(?:avait|avaient|avais|s['’]était|s['’]étaient|n['’]avait|n['’]avaient|l['’]avait|l['’]avaient|"
    rf"y\s+avait|lui\s+avait|leur\s+avait|était|étaient|eut|eurent)\s+{_ADV_FR}(?P<pp>{_PP_FR})\b",
    re.IGNORECASE,
)
_IMPERFECT_FR = re.compile(r"\b(?P<v>[a-zàâçéèêëîïôûùü]{2,}(?:ait|aient))\b")
_CONDITIONAL = re.compile(r"(?:erait|eraient|irait|iraient|rrait|rraient|urait|uraient|drait|draient|"
                          r"ferait|feraient|vrait|vraient)$")
_NOT_IMPERFECT = {"fait", "sait", "plait", "plaît", "trait", "extrait", "portrait", "souhait", "lait", "attrait",
                  "retrait", "parfait", "forfait", "bienfait", "méfait", "satisfait", "distrait", "abstrait",
                  "refait", "défait", "contrefait", "surfait", "imparfait", "stait", "hait", "jamais"}
_PASSE_SIMPLE_FR = re.compile(r"\b(?:[a-zàâçéèêëîïôûùü]{3,}(?:èrent|irent|urent)|fut|furent|fit|firent|vint|"
                              r"vinrent|prit|prirent|eut|eurent|mit|mirent)\b", re.IGNORECASE)
_FUTURE_FR = re.compile(
    r"\b(?:sera|seront|serai|serons|serez|aura|auront|fera|feront|ira|iront|devra|devront|pourra|pourront|"
    r"viendra|viendront|tiendra|tiendront|verra|verront|faudra|saura|sauront|voudra|voudront|prendra|prendront|"
    r"recevra|recevront|mettra|mettront|rendra|rendront|dira|diront|conduira|conduiront|accueillera|"
    r"accueilleront)\b|"
    r"\b[a-zàâçéèêëîïôûùü]{2,}(?:era|eront|erons|erez|iront|irons|dra|dront|vra|vront|rra|rront)\b|"
    r"\b[a-zàâçéèêëîïôûùü]{3,}ira\b|"
    r"\b(?:va|vont|allons|allez|vais)\s+(?:(?:se|s['’]|y|en|le|la|les|lui|leur|nous|vous|pas|bientôt|ensuite|"
    r"désormais|encore|également|aussi|donc|enfin)\s+)*[a-zàâçéèêëîïôûùü]+(?:er|ir|re|oir)\b|"
    r"\b(?:doit|doivent)\s+(?:(?:se|s['’]|y|en|le|la|les|lui|leur|être|notamment|également|aussi|encore)\s*)*"
    r"[a-zàâçéèêëîïôûùü]+(?:er|ir|re|oir)\b|"
    r"\b(?:prévue?s?|programmée?s?|attendue?s?|fixée?s?)\b|\bà\s+venir\b|\bprochaine?s?\b|"
    r"\bavant\s+(?:que|qu['’]|de|d['’])",
    re.IGNORECASE,
)

# --- English --------------------------------------------------------------------------------------------

_IRREGULAR_PAST_EN = (r"said|met|held|made|took|went|came|began|saw|told|left|gave|broke|became|flew|led|won|lost|"
                      r"sent|sold|bought|spoke|wrote|paid|struck|fell|rose|ran|sat|stood|got|found|brought|"
                      r"thought|kept|put|set|cut|hit|shot|fought|drove|chose|grew|knew|drew|threw|wore|forgot|hid|"
                      r"sought|taught|caught|landed|arrived")
_NOT_PAST_EN = {"armed", "united", "based", "expected", "scheduled", "planned", "advanced", "detailed", "related",
                "limited", "concerned", "interested", "supposed", "need", "proceed", "exceed", "indeed", "speed",
                "feed", "seed", "bleed", "breed", "hundred", "embed", "red", "bed", "shed", "wed", "led", "fed",
                "bred", "sled", "sacred", "kindred", "naked", "wicked", "rugged", "ragged", "beloved", "learned",
                "aged", "skilled", "unmanned", "manned", "guided", "integrated", "sophisticated", "updated",
                "sanctioned", "anticipated", "intended", "proposed", "slated"}
_PAST_EN = re.compile(rf"\b(?:was|were|did|had)\b|\b(?:{_IRREGULAR_PAST_EN})\b|\b(?P<ed>[a-z]{{3,}}ed)\b")
_PLUPERFECT_EN = re.compile(
    r"\bhad\s+(?:(?:not|already|also|just|never|previously|earlier|been|n't)\s+)*(?:[a-z]+ed|been|[a-z]+en|met|held|"
    r"made|said|told|left|sent|begun|won|lost|paid|fought|bought|sold|led|known|seen|gone|come|become|"
    r"signed|visited)\b",
    re.IGNORECASE,
)
_FUTURE_EN = re.compile(
    r"\b(?:will|shall|won['’]t)\b|['’]ll\b|\b(?:is|are|am|was|were)\s+(?:(?:also|now|still)\s+)?(?:going|due|set|"
    r"scheduled|expected|planned|slated|to\s+be)\s+to\b|\b(?:is|are)\s+to\s+[a-z]+\b|\bnext\b|\bupcoming\b|"
    r"\bcoming\b",
    re.IGNORECASE,
)


def tense_of(sentence: str, lang: str) -> Tense:
    """The tense of a sentence: pluperfect wins (it sets the narrative), then past, then future."""
    if lang == "ar":
        return tense_ar.tense_of(sentence)
    if lang == "en":
        if _PLUPERFECT_EN.search(sentence):
            return "pluperfect"
        past = any(m.group("ed") is None or m.group("ed").lower() not in _NOT_PAST_EN
                   for m in _PAST_EN.finditer(sentence))
        future = _FUTURE_EN.search(sentence) is not None
        if future and not re.search(r"\b(?:was|were|had|did)\b", sentence):
            return "future"
        return "past" if past else "future" if future else "none"
    if any(m.group("pp").lower() not in _NOT_PAST_PP for m in _PLUPERFECT_FR.finditer(sentence)):
        return "pluperfect"
    past = any(m.group("pp").lower() not in _NOT_PAST_PP for m in _PAST_FR.finditer(sentence))
    if not past:
        for m in _IMPERFECT_FR.finditer(sentence):
            verb = m.group("v").lower()
            if verb not in _NOT_IMPERFECT and not _CONDITIONAL.search(verb):
                past = True
                break
    if not past:
        past = _PASSE_SIMPLE_FR.search(sentence) is not None
    future = _FUTURE_FR.search(sentence) is not None
    if past:
        return "past"
    return "future" if future else "none"


# A past verb right before the date governs it, whatever the clause's other verbs say: "announced Sunday
# that they will give", "a annoncé dimanche qu'il signera" date the announcement.
_PAST_VERB_BEFORE_EN = re.compile(
    rf"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bto )(?<!\bwill )(?<!\bwould )"
    rf"\b(?:(?:{_IRREGULAR_PAST_EN})|(?P<ed>[a-z]{{3,}}ed))\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_PAST_VERB_BEFORE_FR = re.compile(_PAST_FR.pattern + r"\s+(?:le\s+|ce\s+)?$", re.IGNORECASE)


def past_verb_before(prefix: str, lang: str) -> bool:
    """Whether the words right before a date are a past verb that the date goes with ("announced Sunday",
    "said on Monday", "a annoncé dimanche"); a passive or infinitive ("will be held Sunday") is not one."""
    if lang == "en":
        m = _PAST_VERB_BEFORE_EN.search(prefix)
        return m is not None and (m.group("ed") is None or m.group("ed").lower() not in _NOT_PAST_EN)
    if lang == "fr":
        m = _PAST_VERB_BEFORE_FR.search(prefix)
        return m is not None and m.group("pp").lower() not in _NOT_PAST_PP
    return False


# --- narrative cues: the text moves forward ("suivie en juillet", "puis") or back ("plus tôt") -------------

Cue = Literal["forward", "backward"]
# "suivi" as a cue only in the passive or with its agent ("avait été suivie en juillet par"): "ont suivi
# l'exercice" is "attended", and "comité de suivi" a noun.
_FORWARD_FR = re.compile(r"\b(?:été|fut|furent|sera|seront|être)\s+suivie?s?\b|\bsuivie?s?\s+(?:de|d['’]|par)\b|"
                         r"\bpuis\b|\bensuite\b|\bplus\s+tard\b|\bpar\s+la\s+suite\b", re.IGNORECASE)
_BACKWARD_FR = re.compile(r"\bplus\s+tôt\b|\bauparavant\b|\bavant\s+cela\b|\bprécédée?s?\s+(?:en|au|à|par)\b",
                          re.IGNORECASE)
_FORWARD_EN = re.compile(r"\b(?:followed|afterwards|subsequently|later)\b", re.IGNORECASE)
_BACKWARD_EN = re.compile(r"\b(?:earlier|previously|beforehand|before\s+that|preceded)\b", re.IGNORECASE)


def cue_before(prefix: str, lang: str) -> Cue | None:
    """The narrative cue in the part of the sentence before an expression, if any."""
    if lang == "ar":
        return tense_ar.cue_before(prefix)
    forward, backward = (_FORWARD_EN, _BACKWARD_EN) if lang == "en" else (_FORWARD_FR, _BACKWARD_FR)
    if forward.search(prefix):
        return "forward"
    if backward.search(prefix):
        return "backward"
    return None
