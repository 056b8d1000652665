"""PLOVER and CAMEO coding of recoupe's event categories, as data.

Each event gets a PLOVER ``event_type``, ``mode`` and ``context`` (PLOVER manual, draft 2.0, 4 February
2024, Open Event Data Alliance; "the manual" below) and, where one applies, the CAMEO code (CAMEO 1.1b3,
as mapped to PLOVER by ``CAMEO2PLOVER-2021.txt``, Schrodt, 17 September 2021). The category gives a
default (``CATEGORY_CODES``); a trigger may override it (the lexicon's ``plover`` field: "dénoncer" is
ACCUSE, "menacer" THREATEN); factuality and the domains of cooperation then adjust it (``code``):

* manual 3.1: "Cooperative actions of types CONSULT, SUPPORT, COOPERATE, and AID reported in future tense
  are also taken to imply intentions and should be coded as AGREE" and 3.2.1 "References to future
  meetings, summits, state visits [...] should be coded as AGREE" — a planned or hypothetical
  cooperative event is AGREE, with the CAMEO 03x "express intent" code of its kind;
* manual 2.3: negation is an auxiliary mode the coder "resolves"; we keep the event type and say
  ``negated`` in the record's factuality (the contract's field), as the manual lets negated events be
  filtered out downstream;
* manual 2.2 and chapter 4: contexts from the domains of cooperation (intelligence, cyber, technology...)
  and from the category (military for exercises and arms transfers, diplomatic for diplomatic acts).

Extension (documented here and in the contract): ``mode = "arms_transfer"`` on COOPERATE, context
military, for ARMS_TRANSFER events. The manual counts "military assistance including arms" as AID
(3.6) and "military exchanges" as COOPERATE (3.5); an arms sale benefits both parties, so COOPERATE,
with a mode that lets users single out the SIPRI-style register's events.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["CATEGORY_CODES", "DOMAIN_CONTEXTS", "PLOVER_EVENT_TYPES", "PloverCode", "code"]

# The 16 event types of the manual (chapter 3; Table 7.2 gives their quad categories).
PLOVER_EVENT_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})


@dataclass(frozen=True, slots=True, kw_only=True)
class PloverCode:
    """PLOVER event type, mode, contexts, and the CAMEO code when one applies."""

    event_type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None


def _c(event_type: str, mode: str | None, context: tuple[str, ...], cameo: str | None) -> PloverCode:
    return PloverCode(event_type=event_type, mode=mode, context=context, cameo=cameo)


# Category -> default coding. Comments cite the manual's section and the CAMEO code's name.
CATEGORY_CODES: Mapping[str, PloverCode] = MappingProxyType({
    # 3.2 CONSULT, mode visit: "actor is visiting, recipient is hosting" (3.2.3); CAMEO 042 "Make a visit".
    "VISIT": _c("CONSULT", "visit", ("diplomatic",), "042"),
    # 3.2 CONSULT: "All consultations and meetings"; CAMEO 040 "Consult" (046 "Engage in negotiation"
    # needs negotiation, which our meetings seldom state).
    "MEETING": _c("CONSULT", None, ("diplomatic",), "040"),
    # 3.2 CONSULT, mode multilateral: "Meeting occurs in a multilateral context" (conferences, summits,
    # fairs gather many states); CAMEO 040.
    "CONFERENCE": _c("CONSULT", "multilateral", ("diplomatic",), "040"),
    # 3.3 SUPPORT: "ratify, sign, or finalize an agreement or treaty"; CAMEO 057 "Sign formal agreement".
    "AGREEMENT": _c("SUPPORT", None, ("diplomatic",), "057"),
    # 3.1 AGREE: "indicate willingness or commitment to cooperate" — a decision or plan to start, expand or
    # strengthen cooperation; CAMEO 030 "Express intent to cooperate" (0312 military, 0314 intelligence
    # by domain, below). 3.5.1: "Promises, offers, or agreement for future cooperation should be coded as
    # AGREE".
    "COOPERATION": _c("AGREE", None, ("military",), "030"),
    # 3.5 COOPERATE: "Military exchanges such as joint military games and maneuvers"; CAMEO 062
    # "Cooperate militarily". (3.14.1: single-country exercises are MOBILIZE; ours are joint.)
    "EXERCISE": _c("COOPERATE", None, ("military",), "062"),
    # Extension mode arms_transfer (module docstring); CAMEO 062 "Cooperate militarily".
    "ARMS_TRANSFER": _c("COOPERATE", "arms_transfer", ("military",), "062"),
    # 3.3 SUPPORT: "initiation of diplomatic ties with an entity for the first time", "Initiate, resume,
    # improve [...] diplomatic [...] cooperation"; CAMEO 050 "Engage in diplomatic cooperation".
    # Broken or suspended relations: see DIPLOMATIC_BREAK.
    "DIPLOMATIC_RELATIONS": _c("SUPPORT", None, ("diplomatic",), "050"),
    # CAMEO 045 "Engage in mediation" -> CONSULT, diplomatic (CAMEO2PLOVER-2021).
    "MEDIATION": _c("CONSULT", None, ("diplomatic",), "045"),
    # 3.16 ASSAULT: "deliberate actions which can potentially result in substantial physical harm";
    # CAMEO 190 "Use conventional military force". Triggers refine it (MOBILIZE, COERCE, PROTEST).
    "CONFLICT": _c("ASSAULT", None, ("military",), "190"),
    # Statements have their type from the trigger (praise SUPPORT 051, criticism ACCUSE 111, demands
    # REQUEST 100, refusals REJECT 120, threats THREATEN 130). Table 7.1: CAMEO 01 "Make public
    # statement" is dropped by PLOVER; a statement the lexicon does not type is coded as the manual's
    # nearest verbal-cooperation type with no CAMEO code: SUPPORT, diplomatic.
    "STATEMENT": _c("SUPPORT", None, ("diplomatic",), None),
    # Other events take their type from the trigger (CONCEDE, RETREAT, SANCTION); without one, AGREE.
    "OTHER": _c("AGREE", None, (), None),
})

# 3.13 SANCTION, mode discontinue: "Curtail, decrease, break, or terminate diplomatic, commercial, or
# material exchanges"; CAMEO 161 "Reduce or break diplomatic relations" (CAMEO2PLOVER-2021 gives mode
# "withdraw", which the manual's 2.0 draft keeps for withdrawing one's own resources: we follow the manual).
DIPLOMATIC_BREAK = _c("SANCTION", "discontinue", ("diplomatic",), "161")

# Planned or hypothetical cooperative events -> AGREE (manual 3.1, 3.2.1, 3.5.1, 3.6.2), with the CAMEO
# "express intent" code of their kind.
INTENT_CAMEO: Mapping[str, str] = MappingProxyType({
    "VISIT": "036",           # Express intent to meet or negotiate
    "MEETING": "036",
    "CONFERENCE": "036",
    "AGREEMENT": "030",       # Express intent to cooperate (promise to sign)
    "COOPERATION": "030",
    "EXERCISE": "0312",       # Express intent to cooperate militarily
    "ARMS_TRANSFER": "0332",  # Express intent to provide military aid
    "DIPLOMATIC_RELATIONS": "032",  # Express intent to engage in diplomatic cooperation
    "MEDIATION": "039",       # Express intent to mediate
})
# Event types that AGREE stands for when they are only intended (3.1: CONSULT, SUPPORT, COOPERATE, AID).
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})

# Domains of cooperation (normalised keys of the lexicon) -> PLOVER contexts (manual 2.2, chapter 4).
DOMAIN_CONTEXTS: Mapping[str, str] = MappingProxyType({
    "intelligence": "intelligence",
    "cybersecurity": "cyber",
    "electronic_warfare": "cyber",  # 4.32: "Electronic or information warfare will often receive a 'cyber'"
    "technology_transfer": "technology",
    "defence_industry": "technology",
    "research_development": "technology",
    "air_defence": "military",
    "training": "military",
    "joint_exercises": "military",
    "procurement": "military",
    "modernisation": "military",
    "logistics": "military",
    "operational_planning": "military",
    "expertise_sharing": "military",
    "military": "military",
    "security": "military",
    "maritime": "military",
    "counter_terrorism": "terrorism",
    "space": "technology",
})

# COOPERATION by its main domain: CAMEO 0312 "Express intent to cooperate militarily", 0314 "...on
# intelligence"; once material (asserted cooperation, not a decision) 062 and 064.
_COOPERATION_INTENT_BY_CONTEXT = {"military": "0312", "intelligence": "0314", "economic": "0311"}


def code(category: str, *, factuality: str, trigger: PloverCode | None = None, domains: Iterable[str] = (),
         action: str | None = None) -> PloverCode:
    """The PLOVER coding of one event: the category's default, the trigger's override, then the rules of
    the manual for intentions, domains and broken relations."""
    base = trigger or CATEGORY_CODES.get(category, CATEGORY_CODES["OTHER"])
    if category == "DIPLOMATIC_RELATIONS" and action in ("broken", "suspended", "reduced"):
        base = DIPLOMATIC_BREAK
    contexts = list(base.context) or list(CATEGORY_CODES.get(category, CATEGORY_CODES["OTHER"]).context)
    for domain in domains:
        context = DOMAIN_CONTEXTS.get(domain)
        if context and context not in contexts:
            contexts.append(context)
    event_type, mode, cameo = base.event_type, base.mode, base.cameo
    if category == "COOPERATION" and event_type == "AGREE" and trigger is None:
        # the most specific context: intelligence, then economic, then military
        cameo = next((_COOPERATION_INTENT_BY_CONTEXT[c] for c in ("intelligence", "economic", "military")
                      if c in contexts), cameo)
    if factuality in ("planned", "hypothetical"):
        if event_type in _COOPERATIVE:
            # 3.1: an intended cooperative act is AGREE; the mode of the act (visit, arms_transfer) stays as
            # the what of the intention.
            cameo = INTENT_CAMEO.get(category, "030")
            if category == "COOPERATION" and base.event_type == "AID":
                cameo = "0332" if "military" in contexts else "033"
            event_type = "AGREE"
        elif event_type == "RETREAT":
            # 3.4.2: "Announcements of future retreats should be coded as CONCEDE"
            event_type, cameo = "CONCEDE", "080"
        elif event_type in _CONFLICTUAL:
            # 2.3: THREATEN is ASSAULT (or any conflictual act) + hypothetical, coded as the single category;
            # CAMEO 13 "Threaten"
            event_type, mode, cameo = "THREATEN", _THREAT_MODE.get(event_type), _THREAT_CAMEO.get(event_type, "130")
    return PloverCode(event_type=event_type, mode=mode, context=tuple(contexts), cameo=cameo)


# Conflictual acts that, announced, are threats (3.11), with the THREATEN mode (Table 3.6) and CAMEO code.
_CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "REJECT"})
_THREAT_MODE: Mapping[str, str] = MappingProxyType({
    "ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict", "PROTEST": "restrict",
    "SANCTION": "relations", "REJECT": "relations",
})
_THREAT_CAMEO: Mapping[str, str] = MappingProxyType({
    "ASSAULT": "138", "MOBILIZE": "138", "COERCE": "1312", "PROTEST": "133", "SANCTION": "1313", "REJECT": "134",
})
