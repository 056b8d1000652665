"""The export formats besides the contract: PLOVER JSON records and flat tables (CSV, Parquet).

``plover_records`` names fields as PLOVER's gold-standard records and the POLECAT data set do
(``event_type``, ``mode``, ``context``, ``source``/``target`` as ``{actorText, code, sector}``, ``eventLoc``,
``event_date``, ``story_id``...), so event-data tools read recoupe's events without a mapping table.
``flat_rows`` turns a contract record into one CSV row: actors joined with "; ", mentions as a count and the
first quote, small objects as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from recoupe.dossier.common import Record

SEP = "; "


def _actor(actor: Record, sector: dict[str, str | None]) -> dict[str, Any]:
    return {"actorText": actor["name"], "code": actor.get("country"), "sector": sector.get(actor.get("entity") or ""),
            "entity": actor.get("entity")}


def plover_records(events: Sequence[Record], articles: Iterable[Record] = (),
                   entities: Iterable[Record] = ()) -> list[dict[str, Any]]:
    """One PLOVER record per event (sorted by id), with its quotes and the ids of its articles and stories."""
    by_id = {a["id"]: a for a in articles}
    sector = {e["id"]: e.get("sector") for e in entities}
    records = []
    for e in sorted(events, key=lambda e: e["id"]):
        arts = list(dict.fromkeys(m["article"] for m in e["mentions"]))
        known = [by_id[a] for a in arts if a in by_id]
        loc = e.get("event_loc")
        records.append({
            "id": e["id"],
            "event_date": e["date"]["start"],
            "event_date_end": e["date"]["end"],
            "date_granularity": e["date"]["granularity"],
            "event_type": e["event_type"],
            "mode": e["mode"],
            "context": list(e["context"]),
            "cameo": e.get("cameo"),
            "source": [_actor(a, sector) for a in e["source"]],
            "target": [_actor(a, sector) for a in e["recipient"]],
            "actor_name": [a["name"] for a in e["source"]],
            "actor_country": [a.get("country") for a in e["source"]],
            "recipient_name": [a["name"] for a in e["recipient"]],
            "recipient_country": [a.get("country") for a in e["recipient"]],
            "eventLoc": {"name": loc["name"], "country code": loc.get("country")} if loc else None,
            "factuality": e["factuality"],
            "category": e["category"],
            "text": e["mentions"][0]["quote"] if e["mentions"] else None,
            "language": sorted({a["lang"] for a in known}),
            "publication": sorted({a["outlet"] for a in known if a.get("outlet")}),
            "story_id": sorted({a["story"] for a in known if a.get("story")}),
            "source_id": arts,
            "quotes": [{"article": m["article"], "start": m["start"], "end": m["end"], "quote": m["quote"],
                        "publication": (by_id.get(m["article"]) or {}).get("outlet")} for m in e["mentions"]],
            "n_sources": e["n_sources"],
            "conflicts": list(e.get("conflicts", [])),
        })
    return records


def _names(actors: Sequence[Record] | None) -> str:
    return SEP.join(a["name"] for a in actors or [])


def _countries(actors: Sequence[Record] | None) -> str:
    return SEP.join(a.get("country") or "" for a in actors or [])


def _join(values: Iterable[Any] | None) -> str:
    return SEP.join(str(v) for v in values or [])


def _first_quote(r: Record) -> str | None:
    return r["mentions"][0]["quote"] if r.get("mentions") else None


def _json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None


def _one(actor: Record | None, key: str) -> Any:
    return actor.get(key) if actor else None


Column = tuple[str, Callable[[Record], Any]]

# One entry per contract file: the CSV's columns and how each is read from a record.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "articles": (
        ("id", lambda r: r["id"]), ("published", lambda r: r["published"]["value"]),
        ("published_basis", lambda r: r["published"]["basis"]),
        ("published_reason", lambda r: r["published"]["reason"]),
        ("outlet", lambda r: r["outlet"]), ("title", lambda r: r["title"]), ("author", lambda r: r["author"]),
        ("lang", lambda r: r["lang"]), ("source", lambda r: r["source"]), ("story", lambda r: r.get("story")),
        ("syndicated", lambda r: r.get("syndicated")), ("dropped", lambda r: r["dropped"]),
        ("warnings", lambda r: _join(r["warnings"])), ("text", lambda r: r["text"]),
    ),
    "entities": (
        ("id", lambda r: r["id"]), ("name", lambda r: r["name"]), ("type", lambda r: r["type"]),
        ("country", lambda r: r["country"]), ("sector", lambda r: r["sector"]), ("wikidata", lambda r: r["wikidata"]),
        ("aliases", lambda r: _join(r["aliases"])), ("n_mentions", lambda r: len(r["mentions"])),
        ("articles", lambda r: _join(dict.fromkeys(m["article"] for m in r["mentions"]))),
        ("roles", lambda r: _join(dict.fromkeys(m["role"] for m in r["mentions"] if m.get("role")))),
        ("conflicts", lambda r: _join(r.get("conflicts"))),
    ),
    "events": (
        ("id", lambda r: r["id"]), ("category", lambda r: r["category"]), ("event_type", lambda r: r["event_type"]),
        ("mode", lambda r: r["mode"]), ("context", lambda r: _join(r["context"])), ("cameo", lambda r: r["cameo"]),
        ("source", lambda r: _names(r["source"])), ("source_country", lambda r: _countries(r["source"])),
        ("recipient", lambda r: _names(r["recipient"])), ("recipient_country", lambda r: _countries(r["recipient"])),
        ("participants", lambda r: _names(r["participants"])),
        ("date_start", lambda r: r["date"]["start"]), ("date_end", lambda r: r["date"]["end"]),
        ("granularity", lambda r: r["date"]["granularity"]), ("date_type", lambda r: r["date"]["date_type"]),
        ("date_reason", lambda r: r["date"]["reason"]), ("event_loc", lambda r: _one(r["event_loc"], "name")),
        ("factuality", lambda r: r["factuality"]), ("attributes", lambda r: _json(r["attributes"])),
        ("n_mentions", lambda r: len(r["mentions"])),
        ("articles", lambda r: _join(dict.fromkeys(m["article"] for m in r["mentions"]))),
        ("first_quote", _first_quote), ("n_sources", lambda r: r["n_sources"]),
        ("conflicts", lambda r: _join(r.get("conflicts"))),
    ),
    "arms_transfers": (
        ("id", lambda r: r["id"]), ("supplier", lambda r: _one(r["supplier"], "name")),
        ("supplier_country", lambda r: _one(r["supplier"], "country")),
        ("recipient", lambda r: _one(r["recipient"], "name")),
        ("recipient_country", lambda r: _one(r["recipient"], "country")),
        ("designation", lambda r: r["designation"]), ("description", lambda r: r["description"]),
        ("weapon_category", lambda r: r["weapon_category"]), ("manufacturer", lambda r: r["manufacturer"]),
        ("number_ordered", lambda r: r["number_ordered"]), ("number_delivered", lambda r: r["number_delivered"]),
        ("order_year", lambda r: r["order_year"]), ("delivery_years", lambda r: _join(r["delivery_years"])),
        ("value_amount", lambda r: _one(r["value"], "amount")),
        ("value_currency", lambda r: _one(r["value"], "currency")),
        ("status", lambda r: r["status"]), ("comments", lambda r: r["comments"]), ("event", lambda r: r["event"]),
        ("n_mentions", lambda r: len(r["mentions"])), ("first_quote", _first_quote),
    ),
    "conflicts": (
        ("id", lambda r: r["id"]), ("subject", lambda r: r["subject"]), ("field", lambda r: r["field"]),
        ("n_claims", lambda r: len(r["claims"])),
        ("values", lambda r: _join(json.dumps(c["value"], ensure_ascii=False) if not isinstance(c["value"], str)
                                   else c["value"] for c in r["claims"])),
        ("claims", lambda r: _json(r["claims"])),
    ),
    "stories": (
        ("id", lambda r: r["id"]), ("title", lambda r: r.get("title")), ("start", lambda r: r.get("start")),
        ("end", lambda r: r.get("end")), ("n_articles", lambda r: len(r.get("articles", []))),
        ("articles", lambda r: _join(r.get("articles"))), ("outlets", lambda r: _join(r.get("outlets"))),
        ("languages", lambda r: _join(r.get("languages"))),
        ("syndicated", lambda r: _json(r.get("syndicated"))), ("crosslingual", lambda r: _json(r.get("crosslingual"))),
        ("n_facts", lambda r: len(r.get("coverage", []))), ("n_exclusive", lambda r: len(r.get("exclusive", []))),
    ),
}


def flat_rows(name: str, records: Iterable[Record]) -> tuple[list[str], list[list[Any]]]:
    """The header and the rows of the flat table of contract file ``name`` (a key of ``COLUMNS``)."""
    columns = COLUMNS[name]
    return [c for c, _ in columns], [[get(r) for _, get in columns] for r in records]
