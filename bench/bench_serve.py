"""recoupe serve at scale: startup and API/page latencies on a generated store (targets: startup under 3 s; p95
under 100 ms for the events list and one event, under 300 ms for search, under 500 ms for pages).

The store is generated (seeded) through the store's own writers: ``--articles`` articles (100,000 by default) of
about 1,500 characters of French, English or Arabic filler words (our own word lists), 40 outlets, and
``--events`` events (300,000) between 30 states, each with 1 to 4 quotes cut from its articles, plus conflicts,
stories and entities in proportion. Then ``recoupe serve --db STORE`` is started as a process (startup: from the
spawn to the first answer of /api/events), and ``--clients`` concurrent clients (threads, one HTTP connection
each, on 127.0.0.1; one measure per count, 1 and 8 by default) send ``--requests`` requests per kind: events list
(a random filter and page), one event, search (a word of the filler, kind articles: each such word is in about a
third of the articles, a harder case than a name), and pages (/events filtered, /events/{id}, /articles/{id}).

Usage: ``python bench/bench_serve.py [--articles N] [--events N] [--clients 1,8] [--requests N] [--no-append]``;
appends one line to bench/results.jsonl (``"bench": "serve"``). The generated store is kept under
bench/out/serve-N.duckdb and reused when it exists.
"""

from __future__ import annotations

import argparse
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import print_and_append  # noqa: E402
from recoupe.records import AnnotatedArticle, CleanArticle, Paragraph, Published  # noqa: E402
from recoupe.store import Store  # noqa: E402

TARGETS_MS = {"events_list": 100.0, "event": 100.0, "search": 300.0, "pages": 500.0}
TARGET_STARTUP_S = 3.0
STATES = ("MAR", "ISR", "DZA", "USA", "FRA", "ESP", "TUN", "EGY", "ARE", "SAU", "TUR", "RUS", "CHN", "IRN", "QAT",
          "JOR", "MRT", "MLI", "NER", "LBY", "GBR", "DEU", "ITA", "IND", "PAK", "UKR", "BHR", "OMN", "KWT", "SEN")
CATEGORIES = ("VISIT", "MEETING", "AGREEMENT", "COOPERATION", "EXERCISE", "ARMS_TRANSFER", "STATEMENT",
              "DIPLOMATIC_RELATIONS", "CONFERENCE", "MEDIATION")
WORDS = {
    "fr": ("défense", "coopération", "ministre", "accord", "armée", "sécurité", "visite", "délégation", "frontière",
           "manœuvres", "équipement", "régional", "partenariat", "formation", "officiers", "signé", "état-major"),
    "en": ("defence", "cooperation", "minister", "agreement", "army", "security", "visit", "delegation", "border",
           "drills", "equipment", "regional", "partnership", "training", "officers", "signed", "staff"),
    "ar": ("الدفاع", "التعاون", "وزير", "اتفاقية", "الجيش", "الأمن", "زيارة", "وفد", "الحدود", "مناورات", "معدات",
           "إقليمي", "شراكة", "تدريب", "ضباط", "وقع", "الأركان"),
}
BATCH = 5_000


def _sentence(rng: random.Random, lang: str) -> str:
    words = [rng.choice(WORDS[lang]) for _ in range(rng.randint(10, 22))]
    return " ".join(words).capitalize() + "."


def _article(rng: random.Random, n: int) -> AnnotatedArticle:
    lang = rng.choices(("fr", "en", "ar"), (5, 4, 1))[0]
    paragraphs = ["\n".join(_sentence(rng, lang) for _ in range(rng.randint(2, 4))) for _ in range(4)]
    text = f"Article {n}: " + _sentence(rng, lang) + "\n\n" + "\n\n".join(paragraphs)
    day = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    article = CleanArticle(id=f"a{n:016x}", raw_id=f"r{n:016x}", source=f"https://outlet{n % 40}.example/{n}",
                           outlet=f"Outlet {n % 40}", title=text.split("\n", 1)[0], author=None,
                           published=Published(value=day, basis="metadata", reason="generated"), text=text,
                           dropped=0)
    return AnnotatedArticle(article=article, lang=lang, paragraphs=(Paragraph(start=0, end=len(text), lang=lang),),
                            sentences=(), model="none", n_tokens=len(text.split()), doc_bytes=b"")


def generate(path: Path, n_articles: int, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    texts: list[tuple[str, str, str, str]] = []  # id, text, outlet, day
    with Store.open(path) as store:
        for start in range(0, n_articles, BATCH):
            batch = [_article(rng, n) for n in range(start, min(n_articles, start + BATCH))]
            store.save_batch(raws=[], annotated=batch, article_of={}, errors=[])
            texts.extend((a.article.id, a.article.text, a.article.outlet or "", a.article.published.value or "")
                         for a in batch)
        events: list[dict[str, Any]] = []
        conflicts: list[dict[str, Any]] = []
        for k in range(n_events):
            a, b = rng.sample(STATES, 2)
            told = [texts[rng.randrange(len(texts))] for _ in range(rng.randint(1, 4))]
            mentions = []
            for aid, text, _, _ in told:
                start = rng.randrange(0, max(1, len(text) - 200))
                mentions.append({"article": aid, "start": start, "end": start + 120,
                                 "quote": text[start:start + 120]})
            day = told[0][3]
            eid = f"ev:{k:016x}"
            record = {"id": eid, "category": rng.choice(CATEGORIES), "event_type": "CONSULT", "mode": None,
                      "context": ["military"], "cameo": "040",
                      "source": [{"entity": a, "name": f"State {a}", "country": a}],
                      "recipient": [{"entity": b, "name": f"State {b}", "country": b}], "participants": [],
                      "date": {"start": day, "end": day, "granularity": "day", "date_type": "exact",
                               "reason": "generated"},
                      "event_loc": None, "factuality": rng.choice(("asserted", "asserted", "planned", "reported")),
                      "attributes": {}, "mentions": mentions, "n_sources": len({t[2] for t in told}),
                      "conflicts": [], "articles": sorted({t[0] for t in told}),
                      "confidence": round(rng.random(), 2)}
            if k % 50 == 0:
                cid = f"cf:{k:016x}"
                record["conflicts"] = [cid]
                conflicts.append({"id": cid, "subject": eid, "field": "date", "claims": [
                    {"value": day, "articles": [told[0][0]], "quote": mentions[0]["quote"]},
                    {"value": day[:7], "articles": [texts[0][0]], "quote": "generated"}]})
            events.append(record)
        stories = [{"id": f"st:{k:012x}", "title": f"Story {k}", "articles": [texts[k][0]], "outlets": [texts[k][2]],
                    "languages": ["fr"], "start": texts[k][3], "end": texts[k][3], "syndicated": [],
                    "crosslingual": [], "coverage": [], "exclusive": []} for k in range(0, len(texts), 10)]
        entities = [{"id": s, "name": f"State {s}", "type": "GPE", "country": s, "sector": "GOV", "wikidata": None,
                     "aliases": [f"State {s}"], "mentions": [], "conflicts": []} for s in STATES]
        store.replace_fusion(events=events, arms=[], conflicts=conflicts, stories=stories, entities=entities,
                             story_of={}, syndicated_of={}, inferred={})
        store.prepare_serving()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1) if ordered else float("nan")


def measure(path: Path, clients: list[int], requests: int) -> dict[str, Any]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "recoupe", "serve", "--db", str(path), "--port", str(port)],
                              cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            try:
                if httpx.get(f"{base}/api/events?limit=1", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None:
                raise SystemExit(f"the server stopped: {server.stderr.read().decode() if server.stderr else ''}")
            time.sleep(0.05)
        startup = time.perf_counter() - started
        ids, articles = _sample(base)
        runs = {n: _load(base, n, requests, ids, articles) for n in clients}
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"startup_s": round(startup, 2), "startup_met": startup <= TARGET_STARTUP_S,
            "by_clients": {str(n): r for n, r in runs.items()}}


def _load(base: str, clients: int, requests: int, ids: list[str], articles: list[str]) -> dict[str, Any]:
    """``clients`` threads, each sending ``requests`` requests of each kind; p95 and median per kind."""
    timings: dict[str, list[float]] = {k: [] for k in TARGETS_MS}
    lock = threading.Lock()

    def client(n: int) -> None:
        rng = random.Random(n)
        with httpx.Client(base_url=base, timeout=30) as http:
            for _ in range(requests):
                for kind in TARGETS_MS:
                    if kind == "events_list":
                        params: dict[str, Any] = rng.choice(({"state": rng.choice(STATES)},
                                                             {"category": rng.choice(CATEGORIES)},
                                                             {"min_sources": 2, "sort": "sources"},
                                                             {"date_from": "2020", "date_to": "2021-06"}, {}))
                        url = "/api/events"
                    elif kind == "event":
                        url, params = f"/api/events/{rng.choice(ids)}", {}
                    elif kind == "search":
                        url, params = "/api/search", {"q": rng.choice(rng.choice(list(WORDS.values())))}
                    else:
                        url, params = rng.choice((("/events", {"category": rng.choice(CATEGORIES)}),
                                                  (f"/events/{rng.choice(ids)}", {}),
                                                  (f"/articles/{rng.choice(articles)}", {})))
                    t0 = time.perf_counter()
                    got = http.get(url, params=params)
                    elapsed = (time.perf_counter() - t0) * 1000
                    assert got.status_code == 200, (url, got.status_code, got.text[:200])
                    with lock:
                        timings[kind].append(elapsed)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    p95 = {k: _p95(v) for k, v in timings.items()}
    return {"p95_ms": p95, "median_ms": {k: round(sorted(v)[len(v) // 2], 1) for k, v in timings.items()},
            "requests": sum(len(v) for v in timings.values()), "wall_s": round(wall, 1),
            "targets_met": {k: p95[k] <= TARGETS_MS[k] for k in TARGETS_MS}}


def _sample(base: str) -> tuple[list[str], list[str]]:
    """Event and article ids to ask for, read from the running server's API (the server holds the store)."""
    items = httpx.get(f"{base}/api/events", params={"limit": 500, "cursor": "1000"}, timeout=30).json()["items"]
    return [e["id"] for e in items], sorted({m["article"] for e in items for m in e["mentions"]})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=300_000)
    parser.add_argument("--clients", default="1,8", help="concurrent clients, one measure per count (1,8)")
    parser.add_argument("--requests", type=int, default=25, help="requests per client and kind")
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to results.jsonl")
    args = parser.parse_args()
    path = ROOT / "bench" / "out" / f"serve-{args.articles}-{args.events}.duckdb"
    generated = None
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        generate(path.with_suffix(".tmp"), args.articles, args.events)
        path.with_suffix(".tmp").rename(path)
        generated = round(time.perf_counter() - t0, 1)
    result = {"bench": "serve", "articles": args.articles, "events": args.events, "clients": args.clients,
              "store_mb": round(path.stat().st_size / 2 ** 20), "generate_s": generated,
              **measure(path, [int(n) for n in args.clients.split(",")], args.requests)}
    print_and_append(result, args.no_append, indent=None)


if __name__ == "__main__":
    main()
