"""Issue 12, third round: fixes of the event rules found with the second own-words holdout
(bench/own_events_holdout2.py, never tuned on) and made on the tuning set (bench/own_events_tuning.py). Each test
uses sentences written for it (own words), other than both sets': a contract whose purpose the parser hung on the
verb, the company that signs a contract on the supplier's side, a contract for the supply of weapons, the target
of sanctions."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.kb import load_kb
from recoupe.records import CleanArticle, Published, article_id
from recoupe.settings import Settings
from recoupe.understand.annotate import Models, annotate
from recoupe.understand.entities import extract
from recoupe.understand.events import EventMention, extract_events
from recoupe.understand.timex.stage import tag_article

PUBLISHED = "2024-03-06"


@pytest.fixture(scope="module")
def models() -> Models:
    return Models(Settings())


def _events(text: str, models: Models) -> list[EventMention]:
    kb = load_kb()
    art = CleanArticle(id=article_id(text), raw_id="r", source="s", outlet=None, title=None, author=None,
                       published=Published(value=PUBLISHED, basis="metadata", reason="test"), text=text, dropped=0)
    (a,) = annotate([art], models)
    found = extract_events(a, a.doc, extract(a, a.doc, kb, models.get(a.lang)).mentions, tag_article(a).timexes, kb)
    return [e for e in found if e.category != "STATEMENT"]


def _deal(e: EventMention) -> tuple[Any, ...]:
    return (e.category, sorted(e.countries("source")), sorted(e.countries("recipient")),
            e.attributes.get("equipment"), e.attributes.get("number"), e.attributes.get("status"))


@pytest.mark.parametrize(("text", "expected"), [
    # the purpose of the contract hangs on "signed": the contract is the deal, no agreement beside it
    ("Chile signed a contract with the American government for ten F-16 jets.",
     [("ARMS_TRANSFER", ["USA"], ["CHL"], "eqp:f-16", 10, "ordered")]),
    # the company that signs sells: its state supplies, the state it signs with buys
    ("Saab signed a contract with Thailand for four Gripen fighters.",
     [("ARMS_TRANSFER", ["SWE"], ["THA"], "eqp:gripen", 4, "ordered")]),
    ("Dassault Aviation a signé avec la Croatie un contrat pour douze Rafale.",
     [("ARMS_TRANSFER", ["FRA"], ["HRV"], "eqp:rafale", 12, "ordered")]),
    # a contract for the supply of weapons, signed: ordered
    ("Un contrat portant sur la fourniture de six Rafale à la Grèce a été signé en janvier 2021.",
     [("ARMS_TRANSFER", ["FRA"], ["GRC"], "eqp:rafale", 6, "ordered")]),
])
def test_contract_deals(text: str, expected: list[tuple[Any, ...]], models: Models) -> None:
    assert [_deal(e) for e in _events(text, models)] == expected


def test_contract_for_supply_is_dated_by_its_signing(models: Models) -> None:
    (e,) = _events("Un contrat portant sur la fourniture de six Rafale à la Grèce a été signé en janvier 2021.", models)
    assert (e.date.start, e.date.end) == ("2021-01", "2021-01")


def test_supply_listed_in_a_deal_is_no_deal_of_its_own(models: Models) -> None:
    # what a contract comprises is its contents, told elsewhere as the deal itself
    text = "Le contrat comprend aussi la fourniture par la France de missiles Exocet à l'Inde."
    assert [e for e in _events(text, models) if e.category == "ARMS_TRANSFER"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Australia imposed sanctions on Iran.", (["AUS"], ["IRN"])),
    ("Le Japon a imposé des sanctions à la Corée du Nord.", (["JPN"], ["PRK"])),
    ("Washington imposed new sanctions on three Russian banks.", (["USA"], ["RUS"])),
])
def test_sanctions_name_their_target(text: str, expected: tuple[list[str], list[str]], models: Models) -> None:
    found = [(sorted(e.countries("source")), sorted(e.countries("recipient"))) for e in _events(text, models)
             if e.category == "OTHER"]
    assert found == [expected]
