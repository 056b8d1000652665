"""Steps 1–3 of the events stage (see ``recoupe.understand.events``): sentences, triggers and their arguments on the
dependency parse."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from recoupe.kb import KnowledgeBase
from recoupe.records import AnnotatedArticle, Mention
from recoupe.understand.events._common import (
    _AGAINST_CASES,
    _BETWEEN_CASES,
    _DYAD_WORDS,
    _FROM_CASES,
    _OBJECT_DEPS,
    _OF_CASES,
    _PASSIVE_SUBJECT,
    _PLACE_CASES,
    _PLURAL_PRONOUNS,
    _REFLEXIVE,
    _RELATIVE,
    _SINGULAR_PRONOUNS,
    _SUBJECT_DEPS,
    _TERMINAL,
    _WITH_CASES,
    COMPLEMENT_WINDOW,
    WEAPON_WINDOW,
    Category,
)
from recoupe.understand.events.lexicon import Lexicon, TriggerDef
from recoupe.understand.events.records import ActorRef, EventMention
from recoupe.understand.timex.records import Timex

# --------------------------------------------------------------------------------------------------
# token helpers (spaCy tokens are untyped: Any)


def _forms(tok: Any) -> tuple[str, ...]:
    """Lemma and surface forms a token is looked up by (the French model's lemmas of rare nouns are the
    surface form, sometimes plural)."""
    lemma = tok.lemma_.lower()
    lower = tok.lower_
    out = [lemma, lower]
    for word in (lemma, lower):
        if len(word) > 3 and word[-1] in "sx":
            out.append(word[:-1])
    return tuple(dict.fromkeys(out))


def _pos(tok: Any) -> str | None:
    if tok.pos_ == "VERB" and tok.tag_.startswith("NN"):
        return "NOUN"
    if tok.pos_ == "VERB" and tok.tag_ in ("VB", "VBP") and tok.dep_ in ("dobj", "pobj", "nsubjpass", "compound"):
        return "NOUN"  # "attended the US-Moroccan exercise African Lion" (tagged VB)
    if tok.pos_ == "VERB" or (tok.pos_ in ("ADJ", "AUX") and "Part" in tok.morph.get("VerbForm")
                              and tok.dep_ not in ("aux", "aux:tense", "aux:pass", "auxpass", "cop")):
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def _case(tok: Any) -> str | None:
    """The preposition introducing a nominal: French ``case`` child, English head preposition."""
    for child in tok.children:
        if child.dep_ in ("case", "mark") and child.pos_ in ("ADP", "SCONJ", "ADV"):
            return str(child.lower_)
    if tok.dep_ == "pobj" and tok.head.pos_ == "ADP":
        return str(tok.head.lower_)
    if tok.dep_ == "obl:arg" and tok.head.pos_ == "ADV":
        return str(tok.head.lower_)
    return None


def _phrase(tok: Any) -> Iterator[Any]:
    """The tokens of a nominal phrase: its subtree without embedded clauses (relative, participial)."""
    stack = [tok]
    while stack:
        t = stack.pop()
        yield t
        for child in t.children:
            if child.dep_ in ("acl:relcl", "relcl", "advcl", "ccomp", "parataxis", "csubj", "punct"):
                continue
            if child.dep_ in ("acl", "xcomp") and _pos(child) == "VERB":
                continue
            stack.append(child)


def _actor_phrase(ctx: _Ctx, tok: Any) -> Iterator[Any]:
    """The tokens of a nominal phrase that may name its actor: like ``_phrase``, but below a token that is
    itself a mention, prepositional modifiers are left out ("avec Rabat à l'été [...] du différend sur le
    Sahara occidental" names Rabat only), and below any token only "de"/"of" complements are kept ("le chef
    de l'armée israélienne")."""
    stack = [tok]
    while stack:
        t = stack.pop()
        yield t
        is_mention = ctx.mention_at.get(t.i) is not None
        for child in t.children:
            if child.dep_ in ("acl:relcl", "relcl", "advcl", "ccomp", "parataxis", "csubj", "punct", "case",
                              "mark", "cc"):
                continue
            if child.dep_ in ("acl", "xcomp") and _pos(child) == "VERB":
                continue
            if child.dep_ == "appos" and is_mention and ctx.mention_at[t.i].type == "GPE":
                continue  # "Algeria, Morocco's main regional rival, broke off"
            if child.dep_ == "prep" and child.lower_ == "of" and is_mention and ctx.mention_at[t.i].type == "PERSON" \
                    and not ctx.mention_at[t.i].country:
                stack.append(child)  # "King Abdullah of Jordan"
                continue
            if child.dep_ == "prep" and (is_mention or child.lower_ not in ("of",)):
                continue
            case = _case(child) if child.dep_ not in ("conj", "appos", "flat:name", "flat", "compound") else None
            if case is not None and (is_mention or case not in _OF_CASES - {"par", "by"}):
                continue
            stack.append(child)


def _conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out



# --------------------------------------------------------------------------------------------------
# the article context


@dataclass(frozen=True, slots=True)
class _Unit:
    index: int
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class _Trigger:
    tok: Any
    d: TriggerDef
    category: Category
    complement: Any = None          # the noun that completes it (agreement, weapon, gathering, relations)
    anchor: Any = None              # the verb that carries tense and subject
    unit: _Unit | None = None
    consumed: bool = False
    equipment: tuple[Any, ...] = ()
    top: Any = None                 # the token whose relation to the verb counts (a named exercise's head)
    host_meeting: bool = False      # the meeting implied by "X was received by Y"
    extra_roots: list[Any] = field(default_factory=list)  # absorbed triggers whose clauses name its domains
    item: tuple[int, int] | None = None     # one item of a list after a colon: its character span
    item_actor: Mention | None = None       # ... and the actor it names


@dataclass(slots=True)
class _Ctx:
    annotated: AnnotatedArticle
    doc: Any
    lang: str
    lex: Lexicon
    kb: KnowledgeBase
    mention_at: dict[int, Mention]
    mentions: Sequence[Mention]
    dyad: tuple[str, ...]
    dyad_refs: dict[str, ActorRef]
    timex_tokens: list[tuple[Timex, Any]]
    units: list[_Unit]
    unit_of_token: dict[int, _Unit] = field(default_factory=dict)
    last_subject: list[ActorRef] = field(default_factory=list)
    last_person: ActorRef | None = None
    told: list[EventMention] = field(default_factory=list)
    states: frozenset[str] = frozenset()
    unit_tokens: dict[int, list[Any]] = field(default_factory=dict)
    attributed: dict[int, bool] = field(default_factory=dict)

    @property
    def article_id(self) -> str:
        return self.annotated.article.id

    def nouns(self, name: str) -> frozenset[str]:
        return self.lex.noun_class(name, self.lang)

    def in_class(self, tok: Any, name: str) -> bool:
        return any(f in self.nouns(name) for f in _forms(tok))

    def ref(self, m: Mention) -> ActorRef:
        country = m.country or self._kb_country(m.kb_id)
        if country is None and m.type in ("LOC", "GPE"):
            # a place the entity stage left without state ("à Rabat" as a city): its state by name
            country = next((e.country for e, _how in self.kb.lookup(m.text) if e.country), None)
        return ActorRef(article=m.article, start=m.start, end=m.end, text=m.text, type=m.type, kb_id=m.kb_id,
                        country=country, role=m.role)

    def _kb_country(self, kb_id: str | None) -> str | None:
        entry = self.kb.get(kb_id) if kb_id else None
        return entry.country if entry else None


def _units(annotated: AnnotatedArticle) -> list[_Unit]:
    """The article's sentences, rejoined where the parser cut inside a word or a line."""
    text = annotated.article.text
    para_starts = [p.start for p in annotated.paragraphs]
    out: list[_Unit] = []
    for s in annotated.sentences:
        if out:
            prev = out[-1]
            gap = text[prev.end:s.start]
            prev_text = text[prev.start:prev.end].rstrip(" »\"”'’)")
            if "\n" not in gap and (s.text[:1] in "-–" or s.text[:1].islower()
                                    or not prev_text.endswith(_TERMINAL)):
                out[-1] = _Unit(prev.index, prev.start, s.end, prev.paragraph)
                continue
        para = max(0, bisect_right(para_starts, s.start) - 1)
        out.append(_Unit(len(out), s.start, s.end, para))
    return out


def _is_headline(annotated: AnnotatedArticle, unit: _Unit) -> bool:
    """The article's headline (the clean stage puts it first): the body's events are what we code, and a
    headline's present tense and ellipsis mislead ("Israël prêt à aider le Maroc")."""
    if unit.index != 0:
        return False
    text = annotated.article.text
    quote = text[unit.start:unit.end].strip()
    if quote.rstrip(" »\"”'’)").endswith(_TERMINAL) or len(quote.split()) > 25:
        return False  # a lead sentence the clean stage took for the title: the body's first event
    title = (annotated.article.title or "").strip()
    if title and (quote == title or quote.startswith(title) or title.startswith(quote)):
        return True
    first_para_end = text.find("\n\n")
    return first_para_end >= 0 and unit.end <= first_para_end + 1 and not quote.endswith(_TERMINAL)


_STATES: dict[int, frozenset[str]] = {}


def _states_of(kb: KnowledgeBase) -> frozenset[str]:
    """The knowledge base's state ids, computed once per knowledge base."""
    if id(kb) not in _STATES:
        _STATES[id(kb)] = kb.states()
    return _STATES[id(kb)]


def _dyad(mentions: Sequence[Mention], kb: KnowledgeBase) -> tuple[tuple[str, ...], dict[str, Mention]]:
    """The two states the article names most (GPE mentions of states: names, demonyms, metonyms)."""
    states = _states_of(kb)
    counts: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "GPE" and m.kb_id in states:
            counts[m.kb_id] += 1
            first.setdefault(m.kb_id, m)
    top = [c for c, _n in counts.most_common(2)]
    return tuple(top), first



# --------------------------------------------------------------------------------------------------
# 2. triggers


def _unit_tokens(ctx: _Ctx, unit: _Unit) -> list[Any]:
    cached = ctx.unit_tokens.get(unit.index)
    if cached is None:
        span = ctx.doc.char_span(unit.start, unit.end, alignment_mode="expand")
        cached = ctx.unit_tokens[unit.index] = list(span) if span is not None else []
    return cached


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
    if d.frame == "go":
        subj = _subject_token(tok)
        if subj is not None and ctx.in_class(subj, "troops"):
            return 0, None, ()  # "peacekeeping troops have arrived in Bosnia": a deployment, not a visit
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
                "mission", "envoy", "site"):
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
            if m is not None and m.type == "EQUIPMENT":
                if not any(ctx.mention_at.get(w.i) is m for w in weapons):
                    weapons.append(t)
                strength = max(strength, s + 1)  # a named weapon system outranks a person or place nearby
            elif need == "weapon" and t.pos_ == "NOUN" and ctx.in_class(t, "weapon") and head_noun is None \
                    and not _is_domain_noun(t):
                head_noun = t
                strength = max(strength, s)
        if weapons:
            return strength, weapons[0], tuple(weapons)
        if head_noun is not None and need == "weapon" and _generic_weapon_ok(ctx, head_noun):
            return strength, head_noun, (head_noun,)
        return 0, None, ()
    if need == "military_exercise":
        # a named exercise ("l'exercice African Lion"), or an exercise someone took part in; an exercise
        # listed among an agreement's aims ("organiser des manœuvres communes") is none
        for t in list(tok.subtree) + [tok.doc[i] for i in range(max(0, tok.i - 3), min(len(tok.doc), tok.i + 6))]:
            m = ctx.mention_at.get(t.i)
            if m is not None and m.type == "EVENT":
                return 2, t, ()
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


def _not_an_event_word(ctx: _Ctx, tok: Any, d: TriggerDef) -> bool:
    """A trigger word that tells no event here: a word of a name ("US Congress", "Conseil de coopération du
    Golfe"), consultations an envoy is recalled for ("rappelle son ambassadeur pour consultations"), an
    interview given to the press ("un entretien donné à des médias français"), "meet" as "satisfy" ("meets
    the needs of the air force")."""
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
                    and not other.consumed and trig.category not in ("ARMS_TRANSFER",) and trig.d.frame != "agree":
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
                other.consumed = True
                trig.extra_roots.append(other.tok)
    # an agreement to do an act of another kind is that act, planned or done: "agreed to resume diplomatic
    # relations", "agreed that their foreign ministers would meet" (the resumption, the meeting)
    kinds = ("DIPLOMATIC_RELATIONS", "AGREEMENT", "VISIT", "MEETING", "ARMS_TRANSFER", "EXERCISE", "MEDIATION")
    for trig in found:
        if trig.d.frame != "agree" or trig.category != "COOPERATION" or trig.consumed or _pos(trig.tok) != "VERB":
            continue
        clauses = [c for c in trig.tok.children if c.dep_ in ("xcomp", "ccomp")]
        inside = {c.i for c in clauses} | {o.i for c in clauses for o in c.children if o.dep_ in _OBJECT_DEPS}
        if any(o is not trig and o.category in kinds and not o.consumed and o.tok.i in inside for o in found):
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



# --------------------------------------------------------------------------------------------------
# 3. arguments


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
        seen.add((m.start, m.end))
        out.append(ctx.ref(m))
    out.sort(key=lambda r: r.start or 0)
    return out


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
    t = verb
    for _ in range(4):
        subj = _subject_token(t)
        if subj is not None:
            if subj.dep_ in _PASSIVE_SUBJECT and t is verb:
                pass
            refs = _actors_of(ctx, subj)
            if refs:
                return _dedup(refs + _coordinated_head(ctx, t))
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
        return [ctx.ref(m)]
    return []


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
        if t.lower_ in ("par", "by") and t.pos_ == "ADP":
            after = [u for u in _window(ctx, t, 18)]
            stop = next((k for k, u in enumerate(after) if u.pos_ == "PUNCT" and u.text in ".;:(!?"), len(after))
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
        for c in tok.children:
            if c.dep_ in ("obj", "dobj"):
                args.source += _pp_actors(ctx, c, _WITH_CASES | _BETWEEN_CASES)
        args.location = _first(places)
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
                    "lors", "pendant", "during", "at", "after", "à", "au", "après", "de"):
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
            if frame == "act":  # "le camp sera rétrocédé par la France à la Côte d'Ivoire"
                to = _pp_actors(ctx, tok, frozenset({"à", "au", "aux", "to"}))
                if to:
                    if not args.source:
                        args.source = subject
                    args.recipient = to
        else:
            args.source = subject
            args.recipient = _object_actors(ctx, tok) + _pp_actors(
                ctx, tok, _AGAINST_CASES | frozenset({"à", "au", "aux", "to", "toward", "towards", "with"}))
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


def _arms_arguments(ctx: _Ctx, trig: _Trigger, args: _Args, subject: list[ActorRef], verb: Any) -> None:
    tok = trig.tok
    frame = trig.d.frame
    weapon_tok = trig.complement
    if frame == "acquire":
        args.recipient = subject
        args.source = _pp_actors(ctx, tok, _FROM_CASES | frozenset({"de"}))
        if not args.source:
            for t in _window(ctx, tok, WEAPON_WINDOW):
                if t.lower_ in ("auprès", "from") or (t.lower_ == "à" and t.head.i == tok.i):
                    args.source = _mention_refs(ctx, [t.doc[j] for j in range(t.i + 1, min(len(t.doc), t.i + 6))])
                    break
    elif frame == "supply":
        args.source = subject
        to = frozenset({"à", "au", "aux", "to", "for"})
        args.recipient = _pp_actors(ctx, tok, to) + [
            r for c in tok.children if c.dep_ in ("iobj", "dative") for r in _actors_of(ctx, c)]
        if not args.recipient and weapon_tok is not None:  # "livré douze canons Caesar au Maroc" (on the noun)
            args.recipient = _pp_actors(ctx, weapon_tok, to) or _pp_actors(ctx, weapon_tok.head, to)
    else:  # transfer_noun: "l'achat de X par Y", "Morocco's purchase of X"
        args.recipient = _agent_actors(ctx, tok) + _possessor(ctx, tok, subject) + _demonym_actors(ctx, tok)
        if not args.recipient and verb is not None and verb is not tok:
            args.recipient = subject
        args.source = _pp_actors(ctx, tok, _FROM_CASES)
    if not args.source and weapon_tok is not None:
        # "armes israéliennes", "Israeli-made drones", "drones fabriqués par IAI"
        args.source = _demonym_actors(ctx, weapon_tok)
        for c in weapon_tok.children:
            if _pos(c) == "VERB":
                args.source += _agent_actors(ctx, c)
    args.location = None


def _window(ctx: _Ctx, tok: Any, n: int) -> list[Any]:
    unit = ctx.unit_of_token.get(tok.i)
    end = unit.end if unit else len(ctx.annotated.article.text)
    return [t for t in tok.doc[tok.i + 1: min(len(tok.doc), tok.i + 1 + n)] if t.idx < end]


