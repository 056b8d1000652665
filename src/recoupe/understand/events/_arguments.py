"""Step 3 of the events stage, a trigger's arguments (``_arguments`` → ``_Args``): source, recipient,
participants, location and people mapped from the actors around the trigger by its frame, the arms-transfer
frames (acquire, supply, transfer noun) included."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from recoupe.understand.events._actors import (
    _actors_of,
    _agent_actors,
    _between_in_phrase,
    _demonym_actors,
    _first,
    _following_agents,
    _locative_in_phrase,
    _locative_place,
    _mention_refs,
    _object_actors,
    _passive,
    _phrase_sorted,
    _places_in_mention,
    _possessor,
    _pp_actors,
    _subject_actors,
    _subject_token,
    _within,
)
from recoupe.understand.events._common import (
    _AGAINST_CASES,
    _BETWEEN_CASES,
    _DYAD_WORDS,
    _FROM_CASES,
    _OBJECT_DEPS,
    _OF_CASES,
    _PASSIVE_SUBJECT,
    _PLACE_CASES,
    _SUBJECT_DEPS,
    _WITH_CASES,
    WEAPON_WINDOW,
)
from recoupe.understand.events._tokens import _actor_phrase, _case, _Ctx, _forms, _pos, _Trigger, _window
from recoupe.understand.events._trigger_checks import _participation_verb
from recoupe.understand.events.records import ActorRef

# --------------------------------------------------------------------------------------------------
# 3. arguments: a trigger's source, recipient, participants and location


@dataclass(slots=True)
class _Args:
    source: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    participants: list[ActorRef] = field(default_factory=list)
    location: ActorRef | None = None
    organisers: list[ActorRef] = field(default_factory=list)
    supplier_from_kb: bool = False


def _arguments(ctx: _Ctx, trig: _Trigger) -> _Args:
    tok, anchor, frame = trig.tok, trig.anchor, trig.d.frame
    args = _Args()
    verb = anchor if anchor is not None and _pos(anchor) == "VERB" else None
    subject = _subject_actors(ctx, verb) if verb is not None else []
    passive = verb is not None and _passive(verb)
    places = _locative_place(ctx, tok) + (_locative_place(ctx, verb) if verb is not None and verb is not tok else [])
    if trig.item_actor is not None:
        person = ctx.ref(trig.item_actor)
        args.source = [person] if person.country else [person, *_demonym_actors(ctx, tok)]
        args.participants = [person]
        return args
    if trig.host_meeting:
        # "X a été reçu par Y": a meeting when the host is a person (not "reçu par les Forces armées royales")
        other = _agent_actors(ctx, tok) if passive else _object_actors(ctx, tok)
        host = other if passive else subject
        args.source = subject + other if any(r.type == "PERSON" for r in host) else []
        args.location = _first(places)
    elif frame == "go":
        args.source = subject
        dest = _pp_actors(ctx, tok, _PLACE_CASES, places_only=True)
        for c in tok.children:
            if c.dep_ in ("obj", "dobj") and tok.lemma_.lower() in ("visiter", "visit", "tour"):
                dest.extend(_actors_of(ctx, c))
        args.recipient = dest
        args.location = _first(dest or places)
    elif frame == "host":
        if passive:
            args.source, args.recipient = subject, _agent_actors(ctx, tok)
        else:
            args.source, args.recipient = _object_actors(ctx, tok), subject
        args.location = _first(places)
    elif frame in ("visit_noun",):
        if tok.pos_ == "PRON":  # "celui du ministre X et celui de Y"
            others = {u.i for c in tok.subtree if c.i != tok.i and c.pos_ == "PRON" and c.lemma_.lower() in (
                "celui", "celle", "ceux", "celles") for u in c.subtree}
            own = _mention_refs(ctx, (u for u in _actor_phrase(ctx, tok) if u.i not in others))
        else:
            own = _pp_actors(ctx, tok, _OF_CASES) + _possessor(ctx, tok, subject, person=True) + \
                _demonym_actors(ctx, tok) + _compound_actors(ctx, tok)
        if not own and verb is not None and verb.lemma_.lower() in ctx.lex.support["light"] | {"rendre"} and \
                tok.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass"):
            own = subject  # "effectuer une visite", "conclure sa visite" (not "lors de la venue")
        if not own and verb is not None and tok.dep_ in ("obl", "obl:mod", "nmod") and _case(tok) in ("en", "in", "on"):
            own = subject
        if not own and verb is None and anchor is not None and anchor.lemma_.lower() in ("be", "être") and \
                tok.dep_ in ("pobj", "obl", "obl:mod", "nmod") and _case(tok) in ("on", "en"):
            own = _subject_actors(ctx, anchor)  # "the president was on a state visit to China", "est en visite"
        after_places: list[ActorRef] = []
        if not own:
            own, after_places = _following_agents(ctx, tok)
        args.source = own
        args.recipient = _pp_actors(ctx, tok, _PLACE_CASES, places_only=True) or after_places
        supporting = verb is not None and verb is not tok and verb.lemma_.lower() in (
            ctx.lex.support["light"] | ctx.lex.support["occur"] | {"rendre"})
        if not args.recipient and supporting:
            args.recipient = _pp_actors(ctx, verb, _PLACE_CASES, places_only=True)
        own_places = _locative_place(ctx, tok) + (_locative_place(ctx, verb) if supporting else [])
        args.location = _first(args.recipient or own_places)
    elif frame == "meet":
        args.source = subject + _object_actors(ctx, tok) + _pp_actors(ctx, tok, _WITH_CASES | _BETWEEN_CASES)
        hosts: list[ActorRef] = []
        for c in tok.children:
            if c.dep_ in ("obj", "dobj"):
                args.source += _pp_actors(ctx, c, _WITH_CASES | _BETWEEN_CASES)
                hosts += _locative_place(ctx, c)
        # "held talks in Baghdad": the city where the talks are held is no party (its state hosts them)
        args.source = [r for r in args.source if r.start not in {h.start for h in hosts}]
        args.location = _first(places + hosts)
    elif frame == "gathering":
        own = _pp_actors(ctx, tok, _BETWEEN_CASES | _WITH_CASES | _OF_CASES) + _demonym_actors(ctx, tok) + \
            _between_in_phrase(ctx, tok)
        if not own and _DYAD_WORDS.search(_noun_phrase_text(tok)) and len(ctx.dyad) == 2:
            own = list(ctx.dyad_refs.values())
        head_lemma = verb.lemma_.lower() if verb is not None else ""
        participants: list[ActorRef] = []
        joined = _participation_verb(ctx, trig.top if trig.top is not None else tok)
        if joined is not None and joined is not verb:
            participants = _subject_actors(ctx, joined)
        elif verb is not None and verb is not tok:
            if head_lemma in ctx.lex.support["participate"]:
                participants = subject
            elif head_lemma in ctx.lex.support["organise"] or head_lemma in ctx.lex.support["light"]:
                if passive and tok.dep_ in _PASSIVE_SUBJECT:
                    args.organisers = _agent_actors(ctx, verb)
                elif tok.dep_ not in _SUBJECT_DEPS:
                    args.organisers = subject
            elif tok.dep_ in ("obl", "obl:mod", "obl:arg", "nmod", "pobj") and _case(tok) in (
                    "lors", "pendant", "during", "at", "after", "à", "au", "après", "de", "for", "pour"):
                participants = subject
        near = list(tok.subtree) + _window(ctx, tok, 8)
        # "organisé(e)s conjointement par le Maroc et les États-Unis", "organisée en Israël"
        for c in dict.fromkeys(near):
            if c.i != tok.i and _pos(c) == "VERB" and "Fin" not in c.morph.get("VerbForm") and \
                    c.lemma_.lower() in ctx.lex.support["organise"] | {"organiser", "organize", "co-organiser"}:
                args.organisers.extend(_agent_actors(ctx, c))
                places.extend(_locative_place(ctx, c))
        if trig.category == "EXERCISE":
            args.source = participants or own or args.organisers
            if participants and not args.organisers:
                args.organisers = [r for r in own if r.key not in {p.key for p in participants}]
            args.recipient = [r for r in args.organisers if r.country not in {p.country for p in args.source}]
        else:
            args.source = own + participants + args.organisers
        args.location = _first(places)
    elif frame == "join":
        if _pos(tok) == "VERB":
            args.source = subject
        else:
            own = [r for r in _pp_actors(ctx, tok, _OF_CASES) + _possessor(ctx, tok, subject)
                   + _demonym_actors(ctx, tok) if r.country]
            args.source = own or subject
        args.location = _first(places)
    elif frame in ("sign", "agree", "cooperate"):
        comp = trig.complement
        args.source = subject + _pp_actors(ctx, tok, _WITH_CASES | _BETWEEN_CASES)
        if frame == "agree":
            # "promised to continue military aid to Mozambique": the beneficiary of what is promised
            for c in tok.children:
                if c.dep_ in ("xcomp", "ccomp", "dobj", "obj"):
                    for t in c.subtree:
                        if (t.dep_ == "prep" and t.lower_ in ("to", "for")) or _case(t) in ("à", "au", "aux"):
                            targets = [g for g in t.children if g.dep_ == "pobj"] if t.dep_ == "prep" else [t]
                            for g in targets:
                                args.recipient += [r for r in _actors_of(ctx, g) if r.type == "GPE"]
        if comp is not None:
            places = places + _locative_in_phrase(ctx, comp)
        if passive and frame == "sign":
            # the subject of a passive is the agreement itself: its signers are the agent's
            args.source = [r for r in args.source if comp is None or not _within(r, comp)] + \
                _agent_actors(ctx, tok)
        if comp is not None:
            args.source += _pp_actors(ctx, comp, _BETWEEN_CASES | _WITH_CASES) + _demonym_actors(ctx, comp) + \
                _between_in_phrase(ctx, comp)
        if not args.source and comp is not None:
            args.source = _possessor(ctx, comp, subject)
        if frame == "cooperate" and trig.d.attrs.get("action") == "ended" and comp is not None:
            # "a dénoncé l'accord militaire qui le liait aux États-Unis", "ended the pact that bound it to X":
            # the partner is in the relative clause that describes the partnership ended
            bound = frozenset({"à", "au", "aux", "to", "with", "avec"})
            for c in comp.children:
                if c.dep_ in ("acl:relcl", "relcl", "acl"):
                    args.source += [r for r in _pp_actors(ctx, c, bound) if r.type == "GPE"] + [
                        r for g in c.children if g.dep_ == "xcomp" and any(k.lower_ == "to" for k in g.children)
                        for r in _actors_of(ctx, g) if r.type == "GPE"]  # "bound it to Denmark" parsed "to" aux
        args.location = _first(places)
    elif frame in ("sign_noun", "cooperation_noun", "relations_noun", "relations_noun_break"):
        comp = trig.complement
        own = _pp_actors(ctx, tok, _BETWEEN_CASES | _WITH_CASES | _OF_CASES) + _demonym_actors(ctx, tok) \
            + _possessor(ctx, tok, subject)
        if comp is not None:
            own += _pp_actors(ctx, comp, _BETWEEN_CASES | _WITH_CASES | _OF_CASES) + _demonym_actors(ctx, comp) \
                + _possessor(ctx, comp, subject) + _between_in_phrase(ctx, comp)
        if not own and _DYAD_WORDS.search(_noun_phrase_text(tok)) and len(ctx.dyad) == 2:
            own = list(ctx.dyad_refs.values())
        if frame == "relations_noun" and not own and len(ctx.dyad) == 2 and tok.lemma_.lower() in (
                "normalisation", "normalization"):
            own = list(ctx.dyad_refs.values())
        if frame == "relations_noun_break":
            args.source = _pp_actors(ctx, tok, _OF_CASES) + _possessor(ctx, tok, subject) or subject
            args.recipient = _pp_actors(ctx, tok, _WITH_CASES) + (
                _pp_actors(ctx, comp, _WITH_CASES) if comp is not None else [])
        else:
            args.source = own
        args.location = _first(places)
    elif frame == "aid":
        args.source = subject
        args.recipient = [r for c in tok.children if c.dep_ in ("obj", "dobj", "iobj", "dative")
                          and (trig.complement is None or c.i != trig.complement.i) for r in _actors_of(ctx, c)]
        args.recipient += _pp_actors(ctx, tok, frozenset({"à", "au", "aux", "to", "for"}))
        if trig.complement is not None:
            args.recipient += _pp_actors(ctx, trig.complement, frozenset({"à", "au", "aux", "to", "for"}))
        args.location = _first(places)
    elif frame == "aid_noun":
        args.recipient = _pp_actors(ctx, tok, frozenset({"à", "au", "aux", "to", "for"}))
        if not args.recipient:
            for c in tok.children:
                args.recipient += _pp_actors(ctx, c, frozenset({"à", "au", "aux", "to", "for", "in"}))
        # "pour son aide" names no aid given to anyone: an aid noun needs its beneficiary
        args.source = _pp_actors(ctx, tok, _OF_CASES) + _demonym_actors(ctx, tok) + _possessor(
            ctx, tok, subject) if args.recipient else []
        args.location = _first(places)
    elif frame in ("acquire", "supply", "transfer_noun"):
        _arms_arguments(ctx, trig, args, subject, verb)
    elif frame == "relations_break":
        args.source = subject
        args.recipient = _pp_actors(ctx, tok, _WITH_CASES)
        if trig.complement is not None and trig.d.attrs.get("action") == "recalled":
            args.recipient += _pp_actors(ctx, trig.complement, frozenset({"à", "au", "en", "in", "to", "from"}))
            args.recipient += _pp_actors(ctx, tok, frozenset({"à", "au", "en", "in", "to", "from"}))
        if trig.complement is not None:
            args.recipient += _pp_actors(ctx, trig.complement, _WITH_CASES)
        args.recipient += _pp_actors(ctx, tok, frozenset({"from"}))
        args.location = _first(places)
    elif frame == "relations_normalise":
        args.source = subject + _pp_actors(ctx, tok, _WITH_CASES | _BETWEEN_CASES)
        if trig.complement is not None:
            places = places + _locative_in_phrase(ctx, trig.complement) + _places_in_mention(ctx, trig.complement)
        if trig.complement is not None:
            args.source += _pp_actors(ctx, trig.complement, _WITH_CASES | _BETWEEN_CASES) + \
                _possessor(ctx, trig.complement, subject)
        args.location = _first(places)
    elif frame == "mediation_noun":
        args.source = _demonym_actors(ctx, tok) + _pp_actors(ctx, tok, _OF_CASES) + _possessor(ctx, tok, subject)
        if not args.source and verb is not None and verb.lemma_.lower() in ctx.lex.support["light"] | {
                "launch", "lancer", "offrir", "offer", "proposer", "propose"}:
            args.source = subject
        args.recipient = _pp_actors(ctx, tok, _BETWEEN_CASES)
    elif frame == "mediate":
        args.source = subject
        args.recipient = _pp_actors(ctx, tok, _BETWEEN_CASES) + _object_actors(ctx, tok)
    elif frame in ("say", "attack", "act"):
        if passive:
            args.source = _agent_actors(ctx, tok)
            args.recipient = subject
            if frame == "act":  # "la base sera restituée par l'Espagne au Sénégal" (passive + par + à)
                to = _pp_actors(ctx, tok, frozenset({"à", "au", "aux", "to"}))
                if to:
                    if not args.source:
                        args.source = subject
                    args.recipient = to
        else:
            args.source = subject
            args.recipient = _object_actors(ctx, tok) + _pp_actors(
                ctx, tok, _AGAINST_CASES | frozenset({"à", "au", "aux", "to", "toward", "towards", "with"}))
            if frame == "act" and not args.recipient:
                # "imposed sanctions on two Chinese firms", "a imposé des sanctions à la Russie": the target is on
                # the sanction noun the verb takes
                target = _AGAINST_CASES | frozenset({"à", "au", "aux"})
                for c in tok.children:
                    if c.dep_ in _OBJECT_DEPS | {"obj"} and c.lemma_.lower() in _SANCTION_NOUNS:
                        args.recipient += _pp_actors(ctx, c, target)
                speakers = {r.country for r in args.source}
                args.recipient = [r for r in args.recipient if r.country not in speakers]
        if frame == "say" and not args.recipient:
            # "demanded that the DPRK forsake...", "exige que Rabat...": the subject of the clause demanded;
            # "rejected calls by Belarus": the author of what is rejected
            for c in tok.children:
                if c.dep_ in ("ccomp", "xcomp"):
                    inner = _subject_token(c)
                    if inner is not None:
                        args.recipient += _actors_of(ctx, inner)
                elif c.dep_ in ("dobj", "obj") and _pos(c) == "NOUN":
                    args.recipient += _pp_actors(ctx, c, frozenset({"by", "from", "de", "par"}))
        if frame == "say" and not args.recipient:
            # "threatened further action against Russia", "threatened to break relations with Russia", "would
            # boycott all contact with the United States": the target of what is threatened or refused
            toward = _AGAINST_CASES | frozenset({"with", "avec", "to", "à", "au", "aux"})
            for c in tok.children:
                if c.dep_ in ("dobj", "obj") and _pos(c) == "NOUN":
                    args.recipient += _pp_actors(ctx, c, toward)
                elif c.dep_ == "xcomp" and _pos(c) == "VERB":
                    for o in c.children:
                        if o.dep_ in ("dobj", "obj"):
                            args.recipient += [r for r in _actors_of(ctx, o) if r.type == "GPE"] + \
                                _pp_actors(ctx, o, toward)
                    args.recipient += _pp_actors(ctx, c, toward)
            speakers = {r.country for r in args.source}
            args.recipient = [r for r in args.recipient if r.country not in speakers]
        if frame == "act" and tok.lemma_.lower() in _WITHDRAW:
            # "withdrew its last troops from Mali", "a retiré ses soldats du Burkina Faso": the state left
            away = frozenset({"from", "de", "du", "des", "d'", "d’"})
            args.recipient += _pp_actors(ctx, tok, away) + [r for c in tok.children if c.dep_ in _OBJECT_DEPS | {"obj"}
                                                             for r in _pp_actors(ctx, c, away)]
            args.recipient = [r for r in args.recipient if r.country not in {x.country for x in args.source}]
        if frame != "say":
            args.recipient += [p for p in places if p.key not in {r.key for r in args.recipient}]
        args.location = _first(places)
    elif frame == "say_noun":
        agent = _pp_actors(ctx, tok, frozenset({"par", "by"}))
        of = _pp_actors(ctx, tok, _OF_CASES - {"par", "by"})
        if agent:
            args.source, args.recipient = agent, of + _pp_actors(ctx, tok, _AGAINST_CASES)
        else:
            args.source = of + _demonym_actors(ctx, tok) + _possessor(ctx, tok, subject) + _compound_actors(ctx, tok)
            args.recipient = _pp_actors(ctx, tok, _AGAINST_CASES)
        if not args.source and verb is not None and verb is not tok and tok.dep_ in _OBJECT_DEPS | {"obj"}:
            args.source = subject
        args.location = _first(places)
    elif frame == "act_noun" and tok.lemma_.lower() in ("retrait", "départ", "désengagement", "rétrocession",
                                                         "restitution", "fermeture", "évacuation", "withdrawal",
                                                         "pullout", "handover", "hand-over", "departure"):
        of = _pp_actors(ctx, tok, _OF_CASES | frozenset({"from"}))
        own = _demonym_actors(ctx, tok) + _possessor(ctx, tok, subject) + _compound_actors(ctx, tok)
        if not own and verb is not None and verb is not tok and tok.dep_ in _OBJECT_DEPS | {"obj"}:
            own = subject
        args.source = own or of
        args.recipient = [r for r in of + _pp_actors(ctx, tok, frozenset({"à", "au", "aux", "to"}))
                          if r.country not in {s.country for s in args.source}]
        args.location = _first(places)
    elif frame in ("attack_noun", "act_noun"):
        args.source = _pp_actors(ctx, tok, _OF_CASES) + _demonym_actors(ctx, tok) + _possessor(ctx, tok, subject) \
            + _compound_actors(ctx, tok)
        if not args.source and verb is not None and verb is not tok and tok.dep_ in _OBJECT_DEPS | {"obj"}:
            args.source = subject
        args.recipient = _pp_actors(ctx, tok, _AGAINST_CASES | frozenset({"in", "at"}))
        args.location = _first(places)
    # persons are participants, with the role stated at their mention
    persons = [r for r in args.source + args.recipient + args.organisers if r.type == "PERSON"]
    seen_people: set[str] = set()
    for r in persons:
        if r.key not in seen_people:
            seen_people.add(r.key)
            args.participants.append(r)
    return args


_SANCTION_NOUNS = frozenset({"sanction", "sanctions", "embargo", "embargos", "embargoes"})
_WITHDRAW = frozenset({"withdraw", "pull", "retreat", "evacuate", "repatriate", "retirer", "rapatrier", "évacuer"})


def _compound_actors(ctx: _Ctx, noun: Any) -> list[ActorRef]:
    """English compounds and possessives: "Lapid visit", "Kohavi's trip"."""
    out: list[ActorRef] = []
    for c in noun.children:
        if c.dep_ in ("compound", "poss"):
            out.extend(_mention_refs(ctx, c.subtree))
    return out


def _noun_phrase_text(tok: Any) -> str:
    toks = _phrase_sorted(tok)
    return " ".join(t.text for t in toks)


# Transfer nouns told from the seller's side ("the sale of X to Y"), unless a verb of receiving governs them
# ("took delivery of", "a réceptionné la livraison").
_SELLER_NOUNS = frozenset({"sale", "delivery", "export", "transfer", "supply", "vente", "livraison", "exportation",
                           "cession", "transfert", "fourniture", "envoi", "shipment", "dispatch", "re-export",
                           "réexportation"})
# A re-export ("the re-export of X from Poland to Ukraine", "la réexportation par la Finlande de X vers l'Ukraine"):
# the state that re-exports supplies, the one that approves it does not
_RE_EXPORT = frozenset({"re-export", "réexportation"})
_RECEIVING = frozenset({"take", "receive", "await", "accept", "expect", "prendre", "recevoir", "réceptionner",
                        "attendre", "accepter"})


def _after_word(ctx: _Ctx, tok: Any, words: frozenset[str]) -> list[ActorRef]:
    """The first actor named just after one of ``words`` in the 14 tokens that follow ``tok`` in its sentence."""
    doc = tok.doc
    for t in doc[tok.i + 1: min(len(doc), tok.i + 15)]:
        if t.pos_ == "PUNCT" and t.text in ".;:!?":
            break
        if t.lower_ in words:
            for u in doc[t.i + 1: min(len(doc), t.i + 5)]:
                m = ctx.mention_at.get(u.i)
                if m is not None and m.type in ("GPE", "ORG", "LOC"):
                    return [ctx.ref(m)]
    return []


def _re_export(tok: Any) -> bool:
    """Whether a transfer noun is a re-export ("réexportation"; "re-export", which the tokenizer may cut)."""
    return tok.lemma_.lower() in _RE_EXPORT or (tok.lower_ == "export" and tok.i >= 2 and
                                                 tok.doc[tok.i - 2].lower_ == "re" and tok.doc[tok.i - 1].text == "-")


def _seller_noun(tok: Any, verb: Any) -> bool:
    return (tok.lemma_.lower() in _SELLER_NOUNS or _re_export(tok)) and not (
        verb is not None and verb.lemma_.lower() in _RECEIVING)


def _comments(ctx: _Ctx, verb: Any) -> bool:
    """Whether a verb only says something of what it governs (a trigger of STATEMENT in the lexicon: "opposed",
    "welcomed", "criticised", "a salué"), so that its subject is no party of it."""
    return any(d.category == "STATEMENT" for d in ctx.lex.lookup(ctx.lang, "VERB", _forms(verb)))


def _is_company(ctx: _Ctx, r: ActorRef) -> bool:
    """Whether an actor is a business (the knowledge base's sector BUS): an arms maker, never a buyer."""
    entry = ctx.kb.get(r.kb_id) if r.kb_id and r.type == "ORG" else None
    return entry is not None and entry.sector == "BUS"


def _arms_arguments(ctx: _Ctx, trig: _Trigger, args: _Args, subject: list[ActorRef], verb: Any) -> None:
    tok = trig.tok
    frame = trig.d.frame
    weapon_tok = trig.complement
    to = frozenset({"à", "au", "aux", "to", "for"})
    if frame in ("acquire", "supply") and verb is tok and _has_agent(tok) and any(
            c.dep_ in _PASSIVE_SUBJECT for c in tok.children):
        # "the first four howitzers ordered by X were delivered by Y", "seront livrés par la France": the agent
        # acts; the passive subject is the weapons (its participle's agent is no party of this verb)
        agent = _agent_actors(ctx, tok)
        if frame == "supply":
            args.source, args.recipient = agent, _pp_actors(ctx, tok, to)
        else:
            args.recipient, args.source = agent, _pp_actors(ctx, tok, _FROM_CASES | frozenset({"de"}))
        _participle_sides(ctx, weapon_tok, args)
        args.location = None
        return
    if frame == "acquire":
        args.recipient = subject
        args.source = _pp_actors(ctx, tok, _FROM_CASES | frozenset({"de"}))
        if not args.source:
            for t in _window(ctx, tok, WEAPON_WINDOW):
                if t.lower_ in ("auprès", "from") or (t.lower_ == "à" and t.head.i == tok.i) or (
                        # "a commandé 36 obusiers Atlas à la Turquie" with the phrase hung on the wrong head
                        t.lower_ in ("à", "au", "aux") and t.dep_ == "case" and t.head.dep_ in (
                            "obl:arg", "obl", "obl:mod", "iobj") and t.head.i > tok.i):
                    args.source = _mention_refs(ctx, [t.doc[j] for j in range(t.i + 1, min(len(t.doc), t.i + 6))])
                    break
    elif frame == "supply":
        args.source = subject
        args.recipient = _pp_actors(ctx, tok, to) + [
            r for c in tok.children if c.dep_ in ("iobj", "dative") for r in _actors_of(ctx, c)]
        if not args.recipient and weapon_tok is not None:  # "livré douze canons Caesar au Maroc" (on the noun)
            args.recipient = _pp_actors(ctx, weapon_tok, to) or _pp_actors(ctx, weapon_tok.head, to)
    elif _seller_noun(tok, verb):  # "approved the sale of X to Y", "la livraison de X à Y": the seller's act
        to = frozenset({"à", "au", "aux", "to", "for", "vers"})
        args.recipient = _pp_actors(ctx, tok, to)
        if not args.recipient and weapon_tok is not None:
            args.recipient = _pp_actors(ctx, weapon_tok, to)
        if _re_export(tok):
            # the parser hangs "from X to Y", "par X ... vers Y" anywhere: read them in the order of the words
            args.recipient = args.recipient or _after_word(ctx, tok, frozenset({"to", "vers"}))
            args.source = [r for r in _after_word(ctx, tok, frozenset({"from", "par", "by"}))
                           if r.country not in {x.country for x in args.recipient}]
            args.location = None
            return
        commentator = verb is not None and verb is not tok and _comments(ctx, verb)
        if not args.recipient and commentator:
            # "objected to selling British tanks to Riyadh": the parser hung "to Riyadh" on the verb
            args.recipient = [r for r in _pp_actors(ctx, verb, to) if r.country]
        args.source = _possessor(ctx, tok, subject) + _demonym_actors(ctx, tok) + _agent_actors(ctx, tok)
        if not args.source and commentator and weapon_tok is not None:
            args.source = _demonym_actors(ctx, weapon_tok)  # "US F-16s": their state sells
        if not args.source and verb is not None and verb is not tok and not commentator:
            # the subject of "approved", "cleared", "finalised" sells; the subject of "opposed", "welcomed",
            # "criticised" only says something of the sale
            args.source = [r for r in subject if r.country not in {x.country for x in args.recipient}]
    else:  # transfer_noun: "l'achat de X par Y", "Morocco's purchase of X", "signed a contract with Y for X"
        args.recipient = _agent_actors(ctx, tok) + _possessor(ctx, tok, subject) + _demonym_actors(ctx, tok)
        if not args.recipient and verb is not None and verb is not tok:
            args.recipient = subject
        args.source = _pp_actors(ctx, tok, _FROM_CASES)
        if not args.source and weapon_tok is not None:
            args.source = _pp_actors(ctx, weapon_tok, _FROM_CASES)
        if not args.source and tok.lemma_.lower() in ("achat", "acquisition", "commande"):
            # "l'achat de 45 blindés Boxer à l'Allemagne": "à" names the seller after a noun of buying
            seller = frozenset({"à", "au", "aux"})
            args.source = _pp_actors(ctx, tok, seller) or (
                _pp_actors(ctx, weapon_tok, seller) if weapon_tok is not None else [])
        if not args.source:  # the partner of the contract: "a contract with South Korea", "signé avec la France"
            args.source = _pp_actors(ctx, tok, _WITH_CASES) + (
                _pp_actors(ctx, verb, _WITH_CASES) if verb is not None and verb is not tok else [])
        recipients = {r.country for r in args.recipient}
        args.source = [r for r in args.source if r.country not in recipients]
    if args.recipient and all(_is_company(ctx, r) for r in args.recipient) and (
            not args.source or not any(_is_company(ctx, r) for r in args.source)):
        # "Saab signed a contract with Brazil for 36 Gripen": the company that signs sells (its state is the
        # supplier, the company the manufacturer); the state it signs with buys
        args.source, args.recipient = args.recipient, args.source
    if frame in ("acquire", "supply"):
        _participle_sides(ctx, weapon_tok, args)
    if not args.source and weapon_tok is not None:
        # "armes israéliennes", "Israeli-made drones", "drones fabriqués par IAI"
        args.source = _demonym_actors(ctx, weapon_tok)
        for c in weapon_tok.children:
            if _pos(c) == "VERB" and _arms_frame(ctx, c) != "acquire":  # "ordered by X": X buys
                args.source += _agent_actors(ctx, c)
    args.location = None


def _has_agent(verb: Any) -> bool:
    """Whether the parse hangs an agent ("by X", "par X") on the verb itself."""
    return any(c.dep_ in ("agent", "obl:agent") or (c.dep_ in ("obl", "obl:arg", "obl:mod") and _case(c) == "par")
               for c in verb.children)


def _arms_frame(ctx: _Ctx, verb: Any) -> str | None:
    """The arms frame (acquire, supply) of a verb of the lexicon, or None."""
    return next((d.frame for d in ctx.lex.lookup(ctx.lang, "VERB", _forms(verb))
                 if d.category == "ARMS_TRANSFER" and d.frame in ("acquire", "supply")), None)


def _participle_sides(ctx: _Ctx, weapon_tok: Any, args: _Args) -> None:
    """The sides a participle on the weapons tells, for those the verb leaves empty: "six Rafale livrés par la
    France" (the agent supplies), "howitzers ordered by Australia", "frigates bought from Germany" (the agent
    buys, the "from" phrase sells)."""
    if weapon_tok is None:
        return
    for c in weapon_tok.children:
        if c.dep_ != "acl" or _pos(c) != "VERB" or "Part" not in c.morph.get("VerbForm"):
            continue
        frame = _arms_frame(ctx, c)
        if frame is None:
            continue
        agent = _agent_actors(ctx, c) if _has_agent(c) else []
        if frame == "supply":
            source, recipient = agent, _pp_actors(ctx, c, frozenset({"à", "au", "aux", "to", "for"}))
        else:
            source, recipient = _pp_actors(ctx, c, _FROM_CASES | frozenset({"à", "au", "aux", "de"})), agent
        if not args.source:
            args.source = [r for r in source if r.country not in {x.country for x in args.recipient}]
        if not args.recipient:
            args.recipient = [r for r in recipient if r.country not in {x.country for x in args.source}]
