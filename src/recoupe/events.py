"""The ``events`` stage: who did what with whom, when and where — with the sentence that says so.

Per article (pure; the live spaCy parse, the entity mentions and the timexes in, event mentions out):

1. **Sentences.** The parse's sentences, rejoined where the French model cut a hyphenated word
   ("accord" | "-cadre", "état" | "-major"): the sentence is the evidence quoted. The headline is left out
   (its present tense and ellipsis mislead; the body tells the same events).
2. **Triggers.** Verbs and nouns of the lexicon (``data/events/lexicon.toml``), French and English, each with
   its category and *frame* (how its arguments map to source and recipient). Some need a complement to count:
   "signer" is an agreement only with an agreement noun, "acquérir" an arms transfer only with a weapon, an
   exercise noun only when named or attended. Named exercises and conferences of the entity stage are
   triggers too; gathering nouns take their participants from the verb that governs them ("ont participé à
   l'exercice"); "celui de X" after an event noun and the items of a list after a colon ("une série de
   visites : X en 2021, Y en novembre...") are events of their own.
3. **Arguments** from the dependency parse (fr_core_news_md / en_core_web_sm labels): subject, object,
   agent, prepositional phrases by their preposition, possessives and demonyms (compound ones too:
   "maroco-israélien"), each mapped to the article's entity mentions. Pronoun and relative subjects take the
   actor before them; "les deux pays", "leur coopération", "bilatéral" name the article's dyad (its two most
   named states); linear fallbacks catch what the parser attached elsewhere. A person or organisation stands
   for its state when no state is named. The visitor is the source of a visit, the host its recipient; the
   parties of reciprocal categories (meetings, agreements, cooperation, normalised relations) are all
   sources (PLOVER 2.4.2).
4. **Factuality**: negated ("aucun accord n'a été signé"), hypothetical ("pourrait signer", "si"), reported
   (conditionnel of reported speech "aurait sollicité"; "selon des sources médiatiques"; a speech verb whose
   subject is the press; news agencies relaying official statements excepted), planned (future tense,
   "devrait", "va rencontrer", "prêt à", a purpose "pour rencontrer", "la suite logique serait", an offer
   "a proposé sa médiation", a date after publication), else asserted — in that order of precedence.
5. **Date**: the timex the trigger governs (or its clause's; one that cannot be resolved leaves the event
   unresolved, with its reason), else the sentence's nearest (approximate), else the visit the clause places
   it in ("lors de cette visite", "during his stay"), else the last dated sentence before it in the paragraph
   (approximate; only for a narrated past act), else unresolved — the publication date is never used. "depuis
   X" and "before X" clauses date X, not the event.
6. **PLOVER/CAMEO** coding (``recoupe.plover``), attributes (domains of cooperation as normalised English
   keys, agreement, meeting and exercise names, organisers, arms designation, number, value and status).
7. **Merge** within the article: same category, factuality, actors, people and compatible dates make one
   event with several mentions. Fusion across articles is a later stage.

``to_event_records`` turns event mentions into the contract's ``events.jsonl`` records; ``recoupe.arms``
builds ``arms_transfers.jsonl`` from them. ``EventMention.as_dict``/``from_dict`` let a store keep event
mentions between the batch that finds them and the resolution of entities.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal, cast

from recoupe import plover
from recoupe.arms import count_before, parse_value
from recoupe.kb import KnowledgeBase
from recoupe.records import AnnotatedArticle, Mention
from recoupe.registry import register
from recoupe.timex.calendar import interval
from recoupe.timex.dating import event_date
from recoupe.timex.records import Timex

__all__ = [
    "CATEGORIES",
    "ActorRef",
    "EventDate",
    "EventMention",
    "Evidence",
    "Lexicon",
    "event_id",
    "extract_events",
    "load_lexicon",
    "to_event_records",
]

Category = Literal["VISIT", "MEETING", "CONFERENCE", "AGREEMENT", "COOPERATION", "EXERCISE", "ARMS_TRANSFER",
                   "DIPLOMATIC_RELATIONS", "MEDIATION", "CONFLICT", "STATEMENT", "OTHER"]
CATEGORIES: tuple[Category, ...] = ("VISIT", "MEETING", "CONFERENCE", "AGREEMENT", "COOPERATION", "EXERCISE",
                                    "ARMS_TRANSFER", "DIPLOMATIC_RELATIONS", "MEDIATION", "CONFLICT",
                                    "STATEMENT", "OTHER")
Factuality = Literal["asserted", "planned", "hypothetical", "negated", "reported"]

# Categories whose parties act together (PLOVER 2.4.2: reciprocal events list every party as actor, no
# recipient). The others are directed: the visitor visits the host, the supplier sells to the buyer.
RECIPROCAL: frozenset[str] = frozenset({"MEETING", "CONFERENCE", "AGREEMENT", "COOPERATION"})

# How far to the right of a verb its complement is looked for when the parse does not attach it (the French
# model cuts some sentences at hyphens and attaches objects to the wrong head). Eight tokens cover "ont
# signé à Tunis un accord-cadre"; weapons are often listed after the verb with their supplier between them
# ("a acheté le radar X à la société Y, de même que le missile Z"): fourteen. Set on the seeds and the demo corpus;
# re-run tests/test_events_golden.py if changed.
COMPLEMENT_WINDOW = 8
WEAPON_WINDOW = 14
# A nominal trigger's date may come from the sentence's other timexes when its own clause has none, but only
# from one this close (characters): "signé [...] le 3 mai lors du séjour du ministre" dates the
# visit; a date at the other end of a long sentence does not. Set on the seeds and demo; same test.
SENTENCE_DATE_DISTANCE = 160
# Two mentions of a visit without a named visitor are one visit when their sentences start this close
# (characters): "X est arrivé à Tunis. Il s'agit de la première visite d'un ministre de son pays." Set on
# the seeds; re-run tests/test_events_golden.py if changed.
ADJACENT_CHARS = 250
# Longest name kept for an agreement, meeting or exercise in attributes, in characters.
MAX_NAME_CHARS = 90

_TERMINAL = (".", "!", "?", "…")
_PLACE_CASES = frozenset({"à", "au", "aux", "en", "dans", "vers", "chez", "sur", "to", "in", "into", "at", "for",
                          "toward", "towards", "on"})
_WITH_CASES = frozenset({"avec", "with", "auprès", "alongside"})
_BETWEEN_CASES = frozenset({"entre", "between", "among", "parmi"})
_OF_CASES = frozenset({"de", "du", "des", "d'", "d’", "of", "by", "par"})
_FROM_CASES = frozenset({"auprès", "from", "chez"})
_AGAINST_CASES = frozenset({"contre", "against", "on", "upon", "sur"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"})
_OBJECT_DEPS = frozenset({"obj", "dobj", "iobj", "dative", "attr", "oprd"})
_PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass"})
_REFLEXIVE = frozenset({"se", "s'", "s’", "me", "m'", "m’", "nous", "vous", "te", "t'", "t’"})
_PLURAL_PRONOUNS = frozenset({"ils", "elles", "they", "eux", "leur", "leurs", "their", "them"})
_SINGULAR_PRONOUNS = frozenset({"il", "elle", "he", "she", "it", "lui", "sa", "son", "ses", "his", "her", "its"})
_RELATIVE = frozenset({"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles", "dont", "who", "which",
                       "that", "whom", "où"})
_DYAD_WORDS = re.compile(
    r"\b(?:(?:les|des|aux|entre les)\s+deux\s+(?:pays|parties|armées|états-majors|délégations|capitales|"
    r"royaumes|États|etats|voisins|alliés|partenaires|nations)|les\s+deux|deux\s+pays|bilatéral\w*|mixte|"
    r"conjoint\w*|commun\w*|(?:the\s+)?two\s+(?:countries|sides|armies|states|nations|delegations|"
    r"capitals)|both\s+(?:countries|sides|armies)|both|bilateral|joint|each\s+other)\b",
    re.IGNORECASE,
)
_FUTURE_WORDS = re.compile(r"\b(?:prochain\w*|bientôt|prochainement|à venir|next|upcoming|soon|coming)\b",
                           re.IGNORECASE)


# --------------------------------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorRef:
    """An actor, participant, place or weapon of an event: one of the article's mentions (``start``/``end``
    index its text), or, with ``start`` None, an entry of the knowledge base that the text implies (the
    state of origin of a weapon whose supplier is not named)."""

    article: str
    start: int | None
    end: int | None
    text: str
    type: str
    kb_id: str | None
    country: str | None
    role: str | None = None

    @property
    def key(self) -> str:
        """What identifies the actor within an article: its knowledge-base entry, else its text."""
        return self.kb_id or self.text.lower()


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDate:
    """The contract's event ``date`` object."""

    start: str | None
    end: str | None
    granularity: str
    date_type: str
    reason: str

    def as_dict(self) -> dict[str, str | None]:
        return {"start": self.start, "end": self.end, "granularity": self.granularity,
                "date_type": self.date_type, "reason": self.reason}


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """One sentence that states the event: its offsets in the article text, its text, and the trigger."""

    article: str
    start: int
    end: int
    quote: str
    trigger: str
    trigger_start: int
    trigger_end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EventMention:
    """One event as one article tells it (possibly in several sentences)."""

    article: str
    category: Category
    evidence: tuple[Evidence, ...]
    source: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    participants: tuple[ActorRef, ...] = ()
    location: ActorRef | None = None
    equipment: tuple[ActorRef, ...] = ()
    date: EventDate
    factuality: Factuality
    attributes: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    plover: plover.PloverCode
    # Told by a noun with no verb to say whether it happened ("The Heron deal", a heading): its factuality
    # is the default and it joins a mention of the same event with any factuality.
    verbless: bool = False

    @property
    def trigger(self) -> str:
        return self.evidence[0].trigger

    def countries(self, side: str) -> frozenset[str]:
        refs = self.source if side == "source" else self.recipient
        return frozenset(r.country for r in refs if r.country)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form, for a store to keep event mentions until the entities are resolved
        (``from_dict`` reads it back)."""
        def refs(items: Sequence[ActorRef]) -> list[dict[str, Any]]:
            return [asdict(r) for r in items]

        return {
            "article": self.article, "category": self.category, "evidence": [asdict(e) for e in self.evidence],
            "source": refs(self.source), "recipient": refs(self.recipient), "participants": refs(self.participants),
            "location": asdict(self.location) if self.location is not None else None,
            "equipment": refs(self.equipment), "date": self.date.as_dict(), "factuality": self.factuality,
            "attributes": dict(self.attributes), "plover": asdict(self.plover), "verbless": self.verbless,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EventMention:
        def refs(items: Sequence[Mapping[str, Any]]) -> tuple[ActorRef, ...]:
            return tuple(ActorRef(**r) for r in items)

        code = dict(data["plover"])
        code["context"] = tuple(code.get("context", ()))
        return cls(
            article=data["article"], category=data["category"],
            evidence=tuple(Evidence(**e) for e in data["evidence"]), source=refs(data["source"]),
            recipient=refs(data["recipient"]), participants=refs(data["participants"]),
            location=ActorRef(**data["location"]) if data.get("location") else None,
            equipment=refs(data.get("equipment", [])), date=EventDate(**data["date"]),
            factuality=data["factuality"], attributes=MappingProxyType(dict(data["attributes"])),
            plover=plover.PloverCode(**code), verbless=bool(data.get("verbless", False)),
        )


# --------------------------------------------------------------------------------------------------
# lexicon


@dataclass(frozen=True, slots=True, kw_only=True)
class TriggerDef:
    lang: str
    pos: str
    lemma: str
    category: Category
    frame: str
    needs: str | None = None
    reflexive: bool = False
    with_words: frozenset[str] = frozenset()
    plover: plover.PloverCode | None = None
    attrs: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    order: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    """The events lexicon (``data/events/lexicon.toml``), indexed."""

    triggers: Mapping[tuple[str, str, str], tuple[TriggerDef, ...]]
    nouns: Mapping[str, frozenset[str]]
    domains: re.Pattern[str]
    domain_keys: Mapping[str, str]
    governors: Mapping[str, frozenset[str]]
    cues: Mapping[str, frozenset[str]]
    support: Mapping[str, frozenset[str]]
    demonym_prefixes: Mapping[str, str]
    neighbours: Mapping[str, tuple[str, ...]]

    def noun_class(self, name: str, lang: str) -> frozenset[str]:
        return self.nouns.get(f"{name}_{lang}", self.nouns.get(name, frozenset()))

    def lookup(self, lang: str, pos: str, forms: Iterable[str]) -> tuple[TriggerDef, ...]:
        found: dict[tuple[int, str], TriggerDef] = {}
        for form in forms:
            for d in self.triggers.get((lang, pos, form), ()):
                found.setdefault((d.order, d.lemma), d)
        return tuple(sorted(found.values(), key=lambda d: d.order))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    raw = tomllib.loads((resources.files("recoupe") / "data" / "events" / "lexicon.toml").read_text("utf-8"))
    triggers: dict[tuple[str, str, str], list[TriggerDef]] = {}
    for order, entry in enumerate(raw.get("trigger", [])):
        code = entry.get("plover")
        override = None
        if code:
            override = plover.PloverCode(event_type=code["event_type"], mode=code.get("mode"),
                                         context=tuple(code.get("context", ())), cameo=code.get("cameo"))
        for lemma in entry["lemmas"]:
            d = TriggerDef(lang=entry["lang"], pos=entry["pos"], lemma=lemma.lower(),
                           category=cast(Category, entry["category"]), frame=entry["frame"],
                           needs=entry.get("needs"), reflexive=bool(entry.get("reflexive", False)),
                           with_words=frozenset(w.lower() for w in entry.get("with_words", [])), plover=override,
                           attrs=MappingProxyType(dict(entry.get("attrs", {}))), order=order)
            triggers.setdefault((d.lang, d.pos, d.lemma), []).append(d)
    domains: list[tuple[str, str]] = [(phrase.lower(), key) for key, phrases in raw["domains"].items()
                                      for phrase in phrases]
    domains.sort(key=lambda p: -len(p[0]))
    return Lexicon(
        triggers=MappingProxyType({k: tuple(v) for k, v in triggers.items()}),
        nouns=MappingProxyType({k: frozenset(w.lower() for w in v) for k, v in raw["nouns"].items()}),
        domains=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p, _k in domains) + r")(?![\w-])"),
        domain_keys=MappingProxyType(dict(domains[::-1])),
        governors=MappingProxyType({k: frozenset(w.lower() for w in v) for k, v in raw["governors"].items()}),
        cues=MappingProxyType({k: frozenset(w.lower() for w in v) for k, v in raw["cues"].items()}),
        support=MappingProxyType({k: frozenset(w.lower() for w in v) for k, v in raw["support"].items()}),
        demonym_prefixes=MappingProxyType({k.lower(): str(v) for k, v in raw.get("demonym_prefixes", {}).items()}),
        neighbours=MappingProxyType({k: tuple(v) for k, v in raw.get("neighbours", {}).items()}),
    )


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
# the stage


@register("events.v1", requires=["parse", "mentions", "timexes"], produces=["event_mentions"])
def extract_events(annotated: AnnotatedArticle, doc: Any, mentions: Sequence[Mention], timexes: Sequence[Timex],
                   kb: KnowledgeBase) -> tuple[EventMention, ...]:
    """The events one article tells, each with its evidence sentences (pure; ``doc`` is the article's spaCy
    parse, ``mentions`` its entity mentions, ``timexes`` its temporal expressions)."""
    lang = (annotated.lang or "")[:2].lower()
    if doc is None or lang not in ("fr", "en") or not len(doc):
        return ()
    lex = load_lexicon()
    mention_at: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            mention_at.setdefault(t.i, m)
    dyad, first = _dyad(mentions, kb)
    timex_tokens = []
    for t in timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span):
            timex_tokens.append((t, span))
    ctx = _Ctx(annotated=annotated, doc=doc, lang=lang, lex=lex, kb=kb, mention_at=mention_at, mentions=mentions,
               dyad=dyad, dyad_refs={}, timex_tokens=timex_tokens, units=_units(annotated))
    ctx.dyad_refs = {c: ctx.ref(first[c]) for c in dyad}
    ctx.states = _states_of(kb)
    unit_starts = [u.start for u in ctx.units]
    for tok in doc:
        i = bisect_right(unit_starts, tok.idx) - 1
        if i >= 0 and tok.idx < ctx.units[i].end:
            ctx.unit_of_token[tok.i] = ctx.units[i]
    found: list[EventMention] = []
    for unit in ctx.units:
        if _is_headline(annotated, unit):
            continue
        triggers = _detect(ctx, unit)
        for trig in triggers:
            if trig.consumed:
                continue
            built = _build(ctx, trig, triggers)
            found.extend(built)
            ctx.told.extend(built)
        _remember_subjects(ctx, unit)
    return tuple(_merge(found))


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
    if need in ("agreement", "relations", "cooperation", "sanction", "troops", "restriction", "sovereignty",
                "mission"):
        cls = need
        for strength, t in _complement_candidates(ctx, tok, tokens, COMPLEMENT_WINDOW):
            if t.pos_ in ("NOUN", "PROPN") and ctx.in_class(t, cls) and t.i != tok.i:
                if cls == "agreement" and _is_press_or_other(t):
                    continue
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
                    _case(c) in ("à", "au", "aux", "to") and (
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
        for c in heads:
            for t in _phrase(c):
                m = ctx.mention_at.get(t.i)
                if (m is not None and m.type in ("PERSON", "GPE", "ORG")) or ctx.in_class(t, "person"):
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
            t = t.head
            chain.append(t)
            continue
        break
    return chain


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
        if "Fut" in t.morph.get("Tense") and _pos(t) == "VERB":
            return "planned"
        for c in t.children:
            if c.dep_ in ("aux", "aux:tense", "aux:pass") and ("Fut" in c.morph.get("Tense") or c.lemma_.lower() in (
                    "will", "shall", "aller")):
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
                                                 "plan", "intention", "wish", "desire", "readiness"):
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


# --------------------------------------------------------------------------------------------------
# 5. dates


def _usable(t: Timex) -> bool:
    return t.type in ("DATE", "TIME")


_SINCE = frozenset({"depuis", "since"})


def _since(ctx: _Ctx, span: Any, trig: _Trigger | None = None) -> bool:
    """"depuis décembre 2020", "since the normalisation of December 2020": the start of a state, not the
    date of an event — unless the trigger is itself in that phrase ("depuis la normalisation [...] en
    décembre 2020" dates the normalisation)."""
    first = span[0]
    prev = [ctx.doc[i] for i in range(max(0, first.i - 2), first.i)]
    if any(w.lower_ in _SINCE for w in prev) or first.lower_ in _SINCE:
        return trig is None or trig.tok.i not in {t.i for t in span}
    t = span.root
    for _ in range(4):
        if any(c.dep_ in ("case", "mark", "prep") and c.lower_ in _SINCE for c in t.children) or (
                t.dep_ == "pobj" and t.head.lower_ in _SINCE):
            return trig is None or trig.tok.i not in {u.i for u in t.subtree}
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _governs(ctx: _Ctx, trig: _Trigger, span: Any, others: set[int]) -> bool:
    """Whether a timex is attached to the trigger (or to its anchor) before any other verb or trigger."""
    targets = {trig.tok.i}
    if trig.anchor is not None:
        targets.add(trig.anchor.i)
    t = span.root
    for _ in range(8):
        if t.i in targets:
            return True
        if t.i in others or t.head.i == t.i:
            return False
        if _pos(t) == "VERB" and t.i not in targets and t is not span.root:
            return False
        t = t.head
    return False


def _date_of(ctx: _Ctx, trig: _Trigger, all_triggers: Sequence[_Trigger],
             factuality_hint: str | None) -> tuple[EventDate, str | None]:
    """The event's date and the timex value it came from (None when unresolved)."""
    unit = trig.unit
    assert unit is not None
    others = {t.tok.i for t in all_triggers if t is not trig} | {
        t.anchor.i for t in all_triggers if t is not trig and t.anchor is not None and t.anchor is not trig.anchor}
    in_unit = [(t, s) for t, s in ctx.timex_tokens if unit.start <= t.start < unit.end and _usable(t)]
    if trig.item is not None:
        lo, hi = trig.item
        in_unit = [(t, s) for t, s in in_unit if lo <= t.start < hi]
        item_dates = [t for t, _s in in_unit if t.value and event_date(t)["start"]]
        if item_dates:
            return _date(item_dates[0], "exact", "the expression of its item in the list"), item_dates[0].value
        if in_unit:
            d = event_date(in_unit[0][0])
            return EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                             reason=f"the expression of its item cannot be resolved: {d['reason']}"), None
        return EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                         reason="no date in its item of the list"), None
    items = [x.item for x in all_triggers if x.item is not None]
    in_unit = [(t, s) for t, s in in_unit if not any(lo <= t.start < hi for lo, hi in items)]
    governed = [(t, s) for t, s in in_unit if _governs(ctx, trig, s, others) and not _since(ctx, s, trig)]
    if trig.anchor is not None and trig.anchor is not trig.tok and trig.tok.dep_ in _SUBJECT_DEPS and \
            trig.anchor.lemma_.lower() in ctx.lex.support["sequence"]:
        # "X's visit was followed in July by Y's": July is Y's
        governed = [(t, s) for t, s in governed if _governs(ctx, _without_anchor(trig), s, others)]
    governed = [(t, s) for t, s in governed if not _range_second(t, in_unit)]
    if governed:
        valued = [(t, s) for t, s in governed if t.value and event_date(t)["start"]]
        if valued:
            t = min(valued, key=lambda ts: abs(ts[0].start - trig.tok.idx))[0]
            return _date(t, "exact", None), t.value
        t = governed[0][0]
        d = event_date(t)
        return EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                         reason=f"the expression that dates it cannot be resolved: {d['reason']}"), None
    # the sentence's other dates
    candidates = [(t, s) for t, s in in_unit if t.value and event_date(t)["start"] and not _since(ctx, s, trig)
                  and not _range_second(t, in_unit) and not _in_other_time_clause(s, trig)]
    if _temporal_reference(trig.tok):
        candidates = []  # "depuis la normalisation", "since the normalisation": an earlier event named, not dated
    if trig.anchor is not None and trig.anchor.lemma_.lower() in ctx.lex.support["sequence"] and \
            trig.tok.dep_ in _SUBJECT_DEPS:
        candidates = []
    if candidates:
        t = min(candidates, key=lambda ts: abs(ts[0].start - trig.tok.idx))[0]
        if abs(t.start - trig.tok.idx) <= SENTENCE_DATE_DISTANCE:
            return _date(t, "approximate", "not governed by the trigger; the sentence's date"), t.value
    # "During his stay he met...", "Au cours de ce déplacement": the visit told before
    stay = _during_visit(ctx, trig)
    if stay is not None:
        return stay
    # the narrative anchor: the last dated sentence before, in the same paragraph
    if factuality_hint in ("asserted", "reported") and _narrated(trig):
        previous = [u for u in ctx.units if u.paragraph == unit.paragraph and u.end <= unit.start]
        for u in reversed(previous):
            dated = [t for t, s in ctx.timex_tokens if u.start <= t.start < u.end and _usable(t) and t.value
                     and event_date(t)["start"] and not _since(ctx, s)]
            if dated:
                t = dated[-1]
                return _date(t, "approximate", "no date in its sentence; the last dated sentence before it in the "
                                               "paragraph"), t.value
    pub = ctx.annotated.article.published.value
    reason = "no date in its sentence nor in the sentences before it in the paragraph"
    reason += f"; the publication date ({pub}) is not used" if pub else "; the article is undated"
    return EventDate(start=None, end=None, granularity="unknown", date_type="unresolved", reason=reason), None


def _narrated(trig: _Trigger) -> bool:
    """Whether the trigger's clause narrates a past act (passé composé, plus-que-parfait, passé simple,
    simple past): only then does the last dated sentence before it date it."""
    verb = trig.anchor if trig.anchor is not None and _pos(trig.anchor) == "VERB" else None
    if verb is None:
        return False
    if "Past" in verb.morph.get("Tense") and "Part" not in verb.morph.get("VerbForm"):
        return True
    if verb.tag_ in ("VBD",):
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass")]
    return "Part" in verb.morph.get("VerbForm") and bool(auxes) and not any(
        "Fut" in a.morph.get("Tense") or "Cnd" in a.morph.get("Mood") for a in auxes)


def _without_anchor(trig: _Trigger) -> _Trigger:
    """The trigger without its anchor (its own phrase only)."""
    return _Trigger(tok=trig.tok, d=trig.d, category=trig.category, complement=trig.complement, anchor=trig.tok,
                    unit=trig.unit)


_TIME_CLAUSE = frozenset({"before", "after", "until", "avant", "après", "jusqu'à", "jusqu’à", "since", "depuis"})


def _in_other_time_clause(span: Any, trig: _Trigger) -> bool:
    """"Long before the two countries normalised relations in December 2020, [...] was already flying": a
    date inside a clause that places the trigger before or after something dates that something."""
    t = span.root
    for _ in range(6):
        if _pos(t) == "VERB" and any(c.dep_ == "mark" and c.lower_ in _TIME_CLAUSE for c in t.children):
            return trig.tok.i not in {u.i for u in t.subtree}
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _temporal_reference(tok: Any) -> bool:
    """A noun naming an earlier event as a time reference ("depuis la normalisation", "après leur
    rapprochement", "since the normalisation"): its sentence's dates are not its own."""
    if _pos(tok) != "NOUN":
        return False
    cases = {c.lower_ for c in tok.children if c.dep_ in ("case", "mark")}
    if tok.dep_ == "pobj":
        cases.add(tok.head.lower_)
    return bool(cases & {"depuis", "since", "après", "after", "avant", "before", "dès"})


def _during_visit(ctx: _Ctx, trig: _Trigger) -> tuple[EventDate, str | None] | None:
    """The date of the visit told before, when the trigger's clause places it during that visit ("lors de
    cette visite", "au cours de ce déplacement", "during his stay")."""
    root = trig.anchor if trig.anchor is not None else trig.tok
    for t in root.subtree:
        occasion = t.lemma_.lower() in ("occasion",)
        if t.i == trig.tok.i or not (occasion or any(
                f in ("visite", "déplacement", "séjour", "venue", "visit", "trip", "stay") for f in _forms(t))):
            continue
        marked = any(c.dep_ == "det" and ("Dem" in c.morph.get("PronType") or "Yes" in c.morph.get("Poss")
                                          or c.lower_ in ("his", "her", "their", "this", "that"))
                     for c in t.children) or any(c.dep_ == "poss" for c in t.children)
        temporal = _case(t) in ("lors", "de", "pendant", "during", "au", "durant", "on", "in", "à") or (
            t.head.lower_ in ("lors", "cours", "during", "pendant"))
        if not (marked and temporal):
            continue
        for e in reversed(ctx.told):
            kinds = ("VISIT", "MEETING", "CONFERENCE", "EXERCISE") if occasion else ("VISIT",)
            if e.category in kinds and e.date.start and e.evidence[0].start < trig.tok.idx:
                return EventDate(start=e.date.start, end=e.date.end, granularity=e.date.granularity,
                                 date_type="approximate",
                                 reason=f"during the visit told before ('{e.trigger}'): {e.date.reason}"), e.date.start
    return None


def _range_second(t: Timex, in_unit: Sequence[tuple[Timex, Any]]) -> bool:
    """The second bound of a range ("du 17 au 20 juillet"): the first bound carries the range."""
    return any(o.range_end is not None and o.range_end == t.value and o.start < t.start for o, _s in in_unit)


_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _iso_bounds(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """Contract dates are ISO 8601 truncated to what is known: a season ("2021-SU") becomes its months
    ("2021-06".."2021-08"), the granularity saying it is a season."""
    out: list[str | None] = []
    for k, value in enumerate((start, end)):
        if value is None or _ISO.match(value):
            out.append(value)
            continue
        span = interval(value)
        out.append(None if span is None else span[k].isoformat()[:7])
    return out[0], out[1]


def _date(t: Timex, date_type: str | None, note: str | None) -> EventDate:
    d = event_date(t)
    d["start"], d["end"] = _iso_bounds(d["start"], d["end"])
    if d["start"] is None:
        return EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                         reason=f"'{t.text}' has no calendar date: {d['reason']}")
    dt = d["date_type"] or "unresolved"
    if date_type == "approximate" and dt == "exact":
        dt = "approximate"
    reason = d["reason"] or ""
    if note:
        reason = f"{note}: {reason}"
    return EventDate(start=d["start"], end=d["end"], granularity=d["granularity"] or "unknown", date_type=dt,
                     reason=reason)


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


def _arms_attributes(ctx: _Ctx, trig: _Trigger, weapon: Any, factuality: Factuality) -> dict[str, Any]:
    m = ctx.mention_at.get(weapon.i)
    attrs: dict[str, Any] = {}
    if m is not None and m.type == "EQUIPMENT":
        attrs["designation"] = m.text
        attrs["equipment"] = m.kb_id
        noun = weapon.head if weapon.dep_ in ("appos", "flat:name", "compound", "nmod") else weapon
        if noun.i != weapon.i and ctx.in_class(noun, "weapon"):
            attrs["description"] = noun.text
    else:
        attrs["designation"] = weapon.text
        attrs["equipment"] = None
    for cand in (weapon, weapon.head if weapon.dep_ in ("appos", "flat:name", "compound", "nmod") else weapon):
        n = count_before(cand)
        if n is not None:
            attrs["number"] = n
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
    if factuality == "reported":
        status = "reported"
    elif factuality in ("planned", "hypothetical"):
        status = "planned"
    elif lemma in ("commander", "order", "commande", "contrat", "contract", "acheter", "buy", "purchase", "achat",
                   "payer", "pay", "débourser", "vendre", "sell", "sale", "vente", "deal"):
        status = "ordered"
    else:
        status = "delivered"
    attrs["status"] = status
    return attrs


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
    factuality = _factuality(ctx, trig)
    date, _value = _date_of(ctx, trig, all_triggers, factuality)
    pub = ctx.annotated.article.published.value
    if factuality == "asserted" and date.start and date.date_type != "approximate" and pub and \
            date.start[:len(pub)] > pub[:len(date.start)]:
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
    provisional = _factuality(ctx, trig)
    for weapon in weapons:
        m = ctx.mention_at.get(weapon.i)
        src = list(source)
        equipment: tuple[ActorRef, ...] = ()
        if m is not None and m.type == "EQUIPMENT":
            ref = ctx.ref(m)
            equipment = (ref,)
            entry = ctx.kb.get(m.kb_id) if m.kb_id else None
            if not src and entry is not None and entry.country:
                state = ctx.kb.get(entry.country)
                src = [ActorRef(article=ctx.article_id, start=None, end=None,
                                text=state.name if state else entry.country, type="GPE", kb_id=entry.country,
                                country=entry.country)]
        attrs = _arms_attributes(ctx, trig, weapon, provisional)
        rcp = list(recipient)
        if not rcp and src and len(ctx.dyad) == 2:
            # "Après avoir acheté plusieurs systèmes israéliens, le royaume...": the article's other state
            other = [c for c in ctx.dyad if c not in {r.country for r in src}]
            if len(other) == 1 and {r.country for r in src} & set(ctx.dyad):
                rcp = [ctx.dyad_refs[other[0]]]
        if not src or not rcp:
            continue
        src = [r for r in src if r.country not in {x.country for x in rcp}] or src
        out.append(_finish(ctx, trig, all_triggers, src, rcp, args, attrs, equipment))
    return out


# --------------------------------------------------------------------------------------------------
# 7. merging within the article


def _compatible_dates(a: EventDate, b: EventDate) -> bool:
    if a.start is None or b.start is None:
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
    return order.get(d.granularity, 0) * 2 + (1 if d.date_type == "exact" else 0) if d.start else -1


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


# --------------------------------------------------------------------------------------------------
# records of the contract


def _entity_id(r: ActorRef, entity_of: Mapping[tuple[str, int, int], str],
               entities: Mapping[str, Mapping[str, Any]]) -> str | None:
    """The entity an actor belongs to: its mention's, else its knowledge-base entry's, else (for a state
    implied without a mention of its own: "maroco-", a weapon's state of origin) its state's; None when the
    entity stage knows none of these."""
    if r.start is not None and r.end is not None:
        found = entity_of.get((r.article, r.start, r.end))
        if found:
            return found
    for candidate in (r.kb_id, r.country if r.type in ("GPE", "LOC") or r.start is None else None):
        if candidate and candidate in entities:
            return candidate
    return None


def _actor_record(r: ActorRef, entity_of: Mapping[tuple[str, int, int], str],
                  entities: Mapping[str, Mapping[str, Any]]) -> dict[str, Any] | None:
    entity = _entity_id(r, entity_of, entities)
    if entity is None:
        return None
    record = entities.get(entity)
    name = str(record["name"]) if record else r.text
    country = (record.get("country") if record else None) or r.country
    return {"entity": entity, "name": name, "country": country}


def _actor_records(refs: Sequence[ActorRef], entity_of: Mapping[tuple[str, int, int], str],
                   entities: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in refs:
        record = _actor_record(r, entity_of, entities)
        if record is not None and record["entity"] not in {x["entity"] for x in out}:
            out.append(record)
    return out


def event_id(e: EventMention, entity_of: Mapping[tuple[str, int, int], str]) -> str:
    """Stable id: category, sorted actor ids, date start, first evidence (article and trigger offsets), and
    the designation for arms transfers (two deals told in one sentence)."""
    actors = sorted({str(entity_of.get((r.article, r.start, r.end), "") if r.start is not None and r.end is not None
                         else "") or r.kb_id or r.country or r.text for r in e.source + e.recipient})
    first = min(e.evidence, key=lambda x: (x.article, x.trigger_start))
    parts = [e.category, "|".join(actors), e.date.start or "", first.article, str(first.trigger_start),
             str(first.trigger_end), str(e.attributes.get("designation") or "")]
    return "ev:" + hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def to_event_records(event_mentions: Sequence[EventMention], entity_of: Mapping[tuple[str, int, int], str],
                     entities: Mapping[str, Mapping[str, Any]],
                     outlet_of: Mapping[str, str | None] | None = None) -> list[dict[str, Any]]:
    """The contract's ``events.jsonl`` records (pure). ``entity_of`` maps a mention (article, start, end) to
    its entity id, ``entities`` entity ids to their records, ``outlet_of`` articles to their outlet (None:
    unknown, counted once per article). Sorted by id."""
    outlet_of = outlet_of or {}
    out: list[dict[str, Any]] = []
    for e in event_mentions:
        outlets = {outlet_of.get(x.article) or f"article:{x.article}" for x in e.evidence}
        participants = [{"entity": a["entity"], "name": a["name"], "role": p.role}
                        for p in e.participants if (a := _actor_record(p, entity_of, entities)) is not None]
        attributes = dict(e.attributes)
        out.append({
            "id": event_id(e, entity_of),
            "category": e.category,
            "event_type": e.plover.event_type,
            "mode": e.plover.mode,
            "context": list(e.plover.context),
            "cameo": e.plover.cameo,
            "source": _actor_records(e.source, entity_of, entities),
            "recipient": _actor_records(e.recipient, entity_of, entities),
            "participants": participants,
            "date": e.date.as_dict(),
            "event_loc": _actor_record(e.location, entity_of, entities) if e.location is not None else None,
            "factuality": e.factuality,
            "attributes": attributes,
            "mentions": [{"article": x.article, "start": x.start, "end": x.end, "quote": x.quote}
                         for x in e.evidence],
            "n_sources": len(outlets),
            "conflicts": [],
        })
    out.sort(key=lambda r: r["id"])
    return out
