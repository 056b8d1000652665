"""Fusion's dates for undated articles: an article that names the weekday it was written on is dated by that
weekday from the day-dated event of its story it tells, anywhere in its text; one whose weekday does not fit
the event is not dated. Hand-made mentions (tests/test_fuse.py's helpers); exact values."""

from __future__ import annotations

from dataclasses import replace

from recoupe.crosscheck.fuse import fuse
from recoupe.understand.events._dates import writing_weekdays
from recoupe.understand.events.records import EventDate, Evidence
from tests.test_fuse import articles_of, mention

UNDATED = EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                    reason="no date in its sentence")
STORY = [{"id": "st:1", "articles": ["a0", "a1"], "start": "2024-02-14", "end": "2024-02-14"}]


def _undated_report(text: str, quote: str) -> tuple[list[dict[str, object]], object]:
    """Article a1, undated, whose ``quote`` (a sentence of ``text``) tells the visit undated."""
    articles = articles_of("A", "B", published="2024-02-14")
    articles[1]["published"] = {"value": None, "basis": "unknown"}
    articles[1]["text"] = text
    at = text.index(quote)
    told = replace(mention("a1", "VISIT", "2024-02-14", quote=quote), date=UNDATED,
                   evidence=(Evidence(article="a1", start=at, end=at + len(quote), quote=quote, trigger="t",
                                      trigger_start=at, trigger_end=at + 1),))
    return articles, told


def test_the_weekday_an_article_is_written_on() -> None:
    assert writing_weekdays("Il a été reçu aujourd'hui mercredi au palais.") == frozenset({2})
    assert writing_weekdays("The talks ended yesterday (Tuesday) in the capital.") == frozenset({2})
    assert writing_weekdays("وصل الوفد مساء اليوم الخميس إلى العاصمة") == frozenset({3})
    assert writing_weekdays("وقال الوزير أمس الأحد إن الاتفاق جاهز") == frozenset({0})
    assert writing_weekdays("The visit was announced on Wednesday.") == frozenset()


def test_an_article_written_on_the_weekday_of_its_story_event_is_dated_from_it() -> None:
    # the visit is told in the fourth paragraph, not the lead: the stated weekday is what dates the article
    quote = "The two presidents met at the palace."
    text = ("Trade between the two states should double.\n\nThe minister said so.\n\nOther figures.\n\n"
            f"{quote} They spoke to the press this evening, today, Wednesday.")
    articles, told = _undated_report(text, quote)
    dated = mention("a0", "VISIT", "2024-02-14", quote="arrived today")
    found = fuse([dated, told], [], articles, STORY).inferred["a1"]
    assert found["value"] == "2024-02-14"
    assert found["reason"].startswith("inferred from its story: it says it was written on a Wednesday")
    # "yesterday, Tuesday": written on Wednesday, the day after an event of Tuesday the 13th
    text2 = f"{quote} The minister spoke yesterday, Tuesday."
    articles2, told2 = _undated_report(text2, quote)
    day_before = mention("a0", "VISIT", "2024-02-13", quote="arrived today")
    stories = [{**STORY[0], "start": "2024-02-13", "end": "2024-02-13"}]
    assert fuse([day_before, told2], [], articles2, stories).inferred["a1"]["value"] == "2024-02-14"


def test_an_article_whose_weekday_does_not_fit_its_story_event_is_not_dated() -> None:
    quote = "The two presidents met at the palace."
    dated = mention("a0", "VISIT", "2024-02-14", quote="arrived today")
    # its lead tells the visit of Wednesday 14, but it says it was written on a Monday (none of the 14th to the
    # 17th): not the 14th, no date rather than a guess
    articles, told = _undated_report(f"{quote} Today, Monday, the ministers met again.", quote)
    assert fuse([dated, told], [], articles, STORY).inferred == {}
    # two days of writing: nothing sure
    articles, told = _undated_report(f"{quote} Today, Wednesday, and today, Friday.", quote)
    assert fuse([dated, told], [], articles, STORY).inferred == {}
