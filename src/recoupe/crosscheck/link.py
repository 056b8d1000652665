"""Which event mentions tell one real-world event (``link``), the core of the ``fuse.v1`` stage.

Mentions of one event merge when their category is the same and their identity agrees: actors (the states
overlap; named persons of one state must be the same), dates (intervals intersect, with a tolerance for events
that last days), names (weapon designation, named exercise or agreement), factuality (a plan is not a fact). A
mention dated only to a month must be the only fit or share a person, name or story with the event; one dated
to a year must share one; an undated mention joins only an event of its own story (or, for a visit, meeting or
statement told in passing, the one event of its person); when several of its story fit, the one its own
article dates. A mention that could join two events joins none, and a vague mention of a person's doing joins
only that person's event. A plan told before the day of the event, or by an undated article of its story, is
that event, and so is a plan of the event's day told by an article dated only by a month that holds that day;
an undated fact of its story told after the planned day is the plan come true (or the decision it was).
Then events of one family of categories that are one act told two ways merge (a deal told as a
transfer and as an accord, the talks of a visit: ``CATEGORY_FAMILIES``, ``merged_category``); an undated one
joins the act its articles of known day report as their news (``_reports``). Pure and near-linear (see
``link``).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

__all__ = ["BROKEN_RELATIONS", "CATEGORY_FAMILIES", "DURATIVE", "PERSON_CENTRIC", "PLANS_ARE_PART",
           "POINT_TOLERANCE_DAYS", "RECIPROCAL", "FuseItem", "fact_group", "link", "merged_category"]

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
# A date spanning at most this many days is precise ("Monday and Tuesday"); up to a season it is a month-like
# date ("earlier this week" read as a week counts as one), beyond it a year-like one.
PRECISE_DAYS = 4
SEASON_DAYS = 92


def _tier_of_span(days: int) -> int:
    return 0 if days < PRECISE_DAYS else 1 if days <= SEASON_DAYS else 2


_FACT_GROUP = {"asserted": "real", "reported": "real", "planned": "future", "hypothetical": "future",
               "negated": "negated"}

# Events whose plans and facts are one event: an arms deal is told as signed ("Athens signed the LOA") and as its
# deliveries to come ("Greece will receive 20 F-35s") by the same articles (press dev: the Greek F-35 deal was two
# records of one day, one per factuality).
PLANS_ARE_PART = frozenset({"ARMS_TRANSFER"})
# Categories whose plan told undated is the decision its own article tells as done: "the two states agreed to
# resume relations" (the resumption to come) beside "relations were restored" is one agreement. A visit or a
# meeting to come is another one. Press dev split (frag, cover); re-run bench/bench_press.py if changed.
DECISIONS = frozenset({"DIPLOMATIC_RELATIONS", "AGREEMENT", "COOPERATION", "MEDIATION"})
# An undated mention in an article published at most this many days after an event of its story dated to the day
# is taken for that event (its news) when other events of the story fit too: the press corpus's reports come
# out 0-3 days after their news (press dev split; tests/test_fuse.py).
NEWS_DAYS = 7


def fact_group(factuality: str, category: str | None = None) -> str:
    """What a mention's factuality says of the event: real, to come, or negated (a plan is not a fact, except
    the deliveries to come of a deal)."""
    group = _FACT_GROUP.get(factuality, "real")
    return "real" if group == "future" and category in PLANS_ARE_PART else group


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
    schedule: bool = False  # an arms deal's date later than its article (deliveries to come): linked as undated
    published: date | None = None  # last day of its article's publication date, when known
    published_from: date | None = None  # its first day (a month-dated article may be from any of its days)
    news: bool = False  # told undated as its article's news (the events stage dated it by the publication date)
    delivered: bool = False  # an arms deal's mention that tells a delivery (its status), not the order

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
    # the last publication day of its members told as to come (a plan told before its day is the event itself)
    planned_told: date | None = None
    # the publication days (first, last) of its members when each is undated and told as its article's news,
    # else None
    news_days: set[tuple[date, date]] | None = field(default_factory=set)
    # the publication days (first, last: an article dated by its month may be of any of its days) of each of its
    # articles (None: unknown)
    published: dict[str, tuple[date, date] | None] = field(default_factory=dict)
    lo: date | None = None  # the dates every dated member allows (intersection of their intervals)
    hi: date | None = None

    countries: set[str] = field(default_factory=set)

    def add(self, i: int, it: FuseItem) -> None:
        self.members.append(i)
        self.best_tier = min(self.best_tier, it.tier)
        if self.news_days is not None:
            if it.news and it.published:
                self.news_days.add((it.published_from or it.published, it.published))
            else:
                self.news_days = None
        group = fact_group(it.factuality, it.category)
        if group == "future":
            told = it.published or date.max  # an undated article's plan may have been told after the day
            self.planned_told = told if self.planned_told is None else max(self.planned_told, told)
        elif group == "real" and self.fact == "future":
            self.fact = "real"  # the plan came true: its later mentions tell it as done
        self.articles.add(it.article)
        self.published.setdefault(it.article, (it.published_from or it.published, it.published)
                                  if it.published else None)
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


def _before(day: date, tolerance: timedelta) -> date:
    """``day - tolerance``, or the calendar's first day when that is before it (an article dated 0001-01-01)."""
    return day - tolerance if day.toordinal() > tolerance.days else date.min


def _after(day: date, tolerance: timedelta) -> date:
    """``day + tolerance``, or the calendar's last day when that is after it (an article dated 9999-12-31)."""
    return day + tolerance if date.max.toordinal() - day.toordinal() >= tolerance.days else date.max


# The name fusion gives a break of relations (fuse._names_of): a break and a restoration between the same states
# are two events (Riyadh and Tehran broke in 2016 and restored relations in 2023), and an undated mention of one
# never joins the other.
BROKEN_RELATIONS = "relations:broken"


def _tolerance(category: str) -> timedelta:
    return timedelta(days=DURATIVE_TOLERANCE_DAYS if category in DURATIVE else POINT_TOLERANCE_DAYS)


def _same_fact(it: FuseItem, c: _Cluster) -> bool:
    """Whether the item's factuality fits the event's: the same group, or a plan told before the day of the
    event that was then told as done (Erdogan's visit announced ten days ahead, then reported: one visit)."""
    group = fact_group(it.factuality, it.category)
    if group == c.fact:
        return True
    if group == "future" and c.fact == "real":
        # the plan's article came out before the event's first day, or is undated and of the event's own story
        # (a story is one news: a second visit of the same direction is not in it)
        # or, dated to the event's days, it may have been written before them (an article dated by its month
        # only: "on the 20th the camp will be handed over", told in February, is the handover of the 20th)
        if it.start is None and it.category in DECISIONS and it.article in c.articles:
            return True  # "the two states agreed to resume relations": the agreement its article tells as done
        return bool(c.lo and ((it.published and it.published <= c.lo)
                              or (it.published is None and it.story and it.story in c.stories)
                              or (it.start and it.published_from and it.published_from <= c.lo
                                  and it.story and it.story in c.stories)))
    if group == "real" and c.fact == "future":
        # the plan was told before the day; or, as above, by an undated article of the item's story about the
        # event's own days (the order mentions are linked in does not matter)
        if c.planned_told and it.start and (c.planned_told <= it.start or (
                c.planned_told == date.max and c.lo and it.story and it.story in c.stories)):
            return True
        # an undated fact of the event's story, told by an article not older than the planned days: the plan
        # came true, or the plan was the decision taken that day ("Chad decided on Thursday to end the accord",
        # "N'Djamena announces the end of the accord")
        return bool(it.start is None and c.lo and c.hi and it.story and it.story in c.stories
                    and (it.published is None or c.hi <= it.published))
    return False


def _compatible(it: FuseItem, c: _Cluster) -> bool:
    if it.start is not None and it.end is not None and c.lo is not None and c.hi is not None and (
            it.start > _after(c.hi, it.tolerance) or it.end < _before(c.lo, it.tolerance)):
        return False
    if not _same_fact(it, c) or (BROKEN_RELATIONS in it.names) != (BROKEN_RELATIONS in c.names):
        return False
    # one article may tell one event twice (its headline and its lead, the communiqué it quotes, "Thursday 17
    # February" then "the three parties announced a withdrawal"): its mentions link as any others (press dev:
    # frag 2.27 -> 2.17, precision kept)
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
        if it.category in PLANS_ARE_PART and it.source_countries and c.source_countries and (
                it.source_countries != c.source_countries):
            return False  # a transfer has its suppliers: Denmark's pledge is not the Dutch-Danish one
    for p in it.persons:
        country = it.person_country.get(p)
        theirs = c.persons.get(country, set()) if country else set()
        if theirs and p not in theirs and not (it.persons & theirs):
            return False  # another person of the same state: another visit, another meeting
    return not (it.names and c.names and not it.names & c.names)


def _news_of(it: FuseItem, c: _Cluster) -> bool:
    """The event happened within NEWS_DAYS before the item's article was published: the article's news."""
    return bool(it.published and c.lo and c.hi and c.hi >= it.published - timedelta(days=NEWS_DAYS)
                and c.lo <= it.published)


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
                    for d in _days(_before(it.start, tol), _after(it.end, tol)):
                        by_day[(cat, country, d)].append(ci)
                for y, m in _months(_before(it.start, tol), _after(it.end, tol)):
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

    # the best identified first: dated before undated, then those naming persons, then those naming a system or
    # an exercise (an undated "the deal" then finds the deal its article names), and among undated ones the facts
    # before the plans (a plan that its article tells as done elsewhere then finds that fact: ``DECISIONS``)
    order = sorted(range(len(items)), key=lambda i: (
        items[i].tier, items[i].start or date.max, -len(items[i].persons), not items[i].names,
        items[i].tier == 3 and fact_group(items[i].factuality, items[i].category) == "future", i))
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
            if len(fits) > 1:
                # several events of its story fit: the one of its names (system, exercise), then the one the
                # story dates to the day (its news; recalled events are dated vaguely, "in 2019")
                # (only when its article is dated, within NEWS_DAYS of that day: an undated article may tell an
                # earlier event of the story, and would then be dated from the wrong one)
                fits = [ci for ci in fits if it.names & clusters[ci].names] or fits
                news = [ci for ci in fits if clusters[ci].best_tier == 0 and _news_of(it, clusters[ci])]
                fits = news if len(news) == 1 else fits
            if len(fits) > 1 and it.category in PLANS_ARE_PART and it.names and all(
                    it.names & clusters[ci].names and clusters[ci].lo for ci in fits):
                # the dated steps of one deal (its order, its deliveries): an undated mention of the deal is its
                # order, the earliest, unless it tells a delivery, the latest
                steps = sorted(fits, key=lambda ci: (clusters[ci].lo or date.min, ci))
                fits = [steps[-1] if it.delivered else steps[0]]
            if len(fits) > 1:
                # still several: the one its own article dates (an article that dates the 2018 contract and
                # tells "the deal" undated a paragraph later tells that contract, not the 2020 delivery another
                # article of the story dates)
                own = [ci for ci in fits if it.article in clusters[ci].articles and clusters[ci].lo is not None]
                fits = own if len(own) == 1 else fits
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
                                     all_persons=set(), names=set(), fact=fact_group(it.factuality, it.category)))
            chosen = len(clusters) - 1
        clusters[chosen].add(i, it)
        index(chosen, it)
    out = [sorted(c.members) for c in _across_categories(clusters)]
    out.sort(key=lambda m: m[0])
    return out


# Categories that outlets give one event: a deal concluded by a contract or an accord (ARMS_TRANSFER, AGREEMENT,
# COOPERATION), relations restored by an agreement or a defence accord ended as a break, a visit and the talks held
# during it, talks a third state mediates. Each family lists its categories in the order that names the merged
# event: the most specific reading first (a deal is a transfer whichever outlet calls it a contract; the talks are
# part of the visit). OTHER, what the events stage could not classify, is often such an act between states (a
# withdrawal of forces, the end of an accord), and a conference its occasion (Syria readmitted at a meeting of
# ministers, a withdrawal announced at a press conference: the act names the record). Press dev split (frag,
# precision); re-run bench/bench_press.py if changed.
CATEGORY_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("ARMS_TRANSFER", "AGREEMENT", "COOPERATION"),
    ("DIPLOMATIC_RELATIONS", "AGREEMENT", "COOPERATION", "OTHER", "CONFERENCE"),
    ("VISIT", "MEETING"),
    ("MEDIATION", "MEETING"),
)


def merged_category(categories: Iterable[str], named_system: bool = True) -> str:
    """The category of an event its sources give several of (``CATEGORY_FAMILIES``): the family's first; a
    transfer only when a source names its system (an accord "to strengthen cooperation, drones included" that
    one reading took for a transfer stays a cooperation)."""
    cats = set(categories)
    if not named_system and len(cats) > 1:
        cats.discard("ARMS_TRANSFER")
    for family in CATEGORY_FAMILIES:
        if cats <= set(family):
            return next(c for c in family if c in cats)
    return sorted(cats)[0]


def _family_of(categories: set[str]) -> bool:
    return any(categories <= set(family) for family in CATEGORY_FAMILIES)


def _same_identity(a: _Cluster, b: _Cluster) -> bool:
    """Whether two events of different categories may be one, dates aside: a shared story, the same states (one
    side's states within the other's, two at least), no other person of one state, no other name, the same
    factuality."""
    if not (a.stories & b.stories) or a.fact != b.fact:
        return False
    small, large = (a.countries, b.countries) if len(a.countries) <= len(b.countries) else (b.countries, a.countries)
    if len(small) < 2 or not small <= large:
        return False
    if a.names and b.names and not a.names & b.names:
        return False
    for country, persons in a.persons.items():
        theirs = b.persons.get(country)
        if theirs and not persons & theirs:
            return False
    return True


def _same_event(a: _Cluster, b: _Cluster) -> bool:
    """Whether two events of different categories are one told two ways: the same identity
    (``_same_identity``) and dates within the tolerance of the category; an undated one shares an article with the
    other, or is its news (``_reports``), or both are undated acts between states told in one story only."""
    if not _same_identity(a, b):
        return False
    tolerance = max(_tolerance(a.category), _tolerance(b.category))
    if a.lo is not None and a.hi is not None and b.lo is not None and b.hi is not None:
        if min(a.best_tier, b.best_tier) > 0 or max(a.best_tier, b.best_tier) > 1:
            return False  # one is dated to the day, the other to the day or to a week or month that holds it
        return not (a.lo > b.hi + tolerance or b.lo > a.hi + tolerance)
    # undated both, told by one article (an undated one beside a dated one may be its background: the signing in
    # 1958 of the accord ended in 2024), or the undated one is the news of articles published within NEWS_DAYS of
    # the other's days
    if a.lo is None and b.lo is None:
        # undated both: told by one article, or by articles of one story only (its other articles may tell it
        # as a cooperation what one calls the agreement); ``_across_categories`` merges only each one's only fit
        return bool(a.articles & b.articles) or (len(a.stories | b.stories) == 1 and not (
            {a.category, b.category} & (PLANS_ARE_PART | PERSON_CENTRIC)))
    if not a.articles & b.articles:
        return False
    undated, dated = (a, b) if a.lo is None else (b, a)
    return bool(undated.news_days and dated.lo and dated.hi and all(
        _news_window(dated.lo, dated.hi, days) for days in undated.news_days)) or _reports(undated, dated)


def _news_window(lo: date, hi: date, published: tuple[date, date]) -> bool:
    """Whether an article published on one of the days ``published`` (first, last) may have come out on the days
    ``lo``..``hi`` of an event or at most NEWS_DAYS after them (told as its news)."""
    return lo <= published[1] and hi >= published[0] - timedelta(days=NEWS_DAYS)


def _reports(undated: _Cluster, dated: _Cluster) -> bool:
    """Whether an undated event is the news that a dated one is: an article of known day tells both, and every
    article of known day that tells the undated one was published at most NEWS_DAYS after the dated one's
    days. "The letter of acceptance has been signed" in an article that dates the F-35 deal to its day tells
    that deal; an event an article recalls is dated long before it (the 1958 signing of the accord ended in
    2024). The dated one is dated to the day, a week or a month (a year holds many acts)."""
    if undated.lo is not None or dated.best_tier > 1 or dated.lo is None or dated.hi is None:
        return False
    # an article of unknown day may be a later one that recalls the event (the seeds' January 2023 report of an
    # accord signed in November 2021): one shared article of known day, and each known day within the window
    shared = [day for a in undated.articles & dated.articles if (day := undated.published.get(a))]
    days = [day for a in undated.articles if (day := undated.published.get(a))]
    return bool(shared) and all(_news_window(dated.lo, dated.hi, days) for days in days)


def _across_categories(clusters: Sequence[_Cluster]) -> list[_Cluster]:
    """Events of one family of categories (``CATEGORY_FAMILIES``) that are one event told two ways, merged. An
    event that could merge with two others of one category merges with none (the Swiss F-35 and Patriot
    purchases, one accord told of both)."""
    by_story: dict[str, list[int]] = defaultdict(list)
    for ci, c in enumerate(clusters):
        for st in c.stories:
            by_story[st].append(ci)
    parent = list(range(len(clusters)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # the one event of each other category of its family that each event could be (None: several)
    only: dict[tuple[int, str], int | None] = {}
    for ci, c in enumerate(clusters):
        near = sorted({cj for st in c.stories for cj in by_story[st] if cj != ci})
        for category in sorted({clusters[cj].category for cj in near} - {c.category}):
            if _family_of({c.category, category}):
                fits = [cj for cj in near if clusters[cj].category == category and _same_event(c, clusters[cj])]
                news = [cj for cj in fits if _reports(c, clusters[cj])]
                precise = [cj for cj in fits if clusters[cj].best_tier == 0]
                if len(news) == 1:
                    fits = news  # undated: the act its articles report as their news, not one they recall
                elif c.best_tier == 0 and len(fits) > 1 and len(precise) == 1:
                    # dated to the day: the one of its days, not one its sources date to the month (the talks of
                    # a state visit, not the ministers' meeting earlier that month)
                    fits = precise
                elif fits and c.lo is None and len([cj for cj in near if clusters[cj].category == category
                                                    and _same_identity(c, clusters[cj])]) > 1:
                    fits = [*fits, -1]  # undated, it could be another event of the story, dated or not
                if fits:
                    only[(ci, category)] = fits[0] if len(fits) == 1 else None
    cats: dict[int, set[str]] = {ci: {c.category} for ci, c in enumerate(clusters)}
    # the dates of the events merged so far: an undated one told beside two events of other dates (the end of
    # an accord in 2024 and its signing in 1958) joins neither to the other
    spans: dict[int, list[tuple[date, date, timedelta]]] = {
        ci: [(c.lo, c.hi, _tolerance(c.category))] if c.lo is not None and c.hi is not None else []
        for ci, c in enumerate(clusters)}
    for (ci, _category), cj in sorted(only.items()):
        # each must be the other's only fit
        if cj is None or cj < ci or only.get((cj, clusters[ci].category)) != ci:
            continue
        a, b = root(ci), root(cj)
        if a == b or not _family_of(cats[a] | cats[b]) or any(
                lo1 > hi2 + max(t1, t2) or lo2 > hi1 + max(t1, t2)
                for lo1, hi1, t1 in spans[a] for lo2, hi2, t2 in spans[b]):
            continue
        parent[b] = a
        cats[a] |= cats.pop(b)
        spans[a] += spans.pop(b)
    merged: dict[int, _Cluster] = {}
    for ci, c in enumerate(clusters):
        r = root(ci)
        if r not in merged:
            merged[r] = c
        elif c is not merged[r]:
            merged[r].members.extend(c.members)
    return list(merged.values())
