"""Step 7 of the events stage (see ``recoupe.understand.events``): one trigger's events built, then merged within the
article."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from recoupe.understand.events import plover
from recoupe.understand.events._actors import _actors_of, _dedup, _states_first, _subject_token
from recoupe.understand.events._amounts import BARE_RUPEES, rupees_of
from recoupe.understand.events._arguments import _Args, _arguments
from recoupe.understand.events._attributes import _arms_attributes, _domains, _equipment_at, _name_of
from recoupe.understand.events._common import _DYAD_WORDS, ADJACENT_CHARS, RECIPROCAL
from recoupe.understand.events._dates import _date_of
from recoupe.understand.events._factuality import _clause_text, _factuality, _told_in_past
from recoupe.understand.events._tokens import _case, _Ctx, _pos, _Trigger, _window
from recoupe.understand.events._weapon_checks import elided_count
from recoupe.understand.events.records import ActorRef, EventDate, EventMention, Evidence
from recoupe.understand.timex.calendar import interval

# --------------------------------------------------------------------------------------------------
# building one trigger's events


def _build(ctx: _Ctx, trig: _Trigger, all_triggers: Sequence[_Trigger]) -> list[EventMention]:
    args = _arguments(ctx, trig)
    category = trig.category
    source = _states_first(args.source, ctx.kb)
    recipient = _states_first(args.recipient, ctx.kb)
    # fill what the text implies
    if category == "VISIT" and not recipient and args.location is not None and args.location.country:
        recipient = [args.location]
    if category == "VISIT" and not recipient and source and len(ctx.dyad) == 2:
        src = {r.country for r in source}
        other = [c for c in ctx.dyad if c not in src]
        if len(other) == 1 and src & set(ctx.dyad):
            recipient = [ctx.dyad_refs[other[0]]]
    if category in ("DIPLOMATIC_RELATIONS", "STATEMENT", "CONFLICT") and source and not recipient:
        recipient = _neighbour(ctx, trig, source)
    if category in ("AGREEMENT", "COOPERATION", "MEETING", "DIPLOMATIC_RELATIONS") and \
            len({r.country for r in source}) == 1 and trig.d.frame != "relations_break":
        loc = args.location
        if loc is not None and loc.country and loc.country not in {r.country for r in source} \
                and category in ("AGREEMENT", "DIPLOMATIC_RELATIONS"):
            source = [*source, loc]
        elif (_DYAD_WORDS.search(_clause_text(trig)) or category == "MEETING") and len(ctx.dyad) == 2 and \
                {r.country for r in source} <= set(ctx.dyad):
            # a meeting has two sides: "des entretiens avec Belkhir El Farouk" in an article on two states
            source = _states_first(source + list(ctx.dyad_refs.values()), ctx.kb)
    reciprocal = (category in RECIPROCAL and trig.d.frame not in ("aid", "aid_noun")) or (
        category == "DIPLOMATIC_RELATIONS" and trig.d.attrs.get("action") in ("normalised", "established"))
    if reciprocal and not source and not recipient:
        # "la signature d'un accord", "différents accords": the states of the sentence, else
        # the article's two states
        unit = trig.unit
        states = _dedup(ctx.ref(m) for m in ctx.mentions if m.type == "GPE" and m.kb_id in ctx.states
                        and unit is not None and unit.start <= m.start < unit.end)
        by_country = _states_first(states, ctx.kb)
        if 2 <= len(by_country) <= 3:
            source = by_country
        elif len(ctx.dyad) == 2 and {r.country for r in by_country} <= set(ctx.dyad) and not trig.host_meeting:
            source = list(ctx.dyad_refs.values())
    if reciprocal:
        source = _states_first(source + recipient, ctx.kb)
        recipient = []
    if category == "VISIT":
        recipient = [r for r in recipient if r.country not in {s.country for s in source}] or recipient
        if {r.country for r in recipient} <= {s.country for s in source}:
            recipient = []
    if category == "ARMS_TRANSFER":
        return _build_arms(ctx, trig, all_triggers, source, recipient, args)
    if not reciprocal and category != "VISIT":
        # a state does not act on itself ("Germany denied that it had...": the pronoun is no recipient)
        recipient = [r for r in recipient if not r.country or r.country not in {s.country for s in source}]
    if not source and not recipient:
        return []
    if category == "VISIT" and not source:
        return []
    if trig.host_meeting and len({r.country for r in source}) < 2 and len(args.source) < 2:
        return []
    if category in ("CONFLICT", "OTHER") and not source and args.location is not None and args.location.country:
        source = [args.location]  # "Thousands of students demonstrated in Jakarta": the state where it happens
    if category in ("STATEMENT", "CONFLICT", "OTHER", "MEDIATION") and not source:
        return []
    if category == "STATEMENT" and trig.tok.dep_ in ("relcl", "acl:relcl") and "Pres" in trig.tok.morph.get(
            "Tense") and not any(c.dep_ in ("aux", "aux:tense") for c in trig.tok.children):
        return []  # "Algeria, which backs the Polisario": a standing position, not an act
    if trig.d.needs == "actor" and not (source or recipient):
        return []
    return [_finish(ctx, trig, all_triggers, source, recipient, args, {})]


def _neighbour(ctx: _Ctx, trig: _Trigger, source: Sequence[ActorRef]) -> list[ActorRef]:
    """"a rompu ses relations avec son voisin", "accusing its neighbour": the neighbour of the source that the
    article names most (``[neighbours]`` of the lexicon)."""
    if not any(t.lemma_.lower() in ("voisin", "neighbour", "neighbor") for t in _window(ctx, trig.tok, 8)):
        return []
    counts = Counter(m.kb_id for m in ctx.mentions if m.type == "GPE" and m.kb_id)
    for r in source:
        near = [c for c in ctx.lex.neighbours.get(r.country or "", ()) if counts.get(c)]
        if near:
            best = max(near, key=lambda c: counts[c])
            first = next(m for m in ctx.mentions if m.kb_id == best)
            return [ctx.ref(first)]
    return []


def _finish(ctx: _Ctx, trig: _Trigger, all_triggers: Sequence[_Trigger], source: list[ActorRef],
            recipient: list[ActorRef], args: _Args, extra: Mapping[str, Any],
            equipment: tuple[ActorRef, ...] = ()) -> EventMention:
    category = trig.category
    basis = trig.signed if trig.signed is not None else trig  # a deal signed: the signing's tense and date
    factuality = _factuality(ctx, basis)
    date, _value = _date_of(ctx, basis, all_triggers, factuality)
    pub = ctx.annotated.article.published.value
    if factuality == "asserted" and date.start and date.date_type != "approximate" and pub and \
            date.start[:len(pub)] > pub[:len(date.start)]:
        if _told_in_past(ctx, basis):
            # "received the first two jets on Tuesday under a deal that will see ...": done, whatever date the
            # deal's schedule gave the clause; a date after the article is not the date of an act it tells as done
            date = EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                             reason=f"{date.start} is after the article's publication ({pub}) for an act told in "
                                    "the past")
        else:
            factuality = "planned"  # dated after the article: still to come
    attributes: dict[str, Any] = dict(trig.d.attrs)
    domains = list(attributes.pop("domains", []))
    for d in _domains(ctx, trig):
        if d not in domains:
            domains.append(d)
    if category in ("AGREEMENT", "COOPERATION", "MEETING", "VISIT", "EXERCISE", "CONFERENCE") and domains:
        attributes["domains"] = domains
    if category == "AGREEMENT" and trig.complement is not None:
        attributes["name"] = _name_of(ctx, trig.complement)
    if category in ("MEETING", "CONFERENCE", "EXERCISE"):
        named = _named_event(ctx, trig)
        if named is not None:
            entry = ctx.kb.get(named.kb_id) if named.kb_id else None
            year = re.search(r"\b(?:19|20)\d{2}\b", named.text)
            attributes["name"] = f"{entry.name} {year.group(0)}" if entry is not None and year else (
                entry.name if entry is not None else named.text)
            attributes["event_entity"] = named.kb_id
            kb_organisers = entry.attrs.get("organisers") if entry is not None else None
            if isinstance(kb_organisers, list) and not args.organisers:
                attributes["organisers"] = sorted(str(o) for o in kb_organisers)
        elif trig.d.pos == "NOUN":
            attributes["name"] = _name_of(ctx, trig.tok)
        if args.organisers:
            attributes["organisers"] = sorted({r.country for r in args.organisers if r.country})
    if category == "DIPLOMATIC_RELATIONS":
        action = str(attributes.get("action", "normalised"))
        if trig.tok.lemma_.lower() in ("rupture", "severance", "suspension", "gel"):
            action = "broken"
        attributes["action"] = action
    if category == "STATEMENT":
        attributes["speech_act"] = trig.tok.lemma_.lower()
    attributes.update(extra)
    code = plover.code(category, factuality=factuality, trigger=trig.d.plover, domains=domains,
                       action=str(attributes.get("action")) if "action" in attributes else None)
    unit = trig.unit
    assert unit is not None
    text = ctx.annotated.article.text
    evidence = Evidence(article=ctx.article_id, start=unit.start, end=unit.end, quote=text[unit.start:unit.end],
                        trigger=trig.tok.text, trigger_start=trig.tok.idx, trigger_end=trig.tok.idx + len(trig.tok))
    location = args.location
    verbless = factuality == "asserted" and _pos(trig.tok) == "NOUN" and (
        trig.anchor is None or _pos(trig.anchor) != "VERB") and not any(
        c.dep_ == "cop" for c in trig.tok.children) and not any(
        t.pos_ in ("VERB", "AUX") for t in trig.tok.doc[max(0, trig.tok.i - 8): trig.tok.i + 17]
        if trig.unit is not None and trig.unit.start <= t.idx < trig.unit.end)
    return EventMention(
        article=ctx.article_id, category=category, evidence=(evidence,), source=tuple(source),
        recipient=tuple(recipient), participants=tuple(args.participants), location=location, equipment=equipment,
        date=date, factuality=factuality, attributes=MappingProxyType(attributes), plover=code, verbless=verbless,
    )


def _named_event(ctx: _Ctx, trig: _Trigger) -> ActorRef | None:
    tok = trig.tok
    m = ctx.mention_at.get(tok.i)
    if m is not None and m.type == "EVENT":
        return ctx.ref(m)
    cands = list(tok.subtree) + [tok.doc[i] for i in range(tok.i + 1, min(len(tok.doc), tok.i + 8))]
    for t in cands:
        m = ctx.mention_at.get(t.i)
        if m is not None and m.type == "EVENT":
            return ctx.ref(m)
    return None


def _build_arms(ctx: _Ctx, trig: _Trigger, all_triggers: Sequence[_Trigger], source: list[ActorRef],
                recipient: list[ActorRef], args: _Args) -> list[EventMention]:
    out: list[EventMention] = []
    weapons = trig.equipment or ((trig.complement,) if trig.complement is not None else ())
    provisional = _factuality(ctx, trig.signed if trig.signed is not None else trig)
    for weapon in weapons:
        m = _equipment_at(ctx, weapon)
        src = [r for r in source if r.country]  # a supplier with no state known ("Leonardo"): as if unnamed
        equipment: tuple[ActorRef, ...] = ()
        if not src:
            src = _supplier_from_governor(ctx, trig.tok, {r.country for r in recipient if r.country})
        if m is not None and m.type == "EQUIPMENT":
            ref = ctx.ref(m)
            equipment = (ref,)
            entry = ctx.kb.get(m.kb_id) if m.kb_id else None
            if not src and entry is not None and entry.country:
                home = _home_state(ctx, entry, {r.country for r in recipient})
                state = ctx.kb.get(home)
                src = [ActorRef(article=ctx.article_id, start=None, end=None,
                                text=state.name if state else home, type="GPE", kb_id=home, country=home)]
        attrs = _arms_attributes(ctx, trig, weapon, provisional)
        elided = elided_count(trig.tok)
        if elided is not None:  # "and the first four were delivered": four of the weapons told before
            attrs = {**attrs, "number": elided}
            attrs.pop("number_total", None)
        # supplier and recipient are states (a company or a person stands for its state; a body without one,
        # "le Conseil fédéral", is no side: the article's other state is), and no state sells to itself
        rcp = [r for r in recipient if r.country]
        if not rcp and src and len(ctx.dyad) == 2:
            # "Après avoir acheté plusieurs systèmes israéliens, le royaume...": the article's other state
            other = [c for c in ctx.dyad if c not in {r.country for r in src}]
            if len(other) == 1 and {r.country for r in src} & set(ctx.dyad):
                rcp = [ctx.dyad_refs[other[0]]]
        src = [r for r in src if r.country and r.country not in {x.country for x in rcp}]
        if not src or not rcp:
            continue
        value = attrs.get("value")
        if value and value.get("currency") == BARE_RUPEES and \
                (code := rupees_of({r.country for r in [*src, *rcp]})) is not None:
            attrs = {**attrs, "value": {**value, "currency": code}}  # "rupees" paid by Pakistan: PKR
        out.append(_finish(ctx, trig, all_triggers, src, rcp, args, attrs, equipment))
    return out



def _home_state(ctx: _Ctx, entry: Any, recipients: set[str | None]) -> str:
    """The state that sells a system whose text names no supplier: its knowledge-base home, or for a
    consortium's system (``origins``) the member state the article names most ("Kuwait's Typhoons" come from
    Italy in an article on Italy and Kuwait, not from Germany, the consortium's seat)."""
    origins = entry.attrs.get("origins")
    if isinstance(origins, list):
        named = Counter(m.kb_id for m in ctx.mentions if m.type == "GPE" and m.kb_id in origins
                        and m.kb_id not in recipients)
        if named:
            return str(named.most_common(1)[0][0])
    return str(entry.country)


_GOVERNED = frozenset({"xcomp", "pcomp", "prep", "pobj", "advcl", "acl", "obl", "obl:arg", "obl:mod", "nmod", "mark"})


def _supplier_from_governor(ctx: _Ctx, tok: Any, recipients: set[str]) -> list[ActorRef]:
    """The states that supply, when the transfer's own clause names none: the partner of the agreement or
    the subject of the verb it depends on ("Qatar concluded a pact with Spain to buy...", "Norway
    and Belgium have pledged to hand over tanks"), not a recipient — before the knowledge base's
    home of the system is guessed (a consortium's system has several)."""
    t = tok
    for _ in range(4):
        if t.dep_ not in _GOVERNED or t.head.i == t.i:
            return []
        t = t.head
        heads = [t, *(c for c in t.children if c.dep_ in ("obj", "dobj"))]
        for h in heads:
            for c in h.children:
                if (c.dep_ == "prep" and c.lower_ == "with") or _case(c) == "avec":
                    states = [r for r in _actors_of(ctx, c) if r.country and r.country not in recipients]
                    if not states and c.dep_ == "prep":
                        states = [r for g in c.children if g.dep_ == "pobj" for r in _actors_of(ctx, g)
                                  if r.country and r.country not in recipients]
                    if states:
                        return states
        subj = _subject_token(t) if _pos(t) == "VERB" else None
        if subj is not None:
            return [r for r in _actors_of(ctx, subj) if r.country and r.country not in recipients]
    return []


# --------------------------------------------------------------------------------------------------
# 7. merging within the article


def _compatible_dates(a: EventDate, b: EventDate) -> bool:
    # a publication date (the news told undated) is compatible with any date the text gives
    if a.start is None or b.start is None or a.by_publication or b.by_publication:
        return True
    ia, ib = interval(a.start), interval(b.start)
    if ia is None or ib is None:
        return a.start[:4] == b.start[:4]
    ea = interval(a.end) if a.end else ia
    eb = interval(b.end) if b.end else ib
    lo_a, hi_a = ia[0], (ea or ia)[1]
    lo_b, hi_b = ib[0], (eb or ib)[1]
    return lo_a <= hi_b and lo_b <= hi_a


def _precision(d: EventDate) -> int:
    order = {"day": 4, "month": 3, "season": 2, "year": 1}
    if not d.start:
        return -1
    if d.by_publication:
        return 0  # below any date the text gives
    return order.get(d.granularity, 0) * 2 + (1 if d.date_type == "exact" else 0)


def _same_actors(a: EventMention, b: EventMention) -> bool:
    if a.category in RECIPROCAL or (a.category == "DIPLOMATIC_RELATIONS"
                                    and a.attributes.get("action") in ("normalised", "established")):
        ca = a.countries("source") | a.countries("recipient")
        cb = b.countries("source") | b.countries("recipient")
        return bool(ca and cb) and (ca <= cb or cb <= ca)
    return a.countries("source") == b.countries("source") and (
        a.countries("recipient") == b.countries("recipient") or not a.countries("recipient")
        or not b.countries("recipient"))


def _person_keys(refs: Iterable[ActorRef]) -> set[str]:
    """Keys a person is known by within one article: its knowledge-base id and its surname ("Kochavi" and
    "Aviv Kochavi" are one person)."""
    out: set[str] = set()
    for p in refs:
        if p.type != "PERSON":
            continue
        if p.kb_id:
            out.add(p.kb_id)
        words = p.text.split()
        if words:
            out.add("surname:" + words[-1].lower())
    return out


def _compatible_people(a: EventMention, b: EventMention) -> bool:
    pa = _person_keys(a.participants)
    pb = _person_keys(b.participants)
    if a.category == "VISIT":
        # several visits between the same two states are common: one without a named visitor joins another
        # only when both are dated alike
        va = _person_keys(a.source) or pa
        vb = _person_keys(b.source) or pb
        if va and vb:
            return bool(va & vb)
        if not va and not vb:
            return True
        if a.date.start is not None and b.date.start is not None:
            return True
        # an unnamed visitor in the next sentence of the same story ("Il s'agit de la première visite d'un
        # ministre de son pays")
        return _adjacent(a, b)
    return not pa or not pb or bool(pa & pb)


def _adjacent(a: EventMention, b: EventMention) -> bool:
    """Whether two event mentions are told in the same or neighbouring sentences (within one sentence gap:
    ADJACENT_CHARS characters between them)."""
    return any(abs(x.start - y.start) <= ADJACENT_CHARS or abs(x.end - y.start) <= 2 or abs(y.end - x.start) <= 2
               for x in a.evidence for y in b.evidence)


def _mergeable(a: EventMention, b: EventMention) -> bool:
    if a.category != b.category or (a.factuality != b.factuality and not (a.verbless or b.verbless)):
        return False
    if a.category == "ARMS_TRANSFER":
        da, db = a.attributes.get("equipment") or a.attributes.get("designation"), \
            b.attributes.get("equipment") or b.attributes.get("designation")
        if da != db:
            return False
        if a.attributes.get("status") != b.attributes.get("status") and not (a.verbless or b.verbless):
            return False  # "ordered 14 in 2019, and the first four were delivered in May": an order, a delivery
    if a.category == "EXERCISE" and a.attributes.get("event_entity") and b.attributes.get("event_entity") and \
            a.attributes.get("event_entity") != b.attributes.get("event_entity"):
        return False
    if a.category == "DIPLOMATIC_RELATIONS" and a.attributes.get("action") != b.attributes.get("action"):
        return False
    return _same_actors(a, b) and _compatible_dates(a.date, b.date) and _compatible_people(a, b)


def _union(a: Sequence[ActorRef], b: Sequence[ActorRef]) -> tuple[ActorRef, ...]:
    out = list(a)
    keys = {r.country or r.key for r in a}
    for r in b:
        if (r.country or r.key) not in keys:
            out.append(r)
            keys.add(r.country or r.key)
    return tuple(out)


def _combine(a: EventMention, b: EventMention) -> EventMention:
    if a.verbless and not b.verbless:
        a, b = replace(b, evidence=a.evidence + b.evidence), replace(a, evidence=())
    date = a.date if _precision(a.date) >= _precision(b.date) else b.date
    attributes = dict(b.attributes)
    attributes.update({k: v for k, v in a.attributes.items() if v not in (None, [], "")})
    for k in ("domains",):
        merged = list(a.attributes.get(k, []))
        merged += [d for d in b.attributes.get(k, []) if d not in merged]
        if merged:
            attributes[k] = merged
    evidence = a.evidence + tuple(e for e in b.evidence if (e.start, e.trigger_start) not in
                                  {(x.start, x.trigger_start) for x in a.evidence})
    return replace(
        a, evidence=evidence, source=_union(a.source, b.source), recipient=_union(a.recipient, b.recipient),
        participants=tuple({p.key: p for p in reversed(list(a.participants) + list(b.participants))}.values())[::-1],
        verbless=a.verbless and b.verbless,
        location=a.location or b.location, equipment=a.equipment or b.equipment, date=date,
        attributes=MappingProxyType(attributes),
        plover=replace(a.plover, context=tuple(dict.fromkeys(a.plover.context + b.plover.context))),
    )


def _merge(events: Sequence[EventMention]) -> list[EventMention]:
    out: list[EventMention] = []
    for e in events:
        for i, kept in enumerate(out):
            if _mergeable(kept, e):
                out[i] = _combine(kept, e)
                break
        else:
            out.append(e)
    return out


