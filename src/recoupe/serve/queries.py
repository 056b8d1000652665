"""Read queries of the record for the server: filters, sorting and pages over the store's tables.

Every function takes a DuckDB cursor of its own (``Store.reader()``) and only reads. Events are filtered and
sorted on the flat ``event_index`` (store_serving), then their records are fetched by primary key.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from typing import Any

import duckdb

from recoupe.store_serving import FOLD_SQL, WORD_SPLIT

# The most items one page of a list may hold (``limit``); the default page.
MAX_LIMIT = 500
DEFAULT_LIMIT = 50
# The most rows a CSV or Parquet download of a filtered list holds.
MAX_DOWNLOAD = 500_000

EVENT_SORTS = {
    "date": "date_start DESC NULLS LAST, id", "-date": "date_start ASC NULLS LAST, id",
    "sources": "n_sources DESC NULLS LAST, id", "confidence": "confidence DESC NULLS LAST, id",
    "category": "category, date_start DESC NULLS LAST, id", "id": "id",
}
REVIEW_STATES = ("unreviewed", "confirmed", "rejected", "corrected")


class BadQuery(ValueError):
    """A filter or cursor the server cannot read (a 400 for the client)."""


# Every combining mark of the Basic Multilingual Plane, and the tatweel: what folding drops after NFD.
_DROP = dict.fromkeys([c for c in range(0x10000) if unicodedata.combining(chr(c))] + [0x0640])


def fold(text: str) -> str:
    """Python's twin of ``FOLD_SQL``: lower case, combining marks dropped after NFD, tatweel removed."""
    return unicodedata.normalize("NFD", text.lower()).translate(_DROP)


def folded_find(text: str, query: str) -> tuple[int, int] | None:
    """Where ``query`` occurs in ``text`` with case and accents folded, as offsets of ``text``; None if not."""
    if not query:
        return None
    folded, wanted = fold(text), fold(query)
    if len(folded) == len(text):  # folding kept one character for one (Latin text): offsets carry over
        at = folded.find(wanted)
        return (at, at + len(wanted)) if at >= 0 and wanted else None
    chars: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        for f in fold(c):
            chars.append(f)
            origin.append(i)
    at = "".join(chars).find(fold(query))
    if at < 0 or not query:
        return None
    end = at + len(fold(query)) - 1
    return origin[at], origin[end] + 1


def _cursor(value: str | None) -> int:
    if value is None or value == "":
        return 0
    if not value.isdigit() or len(value) > 12:
        raise BadQuery(f"bad cursor {value!r}")
    return int(value)


def _limit(value: int | None) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if not 1 <= value <= MAX_LIMIT:
        raise BadQuery(f"limit is between 1 and {MAX_LIMIT}")
    return value


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    next: str | None
    total: int

    def as_dict(self) -> dict[str, Any]:
        return {"items": self.items, "next": self.next, "total": self.total}


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    category: str | None = None
    state: str | None = None
    actor: str | None = None
    entity: str | None = None
    article: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    factuality: str | None = None
    min_sources: int | None = None
    min_confidence: float | None = None
    review: str | None = None
    q: str | None = None
    sort: str = "date"

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.category:
            clauses.append("category = ?")
            params.append(self.category.upper())
        if self.state:
            clauses.append("contains(states, ?)")
            params.append(f" {self.state.upper()} ")
        if self.entity:
            clauses.append("contains(entities, ?)")
            params.append(f" {self.entity} ")
        if self.article:
            clauses.append("contains(articles, ?)")
            params.append(f" {self.article} ")
        if self.actor:
            clauses.append(f"contains(actors, {FOLD_SQL.format('?')})")
            params.append(self.actor)
        if self.q:
            clauses.append(f"contains(quotes, {FOLD_SQL.format('?')})")
            params.append(self.q)
        if self.date_from:
            clauses.append("date_start >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("date_start <= ?")
            params.append(self.date_to + "\uffff")
        if self.factuality:
            clauses.append("factuality = ?")
            params.append(self.factuality)
        if self.min_sources is not None:
            clauses.append("n_sources >= ?")
            params.append(self.min_sources)
        if self.min_confidence is not None:
            clauses.append("confidence >= ?")
            params.append(self.min_confidence)
        if self.review:
            if self.review not in REVIEW_STATES:
                raise BadQuery(f"review is one of {', '.join(REVIEW_STATES)}")
            clauses.append("review = ?")
            params.append(self.review)
        if self.sort not in EVENT_SORTS:
            raise BadQuery(f"sort is one of {', '.join(EVENT_SORTS)}")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _event_out(record: dict[str, Any]) -> dict[str, Any]:
    record.setdefault("review", None)
    record.setdefault("confidence", None)
    if "articles" not in record:
        record["articles"] = sorted({m["article"] for m in record.get("mentions", [])})
    return record


def records_by_id(con: duckdb.DuckDBPyConnection, table: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    if table not in ("events", "entities", "conflicts", "stories", "arms_transfers") or not ids:
        return {}
    rows = con.execute(f"SELECT id, record FROM {table} WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                       [ids]).fetchall()
    return {r[0]: json.loads(r[1]) for r in rows}


def events(con: duckdb.DuckDBPyConnection, flt: EventFilter, *, limit: int | None = None,
           cursor: str | None = None) -> Page:
    where, params = flt.where()
    offset, size = _cursor(cursor), _limit(limit)
    ids = [r[0] for r in con.execute(
        f"SELECT id FROM event_index{where} ORDER BY {EVENT_SORTS[flt.sort]} LIMIT ? OFFSET ?",
        [*params, size, offset]).fetchall()]
    row = con.execute(f"SELECT count(*) FROM event_index{where}", params).fetchone()
    total = int(row[0]) if row else 0
    found = records_by_id(con, "events", ids)
    items = [_event_out(found[i]) for i in ids if i in found]
    return Page(items, str(offset + size) if offset + size < total else None, total)


def all_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[dict[str, Any]]:
    where, params = flt.where()
    rows = con.execute(
        f"SELECT e.record FROM event_index JOIN events e USING (id){where} ORDER BY {EVENT_SORTS[flt.sort]} LIMIT ?",
        [*params, MAX_DOWNLOAD]).fetchall()
    return [_event_out(json.loads(r[0])) for r in rows]


def timeline(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[tuple[str, int]]:
    """Events of the filtered set per month (dated to a month at least), in time order."""
    where, params = flt.where()
    extra = (" AND " if where else " WHERE ") + "length(date_start) >= 7 AND substr(date_start, 6, 1) <> 'S'"
    rows = con.execute(f"SELECT substr(date_start, 1, 7) AS m, count(*) FROM event_index{where}{extra} "
                       "GROUP BY m ORDER BY m", params).fetchall()
    return [(r[0], int(r[1])) for r in rows]


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    found = records_by_id(con, "events", [event_id])
    return _event_out(found[event_id]) if event_id in found else None


def one(con: duckdb.DuckDBPyConnection, table: str, record_id: str) -> dict[str, Any] | None:
    return records_by_id(con, table, [record_id]).get(record_id)


_ARTICLE_COLUMNS = ("id, source, outlet, title, author, published_value, published_basis, published_reason, lang, "
                    "text, dropped, warnings, published_not_before, story, syndicated, inferred")


def _article_record(r: tuple[Any, ...]) -> dict[str, Any]:
    published: dict[str, Any] = {"value": r[5], "basis": r[6], "reason": r[7], "not_before": r[12]}
    found = json.loads(r[15]) if r[15] else None
    if found and r[5] is None:  # dated from its story by the fusion stage (as Store.articles says it)
        published = {"value": found["value"], "basis": "inferred", "reason": found["reason"], "not_before": r[12]}
    return {"id": r[0], "source": r[1], "outlet": r[2], "title": r[3], "author": r[4], "published": published,
            "lang": r[8], "text": r[9], "dropped": r[10], "warnings": json.loads(r[11]), "story": r[13],
            "syndicated": r[14]}


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    row = con.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    record = _article_record(row)
    record["events"] = [r[0] for r in con.execute(
        "SELECT id FROM event_index WHERE contains(articles, ?) ORDER BY id", [f" {article_id} "]).fetchall()]
    record["mentions"] = [
        {"start": r[0], "end": r[1], "text": r[2], "type": r[3], "entity": r[4], "role": r[5]}
        for r in con.execute("SELECT start_char, end_char, text, type, entity_id, role FROM mentions "
                             "WHERE article_id = ? ORDER BY start_char", [article_id]).fetchall()]
    return record


def article_heads(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Outlet, title, date and language of these articles, by id."""
    if not ids:
        return {}
    rows = con.execute("SELECT id, outlet, title, coalesce(published_value, inferred->>'$.value'), lang "
                       "FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()
    return {r[0]: {"id": r[0], "outlet": r[1], "title": r[2], "published": r[3], "lang": r[4]} for r in rows}


def _json_list(con: duckdb.DuckDBPyConnection, table: str, where: list[str], params: list[Any], order: str,
               limit: int | None, cursor: str | None) -> Page:
    offset, size = _cursor(cursor), _limit(limit)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = con.execute(f"SELECT record FROM {table}{clause} ORDER BY {order} LIMIT ? OFFSET ?",
                       [*params, size, offset]).fetchall()
    row = con.execute(f"SELECT count(*) FROM {table}{clause}", params).fetchone()
    total = int(row[0]) if row else 0
    return Page([json.loads(r[0]) for r in rows], str(offset + size) if offset + size < total else None, total)


def entities(con: duckdb.DuckDBPyConnection, *, type: str | None = None, country: str | None = None,
             q: str | None = None, limit: int | None = None, cursor: str | None = None) -> Page:
    where: list[str] = []
    params: list[Any] = []
    if type:
        where.append("record->>'$.type' = ?")
        params.append(type.upper())
    if country:
        where.append("record->>'$.country' = ?")
        params.append(country.upper())
    if q:
        names = ("' | ' || (record->>'$.name') || ' | ' || "
                 "array_to_string(json_extract_string(record, '$.aliases[*]'), ' | ')")
        where.append(f"contains({FOLD_SQL.format(names)}, {FOLD_SQL.format('?')})")
        params.append(q)
    return _json_list(con, "entities", where, params,
                      "json_array_length(record->'$.mentions') DESC, id", limit, cursor)


ARMS_SORTS = {
    "designation": "record->>'$.designation'", "supplier": "record->>'$.supplier.name'",
    "recipient": "record->>'$.recipient.name'", "weapon_category": "record->>'$.weapon_category'",
    "number_ordered": "TRY_CAST(record->>'$.number_ordered' AS BIGINT)",
    "order_year": "TRY_CAST(record->>'$.order_year' AS INTEGER)", "status": "record->>'$.status'",
}


def arms(con: duckdb.DuckDBPyConnection, *, supplier: str | None = None, recipient: str | None = None,
         weapon_category: str | None = None, status: str | None = None, sort: str = "order_year",
         limit: int | None = None, cursor: str | None = None) -> Page:
    where: list[str] = []
    params: list[Any] = []
    for path, value in (("$.supplier.country", supplier), ("$.recipient.country", recipient),
                        ("$.weapon_category", weapon_category), ("$.status", status)):
        if value:
            where.append(f"record->>'{path}' = ?")
            params.append(value.upper() if path.endswith("country") else value)
    key, descending = sort.removeprefix("-"), sort.startswith("-")
    if key not in ARMS_SORTS:
        raise BadQuery(f"sort is one of {', '.join(ARMS_SORTS)} (with - for descending)")
    order = f"{ARMS_SORTS[key]} {'DESC' if descending else 'ASC'} NULLS LAST, id"
    return _json_list(con, "arms_transfers", where, params, order, limit, cursor)


def conflicts(con: duckdb.DuckDBPyConnection, *, field: str | None = None, subject: str | None = None,
              settled: bool | None = None, limit: int | None = None, cursor: str | None = None) -> Page:
    where: list[str] = []
    params: list[Any] = []
    if field:
        where.append("record->>'$.field' = ?")
        params.append(field)
    if subject:
        where.append("record->>'$.subject' = ?")
        params.append(subject)
    if settled is not None:
        where.append(f"coalesce(record->>'$.review.status', '') {'=' if settled else '<>'} 'settled'")
    return _json_list(con, "conflicts", where, params, "id", limit, cursor)


def stories(con: duckdb.DuckDBPyConnection, *, outlet: str | None = None, lang: str | None = None,
            limit: int | None = None, cursor: str | None = None) -> Page:
    where: list[str] = []
    params: list[Any] = []
    if outlet:
        where.append("list_contains(json_extract_string(record, '$.outlets[*]'), ?)")
        params.append(outlet)
    if lang:
        where.append("list_contains(json_extract_string(record, '$.languages[*]'), ?)")
        params.append(lang)
    return _json_list(con, "stories", where, params,
                      "json_array_length(record->'$.articles') DESC, id", limit, cursor)


def _matching_sql(con: duckdb.DuckDBPyConnection, q: str) -> tuple[str, list[Any]] | None:
    """SQL selecting the ids of the articles holding every word of ``q`` (whole words, folded; from the postings)
    and, for a query of several words or with punctuation, holding it as written (folded) too; None when ``q``
    has no word."""
    row = con.execute(f"SELECT {FOLD_SQL.format('?')}, regexp_split_to_array({FOLD_SQL.format('?')}, "
                      f"'{WORD_SPLIT}')", [q, q]).fetchone()
    folded = str(row[0]).strip() if row else ""
    tokens = list(dict.fromkeys(t for t in (row[1] if row else []) if t))
    if not tokens:
        return None
    sql = ("SELECT id FROM (SELECT unnest(articles) AS id, token FROM search_postings "
           "WHERE token IN (SELECT unnest(?::VARCHAR[]))) GROUP BY id HAVING count(DISTINCT token) = ?")
    params: list[Any] = [tokens, len(tokens)]
    if folded != tokens[0]:
        sql = f"SELECT article_id AS id FROM search_text WHERE article_id IN ({sql}) AND contains(folded, ?)"
        params.append(folded)
    return sql, params


# Characters of context on each side of a search hit in its snippet.
SNIPPET_CHARS = 80


def search(con: duckdb.DuckDBPyConnection, q: str, *, kind: str = "articles", limit: int | None = None,
           cursor: str | None = None) -> Page:
    """Articles whose text holds the words of ``q`` (kind "articles"; whole words, as a phrase when there are
    several), or events whose quotes hold it (kind "quotes"; any substring), with case and accents folded."""
    if not q.strip():
        raise BadQuery("q is empty")
    offset, size = _cursor(cursor), _limit(limit)
    items: list[dict[str, Any]] = []
    if kind == "articles":
        match = _matching_sql(con, q)
        found = con.execute(
            f"SELECT id, count(*) OVER () FROM articles WHERE id IN ({match[0]}) "
            "ORDER BY published_value DESC NULLS LAST, id LIMIT ? OFFSET ?", [*match[1], size, offset]
        ).fetchall() if match else []
        row = (found[0][1],) if found else (con.execute(f"SELECT count(*) FROM ({match[0]})", match[1]).fetchone()
                                            if match else (0,))
        ids = [r[0] for r in found]
        texts = {r[0]: r for r in con.execute(
            "SELECT id, text, outlet, title, coalesce(published_value, inferred->>'$.value'), lang FROM articles "
            "WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()} if ids else {}
        for r in (texts[i] for i in ids if i in texts):
            span = folded_find(r[1], q) or (0, 0)
            lo, hi = max(0, span[0] - SNIPPET_CHARS), min(len(r[1]), span[1] + SNIPPET_CHARS)
            items.append({"kind": "article", "article": r[0], "outlet": r[2], "title": r[3], "published": r[4],
                          "lang": r[5], "start": span[0], "end": span[1], "before": r[1][lo:span[0]],
                          "match": r[1][span[0]:span[1]], "after": r[1][span[1]:hi]})
    elif kind == "quotes":
        page = events(con, EventFilter(q=q), limit=size, cursor=cursor)
        for e in page.items:
            for m in e.get("mentions", []):
                hit = folded_find(m["quote"], q)
                if hit:
                    items.append({"kind": "quote", "event": e["id"], "category": e.get("category"),
                                  "article": m["article"], "start": m["start"], "end": m["end"],
                                  "quote": m["quote"], "match": [hit[0], hit[1]]})
        return Page(items, page.next, page.total)
    else:
        raise BadQuery("kind is articles or quotes")
    total = int(row[0]) if row else 0
    return Page(items, str(offset + size) if offset + size < total else None, total)


def overview(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    counts = {}
    for table in ("articles", "events", "entities", "arms_transfers", "conflicts", "stories"):
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    reviewed = dict(con.execute("SELECT review, count(*) FROM event_index GROUP BY review").fetchall())
    latest = events(con, EventFilter(), limit=10).items
    open_conflicts = conflicts(con, settled=False, limit=10).items
    return {"counts": counts, "reviews": reviewed, "latest": latest, "conflicts": open_conflicts}
