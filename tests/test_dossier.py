"""The dossier (report.html, timeline.md, graph.graphml) and the export formats, on a hand-written fixture
with every field of the records (stories and conflicts included), then through the CLI on the demo corpus."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from recoupe import Pipeline, Settings, Store
from recoupe.cli import app
from recoupe.dossier import graphml, report_html, timeline_md
from recoupe.dossier.export import JSONL_FILES, csv_text, write_parquet
from recoupe.dossier.formats import flat_rows, plover_records
from recoupe.dossier.layout import GRAPH_MAX_ACTORS, actor_graph, force_layout
from recoupe.dossier.report import embed_json, page_data

GML = "{http://graphml.graphdrawing.org/xmlns}"


def _article(aid: str, outlet: str | None, title: str, published: str | None, basis: str, lang: str = "fr",
             story: str | None = "st:1", syndicated: str | None = None) -> dict[str, Any]:
    return {"id": aid, "source": f"/corpus/{aid}.txt", "outlet": outlet, "title": title, "author": None,
            "published": {"value": published, "basis": basis, "reason": f"test {basis}", "not_before": None},
            "lang": lang, "text": title + "\n\nBody.", "dropped": 0, "warnings": [], "paragraphs": [],
            "story": story, "syndicated": syndicated}


def _actor(entity: str, name: str, country: str | None) -> dict[str, Any]:
    return {"entity": entity, "name": name, "country": country}


def _event(eid: str, category: str, event_type: str, mode: str | None, source: list[dict[str, Any]],
           recipient: list[dict[str, Any]], start: str | None, mentions: list[dict[str, Any]], n_sources: int,
           conflicts: list[str] = (), end: str | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "id": eid, "category": category, "event_type": event_type, "mode": mode, "context": ["military"],
        "cameo": "042" if mode == "visit" else None, "source": source, "recipient": recipient,
        "participants": extra.get("participants", []),
        "date": {"start": start, "end": end or start, "granularity": "day" if start and len(start) == 10 else
                 "month" if start else "unknown", "date_type": "exact" if start else "unresolved",
                 "reason": "test date"},
        "event_loc": extra.get("event_loc"), "factuality": extra.get("factuality", "asserted"),
        "attributes": extra.get("attributes", {}), "mentions": mentions, "n_sources": n_sources,
        "conflicts": list(conflicts),
    }


# Own words; three articles, two outlets reporting one visit, one disputed arms deal, one undated statement.
ARTICLES = [
    _article("a1", "Gazette du Nord", "Le ministre de Ruritanie en visite à Syldavie", "2022-03-04", "metadata"),
    _article("a2", "Harbour Post", "Ruritania's minister visits Syldavia", "2022-03-05", "dateline", lang="en"),
    _article("a3", None, "Drones </script><b>livrés</b> & promis", None, "unknown", story=None),
]
RUR, SYL = _actor("RUR", "Ruritania", "RUR"), _actor("SYL", "Syldavia", "SYL")
EVENTS = [
    _event("ev:visit", "VISIT", "CONSULT", "visit", [RUR], [SYL], "2022-03-03",
           [{"article": "a1", "start": 0, "end": 40, "quote": "Le ministre ruritanien est arrivé jeudi."},
            {"article": "a2", "start": 10, "end": 50, "quote": "The Ruritanian minister arrived on Thursday."}], 2,
           participants=[{"entity": "p:ottokar", "name": "Ottokar", "role": "ministre"}],
           event_loc=_actor("SYL", "Syldavia", "SYL")),
    _event("ev:arms", "ARMS_TRANSFER", "AID", "arms_transfer", [RUR], [SYL], "2021-11",
           [{"article": "a1", "start": 60, "end": 99, "quote": "Six drones ont été commandés en novembre 2021."},
            {"article": "a3", "start": 5, "end": 30, "quote": "Huit <drones> seront livrés."}], 2,
           conflicts=["cf:1"], attributes={"designation": "Hawk", "domains": ["air", "sea"]}),
    _event("ev:stmt", "STATEMENT", "DISAPPROVE", None, [SYL], [], None,
           [{"article": "a3", "start": 40, "end": 70, "quote": "Syldavia regrets the decision."}], 1,
           factuality="reported"),
]
ENTITIES = [
    {"id": "RUR", "name": "Ruritania", "type": "GPE", "country": "RUR", "sector": "GOV", "wikidata": None,
     "aliases": ["Ruritanie", "Ruritania"], "conflicts": [], "roles": [],
     "mentions": [{"article": "a1", "start": 12, "end": 21, "text": "Ruritanie", "role": None}]},
    {"id": "SYL", "name": "Syldavia", "type": "GPE", "country": "SYL", "sector": "GOV", "wikidata": "Q1",
     "aliases": ["Syldavia"], "conflicts": [], "roles": [],
     "mentions": [{"article": "a2", "start": 30, "end": 38, "text": "Syldavia", "role": None}]},
]
ARMS = [{
    "id": "at:1", "supplier": RUR, "recipient": SYL, "designation": "Hawk", "description": "drone",
    "weapon_category": "aircraft", "manufacturer": "Ruritanian Aero", "number_ordered": 6, "number_delivered": None,
    "order_year": 2021, "delivery_years": [2022, 2023], "value": {"amount": 12000000, "currency": "EUR"},
    "status": "ordered", "comments": None, "event": "ev:arms",
    "mentions": [{"article": "a1", "start": 60, "end": 99, "quote": "Six drones ont été commandés en novembre 2021."}],
}]
CONFLICTS = [{"id": "cf:1", "subject": "ev:arms", "field": "number_ordered", "claims": [
    {"value": 6, "articles": ["a1"], "quote": "Six drones ont été commandés en novembre 2021."},
    {"value": 8, "articles": ["a3"], "quote": "Huit <drones> seront livrés."}]}]
STORIES = [{
    "id": "st:1", "title": "A minister's visit", "articles": ["a1", "a2"],
    "outlets": ["Gazette du Nord", "Harbour Post"],
    "languages": ["en", "fr"], "start": "2022-03-03", "end": "2022-03-05", "syndicated": [],
    "crosslingual": [["a1", "a2", 0.83]],
    "coverage": [{"event": "ev:visit", "outlets": ["Gazette du Nord", "Harbour Post"], "articles": ["a1", "a2"]},
                 {"event": "ev:arms", "outlets": ["Gazette du Nord"], "articles": ["a1"]}],
    "exclusive": [{"event": "ev:arms", "outlet": "Gazette du Nord"}],
}]
META = {"contract": 1, "version": "0.1.0", "articles": 3, "inputs": 3, "errors": 0, "run": "r1",
        "finished": "2024-01-01T00:00:00Z"}


def _report() -> str:
    return report_html(ARTICLES, META, EVENTS, entities=ENTITIES, arms=ARMS, conflicts=CONFLICTS, stories=STORIES)


# --- report.html -----------------------------------------------------------------------------------------


def test_report_is_self_contained_and_escaped() -> None:
    page = _report()
    assert not re.search(r"https?:|\bsrc\s*=|<link|@import|url\(|<iframe", page, flags=re.I)
    # The JSON block ends only where the page closes it: no '<' inside, the article's title included.
    block = re.search(r'<script type="application/json" id="dossier-data">(.*?)</script>', page, flags=re.S)
    assert block and "<" not in block.group(1)
    data = json.loads(block.group(1))
    assert data["articles"]["a3"]["title"] == "Drones </script><b>livrés</b> & promis"
    assert "Drones &lt;/script&gt;&lt;b&gt;livrés&lt;/b&gt; &amp; promis" in page
    assert "<b>livrés</b>" not in page
    assert embed_json({"q": "</script>&"}) == '{"q":"\\u003c/script\\u003e\\u0026"}'


def test_report_data_for_the_script() -> None:
    data = page_data(ARTICLES, META, EVENTS, entities=ENTITIES, conflicts=CONFLICTS)
    assert [e["id"] for e in data["events"]] == ["ev:arms", "ev:visit", "ev:stmt"]  # by date, undated last
    visit = data["events"][1]
    assert visit["line"] == "VISIT: Ruritania → Syldavia" and visit["when"] == "2022-03-03"
    assert visit["participants"] == ["Ottokar (ministre)"] and visit["loc"] == "Syldavia"
    assert visit["mentions"][1] == {"article": "a2", "start": 10,
                                    "quote": "The Ruritanian minister arrived on Thursday."}
    assert data["actors"] == [["RUR", "Ruritania", 2], ["SYL", "Syldavia", 3]][::-1]
    assert data["conflicts"] == {"cf:1": {"field": "number_ordered", "subject": "ev:arms"}}
    graph = data["graph"]
    assert [n["id"] for n in graph["nodes"]] == ["RUR", "SYL"] and graph["actors"] == 2
    assert graph["edges"] == [{"source": "RUR", "target": "SYL", "weight": 2, "events": ["ev:arms", "ev:visit"]}]


def test_report_links_every_fact_to_its_quotes() -> None:
    page = _report()
    for record in (*EVENTS, *ARMS):
        for m in record["mentions"]:
            assert page.count(f'id="q-{m["article"]}-{m["start"]}"') == 1
    for e in ("ev:arms", "ev:visit"):
        assert f'href="#ev-{e}"' in page  # from the quotes list and the coverage table
    assert 'href="#q-a1-60"' in page  # the arms register's [1]
    assert 'id="cf-cf:1"' in page and 'id="st-st:1"' in page and 'id="art-a3"' in page
    # the conflict's claims, the second escaped; the coverage table marks the exclusive fact
    assert ('<span class="claim">8</span> — <a href="#art-a3">a3</a><blockquote dir="auto">Huit &lt;drones&gt; seront'
            in page)
    assert page.count('<td class="cov only" title="only this outlet reports it">● only</td>') == 1
    assert page.count('<td class="cov no">·</td>') == 1
    assert "same story across languages" in page and "(cosine 0.83)" in page
    assert "<h2>Events</h2>" in page and "3 events" in page
    assert "<td>12,000,000 EUR</td>" in page and "<td>2022, 2023</td>" in page


# --- timeline.md -----------------------------------------------------------------------------------------


def test_timeline_md() -> None:
    assert timeline_md(ARTICLES, EVENTS, CONFLICTS) == (
        "# recoupe timeline\n\n## Events\n\n"
        "- **2021-11** — ARMS_TRANSFER: Ruritania → Syldavia — 2 source(s): Gazette du Nord, unknown outlet, "
        "`ev:arms` — **sources disagree** on number_ordered\n"
        "  > Six drones ont été commandés en novembre 2021. (`a1`)\n"
        "- **2022-03-03** — VISIT: Ruritania → Syldavia — 2 source(s): Gazette du Nord, Harbour Post, `ev:visit`\n"
        "  > Le ministre ruritanien est arrivé jeudi. (`a1`)\n"
        "- **undated** — STATEMENT: Syldavia (reported) — 1 source(s): unknown outlet, `ev:stmt`\n"
        "  > Syldavia regrets the decision. (`a3`)\n\n"
        "## Articles by publication date\n\n"
        "- **2022-03-04** — Le ministre de Ruritanie en visite à Syldavie (Gazette du Nord; `a1`)\n"
        "- **2022-03-05** — Ruritania's minister visits Syldavia (Harbour Post; `a2`)\n"
        "- **undated** — Drones &lt;/script&gt;&lt;b&gt;livrés&lt;/b&gt; &amp; promis (unknown outlet; `a3`)\n"
    )


# --- graph.graphml ---------------------------------------------------------------------------------------


def test_graphml_nodes_and_edges() -> None:
    root = ET.fromstring(graphml(EVENTS, ENTITIES))
    graph = root.find(f"{GML}graph")
    assert graph is not None and graph.get("edgedefault") == "directed"
    keys = {k.get("id"): k.get("attr.type") for k in root.findall(f"{GML}key")}
    assert keys == {"label": "string", "kind": "string", "type": "string", "country": "string", "date": "string",
                    "n_sources": "int", "role": "string"}

    def attrs(el: ET.Element) -> dict[str, str | None]:
        return {d.get("key") or "": d.text for d in el.findall(f"{GML}data")}

    nodes = {n.get("id"): attrs(n) for n in graph.findall(f"{GML}node")}
    assert sorted(nodes) == ["RUR", "SYL", "ev:arms", "ev:stmt", "ev:visit", "p:ottokar"]
    assert nodes["SYL"] == {"label": "Syldavia", "kind": "actor", "type": "GPE", "country": "SYL"}
    assert nodes["p:ottokar"] == {"label": "Ottokar", "kind": "actor", "type": "PERSON"}
    assert nodes["ev:visit"] == {"label": "VISIT 2022-03-03", "kind": "event", "type": "VISIT", "country": "SYL",
                                 "date": "2022-03-03", "n_sources": "2"}
    assert nodes["ev:stmt"] == {"label": "STATEMENT undated", "kind": "event", "type": "STATEMENT", "n_sources": "1"}
    edges = sorted((e.get("source"), e.get("target"), attrs(e)["role"]) for e in graph.findall(f"{GML}edge"))
    assert edges == [("RUR", "ev:arms", "source"), ("RUR", "ev:visit", "source"), ("SYL", "ev:arms", "recipient"),
                     ("SYL", "ev:stmt", "source"), ("SYL", "ev:visit", "location"), ("SYL", "ev:visit", "recipient"),
                     ("p:ottokar", "ev:visit", "participant")]


def test_graphml_escapes_names() -> None:
    event = copy.deepcopy(EVENTS[2])
    event["source"] = [_actor("X&Y", 'A "<b>" & Co', None)]
    root = ET.fromstring(graphml([event]))
    node = root.find(f"{GML}graph/{GML}node[@id='X&Y']")
    assert node is not None and node.find(f"{GML}data").text == 'A "<b>" & Co'


# --- the actor graph's layout ------------------------------------------------------------------------------


def _many_events(n_events: int = 5000, n_actors: int = 200) -> list[dict[str, Any]]:
    actors = [_actor(f"E{i:03d}", f"Actor {i}", None) for i in range(n_actors)]
    # Seven hubs meet every actor in turn.
    return [_event(f"ev:{k}", "MEETING", "CONSULT", "meet", [actors[k % 7]], [actors[k % n_actors]], None, [], 1)
            for k in range(n_events)]


def test_actor_graph_caps_the_actors() -> None:
    graph = actor_graph(_many_events())
    assert graph["actors"] == 200 and len(graph["nodes"]) == GRAPH_MAX_ACTORS == 40
    kept = {n["id"] for n in graph["nodes"]}
    assert {f"E00{i}" for i in range(7)} <= kept  # the hubs
    assert all(e["source"] in kept and e["target"] in kept for e in graph["edges"])
    assert all(0.0 <= n["x"] <= 1.0 and 0.0 <= n["y"] <= 1.0 for n in graph["nodes"])


def test_layout_is_deterministic_and_spread() -> None:
    nodes = [f"n{i}" for i in range(12)]
    edges = [(f"n{i}", f"n{(i + 1) % 12}", 1 + i % 3) for i in range(12)]
    first = force_layout(nodes, edges)
    assert first == force_layout(nodes, edges)
    pts = list(first.values())
    closest = min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for i, a in enumerate(pts) for b in pts[i + 1:])
    assert closest >= 0.1
    assert force_layout(["solo"], []) == {"solo": (0.5, 0.5)} and force_layout([], []) == {}


# --- export formats ---------------------------------------------------------------------------------------


def test_plover_records() -> None:
    records = plover_records(EVENTS, ARTICLES, ENTITIES)
    assert [r["id"] for r in records] == ["ev:arms", "ev:stmt", "ev:visit"]
    assert records[2] == {
        "id": "ev:visit", "event_date": "2022-03-03", "event_date_end": "2022-03-03", "date_granularity": "day",
        "event_type": "CONSULT", "mode": "visit", "context": ["military"], "cameo": "042",
        "source": [{"actorText": "Ruritania", "code": "RUR", "sector": "GOV", "entity": "RUR"}],
        "target": [{"actorText": "Syldavia", "code": "SYL", "sector": "GOV", "entity": "SYL"}],
        "actor_name": ["Ruritania"], "actor_country": ["RUR"], "recipient_name": ["Syldavia"],
        "recipient_country": ["SYL"], "eventLoc": {"name": "Syldavia", "country code": "SYL"},
        "factuality": "asserted", "category": "VISIT", "text": "Le ministre ruritanien est arrivé jeudi.",
        "language": ["en", "fr"], "publication": ["Gazette du Nord", "Harbour Post"], "story_id": ["st:1"],
        "source_id": ["a1", "a2"],
        "quotes": [{"article": "a1", "start": 0, "end": 40, "quote": "Le ministre ruritanien est arrivé jeudi.",
                    "publication": "Gazette du Nord"},
                   {"article": "a2", "start": 10, "end": 50, "quote": "The Ruritanian minister arrived on Thursday.",
                    "publication": "Harbour Post"}],
        "n_sources": 2, "conflicts": [],
    }
    assert records[1]["target"] == [] and records[1]["eventLoc"] is None and records[1]["story_id"] == []
    assert records[0]["conflicts"] == ["cf:1"]


def test_csv_flattens_nested_values() -> None:
    rows = list(csv.reader(io.StringIO(csv_text("events", EVENTS))))
    header = rows[0]
    assert len(rows) == 4 and header[:8] == ["id", "category", "event_type", "mode", "context", "cameo", "source",
                                             "source_country"]
    arms = dict(zip(header, rows[2], strict=True))
    assert arms["attributes"] == '{"designation": "Hawk", "domains": ["air", "sea"]}'
    assert arms["n_mentions"] == "2" and arms["first_quote"] == "Six drones ont été commandés en novembre 2021."
    assert arms["articles"] == "a1; a3" and arms["conflicts"] == "cf:1" and arms["date_start"] == "2021-11"
    visit = dict(zip(header, rows[1], strict=True))
    assert visit["participants"] == "Ottokar" and visit["event_loc"] == "Syldavia" and visit["recipient"] == "Syldavia"
    stmt = dict(zip(header, rows[3], strict=True))
    assert stmt["date_start"] == "" and stmt["recipient"] == "" and stmt["mode"] == ""
    assert csv_text("conflicts", CONFLICTS).splitlines()[1].startswith("cf:1,ev:arms,number_ordered,2,6; 8,")
    assert csv_text("arms_transfers", ARMS).splitlines()[1] == (
        "at:1,Ruritania,RUR,Syldavia,SYL,Hawk,drone,aircraft,Ruritanian Aero,6,,2021,2022; 2023,12000000,EUR,"
        "ordered,,ev:arms,1,Six drones ont été commandés en novembre 2021.")
    assert csv_text("stories", STORIES).splitlines()[1] == (
        'st:1,A minister\'s visit,2022-03-03,2022-03-05,2,a1; a2,Gazette du Nord; Harbour Post,en; fr,,'
        '"[[""a1"", ""a2"", 0.83]]",2,1')
    assert csv_text("articles", []) == ",".join(flat_rows("articles", [])[0]) + "\n"
    for name in JSONL_FILES:  # every contract file has a flat table
        assert flat_rows(name, [])[0][0] == "id"


def test_parquet_keeps_nested_values(tmp_path: Path) -> None:
    write_parquet(tmp_path / "events.parquet", "events", EVENTS)
    write_parquet(tmp_path / "conflicts.parquet", "conflicts", [])
    con = duckdb.connect()
    rows = con.execute(f"SELECT id, date.start, source[1].name, len(mentions), mentions[2].quote, n_sources "
                       f"FROM '{tmp_path / 'events.parquet'}' ORDER BY id").fetchall()
    assert rows == [("ev:arms", "2021-11", "Ruritania", 2, "Huit <drones> seront livrés.", 2),
                    ("ev:stmt", None, "Syldavia", 1, None, 1),
                    ("ev:visit", "2022-03-03", "Ruritania", 2, "The Ruritanian minister arrived on Thursday.", 2)]
    empty = con.execute(f"DESCRIBE SELECT * FROM '{tmp_path / 'conflicts.parquet'}'").fetchall()
    assert [c[0] for c in empty] == ["id", "subject", "field", "n_claims", "values", "claims"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["conflicts.parquet", "events.parquet"]  # no temp left


def test_parquet_types_do_not_depend_on_the_data(tmp_path: Path) -> None:
    """A column null in every record, or an amount that happens to be whole, gets the same type as in any
    other run, so the files of several runs concatenate."""
    arms = [{"id": "at:1", "number_delivered": None, "order_year": 2014, "value": {"amount": 50000000,
                                                                                  "currency": "USD"}}]
    write_parquet(tmp_path / "arms_transfers.parquet", "arms_transfers", arms)
    write_parquet(tmp_path / "articles.parquet", "articles", [{"id": "a", "syndicated": None}])
    con = duckdb.connect()
    types = {c[0]: c[1] for f in ("arms_transfers", "articles")
             for c in con.execute(f"DESCRIBE SELECT * FROM '{tmp_path / (f + '.parquet')}'").fetchall()}
    assert types == {"id": "VARCHAR", "number_delivered": "BIGINT", "order_year": "BIGINT",
                     "value": "STRUCT(amount DOUBLE, currency VARCHAR)", "syndicated": "VARCHAR"}


# --- through the command line, on the demo corpus -----------------------------------------------------------


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("demo") / "recoupe.duckdb"
    with Store.open(path) as store:
        Pipeline(store, Settings()).run([demo_dir])
    return path


@pytest.mark.parametrize(("fmt", "files"), [
    ("plover", ["events.plover.jsonl"]),
    ("csv", [f"{n}.csv" for n in JSONL_FILES]),
    ("parquet", [f"{n}.parquet" for n in JSONL_FILES]),
])
def test_cli_export_formats(tmp_path: Path, demo_store: Path, fmt: str, files: list[str]) -> None:
    out = tmp_path / fmt
    result = CliRunner().invoke(app, ["export", "--db", str(demo_store), "--out", str(out), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(files)
    with Store.open(demo_store) as store:
        events = list(store.records("events"))
    if fmt == "plover":
        records = [json.loads(line) for line in (out / files[0]).read_text(encoding="utf-8").splitlines()]
        assert [r["id"] for r in records] == [e["id"] for e in events]
        assert all(r["event_type"] and r["source_id"] and r["quotes"] for r in records)
    elif fmt == "csv":
        assert len(list(csv.reader((out / "events.csv").open(encoding="utf-8")))) == len(events) + 1
    else:
        n = duckdb.connect().execute(f"SELECT count(*) FROM '{out / 'events.parquet'}'").fetchone()
        assert n == (len(events),)


def test_cli_export_contract_writes_the_dossier(tmp_path: Path, demo_store: Path) -> None:
    out = tmp_path / "dossier"
    result = CliRunner().invoke(app, ["export", "--db", str(demo_store), "--out", str(out)])
    assert result.exit_code == 0 and "wrote 15 articles" in result.output
    written = {p.name for p in out.iterdir()}
    assert {"report.html", "timeline.md", "graph.graphml", "stories.jsonl", "run.json"} <= written
    root = ET.parse(out / "graph.graphml").getroot()
    assert len(root.findall(f"{GML}graph/{GML}node")) > 0
    bad = CliRunner().invoke(app, ["export", "--db", str(demo_store), "--out", str(out), "--format", "xls"])
    assert bad.exit_code == 2
    assert CliRunner().invoke(app, ["export"]).exit_code == 2
