"""Disagreements between outlets beyond the arms deal's own attributes: a sum in "francs" with no country, the
numbers and durations an event's articles state (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.crosscheck.figures import figures, with_figure_conflicts
from recoupe.understand.events._amounts import amounts
from tests.test_fuse import articles_of, mention


def _deal(article: str, **attributes: Any) -> Any:
    return mention(article, "ARMS_TRANSFER", "2024-03-12",
                   attributes={"equipment": "eqp:heron", "designation": "Heron", **attributes})


def test_a_sum_in_bare_francs_is_read_only_when_asked() -> None:
    text = "Berne paiera sept milliards de francs pour ses drones."
    assert amounts(text) == []
    assert [(a.amount, a.currency) for a in amounts(text, bare_francs=True)] == [(7_000_000_000, "francs")]
    # a franc with its country keeps its code
    assert [(a.amount, a.currency) for a in amounts("huit milliards de francs suisses", bare_francs=True)] == [
        (8_000_000_000, "CHF")]


def test_bare_francs_disagree_with_the_swiss_francs_of_another_outlet_as_stated() -> None:
    from recoupe.crosscheck.fuse import fuse

    ems = [_deal("a0", value={"amount": 7_000_000_000, "currency": "CHF"}), _deal("a1")]
    articles = articles_of("A", "B", published="2024-03-12")
    articles[1]["text"] = "Le gouvernement achètera les drones Heron avec une enveloppe de huit milliards de francs."
    (found,) = fuse(ems, [], articles).conflicts
    assert (found["field"], [(c["value"], c["articles"]) for c in found["claims"]], found.get("note")) == (
        "value", [({"amount": 7_000_000_000, "currency": "CHF"}, ["a0"]),
                  ({"amount": 8_000_000_000, "currency": "francs"}, ["a1"])],
        "stated in CHF, francs: reported as stated, not converted")
    # the same figure in bare francs agrees with it
    articles[1]["text"] = "Le gouvernement achètera les drones Heron avec une enveloppe de sept milliards de francs."
    assert fuse(ems, [], articles).conflicts == []


@pytest.mark.parametrize(("sentence", "want"), [
    ("Une vingtaine d'instructeurs partiront, mais environ 60 soldats resteront à Dakar.",
     [("number.troops_staying", 60, True)]),
    ("Of the 900 troops deployed there, 45 soldiers will remain after June.", [("number.troops_staying", 45, False)]),
    ("Une centaine de militaires demeureront sur la base.", [("number.troops_staying", 100, True)]),
    ("سيبقى نحو 70 جنديا في القاعدة", [("number.troops_staying", 70, True)]),
    ("More than 50 soldiers will stay.", []),  # a bound claims no figure
    # those still there who leave; "le reste", a noun
    ("The remaining 300 troops will leave in May.", []), ("Le reste des 900 soldats partira en mai.", []),
    ("Quelque 5.000 soldats sont déployés dans la région.", []),  # deployed, not staying
    ("Le Maroc retrouve l'organisation après huit ans d'absence.", [("attributes.duration_years", 8, False)]),
    ("Rabat rejoined the body after a 33-year absence.", [("attributes.duration_years", 33, False)]),
    ("عاد المغرب إلى المنظمة بعد غياب استمر 33 عاما", [("attributes.duration_years", 33, False)]),
    ("عاد إلى مقعده بعد مضي 9 سنوات على قرار تعليق عضويته", [("attributes.duration_years", 9, False)]),
    ("La mission s'achève après presque sept ans de présence.", [("attributes.duration_years", 7, True)]),
    ("after more than seven years of presence", []),
])
def test_figures_a_sentence_states(sentence: str, want: list[tuple[str, int, bool]]) -> None:
    assert [(f.kind, f.value, f.approximate) for f in figures(sentence)] == want


def _event(eid: str, category: str, *told: tuple[str, int]) -> dict[str, Any]:
    return {"id": eid, "category": category, "conflicts": [],
            "mentions": [{"article": a, "start": start, "end": start + 5, "quote": "q"} for a, start in told]}


def _articles(*texts: str) -> list[dict[str, Any]]:
    return [{"id": f"a{i}", "outlet": f"O{i}", "text": t} for i, t in enumerate(texts)]


def test_a_rounded_and_an_exact_count_agree_a_round_hundred_does_not() -> None:
    handover = _event("ev:1", "OTHER", ("a0", 0), ("a1", 0), ("a2", 0))
    articles = _articles("La base est rendue. Un détachement d'environ 64 soldats restera.",
                         "La base est rendue. Environ 60 militaires resteront sur place.",
                         "La base est rendue. Une centaine de soldats resteront.")
    events, found = with_figure_conflicts([handover], [], articles)
    (c,) = found
    assert (c["subject"], c["field"], [(x["value"], x["articles"], x["outlets"]) for x in c["claims"]]) == (
        "ev:1", "number.troops_staying", [(64, ["a0"], ["O0"]), (60, ["a1"], ["O1"]), (100, ["a2"], ["O2"])])
    assert events[0]["conflicts"] == [c["id"]]
    # without the round hundred, "about 60" and "64" agree: no conflict
    assert with_figure_conflicts([handover], [], articles[:2])[1] == []


def test_years_of_absence_differ_between_two_outlets_but_not_within_one() -> None:
    back = _event("ev:2", "DIPLOMATIC_RELATIONS", ("a0", 0), ("a1", 0))
    articles = _articles("عاد المغرب إلى المنظمة بعد غياب دام 33 عاما", "Le Maroc revient après 32 ans d'absence.")
    (c,) = with_figure_conflicts([back], [], articles)[1]
    assert (c["field"], [(x["value"], x["articles"]) for x in c["claims"]]) == (
        "attributes.duration_years", [(33, ["a0"]), (32, ["a1"])])
    # one outlet's two articles: no disagreement between outlets
    same_outlet = [{**a, "outlet": "O0"} for a in articles]
    assert with_figure_conflicts([back], [], same_outlet)[1] == []


def test_an_article_figures_belong_to_its_news_not_to_its_background() -> None:
    # a1 tells the return (its news, told by two articles) and, in one sentence, an older event of its own
    news = _event("ev:3", "DIPLOMATIC_RELATIONS", ("a0", 0), ("a1", 40))
    background = _event("ev:4", "DIPLOMATIC_RELATIONS", ("a1", 0))
    deal = _event("ev:5", "ARMS_TRANSFER", ("a0", 0), ("a1", 0), ("a2", 0))
    articles = _articles("Le Maroc revient après 33 ans d'absence.", "Le Maroc revient après 32 ans d'absence.")
    (c,) = with_figure_conflicts([news, background, deal], [], articles)[1]
    assert c["subject"] == "ev:3"


@pytest.mark.parametrize(("sentence", "want"), [
    ("Les deux capitales rouvriront leurs consulats d'ici trois mois.", [("P3M", 2160)]),
    ("The ceasefire must be verified within ten days.", [("P10D", 240)]),
    ("The crew will be released within 72 hours.", [("PT72H", 72)]),
    ("يعاد فتح القنصليات في غضون أسبوعين", [("P2W", 336)]),
    ("على أن تستأنف الرحلات خلال مدة أقصاها ثلاثة أشهر", [("P3M", 2160)]),
    # a month or a year named after the unit is a date; "the coming months" no figure
    ("وقعت المناورات خلال شهر مايو", []), ("خلال عام 2019", []), ("within the coming months", []),
])
def test_deadlines_a_sentence_states(sentence: str, want: list[tuple[str, int]]) -> None:
    assert [(f.claim, f.value) for f in figures(sentence) if f.kind == "attributes.deadline"] == want


def test_a_deadline_told_in_weeks_by_one_outlet_and_in_months_by_another() -> None:
    deal = _event("ev:6", "DIPLOMATIC_RELATIONS", ("a0", 0), ("a1", 0), ("a2", 0))
    articles = _articles("Les consulats rouvriront d'ici trois semaines.",
                         "The consulates will reopen within three weeks.",
                         "يعاد فتح القنصليات خلال مدة أقصاها شهران")
    (c,) = with_figure_conflicts([deal], [], articles)[1]
    assert (c["field"], [(x["value"], x["articles"]) for x in c["claims"]]) == (
        "attributes.deadline", [("P3W", ["a0", "a1"]), ("P2M", ["a2"])])
    # "a month" and "four weeks" agree once rounding is allowed for
    articles[2]["text"] = "يعاد فتح القنصليات خلال شهر"
    articles[0]["text"] = articles[1]["text"] = "The consulates will reopen within four weeks."
    assert with_figure_conflicts([deal], [], articles)[1] == []


def _dated(event: dict[str, Any], day: str | None) -> dict[str, Any]:
    return {**event, "date": {"start": day}}


def test_a_story_news_takes_the_figures_of_all_its_articles() -> None:
    # two of four articles tell the return, two others an older record (the suspension they recall); a3 tells
    # no event at all: the figures of all four belong to the story's news, the latest of the two
    back = _dated(_event("ev:7", "DIPLOMATIC_RELATIONS", ("a0", 0), ("a1", 0)), "2023-05-07")
    before = _dated(_event("ev:8", "DIPLOMATIC_RELATIONS", ("a2", 0), ("a3", 0)), "2011")
    articles = _articles("Le pays revient après 12 ans d'absence.", "Retour du pays dans l'organisation.",
                         "Le pays revient après onze ans d'absence.", "Le pays revient après 12 ans d'absence.")
    story = {"id": "st:1", "articles": ["a0", "a1", "a2", "a3"]}
    (c,) = with_figure_conflicts([back, before], [], articles, [story])[1]
    assert (c["subject"], [(x["value"], x["articles"]) for x in c["claims"]]) == (
        "ev:7", [(12, ["a0", "a3"]), (11, ["a2"])])
    # without the story, each article's figures stay with its own record
    (c,) = with_figure_conflicts([back, before], [], articles)[1]
    assert (c["subject"], [(x["value"], x["articles"]) for x in c["claims"]]) == (
        "ev:8", [(11, ["a2"]), (12, ["a3"])])
    # a story whose events are each told by one article has no news: its articles keep their own
    alone = _dated(_event("ev:9", "DIPLOMATIC_RELATIONS", ("a0", 0)), "2023-05-07")
    other = _dated(_event("ev:10", "DIPLOMATIC_RELATIONS", ("a2", 0)), "2011")
    assert with_figure_conflicts([alone, other], [], articles, [story])[1] == []


def test_an_article_that_tells_no_event_states_its_figures_about_its_story_news() -> None:
    handover = _event("ev:11", "OTHER", ("a0", 0), ("a1", 0))
    articles = _articles("La base est rendue. Environ 80 militaires resteront.",
                         "La base est rendue. Un détachement d'environ 80 soldats restera.",
                         "Une centaine de soldats français resteront sur place.")
    (c,) = with_figure_conflicts([handover], [], articles, [{"id": "st:2", "articles": ["a0", "a1", "a2"]}])[1]
    assert (c["subject"], [(x["value"], x["articles"], x["approximate"]) for x in c["claims"]]) == (
        "ev:11", [(80, ["a0", "a1"], True), (100, ["a2"], True)])
    assert with_figure_conflicts([handover], [], articles)[1] == []  # a2 has no news of its own


@pytest.mark.parametrize(("texts", "want"), [
    # nine against ten years: a count of years is no rounded figure
    (("Paris met fin à neuf années d'opérations au Mali.", "Un retrait scellé au bout de dix ans de présence."),
     [(9, ["a0"], False), (10, ["a1"], False)]),
    (("The mission ends after nine years of operations.", "The force leaves after 10 years of presence."),
     [(9, ["a0"], False), (10, ["a1"], False)]),
    # "presque dix ans" (almost ten) and nine years agree
    (("Paris met fin à neuf années d'opérations au Mali.", "Presque dix ans de présence s'achèvent."), []),
    # one exact and one "about": within a tenth they agree, twelve and eleven exact ones do not
    (("Retour après environ 12 ans d'absence.", "Retour après onze ans d'absence."), []),
    (("Retour après 12 ans d'absence.", "Retour après onze ans d'absence."),
     [(12, ["a0"], False), (11, ["a1"], False)]),
])
def test_years_are_compared_as_counted(texts: tuple[str, str], want: list[tuple[int, list[str], bool]]) -> None:
    event = _event("ev:12", "OTHER", ("a0", 0), ("a1", 0))
    found = with_figure_conflicts([event], [], _articles(*texts))[1]
    assert [[(x["value"], x["articles"], x["approximate"]) for x in c["claims"]] for c in found] == (
        [want] if want else [])


@pytest.mark.parametrize(("sentence", "want"), [
    ("Le pays, suspendu depuis onze ans, retrouve son siège.", [(11, False)]),
    ("The country, suspended for 12 years, is back in the body.", [(12, False)]),
    ("La Syrie, exclue depuis près de douze ans, revient.", [(12, True)]),
    ("عاد البلد المعلقة عضويته منذ 12 عاما", [(12, False)]),
    ("Paris met fin à une présence militaire de neuf ans.", [(9, False)]),
    ("Paris ends nine years of military engagement in the country.", [(9, False)]),
    ("The embassies reopen seven years after ties were cut.", [(7, False)]),
    ("Les ambassades rouvrent sept ans après la rupture des relations.", [(7, False)]),
    ("après près d'une décennie de présence militaire", [(10, True)]),
    ("after two decades of estrangement", [(20, True)]),
    # a bound claims no figure; a time since another event is no duration of an absence or a presence
    ("The country, suspended for more than 12 years, is back.", []),
    ("after more than a decade of absence", []),
    ("The talks resume two years after the invasion.", []),
    # a promise to pay, a wage freeze and a budget cut are no absence and no presence
    ("Berlin signe un engagement de cinq ans pour financer la défense aérienne de Kiev.", []),
    ("Le gouvernement impose le gel de deux ans des salaires des fonctionnaires.", []),
    ("Five years after the army cut its budget, the base closed.", []),
    # but ties cut, a freeze of relations and a presence with its purpose still count
    ("Embassies reopened three years after Rabat cut ties with Tehran.", [(3, False)]),
    ("Le gel de quatre ans des relations prend fin.", [(4, False)]),
    ("Paris met fin à une présence militaire de neuf ans au Sahel.", [(9, False)]),
])
def test_durations_told_in_other_words(sentence: str, want: list[tuple[int, bool]]) -> None:
    assert [(f.value, f.approximate) for f in figures(sentence) if f.kind == "attributes.duration_years"] == want


def test_bare_rupees_agree_with_the_one_rupee_another_outlet_names() -> None:
    from recoupe.crosscheck.fuse import fuse

    ems = [_deal("a0", value={"amount": 90_000_000_000, "currency": "INR"}),
           _deal("a1", value={"amount": 90_000_000_000, "currency": "rupees"})]
    assert fuse(ems, [], articles_of("A", "B", published="2024-03-12")).conflicts == []
    ems[1] = _deal("a1", value={"amount": 80_000_000_000, "currency": "rupees"})
    (found,) = fuse(ems, [], articles_of("A", "B", published="2024-03-12")).conflicts
    assert [(c["value"], c["articles"]) for c in found["claims"]] == [
        ({"amount": 90_000_000_000, "currency": "INR"}, ["a0"]),
        ({"amount": 80_000_000_000, "currency": "rupees"}, ["a1"])]
