"""timeline.md: the events by date with their sources, then the articles by publication date."""

from __future__ import annotations

from collections.abc import Sequence

from recoupe.dossier.common import Record, by_event_date, by_published, event_line, preview, when


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
            outlets = sorted({outlet.get(m["article"]) or "unknown outlet" for m in e["mentions"]})
            sources = f"{e['n_sources']} source(s): {', '.join(outlets)}" if outlets else f"{e['n_sources']} source(s)"
            line = f"- **{when(e)}** — {event_line(e)} — {sources}, `{e['id']}`"
            disputed = sorted(set(fields.get(e["id"], [])))
            if e.get("conflicts"):
                line += f" — **sources disagree** on {', '.join(disputed) or ', '.join(e['conflicts'])}"
            lines.append(line)
            if e["mentions"]:
                first = e["mentions"][0]
                lines.append(f"  > {preview(first['quote'])} (`{first['article']}`)")
        lines.append("")
    lines += ["## Articles by publication date", ""]
    for a in by_published(articles):
        date = a["published"]["value"] or "undated"
        if a["published"]["value"] and a["published"].get("basis") == "inferred":
            date += " (inferred)"
        title = a["title"] or a["text"][:80].replace("\n", " ")
        lines.append(f"- **{date}** — {title} ({a['outlet'] or 'unknown outlet'}; `{a['id']}`)")
    return "\n".join(lines) + "\n"
