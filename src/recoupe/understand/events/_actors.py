"""Step 3 of the events stage, the actors: the entity mentions a token, a verb's subject, agent or object, a
prepositional phrase, a possessive or a demonym name, with pronoun and relative subjects resolved to the actor
before them, the article's dyad for "les deux pays", and the linear fallbacks for what the parser attached
elsewhere."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from recoupe.kb import KnowledgeBase
from recoupe.records import Mention
from recoupe.understand.events._common import (
    _BETWEEN_CASES,
    _DYAD_WORDS,
    _OBJECT_DEPS,
    _PASSIVE_SUBJECT,
    _PLACE_CASES,
    _PLURAL_PRONOUNS,
    _RELATIVE,
    _SINGULAR_PRONOUNS,
    _SUBJECT_DEPS,
)
from recoupe.understand.events._tokens import _actor_phrase, _case, _Ctx, _phrase, _pos, _Unit, _unit_tokens, _window
from recoupe.understand.events.records import ActorRef

# --------------------------------------------------------------------------------------------------
# 3. arguments: the actors of a token, a verb, a phrase


def _subject_token(verb: Any) -> Any:
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.lower_ not in ("l'", "l’")]
    return subjects[-1] if subjects else None


def _subject_or_object(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ in _SUBJECT_DEPS | _OBJECT_DEPS | {"obj"}]


def _mention_refs(ctx: _Ctx, tokens: Iterable[Any]) -> list[ActorRef]:
    out: list[ActorRef] = []
    seen: set[tuple[int, int]] = set()
    for t in tokens:
        m = ctx.mention_at.get(t.i)
        if m is None or (m.start, m.end) in seen:
            continue
        if m.type not in ("PERSON", "GPE", "ORG") and not (m.type == "LOC" and _capital(ctx, m)):
            continue
        if _is_media(ctx, m):
            continue  # the agency or paper that tells the news is never an actor of it
        seen.add((m.start, m.end))
        ref = ctx.ref(m)
        if ref.country is None and m.type in ("ORG", "PERSON") and not m.kb_id:
            # a body the parser named with its demonym ("British Defence", "Egyptian Army"): that state's
            # ("Kuwait Air Force", "le Conseil fédéral suisse"): the one state its words name
            states = {e.country for w in m.text.split() if w[:1].isalpha() for e, how in ctx.kb.lookup(w)
                      if how in ("demonym", "alias") and e.type == "GPE" and e.id == e.country
                      and not ctx.kb.is_ambiguous(e, w)}
            if len(states) == 1:
                ref = replace(ref, country=states.pop())
        out.append(ref)
    out.sort(key=lambda r: r.start or 0)
    return out


# Words of a media outlet's name ("Kyodo News", "Saudi Press Agency", "Agence Tunis Afrique Presse") for the
# organisations the knowledge base does not list (those it lists carry sector MED).
_MEDIA_NAME = re.compile(r"\b(?:news|agency|agence|press|presse|newspaper|journal|gazette|tv|télévision|"
                         r"television|radio|times|post|herald|tribune)\b", re.IGNORECASE)


def _is_media(ctx: _Ctx, m: Mention) -> bool:
    entry = ctx.kb.get(m.kb_id) if m.kb_id else None
    if m.sector == "MED" or (entry is not None and entry.sector == "MED"):
        return True
    return m.type == "ORG" and entry is None and bool(_MEDIA_NAME.search(m.text))


def _capital(ctx: _Ctx, m: Mention) -> bool:
    """A place that the knowledge base knows as a state or a state's metonym ("Rabat", "Alger", "La France"
    tagged as a place by the parser)."""
    return any(how == "metonym" or (how == "alias" and e.type == "GPE" and e.id == e.country)
               for e, how in ctx.kb.lookup(m.text))


def _actors_of(ctx: _Ctx, tok: Any) -> list[ActorRef]:
    """Actor mentions of the phrase headed by ``tok`` (its conjuncts included), pronouns resolved; a group
    with no state of its own takes the state of the place it is in or from ("opposition groups in
    Zimbabwe", "des militaires venus d'Égypte")."""
    refs = _mention_refs(ctx, _actor_phrase(ctx, tok)) + _prefix_demonyms(ctx, _actor_phrase(ctx, tok))
    if refs:
        return _dedup(refs)
    pronoun = _resolve_pronoun(ctx, tok)
    if pronoun or tok.pos_ in ("PRON", "PROPN"):
        return pronoun
    for c in tok.children:
        place = c.lower_ if c.dep_ == "prep" else _case(c)
        if place in ("in", "from", "inside", "throughout", "en", "au", "aux", "dans"):
            targets = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
            for target in targets:
                found = [r for r in _mention_refs(ctx, _actor_phrase(ctx, target)) if r.type in ("GPE", "LOC")]
                if found:
                    return found[:1]
    return []


def _prefix_demonyms(ctx: _Ctx, tokens: Iterable[Any]) -> list[ActorRef]:
    """States named by the first part of a compound demonym ("maroco-israélienne", "israélo-marocain")."""
    out: list[ActorRef] = []
    for t in tokens:
        low = t.lower_
        head = low.split("-", 1)[0] if "-" in low else low
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if head in ctx.lex.demonym_prefixes and ("-" in low or (nxt is not None and nxt.text in "-‑")):
            state = ctx.lex.demonym_prefixes[head]
            entry = ctx.kb.get(state)
            start = t.idx
            out.append(ActorRef(article=ctx.article_id, start=start, end=start + len(head), text=t.text[:len(head)],
                                type="GPE", kb_id=state, country=entry.country if entry else state))
    return out


def _resolve_pronoun(ctx: _Ctx, tok: Any) -> list[ActorRef]:
    lower = tok.lower_
    if tok.pos_ != "PRON" and not (tok.pos_ == "DET" and "Poss" in tok.morph.get("Poss")):
        words = [t.lower_ for t in _phrase_sorted(tok)]
        if any(w in ("leur", "leurs", "their") for w in words):
            # "a head of their army", "renforcer leur coopération": the subject before it, else the dyad
            earlier = _earlier_subject(ctx, tok)
            if earlier:
                return earlier
            return list(ctx.dyad_refs.values()) if len(ctx.dyad) == 2 else []
        if ctx.dyad and _DYAD_WORDS.search(" ".join(words)):
            return list(ctx.dyad_refs.values()) if len(ctx.dyad) == 2 else []
        return []
    if lower in _RELATIVE or lower == "on":
        if tok.head.dep_ in ("acl:relcl", "relcl"):
            refs = _mention_refs(ctx, _actor_phrase(ctx, tok.head.head))
            if refs:
                return refs
        # "à Alger, qui avait déjà rompu", "Du côté algérien, où l'on a rompu": the actor just before
        doc = tok.doc
        start = tok.i - 1 if lower != "on" else tok.i - 2
        for i in range(start, max(-1, start - 4), -1):
            t = doc[i]
            if t.pos_ == "PUNCT" or t.lower_ in ("où", "l'", "l’"):
                continue
            m = ctx.mention_at.get(t.i)
            if m is not None and (m.type in ("PERSON", "GPE", "ORG") or (m.type == "LOC" and _capital(ctx, m))):
                return [ctx.ref(m)]
            break
        return []
    earlier = _earlier_subject(ctx, tok)
    if lower in _PLURAL_PRONOUNS:
        if earlier:
            return earlier
        if len(ctx.last_subject) >= 2 or not ctx.last_subject:
            return list(ctx.last_subject) or (list(ctx.dyad_refs.values()) if len(ctx.dyad) == 2 else [])
        return list(ctx.last_subject)
    if lower in ("he", "she", "him", "her", "his"):
        if earlier and earlier[0].type == "PERSON":
            return earlier[:1]
        if ctx.last_person is not None:
            return [ctx.last_person]
        return list(ctx.last_subject[:1])
    if lower in _SINGULAR_PRONOUNS:
        if earlier:
            return earlier[:1]
        if ctx.last_subject:
            return list(ctx.last_subject[:1])
        return [ctx.last_person] if ctx.last_person is not None else []
    return []


def _earlier_subject(ctx: _Ctx, tok: Any) -> list[ActorRef]:
    """The actors of the last subject before ``tok`` in its own sentence ("des officiers tunisiens sont
    arrivés à Alger, où ils ont assisté")."""
    unit = ctx.unit_of_token.get(tok.i)
    if unit is None:
        return []
    best: list[ActorRef] = []
    for t in tok.doc[max(0, tok.i - 60): tok.i]:
        if t.idx < unit.start or t.dep_ not in _SUBJECT_DEPS or t.pos_ == "PRON":
            continue
        refs = _mention_refs(ctx, _actor_phrase(ctx, t)) + _prefix_demonyms(ctx, _actor_phrase(ctx, t))
        if refs:
            best = _states_first(refs, ctx.kb)
    if not best:
        best = _linear_subject(ctx, tok)
    return best


def _phrase_sorted(tok: Any) -> list[Any]:
    return sorted(_phrase(tok), key=lambda t: t.i)


def _coordinated_head(ctx: _Ctx, verb: Any) -> list[ActorRef]:
    """"L'Égypte et la Jordanie ont signé": the parser makes the first state the root and the verb its
    conjunct; the root is part of the subject."""
    head = verb.head
    if verb.dep_ == "conj" and head.i < verb.i and head.pos_ in ("PROPN", "NOUN"):
        m = ctx.mention_at.get(head.i)
        if m is not None and m.type in ("GPE", "ORG", "PERSON"):
            return [ctx.ref(m)]
    return []


def _subject_actors(ctx: _Ctx, verb: Any) -> list[ActorRef]:
    """The subject of a verb, following control ("ont convenu de renforcer"), relative pronouns, participles
    ("drones fabriqués par IAI": the noun) and coordination."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is not None and to.i > 1 and _subject_token(verb) is None:
        # "cleared the way for Oslo and Helsinki to ship howitzers": "for X to V", X does V
        before = verb.doc[to.i - 1]
        while before.dep_ == "conj" and before.head.i != before.i:
            before = before.head
        if before.dep_ == "pobj" and before.head.lower_ == "for":
            refs = _actors_of(ctx, before)
            if refs:
                return refs
    t = verb
    for _ in range(4):
        subj = _subject_token(t)
        if subj is not None:
            if subj.dep_ in _PASSIVE_SUBJECT and t is verb:
                pass
            refs = _actors_of(ctx, subj)
            if refs:
                return _dedup(_conjunct_before(ctx, subj) + refs + _coordinated_head(ctx, t))
            if subj.lower_ in _RELATIVE and t.dep_ in ("acl:relcl", "relcl"):
                return _mention_refs(ctx, _phrase(t.head))
            dyad = _dyad_refs_for(ctx, subj)
            if not dyad and ctx.in_class(subj, "person") and any(
                    c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in subj.children):
                # a title standing for the person named before it ("Le ministre de la Défense a, lui, qualifié")
                earlier = [r for r in _earlier_subject(ctx, subj) if r.type == "PERSON"]
                return earlier or ([ctx.last_person] if ctx.last_person is not None else [])
            return dyad
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
            t = t.head
            continue
        if t.dep_ in ("acl", "amod", "relcl") and t.head.pos_ in ("NOUN", "PROPN"):
            refs = _actors_of(ctx, t.head)
            if refs or t.head.dep_ not in ("obj", "dobj", "pobj", "obl", "obl:arg"):
                return refs
            # "the two sides looked at ways to deepen cooperation": the subject of "looked"
            t = t.head.head.head if t.head.head.pos_ == "ADP" else t.head.head
            continue
        break
    if _finite(verb):
        return _linear_subject(ctx, verb)
    return []


def _finite(verb: Any) -> bool:
    return "Fin" in verb.morph.get("VerbForm") or any(
        c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass") for c in verb.children)


def _linear_subject(ctx: _Ctx, verb: Any) -> list[ActorRef]:
    """The subject the parser lost behind an apposition or a relative clause ("Benny Gantz, à la tête de la
    Défense israélienne, a paraphé"; "Le général Aviv Kochavi, qui dirige l'état-major de Tsahal, est
    arrivé"): the first actor named in the sentence before the verb, outside a prepositional phrase."""
    unit = ctx.unit_of_token.get(verb.i)
    if unit is None:
        return []
    doc = verb.doc
    for t in doc[max(0, verb.i - 40): verb.i]:
        if t.idx < unit.start:
            continue
        m = ctx.mention_at.get(t.i)
        if m is None or m.type not in ("PERSON", "GPE", "ORG"):
            continue
        before = doc[t.i - 1] if t.i > 0 else None
        if before is not None and before.idx >= unit.start and (before.pos_ == "ADP" or before.dep_ == "case"):
            return []
        return [ctx.ref(m), *_conjunct_after(ctx, m, verb)]
    return []


def _state_mention_at(ctx: _Ctx, tok: Any) -> Mention | None:
    m = ctx.mention_at.get(tok.i)
    return m if m is not None and m.type in ("GPE", "ORG", "PERSON") else None


def _conjunct_after(ctx: _Ctx, m: Mention, verb: Any) -> list[ActorRef]:
    """"Le Royaume-Uni et le Japon ont signé" with the name cut by the parser: the actor joined to the first
    by "et"/"and" before the verb."""
    doc = verb.doc
    k = next((t.i for t in doc[:verb.i] if t.idx >= m.end), verb.i)
    if k < verb.i and doc[k].lower_ in ("et", "and"):
        k += 1
        while k < verb.i and doc[k].pos_ == "DET":
            k += 1
        other = _state_mention_at(ctx, doc[k]) if k < verb.i else None
        if other is not None and other is not m:
            return [ctx.ref(other)]
    return []


def _conjunct_before(ctx: _Ctx, subj: Any) -> list[ActorRef]:
    """"Le Royaume-Uni et l'Italie ont signé" with "et" hung on the verb: the actor before "et" is a subject too."""
    k = min(t.i for t in subj.subtree) - 1
    if k < 1 or subj.doc[k].lower_ not in ("et", "and") or subj.doc[k].head.i == subj.i or any(
            c.dep_ == "cc" for c in subj.children):
        return []
    m = next((x for x in (ctx.mention_at.get(subj.doc[k - 1].i),) if x is not None), None)
    unit = ctx.unit_of_token.get(subj.i)
    if m is None or m.type not in ("GPE", "ORG") or unit is None or m.start < unit.start:
        return []
    return [ctx.ref(m)]


def _dyad_refs_for(ctx: _Ctx, tok: Any) -> list[ActorRef]:
    text = " ".join(t.text for t in _phrase_sorted(tok))
    if len(ctx.dyad) == 2 and _DYAD_WORDS.search(text):
        return list(ctx.dyad_refs.values())
    return []


def _passive(verb: Any) -> bool:
    """Passive voice, or a past participle modifying a noun ("un mémorandum signé par Benny Gantz")."""
    if any(c.dep_ in _PASSIVE_SUBJECT or c.dep_ in ("aux:pass", "auxpass") for c in verb.children) or \
            "Pass" in verb.morph.get("Voice"):
        return True
    participle = "Part" in verb.morph.get("VerbForm") and verb.tag_ != "VBG" and not any(
        c.dep_ in ("aux", "aux:tense") for c in verb.children)
    return participle and (verb.dep_ in ("acl", "amod") or any(c.dep_ in ("obl:agent", "agent")
                                                                for c in verb.children))


def _agent_actors(ctx: _Ctx, verb: Any) -> list[ActorRef]:
    """The agent of a passive verb or participle ("par X", "by X"); when the parse attached it elsewhere
    ("signé en mai à Tunis par le ministre"), the actors after the next "par"/"by" of the clause."""
    out: list[ActorRef] = []
    for c in verb.children:
        if c.dep_ in ("obl:agent",) or (c.dep_ in ("obl", "obl:arg", "obl:mod") and _case(c) == "par"):
            out.extend(_actors_of(ctx, c))
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    out.extend(_actors_of(ctx, g))
    if out:
        return out
    for t in _window(ctx, verb, 10):
        if (t.pos_ == "PUNCT" and t.text in ".;:!?") or (_pos(t) == "VERB" and "Fin" in t.morph.get("VerbForm")):
            break
        if _pos(verb) == "NOUN" and t.pos_ == "VERB":
            break  # "a deal for frigates built by Fincantieri": the agent of the participle, not of the noun
        if t.lower_ in ("par", "by") and t.pos_ == "ADP":
            after = [u for u in _window(ctx, t, 18)]
            stops = ".;:(!?," if _pos(verb) == "NOUN" else ".;:(!?"  # "l'acquisition par la Grèce de X, qui..."
            stop = next((k for k, u in enumerate(after) if (u.pos_ == "PUNCT" and u.text in stops) or (
                _pos(verb) == "NOUN" and (u.pos_ == "VERB" or u.lower_ in _RELATIVE))), len(after))
            refs = _mention_refs(ctx, after[:stop])
            return refs[:3]
    return out


def _pp_actors(ctx: _Ctx, tok: Any, cases: frozenset[str], *, places_only: bool = False) -> list[ActorRef]:
    """Actors in the prepositional phrases of ``tok`` introduced by one of ``cases``."""
    out: list[ActorRef] = []
    for c in tok.children:
        targets: list[Any] = []
        if c.dep_ == "prep" and c.lower_ in cases:
            targets = [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod", "advmod", "iobj") and _case(c) in cases:
            targets = [c]
        elif c.dep_ == "advmod" and c.lower_ in cases:
            targets = [g for g in c.children if g.dep_ in ("obl:arg", "nmod", "obl")]
        elif c.dep_ in ("amod", "acl") and c.lower_ in ("worth", "valued"):
            out.extend(_pp_actors(ctx, c, cases, places_only=places_only))  # "a contract worth $1m with Turkey"
        for target in targets:
            refs = _actors_of(ctx, target)
            if places_only:
                refs = [r for r in refs if r.type in ("GPE", "LOC") and not _is_demonym(ctx, r)]
            out.extend(refs)
            if not refs and not places_only:
                out.extend(_dyad_refs_for(ctx, target))
    return out


def _between_in_phrase(ctx: _Ctx, tok: Any) -> list[ActorRef]:
    """Parties named by "entre X et Y" / "between X and Y" anywhere in a noun's phrase ("l'accord de
    normalisation entre A et B")."""
    out: list[ActorRef] = []
    for t in _phrase(tok):
        if t.i == tok.i:
            continue
        if (t.dep_ == "prep" and t.lower_ in _BETWEEN_CASES):
            for g in t.children:
                if g.dep_ == "pobj":
                    out.extend(_actors_of(ctx, g))
        elif _case(t) in _BETWEEN_CASES and t.dep_ != "prep":
            out.extend(_actors_of(ctx, t))
    return _dedup(out)


def _within(r: ActorRef, tok: Any) -> bool:
    """Whether a mention lies inside a token's phrase (the agreement noun is not its own signer)."""
    toks = list(_phrase(tok))
    lo, hi = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
    return r.start is not None and lo <= r.start < hi and not any(
        t.dep_ in ("case", "prep") and t.lower_ in _BETWEEN_CASES for t in toks)


def _locative_in_phrase(ctx: _Ctx, tok: Any) -> list[ActorRef]:
    """Places in the locative phrases anywhere in a noun's phrase ("a memorandum of understanding in
    Rabat")."""
    out: list[ActorRef] = []
    for t in _phrase(tok):
        out.extend(_locative_place(ctx, t))
    return _dedup(out)


def _places_in_mention(ctx: _Ctx, tok: Any) -> list[ActorRef]:
    """Places named inside a longer mention after a locative preposition: "bureau de liaison israélien à
    Rabat" (one ORG mention) is in Rabat."""
    m = ctx.mention_at.get(tok.i)
    if m is None:
        return []
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    out: list[ActorRef] = []
    for t in span if span is not None else []:
        if t.i > 0 and t.doc[t.i - 1].lower_ in _PLACE_CASES and t.text[:1].isupper():
            for entry, how in ctx.kb.lookup(t.text):
                if entry.country and how in ("alias", "metonym"):
                    out.append(ActorRef(article=ctx.article_id, start=t.idx, end=t.idx + len(t), text=t.text,
                                        type="LOC", kb_id=None, country=entry.country))
                    break
    return out


def _is_demonym(ctx: _Ctx, r: ActorRef) -> bool:
    return any(m.start == r.start and m.how == "demonym" for m in ctx.mentions if m.start == r.start)


def _object_actors(ctx: _Ctx, verb: Any) -> list[ActorRef]:
    out: list[ActorRef] = []
    for c in verb.children:
        if c.dep_ in ("obj", "dobj", "iobj", "dative"):
            out.extend(_actors_of(ctx, c))
    return out


def _demonym_actors(ctx: _Ctx, noun: Any) -> list[ActorRef]:
    """States named by adjectives or compounds on a noun: "observateurs israéliens", "coopération
    maroco-israélienne", "Israeli officers", "Moroccan mediation", "US-Moroccan exercise"."""
    out: list[ActorRef] = []
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod:poss", "poss", "flat") or (c.dep_ == "nmod" and _case(c) is None):
            toks = list(_actor_phrase(ctx, c))
            for t in toks:
                m = ctx.mention_at.get(t.i)
                if m is not None and m.type == "GPE":
                    out.append(ctx.ref(m))
            out.extend(_prefix_demonyms(ctx, toks))
    # the French model sometimes leaves a hyphenated demonym ("maroco-israélienne") unattached
    following = [noun.doc[i] for i in range(noun.i + 1, min(len(noun.doc), noun.i + 4))]
    for t in following:
        m = ctx.mention_at.get(t.i)
        if m is not None and m.type == "GPE" and m.how == "demonym" and t.pos_ in ("ADJ", "NOUN", "PROPN"):
            out.append(ctx.ref(m))
        if t.pos_ in ("ADP", "VERB", "PUNCT") and t.text not in "-‑":
            break
    out.extend(_prefix_demonyms(ctx, following[:2]))
    return _dedup(out)


def _possessor(ctx: _Ctx, noun: Any, clause_subject: list[ActorRef], *, person: bool = False) -> list[ActorRef]:
    """"sa visite", "leur coopération", "his visit", "Kohavi's visit". ``person``: a singular possessive with
    no subject in the clause is the last person named (visits, trips)."""
    for c in noun.children:
        if c.dep_ in ("det", "poss", "nmod:poss") and ("Yes" in c.morph.get("Poss") or c.dep_ == "poss"):
            refs = _mention_refs(ctx, c.subtree)
            if refs:
                return refs
            if c.lower_ in ("leur", "leurs", "their"):
                if clause_subject:
                    return clause_subject
                return list(ctx.dyad_refs.values()) if len(ctx.dyad) == 2 else []
            unit = ctx.unit_of_token.get(noun.i)
            before = [ctx.mention_at.get(t.i) for t in noun.doc[max(0, noun.i - 40): noun.i]
                      if unit is not None and t.idx >= unit.start]
            people = [m for m in before if m is not None and m.type == "PERSON"]
            if people:  # "reproché à Rabat d'avoir laissé [...] Yaïr Lapid [...] lors de sa visite"
                return [ctx.ref(people[-1])]
            if clause_subject:
                return clause_subject[:1]
            if person and ctx.last_person is not None:
                return [ctx.last_person]
            return []
    return []


def _following_agents(ctx: _Ctx, noun: Any) -> tuple[list[ActorRef], list[ActorRef]]:
    """Persons and states named right after a noun whose parse was cut ("La venue du chef de l'état" |
    "-major, X, effectuée en mars"): (agents, places after a locative
    preposition), up to the next finite verb."""
    agents: list[ActorRef] = []
    places: list[ActorRef] = []
    unit = ctx.unit_of_token.get(noun.i)
    end = unit.end if unit else len(ctx.annotated.article.text)
    doc = noun.doc
    i = noun.i + 1
    while i < min(len(doc), noun.i + 16) and doc[i].idx < end:
        t = doc[i]
        if _pos(t) == "VERB" and "Fin" in t.morph.get("VerbForm"):
            break
        m = ctx.mention_at.get(t.i)
        if m is not None and m.type in ("PERSON", "GPE", "ORG"):
            before = {doc[j].lower_ for j in range(max(0, i - 2), i)}
            if before & _PLACE_CASES and m.type == "GPE" and m.how != "demonym":
                places.append(ctx.ref(m))
            else:
                agents.append(ctx.ref(m))
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            i = span[-1].i + 1 if span is not None else i + 1
            continue
        i += 1
    return _dedup(agents), _dedup(places)


def _first(*groups: Sequence[ActorRef]) -> ActorRef | None:
    for group in groups:
        if group:
            return group[0]
    return None


def _dedup(refs: Iterable[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    seen: set[tuple[str, int | None]] = set()
    for r in refs:
        k = (r.key, r.start)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _states_first(refs: Sequence[ActorRef], kb: KnowledgeBase) -> list[ActorRef]:
    """The actors of one side: the states named, else the organisations and persons (whose country stands
    for their state). Places that are not states (cities) stand for their state too ("Rabat")."""
    refs = _dedup(refs)
    by_country: dict[str, ActorRef] = {}
    for r in refs:
        if not r.country:
            continue
        kept = by_country.get(r.country)
        if kept is None or (kept.type != "GPE" and r.type == "GPE"):
            by_country[r.country] = r
    return list(by_country.values()) or [r for r in refs if r.type in ("ORG", "PERSON")][:2]


def _locative_place(ctx: _Ctx, tok: Any) -> list[ActorRef]:
    """Places in the locative phrases of a token (à Rabat, au Maroc, in Rabat)."""
    out: list[ActorRef] = []
    for c in tok.children:
        case = _case(c) if c.dep_ != "prep" else c.lower_
        if case not in _PLACE_CASES:
            continue
        targets = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
        for target in targets:
            for t in _phrase(target):
                m = ctx.mention_at.get(t.i)
                if m is not None and m.type in ("GPE", "LOC") and m.how != "demonym":
                    out.append(ctx.ref(m))
                    break
    return out


def _remember_subjects(ctx: _Ctx, unit: _Unit) -> None:
    """The actors of the main subject of the sentence (its root's subject, else its first subject with
    actors) and the last person in subject position, for pronouns in later sentences."""
    main: list[ActorRef] = []
    for tok in _unit_tokens(ctx, unit):
        if tok.dep_ in _SUBJECT_DEPS and tok.pos_ != "PRON":
            refs = _mention_refs(ctx, _actor_phrase(ctx, tok))
            if refs:
                if not main or tok.head.dep_ in ("ROOT", "root"):
                    main = _states_first(refs, ctx.kb)
                persons = [r for r in refs if r.type == "PERSON"]
                if persons:
                    ctx.last_person = persons[0]
    if main:
        ctx.last_subject = main
