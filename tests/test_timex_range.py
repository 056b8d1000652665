"""The time tagger at the edges of the calendar (issue 15, item 9): dates outside the years 0001..9999 get no
value instead of crashing the tagger, `recoupe timex --jsonl` never aborts its batch, and fusion takes events
dated at the calendar's ends."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from recoupe.cli import app
from recoupe.crosscheck.fuse import FuseItem, link
from recoupe.understand.timex.calendar import interval
from recoupe.understand.timex.tagger import tag

FR = "Hier, le ministre est arrivé. Il y a deux jours, il avait écrit. Il reviendra demain et l'an prochain."
EN = "Yesterday the minister arrived. Two days ago he wrote. He will come back tomorrow and next year."


@pytest.mark.parametrize(("text", "lang", "dct", "expected"), [
    (FR, "fr", "9999-12-31", [("Hier", "9999-12-30"), ("Il y a deux jours", "9999-12-29"), ("demain", None),
                              ("l'an prochain", None)]),
    (FR, "fr", "0001-01-01", [("Hier", None), ("Il y a deux jours", None), ("demain", "0001-01-02"),
                              ("l'an prochain", "0002")]),
    (EN, "en", "9999-12-31", [("Yesterday", "9999-12-30"), ("Two days ago", "9999-12-29"), ("tomorrow", None),
                              ("next year", None)]),
    (EN, "en", "0001-01-01", [("Yesterday", None), ("Two days ago", None), ("tomorrow", "0001-01-02"),
                              ("next year", "0002")]),
    ("Il est venu il y a 999999999 jours.", "fr", "2022-01-01", [("il y a 999999999 jours", None)]),
    ("He came 999999999999999999999 days ago.", "en", "2022-01-01", [("999999999999999999999 days ago", None)]),
    ("Il viendra dans 99999999999 mois.", "fr", "2022-01-01", [("dans 99999999999 mois", None)]),
])
def test_dates_outside_the_calendar_get_no_value(text: str, lang: str, dct: str,
                                                 expected: list[tuple[str, str | None]]) -> None:
    found = tag(text, lang=lang, dct=dct)
    assert [(t.text, t.value) for t in found] == expected
    if dct == "2022-01-01":
        assert [t.reason for t in found] == ["outside the calendar (years 0001 to 9999)"]


def test_the_span_of_a_value_at_the_end_of_the_calendar_is_none() -> None:
    assert interval("9999-12") is None and interval("9999-WI") is None
    assert interval("9999-11") == (date(9999, 11, 1), date(9999, 11, 30))


def test_timex_jsonl_goes_on_after_every_bad_line() -> None:
    lines = [
        json.dumps({"id": "far", "text": "Hier, il y a 999999999 jours.", "dct": "9999-12-31", "lang": "fr"}),
        "[" * 5000,
        '{"id": "s\\ud800", "text": "Demain.", "dct": "0001-01-01", "lang": "fr"}',
        json.dumps({"id": "last", "text": "Signé le 24 novembre 2021.", "lang": "fr"}),
    ]
    result = CliRunner().invoke(app, ["timex", "--jsonl", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [(t["text"], t["value"]) for t in out[0]["timexes"]] == [("Hier", "9999-12-30"),
                                                                    ("il y a 999999999 jours", None)]
    assert out[1] == {"id": None, "error": "line 2: not JSON (values nested too deeply to read)"}
    assert out[2]["id"] == "s\ud800" and [(t["text"], t["value"]) for t in out[2]["timexes"]] == [
        ("Demain", "0001-01-02")]
    assert out[3]["timexes"][0]["value"] == "2021-11-24"


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_events_at_the_ends_of_the_calendar_are_linked(day: str) -> None:
    """Fusion widens each date by a tolerance: at the calendar's ends it stops there instead of failing for the
    whole store."""

    def item(article: str, category: str) -> FuseItem:
        return FuseItem(article=article, category=category, reciprocal=True, story=None,
                        source_countries=frozenset({"MAR"}), recipient_countries=frozenset({"ISR"}),
                        start=date.fromisoformat(day), end=date.fromisoformat(day), granularity="day")

    assert link([item("a", "AGREEMENT"), item("b", "AGREEMENT"), item("c", "MIL_EXERCISE")]) == [[0, 1], [2]]
