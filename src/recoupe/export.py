"""Write the contract's files (shared/contract.md, v1) from a store. Reads the store; never writes it.

Each file is written to a temporary name and renamed into place, so a reader never sees half a file
and an interrupted export leaves the previous files intact.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from recoupe import __version__
from recoupe.store import Store

CONTRACT_VERSION = 1
JSONL_FILES = ("articles", "entities", "events", "arms_transfers", "conflicts")


def _atomic_write(path: Path, chunks: Iterable[str]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for chunk in chunks:
            fh.write(chunk)
    os.replace(tmp, path)


def _jsonl(records: Iterable[dict[str, Any]]) -> Iterable[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n"


def _iso(value: object) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if isinstance(value, datetime) else None


def export(store: Store, out: Path) -> dict[str, int]:
    """Write every contract file into ``out``; returns the number of records per JSONL file."""
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    articles = list(store.articles())
    for name in JSONL_FILES:
        records = articles if name == "articles" else list(store.records(name))
        counts[name] = len(records)
        _atomic_write(out / f"{name}.jsonl", _jsonl(records))
    run = store.last_run() or {}
    meta = {
        "contract": CONTRACT_VERSION,
        "version": __version__,
        "started": _iso(run.get("started")),
        "finished": _iso(run.get("finished")),
        "inputs": int(run.get("inputs") or 0),
        "articles": counts["articles"],
        "errors": int(run.get("errors") or 0),
        "run": run.get("id"),
        "stages": run.get("stages", []),
        "store": str(store.path),
        "schema": store.schema_version(),
    }
    _atomic_write(out / "run.json", [json.dumps(meta, ensure_ascii=False, indent=2) + "\n"])
    events = list(store.records("events"))
    _atomic_write(out / "timeline.md", [timeline_md(articles, events)])
    _atomic_write(out / "report.html", [report_html(articles, meta, events)])
    _atomic_write(out / "graph.graphml", [graphml()])
    return counts


def _by_date(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(articles, key=lambda a: (a["published"]["value"] is None, a["published"]["value"] or "", a["id"]))


def _actors(actors: list[dict[str, Any]]) -> str:
    return ", ".join(a["name"] for a in actors) or "?"


def _event_line(e: dict[str, Any]) -> str:
    who = _actors(e["source"]) + (f" → {_actors(e['recipient'])}" if e["recipient"] else "")
    how = "" if e["factuality"] == "asserted" else f" *({e['factuality']})*"
    return f"{e['category']}: {who}{how}"


def _by_event_date(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(events, key=lambda e: (e["date"]["start"] is None, e["date"]["start"] or "", e["id"]))


def timeline_md(articles: list[dict[str, Any]], events: Sequence[dict[str, Any]] = ()) -> str:
    """Events by date, each with its sources and first quote; then the articles by publication date."""
    lines = ["# recoupe timeline", ""]
    if events:
        lines += ["## Events", ""]
        for e in _by_event_date(list(events)):
            when = e["date"]["start"] or "undated"
            if e["date"]["end"] and e["date"]["end"] != e["date"]["start"]:
                when += f"…{e['date']['end']}"
            quote = e["mentions"][0]["quote"]
            quote = quote if len(quote) <= 160 else quote[:157] + "..."
            lines.append(f"- **{when}** — {_event_line(e)} — {e['n_sources']} source(s), `{e['id']}`")
            lines.append(f"  > {quote} (`{e['mentions'][0]['article']}`)")
        lines.append("")
    lines += ["## Articles by publication date", ""]
    for a in _by_date(articles):
        when = a["published"]["value"] or "undated"
        title = a["title"] or a["text"][:80].replace("\n", " ")
        lines.append(f"- **{when}** — {title} ({a['outlet'] or 'unknown outlet'}; `{a['id']}`)")
    return "\n".join(lines) + "\n"


def report_html(articles: list[dict[str, Any]], meta: dict[str, Any],
                events: Sequence[dict[str, Any]] = ()) -> str:
    """A self-contained page (no external resource) listing the events and the articles of the dossier."""
    event_rows = [
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>".format(
            html.escape(e["date"]["start"] or "—"), html.escape(e["category"]), html.escape(_event_line(e)),
            e["n_sources"], html.escape(e["mentions"][0]["quote"]))
        for e in _by_event_date(list(events))
    ]
    rows = []
    for a in _by_date(articles):
        rows.append(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>".format(
                html.escape(a["published"]["value"] or "—"),
                html.escape(a["outlet"] or "—"),
                html.escape(a["title"] or a["text"][:80]),
                html.escape(a["lang"]),
                html.escape(a["id"]),
            )
        )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>recoupe dossier</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:80em}}table{{border-collapse:collapse}}
td,th{{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}}</style></head>
<body><h1>recoupe dossier</h1>
<p>{meta['articles']} articles from {meta['inputs']} inputs, {meta['errors']} errors, {len(event_rows)} events
(recoupe {html.escape(__version__)}).</p>
<h2>Events</h2>
<table><thead><tr><th>Date</th><th>Category</th><th>Who</th><th>Sources</th><th>Quote</th></tr></thead>
<tbody>{''.join(event_rows)}</tbody></table>
<h2>Articles</h2>
<table><thead><tr><th>Published</th><th>Outlet</th><th>Title</th><th>Lang</th><th>Id</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>
</body></html>
"""


def graphml() -> str:
    """Actors and events as a GraphML graph (empty until the entity and event stages fill it)."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        f'  <key id="label" for="node" attr.name="label" attr.type="string"/>\n'
        f'  <graph id="{escape("recoupe")}" edgedefault="directed"/>\n'
        "</graphml>\n"
    )
