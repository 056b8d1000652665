"""Small helpers shared by the dossier's writers: ordering, actor names, quotes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

Record = dict[str, Any]

# Quotes shown inline (timeline.md, tables) are cut to this many characters; the full sentence stays in
# the records and in the report's quote list. Set by eye on the seeds: two lines of a Markdown viewer.
QUOTE_PREVIEW_CHARS = 160


def by_event_date(events: Iterable[Record]) -> list[Record]:
    """Dated events first, by start date then id; undated ones after, by id."""
    return sorted(events, key=lambda e: (e["date"]["start"] is None, e["date"]["start"] or "", e["id"]))


def by_published(articles: Iterable[Record]) -> list[Record]:
    """Articles by publication date (undated last), then id."""
    return sorted(articles, key=lambda a: (a["published"]["value"] is None, a["published"]["value"] or "", a["id"]))


def names(actors: Sequence[Record]) -> str:
    return ", ".join(a["name"] for a in actors) or "?"


def event_line(event: Record) -> str:
    """'VISIT: Israel → Morocco' (with the factuality when it is not 'asserted')."""
    who = names(event["source"]) + (f" → {names(event['recipient'])}" if event["recipient"] else "")
    how = "" if event["factuality"] == "asserted" else f" ({event['factuality']})"
    return f"{event['category']}: {who}{how}"


def when(event: Record) -> str:
    """The event's date as written in the dossier: '2021-11-24', '2021-06…2021-08' or 'undated'."""
    date = event["date"]
    text = date["start"] or "undated"
    if date["end"] and date["end"] != date["start"]:
        text += f"…{date['end']}"
    return str(text)


def preview(quote: str, limit: int = QUOTE_PREVIEW_CHARS) -> str:
    return quote if len(quote) <= limit else quote[: limit - 1].rstrip() + "…"


def quote_anchor(article: str, start: int) -> str:
    """The id of a quote in report.html: ``q-<article>-<start>``."""
    return f"q-{article}-{start}"


def event_actor_ids(event: Record) -> list[str]:
    """Distinct entity ids of the event's source and recipient actors, in order of appearance."""
    seen: dict[str, None] = {}
    for actor in (*event["source"], *event["recipient"]):
        if actor.get("entity"):
            seen.setdefault(actor["entity"], None)
    return list(seen)
