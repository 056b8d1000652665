"""graph.graphml: actors and events as nodes, an edge from each actor to each event it takes part in.

Edge ``role``: source, recipient, participant (persons) or location (``event_loc``). Readable by Gephi,
networkx (``read_graphml``) and yEd; attribute keys are declared once, as GraphML requires.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from recoupe.dossier.common import Record

# (key id, for, attr.name, attr.type); the key ids are the attribute names.
_KEYS = (
    ("label", "node", "string"),
    ("kind", "node", "string"),
    ("type", "node", "string"),
    ("country", "node", "string"),
    ("date", "node", "string"),
    ("n_sources", "node", "int"),
    ("role", "edge", "string"),
)
_ROLES = (("source", "source"), ("recipient", "recipient"), ("participants", "participant"))


def _data(key: str, value: Any) -> str:
    return f'<data key="{key}">{_text(value)}</data>'


# Characters XML 1.0 does not allow at all, even escaped: a reader refuses the whole file for one of them.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: Any) -> str:
    """A value as XML text, also safe inside a double-quoted attribute."""
    return escape(_NOT_XML.sub(" ", str(value)), {'"': "&quot;"})


def graphml(events: Sequence[Record] = (), entities: Iterable[Record] = ()) -> str:
    """The GraphML document: one node per actor (kind "actor") and per event (kind "event")."""
    info = {e["id"]: e for e in entities}
    actors: dict[str, dict[str, Any]] = {}
    edges: list[tuple[str, str, str]] = []
    for event in sorted(events, key=lambda e: e["id"]):
        linked: set[tuple[str, str]] = set()
        placed = [(role, actor) for field, role in _ROLES for actor in event[field]]
        if event.get("event_loc"):
            placed.append(("location", event["event_loc"]))
        for role, actor in placed:
            entity = actor.get("entity")
            if not entity or (entity, role) in linked:
                continue
            linked.add((entity, role))
            known = info.get(entity, {})
            actors.setdefault(entity, {
                "label": actor.get("name") or known.get("name") or entity,
                "type": known.get("type") or ("PERSON" if role == "participant" else None),
                "country": actor.get("country") or known.get("country"),
            })
            edges.append((entity, event["id"], role))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    out += [f'  <key id="{k}" for="{f}" attr.name="{k}" attr.type="{t}"/>' for k, f, t in _KEYS]
    out.append('  <graph id="recoupe" edgedefault="directed">')
    for entity in sorted(actors):
        attrs = actors[entity]
        data = [_data("label", attrs["label"]), _data("kind", "actor")]
        data += [_data(k, attrs[k]) for k in ("type", "country") if attrs[k]]
        out.append(f'    <node id="{_text(entity)}">{"".join(data)}</node>')
    for event in sorted(events, key=lambda e: e["id"]):
        data = [_data("label", f"{event['category']} {event['date']['start'] or 'undated'}"), _data("kind", "event"),
                _data("type", event["category"])]
        if event.get("event_loc") and event["event_loc"].get("country"):
            data.append(_data("country", event["event_loc"]["country"]))
        if event["date"]["start"]:
            data.append(_data("date", event["date"]["start"]))
        data.append(_data("n_sources", event["n_sources"]))
        out.append(f'    <node id="{_text(event["id"])}">{"".join(data)}</node>')
    for i, (entity, event_id, role) in enumerate(edges):
        out.append(f'    <edge id="e{i}" source="{_text(entity)}" target="{_text(event_id)}">'
                   f'{_data("role", role)}</edge>')
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out) + "\n"
