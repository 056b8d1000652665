"""The ``fuse.v1`` stage: one record per real-world event across articles, its sources and its contradictions.

Input: every event mention the events stage found (one per article that tells an event), the resolved
entities, the articles' outlets and dates, and the stories (``recoupe.crosscheck.stories``). Output (pure):

* events — the mentions of one event merged (``recoupe.crosscheck.link``), with their actors, participants,
  attributes, evidence and date; ``n_sources`` counts distinct outlets, syndicated copies of one dispatch once;
* conflicts — each field on which the merged sources disagree (``recoupe.crosscheck.conflicts``): the date of
  a one-day event (explicit dates only), the number ordered and the value of an arms deal (rounding allowed
  for; currencies never converted), its named place, the scope of an agreement (``attributes.domains``: two
  lists that each name a domain the other does not; a shorter list is an omission), and persons' stated
  offices within one story;
* coverage — for each story, which outlet reported which event, and the events only one outlet reports;
* inferred dates — an undated article whose headline or first paragraph tells, undated, an event of its own
  story that other articles date to the day is dated from them (``basis: "inferred"``, with the reason), never
  earlier than its own lower bound; one that names the weekday it was written on ("اليوم الأربعاء") is dated by
  that weekday within a few days of such an event it tells anywhere, or not at all when none fits.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from recoupe.crosscheck.conflicts import (
    claims,
    conflict,
    deal_conflicts,
    deal_figure,
    domains,
    fold,
    merge_date,
    role_conflicts,
    signing_to_come,
    stated_values,
)
from recoupe.crosscheck.link import (
    BROKEN_RELATIONS,
    PLANS_ARE_PART,
    POINT_TOLERANCE_DAYS,
    RECIPROCAL,
    FuseItem,
    fact_group,
    link,
    merged_category,
)
from recoupe.crosscheck.stories import WINDOW_DAYS as STORY_WINDOW_DAYS
from recoupe.registry import register
from recoupe.understand.events._dates import NEWS_WINDOW_DAYS, writing_weekdays
from recoupe.understand.events.arabic import DAY_COUNTED_FROM_PUBLICATION
from recoupe.understand.events.records import ActorRef, EventMention, event_id, to_event_records
from recoupe.understand.timex.calendar import interval
from recoupe.understand.timex.dating import date_from_story

__all__ = ["FuseItem", "Fusion", "fuse", "link"]

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


def _names_of(e: EventMention) -> frozenset[str]:
    names: set[str] = set()
    for key in ("equipment", "event_entity"):
        value = e.attributes.get(key)
        if value:
            names.add(str(value))
    if e.category == "DIPLOMATIC_RELATIONS" and e.attributes.get("action") in ("broken", "suspended", "reduced"):
        names.add(BROKEN_RELATIONS)
    designation = str(e.attributes.get("designation") or "").strip()
    # a designation is a name ("Barak MX", "HIMARS", "F-16 Viper"), a description in lower case is not ("trois
    # frégates", "jets": the same deal as "Belharra" in the next sentence)
    if designation and not e.attributes.get("equipment") and e.category == "ARMS_TRANSFER" and (
            designation[:1].isupper() or any(ch.isdigit() for ch in designation)):
        key = re.sub(r"\W+", " ", fold(designation)).strip()
        if key and key not in ("armes", "arms", "weapons", "armements", "equipements", "materiel"):
            names.add("designation:" + key)
    return frozenset(names)


def _item(e: EventMention, entity_of: Mapping[tuple[str, int, int], str], entities: Mapping[str, Mapping[str, Any]],
          story: str | None, published: str | None = None,
          around: tuple[date, date] | None = None) -> FuseItem:
    """What ``link`` compares of a mention. ``published``: its article's publication date; ``around``, for an
    undated article, the days its story allows (its articles' dates, a week either side)."""
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
    schedule = False
    span = interval(e.date.start) if told and e.date.start else None
    pub = interval(published) if published else None
    bounds = pub or around
    if span and e.category in PLANS_ARE_PART and bounds and (span[0] > bounds[1] or (
            fact_group(e.factuality) == "future" and span[1] < bounds[0] - timedelta(days=POINT_TOLERANCE_DAYS))):
        # a deal's date later than the article is its delivery schedule ("deliveries from 2028"); a deal still to
        # come dated before the article ("will buy 36 F-35 with the budget voted in September 2020") is dated by
        # something else: neither says which deal it is, such a mention links as an undated one of its story
        span, schedule = None, True
    end_span = interval(e.date.end) if told and e.date.end else None

    def states(refs: Sequence[ActorRef]) -> frozenset[str]:
        # an actor the events stage left without state has its entity's, as the record has ("FACI", the
        # acronym of the Forces armées de Côte d'Ivoire, an organisation of that state)
        found: set[str] = set()
        for r in refs:
            country = r.country
            if not country and r.start is not None and r.end is not None:
                key = entity_of.get((r.article, r.start, r.end))
                country = (entities.get(key) or {}).get("country") if key else None
            if country:
                found.add(str(country))
        return frozenset(found)

    return FuseItem(
        article=e.article, category=e.category, reciprocal=e.category in RECIPROCAL, story=story,
        source_countries=states(e.source), recipient_countries=states(e.recipient),
        persons=frozenset(persons), person_country=persons,
        # a variant is compared as its family: the F-35A deal is told "F-35" by other outlets
        names=frozenset(str((entities.get(n) or {}).get("parent") or n) for n in _names_of(e)),
        start=span[0] if span else None, end=(end_span or span)[1] if span else None,
        granularity=e.date.granularity if span else "unknown", factuality=e.factuality, schedule=schedule,
        published=pub[1] if pub else None, published_from=pub[0] if pub else None, news=e.date.by_publication,
        delivered=e.attributes.get("status") == "delivered",
    )


def _source_key(article: str, outlet_of: Mapping[str, str | None], syndicated_of: Mapping[str, str]) -> str:
    return syndicated_of.get(article) or outlet_of.get(article) or f"article:{article}"


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
    person_spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in entities:
        if r.get("type") == "PERSON":
            for m in r.get("mentions", []):
                person_spans[m["article"]].append((int(m["start"]), int(m["end"]), str(r["id"])))
    by_id = {str(r["id"]): r for r in entities}

    story_days: dict[str, tuple[date, date]] = {}
    for st in stories:
        opens, closes = interval(str(st.get("start") or "")), interval(str(st.get("end") or ""))
        if opens and closes:
            story_days[str(st["id"])] = (opens[0] - timedelta(days=STORY_WINDOW_DAYS),
                                         closes[1] + timedelta(days=STORY_WINDOW_DAYS))
    items = [_item(e, entity_of, by_id, story_of.get(e.article), (published_of.get(e.article) or {}).get("value"),
                   story_days.get(story_of.get(e.article, "")))
             for e in event_mentions]
    groups = link(items)

    conflicts: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    event_of_mention: dict[int, str] = {}
    made: list[tuple[dict[str, Any], list[dict[str, Any]], Sequence[int]]] = []
    for group in groups:
        members = [event_mentions[i] for i in group]
        records = to_event_records(members, entity_of, by_id, outlet_of)
        # the event takes the smallest id of its members: the same sources give the same id on any run (a new
        # source with a smaller id renames the event)
        category = merged_category((m.category for m in members), any(
            _names_of(m) for m in members if m.category == "ARMS_TRANSFER"))
        # the sides and the coding come from the sources that tell it as its category (an accord's reading puts
        # both states on one side: the deal's supplier and buyer are the transfer's)
        own = [r for r in records if r["category"] == category] or records
        first = min(own, key=lambda r: r["id"])
        eid = min(event_id(m, entity_of) for m in members)
        record = dict(first)
        record["id"] = eid
        for key in ("source", "recipient"):
            seen: dict[str, dict[str, Any]] = {}
            for r in own:
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
        if record["category"] == "ARMS_TRANSFER":
            for k in ("number", "value"):
                chosen = deal_figure(members, k, outlet_of, published_of)
                if chosen is not None:
                    attributes[k] = chosen
        record["attributes"] = attributes
        # one sentence with two triggers of the event is one piece of evidence
        mentions = list({(x["article"], x["start"], x["end"]): x for r in records for x in r["mentions"]}.values())
        mentions.sort(key=lambda x: (x["article"], x["start"]))
        record["mentions"] = mentions
        record["n_sources"] = len({_source_key(x["article"], outlet_of, syndicated_of) for x in mentions})
        record["outlets"] = sorted({outlet_of.get(x["article"]) or f"article:{x['article']}" for x in mentions})
        date_obj, date_claims = merge_date(members, [items[i].tier for i in group], record["category"], outlet_of,
                                           [items[i].schedule for i in group])
        record["date"] = date_obj
        record["mentions"] = _quote_first(record, members, person_spans)
        record["articles"] = sorted({x["article"] for x in mentions})
        found: list[dict[str, Any]] = []
        if date_claims and len({v for v, _, _ in date_claims}) > 1:
            found.append(conflict(eid, "date", claims(date_claims)))
        if record["category"] in ("AGREEMENT", "COOPERATION", "MEETING"):
            per_article: dict[str, tuple[frozenset[str], str]] = {}
            real = any(fact_group(m.factuality) == "real" for m in members)
            for m in members:
                # what the parties mean to add later ("they also intend to work together on X") is not the
                # scope they agreed on
                d = domains(m) if not real or fact_group(m.factuality) == "real" else frozenset()
                if d:
                    prev = per_article.get(m.article)
                    per_article[m.article] = ((prev[0] | d) if prev else d, prev[1] if prev else m.evidence[0].quote)
            lists = {d for d, _ in per_article.values()}
            # a shorter list is an omission ("among others"), not a disagreement: a conflict needs two lists
            # that each name a domain the other does not
            if any(not (a <= b or b <= a) for a in lists for b in lists):
                found.append(conflict(eid, "attributes.domains",
                                       claims([(sorted(d), a, q) for a, (d, q) in sorted(per_article.items())])))
        # named places of a known state (cities, bases), not the state itself nor "le royaume", nor a region or
        # continent ("en Asie": where a policy looks, not where the event took place)
        places = [(r["event_loc"], r["mentions"][0]) for r in records if r["event_loc"]
                  and r["event_loc"].get("country") and r["event_loc"]["entity"] != r["event_loc"]["country"]
                  and r["event_loc"]["name"][:1].isupper()]
        if len({loc["entity"] for loc, _ in places}) > 1:
            found.append(conflict(eid, "event_loc", claims([(loc["name"], m["article"], m["quote"])
                                                                for loc, m in places])))
        record["conflicts"] = sorted(c["id"] for c in found)
        # an event between states needs two parties, states or a state and an IGO ("Finland joins NATO"): on the
        # press dev split, 30 of the 59 false events named fewer, and dropping them lost no gold event
        sides = record["source"] + record["recipient"]
        states = {a.get("country") for a in sides if a.get("country")} | {
            c for m in members for c in m.countries("source") | m.countries("recipient")}
        igo = any((by_id.get(a["entity"]) or {}).get("sector") == "IGO" for a in sides)
        if record["category"] not in ("STATEMENT", "OTHER") and len(states) < 2 and not igo:
            continue
        made.append((record, found, group))
    kept = _without_second_readings(made, by_id)
    _deal_conflicts(kept, event_mentions, entities, text_of, published_of)
    for record, found, told in kept:
        conflicts.extend(found)
        events.append(record)
        for i in told:
            event_of_mention[i] = record["id"]

    by_role = role_conflicts(entities, story_of, outlet_of, text_of)
    conflicts.extend(by_role)
    for c in conflicts:  # which outlets report which claim
        for claim in c["claims"]:
            claim["outlets"] = sorted({outlet_of.get(a) or f"article:{a}" for a in claim["articles"]})
    entity_conflicts: dict[str, list[str]] = defaultdict(list)
    for c in by_role:
        entity_conflicts[c["subject"]].append(c["id"])
    # a role conflict also shows on the events of its story that name the person
    events_naming: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        for entity in {p["entity"] for p in e["participants"] + e["source"] + e["recipient"]}:
            events_naming[entity].append(e)
    for c in by_role:
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


def _deal_conflicts(made: Sequence[tuple[dict[str, Any], list[dict[str, Any]], Sequence[int]]],
                    event_mentions: Sequence[EventMention], entities: Sequence[Mapping[str, Any]],
                    text_of: Mapping[str, str], published_of: Mapping[str, Mapping[str, Any]]) -> None:
    """Adds to each arms deal's conflicts what its sources disagree on (``deal_conflicts``), its value also read
    from the sentences of the articles that tell no other deal, outside those that name a state not party to it
    or the system of another deal; and, for a deal dated to the day as done, the sentences of those articles
    that say it is still to be signed (``signing_to_come``)."""
    deals = [(r, f, g) for r, f, g in made if r["category"] == "ARMS_TRANSFER"]
    deals_of: dict[str, set[str]] = defaultdict(set)
    for record, _f, _g in deals:
        for a in record["articles"]:
            deals_of[a].add(record["id"])

    def systems(record: Mapping[str, Any], group: Sequence[int]) -> set[str]:
        return {str(x) for i in group for k in ("equipment", "designation")
                if (x := event_mentions[i].attributes.get(k))} | {str(record["attributes"].get("equipment"))}

    system_of = {r["id"]: systems(r, g) for r, _f, g in deals}
    named: dict[str, list[tuple[Mapping[str, Any], int, int]]] = defaultdict(list)  # article -> entity, span
    for e in entities:
        if e.get("type") in ("GPE", "LOC", "EQUIPMENT"):
            for x in e.get("mentions", []):
                if x["article"] in deals_of:
                    named[x["article"]].append((e, int(x["start"]), int(x["end"])))
    for record, found, group in deals:
        members = [event_mentions[i] for i in group]
        states = {a.get("country") for a in record["source"] + record["recipient"] if a.get("country")} | {
            c for m in members for c in m.countries("source") | m.countries("recipient")}
        alone = [a for a in record["articles"] if deals_of[a] == {record["id"]}]
        foreign = set().union(*(v for k, v in system_of.items() if k != record["id"])) - system_of[record["id"]]
        others: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for article in alone:
            for e, start, end in named.get(article, ()):
                other_state = e.get("type") in ("GPE", "LOC") and e.get("country") and e["country"] not in states
                other_system = e.get("type") == "EQUIPMENT" and ({str(e["id"]), str(e.get("name"))} & foreign)
                if other_state or other_system:
                    others[article].append((start, end))
        new = deal_conflicts(record["id"], members, stated_values(alone, text_of, others))
        day = str(record["date"].get("start") or "")
        dated = [(day, m.article, m.evidence[0].quote) for m in members
                 if str(m.date.start) == day and not m.date.by_publication]
        if (len(day) == 10 and dated and record["factuality"] == "asserted"
                and not any(c["field"] == "date" for c in found)):
            to_come = signing_to_come(day, alone, text_of, published_of, others)
            if to_come:
                new.append(conflict(record["id"], "date", claims(dated + to_come),
                                    "dated as signed by some sources, still to be signed by others"))
        found.extend(new)
        record["conflicts"] = sorted(set(record["conflicts"]) | {c["id"] for c in new})


# Categories whose event is a person's doing: a record of one of them that names no person and whose every
# sentence tells another record is the events stage's second reading of those sentences ("cette coopération
# passe par l'acquisition de trois frégates" read as a meeting beside the frigate deal it tells).
_MEETINGS = frozenset({"VISIT", "MEETING"})


def _without_second_readings(made: Sequence[tuple[dict[str, Any], list[dict[str, Any]], Sequence[int]]],
                             by_id: Mapping[str, Mapping[str, Any]],
                             ) -> list[tuple[dict[str, Any], list[dict[str, Any]], Sequence[int]]]:
    """The records less the meetings and visits that name nobody and whose sentences all tell other records."""
    told_by: dict[tuple[str, int], set[str]] = defaultdict(set)
    for record, _found, _group in made:
        for x in record["mentions"]:
            told_by[(x["article"], x["start"])].add(record["id"])

    def second(record: Mapping[str, Any]) -> bool:
        if record["category"] not in _MEETINGS:
            return False
        if any((by_id.get(a["entity"]) or {}).get("type") == "PERSON"
               for a in record["participants"] + record["source"] + record["recipient"]):
            return False
        return all(told_by[(x["article"], x["start"])] - {record["id"]} for x in record["mentions"])

    return [m for m in made if not second(m[0])]


def _quote_first(record: Mapping[str, Any], members: Sequence[EventMention],
                 person_spans: Mapping[str, Sequence[tuple[int, int, str]]]) -> list[dict[str, Any]]:
    """The record's evidence, the sentence that shows it first (readers and reports quote the first): one that
    names a person of the event, then one its sources tell as this category and on this date (not a sentence
    of the visit's report that recalls another visit, nor the signing recalled by a break of relations);
    otherwise in article order."""
    persons = {a["entity"] for a in record["participants"] + record["source"] + record["recipient"]}
    own: set[tuple[str, int]] = set()
    start = record["date"].get("start")
    for m in members:
        if m.category == record["category"] and (not start or m.date.start == start):
            own.update((x.article, x.start) for x in m.evidence)

    def rank(x: Mapping[str, Any]) -> tuple[int, int, str, int]:
        names = any(x["start"] <= s and e <= x["end"] and p in persons
                    for s, e, p in person_spans.get(x["article"], ()))
        return (0 if names else 1, 0 if (x["article"], x["start"]) in own else 1, x["article"], x["start"])

    return sorted(record["mentions"], key=rank)


# The lead of an article (its headline and first paragraph) tells the news; later paragraphs tell the
# background ("since General X's visit in mid-July"), whose events say nothing of the article's own date: with
# three paragraphs the demo's undated conference report (09, September 2022) was dated from the July visit it
# recalls. Re-run tests/test_fuse.py if changed.
LEAD_PARAGRAPHS = 2


# A day told by its number alone ("on the 8th", "le 8", "في الـ14"): news style names the weekday for the days
# around the day of writing and the date for the others (the AP stylebook's rule, followed by the French and
# Arabic agencies), so a lead that says "on the 8th" was not written on the 8th. Such a lead dates no article
# from its story (the events stage leaves these unread when the publication date is unknown).
_DAY_NUMBER = re.compile(r"\bon the \d{1,2}(?:st|nd|rd|th)\b|\ble \d{1,2}(?:er)?(?![\w.,])"
                         r"|(?:في|يوم) (?:الـ ?)?\d{1,2}(?!\d)", re.IGNORECASE)


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
    tells undated. An article that names the weekday it was written on ("اليوم الأربعاء", "yesterday, Tuesday":
    ``writing_weekdays``) is dated by that weekday instead: the day of the ``NEWS_WINDOW_DAYS`` from the event's
    day that is that weekday (news is told on its day or shortly after), from any of its real mentions of a
    day-dated event of its story, lead or not; none when no such day fits or it names two weekdays."""
    group_of = {i: g for g in groups for i in g}
    weekdays = {a: writing_weekdays(t) for a, t in text_of.items()}
    candidates: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for i, e in enumerate(event_mentions):
        pub = published_of.get(e.article) or {}
        if pub.get("value") or e.date.start:
            continue
        stated = weekdays.get(e.article, frozenset())
        if len(stated) > 1:
            continue  # two days of writing: the text says nothing sure of its own day
        weekday = next(iter(stated), None)
        if weekday is None and DAY_COUNTED_FROM_PUBLICATION in e.date.reason:
            continue  # "أمس": told the day after, so not the article's day
        if weekday is None and min(x.start for x in e.evidence) >= _lead_end(text_of.get(e.article, "")):
            continue
        if fact_group(e.factuality) != "real":
            continue
        if any(_DAY_NUMBER.search(x.quote) for x in e.evidence):
            continue  # "signed on the 8th": a day told by its number is not the day of writing
        group = group_of.get(i, ())
        if weekday is None and any(event_mentions[j].article == e.article
                                   and DAY_COUNTED_FROM_PUBLICATION in event_mentions[j].date.reason for j in group):
            continue  # another sentence of the article tells this event "yesterday": not the article's day
        for j in group:
            other = event_mentions[j]
            if other.article == e.article or items[j].tier != 0 or not other.date.start:
                continue
            if not items[i].story or items[i].story != items[j].story:
                continue  # an event recalled from another story says nothing of this article's day
            if (published_of.get(other.article) or {}).get("basis") == "inferred":
                continue
            if weekday is None:
                candidates[e.article].append((str(other.date.start), other.article))
                continue
            day = _day_of_writing(str(other.date.start), str(other.date.end or other.date.start), weekday)
            if day is not None:
                candidates[e.article].append((day, f"{other.article}, its event dated {other.date.start}"))
    out: dict[str, dict[str, str]] = {}
    for article, cands in sorted(candidates.items()):
        found = date_from_story(cands)
        if found is None or found.value is None:
            continue
        floor = (published_of.get(article) or {}).get("not_before")
        if floor and found.value[: len(floor)] < floor:
            continue  # older than what the article's own body allows: no date rather than a wrong one
        told = "its lead tells an event that"
        if len(weekdays.get(article, ())) == 1:
            name = _WEEKDAY_NAMES[next(iter(weekdays[article]))]
            told = (f"it says it was written on a {name} and tells an event of its story: the {name} on or up to "
                    f"{NEWS_WINDOW_DAYS} days after that event's day; the")
        out[article] = {"value": found.value, "reason": f"inferred from its story: {told} {found.reason}"}
    return out


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _day_of_writing(start: str, end: str, weekday: int) -> str | None:
    """The day, from an event's one day to ``NEWS_WINDOW_DAYS`` after it, that is ``weekday``; None for an event
    not dated to one day or with no such day."""
    if len(start) != 10 or end[:10] != start:
        return None
    first = date.fromisoformat(start)
    for k in range(NEWS_WINDOW_DAYS + 1):
        day = first + timedelta(days=k)
        if day.weekday() == weekday:
            return day.isoformat()
    return None


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
