"""report.html: one self-contained page (inline CSS, JS and data; no external URL) that works from file://.

The tables (arms register, conflicts, coverage per story, articles and their quotes) are written here as
HTML, so they read without JavaScript; the timeline and the actor graph are drawn by the page's script
(``data/dossier/report.js``) from one embedded JSON block, with the graph's layout computed here
(``layout.actor_graph``). Every quote has the anchor ``#q-<article>-<start>``; ``#ev-<event id>`` opens
an event's panel, ``#cf-<id>`` and ``#art-<id>`` point at a conflict and an article.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from recoupe.dossier.common import (
    Record,
    by_event_date,
    by_published,
    event_actor_ids,
    event_line,
    preview,
    quote_anchor,
    when,
)
from recoupe.dossier.layout import actor_graph

# Category order and colours of the timeline (colour-blind-safe Tableau 10 plus two greys).
CATEGORY_COLOURS = {
    "VISIT": "#4e79a7", "MEETING": "#76b7b2", "CONFERENCE": "#59a14f", "AGREEMENT": "#e15759",
    "COOPERATION": "#f28e2b", "EXERCISE": "#edc948", "ARMS_TRANSFER": "#b07aa1", "DIPLOMATIC_RELATIONS": "#9c755f",
    "MEDIATION": "#ff9da7", "CONFLICT": "#d62728", "STATEMENT": "#8c8c8c", "OTHER": "#bab0ac",
}


@cache
def _asset(name: str) -> str:
    return (resources.files("recoupe") / "data" / "dossier" / name).read_text(encoding="utf-8")


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def embed_json(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' left to end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_data(articles: Sequence[Record], meta: dict[str, Any], events: Sequence[Record], *,
              entities: Sequence[Record] = (), conflicts: Sequence[Record] = ()) -> dict[str, Any]:
    """What the page's script draws: events (with quotes), articles' labels, the actor graph, the filters."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for e in events:
        for actor in (*e["source"], *e["recipient"]):
            if actor.get("entity"):
                names.setdefault(actor["entity"], actor["name"])
        for a in event_actor_ids(e):
            counts[a] = counts.get(a, 0) + 1
    return {
        "meta": meta,
        "categories": [[c, colour] for c, colour in CATEGORY_COLOURS.items()],
        "events": [{
            "id": e["id"], "category": e["category"], "event_type": e["event_type"], "mode": e["mode"],
            "context": e["context"], "cameo": e.get("cameo"), "line": event_line(e), "when": when(e),
            "source": [a["name"] for a in e["source"]], "recipient": [a["name"] for a in e["recipient"]],
            "actors": event_actor_ids(e),
            "participants": [p["name"] + (f" ({p['role']})" if p.get("role") else "") for p in e["participants"]],
            "loc": e["event_loc"]["name"] if e.get("event_loc") else None,
            "date": e["date"], "factuality": e["factuality"], "n_sources": e["n_sources"],
            "conflicts": e.get("conflicts", []), "attributes": e.get("attributes") or {}, "review": e.get("review"),
            "mentions": [{"article": m["article"], "start": m["start"], "quote": m["quote"]} for m in e["mentions"]],
        } for e in by_event_date(events)],
        "articles": {a["id"]: {"title": a["title"] or a["text"][:80], "outlet": a["outlet"],
                               "published": a["published"]["value"], "lang": a["lang"]} for a in articles},
        "actors": [[a, names[a], n] for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], names[kv[0]]))],
        "conflicts": {c["id"]: {"field": c["field"], "subject": c["subject"]} for c in conflicts},
        "graph": actor_graph(events, entities),
    }


def _quote_links(mentions: Sequence[Record]) -> str:
    return " ".join(f'<a class="qref" href="#{quote_anchor(m["article"], m["start"])}" title="{_e(m["quote"])}">'
                    f"[{i}]</a>" for i, m in enumerate(mentions, 1))


def _value(value: Any) -> str:
    if isinstance(value, dict) and "amount" in value:
        return f"{value['amount']:,} {value.get('currency') or ''}".strip()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "—" if value is None else str(value)


def _arms_table(arms: Sequence[Record]) -> str:
    if not arms:
        return '<p class="empty">No arms transfer in these articles.</p>'
    head = ("Supplier", "Recipient", "Designation", "Description", "Weapon category", "Manufacturer", "Ordered",
            "Delivered", "Order year", "Delivery years", "Value", "Status", "Comments", "Sources")
    rows = []
    for r in sorted(arms, key=lambda r: (r["order_year"] or 9999, r["supplier"]["name"], r["designation"], r["id"])):
        cells = [r["supplier"]["name"], r["recipient"]["name"], r["designation"], r["description"],
                 r["weapon_category"], r["manufacturer"], r["number_ordered"], r["number_delivered"], r["order_year"],
                 ", ".join(str(y) for y in r["delivery_years"]) or None, _value(r["value"]) if r["value"] else None,
                 r["status"], r["comments"]]
        tds = "".join(f"<td>{_e(c) if c is not None else '—'}</td>" for c in cells)
        rows.append(f'<tr id="at-{_e(r["id"])}">{tds}<td class="nowrap">{_quote_links(r["mentions"])} '
                    f'<a href="#ev-{_e(r["event"])}" title="the event">event</a></td></tr>')
    return (f'<table id="arms-table" class="data"><thead><tr>{"".join(f"<th>{h}</th>" for h in head)}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _conflicts_table(conflicts: Sequence[Record], events: dict[str, Record], entities: dict[str, Record],
                     articles: dict[str, Record]) -> str:
    if not conflicts:
        return '<p class="empty">No disagreement between sources was found.</p>'
    rows = []
    for c in conflicts:
        subject = c["subject"]
        if subject in events:
            about = f'<a href="#ev-{_e(subject)}">{_e(when(events[subject]))} — {_e(event_line(events[subject]))}</a>'
        else:
            about = _e(entities[subject]["name"] if subject in entities else subject)
        claims = []
        for claim in c["claims"]:
            links = ", ".join(f'<a href="#art-{_e(a)}">{_e((articles.get(a) or {}).get("outlet") or a)}</a>'
                              for a in claim["articles"])
            claims.append(f'<li><span class="claim">{_e(_value(claim["value"]))}</span> — {links}'
                          f'<blockquote dir="auto">{_e(claim["quote"])}</blockquote></li>')
        rows.append(f'<tr id="cf-{_e(c["id"])}"><td>{about}</td><td><code>{_e(c["field"])}</code></td>'
                    f'<td><ul class="claims">{"".join(claims)}</ul></td></tr>')
    return ('<table id="conflicts-table" class="data"><thead><tr><th>About</th><th>Field</th><th>Claims</th></tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table>')


def _coverage(stories: Sequence[Record], events: dict[str, Record], articles: dict[str, Record]) -> str:
    if not stories:
        return '<p class="empty">No story groups several articles yet.</p>'
    blocks = []
    for s in stories:
        outlets = list(s.get("outlets") or [])
        exclusive = {(x["event"], x["outlet"]) for x in s.get("exclusive", [])}
        head = "".join(f"<th>{_e(o)}</th>" for o in outlets)
        rows = []
        for cov in s.get("coverage", []):
            event = events.get(cov["event"])
            label = f"{when(event)} — {event_line(event)}" if event else cov["event"]
            cells = []
            for o in outlets:
                if o not in cov["outlets"]:
                    cells.append('<td class="cov no">·</td>')
                elif (cov["event"], o) in exclusive:
                    cells.append('<td class="cov only" title="only this outlet reports it">● only</td>')
                else:
                    cells.append('<td class="cov yes">●</td>')
            rows.append(f'<tr><td><a href="#ev-{_e(cov["event"])}">{_e(label)}</a></td>{"".join(cells)}</tr>')
        extra = []
        for group in s.get("syndicated", []):
            extra.append("syndicated copies: " + ", ".join(
                f'<a href="#art-{_e(a)}">{_e((articles.get(a) or {}).get("outlet") or a)}</a>' for a in group))
        for a, b, cosine in s.get("crosslingual", []):
            extra.append(f'same story across languages: <a href="#art-{_e(a)}">{_e(a)}</a> ↔ '
                         f'<a href="#art-{_e(b)}">{_e(b)}</a> (cosine {float(cosine):.2f})')
        span = f"{s.get('start') or '?'} → {s.get('end') or '?'}"
        blocks.append(
            f'<section class="story" id="st-{_e(s["id"])}"><h3 dir="auto">{_e(s.get("title") or s["id"])}</h3>'
            f'<p class="muted">{_e(span)} · {len(s.get("articles", []))} articles · {len(outlets)} outlets · '
            f'{_e(", ".join(s.get("languages", [])))}</p>'
            + "".join(f'<p class="muted small">{x}</p>' for x in extra)
            + f'<table class="data coverage"><thead><tr><th>Fact</th>{head}</tr></thead>'
              f'<tbody>{"".join(rows)}</tbody></table></section>')
    return "".join(blocks)


def _articles_table(articles: Sequence[Record], events: Sequence[Record], arms: Sequence[Record],
                    stories: dict[str, Record]) -> str:
    quotes: dict[str, dict[int, tuple[str, list[tuple[str, str]]]]] = {}
    for e in events:
        for m in e["mentions"]:
            slot = quotes.setdefault(m["article"], {}).setdefault(m["start"], (m["quote"], []))
            slot[1].append((f"#ev-{e['id']}", e["category"].lower().replace("_", " ")))
    for r in arms:
        for m in r["mentions"]:
            slot = quotes.setdefault(m["article"], {}).setdefault(m["start"], (m["quote"], []))
            slot[1].append((f"#at-{r['id']}", "arms register"))
    rows = []
    for a in by_published(articles):
        pub = a["published"]
        story = stories.get(a.get("story") or "")
        story_cell = (f'<a href="#st-{_e(story["id"])}">{_e(preview(story.get("title") or story["id"], 40))}</a>'
                      if story else "—")
        title = a["title"] or preview(a["text"].replace("\n", " "), 80)
        rows.append(
            f'<tr id="art-{_e(a["id"])}"><td class="nowrap">{_e(pub["value"] or "undated")}</td>'
            f'<td title="{_e(pub["reason"])}">{_e(pub["basis"])}</td><td dir="auto">{_e(a["outlet"] or "—")}</td>'
            f'<td dir="auto">{_e(title)}</td><td>{_e(a["lang"])}</td><td>{story_cell}</td>'
            f'<td><code title="{_e(a["source"])}">{_e(a["id"])}</code></td></tr>')
        mine = quotes.get(a["id"], {})
        if mine:
            items = []
            for start in sorted(mine):
                quote, facts = mine[start]
                links = " ".join(f'<a href="{_e(href)}">{_e(label)}</a>' for href, label in dict.fromkeys(facts))
                # dir="auto": an Arabic quote reads right to left; the links after it stay left to right.
                items.append(f'<li id="{_e(quote_anchor(a["id"], start))}" dir="auto">'
                             f'<span class="q">{_e(quote)}</span> <span class="facts" dir="ltr">{links}</span></li>')
            rows.append(f'<tr class="quotes"><td></td><td colspan="6"><ol class="quotes">{"".join(items)}</ol>'
                        "</td></tr>")
    return ('<table id="articles-table" class="data"><thead><tr><th>Published</th><th>Basis</th><th>Outlet</th>'
            '<th>Title</th><th>Lang</th><th>Story</th><th>Id</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def report_html(articles: Sequence[Record], meta: dict[str, Any], events: Sequence[Record] = (), *,
                entities: Sequence[Record] = (), arms: Sequence[Record] = (), conflicts: Sequence[Record] = (),
                stories: Sequence[Record] = ()) -> str:
    """The whole page. ``meta`` is run.json's content (articles, inputs, errors, version...)."""
    by_event = {e["id"]: e for e in events}
    by_entity = {e["id"]: e for e in entities}
    by_article = {a["id"]: a for a in articles}
    dated = sum(1 for e in events if e["date"]["start"])
    outlets = {a["outlet"] for a in articles if a.get("outlet")}
    langs = sorted({a["lang"] for a in articles})
    days = sorted(a["published"]["value"] for a in articles if a["published"]["value"])
    span = f"{days[0]} → {days[-1]}" if days else "no dated article"
    data = page_data(articles, meta, events, entities=entities, conflicts=conflicts)
    figures = [
        (meta.get("articles", len(articles)), "articles", span),
        (len(events), "events", f"{dated} dated, {len(events) - dated} undated"),
        (data["graph"]["actors"], "actors", "in events"),
        (len(arms), "arms transfers", "in the register"),
        (len(conflicts), "conflicts", "between sources"),
        (len(outlets), "outlets", ", ".join(langs) or "—"),
        (len(stories), "stories", "grouping articles"),
    ]
    cards = "".join(f'<div class="card"><b>{n}</b> {_e(label)}<span>{_e(sub)}</span></div>'
                    for n, label, sub in figures)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>recoupe dossier</title>
<script>{_asset("errors.js")}</script>
<style>{_asset("report.css")}</style>
</head>
<body>
<div id="js-errors" hidden></div>
<header>
<h1>recoupe dossier</h1>
<p class="muted">{len(events)} events from {meta.get("articles", len(articles))} articles
({meta.get("inputs", 0)} inputs, {meta.get("errors", 0)} errors) ·
recoupe {_e(meta.get("version", ""))} · run {_e(meta.get("run") or "—")} ·
finished {_e(meta.get("finished") or "—")}</p>
<div class="cards">{cards}</div>
<nav><a href="#events">Timeline</a><a href="#graph">Actor graph</a><a href="#arms">Arms register</a>
<a href="#conflicts">Conflicts</a><a href="#coverage">Coverage</a><a href="#articles">Articles &amp; quotes</a></nav>
</header>
<main>
<section id="events"><h2>Events</h2>
<div class="filters"><label>Category <select id="f-category"><option value="">all</option></select></label>
<label>Actor <select id="f-actor"><option value="">all</option></select></label>
<label>Year <select id="f-year"><option value="">all</option></select></label>
<button id="f-reset" type="button">Reset</button><span id="f-count" class="muted"></span></div>
<div class="split"><div><div id="legend" class="legend"></div><div id="timeline" class="chart"></div>
<h3>Undated events</h3><p class="muted small">No date could be read for these; they are not placed on the timeline.</p>
<div id="undated" class="scroll"></div></div>
<aside id="detail" class="panel"><p class="muted">Click an event on the timeline, in the list or in a table
to see its sources and quotes.</p></aside></div>
</section>
<section id="graph"><h2>Actor graph</h2>
<p class="muted small">Actors of events (source and recipient); a line joins two actors of the same event, thicker
with more events. <span id="graph-note"></span> Click an actor to list its events.</p>
<div class="glegend"><span><i style="background:#4e79a7"></i>state or place</span>
<span><i style="background:#f28e2b"></i>organisation</span><span><i style="background:#59a14f"></i>person</span>
<span><i style="background:#8c8c8c"></i>other</span></div>
<div class="split"><div id="graph-view" class="chart"></div><aside id="graph-detail" class="panel">
<p class="muted">Click an actor.</p></aside></div>
</section>
<section id="arms"><h2>Arms register</h2>
<p class="muted small">SIPRI columns; numbers as stated by the sources. [n] links to the quote.</p>
{_arms_table(arms)}</section>
<section id="conflicts"><h2>Conflicts between sources</h2>{_conflicts_table(conflicts, by_event, by_entity, by_article)}
</section>
<section id="coverage"><h2>Coverage by story</h2>
<p class="muted small">Which outlet reports which fact; “only” marks a fact a single outlet reports.</p>
{_coverage(stories, by_event, by_article)}</section>
<section id="articles"><h2>Articles and quotes</h2>
<p class="muted small">By publication date; under each article, the sentences quoted as evidence.</p>
{_articles_table(articles, events, arms, {s["id"]: s for s in stories})}</section>
</main>
<script type="application/json" id="dossier-data">{embed_json(data)}</script>
<script>{_asset("report.js")}</script>
</body></html>
"""
