"""The store's tables for serving the record (``recoupe serve``): the flat event index, the folded article text
for search, the analyst's review log and the reviewer accounts. Part of the store (``store.Store`` inherits
this class): still the only code that writes the database.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

import duckdb


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# Text folding for search, the same in SQL for the stored text and for the query: lower case, accents and Arabic
# vowel marks and hamza carriers stripped (NFD, combining marks dropped), tatweel removed.
FOLD_SQL = "replace(strip_accents(lower({})), '\u0640', '')"

# What separates the words of folded text for the search postings: anything but a letter or a digit (any script).
WORD_SPLIT = "[^\\pL\\pN]+"

# The flat index of the events (one row per event), for filtering and sorting without parsing each record.
_ACTOR_LISTS = ("source", "recipient", "participants")
_EVENT_INDEX_SELECT = (
    "SELECT id, record->>'$.category', record->>'$.date.start', record->>'$.date.end', record->>'$.factuality', "
    "TRY_CAST(record->>'$.n_sources' AS INTEGER), TRY_CAST(record->>'$.confidence' AS DOUBLE), "
    "coalesce(record->>'$.review.status', 'unreviewed'), "
    + FOLD_SQL.format("array_to_string(flatten([" + ", ".join(
        f"coalesce(json_extract_string(record, '$.{k}[*].name'), [])" for k in _ACTOR_LISTS) + "]), ' | ')") + ", "
    "' ' || array_to_string(list_sort(list_distinct(flatten([" + ", ".join(
        f"coalesce(json_extract_string(record, '$.{k}[*].country'), [])" for k in _ACTOR_LISTS[:2]) + "]))), ' ') "
    "|| ' ', "
    "' ' || array_to_string(list_sort(list_distinct(flatten([" + ", ".join(
        f"coalesce(json_extract_string(record, '$.{k}[*].entity'), [])" for k in _ACTOR_LISTS)
    + ", coalesce([record->>'$.event_loc.entity'], [])]))), ' ') || ' ', "
    "' ' || array_to_string(list_sort(list_distinct(coalesce("
    "json_extract_string(record, '$.mentions[*].article'), []))), ' ') || ' ', "
    + FOLD_SQL.format("array_to_string(coalesce(json_extract_string(record, '$.mentions[*].quote'), []), ' | ')")
    + " FROM events"
)

# Events indexed by one statement: DuckDB holds what the JSON paths of a statement's rows parsed until the statement
# ends, so the whole store's events in one statement grew with the store (4,540 events of bench_memory.py: 150 MB
# above the store; 256 at a time: 30 MB, and under a second slower). Re-measure with bench/bench_memory.py if changed.
INDEX_CHUNK = 256
# Articles folded for search by one statement (the postings of a whole store at once are a large aggregate, held
# while the fusion's data is); same postings in any chunk size. Re-measure with bench/bench_memory.py if changed.
FOLD_CHUNK = 2000

class ServingTables:
    """The serving half of ``Store``: needs its connection."""

    _con: duckdb.DuckDBPyConnection

    def _transaction(self) -> AbstractContextManager[None]:  # Store's: DuckDB errors become one-line StoreErrors
        raise NotImplementedError

    def _index_events(self, ids: Sequence[str] | None = None) -> None:
        """Rebuild the event index (of these events only, when given), inside the caller's transaction,
        INDEX_CHUNK events a statement."""
        if ids is None:
            self._con.execute("DELETE FROM event_index")
            ids = [r[0] for r in self._con.execute("SELECT id FROM events ORDER BY id").fetchall()]
        else:
            ids = list(ids)
            self._con.execute("DELETE FROM event_index WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        insert = f"INSERT INTO event_index {_EVENT_INDEX_SELECT} WHERE id IN (SELECT unnest(?::VARCHAR[]))"
        for k in range(0, len(ids), INDEX_CHUNK):
            self._con.execute(insert, [ids[k:k + INDEX_CHUNK]])

    def prepare_serving(self) -> None:
        """Bring the serving tables up to date: the folded text of every article not yet indexed for search,
        and the event index when it lags the events (a store filled before schema 7)."""
        con = self._con
        with self._transaction():
            self._fold_new_articles()
            counts = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_index)").fetchone()
            if counts is not None and counts[0] != counts[1]:
                self._index_events()

    def _fold_new_articles(self) -> None:
        """The folded text and the word postings of the articles not yet indexed for search (inside the caller's
        transaction). An article read again is taken out of the postings first (Store._forget_articles)."""
        con = self._con
        con.execute("CREATE TEMP TABLE IF NOT EXISTS _to_fold (id VARCHAR)")
        # FOLD_CHUNK articles a statement, in id order: a token's new ids are appended chunk after chunk, sorted as
        # one statement sorted them
        ids = [r[0] for r in con.execute("SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM search_text) "
                                         "ORDER BY id").fetchall()]
        for k in range(0, len(ids), FOLD_CHUNK):
            con.execute("DELETE FROM _to_fold")
            con.execute("INSERT INTO _to_fold SELECT unnest(?::VARCHAR[])", [ids[k:k + FOLD_CHUNK]])
            con.execute(f"INSERT INTO search_text SELECT id, {FOLD_SQL.format('text')} FROM articles "
                        "WHERE id IN (SELECT id FROM _to_fold)")
            con.execute(
                "INSERT INTO search_postings SELECT token, list(article_id ORDER BY article_id) FROM ("
                f"SELECT DISTINCT article_id, unnest(regexp_split_to_array(folded, '{WORD_SPLIT}')) AS token "
                "FROM search_text WHERE article_id IN (SELECT id FROM _to_fold)) WHERE token <> '' GROUP BY token "
                "ON CONFLICT (token) DO UPDATE SET articles = list_concat(search_postings.articles, excluded.articles)")

    def reader(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for one reader (one thread) of this store; it never writes."""
        return self._con.cursor()

    def record_review(self, entry: dict[str, Any], table: str, record: dict[str, Any]) -> int:
        """Append one entry to the review log and store the reviewed record in its table, in one transaction;
        returns the entry's sequence number. The log is append-only: nothing updates or deletes its rows."""
        if table not in ("events", "conflicts", "entities"):
            raise ValueError(f"{table!r} is not reviewed")
        con = self._con
        with self._transaction():
            row = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM reviews").fetchone()
            seq = int(row[0]) if row else 1
            con.execute(
                "INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [seq, datetime.fromisoformat(str(entry["at"]).removesuffix("Z")), entry["by"], entry["kind"],
                 entry["action"], entry["subject"],
                 json.dumps(entry["anchor"], ensure_ascii=False), entry.get("field"),
                 json.dumps(entry.get("before"), ensure_ascii=False),
                 json.dumps(entry.get("after"), ensure_ascii=False),
                 entry.get("note")])
            con.execute(f"UPDATE {table} SET record = ? WHERE id = ?",
                        [json.dumps(record, ensure_ascii=False), record["id"]])
            if table == "events":
                self._index_events([record["id"]])
        return seq

    def reviews(self, con: duckdb.DuckDBPyConnection | None = None) -> list[dict[str, Any]]:
        """The review log, oldest first (read through ``con``, a reader's cursor, when given)."""
        cur = (con or self._con).execute("SELECT seq, stamp, reviewer, kind, action, subject, anchor, field, "
                                         "before, after, note FROM reviews ORDER BY seq")
        return [{"seq": r[0], "at": r[1].isoformat(timespec="seconds") + "Z", "by": r[2], "kind": r[3],
                 "action": r[4], "subject": r[5], "anchor": json.loads(r[6]), "field": r[7],
                 "before": json.loads(r[8]) if r[8] is not None else None,
                 "after": json.loads(r[9]) if r[9] is not None else None, "note": r[10]} for r in cur.fetchall()]

    def add_user(self, name: str, password_hash: str) -> None:
        """Create a reviewer account, or set a new password hash for an existing one."""
        self._con.execute("INSERT INTO users VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET hash = excluded.hash",
                          [name, password_hash, _now()])

    def user_hash(self, name: str, con: duckdb.DuckDBPyConnection | None = None) -> str | None:
        row = (con or self._con).execute("SELECT hash FROM users WHERE name = ?", [name]).fetchone()
        return str(row[0]) if row else None

    def user_names(self) -> list[str]:
        return [r[0] for r in self._con.execute("SELECT name FROM users ORDER BY name").fetchall()]

