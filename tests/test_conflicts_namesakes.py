"""The person in one office named differently by two outlets (``crosscheck/namesakes.py``); sentences written for
these tests."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from recoupe.crosscheck.figures import with_figure_conflicts
from recoupe.crosscheck.namesakes import office_words, same_given_name


def _person(eid: str, name: str, article: str, role: str, text: str) -> dict[str, Any]:
    start = text.index(name)
    return {"id": eid, "name": name, "type": "PERSON",
            "mentions": [{"article": article, "start": start, "end": start + len(name), "text": name, "role": role}]}


def _setting(outlet_b: str = "O1") -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    texts = ["La base est rendue jeudi. Le capitaine Paul Martin Diallo, chef du détachement, salue l'accord.",
             "La base a été rendue. « Tout va bien », dit le capitaine Marc Martin Diallo, chef du détachement "
             "des sapeurs."]
    articles = [{"id": "a0", "outlet": "O0", "text": texts[0]}, {"id": "a1", "outlet": outlet_b, "text": texts[1]}]
    event = {"id": "ev:1", "category": "OTHER", "conflicts": [], "date": {"start": "2025-03-06"},
             "mentions": [{"article": a, "start": 0, "end": 5, "quote": "q"} for a in ("a0", "a1")]}
    return articles, [event], [{"id": "st:1", "articles": ["a0", "a1"]}]


def test_one_office_two_given_names_is_a_conflict_on_the_story_news() -> None:
    articles, events, stories = _setting()
    entities = [_person("p:1", "Paul Martin Diallo", "a0", "chef du détachement", articles[0]["text"]),
                _person("p:2", "Marc Martin Diallo", "a1", "chef du détachement des sapeurs", articles[1]["text"])]
    out_events, (c,) = with_figure_conflicts(events, [], articles, stories, entities)
    assert (c["subject"], c["field"], [(x["value"], x["articles"], x["outlets"], x["role"]) for x in c["claims"]]) == (
        "ev:1", "participants",
        [("Paul Martin Diallo", ["a0"], ["O0"], "chef du détachement"),
         ("Marc Martin Diallo", ["a1"], ["O1"], "chef du détachement des sapeurs")])
    assert c["claims"][0]["quote"] == "Le capitaine Paul Martin Diallo, chef du détachement, salue l'accord."
    assert out_events[0]["conflicts"] == [c["id"]]


@pytest.mark.parametrize(("name_b", "role_b", "outlet_b"), [
    ("Paulo Martin Diallo", "chef du détachement", "O1"),  # one given name spelt two ways
    ("P. Martin Diallo", "chef du détachement", "O1"),  # an initial
    ("Martin Diallo", "chef du détachement", "O1"),  # a given name left out
    ("Marc Martin Diallo", "chef d'état-major", "O1"),  # another office: two persons
    ("Marc Martin Diallo", "capitaine", "O1"),  # a rank alone says no office
    ("Marc Martin Diallo", "ancien chef du détachement", "O1"),  # a past holder
    ("Marc Martin Diallo", "chef du détachement", "O0"),  # one outlet
])
def test_no_conflict_without_two_names_for_one_office_from_two_outlets(name_b: str, role_b: str,
                                                                        outlet_b: str) -> None:
    articles, events, stories = _setting(outlet_b)
    articles[1]["text"] = f"La base a été rendue, dit {name_b}, {role_b}."
    entities = [_person("p:1", "Paul Martin Diallo", "a0", "chef du détachement", articles[0]["text"]),
                _person("p:2", name_b, "a1", role_b, articles[1]["text"])]
    assert with_figure_conflicts(events, [], articles, stories, entities)[1] == []


def test_office_words_and_given_names() -> None:
    assert office_words("chef du détachement des sapeurs") == {"chef", "detachement", "sapeurs"}
    assert office_words("Capitaine") == frozenset()
    assert office_words("Defense Minister") == {"defense", "minister"}
    assert same_given_name(("gilberto",), ("gilbero",))
    assert same_given_name(("h.", "lawrence"), ("lawrence",))
    assert not same_given_name(("paul", "martin"), ("marc", "martin"))
    assert not same_given_name(("fabien",), ("frederic",))


def test_two_states_officials_of_one_family_name_are_no_conflict() -> None:
    # a visit between two counterparts: each outlet names the minister of its own side, with the same family name
    articles, events, stories = _setting()
    articles[0]["text"] = "Le ministre de la Défense Sadio Traoré a reçu à Bamako son homologue ivoirien."
    articles[1]["text"] = "Le ministre ivoirien de la Défense, Ali Traoré, est arrivé à Bamako mardi."
    one = _person("p:1", "Sadio Traoré", "a0", "ministre de la Défense", articles[0]["text"])
    other = _person("p:2", "Ali Traoré", "a1", "ministre ivoirien de la Défense", articles[1]["text"])
    assert with_figure_conflicts(events, [], articles, stories, [{**one, "country": "MLI"},
                                                                 {**other, "country": "CIV"}])[1] == []
    # the same two names with no state known, or one state: a conflict
    assert len(with_figure_conflicts(events, [], articles, stories, [one, {**other, "country": "CIV"}])[1]) == 1


_TWICE = """
from recoupe.crosscheck.figures import with_figure_conflicts
texts = ["Le capitaine Paul Martin Diallo, chef du détachement, salue l'accord.",
         "Le capitaine Marc Martin Diallo, chef du détachement des sapeurs, arrive. Plus tard, Marc Martin Diallo, "
         "chef du détachement, remercie les autorités."]
articles = [{"id": "a0", "outlet": "O0", "text": texts[0]}, {"id": "a1", "outlet": "O1", "text": texts[1]}]
event = {"id": "ev:1", "category": "OTHER", "conflicts": [], "date": {"start": "2025-03-06"},
         "mentions": [{"article": a, "start": 0, "end": 5, "quote": "q"} for a in ("a0", "a1")]}
def person(eid, name, article, spans):
    text = texts[int(article[1])]
    return {"id": eid, "name": name, "type": "PERSON", "mentions": [
        {"article": article, "start": text.index(name, at), "end": text.index(name, at) + len(name), "text": name,
         "role": role} for at, role in spans]}
entities = [person("p:1", "Paul Martin Diallo", "a0", [(0, "chef du détachement")]),
            person("p:2", "Marc Martin Diallo", "a1", [(0, "chef du détachement des sapeurs"),
                                                        (60, "chef du détachement")])]
(c,) = with_figure_conflicts([event], [], articles, [{"id": "st:1", "articles": ["a0", "a1"]}], entities)[1]
print(repr((c["claims"][1]["role"], c["claims"][1]["quote"])))
"""


def test_a_person_named_twice_in_one_article_gives_the_same_claim_in_every_process() -> None:
    # which of its two mentions speaks for the claim must not hang on the order of a set (string hashes differ
    # from one process to the next): the first in the text, whatever PYTHONHASHSEED
    seen = {subprocess.run([sys.executable, "-c", _TWICE], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                           capture_output=True, text=True, check=True).stdout.strip() for seed in range(4)}
    assert seen == {repr(("chef du détachement des sapeurs",
                          "Le capitaine Marc Martin Diallo, chef du détachement des sapeurs, arrive."))}


def test_a_given_name_written_in_one_word_or_two_is_one_name() -> None:
    assert same_given_name(("abdelaziz",), ("abdel", "aziz"))
    assert same_given_name(("jean-marc",), ("jean", "marc"))
    articles, events, stories = _setting()
    articles[0]["text"] = "La base est rendue. Le capitaine Abdelaziz Diallo, chef du détachement, salue l'accord."
    articles[1]["text"] = "La base a été rendue, dit le capitaine Abdel Aziz Diallo, chef du détachement."
    entities = [_person("p:1", "Abdelaziz Diallo", "a0", "chef du détachement", articles[0]["text"]),
                _person("p:2", "Abdel Aziz Diallo", "a1", "chef du détachement", articles[1]["text"])]
    assert with_figure_conflicts(events, [], articles, stories, entities)[1] == []


@pytest.mark.parametrize("rank", ["général de brigade", "général de corps d'armée", "vice-amiral",
                                  "capitaine de frégate", "Brigadier General", "rear admiral", "air marshal"])
def test_a_rank_of_several_words_is_no_office(rank: str) -> None:
    # two officers of one rank and one family name are two persons, as two captains are
    assert office_words(rank) == frozenset()
    articles, events, stories = _setting()
    articles[0]["text"] = f"La base est rendue, dit Paul Martin Diallo, {rank}."
    articles[1]["text"] = f"La base a été rendue, dit Marc Martin Diallo, {rank}."
    entities = [_person("p:1", "Paul Martin Diallo", "a0", rank, articles[0]["text"]),
                _person("p:2", "Marc Martin Diallo", "a1", rank, articles[1]["text"])]
    assert with_figure_conflicts(events, [], articles, stories, entities)[1] == []


@pytest.mark.parametrize("role", ["وزير الدفاع السابق", "سفيرة المغرب السابقة في باريس", "l'ancien chef du détachement",
                                  "chef du détachement de l'époque", "then-commander of the base"])
def test_a_past_office_has_no_office_words(role: str) -> None:
    assert office_words(role) == frozenset()
