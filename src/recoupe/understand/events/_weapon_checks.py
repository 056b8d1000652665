"""Checks on the weapons of a candidate arms trigger (step 2 of the events stage, beside ``_trigger_checks``): the
weapons a contract is for when the parser hung its purpose on the verb, whether a supply noun completes a contract,
the count a coordinated clause takes where it leaves the weapon out, and the proper name a noun carries that the
entity stage left unnamed (a system the knowledge base lacks, an exercise)."""

from __future__ import annotations

from typing import Any

from recoupe.understand.events._common import _OBJECT_DEPS, _PASSIVE_SUBJECT
from recoupe.understand.events._tokens import _case, _Ctx, _phrase, _pos
from recoupe.understand.events.arms import count_word

_CONTRACT_NOUNS = frozenset({"contract", "deal", "contrat"})


# Nouns of supply that tell a deal only as what a contract is for ("un contrat portant sur la fourniture de douze
# Rafale", "a contract for the supply of 12 jets"); elsewhere they list a deal's contents (press dev, fr: "il
# comprend la fourniture [...] de leurs armements") and stay no event of their own.
_SUPPLY_NOUNS = frozenset({"fourniture", "supply"})


def _under_contract(tok: Any) -> bool:
    """Whether a noun completes a contract noun, directly or through the participle or preposition between them."""
    t = tok
    for _ in range(3):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ == "NOUN" and t.lemma_.lower() in _CONTRACT_NOUNS:
            return True
        if t.pos_ not in ("ADP", "VERB") or t.dep_ not in ("acl", "prep", "pobj"):
            return t.pos_ == "ADP" and t.head.lemma_.lower() in _CONTRACT_NOUNS
    return False


def elided_count(tok: Any) -> int | None:
    """The count a coordinated verb takes as its subject or object where the weapon is left out ("and the first
    four were delivered", "et les six premiers ont été livrés"); None when the verb has none."""
    if _pos(tok) != "VERB" or tok.dep_ != "conj":
        return None
    for c in tok.children:
        if c.dep_ not in _OBJECT_DEPS | _PASSIVE_SUBJECT | {"obj", "nsubj"}:
            continue
        if c.pos_ == "NUM":
            return count_word(c.lower_)
        if c.lemma_.lower() in _ORDINAL_HEADS:  # "les six premiers", "the last two"
            n = next((g for g in c.children if g.pos_ == "NUM" and g.dep_ == "nummod"), None)
            if n is not None:
                return count_word(n.lower_)
    return None


_ORDINAL_HEADS = frozenset({"premier", "premiers", "dernier", "derniers", "first", "last"})


def _contract_purpose_weapons(ctx: _Ctx, tok: Any) -> list[Any]:
    """The named weapons a contract is for when the parser hung the purpose on the verb that governs the contract:
    "signed a contract with the American government for 14 F-16 jets", "a signé un contrat avec X pour 14 F-16"
    (the contract is the deal; its "for"/"pour" phrase, however far, is in the same clause)."""
    if tok.lemma_.lower() not in _CONTRACT_NOUNS or tok.dep_ not in _OBJECT_DEPS | {"obj"} or tok.head.i == tok.i:
        return []
    verb = tok.head
    phrases = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
               if g.dep_ == "pobj"]
    phrases += [c for c in verb.children if c.dep_ in ("obl", "obl:mod", "obl:arg") and _case(c) == "pour"]
    out: list[Any] = []
    for p in phrases:
        for t in _phrase(p):
            m = ctx.mention_at.get(t.i)
            if m is not None and m.type == "EQUIPMENT" and not any(ctx.mention_at.get(w.i) is m for w in out):
                out.append(t)
    return out


def _proper_name_of(ctx: _Ctx, noun: Any) -> str | None:
    """The name a noun carries that the entity stage left unnamed: "50 Taurus cruise missiles" (Taurus), "des
    obusiers Atlas", "l'exercice Medusa"; a state, place, body or person qualifying it is no name of it ("Russian
    missiles", "Saab fighters", "l'exercice en Crète")."""
    mods = [c for c in noun.children if c.dep_ in ("compound", "nmod", "appos", "flat", "flat:name")]
    mods += [g for c in mods if c.pos_ == "NOUN" for g in c.children if g.dep_ == "compound"]
    counted = any(c.dep_ == "nummod" for c in noun.children)
    for c in sorted(mods, key=lambda t: t.i):
        if c.pos_ == "PROPN" and c.text[:1].isupper() and not any(k.dep_ == "case" for k in c.children):
            m = ctx.mention_at.get(c.i)
            if m is None or m.type not in ("GPE", "LOC", "ORG", "PERSON", "NORP"):
                return str(c.text)
            if counted and c.dep_ == "compound" and m.type in ("ORG", "PERSON") and m.kb_id is None:
                # "two MEKO frigates", "40 Lynx infantry fighting vehicles": a name the recogniser took for an
                # unknown body or person, between the count and the weapons, names the system
                return str(c.text)
    return None
