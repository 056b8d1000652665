"""The events stage on one text, as the pipeline runs it (annotate, entities, timex, extract_events), for the
event tests that check what a sentence of our own gives."""

from __future__ import annotations

from recoupe.kb import load_kb
from recoupe.understand.annotate import Models
from recoupe.understand.entities import extract
from recoupe.understand.events import EventMention, extract_events
from recoupe.understand.timex.stage import tag_article

from .conftest import annotated_of


def events_of(text: str, models: Models, published: str) -> tuple[EventMention, ...]:
    """The event mentions of ``text`` in an article published on ``published`` (a metadata date)."""
    kb = load_kb()
    a = annotated_of(text, models, published)
    return extract_events(a, a.doc, extract(a, a.doc, kb, models.get(a.lang)).mentions, tag_article(a).timexes, kb)
