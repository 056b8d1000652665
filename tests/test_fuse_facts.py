"""Fusion across what outlets say of an event's factuality and its parties: a decision told as a plan on its own
day, a plan told by an article dated only by its month, and an actor whose state only its entity knows.

Hand-made items and mentions (tests/test_fuse.py's helpers); exact clusters and records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from recoupe.crosscheck.fuse import fuse, link
from recoupe.understand.events.records import ActorRef
from tests.test_fuse import articles_of, item, mention


def test_an_undated_fact_of_its_story_joins_the_plan_of_that_day() -> None:
    # "the government decided on Thursday to end the accord" (read as a plan, dated Thursday), and another
    # outlet's "the government has ended the accord" told undated two days later
    plan = replace(item("a", "COOPERATION", day="2024-11-28", src="FRA", rcp="TCD", story="s1",
                        factuality="planned"), published=date(2024, 11, 30))
    done = replace(item("b", "COOPERATION", src="FRA", rcp="TCD", story="s1"), published=date(2024, 11, 30))
    assert link([plan, done]) == [[0, 1]]
    # told undated by an article undated too: the event of its story all the same
    assert link([plan, replace(done, published=None)]) == [[0, 1]]
    # told as done by an article written before the planned day: another act, not this one
    assert link([plan, replace(done, published=date(2024, 11, 20))]) == [[0], [1]]
    # of another story
    assert link([plan, replace(done, story="s2")]) == [[0], [1]]


def test_a_plan_of_the_day_told_by_an_article_dated_by_its_month_is_the_event() -> None:
    done = item("a", "OTHER", day="2025-02-20", src="FRA", rcp="CIV", story="s1")
    # "on the 20th the base will be handed over", in an article dated February 2025 only
    plan = replace(item("b", "OTHER", day="2025-02-20", src="FRA", rcp="CIV", story="s1", factuality="planned"),
                   published=date(2025, 2, 28), published_from=date(2025, 2, 1))
    assert link([done, plan]) == [[0, 1]]
    # an article of known day after the event that tells it as to come: another handover
    assert link([done, replace(plan, published=date(2025, 2, 25), published_from=date(2025, 2, 25))]) == [[0], [1]]
    # undated, the plan says nothing of which day it is
    undated = replace(item("b", "OTHER", src="FRA", rcp="CIV", story="s1", factuality="planned"),
                      published=date(2025, 2, 28), published_from=date(2025, 2, 1))
    assert link([done, undated]) == [[0], [1]]


def test_an_actor_without_state_takes_the_state_of_its_entity() -> None:
    # one outlet: Israel hands a camp to Morocco; another, the same day: Israel hands a camp to "the FAE", an
    # organisation the entity stage knows as Egypt's armed forces. Two handovers, not one.
    first = mention("a0", "OTHER", "2021-11-24")
    org = ActorRef(article="a1", start=10, end=13, text="FAE", type="ORG", kb_id=None, country=None)
    second = replace(mention("a1", "OTHER", "2021-11-24"), recipient=(org,))
    entities = [{"id": "ent:fae", "type": "ORG", "name": "Forces armées d'Égypte", "country": "EGY",
                 "mentions": [{"article": "a1", "start": 10, "end": 13, "text": "FAE"}]}]
    stories = [{"id": "st:1", "articles": ["a0", "a1"], "start": "2021-11-24", "end": "2021-11-24"}]
    fusion = fuse([first, second], entities, articles_of("A", "B"), stories)
    assert sorted(e["articles"] for e in fusion.events) == [["a0"], ["a1"]]
    # without the entity's state, the organisation is no state: the two are one event
    fusion = fuse([first, second], [{**entities[0], "country": None}], articles_of("A", "B"), stories)
    assert [e["articles"] for e in fusion.events] == [["a0", "a1"]]


def test_an_undated_decision_told_as_to_come_joins_the_fact_its_own_article_tells() -> None:
    # "the two states agreed to restore relations" (read as a plan) and, further on in the same article, "their
    # relations are restored"; the other outlet's report of the restoration is the same act
    fact = item("a", "DIPLOMATIC_RELATIONS", src="IRN", rcp="SAU", story="s1")
    other = item("b", "DIPLOMATIC_RELATIONS", src="IRN", rcp="SAU", story="s1")
    plan = item("a", "DIPLOMATIC_RELATIONS", src="IRN", rcp="SAU", story="s1", factuality="planned")
    assert link([plan, fact, other]) == [[0, 1, 2]]
    # a plan of another article is a step to come, not the act told as done
    assert link([replace(plan, article="c"), fact, other]) == [[0], [1, 2]]
    # a visit to come is another visit, whatever its article says of a past one
    assert link([item("a", "VISIT", src="EGY", rcp="TUR", story="s1", factuality="planned"),
                 item("a", "VISIT", src="EGY", rcp="TUR", story="s1")]) == [[0], [1]]


def test_an_undated_act_is_the_news_of_an_article_dated_by_its_month() -> None:
    # a withdrawal announced on the 17th; an article dated "February 2022" only that tells, undated, the
    # cooperation ended between the same states: its news, as it may have come out on the 18th
    announced = item("a", "OTHER", day="2022-02-17", src="FRA", rcp="MLI", story="s1")
    told = replace(item("a", "COOPERATION", src="FRA", rcp="MLI", story="s1"), news=True,
                   published=date(2022, 2, 28), published_from=date(2022, 2, 1))
    assert link([announced, told]) == [[0, 1]]
    # an article of known day three weeks after the announcement recalls it: not its news
    assert link([announced, replace(told, published_from=date(2022, 3, 10), published=date(2022, 3, 10))]) == [
        [0], [1]]
