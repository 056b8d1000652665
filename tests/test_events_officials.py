"""An official of an intergovernmental organisation acts for the organisation, not for the state of his or her
nationality (press dev split: "NATO Secretary General Jens Stoltenberg" made Norway a party, the Arab League's
secretary general Egypt). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from recoupe.crosscheck.resolve import resolve
from recoupe.kb import load_kb
from recoupe.records import CleanArticle, Published, article_id
from recoupe.understand.annotate import Models, annotate
from recoupe.understand.entities import extract
from recoupe.understand.events import EventMention, extract_events, to_event_records
from recoupe.understand.timex.stage import tag_article

from .event_helpers import events_of

PUBLISHED = "2023-05-10"



def _events(text: str, models: Models, published: str = PUBLISHED) -> tuple[EventMention, ...]:
    return events_of(text, models, published)


def _states(events: Sequence[EventMention]) -> set[str]:
    return {c for e in events for c in (*e.countries("source"), *e.countries("recipient"))}


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a named office holder whose office on the day is the organisation's (the knowledge base)
    ("NATO Secretary General Jens Stoltenberg welcomed Finland to the alliance on Tuesday.", set(), {"NOR"}),
    ("Jens Stoltenberg a rencontré mardi à Bruxelles le président finlandais Sauli Niinistö.", {"FIN"}, {"NOR"}),
    ("Ahmed Aboul Gheit met the Syrian foreign minister in Cairo on Sunday.", {"SYR"}, {"EGY"}),
    # the organisation's title before the name
    ("Le secrétaire général de la Ligue arabe, Ahmed Aboul Gheit, s'est rendu lundi à Damas.", {"SYR"}, {"EGY"}),
    ("The Arab League's secretary general Ahmed Aboul Gheit visited Damascus on Monday.", {"SYR"}, {"EGY"}),
    ("وقال أحمد أبو الغيط إن عودة العلاقات مع سوريا خطوة مهمة.", {"SYR"}, {"EGY"}),
    # the organisation's official hosts: no state received the Syrian minister (not Egypt, not Cairo)
    ("استقبل أحمد أبو الغيط وزير الخارجية السوري في القاهرة.", set(), {"EGY"}),
])
def test_an_organisations_official_brings_no_state_of_his_own(models: Models, text: str, present: set[str],
                                                              absent: set[str]) -> None:
    states = _states(_events(text, models))
    assert present <= states and not absent & states


def test_a_state_hosting_in_its_capital_still_receives(models: Models) -> None:
    text = "استقبل الرئيس المصري وزير الخارجية السوري في القاهرة."
    (e,) = [e for e in _events(text, models) if e.category == "VISIT"]
    assert (set(e.countries("source")), set(e.countries("recipient"))) == ({"SYR"}, {"EGY"})


def test_a_states_envoy_to_an_organisation_still_acts_for_the_state(models: Models) -> None:
    text = "The French ambassador to the United Nations, Nicolas de Rivière, met the Malian foreign minister on Monday."
    assert {"FRA", "MLI"} <= _states(_events(text, models))


def test_a_former_office_in_the_organisation_does_not_count(models: Models) -> None:
    # Mark Rutte was his country's prime minister before he led NATO: in 2023 he acts for the Netherlands
    text = "Mark Rutte received the Ukrainian president in The Hague on Monday."
    assert "NLD" in _states(_events(text, models, published="2023-05-10"))



def test_a_person_named_inside_anothers_title_gives_it_no_state(models: Models) -> None:
    # the title found before the minister's name runs back over the NATO chief's: not Norway's minister
    text = ("“Welcome to the club!” said NATO Secretary General Jens Stoltenberg as Foreign Minister Pekka Haavisto "
            "handed him the papers.")
    kb = load_kb()
    art = CleanArticle(id=article_id(text), raw_id="r", source="s", outlet=None, title=None, author=None,
                       published=Published(value=PUBLISHED, basis="metadata", reason="test"), text=text, dropped=0)
    (a,) = annotate([art], models)
    (haavisto,) = [m for m in extract(a, a.doc, kb, models.get(a.lang)).mentions if m.text == "Pekka Haavisto"]
    assert haavisto.country is None


def test_an_undated_article_still_knows_an_organisations_official(models: Models) -> None:
    # no date to pick the office held: a person whose every office is the organisation's acts for it
    text = "Jens Stoltenberg a rencontré à Bruxelles le président finlandais Sauli Niinistö."
    kb = load_kb()
    art = CleanArticle(id=article_id(text), raw_id="r", source="s", outlet=None, title=None, author=None,
                       published=Published.unknown("test"), text=text, dropped=0)
    (a,) = annotate([art], models)
    events = extract_events(a, a.doc, extract(a, a.doc, kb, models.get(a.lang)).mentions, tag_article(a).timexes, kb)
    assert _states(events) == {"FIN"}


def test_the_exported_record_keeps_the_official_stateless(models: Models) -> None:
    # the entity's record keeps the nationality (Norway); the event's actor does not take it from there
    text = "NATO Secretary General Jens Stoltenberg welcomed Finland to the alliance on Tuesday."
    kb = load_kb()
    art = CleanArticle(id=article_id(text), raw_id="r", source="s", outlet=None, title=None, author=None,
                       published=Published(value=PUBLISHED, basis="metadata", reason="test"), text=text, dropped=0)
    (a,) = annotate([art], models)
    mentions = extract(a, a.doc, kb, models.get(a.lang)).mentions
    events = extract_events(a, a.doc, mentions, tag_article(a).timexes, kb)
    entities = resolve(list(mentions), kb)
    entity_of = {(m["article"], m["start"], m["end"]): r["id"] for r in entities for m in r["mentions"]}
    records = to_event_records(events, entity_of, {r["id"]: r for r in entities}, {a.article.id: None})
    actors = [x for r in records for x in r["source"] + r["recipient"]]
    assert {x["country"] for x in actors if x["entity"] == "per:jens-stoltenberg"} == {None}
    assert "NOR" not in {x["country"] for x in actors}


# --- states named only in a background clause (press dev, Arabic) ---------------------------------------------

@pytest.mark.parametrize(("text", "states"), [
    # a state coordinated with a place is a place too, not a party of the return it prepared
    ("وأوضح المصدر أن اللجنة ستناقش مخرجات اللقاءات التي جرت في مصر والعراق حول عودة سوريا إلى الجامعة.",
     {"SYR"}),
    # the state that told the news is not a party of it
    ("استعادت سوريا مقعدها في الجامعة العربية اليوم الأحد، حسب ما أعلن العراق.", {"SYR"}),
    # coordinated subjects stay parties
    ("أعلنت مصر والأردن عودة العلاقات مع سوريا.", {"EGY", "JOR", "SYR"}),
    ("أعلنت بريطانيا والأردن عودة العلاقات مع سوريا.", {"GBR", "JOR", "SYR"}),
])
def test_a_state_named_as_place_or_teller_is_no_party(models: Models, text: str, states: set[str]) -> None:
    assert _states(_events(text, models)) == states
