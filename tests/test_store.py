"""The DuckDB store: numbered migrations, exact round-trips, one transaction per batch."""

from __future__ import annotations

import inspect
import uuid
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import recoupe
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
        assert store.schema_version() == len(MIGRATIONS) == 6
    with Store.open(path) as store:  # reopening applies nothing twice
        assert store.schema_version() == 6
    con = duckdb.connect(str(path))
    rows = con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert rows == [(1,), (2,), (3,), (4,), (5,), (6,)]
    assert {"raw_documents", "articles", "sentences", "ingest_errors", "entities", "mentions", "timexes",
            "events", "arms_transfers", "conflicts", "stories", "event_mentions"} <= tables


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
        with pytest.raises(duckdb.Error):
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
    public = {name for name, value in vars(recoupe).items()
              if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"}
    assert public | {"__version__"} == set(recoupe.__all__)
    assert all(hasattr(recoupe, name) for name in recoupe.__all__)
