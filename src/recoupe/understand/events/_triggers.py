"""Step 2 of the events stage, the triggers of a sentence: detection of the lexicon's verbs and nouns and of named
gatherings (``_detect``), the items of a list after a colon, the verb that anchors each trigger, and the
absorption of a noun trigger by the verb trigger that governs it (one event per act)."""

from __future__ import annotations

from typing import Any

from recoupe.understand.events._actors import _pp_actors
from recoupe.understand.events._common import (
    _OBJECT_DEPS,
    _OF_CASES,
    Category,
)
from recoupe.understand.events._tokens import _case, _Ctx, _forms, _pos, _Trigger, _Unit, _unit_tokens
from recoupe.understand.events._trigger_checks import (
    _event_entry_category,
    _gathering_category,
    _gathering_top,
    _has_own_agent,
    _has_reflexive,
    _has_words,
    _is_anaphoric,
    _is_press_or_other,
    _near,
    _needs,
    _not_an_event_word,
    _tok_start,
    _worth_objects,
)
from recoupe.understand.events.lexicon import TriggerDef

# --------------------------------------------------------------------------------------------------
# 2. triggers


def _detect(ctx: _Ctx, unit: _Unit) -> list[_Trigger]:
    tokens = _unit_tokens(ctx, unit)
    found: list[_Trigger] = []
    taken: set[int] = set()
    antecedents: list[tuple[Any, TriggerDef, Category]] = []
    for tok in tokens:
        pos = _pos(tok)
        if pos is None:
            if tok.pos_ == "PRON" and tok.lemma_.lower() in ("celui", "celle", "ceux", "celles") and antecedents:
                # "Cette visite suit celle du ministre X et celle de Y": one more event of
                # the kind named just before, with its own agent
                _ante, ante_d, ante_cat = antecedents[-1]
                if _pp_actors(ctx, tok, _OF_CASES):
                    found.append(_Trigger(tok=tok, d=ante_d, category=ante_cat, unit=unit))
            continue
        defs = ctx.lex.lookup(ctx.lang, pos, _forms(tok))
        best: tuple[int, int, TriggerDef, Any, tuple[Any, ...]] | None = None
        for d in defs:
            if d.reflexive and not _has_reflexive(tok):
                continue
            if d.with_words and not _has_words(tok, d.with_words):
                continue
            strength, complement, equipment = _needs(ctx, tok, d, tokens)
            if strength <= 0:
                continue
            rank = (strength, -d.order)
            if best is None or rank > (best[0], best[1]):
                best = (strength, -d.order, d, complement, equipment)
        if best is None:
            continue
        _s, _o, d, complement, equipment = best
        if _not_an_event_word(ctx, tok, d):
            continue
        category = d.category
        if d.frame == "gathering":
            category = _gathering_category(ctx, tok, d)
            if category == "CONFERENCE" and _is_press_or_other(tok):
                continue  # "conférence de presse", "press conference"
        if d.frame.startswith("relations_noun") and tok.dep_ in ("nmod", "compound", "pobj") and (
                ctx.in_class(tok.head, "agreement")
                or (tok.dep_ == "pobj" and ctx.in_class(tok.head.head, "agreement"))):
            continue  # "l'accord de normalisation", "the normalization agreement": the agreement's name
        if pos == "NOUN":
            antecedents.append((tok, d, category))
        if pos == "NOUN" and _is_anaphoric(tok) and not _has_own_agent(ctx, tok):
            continue
        found.append(_Trigger(tok=tok, d=d, category=category, complement=complement, unit=unit,
                              equipment=equipment))
        taken.add(tok.i)
    # named exercises and conferences (entity stage's EVENT mentions) not inside a gathering noun's phrase
    for tok in tokens:
        m = ctx.mention_at.get(tok.i)
        if m is None or m.type != "EVENT" or m.start != _tok_start(ctx, tok, m):
            continue
        if any(_near(t.tok, tok) and t.category in ("EXERCISE", "CONFERENCE") for t in found):
            continue
        named = _event_entry_category(ctx, m)
        if named is None:
            continue
        d = TriggerDef(lang=ctx.lang, pos="NOUN", lemma=m.text.lower(), category=named, frame="gathering")
        found.append(_Trigger(tok=tok, d=d, category=named, unit=unit))
    found.extend(_list_items(ctx, unit, found))
    for trig in found:
        trig.top = _gathering_top(ctx, trig.tok) if trig.d.frame == "gathering" else trig.tok
        trig.anchor = _anchor(ctx, trig.top)
    _absorb(ctx, found)
    # "X was received by Y": the visit, and the meeting of X and Y
    for trig in list(found):
        if trig.d.frame == "host" and not trig.host_meeting:
            found.append(_Trigger(tok=trig.tok, d=trig.d, category="MEETING", complement=trig.complement,
                                  anchor=trig.anchor, unit=trig.unit, top=trig.top, host_meeting=True))
    return found


_CONTRACTS = frozenset({"contract", "deal", "contrat", "agreement", "accord"})
_NEGATIONS = frozenset({"not", "n't", "never", "ne", "n'", "pas", "jamais"})


def _list_items(ctx: _Ctx, unit: _Unit, found: list[_Trigger]) -> list[_Trigger]:
    """"une série de visites israéliennes : Yaïr Lapid [...] en 2021, Benny Gantz en novembre de la même
    année, puis Ayelet Shaked [...] au mois de juin": one event per person listed after the colon of a plural
    event noun, dated by the expression in its item."""
    out: list[_Trigger] = []
    text = ctx.annotated.article.text
    for trig in found:
        tok = trig.tok
        if trig.consumed or _pos(tok) != "NOUN" or "Plur" not in tok.morph.get("Number") or \
                trig.category not in ("VISIT", "MEETING"):
            continue
        colon = text.find(":", tok.idx, unit.end)
        if colon < 0 or colon - tok.idx > 60:
            continue
        people = sorted((m for m in ctx.mentions if m.type == "PERSON" and colon < m.start < unit.end),
                        key=lambda m: m.start)
        if len(people) < 2:
            continue
        trig.consumed = True
        for k, person in enumerate(people):
            end = people[k + 1].start if k + 1 < len(people) else unit.end
            out.append(_Trigger(tok=tok, d=trig.d, category=trig.category, unit=unit, item=(person.start, end),
                                item_actor=person))
    return out


def _anchor(ctx: _Ctx, tok: Any) -> Any:
    """The verb that carries a trigger's tense, mood and subject: the trigger itself for a verb; for a noun,
    the first verb up its chain of heads (or the noun when it is the head of its clause)."""
    if _pos(tok) == "VERB":
        return tok
    t = tok
    for _ in range(6):
        if t.dep_ in ("ROOT", "root") or t.head.i == t.i:
            return t
        head = t.head
        if _pos(head) == "VERB" or head.pos_ in ("VERB", "AUX"):
            return head
        if t.dep_ in ("acl:relcl", "relcl", "appos", "conj", "parataxis"):
            return tok
        t = head
    return tok


def _absorb(ctx: _Ctx, found: list[_Trigger]) -> None:
    """One event per act: a noun trigger governed by a verb trigger of its category ("s'est rendu [...] en
    visite", "se sont rendus [...] en visite") or a cooperation verb under an agreeing verb ("ont convenu de
    renforcer leur coopération") is the same event as its governor."""
    by_tok = {t.tok.i: t for t in found}
    for trig in found:
        if trig.tok.pos_ == "PRON" or trig.tok.dep_ in ("conj", "appos"):
            continue
        head = trig.tok.head
        steps = 0
        while head.i != trig.tok.i and steps < 3:
            other = by_tok.get(head.i)
            if other is not None and other is not trig and other.category == trig.category \
                    and not other.consumed and trig.category not in ("ARMS_TRANSFER",) and trig.d.frame != "agree" \
                    and trig.d.attrs.get("action") == other.d.attrs.get("action"):
                trig.consumed = True
                break
            if head.head.i == head.i:
                break
            head = head.head
            steps += 1
    # a decision to cooperate and the cooperation it decides are one act, coded at the decision
    for trig in found:
        if trig.d.frame != "agree" or trig.category != "COOPERATION" or trig.consumed:
            continue
        for other in found:
            if other is trig or other.category != "COOPERATION" or other.d.frame == "agree":
                continue
            if other.tok.head.i == trig.tok.i or trig.tok.head.i == other.tok.i or (
                    other.tok.i < trig.tok.i and trig.tok.dep_ in ("ROOT", "root") and other.d.frame == "cooperate"):
                if other.d.attrs.get("action") == "ended":
                    trig.consumed = True  # "a décidé de mettre fin à la coopération": the ending, not cooperation
                    break
                other.consumed = True
                trig.extra_roots.append(other.tok)
    # an agreement to do an act of another kind is that act, planned or done: "agreed to restore diplomatic
    # ties", "agreed that <officials> would meet" (the restoration, the meeting)
    kinds = ("DIPLOMATIC_RELATIONS", "AGREEMENT", "VISIT", "MEETING", "ARMS_TRANSFER", "EXERCISE", "MEDIATION")
    for trig in found:
        if trig.d.frame != "agree" or trig.category != "COOPERATION" or trig.consumed or _pos(trig.tok) != "VERB":
            continue
        clauses = [c for c in trig.tok.children if c.dep_ in ("xcomp", "ccomp")]
        inside = {c.i for c in clauses} | {o.i for c in clauses for o in c.children if o.dep_ in _OBJECT_DEPS}
        if any(o is not trig and o.category in kinds and not o.consumed and o.tok.i in inside for o in found):
            trig.consumed = True
    # "signed a contract for 54 howitzers", "a signé un contrat pour l'achat de frégates": the contract is the
    # arms deal (one record, its signing the order), not an agreement besides it
    arms_at = {t.tok.i: t for t in found if t.category == "ARMS_TRANSFER" and not t.consumed}
    for trig in found:
        if trig.category != "AGREEMENT" or trig.consumed or trig.complement is None:
            continue
        comp = trig.complement
        # (not "an agreement to procure X", a clause of its own: the fusion of articles would take the
        # signing's date for the deliveries of the same system, press dev; the agreement and the planned
        # purchase stay two records)
        near = [comp, *(c for c in comp.children if c.dep_ in ("nmod", "prep", "pobj")),
                *(g for c in comp.children if c.dep_ == "prep" for g in c.children),
                *(g for c in comp.children for g in _worth_objects(c)),  # "a contract worth $1m for 12 drones"
                # "un contrat portant sur la fourniture de X", "a contract covering the supply of X"
                *(g for c in comp.children if c.dep_ == "acl" for g in c.children
                  if g.dep_ in ("obl:arg", "obl", "dobj", "obj")),
                # "signed a contract with Italy for the purchase of X", "a signé un contrat pour l'achat de X"
                *(g for c in trig.tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children),
                *(c for c in trig.tok.children if c.dep_ in ("obl", "obl:mod", "obl:arg") and _case(c) == "pour")]
        deals = [arms_at[t.i] for t in near if t.i in arms_at]
        if not deals and ctx.in_class(comp, "agreement") and comp.lemma_.lower() in _CONTRACTS:
            # "sold drones to Poland under a contract signed in May": the sale's contract
            up = [comp.head, comp.head.head, trig.tok.head, trig.tok.head.head]
            deals = [arms_at[t.i] for t in up if t.i in arms_at]
        if deals:
            trig.consumed = True
            for deal in deals:
                deal.signed = trig
    # "received the drones it ordered from Turkey": the order told in a relative clause on the weapon is the
    # background of the delivery, not a record of its own; so is a participle on it ("a réceptionné six Rafale
    # livrés par la France", "howitzers ordered by Australia were delivered"), whose sides the act's record takes
    for trig in found:
        if trig.category == "ARMS_TRANSFER" and not trig.consumed and (trig.tok.dep_ in ("relcl", "acl:relcl") or (
                trig.tok.dep_ == "acl" and "Part" in trig.tok.morph.get("VerbForm"))) and any(
                o is not trig and o.category == "ARMS_TRANSFER" and not o.consumed and trig.tok.head.i in {
                    i for w in o.equipment for i in (w.i, w.head.i)}
                # (not the act told inside the participle: "the tanks that Poland pledged to hand over to Kyiv")
                # (nor under an act denied: "has not yet received the jets ordered from Russia", ordered all the same)
                and (trig.tok.dep_ != "acl" or (o.tok.i not in {t.i for t in trig.tok.subtree} and not any(
                    c.dep_ in ("neg", "advmod") and c.lower_ in _NEGATIONS for c in o.tok.children)))
                for o in found):
            trig.consumed = True
    # "pledged to provide Ukraine with 30 jets", "s'est engagée à fournir": the pledge and the supply it promises
    # are one act, coded at the pledge (planned)
    for trig in found:
        if trig.category == "ARMS_TRANSFER" and not trig.consumed and _pos(trig.tok) == "VERB" and \
                trig.tok.dep_ == "xcomp" and "Inf" in trig.tok.morph.get("VerbForm") and any(
                    o is not trig and o.category == "ARMS_TRANSFER" and not o.consumed and o.tok.i == trig.tok.head.i
                    for o in found):
            trig.consumed = True
    # "Finland, which joined NATO last year, will buy X", "le Maroc, qui entretient des relations tendues avec
    # l'Algérie, a commandé X": an aside on the subject of an act, set off by commas, is its background
    acts = {t.tok.i for t in found if not t.consumed and t.category not in ("STATEMENT", "OTHER")
            and _pos(t.tok) == "VERB"}
    for trig in found:
        tok = trig.tok
        if trig.consumed or _pos(tok) != "VERB" or tok.dep_ not in ("relcl", "acl:relcl") or \
                tok.head.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass") or tok.head.head.i not in acts:
            continue
        first = min(t.i for t in tok.subtree)
        if first > 0 and tok.doc[first - 1].text == ",":
            trig.consumed = True
    # a verb and the event noun it takes as complement are one act: "ont procédé à la signature", "ended
    # mediation efforts" (a sanction, not a mediation), "lodged a protest" (an accusation, not a protest)
    for trig in found:
        if trig.consumed or trig.complement is None or _pos(trig.tok) != "VERB":
            continue
        other = by_tok.get(trig.complement.i)
        if other is not None and other is not trig and (other.category == trig.category or trig.category in (
                "OTHER", "STATEMENT")):
            other.consumed = True
