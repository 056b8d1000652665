"""Fusion at scale: 100,000 event mentions through the ``fuse.v1`` stage (target: under a minute).

The mentions are generated (seeded): real-world events between states of the knowledge base, each told by 1 to
8 articles of 40 outlets, dated to the day (60 %), the month (20 %), the year (8 %) or not at all (12 %), with a
named person on one event in three; some articles of one event are syndicated copies. Timed: ``link`` alone and
the whole stage (records, conflicts, coverage, inferred dates). Scored: pairwise precision and recall of
same-event links against the generator's truth — a sanity check of the blocking, not a quality benchmark (real
quality is measured on the seeds, the demo corpus and ECB+/MEANTIME).

Usage: ``python bench/bench_fusion.py [--mentions N] [--no-append]``; appends one line to bench/results.jsonl.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import print_and_append, utc_now  # noqa: E402
from recoupe.crosscheck.fuse import fuse, link  # noqa: E402
from recoupe.understand.events import plover  # noqa: E402
from recoupe.understand.events.records import ActorRef, EventDate, EventMention, Evidence  # noqa: E402

TARGET_SECONDS = 60.0
CATEGORIES = ("VISIT", "MEETING", "AGREEMENT", "COOPERATION", "EXERCISE", "ARMS_TRANSFER", "STATEMENT",
              "DIPLOMATIC_RELATIONS", "CONFERENCE", "MEDIATION")
STATES = ("MAR", "ISR", "DZA", "USA", "FRA", "ESP", "TUN", "EGY", "ARE", "SAU", "TUR", "RUS", "CHN", "IRN", "QAT",
          "JOR", "MRT", "MLI", "NER", "LBY", "GBR", "DEU", "ITA", "IND", "PAK", "UKR", "BHR", "OMN", "KWT", "SEN")


def _mention(rng: random.Random, event: dict[str, Any], article: str, k: int) -> EventMention:
    """One article's telling of a generated event, with a precision drawn at random."""
    src, rcp = event["src"], event["rcp"]
    day: date = event["day"]
    roll = rng.random()
    if roll < 0.60:
        start = (day + timedelta(days=rng.choice((0, 0, 0, 1)) if event["category"] == "VISIT" else 0))
        value, granularity = start.isoformat(), "day"
    elif roll < 0.80:
        value, granularity = day.isoformat()[:7], "month"
    elif roll < 0.88:
        value, granularity = day.isoformat()[:4], "year"
    else:
        value, granularity = None, "unknown"
    when = EventDate(start=value, end=value, granularity=granularity,
                     date_type="exact" if value else "unresolved", reason="generated")

    def state(code: str, at: int) -> ActorRef:
        return ActorRef(article=article, start=at, end=at + 3, text=code, type="GPE", kb_id=code, country=code)

    participants: tuple[ActorRef, ...] = ()
    if event["person"] and rng.random() < 0.8:
        participants = (ActorRef(article=article, start=40, end=50, text=event["person"], type="PERSON",
                                 kb_id=event["person"], country=src),)
    quote = f"generated sentence {k} of {event['id']}"
    attributes: dict[str, Any] = {}
    if event["category"] == "ARMS_TRANSFER":
        attributes = {"equipment": event["system"], "designation": event["system"], "number": event["number"]}
    return EventMention(
        article=article, category=event["category"],
        evidence=(Evidence(article=article, start=0, end=len(quote), quote=quote, trigger="x", trigger_start=k,
                           trigger_end=k + 1),),
        source=(state(src, 0),), recipient=(state(rcp, 10),), participants=participants, date=when,
        factuality="asserted", attributes=MappingProxyType(attributes),
        plover=plover.PloverCode(event_type="CONSULT", mode="visit", context=("military",)),
    )


def generate(n_mentions: int, seed: int = 7, states: tuple[str, ...] = STATES,
             persons: int = 3000) -> tuple[list[EventMention], list[dict[str, Any]], list[str]]:
    """Mentions, article records and the true event of each mention; ``states=("MAR", "ISR")`` gives a corpus
    about one pair of states, the worst case of blocking by state."""
    rng = random.Random(seed)
    mentions: list[EventMention] = []
    truth: list[str] = []
    articles: dict[str, dict[str, Any]] = {}
    outlets = [f"Outlet {i}" for i in range(40)]
    first = date(2019, 1, 1)
    n_event = 0
    while len(mentions) < n_mentions:
        n_event += 1
        src, rcp = rng.sample(states, 2)
        event = {"id": f"e{n_event}", "category": rng.choice(CATEGORIES), "src": src, "rcp": rcp,
                 "day": first + timedelta(days=rng.randrange(5 * 365)),
                 "person": f"per:p{rng.randrange(persons)}" if rng.random() < 0.33 else None,
                 "system": f"eqp:s{rng.randrange(300)}", "number": rng.choice((2, 3, 4, 6, 12))}
        for k in range(min(rng.choice((1, 1, 2, 2, 3, 4, 5, 8)), n_mentions - len(mentions))):
            article = f"a{n_event}-{k}"
            articles[article] = {"id": article, "outlet": rng.choice(outlets), "text": "",
                                 "published": {"value": None, "basis": "unknown", "reason": "generated"}}
            mentions.append(_mention(rng, event, article, k))
            truth.append(str(event["id"]))
    return mentions, list(articles.values()), truth


def pairwise(clusters: list[list[int]], truth: list[str]) -> dict[str, float]:
    """Pairwise precision and recall of same-event links."""
    def pairs(groups: list[list[int]]) -> int:
        return sum(len(g) * (len(g) - 1) // 2 for g in groups)

    true_groups: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(truth):
        true_groups[t].append(i)
    correct = 0
    for c in clusters:
        counts: dict[str, int] = defaultdict(int)
        for i in c:
            counts[truth[i]] += 1
        correct += sum(v * (v - 1) // 2 for v in counts.values())
    predicted, gold = pairs(clusters), pairs(list(true_groups.values()))
    return {"precision": round(correct / predicted, 4) if predicted else 1.0,
            "recall": round(correct / gold, 4) if gold else 1.0}


def run_one(n: int, **options: Any) -> dict[str, Any]:
    """Generate, link and fuse one scenario; times and pairwise scores."""
    from recoupe.crosscheck.fuse import _item  # the stage's own mapping from a mention to what link compares

    t0 = time.perf_counter()
    mentions, articles, truth = generate(n, **options)
    generated = time.perf_counter() - t0
    t1 = time.perf_counter()
    clusters = link([_item(m, {}, {}, None) for m in mentions])
    link_seconds = time.perf_counter() - t1
    t2 = time.perf_counter()
    fusion = fuse(mentions, [], articles)
    fuse_seconds = time.perf_counter() - t2
    return {
        "true_events": len(set(truth)), "events": len(fusion.events), "conflicts": len(fusion.conflicts),
        "seconds": {"generate": round(generated, 1), "link": round(link_seconds, 1), "fuse": round(fuse_seconds, 1)},
        "mentions_per_second": round(len(mentions) / fuse_seconds),
        "pairwise_vs_generator": pairwise(clusters, truth),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to results.jsonl")
    args = parser.parse_args()
    scenarios = {"30 states, 3,000 persons": {}, "one pair of states, 20 persons": {"states": ("MAR", "ISR"),
                                                                                    "persons": 20}}
    runs = {}
    for label, options in scenarios.items():
        runs[label] = run_one(args.mentions, **options)
    met = all(r["seconds"]["fuse"] < TARGET_SECONDS for r in runs.values())
    result = {
        "date": utc_now(),
        "bench": "fusion",
        "mentions": args.mentions,
        "runs": runs,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "target": {"fuse_seconds_max": TARGET_SECONDS, "met": met},
        "note": "generated mentions (seeded); one process; see bench_fusion.py. In the one-pair scenario many "
                "generated events share category, states and day: they cannot be told apart, so its pairwise "
                "scores measure the generator, not the fusion; it is there for speed",
    }
    print_and_append(result, args.no_append, ensure_ascii=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
