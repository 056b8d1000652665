"""Step 6 of the events stage, an event's attributes: domains of cooperation, the name of an agreement, meeting
or exercise, and the arms attributes (designation, number, value, status) of a transfer."""

from __future__ import annotations

import re
from typing import Any

from recoupe.understand.events._common import (
    MAX_NAME_CHARS,
    Factuality,
)
from recoupe.understand.events._tokens import _Ctx, _phrase, _Trigger
from recoupe.understand.events._weapon_checks import _proper_name_of
from recoupe.understand.events.arms import count_before, parse_value, part_of_total

# --------------------------------------------------------------------------------------------------
# 6. attributes


def _domains(ctx: _Ctx, trig: _Trigger) -> list[str]:
    root = trig.anchor if trig.anchor is not None else trig.tok
    text = ""
    for r in [root, *trig.extra_roots]:
        toks = sorted(r.subtree, key=lambda t: t.i)
        if toks:
            text += " " + ctx.annotated.article.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)].lower()
    if not text:
        return []
    found: list[str] = []
    for m in ctx.lex.domains.finditer(text):  # longest phrases first at each position
        key = ctx.lex.domain_keys[m.group(0)]
        if key not in found:
            found.append(key)
    if len(found) > 1:
        found = [k for k in found if k not in ("military", "security")] or found
    return found


def _name_of(ctx: _Ctx, tok: Any) -> str | None:
    toks = sorted((t for t in _phrase(tok) if t.dep_ not in ("det", "case") or t.head.i != tok.i), key=lambda t: t.i)
    if not toks:
        return None
    full = ctx.annotated.article.text
    end = toks[-1].idx + len(toks[-1].text)
    more = re.match(r"-[\w’']+(?: d[’'][\w]+)?", full[end:end + 40])  # "accord" | "-cadre" cut by the parser
    if more:
        end += more.end()
    text = full[toks[0].idx: end].strip(" ,;:«»\"")
    return text[:MAX_NAME_CHARS] if text else None


def _equipment_at(ctx: _Ctx, weapon: Any) -> Any:
    """The weapon system a weapon token names: its own mention, else one in its compound or appositive ("42
    Rafale jets", "the jets, Rafale F4s")."""
    m = ctx.mention_at.get(weapon.i)
    if m is not None and m.type == "EQUIPMENT":
        return m
    for c in weapon.children:
        if c.dep_ in ("compound", "amod", "appos", "flat:name", "nmod", "nummod") and c.i < weapon.i + 3:
            mc = ctx.mention_at.get(c.i)
            if mc is not None and mc.type == "EQUIPMENT":
                return mc
    return m


def _arms_attributes(ctx: _Ctx, trig: _Trigger, weapon: Any, factuality: Factuality) -> dict[str, Any]:
    m = _equipment_at(ctx, weapon)
    attrs: dict[str, Any] = {}
    if m is not None and m.type == "EQUIPMENT":
        attrs["designation"] = m.text
        if m.text.endswith("s") and any(e.type == "EQUIPMENT" for e, _h in ctx.kb.lookup(m.text[:-1])):
            attrs["designation"] = m.text[:-1]  # "F-16s", "Eurofighter Typhoons": the system's name
        attrs["equipment"] = m.kb_id
        noun = weapon.head if weapon.dep_ in ("appos", "flat:name", "compound", "nmod") else weapon
        if noun.i != weapon.i and ctx.in_class(noun, "weapon"):
            attrs["description"] = noun.text
    else:
        name = _proper_name_of(ctx, weapon)  # ev2's hook: a system the knowledge base lacks
        attrs["designation"] = name or weapon.text
        if name:
            attrs["description"] = weapon.text
        attrs["equipment"] = None
    counted = _counted_nouns(ctx, weapon)
    # a number inside the system's name is its model, not a count ("Leopard 2", "Su-35", "K9"); the count
    # stands before the name's first word ("quatorze chars Leopard 2")
    inside = range(m.start, m.end) if m is not None and m.type == "EQUIPMENT" else range(0)
    if inside:
        span = weapon.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) and span[0].i != weapon.i:
            counted.extend(c for c in _counted_nouns(ctx, span[0]) if c not in counted)
    for cand in counted:
        n = count_before(cand, skip=inside)
        if n is not None:
            attrs["number"] = n
            part = next((p for c in counted if (p := part_of_total(c)) is not None), None)
            if part is not None:  # "the first two of 28 Eurofighter Typhoons": two now, 28 in all
                attrs["number"], attrs["number_total"] = part, n
            break
    root = trig.anchor if trig.anchor is not None else trig.tok
    toks = sorted(root.subtree, key=lambda t: t.i)
    unit = trig.unit
    if toks and unit is not None:
        text = ctx.annotated.article.text[max(unit.start, toks[0].idx): min(unit.end, toks[-1].idx + len(toks[-1]))]
        value = parse_value(text)
        if value is not None:
            attrs["value"] = value
    lemma = trig.tok.lemma_.lower()
    approved = (trig.anchor is not None and trig.anchor.lemma_.lower() in _APPROVED) or any(
        c.lower_ in _POSSIBLE for c in trig.tok.children)
    if factuality == "reported":
        status = "reported"
    elif factuality in ("planned", "hypothetical"):
        status = "planned"
    elif trig.signed is not None and factuality == "asserted":
        status = "ordered"  # "signed an agreement to procure 28 jets", "signed a contract for 54 howitzers"
    elif lemma in _SELECTED or approved:
        # a system chosen or pledged, a sale approved (a "possible sale" cleared by the seller's government) is
        # not yet bought nor delivered
        status = "planned"
    elif lemma in ("commander", "order", "commande", "contrat", "contract", "acheter", "buy", "purchase", "achat",
                   "payer", "pay", "débourser", "vendre", "sell", "sale", "vente", "deal",
                   "acquisition", "procure", "procurer", "procurement", "contrat", "signer", "sign"):
        # the verbs "acquérir"/"acquire" stay delivered (tests/test_events.py: "a acquis le drone Harop en 2021");
        # the noun is the purchase ("l'acquisition de trois frégates": the contract, press dev)
        status = "ordered"
    elif trig.tok.pos_ == "NOUN" and _announced(trig.tok, _unit_tokens(trig)) and \
            not _arrived(_unit_tokens(trig)):
        status = "planned"  # "l'envoi de 14 chars, annoncé mardi", "announced the dispatch of": a promise so far
    else:
        status = "delivered"
    attrs["status"] = status
    return attrs


# Verbs that announce a transfer told as a noun, and verbs that say the weapons came.
_ANNOUNCE = frozenset({"annoncer", "announce", "unveil", "dévoiler"})
_ARRIVE = frozenset({"arriver", "parvenir", "arrive", "reach", "recevoir", "receive", "réceptionner", "land",
                     "atterrir"})


def _unit_tokens(trig: _Trigger) -> list[Any]:
    """The tokens of the trigger's sentence as the article cuts it (the parser's own cut is often shorter)."""
    unit = trig.unit
    if unit is None:
        return list(trig.tok.sent)
    return [t for t in trig.tok.doc if unit.start <= t.idx < unit.end]


def _announced(noun: Any, sentence: list[Any]) -> bool:
    """Whether a transfer noun is the thing announced: "announce" governs it ("announced the dispatch of", "l'envoi
    [...] a été annoncé") or qualifies it, or its participle follows it in the sentence ("l'envoi de 14 chars à
    l'Ukraine, annoncé mardi": the French parser often hangs that participle elsewhere)."""
    for t in sentence:
        if t.lemma_.lower() not in _ANNOUNCE:
            continue
        if t.i == noun.head.i != noun.i or t.head.i == noun.i or (t.i > noun.i and "Part" in t.morph.get("VerbForm")):
            return True
    return False


def _arrived(sentence: list[Any]) -> bool:
    return any(t.lemma_.lower() in _ARRIVE for t in sentence)


# Verbs that clear a sale before any contract ("approved the possible sale", "a autorisé la vente") and the
# adjectives of a sale not yet made.
_APPROVED = frozenset({"approve", "authorize", "authorise", "clear", "approuver", "autoriser", "valider", "greenlight"})
_POSSIBLE = frozenset({"possible", "potential", "proposed", "éventuelle", "éventuel", "potentielle",
                       "potentiel"})

_UNIT_WORDS = frozenset({"unit", "units", "unité", "unités", "exemplaire", "exemplaires", "batch", "batches", "lot",
                         "lots", "battery", "batteries", "batterie"})
_TYPE_WORDS = frozenset({"type", "modèle", "model", "version", "classe", "class", "famille", "family"})


def _counted_nouns(ctx: _Ctx, weapon: Any) -> list[Any]:
    """The weapon and the nouns that count it: its head when it names the head ("l'avion F-35A"), and the
    nouns above "de type" ("cinq systèmes [...] de type Patriot", "three ships of the Gowind class")."""
    out = [weapon]
    t = weapon
    typed = False
    for _ in range(6):
        if t.head.i == t.i or (not typed and t.dep_ not in ("appos", "flat:name", "compound", "nmod", "pobj", "prep",
                                                           "amod")):
            break
        t = t.head
        if t.pos_ in ("NOUN", "PROPN"):
            out.append(t)
            typed = typed or t.lower_ in _TYPE_WORDS
            if not typed:
                break
    # "four units of the HIMARS rocket launcher", "six exemplaires du Rafale": the noun that counts them
    head = weapon
    while head.dep_ in ("compound", "nmod", "amod", "flat", "flat:name", "appos") and head.head.i != head.i and \
            head.head.pos_ in ("NOUN", "PROPN") and head.head.lower_ not in _UNIT_WORDS:
        head = head.head
    up = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head.head if head.dep_ == "nmod" \
        else None
    if up is not None and up.lower_ in _UNIT_WORDS and up not in out:
        out.append(up)
    return out


# Arms triggers that choose or promise a system: the transfer is planned ("a choisi le F-35A", "pledged 19
# F-16s"), whatever the tense.
_SELECTED = frozenset({"choisir", "opter", "sélectionner", "retenir", "promettre", "choose", "select", "opt", "pick",
                       "pledge", "promise"})
