"""Step 2 of the events stage, the checks on a candidate trigger: the complement it needs to count (an agreement
noun for "signer", a weapon for "acquérir", a name or attendance for an exercise noun), the words that are not
events in context (media, "meets the needs", adjectival participles, joining an organisation, words inside a
timex), the event kinds of named gatherings, and the participation verb that governs a gathering noun."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from recoupe.records import Mention
from recoupe.understand.events._actors import _actors_of, _finite, _passive, _subject_or_object, _subject_token
from recoupe.understand.events._common import (
    _OBJECT_DEPS,
    _PASSIVE_SUBJECT,
    _PLURAL_PRONOUNS,
    _REFLEXIVE,
    _SINGULAR_PRONOUNS,
    _WITH_CASES,
    COMPLEMENT_WINDOW,
    WEAPON_WINDOW,
    Category,
)
from recoupe.understand.events._tokens import _case, _conjuncts, _Ctx, _forms, _phrase, _pos
from recoupe.understand.events._weapon_checks import (
    _SUPPLY_NOUNS,
    _contract_purpose_weapons,
    _proper_name_of,
    _under_contract,
    elided_count,
)
from recoupe.understand.events.lexicon import TriggerDef

# --------------------------------------------------------------------------------------------------
# 2. triggers: checks on a candidate


def _gathering_top(ctx: _Ctx, tok: Any) -> Any:
    """A named exercise and the noun beside it are one phrase ("l'exercice « African Lion 2022 »", "African
    Lion, l'exercice que...", "the exercise African Lion 2022"): the token of the pair nearest the verb."""
    t = tok
    for _ in range(3):
        head = t.head
        if head.i == t.i or t.dep_ not in ("appos", "compound", "flat", "flat:name", "nmod", "amod", "dep"):
            break
        m = ctx.mention_at.get(head.i)
        if (m is not None and m.type == "EVENT") or ctx.in_class(head, "exercise") or ctx.in_class(head, "conference"):
            t = head
            continue
        break
    return t


def _tok_start(ctx: _Ctx, tok: Any, m: Mention) -> int:
    """The mention's start if ``tok`` is its first token, else -1."""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    return int(m.start) if span is not None and span[0].i == tok.i else -1


def _near(a: Any, b: Any) -> bool:
    if abs(a.i - b.i) <= 6:
        return True
    return any(t.i == b.i for t in a.subtree) or any(t.i == a.i for t in b.subtree)


def _event_kind(ctx: _Ctx, m: Mention) -> Category | None:
    """What a named event of the knowledge base is, from its description: an exercise, a conference or
    summit, or an agreement ("Abraham Accords"); patterns of the entity stage are exercises ("X 2022")."""
    entry = ctx.kb.get(m.kb_id) if m.kb_id else None
    if entry is None:
        return "EXERCISE" if m.how == "pattern" else None
    description = f"{entry.attrs.get('description_en', '')} {entry.attrs.get('description_fr', '')}".lower()
    if "exercise" in description or "exercice" in description:
        return "EXERCISE"
    if any(w in description for w in ("summit", "sommet", "conference", "conférence", "forum", "réunion")):
        return "CONFERENCE"
    if any(w in description for w in ("agreement", "accords", "accord", "declaration", "déclaration", "treaty")):
        return "AGREEMENT"
    return None


def _event_entry_category(ctx: _Ctx, m: Mention) -> Category | None:
    kind = _event_kind(ctx, m)
    return kind if kind in ("EXERCISE", "CONFERENCE") else None


def _participation_verb(ctx: _Ctx, tok: Any) -> Any:
    """The verb saying that someone took part in a gathering: the noun's governor, else a participation verb
    just before it in the sentence ("ont assisté, comme observateurs, aux manœuvres")."""
    participate = ctx.lex.support["participate"]
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            break
        t = t.head
        if _pos(t) == "VERB":
            if t.lemma_.lower() in participate:
                return t
            break
    unit = ctx.unit_of_token.get(tok.i)
    for i in range(tok.i - 1, max(-1, tok.i - 12), -1):
        t = tok.doc[i]
        if unit is not None and t.idx < unit.start:
            break
        if _pos(t) == "VERB" and t.lemma_.lower() in participate:
            return t
    return None


def _has_reflexive(tok: Any) -> bool:
    return any(c.lower_ in _REFLEXIVE for c in tok.children if c.dep_ not in ("nsubj", "case"))


def _has_words(tok: Any, words: frozenset[str]) -> bool:
    for c in tok.children:
        if c.lower_ in words or c.lemma_.lower() in words:
            return True
        if any(g.lower_ in words for g in c.children if g.dep_ in ("fixed", "flat", "compound", "det", "case")):
            return True
    doc = tok.doc
    following = [doc[i].lower_ for i in range(tok.i + 1, min(len(doc), tok.i + 4))]
    return any(w in words for w in following)


def _is_anaphoric(tok: Any) -> bool:
    """"cette visite", "ce déplacement", "this visit": a reference back, not a new event."""
    return any(c.dep_ == "det" and ("Dem" in c.morph.get("PronType") or c.lower_ in ("this", "that", "these",
                                                                                  "those", "cette", "ce", "ces",
                                                                                  "cet"))
               for c in tok.children)


def _has_own_agent(ctx: _Ctx, tok: Any) -> bool:
    for c in tok.children:
        if c.dep_ in ("nmod", "prep", "poss", "amod", "nmod:poss", "compound") and any(
                ctx.mention_at.get(t.i) is not None and ctx.mention_at[t.i].type in ("PERSON", "GPE", "ORG")
                for t in _phrase(c)):
            return True
    return False


def _worth_objects(tok: Any) -> list[Any]:
    """The phrases a parser hangs on "worth" rather than on the contract it values ("a contract worth $300
    million with Turkey for 12 drones"): for a child "worth"/"valued" of a noun, its prepositions' objects."""
    if tok.dep_ not in ("amod", "acl") or tok.lower_ not in ("worth", "valued"):
        return []
    return [g for p in tok.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]


def _complement_candidates(ctx: _Ctx, tok: Any, tokens: Sequence[Any], window: int) -> Iterator[tuple[int, Any]]:
    """Nouns that may complete ``tok``: its syntactic complements first (strength 2), then the nouns that
    follow it in the sentence within ``window`` tokens (strength 1) — the parser's attachments fail often
    enough in long French sentences."""
    seen: set[int] = set()
    direct: list[Any] = []
    for c in tok.children:
        if c.dep_ in _OBJECT_DEPS or c.dep_ in _PASSIVE_SUBJECT or c.dep_ in (
                "obl", "obl:arg", "obl:mod", "nmod", "prep", "pobj", "appos", "compound", "xcomp", "advcl",
                "nsubj", "obl:agent", "agent") or (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")):
            direct.extend(_conjuncts(c))
            if c.dep_ == "prep":
                direct.extend(g for g in c.children if g.dep_ == "pobj")
        direct.extend(_worth_objects(c))
    if tok.dep_ in ("acl", "amod", "acl:relcl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        direct.append(tok.head)  # "un accord signé", "the memorandum that Gantz signed"
        up = tok.head
        for _ in range(2):  # "the memorandum of understanding that Gantz signed"
            if up.dep_ in ("pobj", "nmod") and up.head.i != up.i:
                up = up.head.head if up.head.pos_ == "ADP" else up.head
                direct.append(up)
    participle = "Part" in tok.morph.get("VerbForm") and not any(
        c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass") for c in tok.children)
    if participle:  # "un accord-cadre signé en novembre" cut by the parser: the noun just before
        for i in range(max(0, tok.i - 4), tok.i):
            direct.append(tok.doc[i])
    for i in range(tok.i - 1, max(-1, tok.i - 16), -1):  # "the memorandum [...] that Benny Gantz [...] signed"
        t = tok.doc[i]
        if t.lower_ in ("that", "which", "que", "qu'", "qu’", "lequel", "laquelle"):
            for j in range(max(0, i - 4), i):
                direct.append(tok.doc[j])
            break
        if t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm"):
            break
    for d in direct:
        for t in (_phrase(d) if d.i > tok.i or d.head.i == tok.i or d.i == tok.head.i else [d]):
            if t.i not in seen:
                seen.add(t.i)
                yield 2, t
    if tokens:
        last = tokens[-1].i
        counted = 0
        for i in range(tok.i + 1, last + 1):
            t = tok.doc[i]
            if t.is_space:
                continue
            counted += 1
            if counted > window:
                break
            if t.i not in seen:
                seen.add(t.i)
                yield 1, t


def _needs(ctx: _Ctx, tok: Any, d: TriggerDef, tokens: Sequence[Any]) -> tuple[int, Any, tuple[Any, ...]]:
    """Whether the trigger's condition holds: (strength, complement, weapons); strength 0 = it does not."""
    need = d.needs
    if d.frame == "go" and any(c.dep_ in ("obj", "dobj") and (ctx.in_class(c, "weapon") or (
            ctx.mention_at.get(c.i) is not None and ctx.mention_at[c.i].type == "EQUIPMENT")) for c in tok.children):
        return 0, None, ()  # "flying Israeli-made drones" is no trip
    if d.frame == "act" and d.category == "CONFLICT" and (subj := _subject_token(tok)) is not None and \
            subj.lemma_.lower() in _RULE_NOUNS:
        return 0, None, ()  # "Japan's constitution has long restricted arms exports": a rule, not a coercive act
    if d.frame == "host" and any(c.dep_ in ("obj", "dobj") and ctx.in_class(c, "weapon") for c in tok.children):
        return 0, None, ()  # "received 40 Lynx infantry fighting vehicles": weapons received, not a guest
    if d.frame == "go" or d.lemma in _ARRIVALS:
        subj = _subject_token(tok)
        if d.frame == "go" and subj is not None and ctx.in_class(subj, "troops"):
            return 0, None, ()  # "peacekeeping troops have arrived in Bosnia": a deployment, not a visit
        weapon = subj is not None and (ctx.in_class(subj, "weapon") or any(
            (m := ctx.mention_at.get(t.i)) is not None and m.type == "EQUIPMENT" for t in subj.subtree))
        if d.frame == "go" and weapon:
            return 0, None, ()  # "the first F-16 jets arrived from the United States": a delivery, not a trip
        if d.lemma in _ARRIVALS and d.category == "ARMS_TRANSFER":
            if not weapon or subj is None:
                return 0, None, ()  # weapons that arrive are delivered; a minister who arrives is no deal
            named = [t for t in subj.subtree if (m := ctx.mention_at.get(t.i)) is not None and m.type == "EQUIPMENT"]
            return 2, (named or [subj])[0], tuple(named) or (subj,)
    if need is None or need == "actor":
        if d.lemma == "convenir" and not any(c.dep_ in ("xcomp", "ccomp", "obj", "obl:arg") for c in tok.children):
            return 0, None, ()
        if d.lang == "fr" and d.frame == "agree" and d.lemma in ("engager", "entendre", "accorder") \
                and not _has_reflexive(tok):
            return 0, None, ()
        return 1, None, ()
    if need == "igo":
        for strength, t in _complement_candidates(ctx, tok, tokens, 6):
            m = ctx.mention_at.get(t.i)
            entry = ctx.kb.get(m.kb_id) if m is not None and m.kb_id else None
            if entry is not None and entry.sector == "IGO":
                return strength + 1, t, ()
        # "became NATO's 31st member": the IGO as possessor of the noun
        for c in tok.children:
            m = ctx.mention_at.get(c.i)
            entry = ctx.kb.get(m.kb_id) if m is not None and m.kb_id else None
            if entry is not None and entry.sector == "IGO":
                return 2, c, ()
        return 0, None, ()
    if need in ("agreement", "relations", "cooperation", "sanction", "troops", "restriction", "sovereignty",
                "mission", "envoy", "site", "partnership"):
        cls = need
        for strength, t in _complement_candidates(ctx, tok, tokens, COMPLEMENT_WINDOW):
            if t.pos_ in ("NOUN", "PROPN") and ctx.in_class(t, cls) and t.i != tok.i:
                if cls == "agreement" and _is_press_or_other(t):
                    continue
                if cls == "troops" and d.lemma in ("send", "envoyer", "dispatch", "dépêcher", "ship") and \
                        ctx.in_class(t, "weapon"):
                    continue  # "send their tanks to Ukraine": a transfer of weapons, not a deployment
                if cls == "agreement" and _pos(tok) == "VERB" and t.i > tok.i and t.head.i != tok.i and \
                        t.head.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("appos", "conj") and any(
                            c.dep_ in ("case",) for c in t.children) and not _in_timex(ctx, t.head):
                    continue  # "conclu sous l'égide des accords d'Abraham": not what was concluded
                if cls == "mission" and t.lemma_.lower() in ("bureau", "office", "mission", "représentation",
                                                              "representation") and not any(
                        w.lower_ in ("liaison", "diplomatique", "diplomatic", "consulaire")
                        for w in t.doc[t.i - 1: t.i + 4]):
                    continue
                return strength, t, ()
            if need == "sovereignty" and ctx.mention_at.get(t.i) is not None and strength == 2:
                return strength, t, ()
        if need == "troops":
            subj = _subject_token(tok)
            if subj is not None and ctx.in_class(subj, "troops"):
                return 2, subj, ()
        return 0, None, ()
    if need == "relations_or_partner":
        for strength, t in _complement_candidates(ctx, tok, tokens, COMPLEMENT_WINDOW):
            if t.pos_ in ("NOUN", "PROPN") and ctx.in_class(t, "relations"):
                return strength, t, ()
        for c in tok.children:
            if _case(c) in _WITH_CASES and _actors_of(ctx, c):
                return 2, None, ()
        if d.lemma in ("renouer", "normaliser"):  # these need no object: "après avoir renoué"
            return 1, None, ()
        return 0, None, ()
    if need == "agreement_event":  # "Morocco joined the Abraham Accords"
        for strength, t in _complement_candidates(ctx, tok, tokens, 4):
            m = ctx.mention_at.get(t.i)
            if m is not None and m.type == "EVENT" and _event_kind(ctx, m) == "AGREEMENT":
                return strength + 1, t, ()
        return 0, None, ()
    if need == "relations_or_alone":
        if d.lemma in ("normalisation", "normalization"):
            return 2, None, ()
        for c in tok.children:
            for t in _phrase(c):
                if ctx.in_class(t, "relations"):
                    return 2, t, ()
        nxt = [tok.doc[i] for i in range(tok.i + 1, min(len(tok.doc), tok.i + 5))]
        for t in nxt:
            if ctx.in_class(t, "relations"):
                return 1, t, ()
        return 0, None, ()
    if need in ("weapon", "weapon_designation"):
        if _pos(tok) == "NOUN" and tok.lemma_.lower() in _SUPPLY_NOUNS and not _under_contract(tok):
            return 0, None, ()  # "il comprend la fourniture de leurs armements": the contents of a deal told
        weapons: list[Any] = []
        strength = 0
        head_noun = None
        window = WEAPON_WINDOW if need == "weapon" else 6
        for s, t in _complement_candidates(ctx, tok, tokens, window):
            if t.i == tok.i:
                continue
            if _pos(t) == "VERB" and s == 1 and t.dep_ not in ("acl", "amod"):
                break  # another clause begins
            m = ctx.mention_at.get(t.i)
            if m is not None and m.type == "EQUIPMENT" and _pos(tok) == "VERB" and _other_verb_governs(tok, t):
                continue  # "gave its go-ahead for Denmark to deliver F-16s": the F-16s are delivered, not given
            if m is not None and m.type == "EQUIPMENT":
                if not any(ctx.mention_at.get(w.i) is m for w in weapons):
                    weapons.append(t)
                strength = max(strength, s + 1)  # a named weapon system outranks a person or place nearby
            elif t.pos_ == "NOUN" and ctx.in_class(t, "weapon") and head_noun is None and not _is_domain_noun(t) \
                    and (need == "weapon" or _proper_name_of(ctx, t) is not None) \
                    and not (_pos(tok) == "VERB" and _other_verb_governs(tok, t)):
                # ("gave its go-ahead for Oslo to deliver F-16 jets": the jets are delivered, not given, as above)
                # (a transfer noun wants a designation: the weapons' own name when the knowledge base lacks the
                # system, "the purchase of 45 Boxer vehicles")
                head_noun = t
                strength = max(strength, s)
        if not weapons and need == "weapon" and elided_count(tok) is not None:
            # "ordered 14 Su-30 jets in 2019, and the first four were delivered in May": the weapons of the
            # clause this one is coordinated with
            inner = {t.i for t in tok.subtree}
            weapons = [t for t in tok.head.subtree if t.i not in inner and (m := ctx.mention_at.get(t.i)) is not None
                       and m.type == "EQUIPMENT" and m.start == t.idx]
            strength = 2 if weapons else strength
        if not weapons and need == "weapon_designation":
            weapons = _contract_purpose_weapons(ctx, tok)
            strength = 2 if weapons else strength
        if weapons:
            return strength, weapons[0], tuple(weapons)
        if head_noun is not None and ((need == "weapon" and _generic_weapon_ok(ctx, head_noun))
                                      or need == "weapon_designation"):
            return strength, head_noun, (head_noun,)
        return 0, None, ()
    if need == "military_exercise":
        # a named exercise ("l'exercice African Lion"), or an exercise someone took part in; an exercise
        # listed among an agreement's aims ("organiser des manœuvres communes") is none
        for t in list(tok.subtree) + [tok.doc[i] for i in range(max(0, tok.i - 3), min(len(tok.doc), tok.i + 6))]:
            m = ctx.mention_at.get(t.i)
            if m is not None and m.type == "EVENT":
                return 2, t, ()
        if _proper_name_of(ctx, tok) is not None and (_participation_verb(ctx, tok) is not None or (
                tok.dep_ in ("obj", "dobj") and tok.head.lemma_.lower() in (
                    ctx.lex.support["organise"] | ctx.lex.support["light"]))):
            return 2, None, ()  # "ont conduit l'exercice Medusa", "held the Varuna exercise": a name the
            # entity stage does not know, on an exercise someone held or joined
        military = any(c.lemma_.lower() in ("militaire", "conjoint", "naval", "aérien", "terrestre", "combiné",
                                            "multinational", "bilatéral", "military", "joint", "combined", "naval")
                       for c in tok.children)
        if military and _participation_verb(ctx, tok) is not None:
            return 1, None, ()
        head = tok.head
        if military and tok.dep_ in ("obj", "dobj") and _finite(head) and head.lemma_.lower() in (
                ctx.lex.support["organise"] | ctx.lex.support["light"]):
            return 1, None, ()  # "ont tenu des exercices militaires conjoints", "held joint military exercises"
        return 0, None, ()
    if need == "cooperation_clause":
        related = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "obj", "dobj")]
        if tok.dep_ in ("parataxis", "ccomp", "conj") and tok.head.i != tok.i:
            related.append(tok.head)  # "vont désormais coopérer [...], ont décidé mardi les deux pays"
        cooperating = ("coopérer", "cooperate", "collaborer", "renforcer", "strengthen", "élargir", "expand",
                       "broaden", "étendre")
        for c in related:
            if c is not None:
                for t in ([c] if c.i == tok.head.i else c.subtree):
                    if ctx.in_class(t, "cooperation") or t.lemma_.lower() in cooperating:
                        return 2, None, ()
        if tok.dep_ in ("ROOT", "root") and any(c.dep_ in ("obj", "nsubj") and c.i > tok.i for c in tok.children):
            before = [t for t in tokens if t.i < tok.i]
            if any(t.lemma_.lower() in cooperating and _pos(t) == "VERB" for t in before):
                return 1, None, ()
        return 0, None, ()
    if need == "aid_or_recipient":
        for s, t in _complement_candidates(ctx, tok, tokens, 4):
            if t.pos_ == "NOUN" and (ctx.in_class(t, "aid") or ctx.in_class(t, "knowledge")) and s == 2:
                return s + 1, t, ()
        if d.lemma in ("aider", "assister", "épauler", "help", "assist", "aid"):
            for c in tok.children:
                if c.dep_ in ("obj", "dobj", "iobj") and _actors_of(ctx, c):
                    return 2, None, ()
        for c in tok.children:
            if c.dep_ in ("obl", "obl:arg", "obl:mod", "iobj", "dative", "prep") and \
                    (_case(c) in ("à", "au", "aux", "to") or (c.dep_ in ("prep", "dative") and c.lower_ == "to")) and (
                        _actors_of(ctx, c) or any(_actors_of(ctx, g) for g in c.children if g.dep_ == "pobj")):
                return 1, None, ()
        return 0, None, ()
    if need == "person":
        heads = _subject_or_object(tok) if _passive(tok) else [
            c for c in tok.children if c.dep_ in _OBJECT_DEPS | _PASSIVE_SUBJECT | {"obj"}]
        if any(c.pos_ == "PRON" and c.lower_ in _SINGULAR_PRONOUNS | _PLURAL_PRONOUNS and c.dep_ in _PASSIVE_SUBJECT
               for c in heads):
            return 2, None, ()  # "il a été reçu par le ministre"
        if tok.dep_ in ("acl", "amod") and "Part" in tok.morph.get("VerbForm"):
            heads.append(tok.head)  # "le premier chef d'état-major reçu officiellement par les FAR"
        if d.frame == "host" and _joins_organisation(ctx, tok):
            return 0, None, ()  # "we welcome Finland to the alliance": a new member, no visit
        # a host receives people, not a state or an institution ("welcomed Germany's decision", "accueille
        # 15.000 soldats de l'ONU" are no visits); a demonym still says a person is meant ("le chef [...]
        # algérien" when the parser cut the phrase)
        host = d.frame == "host"
        for c in heads:
            if host and _pos(c) == "NOUN" and (acts := ctx.lex.lookup(ctx.lang, "NOUN", _forms(c))) and not any(
                    a.category in ("VISIT", "MEETING") for a in acts):
                continue  # "welcomed the delivery of German tanks": an act is welcomed, not a visitor
            for t in _phrase(c):
                m = ctx.mention_at.get(t.i)
                if ctx.in_class(t, "person") or (m is not None and (
                        m.type == "PERSON" or (not host and m.type in ("GPE", "ORG"))
                        or (host and m.type == "GPE" and t.pos_ == "ADJ"))):
                    return 2, None, ()
        return 0, None, ()
    if need == "request":
        if d.lemma == "call":
            return (2, None, ()) if any(c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon")
                                        for c in tok.children) else (0, None, ())
        if d.lemma in ("tell", "order", "instruct", "press", "ask"):
            return (2, None, ()) if any(c.dep_ in ("xcomp", "ccomp") for c in tok.children) else (0, None, ())
        return 1, None, ()
    return 0, None, ()


_MEDIA = frozenset({"média", "médias", "presse", "journal", "journaux", "journaliste", "journalistes", "chaîne",
                    "télévision", "radio", "media", "press", "newspaper", "newspapers", "journalist", "journalists",
                    "television", "outlet", "outlets", "broadcaster"})
# What "meet" is said of when it means "satisfy": "meets the needs of the air force", "meet NATO standards".
_MET_THINGS = frozenset({"need", "needs", "standard", "standards", "requirement", "requirements", "criterion",
                         "criteria", "target", "targets", "demand", "demands", "expectation", "expectations",
                         "deadline", "goal", "goals", "condition", "conditions", "obligation", "obligations"})


# Texts that restrict or forbid by what they say, not acts of coercion by a state
_RULE_NOUNS = frozenset({"constitution", "law", "rule", "regulation", "legislation", "treaty", "charter", "policy",
                         "loi", "règle", "réglementation", "législation", "traité", "charte", "politique"})

# Verbs whose subject arrives: a delivery when the subject is weapons (lexicon ARMS_TRANSFER "arrive", "arriver")
_ARRIVALS = frozenset({"arrive", "arriver"})


# Verbs of telling, and the refusals to tell: "declined to say whether Madrid would send tanks", "n'a pas voulu
# dire si Berlin livrerait des missiles" leave the act open; they tell no event, not even a hypothetical one
_TELLING = frozenset({"say", "tell", "confirm", "comment", "disclose", "reveal", "specify", "dire", "préciser",
                      "confirmer", "indiquer", "révéler"})
_REFUSING = frozenset({"decline", "refuse", "refuser", "décliner"})


def _left_open(verb: Any) -> bool:
    """Whether a verb is the open question of a refusal to tell ("declined to say whether X would send Y")."""
    if not any(c.dep_ == "mark" and c.lower_ in ("whether", "if", "si", "s'") for c in verb.children):
        return False
    teller = verb.head
    if teller.lemma_.lower() not in _TELLING:
        return False
    # "refused to say", "did not say", "n'a pas voulu dire" (the negation on the verb that governs the telling)
    return teller.head.lemma_.lower() in _REFUSING or any(
        c.dep_ in ("neg", "advmod") and c.lower_ in ("not", "n't", "ne", "n'")
        for t in (teller, teller.head) for c in t.children)


def _after_comma(verb: Any) -> bool:
    """Whether a relative clause is set off by a comma (", which ...", ", whose ...", ", dont ...")."""
    first = min(t.i for t in verb.subtree)
    return bool(first > 0 and verb.doc[first - 1].text == ",")


def _not_an_event_word(ctx: _Ctx, tok: Any, d: TriggerDef) -> bool:
    """A trigger word that tells no event here: a word of a name ("US Congress", "Conseil de coopération du
    Golfe"), consultations an envoy is recalled for ("rappelle son ambassadeur pour consultations"), an
    interview given to the press ("un entretien donné à des médias français"), "meet" as "satisfy" ("meets
    the needs of the air force"), a conflict or act in a relative clause in the imperfect (a description)."""
    m = ctx.mention_at.get(tok.i)
    if _pos(tok) == "NOUN" and m is not None and m.type in ("ORG", "PERSON", "GPE", "LOC", "EQUIPMENT") and \
            m.start < tok.idx:
        return True  # inside a name; a noun that begins one names the event ("Conférence internationale X")
    if tok.text in ("Congress", "Congrès") and any(
            (g := ctx.mention_at.get(c.i)) is not None and g.type == "GPE" for c in tok.children):
        return True  # "the US Congress": a legislature
    if d.category in ("MEETING", "COOPERATION") and _pos(tok) == "VERB" and _adjectival_participle(tok) and not (
            ctx.in_class(tok.head, "person") or ctx.in_class(tok.head, "meeting")
            or (ctx.mention_at.get(tok.head.i) is not None and ctx.mention_at[tok.head.i].type in (
                "PERSON", "ORG", "GPE"))):
        return True  # "l'accord négocié à l'époque", "strengthened ties", "les visas accordés": a qualifier
    if _pos(tok) == "NOUN" and d.category in ("CONFLICT", "EXERCISE") and tok.dep_ in (
            "nmod", "compound", "pobj", "amod") and (ctx.in_class(tok.head, "weapon") or ctx.in_class(
            tok.head, "troops") or (tok.dep_ == "pobj" and ctx.in_class(tok.head.head, "weapon"))):
        return True  # "avion de combat", "combat aircraft", "char de bataille": what the weapon is for
    if _pos(tok) == "VERB" and tok.dep_ in ("acl:relcl", "relcl") and "Imp" in tok.morph.get("Tense") and \
            d.category in ("CONFLICT", "OTHER", "STATEMENT"):
        return True  # "le camp qu'ils occupaient", "les bases qu'elle utilisait": a relative clause in the
        # imperfect describes the noun (a state that lasted), it tells no act
    if _pos(tok) == "VERB" and tok.dep_ in ("acl:relcl", "relcl") and d.category == "ARMS_TRANSFER" and \
            "Pres" in tok.morph.get("Tense") and not any(c.dep_ in ("aux", "aux:tense") for c in tok.children) and \
            _after_comma(tok):
        return True  # "the minister, whose country buys most of its weapons from X, met", "dont le pays achète des
        # armes américaines": a habit told aside, in the present of a relative clause, is no deal
    if _pos(tok) == "VERB" and _left_open(tok):
        return True
    lemma = tok.lemma_.lower()
    if lemma in ("consultation", "consultations") and (
            _case(tok) in ("pour", "for") or (tok.dep_ == "pobj" and tok.head.lower_ == "for")):
        return True
    if d.frame == "gathering" and lemma in ("entretien", "interview") and any(
            t.lower_ in _MEDIA for t in tok.subtree):
        return True
    return d.frame == "meet" and lemma == "meet" and any(
        c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass") and c.lower_ in _MET_THINGS for c in tok.children)


def _adjectival_participle(tok: Any) -> bool:
    """A past participle that qualifies a noun, with no auxiliary nor subject of its own ("un accord négocié à
    l'époque post-coloniale", "strengthened ties", "les visas accordés aux ressortissants"); the caller keeps
    one said of people or a body ("les ministres, réunis à Rabat")."""
    participle = "Part" in tok.morph.get("VerbForm") or tok.tag_ == "VBN" or (
        tok.lower_.endswith(("é", "ée", "és", "ées")) and tok.lang_ == "fr")  # "négocié" tagged Inf
    if tok.dep_ not in ("amod", "acl") or not participle:
        return False
    return not any(c.dep_ in ("aux", "aux:pass", "auxpass", "aux:tense", "nsubj", "nsubj:pass", "nsubjpass")
                   for c in tok.children)


_MEMBERSHIP = frozenset({"alliance", "alliance's", "bloc", "union", "organisation", "organization"})


def _joins_organisation(ctx: _Ctx, tok: Any) -> bool:
    """"welcome Finland to the alliance", "welcomed X to NATO Headquarters": a destination that is an
    international organisation (or its seat) — a membership or a ceremony, no state hosts a visit."""
    objects = [c for c in tok.children if c.dep_ in _OBJECT_DEPS]
    for c in [*tok.children, *(g for o in objects for g in o.children)]:
        if not (c.dep_ in ("prep", "obl", "obl:arg", "obl:mod", "nmod") and (
                c.lower_ in ("to", "into") or _case(c) in ("à", "au", "dans"))):
            continue
        for t in _phrase(c):
            m = ctx.mention_at.get(t.i)
            entry = ctx.kb.get(m.kb_id) if m is not None and m.kb_id else None
            if (entry is not None and entry.sector == "IGO") or t.lower_ in _MEMBERSHIP or (
                    t.pos_ == "PROPN" and any(e.sector == "IGO" for e, _how in ctx.kb.lookup(t.text))):
                return True
    return False


def _in_timex(ctx: _Ctx, tok: Any) -> bool:
    """Whether a token is part of a temporal expression ("signer dans les prochains mois de nouveaux textes":
    the parser hangs the object on "mois")."""
    return any(span[0].i <= tok.i <= span[-1].i for _t, span in ctx.timex_tokens)


def _other_verb_governs(verb: Any, t: Any) -> bool:
    """Whether the first verb above ``t`` in the parse is another verb than ``verb``, below it (a clause of its
    own: "gave its go-ahead for Denmark to deliver F-16s"); an auxiliary or a participle qualifying a noun
    does not count."""
    h = t
    for _ in range(8):
        if h.head.i == h.i:
            return False
        h = h.head
        if h.i == verb.i:
            return False
        if h.pos_ == "VERB" and h.dep_ not in ("amod", "acl") and verb.i in {a.i for a in h.ancestors}:
            return True
    return False


def _is_press_or_other(t: Any) -> bool:
    """"conférence de presse", "texte" outside a signing: not our nouns."""
    return any(c.lower_ in ("presse", "press") for c in t.children)


def _is_domain_noun(t: Any) -> bool:
    """"l'achat d'armements" listed among an agreement's domains is no purchase of its own."""
    return t.lemma_.lower() in ("armement", "arme") and t.dep_ in ("nmod", "pobj") and \
        t.head.lemma_.lower() in ("achat", "acquisition", "purchase", "commande")


def _generic_weapon_ok(ctx: _Ctx, noun: Any) -> bool:
    """A weapon without designation counts when the text says which ("armes israéliennes", "des drones
    Heron", "Israeli-made drones") — not for "ses commandes d'armes"."""
    for c in noun.children:
        m = ctx.mention_at.get(c.i)
        if m is not None and m.type in ("GPE", "ORG"):
            return True
        if c.dep_ in ("amod", "compound", "nmod") and any(
                ctx.mention_at.get(t.i) is not None for t in _phrase(c)):
            return True
    if any(c.dep_ == "nummod" or (c.pos_ == "PROPN" and c.dep_ in ("appos", "flat", "flat:name", "compound", "nmod"))
           for c in noun.children):
        return True  # "douze canons Caesar", "three frigates"
    if any(c.dep_ in ("poss", "det") and ("Yes" in c.morph.get("Poss") or c.tag_ == "PRP$") for c in noun.children):
        return True  # "send their tanks", "livrer ses blindés": the actor's own weapons
    return noun.lemma_.lower() in ("drone", "missile", "hélicoptère", "helicopter", "radar", "satellite", "uav")


def _gathering_category(ctx: _Ctx, tok: Any, d: TriggerDef) -> Category:
    forms = _forms(tok)
    if any(f in ctx.nouns("exercise") for f in forms):
        return "EXERCISE"
    if any(f in ctx.nouns("conference") for f in forms) and not _is_press_or_other(tok):
        return "CONFERENCE"
    return d.category
