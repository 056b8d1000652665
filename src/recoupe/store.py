"""The DuckDB store: the only code that writes the database.

The schema is a numbered list of migrations (``MIGRATIONS``); opening a store applies the missing
ones in order and records each in ``schema_migrations``. Work is committed one batch at a time, in a
single transaction, keyed by content hashes: a run killed at any point loses at most the batch in
flight, and running again on the same inputs adds nothing twice.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from recoupe.errors import StoreError
from recoupe.records import AnnotatedArticle, Declared, IngestError, Mention, RawDocument
from recoupe.store_schema import MIGRATIONS as MIGRATIONS  # the schema (re-exported)
from recoupe.store_serving import WORD_SPLIT, ServingTables

if TYPE_CHECKING:  # importing the time package loads its tagger (0.1 s at every command's start)
    from recoupe.understand.timex.records import Timex

log = logging.getLogger(__name__)

# Rows per INSERT ... SELECT unnest(list parameters): bounded only to keep one statement's memory small.
_ROWS_PER_INSERT = 20_000
# Records (events, entities, stories...) written by one statement: the whole store's JSON texts at once, with DuckDB's
# copy of them as the statement's parameters, were a peak of the fusion stage that grew with the store.
RECORDS_PER_INSERT = 1000
# Rows fetched at a time when a whole table is read (the articles, the event mentions): a few hundred keep the
# result's memory small whatever the size of the store, at no measurable cost in time.
_ROWS_PER_FETCH = 256
# DuckDB's memory while a run stores its batches (Store.cap_memory): DuckDB keeps the pages it wrote cached up to its
# memory limit (80% of the machine's memory by default), so a long run's memory grew with its store (the writes of
# 18,000 articles of bench_memory.py replayed: +150 MB, checkpoints +250 MB at their peak; capped at 64 MB, +85 and
# +125 MB). A batch's statements need a few MB (16 MB was too few at 3,000 articles); past the cap, pages are read
# back from the file when needed. Re-measure with bench/bench_memory.py if changed.
BATCH_MEMORY_LIMIT = "64MB"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def store_problem(path: Path, exc: BaseException) -> StoreError:
    """DuckDB's error on the store at ``path`` as one line that names the file and says what to do."""
    text = " ".join(str(exc).split())
    low = text.lower()
    if any(sign in low for sign in ("no space left", "disk full", "file too large", "disk quota")):
        return StoreError(f"cannot write the store {path}: the disk is full ({text}); free some space and run "
                          "again (the batches already committed are kept)")
    if "could not set lock" in low or "conflicting lock" in low:
        return StoreError(f"the store {path} is in use by another recoupe process ({text}); wait for that run to "
                          "finish, or give another --db")
    if any(sign in low for sign in ("corrupt", "not a valid duckdb", "could not read enough bytes", "checksum",
                                    "serialization")):
        return StoreError(f"the store {path} is damaged or is not a recoupe store ({text}); restore it from a "
                          "backup, or give another --db to start a new store and read the inputs again")
    return StoreError(f"the store {path} cannot be used ({text}); check the file, or give another --db")


class Store(ServingTables):
    """One DuckDB database file. Use as a context manager; ``Store.open`` migrates it."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:
        self._con = con
        self.path = path

    @classmethod
    def open(cls, path: Path) -> Store:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder of the store {path}: {exc.strerror or exc}; give a "
                             "writable --out or --db") from None
        try:
            con = duckdb.connect(str(path))
        except duckdb.Error as exc:
            raise store_problem(path, exc) from None
        store = cls(con, path)
        try:
            store._migrate()
        except duckdb.Error as exc:
            con.close()
            raise store_problem(path, exc) from None
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction; DuckDB's errors in it become a StoreError that names the store and what to do."""
        con = self._con
        try:
            con.execute("BEGIN TRANSACTION")
            yield
            con.execute("COMMIT")
        except BaseException as exc:
            # DuckDB has already aborted the transaction after an I/O error ("disk full"): that first error is the
            # one to tell, not "cannot rollback - no transaction is active".
            with suppress(duckdb.Error):
                con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise store_problem(self.path, exc) from None
            raise

    def reconnect(self) -> None:
        """Close the connection and open the database again: DuckDB then lets go of what it kept for the
        connection's writes outside its cache (it grew with a long run's batches: 20,000 inputs, bench_memory.py).
        Readers' cursors (``reader``) die with the old connection: only for a process that runs once."""
        self._con.close()
        try:
            self._con = duckdb.connect(str(self.path))
        except duckdb.Error as exc:
            raise store_problem(self.path, exc) from None

    def cap_memory(self, limit: str | None) -> None:
        """Cap the memory DuckDB keeps ("128MB"; None: its default again), its cached pages included."""
        if limit is None:
            self._con.execute("RESET memory_limit")
        else:
            self._con.execute("SET memory_limit = ?", [limit])

    # --- schema ---------------------------------------------------------------------------------

    def _migrate(self) -> None:
        con = self._con
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied TIMESTAMP NOT NULL)"
        )
        done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
        for version, (name, sql) in enumerate(MIGRATIONS, 1):
            if version in done:
                continue
            try:
                con.execute("BEGIN TRANSACTION")
                con.execute(sql)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, _now()])
                con.execute("COMMIT")
            except duckdb.Error as exc:
                with suppress(duckdb.Error):
                    con.execute("ROLLBACK")
                raise StoreError(f"cannot migrate {self.path} to version {version}: "
                                 f"{store_problem(self.path, exc).message}") from None
            log.info("store %s migrated to schema %d (%s)", self.path, version, name)

    def schema_version(self) -> int:
        row = self._con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # --- writing --------------------------------------------------------------------------------

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                conflict: str = "DO NOTHING") -> None:
        if not rows:
            return
        # One list parameter per column, unnested side by side: DuckDB binds a few lists instead of thousands of
        # scalars (12x faster than a multi-row VALUES on a batch's 3,200 sentences).
        select = ", ".join(f"unnest(?) AS c{k}" for k in range(len(columns)))
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM (SELECT {select}) "
               f"ON CONFLICT {conflict}")
        for i in range(0, len(rows), _ROWS_PER_INSERT):
            chunk = rows[i: i + _ROWS_PER_INSERT]
            self._con.execute(sql, [[row[k] for row in chunk] for k in range(len(columns))])

    def _insert_records(self, table: str, records: Sequence[dict[str, Any]]) -> None:
        """Records as (id, JSON text) rows, RECORDS_PER_INSERT at a time, in their order."""
        for i in range(0, len(records), RECORDS_PER_INSERT):
            self._insert(table, ("id", "record"),
                         [(r["id"], json.dumps(r, ensure_ascii=False)) for r in records[i: i + RECORDS_PER_INSERT]])

    def _temp_rows(self, table: str, columns: str, rows: Sequence[Sequence[Any]]) -> None:
        """Fill a temporary table (created if needed, emptied) with rows, to join them into an UPDATE."""
        con = self._con
        con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({columns})")
        con.execute(f"DELETE FROM {table}")
        if rows:
            width = len(rows[0])
            select = ", ".join(f"unnest(?) AS c{k}" for k in range(width))
            for i in range(0, len(rows), _ROWS_PER_INSERT):
                chunk = rows[i: i + _ROWS_PER_INSERT]
                con.execute(f"INSERT INTO {table} SELECT * FROM (SELECT {select})",
                            [[row[k] for row in chunk] for k in range(width)])

    def save_batch(
        self,
        *,
        raws: Sequence[RawDocument],
        annotated: Sequence[AnnotatedArticle],
        article_of: dict[str, str],
        errors: Sequence[IngestError],
        mentions: Sequence[Mention] = (),
        timexes: Sequence[tuple[str, Timex]] = (),
        event_mentions: Sequence[tuple[str, int, dict[str, Any]]] = (),
        reader: str | None = None,
        forget: Iterable[str] = (),
    ) -> None:
        """Store one batch in one transaction: its raw documents (``article_of`` maps a raw id to its
        article, absent when the input failed) with the build that read them (``reader``), its articles with
        sentences and parses, its errors. ``forget``: articles another build read from these raw documents,
        whose rows are replaced (``stale_articles_of``)."""
        now = _now()
        # One row per raw id: an input given twice in a batch (same bytes, two names) is stored once.
        raws = list({r.raw_id: r for r in reversed(raws)}.values())[::-1]
        with self._transaction():
            self._forget_articles(list(forget))
            self._insert(
                "raw_documents",
                ("raw_id", "source", "origin", "media", "content", "declared", "received", "status", "article_id",
                 "reader"),
                [
                    (r.raw_id, r.source, r.origin, r.media, r.content, json.dumps(asdict(r.declared)), now,
                     "done" if r.raw_id in article_of else "error", article_of.get(r.raw_id), reader)
                    for r in raws
                ],
                conflict="(raw_id) DO UPDATE SET status = excluded.status, article_id = excluded.article_id, "
                         "reader = excluded.reader",
            )
            self._insert(
                "articles",
                ("id", "raw_id", "source", "outlet", "title", "author", "published_value", "published_basis",
                 "published_reason", "lang", "text", "dropped", "warnings", "paragraphs", "model", "n_tokens",
                 "stored", "published_not_before"),
                [
                    (a.article.id, a.article.raw_id, a.article.source, a.article.outlet, a.article.title,
                     a.article.author, a.article.published.value, a.article.published.basis,
                     a.article.published.reason, a.lang, a.article.text, a.article.dropped,
                     json.dumps(list(a.warnings)), json.dumps([asdict(p) for p in a.paragraphs]), a.model,
                     a.n_tokens, now, a.article.published.not_before)
                    for a in annotated
                ],
            )
            self._insert(
                "sentences",
                ("article_id", "idx", "start_char", "end_char", "text"),
                [(a.article.id, s.index, s.start, s.end, s.text) for a in annotated for s in a.sentences],
            )
            self._insert("parses", ("article_id", "model", "doc"),
                         [(a.article.id, a.model, a.doc_bytes) for a in annotated])
            self._insert(
                "mentions",
                ("article_id", "start_char", "end_char", "text", "type", "kb_id", "how", "role", "country",
                 "sector", "sentence"),
                [(m.article, m.start, m.end, m.text, m.type, m.kb_id, m.how, m.role, m.country, m.sector, m.sentence)
                 for m in mentions],
            )
            self._insert(
                "timexes",
                ("article_id", "start_char", "end_char", "text", "value", "type", "mod", "granularity", "range_end",
                 "anchored", "reason"),
                [(aid, t.start, t.end, t.text, t.value, t.type, t.mod, t.granularity, t.range_end, t.anchored,
                  t.reason) for aid, t in timexes],
            )
            self._insert("event_mentions", ("article_id", "idx", "record"),
                         [(aid, i, json.dumps(r, ensure_ascii=False)) for aid, i, r in event_mentions])
            self._record_errors(errors, now)

    def _forget_articles(self, ids: Sequence[str]) -> None:
        """Delete what was read from these articles (their rows in every table keyed by article); the raw
        documents stay. Inside the caller's transaction."""
        if not ids:
            return
        # their ids out of the search postings of their words (folded again when stored again: store_serving)
        self._con.execute(
            "UPDATE search_postings SET articles = list_filter(articles, lambda a: NOT list_contains(?::VARCHAR[], a)) "
            f"WHERE token IN (SELECT DISTINCT unnest(regexp_split_to_array(folded, '{WORD_SPLIT}')) FROM search_text "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[])))", [ids, ids])
        self._con.execute("DELETE FROM search_postings WHERE len(articles) = 0")
        for table in _ARTICLE_TABLES:
            self._con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        self._con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])

    def record_errors(self, errors: Iterable[IngestError]) -> None:
        """Errors that belong to no raw document (unreadable paths, failed downloads)."""
        errors = list(errors)
        if not errors:
            return
        with self._transaction():
            self._record_errors(errors, _now())

    def _record_errors(self, errors: Sequence[IngestError], now: datetime) -> None:
        unique = {e.id: e for e in errors}
        self._insert(
            "ingest_errors",
            ("id", "source", "stage", "code", "message", "first_seen", "last_seen", "times"),
            [(e.id, e.source, e.stage, e.code, e.message, now, now, 1) for e in unique.values()],
            conflict="(id) DO UPDATE SET last_seen = excluded.last_seen, message = excluded.message, "
                     "times = ingest_errors.times + 1",
        )

    def start_run(self, run_id: str, version: str, stages: Sequence[str], settings: dict[str, Any]) -> datetime:
        started = _now()
        self._con.execute(
            "INSERT INTO runs (id, version, started, stages, settings) VALUES (?, ?, ?, ?, ?)",
            [run_id, version, started, json.dumps(list(stages)), json.dumps(settings, default=str)],
        )
        return started

    def finish_run(self, run_id: str, *, inputs: int, articles: int, errors: int) -> datetime:
        finished = _now()
        self._con.execute(
            "UPDATE runs SET finished = ?, inputs = ?, articles = ?, errors = ? WHERE id = ?",
            [finished, inputs, articles, errors, run_id],
        )
        return finished

    def replace_events(self, events: Sequence[dict[str, Any]], arms: Sequence[dict[str, Any]]) -> None:
        """The events and arms register rebuilt from every event mention, in one transaction."""
        con = self._con
        with self._transaction():
            con.execute("DELETE FROM events")
            con.execute("DELETE FROM arms_transfers")
            self._insert_records("events", events)
            self._insert_records("arms_transfers", arms)

    def replace_fusion(self, *, events: Sequence[dict[str, Any]], arms: Sequence[dict[str, Any]],
                       conflicts: Sequence[dict[str, Any]], stories: Sequence[dict[str, Any]],
                       entities: Sequence[dict[str, Any]], story_of: dict[str, str], syndicated_of: dict[str, str],
                       inferred: dict[str, dict[str, str]]) -> None:
        """The fusion stage's result over the whole store, in one transaction: events, arms register,
        conflicts, stories, entity records (with their conflicts), and each article's story, syndication group
        and inferred date."""
        con = self._con
        with self._transaction():
            for table, records in (("events", events), ("arms_transfers", arms), ("conflicts", conflicts),
                                   ("stories", stories), ("entities", entities)):
                con.execute(f"DELETE FROM {table}")
                self._insert_records(table, records)
            self._index_events()
            self._fold_new_articles()
            con.execute("UPDATE articles SET story = NULL, syndicated = NULL, inferred = NULL")
            rows = [(aid, story_of.get(aid), syndicated_of.get(aid),
                     json.dumps(inferred[aid], ensure_ascii=False) if aid in inferred else None)
                    for aid in sorted(set(story_of) | set(syndicated_of) | set(inferred))]
            if rows:
                self._temp_rows("_article_fusion", "id VARCHAR, story VARCHAR, syndicated VARCHAR, inferred JSON", rows)
                con.execute("UPDATE articles SET story = f.story, syndicated = f.syndicated, inferred = f.inferred "
                            "FROM _article_fusion f WHERE articles.id = f.id")

    def redated_event_mentions(self, article_id: str, dct: str) -> list[dict[str, Any]] | None:
        """The event mentions of an article re-read with a date inferred from its story, or None when it was
        never re-read with that date."""
        if not self._con.execute("SELECT 1 FROM redated WHERE article_id = ? AND dct = ?",
                                 [article_id, dct]).fetchone():
            return None
        rows = self._con.execute("SELECT record FROM redated_event_mentions WHERE article_id = ? AND dct = ? "
                                 "ORDER BY idx", [article_id, dct]).fetchall()
        return [json.loads(r[0]) for r in rows]

    def save_redated(self, article_id: str, dct: str, records: Sequence[dict[str, Any]]) -> None:
        con = self._con
        with self._transaction():
            con.execute("DELETE FROM redated_event_mentions WHERE article_id = ? AND dct = ?", [article_id, dct])
            self._insert("redated_event_mentions", ("article_id", "dct", "idx", "record"),
                         [(article_id, dct, i, json.dumps(r, ensure_ascii=False)) for i, r in enumerate(records)])
            self._insert("redated", ("article_id", "dct"), [(article_id, dct)])

    def lead_vectors(self, keys: Iterable[str]) -> dict[str, bytes]:
        """Stored sentence vectors of article leads, by the hash of the lead's text."""
        wanted = list(keys)
        if not wanted:
            return {}
        rows = self._con.execute("SELECT key, vector FROM lead_vectors WHERE key IN (SELECT unnest(?::VARCHAR[]))",
                                 [wanted]).fetchall()
        return {r[0]: bytes(r[1]) for r in rows}

    def save_lead_vectors(self, vectors: dict[str, bytes]) -> None:
        self._insert("lead_vectors", ("key", "vector"), sorted(vectors.items()))

    def parse_of(self, article_id: str) -> dict[str, Any] | None:
        """What re-reading one article needs: its clean-article fields, language, paragraphs, sentences, model
        and serialised parse."""
        row = self._con.execute(
            "SELECT a.id, a.raw_id, a.source, a.outlet, a.title, a.author, a.text, a.dropped, a.lang, a.paragraphs, "
            "a.model, a.n_tokens, p.doc, a.published_not_before FROM articles a JOIN parses p ON p.article_id = a.id "
            "WHERE a.id = ?", [article_id]).fetchone()
        if row is None:
            return None
        names = ("id", "raw_id", "source", "outlet", "title", "author", "text", "dropped", "lang", "paragraphs",
                 "model", "n_tokens", "doc", "not_before")
        out = dict(zip(names, row, strict=True))
        out["paragraphs"] = json.loads(out["paragraphs"])
        out["sentences"] = self.sentences(article_id)
        return out

    def event_mentions(self) -> Iterator[dict[str, Any]]:
        """Every stored event mention (as ``EventMention.as_dict`` wrote it), in article order, read a few hundred
        rows at a time (the caller keeps what it needs, not every JSON text as well)."""
        cur = self._con.execute("SELECT record FROM event_mentions ORDER BY article_id, idx")
        while rows := cur.fetchmany(_ROWS_PER_FETCH):
            for (record,) in rows:
                yield json.loads(record)

    def fusion_articles(self) -> Iterator[dict[str, Any]]:
        """What the stories and fusion stages read of every article, sorted by id: id, outlet, title, lang, text
        and the published record without the date the fusion inferred (their own input); not the paragraphs,
        warnings and the rest of ``articles``, so that the whole store's articles fit in a little memory."""
        cur = self._con.execute(
            "SELECT id, outlet, title, lang, text, published_value, published_basis, published_reason, "
            "published_not_before FROM articles ORDER BY id")
        while rows := cur.fetchmany(_ROWS_PER_FETCH):
            for r in rows:
                yield {"id": r[0], "outlet": r[1], "title": r[2], "lang": r[3], "text": r[4],
                       "published": {"value": r[5], "basis": r[6], "reason": r[7], "not_before": r[8]}}

    def outlets(self) -> dict[str, str | None]:
        return {r[0]: r[1] for r in self._con.execute("SELECT id, outlet FROM articles").fetchall()}

    def replace_entities(self, records: Sequence[dict[str, Any]]) -> None:
        """The resolve stage's result: every entity record, and each mention's entity, in one transaction."""
        con = self._con
        with self._transaction():
            con.execute("DELETE FROM entities")
            self._insert_records("entities", records)
            con.execute("UPDATE mentions SET entity_id = NULL")
            pairs = [(r["id"], m["article"], m["start"], m["end"]) for r in records for m in r["mentions"]]
            if pairs:
                self._temp_rows("_entity_of", "entity_id VARCHAR, article_id VARCHAR, start_char INTEGER, "
                                              "end_char INTEGER", pairs)
                con.execute("UPDATE mentions SET entity_id = e.entity_id FROM _entity_of e "
                            "WHERE mentions.article_id = e.article_id AND mentions.start_char = e.start_char "
                            "AND mentions.end_char = e.end_char")

    # --- reading --------------------------------------------------------------------------------

    def timexes(self, article_id: str) -> list[dict[str, Any]]:
        """The timexes of one article, in text order."""
        cur = self._con.execute(
            "SELECT start_char, end_char, text, value, type, mod, granularity, range_end, anchored, reason "
            "FROM timexes WHERE article_id = ? ORDER BY start_char", [article_id])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def mentions(self, article_id: str | None = None) -> list[Mention]:
        """Every stored mention (or one article's), in article and offset order."""
        where = "WHERE article_id = ? " if article_id is not None else ""
        rows = self._con.execute(
            "SELECT article_id, start_char, end_char, text, type, kb_id, how, role, country, sector, sentence "
            f"FROM mentions {where}ORDER BY article_id, start_char, end_char",
            [article_id] if article_id is not None else []
        ).fetchall()
        return [Mention(article=r[0], start=r[1], end=r[2], text=r[3], type=r[4], kb_id=r[5], how=r[6], role=r[7],
                        country=r[8], sector=r[9], sentence=r[10]) for r in rows]

    def source_done(self, source: str) -> bool:
        """Whether an input of this name (a URL, a feed item's link) is stored with its article."""
        row = self._con.execute("SELECT 1 FROM raw_documents WHERE source = ? AND status = 'done' LIMIT 1",
                                [source]).fetchone()
        return row is not None

    def done_raw_ids(self, reader: str | None = None) -> set[str]:
        """Raw documents stored with their article; with ``reader``, only those that this build read."""
        sql = "SELECT raw_id FROM raw_documents WHERE status = 'done'"
        rows = (self._con.execute(sql).fetchall() if reader is None
                else self._con.execute(sql + " AND reader IS NOT DISTINCT FROM ?", [reader]).fetchall())
        return {r[0] for r in rows}

    def stale_raw_ids(self, reader: str) -> list[str]:
        """Raw documents stored with their article by another build than ``reader`` (or before builds were
        recorded), in the order they were received: a run reads them again."""
        rows = self._con.execute(
            "SELECT raw_id FROM raw_documents WHERE status = 'done' AND reader IS DISTINCT FROM ? "
            "ORDER BY received, raw_id", [reader]).fetchall()
        return [r[0] for r in rows]

    def stale_articles_of(self, raw_ids: Iterable[str], reader: str) -> set[str]:
        """The articles that another build than ``reader`` read from these raw documents, less those that
        ``reader`` has already read from another raw document (two documents the old build read as one article,
        one read again in an earlier batch: its article is this build's now, and stays)."""
        ids = list(raw_ids)
        if not ids:
            return set()
        rows = self._con.execute(
            "SELECT article_id FROM raw_documents WHERE raw_id IN (SELECT unnest(?::VARCHAR[])) "
            "AND article_id IS NOT NULL AND reader IS DISTINCT FROM ? AND article_id NOT IN "
            "(SELECT article_id FROM raw_documents WHERE reader = ? AND article_id IS NOT NULL)",
            [ids, reader, reader]).fetchall()
        return {r[0] for r in rows}

    def raw_documents(self, raw_ids: Sequence[str]) -> Iterator[RawDocument]:
        """The stored raw documents of these ids, as they were received (bytes and declared metadata),
        a few at a time."""
        for i in range(0, len(raw_ids), _RAWS_PER_READ):
            chunk = list(raw_ids[i: i + _RAWS_PER_READ])
            rows = self._con.execute(
                "SELECT source, origin, media, content, declared FROM raw_documents "
                "WHERE raw_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY received, raw_id", [chunk]).fetchall()
            for source, origin, media, content, declared in rows:
                yield RawDocument(source=source, origin=origin, media=media, content=bytes(content),
                                  declared=Declared(**json.loads(declared or "{}")))

    def article_ids_of(self, raw_ids: Iterable[str]) -> dict[str, str]:
        ids = list(raw_ids)
        if not ids:
            return {}
        rows = self._con.execute(
            "SELECT raw_id, article_id FROM raw_documents WHERE raw_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()
        return {r[0]: r[1] for r in rows if r[1] is not None}

    def existing_article_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        if not wanted:
            return set()
        rows = self._con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def count(self, table: str) -> int:
        if table not in _TABLES:
            raise ValueError(f"unknown table {table!r}")
        row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def articles(self, *, inferred: bool = True) -> Iterator[dict[str, Any]]:
        """Every article as a contract record, sorted by id; ``inferred=False``: without the dates the fusion
        stage inferred (its own input)."""
        cur = self._con.execute(
            "SELECT id, source, outlet, title, author, published_value, published_basis, published_reason, "
            "lang, text, dropped, warnings, paragraphs, published_not_before, story, syndicated, inferred "
            "FROM articles ORDER BY id"
        )
        while rows := cur.fetchmany(256):
            for r in rows:
                published: dict[str, Any] = {"value": r[5], "basis": r[6], "reason": r[7], "not_before": r[13]}
                found = json.loads(r[16]) if r[16] else None
                if inferred and found and r[5] is None:
                    # A date from the article's story (fusion stage): basis "inferred", the reason says whence.
                    published = {"value": found["value"], "basis": "inferred", "reason": found["reason"],
                                 "not_before": r[13]}
                yield {
                    "id": r[0], "source": r[1], "outlet": r[2], "title": r[3], "author": r[4],
                    "published": published,
                    "lang": r[8], "text": r[9], "dropped": r[10], "warnings": json.loads(r[11]),
                    "paragraphs": json.loads(r[12]), "story": r[14], "syndicated": r[15],
                }

    def records(self, table: str) -> Iterator[dict[str, Any]]:
        """JSON records of a later stage's table (entities, events, ...), sorted by id."""
        if table not in ("entities", "events", "arms_transfers", "conflicts", "stories"):
            raise ValueError(f"{table!r} holds no JSON records")
        for (record,) in self._con.execute(f"SELECT record FROM {table} ORDER BY id").fetchall():
            yield json.loads(record)

    def sentences(self, article_id: str) -> list[tuple[int, int, int, str]]:
        return [tuple(r) for r in self._con.execute(
            "SELECT idx, start_char, end_char, text FROM sentences WHERE article_id = ? ORDER BY idx",
            [article_id]).fetchall()]

    def errors(self) -> list[IngestError]:
        rows = self._con.execute("SELECT source, stage, code, message FROM ingest_errors ORDER BY source, code")
        return [IngestError(source=r[0], stage=r[1], code=r[2], message=r[3]) for r in rows.fetchall()]

    def last_run(self) -> dict[str, Any] | None:
        row = self._con.execute(
            "SELECT id, version, started, finished, inputs, articles, errors, stages FROM runs "
            "ORDER BY started DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return {"id": row[0], "version": row[1], "started": row[2], "finished": row[3], "inputs": row[4],
                "articles": row[5], "errors": row[6], "stages": json.loads(row[7] or "[]")}


# The tables whose rows are read from one article (``article_id``), replaced when another build reads it again.
_ARTICLE_TABLES = ("sentences", "parses", "mentions", "timexes", "event_mentions", "redated_event_mentions",
                   "redated", "search_text")
_RAWS_PER_READ = 64  # raw documents fetched at once when stored ones are read again (a batch's worth)

_TABLES = {"raw_documents", "articles", "sentences", "parses", "ingest_errors", "runs", "entities", "mentions",
           "timexes", "events", "arms_transfers", "conflicts", "stories", "event_mentions",
           "redated_event_mentions", "lead_vectors", "reviews", "users", "event_index", "search_text",
           "search_postings"}
