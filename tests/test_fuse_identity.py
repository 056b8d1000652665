"""Fusion across the ways outlets tell one event: two categories for one act, a plan told before its day, an
undated sentence of an article that dates the event elsewhere, and the record's quote.

Hand-made items and mentions (tests/test_fuse.py's helpers); exact clusters and records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from recoupe.crosscheck.fuse import fuse, link
from recoupe.crosscheck.link import merged_category
from recoupe.understand.events.arabic import DAY_COUNTED_FROM_PUBLICATION
from recoupe.understand.events.records import EventDate
from tests.test_fuse import articles_of, item, mention

F35 = frozenset({"eqp:f-35"})
PATRIOT = frozenset({"eqp:patriot"})


def test_a_deal_told_as_a_transfer_and_as_an_accord_is_one_event() -> None:
    items = [item("a", "ARMS_TRANSFER", day="2021-06-30", src="USA", rcp="CHE", story="s1", names=F35),
             item("b", "AGREEMENT", day="2021-06-30", src="USA", rcp="CHE", story="s1"),
             # the same states' accord of another story (another news, days later)
             item("c", "AGREEMENT", day="2021-07-03", src="USA", rcp="CHE", story="s2"),
             # a visit is no accord
             item("d", "VISIT", day="2021-06-30", src="USA", rcp="CHE", story="s1")]
    assert link(items) == [[0, 1], [2], [3]]


def test_an_accord_that_fits_two_deals_joins_neither() -> None:
    items = [item("a", "ARMS_TRANSFER", day="2021-06-30", src="USA", rcp="CHE", story="s1", names=F35),
             item("b", "ARMS_TRANSFER", day="2021-06-30", src="USA", rcp="CHE", story="s1", names=PATRIOT),
             item("c", "AGREEMENT", day="2021-06-30", src="USA", rcp="CHE", story="s1")]
    assert link(items) == [[0], [1], [2]]


def test_talks_within_a_visit_are_the_visit_and_a_week_apart_are_not() -> None:
    items = [item("a", "VISIT", day="2024-02-14", src="TUR", rcp="EGY", story="s1"),
             item("b", "MEETING", day="2024-02-15", src="TUR", rcp="EGY", story="s1"),
             item("c", "MEETING", day="2024-02-25", src="TUR", rcp="EGY", story="s1")]
    assert link(items) == [[0, 1], [2]]


def test_the_merged_event_takes_the_most_specific_category() -> None:
    assert merged_category(["AGREEMENT", "ARMS_TRANSFER", "AGREEMENT"]) == "ARMS_TRANSFER"
    # a transfer that names no system (a reading of "to strengthen cooperation, drones included") stays an accord
    assert merged_category(["COOPERATION", "ARMS_TRANSFER"], named_system=False) == "COOPERATION"
    assert merged_category(["ARMS_TRANSFER"], named_system=False) == "ARMS_TRANSFER"
    assert merged_category(["MEETING", "VISIT"]) == "VISIT"
    assert merged_category(["AGREEMENT", "DIPLOMATIC_RELATIONS"]) == "DIPLOMATIC_RELATIONS"


def test_a_plan_told_before_its_day_is_the_event() -> None:
    before = replace(item("a", "VISIT", src="TUR", rcp="EGY", story="s1", factuality="planned"),
                     published=date(2024, 2, 4))
    after = replace(item("c", "VISIT", src="TUR", rcp="EGY", story="s1", factuality="planned"),
                    published=date(2024, 2, 20))
    done = item("b", "VISIT", day="2024-02-14", src="TUR", rcp="EGY", story="s1")
    assert link([before, done]) == [[0, 1]]
    # told as to come after the day: a next visit, not this one
    assert link([after, done]) == [[0], [1]]


def test_an_undated_sentence_joins_the_event_its_own_article_dates() -> None:
    items = [item("a", "AGREEMENT", day="2021-11-24", story="s1"),
             item("a", "AGREEMENT", story="s1")]  # "the accord also covers..." later in the same article
    assert link(items) == [[0, 1]]
    # but not an accord of other states, nor one of another name
    abraham, oslo = frozenset({"agr:abraham"}), frozenset({"agr:oslo"})
    assert link([item("a", "AGREEMENT", day="2021-11-24", story="s1", names=abraham),
                 item("a", "AGREEMENT", story="s1", src="FRA", rcp="GRC"),
                 item("a", "AGREEMENT", story="s1", names=oslo)]) == [[0], [1], [2]]


def test_an_article_that_tells_the_event_as_yesterday_is_not_dated_from_its_story() -> None:
    stories = [{"id": "st:1", "articles": ["a0", "a1"], "start": "2024-02-14", "end": "2024-02-14"}]
    articles = articles_of("A", "B", published="2024-02-14")
    articles[1]["published"] = {"value": None, "basis": "unknown"}
    articles[1]["text"] = "The president arrived.\n\nHe was received yesterday at the airport."
    dated = mention("a0", "VISIT", "2024-02-14", quote="arrived today")
    undated = mention("a1", "VISIT", "2024-02-14", quote="The president arrived.")
    lead = replace(undated, date=EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                                           reason="no date in its sentence"))
    yesterday = replace(undated, date=EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                                                reason=f"'yesterday' {DAY_COUNTED_FROM_PUBLICATION}, which is unknown"))
    assert fuse([dated, lead], [], articles, stories).inferred["a1"]["value"] == "2024-02-14"
    fusion = fuse([dated, lead, yesterday], [], articles, stories)
    assert len(fusion.events) == 1 and fusion.inferred == {}


def test_the_record_quotes_first_a_sentence_of_its_own_act() -> None:
    stories = [{"id": "st:1", "articles": ["a0", "a1"]}]
    talks = mention("a0", "MEETING", "2022-07-19", quote="they held talks on drones")
    visit = mention("a1", "VISIT", "2022-07-19", quote="the chief of staff arrived in Rabat")
    (event,) = fuse([talks, visit], [], articles_of("A", "B"), stories).events
    assert event["category"] == "VISIT"
    assert [m["quote"] for m in event["mentions"]] == ["the chief of staff arrived in Rabat",
                                                       "they held talks on drones"]


def test_a_lead_that_dates_its_event_by_a_day_number_dates_no_article() -> None:
    stories = [{"id": "st:1", "articles": ["a0", "a1"], "start": "2024-07-08", "end": "2024-07-08"}]
    articles = articles_of("A", "B", published="2024-07-08")
    articles[1]["published"] = {"value": None, "basis": "unknown"}
    said = "The two states signed the accord in Manila on the 8th."
    articles[1]["text"] = said
    dated = mention("a0", "AGREEMENT", "2024-07-08", quote="signed today")
    lead = replace(mention("a1", "AGREEMENT", "2024-07-08", quote=said),
                   date=EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                                  reason="no date in its sentence"))
    fusion = fuse([dated, lead], [], articles, stories)
    assert len(fusion.events) == 1 and fusion.inferred == {}


def test_an_undated_sentence_told_as_the_news_joins_the_act_its_article_dates() -> None:
    # "the three parties announced a withdrawal" (OTHER, dated 17 February) and, undated as the article's news,
    # "we remain committed to cooperation" (COOPERATION) in the article of 18 February: one act
    news = replace(item("a", "COOPERATION", src="FRA", rcp="MLI", story="s1"), published=date(2022, 2, 18),
                   news=True)
    act = item("a", "OTHER", day="2022-02-17", src="FRA", rcp="MLI", story="s1")
    assert link([act, news]) == [[0, 1]]
    # the same sentence beside an act of 1958 that the article recalls: not its news
    old = item("a", "AGREEMENT", day="1958-10-28", src="FRA", rcp="MLI", story="s1")
    assert link([old, news]) == [[0], [1]]


def test_an_undated_accord_that_could_be_another_deal_of_its_story_joins_none() -> None:
    f16 = frozenset({"eqp:f-16"})
    # the story's F-35 deal dated to the day, an F-16 sale recalled undated, and an undated "letter of
    # acceptance signed for the deal" in the F-16 sentence's article: which deal it is, nothing says
    items = [item("a", "ARMS_TRANSFER", day="2024-07-25", src="USA", rcp="GRC", story="s1", names=F35),
             item("b", "ARMS_TRANSFER", src="USA", rcp="GRC", story="s1", names=f16),
             item("b", "AGREEMENT", src="USA", rcp="GRC", story="s1")]
    assert link(items) == [[0], [1], [2]]
    # alone with the F-16 sale in its article, it is that sale told as an accord
    assert link(items[1:]) == [[0, 1]]


def test_a_meeting_naming_nobody_read_in_the_sentences_of_another_event_is_no_record() -> None:
    said = "This cooperation goes through the purchase of three frigates."
    deal = mention("a0", "ARMS_TRANSFER", "2021-09-28", quote=said,
                   attributes={"equipment": "eqp:fdi", "designation": "FDI"})
    reading = mention("a0", "MEETING", "2021-09-28", quote=said)
    visit = mention("a1", "VISIT", "2021-09-28", quote="the minister arrived in Athens")
    events = fuse([deal, reading, visit], [], articles_of("A", "B")).events
    assert sorted(e["category"] for e in events) == ["ARMS_TRANSFER", "VISIT"]


def test_a_deal_told_as_an_accord_keeps_the_sides_of_the_transfer() -> None:
    stories = [{"id": "st:1", "articles": ["a0", "a1"]}]
    deal = mention("a0", "ARMS_TRANSFER", "2021-09-28", attributes={"equipment": "eqp:fdi", "designation": "FDI"})
    accord = mention("a1", "AGREEMENT", "2021-09-28")
    accord = replace(accord, source=accord.source + accord.recipient, recipient=())  # both states, one side
    states = [{"id": code, "type": "GPE", "name": code, "country": code, "mentions": []} for code in ("ISR", "MAR")]
    (event,) = fuse([accord, deal], states, articles_of("A", "B"), stories).events
    assert event["category"] == "ARMS_TRANSFER" and event["n_sources"] == 2
    assert ([a["country"] for a in event["source"]], [a["country"] for a in event["recipient"]]) == (["ISR"], ["MAR"])


def test_an_undated_mention_of_a_deal_with_dated_steps_is_its_order_unless_it_tells_a_delivery() -> None:
    su35 = frozenset({"eqp:su-35"})
    order = item("a", "ARMS_TRANSFER", year="2018", src="RUS", rcp="EGY", story="s1", names=su35)
    delivery = replace(item("b", "ARMS_TRANSFER", year="2020", src="RUS", rcp="EGY", story="s1", names=su35),
                       delivered=True)
    told = item("c", "ARMS_TRANSFER", src="RUS", rcp="EGY", story="s1", names=su35)  # "Egypt bought 26 Su-35"
    received = replace(item("d", "ARMS_TRANSFER", src="RUS", rcp="EGY", story="s1", names=su35), delivered=True)
    assert link([order, delivery, told, received]) == [[0, 2], [1, 3]]


def test_an_act_announced_at_a_conference_is_one_record_named_by_the_act() -> None:
    items = [item("a", "OTHER", day="2022-02-17", src="FRA", rcp="MLI", story="s1"),     # "announced the withdrawal"
             item("b", "CONFERENCE", day="2022-02-17", src="FRA", rcp="MLI", story="s1")]  # "at a press conference"
    assert link(items) == [[0, 1]]
    assert merged_category(["CONFERENCE", "OTHER"]) == "OTHER"
    assert merged_category(["CONFERENCE", "DIPLOMATIC_RELATIONS"]) == "DIPLOMATIC_RELATIONS"


def test_an_undated_accord_in_articles_that_date_a_deal_to_the_day_is_that_deal() -> None:
    f16 = frozenset({"eqp:f-16"})
    # "Athens signed the letter of acceptance" (undated) in an article of 26 July that dates the F-35 deal to
    # 25 July, beside an F-16 sale the same article recalls undated: the accord is the deal it reports
    deal = replace(item("a", "ARMS_TRANSFER", day="2024-07-25", src="USA", rcp="GRC", story="s1", names=F35),
                   published=date(2024, 7, 26))
    recalled = replace(item("a", "ARMS_TRANSFER", src="USA", rcp="GRC", story="s1", names=f16),
                       published=date(2024, 7, 26))
    accord = replace(item("a", "AGREEMENT", src="USA", rcp="GRC", story="s1"), published=date(2024, 7, 26))
    assert link([deal, recalled, accord]) == [[0, 2], [1]]
    # published a month after the deal's day, the article reports something else: no news of that deal
    late = [replace(x, published=date(2024, 8, 30)) for x in (deal, recalled, accord)]
    assert link(late) == [[0], [1], [2]]


def test_an_undated_mention_of_a_deal_joins_the_step_its_own_article_dates() -> None:
    su35 = frozenset({"eqp:su-35"})
    # the contract dated 2018 by two articles, the delivery dated 2020 by one; the second contract article also
    # says "the deal" with no system named and no date: that article's contract
    order_a = item("a", "ARMS_TRANSFER", year="2018", src="RUS", rcp="EGY", story="s1", names=su35)
    delivery = item("b", "ARMS_TRANSFER", year="2020", src="RUS", rcp="EGY", story="s1", names=su35)
    deal_said = item("c", "ARMS_TRANSFER", src="RUS", rcp="EGY", story="s1")
    order_c = item("c", "ARMS_TRANSFER", src="RUS", rcp="EGY", story="s1", names=su35)  # named, undated
    assert link([order_a, delivery, deal_said, order_c]) == [[0, 2, 3], [1]]
    # an article that names neither step's system: which step, nothing says
    assert link([order_a, delivery, item("d", "ARMS_TRANSFER", src="RUS", rcp="EGY", story="s1")]) == [
        [0], [1], [2]]


def test_undated_relations_restored_join_the_accord_dated_that_week_by_an_article_of_known_day() -> None:
    week = (date(2023, 3, 6), date(2023, 3, 12))
    # "the accord reached this week" (dated to the week) in two articles, one published on 10 March; "the two
    # states will resume relations" told undated by three articles, that one among them, the others undated
    accord = [replace(item(a, "AGREEMENT", src="SAU", rcp="IRN", story="s1"), start=week[0], end=week[1],
                      granularity="week", published=day) for a, day in (("a", date(2023, 3, 10)), ("b", None))]
    relations = [replace(item(a, "DIPLOMATIC_RELATIONS", src="SAU", rcp="IRN", story="s1"), published=day)
                 for a, day in (("a", date(2023, 3, 10)), ("b", None), ("c", None))]
    assert link([*accord, *relations]) == [[0, 1, 2, 3, 4]]
    # told only by articles of unknown day, the restoration may be recalled years later: not joined
    unknown = [replace(x, published=None) for x in (*accord, *relations)]
    assert link(unknown) == [[0, 1], [2, 3, 4]]
    # an article of known day a month after the accord's week tells something else
    late = [*accord, *relations[:2], replace(relations[2], published=date(2023, 4, 20))]
    assert link(late) == [[0, 1], [2, 3, 4]]


def test_a_plan_of_an_undated_article_and_the_act_of_its_story_are_one_whichever_comes_first() -> None:
    # "Chad decided on Thursday 28 November to end the accord" read as a plan in an article of unknown day, and
    # "Chad ended the accord on 28 November" in a dated article of the same story: one event in either order
    plan = item("a", "COOPERATION", day="2024-11-28", src="TCD", rcp="FRA", story="s1", factuality="planned")
    done = replace(item("b", "COOPERATION", day="2024-11-28", src="TCD", rcp="FRA", story="s1"),
                   published=date(2024, 11, 29))
    assert link([plan, done]) == [[0, 1]]
    assert link([done, plan]) == [[0, 1]]
    # the act told by an article of another story is not what that undated article planned
    assert link([plan, replace(done, story="s2")]) == [[0], [1]]


def test_an_undated_accord_and_an_undated_cooperation_of_one_story_told_by_different_articles_are_one() -> None:
    # one outlet says "the defence agreement signed with Washington", another "the defence cooperation with
    # Washington", neither dated, in one story: one act
    accord = item("a", "AGREEMENT", src="JOR", rcp="USA", story="s1")
    cooperation = item("b", "COOPERATION", src="JOR", rcp="USA", story="s1")
    assert link([accord, cooperation]) == [[0, 1]]
    # in two stories, two acts; with a second cooperation of those states in the story, which one is unknown
    assert link([accord, replace(cooperation, story="s2")]) == [[0], [1]]
    named = [replace(cooperation, names=frozenset({"evt:programme-a"})),
             item("c", "COOPERATION", src="JOR", rcp="USA", story="s1", names=frozenset({"evt:programme-b"}))]
    assert link([accord, *named]) == [[0], [1], [2]]
    # a person's doing (a visit, talks) or a deal (its system may be another) told by other articles stays apart
    assert link([item("a", "VISIT", src="JOR", rcp="USA", story="s1"),
                 item("b", "MEETING", src="JOR", rcp="USA", story="s1")]) == [[0], [1]]
    assert link([item("a", "ARMS_TRANSFER", src="USA", rcp="JOR", story="s1"),
                 item("b", "COOPERATION", src="USA", rcp="JOR", story="s1")]) == [[0], [1]]


def test_an_accord_of_the_day_joins_the_deal_of_its_day_not_one_dated_to_the_month() -> None:
    # jets pledged on the 20th, "the two states committed to delivering jets" told that day, and a tank deal of
    # the same states that the story dates to the month only
    tanks = frozenset({"eqp:leopard"})
    items = [item("a", "ARMS_TRANSFER", day="2023-08-20", src="DNK", rcp="UKR", story="s1", names=F35),
             item("b", "COOPERATION", day="2023-08-20", src="DNK", rcp="UKR", story="s1"),
             item("c", "ARMS_TRANSFER", month="2023-08", src="DNK", rcp="UKR", story="s1", names=tanks)]
    assert link(items) == [[0, 1], [2]]
    # the tank deal dated to the day as well: which one the accord tells is not known, it joins neither
    items[2] = item("c", "ARMS_TRANSFER", day="2023-08-20", src="DNK", rcp="UKR", story="s1", names=tanks)
    assert link(items) == [[0], [1], [2]]
