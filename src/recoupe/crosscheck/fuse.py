"""The ``fuse.v1`` stage: one record per real-world event across articles, its sources and its contradictions.

Input: every event mention the events stage found (one per article that tells an event), the resolved
entities, the articles' outlets and dates, and the stories (``recoupe.crosscheck.stories``). Output (pure):

* events — mentions of one event merged (``link``): same category, compatible actors (the states overlap;
  named persons of one state must be the same), compatible dates (intervals intersect, with a tolerance for
  events that last days), compatible names (weapon designation, named exercise). A mention dated only to a
  month must be the only fit or share a person, name or story with the event; one dated to a year must share
  one; an undated mention joins only an event of its own story (or, for a visit, meeting or statement told
  in passing, the one event of its person). A mention that could join two events joins none, and a vague
  mention of a person's doing joins only that person's event. ``n_sources`` counts distinct outlets,
  syndicated copies of one dispatch once;
* conflicts — each field on which the merged sources disagree: the date of a one-day event, numbers and
  values of an arms deal, its named place, the scope of an agreement (``attributes.domains``: two lists that
  each name a domain the other does not; a shorter list is an omission), and persons' stated roles within one
  story (where the roles refer to the same moment);
* coverage — for each story, which outlet reported which event, and the events only one outlet reports;
* inferred dates — an undated article whose headline or first paragraph tells, undated, an event of its own
  story that other articles date to the day is dated from them (``basis: "inferred"``, with the reason), never
  earlier than its own lower bound.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from recoupe.registry import register
from recoupe.understand.events.records import EventMention, event_id, to_event_records
from recoupe.understand.timex.calendar import interval
from recoupe.understand.timex.dating import date_from_story

__all__ = ["FuseItem", "Fusion", "fuse", "link"]

# Categories whose two sides are not distinguished (both parties sign, meet, exercise together): actors are
# compared as one set. The others (VISIT, ARMS_TRANSFER, STATEMENT, MEDIATION) compare source with source and
# recipient with recipient.
RECIPROCAL = frozenset({"MEETING", "CONFERENCE", "AGREEMENT", "COOPERATION", "DIPLOMATIC_RELATIONS", "EXERCISE",
                        "CONFLICT", "OTHER"})
# Events that last several days: outlets date different days of them (arrival on the 18th, talks on the 19th)
# without contradicting each other.
DURATIVE = frozenset({"VISIT", "MEETING", "CONFERENCE", "EXERCISE", "CONFLICT", "MEDIATION"})
# Events that are a person's doing (who travels, who meets, who speaks): a vaguely dated mention that names
# a person joins only an event of that person (Shaked's June visit is not the observers' June visit, seeds).
PERSON_CENTRIC = frozenset({"VISIT", "MEETING", "STATEMENT"})
# Day-dated mentions of a durative event this many days apart are one event (a three-day visit told by its
# first and last day). Set from the seeds (Kochavi's visit: Monday 18 and Tuesday 19 July 2022) and the demo
# corpus (the Rabat committee dated 24, 25 and 26 January 2023 by three outlets); re-run
# tests/test_fuse.py and bench/bench_coref.py if changed.
DURATIVE_TOLERANCE_DAYS = 3
# For one-day events (a signature, a statement, a break of relations) outlets may be one day apart (time zones,
# "yesterday" read on the wrong day): they merge, and the different days are recorded as a conflict.
POINT_TOLERANCE_DAYS = 1
# Domains every defence agreement names: a list differing only by these is no disagreement on scope.
GENERIC_DOMAINS = frozenset({"military", "security", "defence", "defense"})

# A date spanning at most this many days is precise ("Monday and Tuesday"); up to a season it is a month-like
# date ("earlier this week" read as a week counts as one), beyond it a year-like one.
PRECISE_DAYS = 4
SEASON_DAYS = 92


def _tier_of_span(days: int) -> int:
    return 0 if days < PRECISE_DAYS else 1 if days <= SEASON_DAYS else 2


_FACT_GROUP = {"asserted": "real", "reported": "real", "planned": "future", "hypothetical": "future",
               "negated": "negated"}


@dataclass(frozen=True, slots=True, kw_only=True)
class FuseItem:
    """What ``link`` compares of one event mention."""

    article: str
    category: str
    reciprocal: bool = True
    story: str | None = None
    source_countries: frozenset[str] = frozenset()
    recipient_countries: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    # country of each named person (entity id -> ISO code or None), to tell "two persons of one state" apart
    person_country: Mapping[str, str | None] = field(default_factory=dict)
    names: frozenset[str] = frozenset()
    start: date | None = None
    end: date | None = None
    granularity: str = "unknown"
    factuality: str = "asserted"

    # derived once (link compares each item with many events): all states, precision tier (0: dated to a few
    # days, 1: to a month or a season, 2: to a year or more, 3: undated), date tolerance of the category
    countries: frozenset[str] = field(init=False)
    tier: int = field(init=False)
    tolerance: timedelta = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "countries", self.source_countries | self.recipient_countries)
        tier = 3 if self.start is None or self.end is None else _tier_of_span((self.end - self.start).days)
        object.__setattr__(self, "tier", tier)
        object.__setattr__(self, "tolerance", _tolerance(self.category))


@dataclass(slots=True)
class _Cluster:
    category: str
    members: list[int]
    articles: set[str]
    stories: set[str]
    source_countries: set[str]
    recipient_countries: set[str]
    persons: dict[str, set[str]]  # country -> persons of that country named in the event
    all_persons: set[str]
    names: set[str]
    fact: str
    best_tier: int = 3
    lo: date | None = None  # the dates every dated member allows (intersection of their intervals)
    hi: date | None = None

    countries: set[str] = field(default_factory=set)

    def add(self, i: int, it: FuseItem) -> None:
        self.members.append(i)
        self.best_tier = min(self.best_tier, it.tier)
        self.articles.add(it.article)
        if it.story:
            self.stories.add(it.story)
        self.source_countries |= it.source_countries
        self.recipient_countries |= it.recipient_countries
        self.countries |= it.countries
        for p in it.persons:
            self.all_persons.add(p)
            c = it.person_country.get(p)
            if c:
                self.persons.setdefault(c, set()).add(p)
        self.names |= it.names
        if it.start is not None and it.end is not None:
            if self.lo is None or self.hi is None:
                self.lo, self.hi = it.start, it.end
            else:
                lo, hi = max(self.lo, it.start), min(self.hi, it.end)
                if lo <= hi:  # tolerance admitted a neighbour: keep the span of both
                    self.lo, self.hi = lo, hi
                else:
                    self.lo, self.hi = min(self.lo, it.start), max(self.hi, it.end)


def _tolerance(category: str) -> timedelta:
    return timedelta(days=DURATIVE_TOLERANCE_DAYS if category in DURATIVE else POINT_TOLERANCE_DAYS)


def _compatible(it: FuseItem, c: _Cluster) -> bool:
    if it.start is not None and it.end is not None and c.lo is not None and c.hi is not None and (
            it.start > c.hi + it.tolerance or it.end < c.lo - it.tolerance):
        return False
    if _FACT_GROUP.get(it.factuality, "real") != c.fact:
        return False
    if it.article in c.articles and not (it.persons & c.all_persons or it.names & c.names):
        return False  # the events stage told two events apart in one article: only a shared person or name rejoins them
    if it.reciprocal:
        a, b = it.countries, c.countries
        if a and b:
            shared = a & b
            if not shared or (len(shared) < 2 and min(len(a), len(b)) >= 2):
                return False
    else:
        for mine, theirs in ((it.source_countries, c.source_countries), (it.recipient_countries,
                                                                          c.recipient_countries)):
            if mine and theirs and not mine & theirs:
                return False
    for p in it.persons:
        country = it.person_country.get(p)
        theirs = c.persons.get(country, set()) if country else set()
        if theirs and p not in theirs and not (it.persons & theirs):
            return False  # another person of the same state: another visit, another meeting
    return not (it.names and c.names and not it.names & c.names)


def _identified(it: FuseItem, c: _Cluster) -> bool:
    """Evidence beyond compatibility that a vaguely dated mention tells this event: a shared person, name or
    story."""
    return bool((it.persons & c.all_persons) or (it.names & c.names) or (it.story and it.story in c.stories))


def _closeness(it: FuseItem, clusters: Sequence[_Cluster], ci: int) -> tuple[int, int, int]:
    c = clusters[ci]
    gap = 0 if c.lo is None or it.start is None else abs((c.lo - it.start).days)
    return (-len(it.persons & c.all_persons), gap, ci)


def _months(lo: date, hi: date) -> Iterable[tuple[int, int]]:
    y, m = lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _days(lo: date, hi: date) -> range:
    return range(lo.toordinal(), hi.toordinal() + 1)


def link(items: Sequence[FuseItem]) -> list[list[int]]:
    """Clusters of item indexes, one per real-world event; every index in exactly one cluster, each cluster
    sorted, clusters sorted by their first index. Near-linear: a mention dated to the day is compared only with
    events of its category, state and days; a vaguer one with those of its months; an undated one with those of
    its story or its persons."""
    clusters: list[_Cluster] = []
    by_day: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    by_month: dict[tuple[str, str, int, int], list[int]] = defaultdict(list)
    by_story: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_person_year: dict[tuple[str, str, int], list[int]] = defaultdict(list)  # persons and names
    by_person: dict[tuple[str, str], list[int]] = defaultdict(list)

    def index(ci: int, it: FuseItem) -> None:
        cat = clusters[ci].category
        if it.start is not None and it.end is not None:
            tol = it.tolerance
            for country in it.countries or {""}:
                if it.tier == 0:
                    for d in _days(it.start - tol, it.end + tol):
                        by_day[(cat, country, d)].append(ci)
                for y, m in _months(it.start - tol, it.end + tol):
                    by_month[(cat, country, y, m)].append(ci)
            for key in it.persons | it.names:
                for y in range(it.start.year, it.end.year + 1):
                    by_person_year[(cat, key, y)].append(ci)
        if it.story:
            by_story[(cat, it.story)].append(ci)
        for p in it.persons:
            by_person[(cat, p)].append(ci)

    def candidates(it: FuseItem) -> list[int]:
        """Events the item may join. A year-dated or undated item joins only an identified event (shared
        person, name or story): it is looked up by those, not among all the events of its states' year."""
        found: set[int] = set()
        cat = it.category
        if it.start is not None and it.end is not None:
            if it.tier < 2:
                for country in it.countries or {""}:
                    if it.tier == 0:
                        for d in _days(it.start, it.end):
                            found.update(by_day.get((cat, country, d), ()))
                    else:
                        for y, m in _months(it.start, it.end):
                            found.update(by_month.get((cat, country, y, m), ()))
            if it.tier == 2 or not it.countries:
                for key in it.persons | it.names:
                    for y in range(it.start.year, it.end.year + 1):
                        found.update(by_person_year.get((cat, key, y), ()))
        elif cat in PERSON_CENTRIC:
            for p in it.persons:
                found.update(by_person.get((cat, p), ()))
        if it.story:
            found.update(by_story.get((cat, it.story), ()))
        return sorted(found)

    order = sorted(range(len(items)), key=lambda i: (items[i].tier, items[i].start or date.max,
                                                     -len(items[i].persons), i))
    for i in order:
        it = items[i]
        fits = [ci for ci in candidates(it) if _compatible(it, clusters[ci])
                # with no state on one side, the date alone does not make two mentions one event
                and ((it.countries and clusters[ci].countries) or _identified(it, clusters[ci]))]
        if it.tier == 3:
            # undated: an event of its own story (for a person's doing, with the same persons when it names
            # any), else, for a person's doing, the one event of that person ("since General X's visit")
            in_story = [ci for ci in fits if it.story and it.story in clusters[ci].stories
                        and (it.category not in PERSON_CENTRIC or not it.persons
                             or it.persons & clusters[ci].all_persons)]
            fits = in_story or ([ci for ci in fits if it.persons & clusters[ci].all_persons]
                                if it.category in PERSON_CENTRIC else [])
        elif it.tier == 2 or (it.tier == 1 and len(fits) > 1):
            fits = [ci for ci in fits if _identified(it, clusters[ci])]
        if it.tier > 0 and it.category in PERSON_CENTRIC:
            # a vague mention naming a person joins only that person's event; one naming nobody joins a
            # person's event only when that event is dated to the day (well identified)
            fits = [ci for ci in fits if it.persons & clusters[ci].all_persons] if it.persons else [
                ci for ci in fits if not clusters[ci].all_persons or clusters[ci].best_tier == 0]
        chosen: int | None = None
        if it.tier == 0 and fits:
            chosen = min(fits, key=functools.partial(_closeness, it, clusters))
        elif len(fits) == 1:
            chosen = fits[0]
        if chosen is None:
            clusters.append(_Cluster(category=it.category, members=[], articles=set(),
                                     stories=set(), source_countries=set(), recipient_countries=set(), persons={},
                                     all_persons=set(), names=set(), fact=_FACT_GROUP.get(it.factuality, "real")))
            chosen = len(clusters) - 1
        clusters[chosen].add(i, it)
        index(chosen, it)
    out = [sorted(c.members) for c in clusters]
    out.sort(key=lambda m: m[0])
    return out


# --------------------------------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True, kw_only=True)
class Fusion:
    """What the fusion stage produces: the contract's events, conflicts, stories with their coverage, the
    conflict ids of each entity, and the dates inferred for undated articles ({"value", "reason"})."""

    events: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    stories: list[dict[str, Any]]
    entity_conflicts: dict[str, list[str]]
    inferred: dict[str, dict[str, str]]


def _fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(ch) != "Mn")


def _names_of(e: EventMention) -> frozenset[str]:
    names: set[str] = set()
    for key in ("equipment", "event_entity"):
        value = e.attributes.get(key)
        if value:
            names.add(str(value))
    designation = e.attributes.get("designation")
    if designation and not e.attributes.get("equipment") and e.category == "ARMS_TRANSFER":
        key = re.sub(r"\W+", " ", _fold(str(designation))).strip()
        if key and key not in ("armes", "arms", "weapons", "armements", "equipements", "materiel"):
            names.add("designation:" + key)
    return frozenset(names)


def _item(e: EventMention, entity_of: Mapping[tuple[str, int, int], str], entities: Mapping[str, Mapping[str, Any]],
          story: str | None) -> FuseItem:
    persons: dict[str, str | None] = {}
    for r in e.source + e.recipient + e.participants:
        if r.type != "PERSON":
            continue
        found = entity_of.get((r.article, r.start, r.end)) if r.start is not None and r.end is not None else None
        key = found or r.kb_id
        if key:
            record = entities.get(key)
            persons[key] = (record.get("country") if record else None) or r.country
    # a publication date (the news told undated) says when the article was written, not which event it is:
    # such a mention links as an undated one
    told = not e.date.by_publication
    span = interval(e.date.start) if told and e.date.start else None
    end_span = interval(e.date.end) if told and e.date.end else None
    return FuseItem(
        article=e.article, category=e.category, reciprocal=e.category in RECIPROCAL, story=story,
        source_countries=frozenset(r.country for r in e.source if r.country),
        recipient_countries=frozenset(r.country for r in e.recipient if r.country),
        persons=frozenset(persons), person_country=persons, names=_names_of(e),
        start=span[0] if span else None, end=(end_span or span)[1] if span else None,
        granularity=e.date.granularity if span else "unknown", factuality=e.factuality,
    )


def _conflict(subject: str, field_name: str, claims: list[dict[str, Any]]) -> dict[str, Any]:
    key = "\x00".join([subject, field_name, *sorted(repr(c["value"]) for c in claims)])
    return {"id": "cf:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], "subject": subject,
            "field": field_name, "claims": claims}


def _claims(values: Sequence[tuple[Any, str, str]]) -> list[dict[str, Any]]:
    """One claim per distinct value from (value, article, quote) triples, in order of first appearance."""
    by_value: dict[str, dict[str, Any]] = {}
    for value, article, quote in values:
        k = repr(value)
        claim = by_value.setdefault(k, {"value": value, "articles": [], "quote": quote})
        if article not in claim["articles"]:
            claim["articles"].append(article)
    for claim in by_value.values():
        claim["articles"].sort()
    return list(by_value.values())


def _source_key(article: str, outlet_of: Mapping[str, str | None], syndicated_of: Mapping[str, str]) -> str:
    return syndicated_of.get(article) or outlet_of.get(article) or f"article:{article}"


def _merge_date(members: Sequence[EventMention], tiers: Sequence[int], category: str,
                outlet_of: Mapping[str, str | None]) -> tuple[dict[str, Any], list[tuple[str, str, str]] | None]:
    """The event's date from its members' most precise dates, and the claims when a one-day event is dated
    differently."""
    dated = [m for m in members if m.date.start]
    if not dated:
        reasons = "; ".join(sorted({m.date.reason for m in members if m.date.reason}))[:300]
        return ({"start": None, "end": None, "granularity": "unknown", "date_type": "unresolved",
                 "reason": reasons or "no source dates it"}, None)

    # a date the text gives wins over a publication date (the news told undated); those never disagree
    dated_pairs = [(m, t) for m, t in zip(members, tiers, strict=True) if m.date.start]
    by_publication = all(m.date.by_publication for m, _t in dated_pairs)
    considered = dated_pairs if by_publication else [(m, t) for m, t in dated_pairs if not m.date.by_publication]
    best_tier = min(t for _m, t in considered)
    precise = [m for m, t in considered if t == best_tier]
    starts = sorted({str(m.date.start) for m in precise})
    ends = sorted({str(m.date.end or m.date.start) for m in precise})
    if len(starts) == 1 and len(ends) == 1:
        d = precise[0].date.as_dict()
        d["reason"] = (f"{d['reason']} (this precise in {len({m.article for m in precise})} of "
                       f"{len({m.article for m in members})} article(s))")
        return d, None
    if category in DURATIVE:
        first, last = starts[0], max(ends)
        return ({"start": first, "end": last, "granularity": precise[0].date.granularity, "date_type": "range",
                 "reason": f"sources date different days of it: {', '.join(starts)}"}, None)
    votes: dict[str, set[str]] = defaultdict(set)
    for m in precise:
        votes[str(m.date.start)].add(outlet_of.get(m.article) or m.article)
    chosen = sorted(votes, key=lambda v: (-len(votes[v]), v))[0]
    claims = None if by_publication else [(str(m.date.start), m.article, m.evidence[0].quote) for m in precise]
    d = next(m for m in precise if m.date.start == chosen).date.as_dict()
    d["date_type"] = "approximate"
    d["reason"] = f"sources disagree ({', '.join(starts)}); {chosen} is given by most of them"
    return d, claims


def _domains(m: EventMention) -> frozenset[str]:
    return frozenset(str(d) for d in (m.attributes.get("domains") or ()) if str(d) not in GENERIC_DOMAINS)


# The office a stated role names, by its head words in French or English (a translation is no disagreement):
# "inspecteur général des FAR" and "inspector general of the Moroccan armed forces" are one office,
# "commandant en chef" another. Complements (of what, of which state) are not compared.
_OFFICE_HEADS = {
    "inspecteur": "inspector", "inspectrice": "inspector", "inspector": "inspector", "commandant": "commander",
    "commander": "commander", "chef": "chief", "cheffe": "chief", "chief": "chief", "head": "chief",
    "ministre": "minister", "minister": "minister", "directeur": "director", "directrice": "director",
    "director": "director", "president": "president", "presidente": "president", "ambassadeur": "ambassador",
    "ambassadrice": "ambassador", "ambassador": "ambassador", "porte-parole": "spokesperson",
    "spokesman": "spokesperson", "spokesperson": "spokesperson", "secretaire": "secretary",
    "secretary": "secretary", "conseiller": "adviser", "conseillere": "adviser", "adviser": "adviser",
    "advisor": "adviser", "roi": "king", "king": "king", "gouverneur": "governor", "governor": "governor",
    "premier": "prime", "prime": "prime", "general": "general", "generale": "general", "delegue": "delegate",
    "deleguee": "delegate", "delegate": "delegate", "adjoint": "deputy", "adjointe": "deputy", "deputy": "deputy",
    "vice": "deputy",
}
# Words that are a rank, not an office: a role made of them alone ("lieutenant-général") is not compared.
_RANKS = frozenset({"general", "generale", "lieutenant", "colonel", "amiral", "admiral", "major", "marechal",
                    "capitaine", "captain", "brigadier", "corps", "division", "armee", "vice"})
_PAST_ROLE = re.compile(r"^(?:ex-|ancien(?:ne)?\s|former\s|alors\s|then\s)", re.IGNORECASE)


def _role_tokens(role: str) -> frozenset[str] | None:
    """The office a stated role names, as canonical head words; None for a rank alone or a past role."""
    if _PAST_ROLE.match(role.strip()):
        return None
    words = [w for w in re.split(r"[^\w-]+", _fold(role)) if w]
    parts = [p for w in words for p in ([w] if w == "porte-parole" else w.split("-"))]
    if not any(p in _OFFICE_HEADS and p not in _RANKS for p in parts):
        return None
    heads = frozenset(_OFFICE_HEADS[p] for p in parts if p in _OFFICE_HEADS)
    return heads or None


def _sentence_at(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0, text.rfind("\n", 0, start) + 1)
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return text[lo:hi].strip()


def _role_conflicts(entities: Sequence[Mapping[str, Any]], story_of: Mapping[str, str],
                    outlet_of: Mapping[str, str | None], text_of: Mapping[str, str]) -> list[dict[str, Any]]:
    """Persons given different offices by articles of one story (one moment, two claims)."""
    out: list[dict[str, Any]] = []
    for e in entities:
        if e.get("type") != "PERSON":
            continue
        by_story: dict[str, list[tuple[str, str, frozenset[str], str]]] = defaultdict(list)
        for m in e.get("mentions", []):
            role = m.get("role")
            story = story_of.get(m["article"])
            tokens = _role_tokens(role) if role else None
            if story and tokens:
                quote = _sentence_at(text_of.get(m["article"], ""), m["start"], m["end"])
                by_story[story].append((str(role), m["article"], tokens, quote))
        for _story, stated in sorted(by_story.items()):
            if len({a for _, a, _, _ in stated}) < 2:
                continue
            # distinct offices: no role's words contained in another's
            offices: list[tuple[str, str, frozenset[str], str]] = []
            for s in stated:
                if not any(s[2] <= o[2] or o[2] <= s[2] for o in offices):
                    offices.append(s)
            if len(offices) < 2:
                continue
            values = []
            for _role, article, tokens, quote in stated:
                office = next(o for o in offices if tokens <= o[2] or o[2] <= tokens)
                values.append((office[0], article, quote))
            claims = _claims(values)
            outlets = {frozenset(outlet_of.get(a) or a for a in c["articles"]) for c in claims}
            if len(claims) >= 2 and len(outlets) >= 2:
                out.append(_conflict(str(e["id"]), "role", claims))
    return out


@register("fuse.v1", requires=["event_mentions", "entities", "stories"], produces=["events", "conflicts", "coverage"])
def fuse(event_mentions: Sequence[EventMention], entities: Sequence[Mapping[str, Any]],
         articles: Sequence[Mapping[str, Any]], stories: Sequence[Mapping[str, Any]] = (),
         syndicated_of: Mapping[str, str] | None = None) -> Fusion:
    """Cross-article events, conflicts, coverage and inferred dates (pure). ``articles`` are contract records
    (id, outlet, published, text...), ``stories`` story records (id, articles...), ``syndicated_of`` maps an
    article to its syndication group."""
    syndicated_of = syndicated_of or {}
    outlet_of = {str(a["id"]): a.get("outlet") for a in articles}
    text_of = {str(a["id"]): str(a.get("text") or "") for a in articles}
    published_of = {str(a["id"]): a.get("published") or {} for a in articles}
    story_of = {str(aid): str(s["id"]) for s in stories for aid in s.get("articles", [])}
    entity_of = {(m["article"], m["start"], m["end"]): str(r["id"]) for r in entities for m in r.get("mentions", [])}
    by_id = {str(r["id"]): r for r in entities}

    items = [_item(e, entity_of, by_id, story_of.get(e.article)) for e in event_mentions]
    groups = link(items)

    conflicts: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    event_of_mention: dict[int, str] = {}
    for group in groups:
        members = [event_mentions[i] for i in group]
        records = to_event_records(members, entity_of, by_id, outlet_of)
        # the event takes the smallest id of its members: the same sources give the same id on any run (a new
        # source with a smaller id renames the event)
        first = min(records, key=lambda r: r["id"])
        eid = min(event_id(m, entity_of) for m in members)
        record = dict(first)
        record["id"] = eid
        for key in ("source", "recipient"):
            seen: dict[str, dict[str, Any]] = {}
            for r in records:
                for a in r[key]:
                    # a place ("signé à Rabat": the city, not the state acting) is where, not who
                    if (by_id.get(a["entity"]) or {}).get("type") != "LOC" or (
                            a.get("country") and a["country"] not in {x.get("country") for x in seen.values()}):
                        seen.setdefault(a["entity"], a)
            record[key] = list(seen.values())
        parts: dict[str, dict[str, Any]] = {}
        for r in records:
            for p in r["participants"]:
                if p["entity"] not in parts or (parts[p["entity"]]["role"] is None and p["role"]):
                    parts[p["entity"]] = p
        record["participants"] = list(parts.values())
        locs = [r["event_loc"] for r in records if r["event_loc"]]
        record["event_loc"] = locs[0] if locs else None
        facts = [m.factuality for m in members]
        record["factuality"] = next((f for f in ("asserted", "reported", "planned", "hypothetical", "negated")
                                     if f in facts), members[0].factuality)
        attributes: dict[str, Any] = {}
        for r in records:
            for k, v in r["attributes"].items():
                if k == "domains":
                    attributes[k] = sorted(set(attributes.get(k, [])) | set(v))
                elif k not in attributes or attributes[k] in (None, "", []):
                    attributes[k] = v
        record["attributes"] = attributes
        # one sentence with two triggers of the event is one piece of evidence
        mentions = list({(x["article"], x["start"], x["end"]): x for r in records for x in r["mentions"]}.values())
        mentions.sort(key=lambda x: (x["article"], x["start"]))
        record["mentions"] = mentions
        record["n_sources"] = len({_source_key(x["article"], outlet_of, syndicated_of) for x in mentions})
        date_obj, date_claims = _merge_date(members, [items[i].tier for i in group], record["category"], outlet_of)
        record["date"] = date_obj
        record["articles"] = sorted({x["article"] for x in mentions})
        found: list[dict[str, Any]] = []
        if date_claims and len({v for v, _, _ in date_claims}) > 1:
            found.append(_conflict(eid, "date", _claims(date_claims)))
        if record["category"] in ("AGREEMENT", "COOPERATION", "MEETING"):
            per_article: dict[str, tuple[frozenset[str], str]] = {}
            for m in members:
                d = _domains(m)
                if d:
                    prev = per_article.get(m.article)
                    per_article[m.article] = ((prev[0] | d) if prev else d, prev[1] if prev else m.evidence[0].quote)
            lists = {d for d, _ in per_article.values()}
            # a shorter list is an omission ("among others"), not a disagreement: a conflict needs two lists
            # that each name a domain the other does not
            if any(not (a <= b or b <= a) for a in lists for b in lists):
                found.append(_conflict(eid, "attributes.domains",
                                       _claims([(sorted(d), a, q) for a, (d, q) in sorted(per_article.items())])))
        # named places (cities, bases), not the state itself nor "le royaume"
        places = [(r["event_loc"], r["mentions"][0]) for r in records if r["event_loc"]
                  and r["event_loc"]["entity"] != r["event_loc"].get("country")
                  and r["event_loc"]["name"][:1].isupper()]
        if len({loc["entity"] for loc, _ in places}) > 1:
            found.append(_conflict(eid, "event_loc", _claims([(loc["name"], m["article"], m["quote"])
                                                                for loc, m in places])))
        if record["category"] == "ARMS_TRANSFER":
            delivered = all(m.attributes.get("status") == "delivered" for m in members)
            for attr, field_name in (("number", "number_delivered" if delivered else "number_ordered"),
                                     ("value", "value")):
                stated = [(m.attributes[attr], m.article, m.evidence[0].quote) for m in members
                          if m.attributes.get(attr) is not None]
                if len({repr(v) for v, _, _ in stated}) > 1:
                    found.append(_conflict(eid, field_name, _claims(stated)))
        record["conflicts"] = sorted(c["id"] for c in found)
        # an event between states needs two parties, states or a state and an IGO ("Finland joins NATO"): on the
        # press dev split, 30 of the 59 false events named fewer, and dropping them lost no gold event
        sides = record["source"] + record["recipient"]
        states = {a.get("country") for a in sides if a.get("country")} | {
            c for m in members for c in m.countries("source") | m.countries("recipient")}
        igo = any((by_id.get(a["entity"]) or {}).get("sector") == "IGO" for a in sides)
        if record["category"] not in ("STATEMENT", "OTHER") and len(states) < 2 and not igo:
            continue
        conflicts.extend(found)
        events.append(record)
        for i in group:
            event_of_mention[i] = eid

    role_conflicts = _role_conflicts(entities, story_of, outlet_of, text_of)
    conflicts.extend(role_conflicts)
    entity_conflicts: dict[str, list[str]] = defaultdict(list)
    for c in role_conflicts:
        entity_conflicts[c["subject"]].append(c["id"])
    # a role conflict also shows on the events of its story that name the person
    events_naming: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        for entity in {p["entity"] for p in e["participants"] + e["source"] + e["recipient"]}:
            events_naming[entity].append(e)
    for c in role_conflicts:
        arts = {a for claim in c["claims"] for a in claim["articles"]}
        for e in events_naming.get(c["subject"], []):
            if arts & set(e["articles"]):
                e["conflicts"] = sorted(set(e["conflicts"]) | {c["id"]})

    inferred = _infer_dates(event_mentions, groups, items, published_of, text_of)
    story_records = _coverage(stories, events, outlet_of, syndicated_of, published_of,
                              {str(a["id"]): a.get("title") for a in articles})
    events.sort(key=lambda r: r["id"])
    conflicts.sort(key=lambda r: r["id"])
    return Fusion(events=events, conflicts=conflicts, stories=story_records,
                  entity_conflicts={k: sorted(v) for k, v in entity_conflicts.items()}, inferred=inferred)


# The lead of an article (its headline and first paragraph) tells the news; later paragraphs tell the
# background ("since General X's visit in mid-July"), whose events say nothing of the article's own date: with
# three paragraphs the demo's undated conference report (09, September 2022) was dated from the July visit it
# recalls. Re-run tests/test_fuse.py if changed.
LEAD_PARAGRAPHS = 2


def _lead_end(text: str) -> int:
    pos = 0
    for _ in range(LEAD_PARAGRAPHS):
        nxt = text.find("\n\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 2
    return pos


def _infer_dates(event_mentions: Sequence[EventMention], groups: Sequence[Sequence[int]], items: Sequence[FuseItem],
                 published_of: Mapping[str, Mapping[str, Any]],
                 text_of: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """Dates of undated articles from the day-dated events of other articles of their story that their lead
    tells undated."""
    group_of = {i: g for g in groups for i in g}
    candidates: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for i, e in enumerate(event_mentions):
        pub = published_of.get(e.article) or {}
        if pub.get("value") or e.date.start:
            continue
        if min(x.start for x in e.evidence) >= _lead_end(text_of.get(e.article, "")):
            continue
        if _FACT_GROUP.get(e.factuality, "real") != "real":
            continue
        for j in group_of.get(i, ()):
            other = event_mentions[j]
            if other.article == e.article or items[j].tier != 0 or not other.date.start:
                continue
            if not items[i].story or items[i].story != items[j].story:
                continue  # an event recalled from another story says nothing of this article's day
            if (published_of.get(other.article) or {}).get("basis") == "inferred":
                continue
            candidates[e.article].append((str(other.date.start), other.article))
    out: dict[str, dict[str, str]] = {}
    for article, cands in sorted(candidates.items()):
        found = date_from_story(cands)
        if found is None or found.value is None:
            continue
        floor = (published_of.get(article) or {}).get("not_before")
        if floor and found.value[: len(floor)] < floor:
            continue  # older than what the article's own body allows: no date rather than a wrong one
        out[article] = {"value": found.value, "reason": f"inferred from its story: its lead tells an event that "
                                                         f"{found.reason}"}
    return out


def _coverage(stories: Sequence[Mapping[str, Any]], events: Sequence[Mapping[str, Any]],
              outlet_of: Mapping[str, str | None], syndicated_of: Mapping[str, str],
              published_of: Mapping[str, Mapping[str, Any]],
              title_of: Mapping[str, str | None]) -> list[dict[str, Any]]:
    """Story records with, for each event its articles tell, the outlets that report it, and the events only
    one outlet reports (among the story's several)."""
    events_of: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for e in events:
        for a in e.get("articles", []):
            events_of[a].append(e)
    out: list[dict[str, Any]] = []
    for s in stories:
        members = set(s.get("articles", []))
        seen: dict[str, Mapping[str, Any]] = {}
        for a in sorted(members):
            for e in events_of.get(a, []):
                seen.setdefault(str(e["id"]), e)
        coverage = []
        exclusive = []
        story_outlets = {outlet_of.get(a) or f"article:{a}" for a in members}
        for eid, e in sorted(seen.items(), key=lambda kv: (kv[1]["date"]["start"] or "9999", kv[0])):
            arts = sorted({m["article"] for m in e["mentions"] if m["article"] in members})
            outlets = sorted({outlet_of.get(a) or f"article:{a}" for a in arts})
            coverage.append({"event": eid, "category": e["category"], "outlets": outlets, "articles": arts})
            if len(outlets) == 1 and len(story_outlets) > 1:
                exclusive.append({"event": eid, "outlet": outlets[0]})
        record = dict(s)
        if not record.get("title"):  # the headline of its earliest article
            firsts = sorted((str((published_of.get(a) or {}).get("value") or "9999"), a) for a in members
                            if title_of.get(a))
            record["title"] = title_of.get(firsts[0][1]) if firsts else None
        record["coverage"] = coverage
        record["exclusive"] = exclusive
        out.append(record)
    out.sort(key=lambda r: str(r["id"]))
    return out
