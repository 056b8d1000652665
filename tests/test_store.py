"""The DuckDB store: numbered migrations, exact round-trips, one transaction per batch."""

from __future__ import annotations

import inspect
import json
import uuid
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import recoupe
from recoupe.errors import StoreError
from recoupe.records import AnnotatedArticle, CleanArticle, IngestError, Published, RawDocument, Sentence, article_id
from recoupe.store import MIGRATIONS, Store


def annotated(text: str, raw: RawDocument) -> AnnotatedArticle:
    art = CleanArticle(id=article_id(text), raw_id=raw.raw_id, source=raw.source, outlet=None, title=None,
                       author=None, published=Published.unknown(), text=text, dropped=0)
    return AnnotatedArticle(article=art, lang="fr", paragraphs=(), model="m", n_tokens=0, doc_bytes=b"",
                            sentences=(Sentence(index=0, start=0, end=len(text), text=text),))


def test_migrations_numbered_and_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        assert store.schema_version() == len(MIGRATIONS) == 8
    with Store.open(path) as store:  # reopening applies nothing twice
        assert store.schema_version() == 8
    con = duckdb.connect(str(path))
    rows = con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert rows == [(1,), (2,), (3,), (4,), (5,), (6,), (7,), (8,)]
    assert {"raw_documents", "articles", "sentences", "ingest_errors", "entities", "mentions", "timexes",
            "events", "arms_transfers", "conflicts", "stories", "event_mentions", "reviews", "users", "event_index",
            "search_text", "search_postings"} <= tables


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=300),
       content=st.binary(min_size=1, max_size=300))
def test_any_text_round_trips(tmp_path: Path, text: str, content: bytes) -> None:
    raw = RawDocument(source="src", origin="file", media="text", content=content)
    # one database per example: tmp_path is shared by Hypothesis' examples, and texts that normalise alike
    # (" " and "\x1f") share an article id
    with Store.open(tmp_path / f"rt-{uuid.uuid4().hex}.duckdb") as store:
        art = annotated(text, raw)
        store.save_batch(raws=[raw], annotated=[art], article_of={raw.raw_id: art.article.id}, errors=[])
        record = next(r for r in store.articles() if r["id"] == art.article.id)
        assert record["text"] == text
        assert store.sentences(art.article.id)[0][3] == text
        stored = store._con.execute("SELECT content FROM raw_documents WHERE raw_id = ?", [raw.raw_id]).fetchone()
        assert stored is not None and bytes(stored[0]) == content


def test_failed_batch_leaves_nothing(tmp_path: Path) -> None:
    raw = RawDocument(source="src", origin="file", media="text", content=b"abc")
    with Store.open(tmp_path / "t.duckdb") as store:
        art = annotated("abc", raw)
        other = annotated("def", raw)
        broken = replace(other, lang=None)  # violates NOT NULL after the first rows are written
        with pytest.raises(StoreError, match=r"t\.duckdb cannot be used \(Constraint Error"):
            store.save_batch(raws=[raw], annotated=[art, broken], article_of={raw.raw_id: art.article.id},
                             errors=[IngestError(source="x", stage="ingest", code="E101", message="x: empty")])
        assert [store.count(t) for t in ("raw_documents", "articles", "sentences", "ingest_errors")] == [0, 0, 0, 0]


def test_errors_upserted_not_doubled(tmp_path: Path) -> None:
    error = IngestError(source="a.txt", stage="ingest", code="E101", message="a.txt: empty input")
    with Store.open(tmp_path / "e.duckdb") as store:
        store.record_errors([error, error])
        store.record_errors([error])
        assert store.errors() == [error]
        times = store._con.execute("SELECT times FROM ingest_errors").fetchone()
        assert times == (2,)


def test_public_api_all_is_complete() -> None:
    assert all(hasattr(recoupe, name) for name in recoupe.__all__)  # first: Pipeline and RunReport load on use
    public = {name for name, value in vars(recoupe).items()
              if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"}
    assert public | {"__version__"} == set(recoupe.__all__)


def test_a_store_of_schema_6_gets_its_event_index_and_search_text(tmp_path: Path) -> None:
    from recoupe.store import MIGRATIONS as ALL

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                "applied TIMESTAMP NOT NULL)")
    for version, (name, sql) in enumerate(ALL[:6], 1):
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
    event = {"id": "ev:1", "category": "VISIT", "date": {"start": "2021-11-24"}, "factuality": "asserted",
             "n_sources": 2, "source": [{"entity": "ISR", "name": "Israël", "country": "ISR"}],
             "recipient": [{"entity": "MAR", "name": "Maroc", "country": "MAR"}], "participants": [],
             "mentions": [{"article": "a1", "start": 0, "end": 5, "quote": "Une Visite"}]}
    con.execute("INSERT INTO events VALUES ('ev:1', ?)", [json.dumps(event)])
    con.close()
    with Store.open(path) as store:
        store.prepare_serving()
        row = store.reader().execute("SELECT * FROM event_index").fetchall()
    assert row == [("ev:1", "VISIT", "2021-11-24", None, "asserted", 2, None, "unreviewed", "israel | maroc",
                    " ISR MAR ", " ISR MAR ", " a1 ", "une visite")]


def test_the_event_index_built_a_few_events_a_statement_is_the_index_built_in_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15 (memory flat in the number of inputs): one statement over every event held all their parsed JSON
    until it ended; the index is now built INDEX_CHUNK events at a time, with the same rows."""
    from recoupe import store_serving

    events = [{"id": f"ev:{k}", "category": "VISIT", "date": {"start": f"2021-11-{k + 10}"}, "factuality": "asserted",
               "n_sources": k, "source": [{"entity": "ISR", "name": "Israël", "country": "ISR"}],
               "recipient": [{"entity": f"E{k}", "name": f"État {k}", "country": f"E{k}"}], "participants": [],
               "mentions": [{"article": f"a{k}", "start": 0, "end": 5, "quote": f"Une Visite {k}"}]} for k in range(7)]
    with Store.open(tmp_path / "s.duckdb") as store:
        store.replace_events(events, [])
        whole = sorted(store._con.execute(store_serving._EVENT_INDEX_SELECT).fetchall())
        monkeypatch.setattr(store_serving, "INDEX_CHUNK", 3)
        with store._transaction():
            store._index_events()
        assert sorted(store._con.execute("SELECT * FROM event_index").fetchall()) == whole
        with store._transaction():
            store._index_events(["ev:1", "ev:5", "ev:6", "ev:2"])
        assert sorted(store._con.execute("SELECT * FROM event_index").fetchall()) == whole
    assert len(whole) == 7 and whole[3][:3] == ("ev:3", "VISIT", "2021-11-13")


def test_articles_folded_for_search_a_few_at_a_time_give_the_postings_of_one_statement(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15 (memory flat in the number of inputs): the search postings of every new article are built
    FOLD_CHUNK articles at a time; a token's articles stay in id order, as one statement gave them."""
    from recoupe import store_serving

    texts = ["Le Maroc reçoit la frégate", "La frégate quitte Brest", "Élysée : le Maroc signe", "Rabat signe",
             "Une frégate à Rabat"]
    found = {}
    for chunk in (1000, 2):
        monkeypatch.setattr(store_serving, "FOLD_CHUNK", chunk)
        with Store.open(tmp_path / f"s{chunk}.duckdb") as store:
            for i, text in enumerate(texts):
                raw = RawDocument(source=f"s{i}", origin="file", media="text", content=text.encode())
                art = annotated(text, raw)
                store.save_batch(raws=[raw], annotated=[art], article_of={raw.raw_id: art.article.id}, errors=[])
                if i == 2:  # a first run folds three articles, the next run the other two
                    store.prepare_serving()
            store.prepare_serving()
            found[chunk] = (sorted(store._con.execute("SELECT * FROM search_postings").fetchall()),
                            sorted(store._con.execute("SELECT * FROM search_text").fetchall()))
    assert found[2] == found[1000]
    postings = dict(found[2][0])
    ids = {t: article_id(t) for t in texts}
    assert postings["fregate"] == [*sorted([ids[texts[0]], ids[texts[1]]]), ids[texts[4]]]
    assert postings["maroc"] == sorted([ids[texts[0]], ids[texts[2]]]) and "" not in postings


def test_reconnect_keeps_the_store_and_gives_duckdb_its_defaults_back(tmp_path: Path) -> None:
    """Issue 15 (memory flat in the number of inputs): a run that unloads its parsers reopens the store's
    connection before fusion (DuckDB lets go of what it kept for the batches' writes); the data stays, the
    batches' memory cap goes."""
    raw = RawDocument(source="s", origin="file", media="text", content=b"Le Maroc")
    with Store.open(tmp_path / "s.duckdb") as store:
        default = store._con.execute("SELECT current_setting('memory_limit')").fetchone()
        store.cap_memory("64MB")
        art = annotated("Le Maroc", raw)
        store.save_batch(raws=[raw], annotated=[art], article_of={raw.raw_id: art.article.id}, errors=[])
        store.reconnect()
        assert store._con.execute("SELECT current_setting('memory_limit')").fetchone() == default
        assert [r["text"] for r in store.articles()] == ["Le Maroc"]
        store.record_errors([IngestError(source="x", stage="ingest", code="E101", message="x: unreadable")])
        assert [e.source for e in store.errors()] == ["x"]
