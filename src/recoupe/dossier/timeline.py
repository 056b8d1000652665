"""timeline.md: the events by date with their sources, then the articles by publication date.

Every string that comes from an input (titles, outlets, quotes, actor names) is written with ``md_text``: on one
line, with Markdown's and HTML's special characters escaped, so a title cannot open a heading, a link or a tag in
a viewer that renders Markdown (or the HTML inside it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recoupe.dossier.common import Record, by_event_date, by_published, event_line, preview, when

# Characters with a meaning anywhere in a line of Markdown (emphasis, code, links, tables, strikethrough, raw
# HTML and entities): escaped wherever they are.
_INLINE = re.compile(r"([\\`*_\[\]|~])")
# What opens a block only at the start of a line (a heading, a list item, a quote, a rule): escaped there.
_BLOCK_START = re.compile(r"^(\s*)([#>+\-=]|\d+(?=[.)]))")
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def md_text(value: object) -> str:
    """An outside string as literal text on one line of Markdown: line breaks and control characters become a
    space; ``& < >`` become entities; Markdown's punctuation is backslash-escaped."""
    text = _BREAKS.sub(" ", str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _escaped_actors(event: Record) -> Record:
    return {**event, "source": [{**a, "name": md_text(a["name"])} for a in event["source"]],
            "recipient": [{**a, "name": md_text(a["name"])} for a in event["recipient"]]}


def timeline_md(articles: Sequence[Record], events: Sequence[Record] = (), conflicts: Sequence[Record] = ()) -> str:
    """Events by date (undated last), each with its outlets, n_sources, conflicts and first quote; then articles."""
    outlet = {a["id"]: a.get("outlet") for a in articles}
    fields: dict[str, list[str]] = {}
    for conflict in conflicts:
        fields.setdefault(conflict["subject"], []).append(conflict["field"])
    lines = ["# recoupe timeline", ""]
    if events:
        lines += ["## Events", ""]
        for e in by_event_date(events):
            outlets = sorted({md_text(outlet.get(m["article"]) or "unknown outlet") for m in e["mentions"]})
            sources = f"{e['n_sources']} source(s): {', '.join(outlets)}" if outlets else f"{e['n_sources']} source(s)"
            line = f"- **{md_text(when(e))}** — {event_line(_escaped_actors(e))} — {sources}, `{e['id']}`"
            disputed = sorted(set(fields.get(e["id"], [])))
            if e.get("conflicts"):
                line += f" — **sources disagree** on {', '.join(disputed) or ', '.join(e['conflicts'])}"
            lines.append(line)
            if e["mentions"]:
                first = e["mentions"][0]
                lines.append(f"  > {md_text(preview(first['quote']))} (`{first['article']}`)")
        lines.append("")
    lines += ["## Articles by publication date", ""]
    for a in by_published(articles):
        date = a["published"]["value"] or "undated"
        if a["published"]["value"] and a["published"].get("basis") == "inferred":
            date += " (inferred)"
        title = a["title"] or a["text"][:80]
        lines.append(f"- **{md_text(date)}** — {md_text(title)} ({md_text(a['outlet'] or 'unknown outlet')}; "
                     f"`{a['id']}`)")
    return "\n".join(lines) + "\n"
