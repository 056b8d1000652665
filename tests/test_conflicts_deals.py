"""What the sources of one arms deal disagree on (``conflicts.deal_conflicts``), with mentions written for these
tests."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from recoupe.crosscheck.conflicts import deal_conflicts
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
