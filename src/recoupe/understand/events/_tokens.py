"""Step 1 of the events stage (see ``recoupe.understand.events``) and the helpers every later step uses: token
helpers on the spaCy parse (forms, part of speech, preposition, phrase, conjuncts, the tokens of a sentence and
the window after a token), the article context (``_Ctx``), its sentences (``_Unit``), the trigger record
(``_Trigger``) and the article's dyad of states."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from recoupe.kb import KnowledgeBase
from recoupe.records import AnnotatedArticle, Mention
from recoupe.understand.events._common import (
    _OF_CASES,
    _TERMINAL,
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
    signed: Any = None              # an arms deal's signing ("signed an agreement to procure X"): its tense, date


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
        if _acts_for_organisation(m, self.kb, self.annotated.article.published.value):
            # an official of an intergovernmental organisation acts for it, not for the state of his or
            # her nationality ("NATO Secretary General Jens Stoltenberg welcomed Finland": no Norway)
            return ActorRef(article=m.article, start=m.start, end=m.end, text=m.text, type=m.type,
                            kb_id=m.kb_id, country=None, role=m.role)
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


# Sectors of an office whose holder acts for an organisation, not a state (a role's sector, from its
# organisation's: kb/model.py _ROLE_SECTOR_FROM_ORG).
ORGANISATION_SECTORS = frozenset({"IGO", "PKO"})
_ROLE_WORD = re.compile(r"[^\W\d_][\w\-]*")
_ROLE_NGRAM = 5  # the longest organisation name looked up inside a title, in words ("League of Arab States")


def _names_organisation(role: str, kb: KnowledgeBase) -> bool:
    """A title that names an intergovernmental organisation and no state: "secrétaire général de la Ligue
    arabe", "NATO's deputy secretary general" (not "ambassadeur de France auprès de l'ONU")."""
    words = _ROLE_WORD.findall(role.replace("’", " ").replace("'", " "))
    organisation = state = False
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + _ROLE_NGRAM) + 1):
            for entry, how in kb.lookup(" ".join(words[i:j])):
                if entry.type == "ORG" and entry.country is None and entry.sector in ORGANISATION_SECTORS \
                        and how in ("alias", "acronym"):
                    organisation = True
                elif entry.type == "GPE" and entry.country and not kb.is_ambiguous(entry, " ".join(words[i:j])):
                    state = True
    return organisation and not state


def _acts_for_organisation(m: Mention, kb: KnowledgeBase, on: str | None) -> bool:
    """A person named with the title of an office in an intergovernmental organisation ("le secrétaire
    général de la Ligue arabe", "NATO's deputy secretary general"), or one whose first office on the
    article's date ``on`` the knowledge base gives to such an organisation (no state of its own): he or she
    acts for it, not for the state of his or her nationality."""
    if m.type != "PERSON":
        return False
    if m.role and _names_organisation(m.role, kb):
        return True
    entry = kb.get(m.kb_id) if m.kb_id else None
    if entry is None or entry.type != "PERSON" or not kb.roles_on(entry, on):
        return False
    if on is None:  # an undated article: only a person whose every office is an organisation's
        return all(kb.role_country(entry, r) is None and kb.actor_code(entry, r.start or r.end)[1]
                   in ORGANISATION_SECTORS for r in entry.roles)
    country, sector = kb.actor_code(entry, on)
    return country is None and sector in ORGANISATION_SECTORS


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


def _unit_tokens(ctx: _Ctx, unit: _Unit) -> list[Any]:
    cached = ctx.unit_tokens.get(unit.index)
    if cached is None:
        span = ctx.doc.char_span(unit.start, unit.end, alignment_mode="expand")
        cached = ctx.unit_tokens[unit.index] = list(span) if span is not None else []
    return cached


def _window(ctx: _Ctx, tok: Any, n: int) -> list[Any]:
    unit = ctx.unit_of_token.get(tok.i)
    end = unit.end if unit else len(ctx.annotated.article.text)
    return [t for t in tok.doc[tok.i + 1: min(len(tok.doc), tok.i + 1 + n)] if t.idx < end]
