"""What the sources of one arms deal disagree on (``conflicts.deal_conflicts``), with mentions written for these
tests."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from recoupe.crosscheck.conflicts import count_qualifier, deal_conflicts
from recoupe.understand.events.records import ActorRef
from tests.test_fuse import mention


def _pledge(article: str, supplier: str | None, number: int) -> Any:
    m = mention(article, "ARMS_TRANSFER", "2023-08-20",
                attributes={"equipment": "eqp:f-16", "designation": "F-16", "number": number, "status": "planned"})
    sides = () if supplier is None else (
        ActorRef(article=article, start=0, end=3, text=supplier, type="GPE", kb_id=supplier, country=supplier),)
    return replace(m, source=sides)


def _numbers(found: list[dict[str, Any]]) -> list[list[tuple[Any, list[str]]]]:
    return [[(c["value"], c["articles"]) for c in f["claims"]] for f in found if f["field"] == "number_ordered"]


def test_two_suppliers_pledges_in_one_record_are_no_disagreement() -> None:
    # "Denmark pledged 19 jets", "the Netherlands will give 42": two pledges fused in one record
    assert _numbers(deal_conflicts("ev:1", [_pledge("a0", "DNK", 19), _pledge("a1", "NLD", 42)])) == []


def test_one_supplier_two_numbers_is_a_disagreement() -> None:
    assert _numbers(deal_conflicts("ev:1", [_pledge("a0", "NLD", 24), _pledge("a1", "NLD", 42)])) == [
        [(24, ["a0"]), (42, ["a1"])]]
    # a figure whose sentence names no supplier is compared with all
    assert _numbers(deal_conflicts("ev:1", [_pledge("a0", "DNK", 19), _pledge("a1", None, 42)])) == [
        [(19, ["a0"]), (42, ["a1"])]]


@pytest.mark.parametrize(("quote", "n", "want"), [
    ("Egypt ordered more than 20 Su-35 jets.", 20, "more than"),
    ("L'Égypte a commandé plus de vingt avions.", 20, "more than"),
    ("يشمل الاتفاق تسليم أكثر من عشرين مقاتلة", 20, "more than"),
    ("Le contrat porte sur au moins 12 hélicoptères.", 12, "at least"),
    ("The deal covers up to 40 drones.", 40, "up to"),
    ("India bought about 36 jets.", 36, "about"),
    ("اشترت نحو 36 طائرة", 36, "about"),
    ("Egypt ordered 24 Su-35 jets.", 24, None),
    ("Egypt ordered twenty-four jets, more than 20 of them fighters.", 24, None),
    ("L'armée a reçu quatre-vingts blindés, plus de vingt par mois.", 80, None),  # vingt of quatre-vingts
    ("Egypt ordered 24 Su-35 jets.", 26, None),  # not written
])
def test_count_qualifier(quote: str, n: int, want: str | None) -> None:
    assert count_qualifier(quote, n) == want


def _count(article: str, number: int, quote: str) -> Any:
    return replace(_pledge(article, "RUS", number), evidence=(replace(_pledge(article, "RUS", number).evidence[0],
                                                                       quote=quote),))


def test_a_bound_claims_no_disagreement_but_stays_a_claim() -> None:
    more = _count("a2", 20, "Le contrat porte sur plus de vingt avions.")
    # "more than twenty" agrees with 24: no conflict
    assert _numbers(deal_conflicts("ev:1", [_count("a0", 24, "Egypt ordered 24 jets."), more])) == []
    # 24 and 26 disagree; the bound is one more claim, marked as such
    found = deal_conflicts("ev:1", [_count("a0", 24, "Egypt ordered 24 jets."),
                                    _count("a1", 26, "Egypt ordered 26 jets."), more])
    (c,) = [f for f in found if f["field"] == "number_ordered"]
    assert [(x["value"], x["articles"], x.get("qualifier")) for x in c["claims"]] == [
        (24, ["a0"], None), (26, ["a1"], None), (20, ["a2"], "more than")]
    # a bound that no count it allows reconciles: "up to 10" against 24
    fewer = _count("a2", 10, "The deal covers up to 10 jets.")
    assert _numbers(deal_conflicts("ev:1", [_count("a0", 24, "Egypt ordered 24 jets."), fewer])) == [
        [(24, ["a0"]), (10, ["a2"])]]
    # "about 22" and 24: within a tenth
    about = _count("a2", 22, "Egypt ordered about 22 jets.")
    assert _numbers(deal_conflicts("ev:1", [_count("a0", 24, "Egypt ordered 24 jets."), about])) == []


def test_an_approximate_count_agrees_with_what_a_plain_count_would() -> None:
    # 36 and 40 agree (rounding: "40" may be 35 to 45); "about 36" allows no less than 36 does
    plain = _count("a2", 36, "Egypt ordered 36 jets.")
    about = _count("a2", 36, "Egypt ordered about 36 jets.")
    forty = _count("a0", 40, "Egypt ordered 40 jets.")
    assert _numbers(deal_conflicts("ev:1", [forty, plain])) == []
    assert _numbers(deal_conflicts("ev:1", [forty, about])) == []
