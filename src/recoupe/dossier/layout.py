"""The actor graph of the report and its layout, computed here so the page needs no layout library.

Nodes are the actors (source and recipient entities) of events, edges join actors that share an event,
weighted by the number of events. The graph keeps the ``GRAPH_MAX_ACTORS`` actors in most events, so a
dossier of 5,000 events still draws a readable picture in a few hundred SVG elements.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from recoupe.dossier.common import Record, by_event_date, event_actor_ids

# At most this many actors in the report's graph (those in most events). Set by eye on the seeds and the
# demo (under 20 actors each) and on a synthetic 5,000-event dossier: beyond ~40 labels the picture is
# unreadable at 1,400 px; tests/test_dossier.py::test_actor_graph_caps_the_actors checks the cap.
GRAPH_MAX_ACTORS = 40
# Fruchterman–Reingold iterations and seed: 300 steps settle 40 nodes (positions move < 0.1 % in the last
# 50 steps on the demo); the seed makes the layout identical from run to run (test_layout_is_deterministic).
LAYOUT_ITERATIONS = 300
LAYOUT_SEED = 7
# Nodes closer than this (unit square) are pushed apart after the force layout so labels do not sit on
# each other; set by eye on the screenshot of the demo's report (tests/test_report_browser.py).
LAYOUT_MIN_DISTANCE = 0.11
# Pull of every node towards the centre: keeps actors with no edge (or small components) near the rest
# instead of far out, which would squeeze the main component into a corner. Set by eye on the demo.
LAYOUT_GRAVITY = 0.6


def actor_graph(events: Sequence[Record], entities: Iterable[Record] = (), *,
                max_actors: int = GRAPH_MAX_ACTORS) -> dict[str, Any]:
    """Nodes (id, name, type, country, degree = events, x, y in [0, 1]) and weighted edges with their events."""
    info = {e["id"]: e for e in entities}
    degree: Counter[str] = Counter()
    label: dict[str, str] = {}
    country: dict[str, str | None] = {}
    for event in events:
        for actor in (*event["source"], *event["recipient"]):
            if actor.get("entity"):
                label.setdefault(actor["entity"], actor["name"])
                country.setdefault(actor["entity"], actor.get("country"))
        for entity in event_actor_ids(event):
            degree[entity] += 1
    events = by_event_date(events)  # each edge lists its events by date
    keep = {a for a, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:max_actors]}
    edges: dict[tuple[str, str], list[str]] = {}
    for event in events:
        actors = sorted(a for a in event_actor_ids(event) if a in keep)
        for pair in combinations(actors, 2):
            edges.setdefault(pair, []).append(event["id"])
    ids = sorted(keep)
    positions = force_layout(ids, [(a, b, len(evs)) for (a, b), evs in edges.items()])
    nodes = [{
        "id": a, "name": label[a], "type": info.get(a, {}).get("type"),
        "country": country[a] if country[a] is not None else info.get(a, {}).get("country"),
        "degree": degree[a], "x": positions[a][0], "y": positions[a][1],
    } for a in ids]
    return {
        "nodes": nodes,
        "edges": [{"source": a, "target": b, "weight": len(evs), "events": evs}
                  for (a, b), evs in sorted(edges.items())],
        "actors": len(degree),
    }


def force_layout(nodes: Sequence[str], edges: Sequence[tuple[str, str, int]], *,
                 iterations: int = LAYOUT_ITERATIONS, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """A seeded Fruchterman–Reingold layout; positions rounded to 4 decimals and scaled into [0, 1]²."""
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.5, 0.5)}
    rng = random.Random(seed)
    # Start on a circle (in the given order) with a little seeded noise: stable and untangled.
    pos = {v: [math.cos(2 * math.pi * i / n) + rng.uniform(-0.05, 0.05),
               math.sin(2 * math.pi * i / n) + rng.uniform(-0.05, 0.05)] for i, v in enumerate(nodes)}
    k = math.sqrt(4.0 / n)
    heaviest = max((w for _, _, w in edges), default=1)
    temperature = 0.2
    for _ in range(iterations):
        disp = {v: [0.0, 0.0] for v in nodes}
        for a, b in combinations(nodes, 2):
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(math.hypot(dx, dy), 1e-4)
            f = k * k / d
            disp[a][0] += dx / d * f
            disp[a][1] += dy / d * f
            disp[b][0] -= dx / d * f
            disp[b][1] -= dy / d * f
        for a, b, w in edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(math.hypot(dx, dy), 1e-4)
            f = d * d / k * (0.5 + 0.5 * w / heaviest)
            disp[a][0] -= dx / d * f
            disp[a][1] -= dy / d * f
            disp[b][0] += dx / d * f
            disp[b][1] += dy / d * f
        for v in nodes:
            # The pull to the centre keeps components without edges close to the others.
            disp[v][0] -= pos[v][0] * LAYOUT_GRAVITY
            disp[v][1] -= pos[v][1] * LAYOUT_GRAVITY
            d = max(math.hypot(*disp[v]), 1e-9)
            step = min(d, temperature)
            pos[v][0] += disp[v][0] / d * step
            pos[v][1] += disp[v][1] / d * step
        temperature = max(temperature * 0.985, 0.002)
    scaled = _normalise(pos)
    _spread(scaled, LAYOUT_MIN_DISTANCE)
    return {v: (round(x, 4), round(y, 4)) for v, (x, y) in scaled.items()}


def _normalise(pos: dict[str, list[float]]) -> dict[str, list[float]]:
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    ox = (1 - (max(xs) - min(xs)) / span) / 2
    oy = (1 - (max(ys) - min(ys)) / span) / 2
    return {v: [ox + (p[0] - min(xs)) / span, oy + (p[1] - min(ys)) / span] for v, p in pos.items()}


def _spread(pos: dict[str, list[float]], minimum: float, rounds: int = 50) -> None:
    """Push apart nodes closer than ``minimum`` (in place), then clamp into [0, 1]."""
    nodes = sorted(pos)
    for _ in range(rounds):
        moved = False
        for a, b in combinations(nodes, 2):
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.hypot(dx, dy)
            if d >= minimum:
                continue
            moved = True
            if d < 1e-9:
                dx, dy, d = 1.0, 0.0, 1.0
            push = (minimum - d) / 2
            pos[a][0] += dx / d * push
            pos[a][1] += dy / d * push
            pos[b][0] -= dx / d * push
            pos[b][1] -= dy / d * push
        if not moved:
            break
    for p in pos.values():
        p[0] = min(max(p[0], 0.0), 1.0)
        p[1] = min(max(p[1], 0.0), 1.0)
