"""A person given different offices by the outlets of one story (``conflicts.role_conflicts``): translations and
synonyms of one office are no disagreement. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.crosscheck.conflicts import role_conflicts

TEXTS = {"a0": "Le ministre a parlé. Karim Benali, {r0}, a signé l'accord.",
         "a1": "The minister spoke. Karim Benali, {r1}, signed the accord."}


def _run(r0: str, r1: str, outlet1: str = "O1") -> list[dict[str, Any]]:
    text_of = {"a0": TEXTS["a0"].format(r0=r0), "a1": TEXTS["a1"].format(r1=r1)}
    mentions = [{"article": a, "start": t.index("Karim"), "end": t.index("Karim") + 12, "role": r}
                for (a, t), r in zip(text_of.items(), (r0, r1), strict=True)]
    person = {"id": "p:1", "type": "PERSON", "name": "Karim Benali", "mentions": mentions}
    return role_conflicts([person], {"a0": "st:1", "a1": "st:1"}, {"a0": "O0", "a1": outlet1}, text_of)


@pytest.mark.parametrize(("r0", "r1"), [
    ("chef de la diplomatie", "Foreign Minister"),  # a synonym and a translation of one office
    ("ministre des Affaires étrangères", "foreign minister"),
    ("ministre des Affaires étrangères", "Minister"),  # a shorter title of the same office
    ("général", "chef d'état-major"),  # a rank alone is not compared
    ("ancien ministre de la Défense", "Foreign Minister"),  # a past office is not compared
    # a past office told in other ways: not compared with the one in office
    ("l'ancien ministre de la Défense", "ambassador to Paris"),
    ("ministre de la Défense de l'époque", "ambassador to Paris"),
    ("ambassadeur à Paris", "the former defence minister"),
    ("ambassadeur à Paris", "then-defence minister"),
])
def test_one_office_written_two_ways_is_no_disagreement(r0: str, r1: str) -> None:
    assert _run(r0, r1) == []


def test_two_offices_told_by_two_outlets_are_a_disagreement() -> None:
    (c,) = _run("ministre de la Défense", "ambassador to Paris")
    assert (c["subject"], c["field"], [(x["value"], x["articles"]) for x in c["claims"]]) == (
        "p:1", "role", [("ministre de la Défense", ["a0"]), ("ambassador to Paris", ["a1"])])
    assert c["claims"][0]["quote"] == "Karim Benali, ministre de la Défense, a signé l'accord."
    # one outlet's two articles: no disagreement between outlets
    assert _run("ministre de la Défense", "ambassador to Paris", outlet1="O0") == []
