"""Sums and counts written in words, and the disagreements on an arms deal's value and size they let the fusion
find (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.crosscheck.conflicts import deal_size, stated_values
from recoupe.understand.events._amounts import amounts, number_in_words
from recoupe.understand.events.arms import parse_value
from tests.test_fuse import articles_of, mention


@pytest.mark.parametrize(("text", "want"), [
    ("six", 6), ("vingt-quatre", 24), ("vingt et un", 21), ("quatre-vingts", 80), ("soixante-dix", 70),
    ("twenty four", 24), ("thirty-six", 36), ("أربعة وعشرين", 24), ("ستة", 6), ("17", 17), ("plusieurs", None),
])
def test_numbers_in_words(text: str, want: int | None) -> None:
    assert number_in_words(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Le chantier coûtera de l'ordre de quatre milliards d'euros.", [(4_000_000_000, "EUR", True)]),
    ("une rallonge de cinq milliards de francs suisses", [(5_000_000_000, "CHF", False)]),
    ("Ottawa will pay some $2.5 billion", [(2_500_000_000, "USD", True)]),
    ("a bill of about 12 billion dollars", [(12_000_000_000, "USD", True)]),
    ("بقيمة 7 مليار يورو", [(7_000_000_000, "EUR", False)]),
    ("صفقة قيمتها ثلاثة مليارات دولار", [(3_000_000_000, "USD", False)]),
    ("تبلغ قيمتها ملياري دولار", [(2_000_000_000, "USD", False)]),
    # a range, a coordination, billions with no figure, a bare "francs": no sum
    ("un marché de 2 à 4 milliards d'euros", []), ("between $1 and $2 billion", []),
    ("deux contrats de 4 et 1 milliards de francs suisses", []), ("plusieurs milliards d'euros", []),
    ("صفقات بمليارات الدولارات", []), ("une enveloppe de huit milliards de francs", []),
])
def test_sums_as_stated(text: str, want: list[tuple[int, str, bool]]) -> None:
    assert [(a.amount, a.currency, a.approximate) for a in amounts(text)] == want


def test_parse_value_reads_sums_in_words() -> None:
    assert parse_value("un achat de deux milliards d'euros") == {"amount": 2_000_000_000, "currency": "EUR"}
    assert parse_value("a $40 million grant") == {"amount": 40_000_000, "currency": "USD"}


def test_the_size_of_the_deal_a_delivery_names() -> None:
    assert deal_size("وصلت أول طائرتين من صفقة تشمل 18 طائرة") == 18
    assert deal_size("the first jets of a contract for 30 aircraft arrived") == 30
    assert deal_size("the deal signed 4 years ago") is None
    assert deal_size("a deal for 5 billion dollars") is None


def test_value_read_from_a_sentence_of_the_article_but_not_one_about_another_state() -> None:
    text = ("Le Pérou a signé mardi pour six hélicoptères. Le montant du contrat atteint environ deux milliards "
            "d'euros (2,1 milliards de dollars). L'Équateur avait payé trois milliards d'euros en 2019.")
    other = text.index("L'Équateur")
    found = stated_values(["a0"], {"a0": text}, {"a0": [(other, other + 9)]})
    assert found == [({"amount": 2_000_000_000, "currency": "EUR"}, "a0",
                      "Le montant du contrat atteint environ deux milliards d'euros (2,1 milliards de dollars).")]


def _deal(article: str) -> Any:
    heron = {"equipment": "eqp:heron", "designation": "Heron"}
    return mention(article, "ARMS_TRANSFER", "2024-03-12", attributes=heron)


def test_a_value_in_words_in_another_sentence_disagrees_with_one_in_digits() -> None:
    from recoupe.crosscheck.fuse import fuse

    ems = [_deal("a0"), _deal("a1"), _deal("a2")]
    articles = articles_of("A", "B", "C", published="2024-03-12")
    articles[0]["text"] = "Rabat achète des drones Heron. Le coût serait de l'ordre de trois milliards de dollars."
    articles[1]["text"] = "Le contrat des drones est estimé à 3,1 milliards de dollars."  # rounding: the same sum
    articles[2]["text"] = "Selon la presse, le contrat coûterait environ cinq milliards de dollars."
    (found,) = fuse(ems, [], articles).conflicts
    assert (found["field"], [(c["value"]["amount"], c["articles"]) for c in found["claims"]]) == (
        "value", [(3_000_000_000, ["a0"]), (3_100_000_000, ["a1"]), (5_000_000_000, ["a2"])])


def test_one_article_giving_two_sums_is_no_disagreement() -> None:
    from recoupe.crosscheck.fuse import fuse

    ems = [_deal("a0"), _deal("a1")]
    articles = articles_of("A", "B", published="2024-03-12")
    articles[0]["text"] = ("Le contrat vaut un milliard de dollars. "
                           "Le programme entier coûtera neuf milliards de dollars.")
    articles[1]["text"] = "Rabat achète des drones Heron."
    assert fuse(ems, [], articles).conflicts == []


def test_a_delivery_that_names_the_deal_size_disagrees_with_the_number_ordered() -> None:
    from recoupe.crosscheck.fuse import fuse

    ems = [mention("a0", "ARMS_TRANSFER", "2024-03-12", attributes={
               "equipment": "eqp:heron", "designation": "Heron", "number": 2, "status": "delivered"},
               quote="the first 2 drones of a deal for 12 aircraft landed"),
           mention("a1", "ARMS_TRANSFER", "2024-03-12", attributes={
               "equipment": "eqp:heron", "designation": "Heron", "number": 15, "status": "ordered"},
               quote="Rabat ordered 15 drones")]
    (found,) = fuse(ems, [], articles_of("A", "B", published="2024-03-12")).conflicts
    assert (found["field"], [(c["value"], c["articles"]) for c in found["claims"]]) == (
        "number_ordered", [(15, ["a1"]), (12, ["a0"])])


def test_a_deal_signed_for_some_and_still_to_be_signed_for_another_is_a_date_conflict() -> None:
    from recoupe.crosscheck.fuse import fuse

    heron = {"equipment": "eqp:heron", "designation": "Heron"}
    ems = [mention("a0", "ARMS_TRANSFER", "2024-03-12", attributes=heron, quote="Rabat signed on 12 March"),
           mention("a1", "ARMS_TRANSFER", "2024-03-12", attributes=heron, quote="the deal signed on 12 March")]
    articles = articles_of("A", "B", published="2024-03-12")
    articles[1]["text"] = "The Heron deal signed on 12 March. The contract is expected to be signed by June."
    (found,) = fuse(ems, [], articles).conflicts
    assert (found["field"], [(c["value"], c["articles"]) for c in found["claims"]]) == (
        "date", [("2024-03-12", ["a0", "a1"]), ("to be signed", ["a1"])])
    # written the day before: the signing was still to come then
    articles[1]["published"]["value"] = "2024-03-11"
    assert fuse(ems, [], articles).conflicts == []


def test_two_relative_readings_from_one_publication_day_disagree_but_not_from_two() -> None:
    from dataclasses import replace

    from recoupe.crosscheck.fuse import fuse

    def relative(article: str, day: str, word: str, anchor: str) -> Any:
        m = mention(article, "AGREEMENT", day, quote=f"signed on {word}")
        return replace(m, date=replace(m.date, reason=f"'{word}' -> {day}: last occurrence (past tense) from the "
                                                          f"publication date {anchor}"))

    same_day = [relative("a0", "2024-07-23", "Tuesday", "2024-07-26"),
                relative("a1", "2024-07-24", "Wednesday", "2024-07-26")]
    (found,) = fuse(same_day, [], articles_of("A", "B", published="2024-07-26")).conflicts
    assert [(c["value"], c["articles"]) for c in found["claims"]] == [("2024-07-23", ["a0"]), ("2024-07-24", ["a1"])]
    two_days = [relative("a0", "2024-07-23", "Tuesday", "2024-07-26"),
                relative("a1", "2024-07-24", "Tuesday", "2024-07-27")]
    assert fuse(two_days, [], articles_of("A", "B", published="2024-07-26")).conflicts == []


def test_a_one_day_event_dated_by_another_article_to_a_month_that_excludes_its_day() -> None:
    from dataclasses import replace

    from recoupe.crosscheck.conflicts import merge_date

    def month(article: str, value: str, words: str) -> Any:
        m = mention(article, "AGREEMENT", "2024-11-28", quote=f"ended {words}")
        return replace(m, date=replace(m.date, start=value, end=value, granularity="month",
                                       reason=f"'{words}' -> {value}: test"))

    day = [mention("a0", "AGREEMENT", "2024-11-28", read_from="28 novembre", quote="rompu le 28 novembre"),
           mention("a1", "AGREEMENT", "2024-11-28", read_from="jeudi 28 novembre", quote="jeudi 28 novembre")]
    # the linking stage put them in one record (tiers: two days, one month)
    date, found = merge_date([*day, month("a2", "2024-12", "au début du mois de décembre")], [0, 0, 2],
                             "AGREEMENT", {})
    assert date["start"] == "2024-11-28"
    assert found == [("2024-11-28", "a0", "rompu le 28 novembre"), ("2024-11-28", "a1", "jeudi 28 novembre"),
                     ("2024-12", "a2", "ended au début du mois de décembre")]
    # a month that holds the day agrees with it; so does a month read from the publication date ("ce mois-ci")
    assert merge_date([*day, month("a2", "2024-11", "en novembre")], [0, 0, 2], "AGREEMENT", {})[1] is None
    assert merge_date([*day, month("a2", "2024-12", "ce mois-ci")], [0, 0, 2], "AGREEMENT", {})[1] is None


def test_a_sum_in_a_sentence_with_no_price_word_is_not_the_deal_value() -> None:
    text = ("Les deux pays consacrent quatre milliards d'euros à la défense. "
            "La Grèce paiera deux milliards d'euros.")
    assert stated_values(["a0"], {"a0": text}, {}) == [
        ({"amount": 2_000_000_000, "currency": "EUR"}, "a0", "La Grèce paiera deux milliards d'euros.")]
