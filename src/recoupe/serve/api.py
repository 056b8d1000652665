"""The HTTP API: the record's contract records (shared/contract.md), lists as ``{"items", "next", "total"}``,
filters as query parameters, CSV or Parquet of any filtered list (``format=csv|parquet``), reviews by POST."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Body, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from recoupe import review
from recoupe.dossier.export import csv_text, write_parquet
from recoupe.serve import queries
from recoupe.serve.app import ApiError, ctx, json_response, reader
from recoupe.serve.runs import RunState
from recoupe.serve.security import SESSION_COOKIE, Session, same_token, verify_password

router = APIRouter(prefix="/api")
Con = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]
Limit = Annotated[int | None, Query(description=f"items per page (1 to {queries.MAX_LIMIT}; "
                                                f"default {queries.DEFAULT_LIMIT})")]
Cursor = Annotated[str | None, Query(description="the `next` of the previous page")]
Format = Annotated[Literal["json", "csv", "parquet"], Query(
    description="json: one page; csv or parquet: every item of the filtered list, as a file")]


def download(name: str, records: list[dict[str, Any]], fmt: str) -> Response:
    """The filtered list as the CSV or Parquet file of contract file ``name`` (the export's columns)."""
    if fmt == "csv":
        return Response(csv_text(name, records), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    with tempfile.TemporaryDirectory(prefix="recoupe-serve-") as tmp:
        path = Path(tmp) / f"{name}.parquet"
        write_parquet(path, name, records)
        data = path.read_bytes()
    return Response(data, media_type="application/vnd.apache.parquet",
                    headers={"Content-Disposition": f'attachment; filename="{name}.parquet"'})


def every_page(fetch: Callable[[str | None], queries.Page]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while len(items) < queries.MAX_DOWNLOAD:
        page = fetch(cursor)
        items.extend(page.items)
        if page.next is None:
            break
        cursor = page.next
    return items


def event_filter(
    category: Annotated[str | None, Query(description="VISIT, AGREEMENT, ARMS_TRANSFER...")] = None,
    state: Annotated[str | None, Query(description="ISO 3166-1 alpha-3 of a state among source or recipient")]
    = None,
    actor: Annotated[str | None, Query(description="part of an actor's name (case and accents folded)")] = None,
    entity: Annotated[str | None, Query(description="an entity id among the actors or the place")] = None,
    article: Annotated[str | None, Query(description="an article id among the evidence")] = None,
    date_from: Annotated[str | None, Query(description="earliest start date (YYYY, YYYY-MM or YYYY-MM-DD)")] = None,
    date_to: Annotated[str | None, Query(description="latest start date (YYYY, YYYY-MM or YYYY-MM-DD)")] = None,
    factuality: Annotated[str | None, Query(description="asserted, planned, hypothetical, negated, reported")]
    = None,
    min_sources: Annotated[int | None, Query(ge=0, description="at least this many distinct outlets")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="at least this confidence")] = None,
    review: Annotated[str | None, Query(description="unreviewed, confirmed, rejected or corrected")] = None,
    q: Annotated[str | None, Query(description="text in the quotes (case and accents folded)")] = None,
    sort: Annotated[str, Query(description=", ".join(queries.EVENT_SORTS))] = "date",
) -> queries.EventFilter:
    return queries.EventFilter(category=category, state=state, actor=actor, entity=entity, article=article,
                               date_from=date_from, date_to=date_to, factuality=factuality,
                               min_sources=min_sources, min_confidence=min_confidence, review=review, q=q,
                               sort=sort)


Filter = Annotated[queries.EventFilter, Depends(event_filter)]


@router.get("/events", summary="Events, filtered and sorted")
def list_events(request: Request, con: Con, flt: Filter, limit: Limit = None, cursor: Cursor = None,
                format: Format = "json") -> Response:
    if format != "json":
        return download("events", queries.all_events(con, flt), format)
    return json_response(request, queries.events(con, flt, limit=limit, cursor=cursor).as_dict())


@router.get("/events/{event_id}", summary="One event, with its review history")
def get_event(request: Request, con: Con, event_id: str) -> Response:
    found = queries.event(con, event_id)
    if found is None:
        raise ApiError(404, "not_found", f"no event {event_id}")
    found["review_history"] = review.history(ctx(request).store.reviews(con), "event", found)
    return json_response(request, found)


@router.get("/articles/{article_id}", summary="One article: text, metadata, mentions, events")
def get_article(request: Request, con: Con, article_id: str) -> Response:
    found = queries.article(con, article_id)
    if found is None:
        raise ApiError(404, "not_found", f"no article {article_id}")
    return json_response(request, found)


@router.get("/entities", summary="Entities, most mentioned first")
def list_entities(request: Request, con: Con, type: str | None = None, country: str | None = None,
                  q: Annotated[str | None, Query(description="part of the name or an alias")] = None,
                  limit: Limit = None, cursor: Cursor = None, format: Format = "json") -> Response:
    def fetch(c: str | None, size: int | None = limit) -> queries.Page:
        return queries.entities(con, type=type, country=country, q=q, limit=size, cursor=c)
    if format != "json":
        return download("entities", every_page(lambda c: fetch(c, queries.MAX_LIMIT)), format)
    return json_response(request, fetch(cursor).as_dict())


@router.get("/entities/{entity_id}", summary="One entity")
def get_entity(request: Request, con: Con, entity_id: str) -> Response:
    found = queries.one(con, "entities", entity_id)
    if found is None:
        raise ApiError(404, "not_found", f"no entity {entity_id}")
    return json_response(request, found)


@router.get("/arms", summary="The arms register (SIPRI columns)")
def list_arms(request: Request, con: Con,
              supplier: Annotated[str | None, Query(description="ISO3 of the supplier")] = None,
              recipient: Annotated[str | None, Query(description="ISO3 of the recipient")] = None,
              weapon_category: str | None = None, status: str | None = None,
              sort: Annotated[str, Query(description=", ".join(queries.ARMS_SORTS) + " (-: descending)")]
              = "order_year",
              limit: Limit = None, cursor: Cursor = None, format: Format = "json") -> Response:
    def fetch(c: str | None, size: int | None = limit) -> queries.Page:
        return queries.arms(con, supplier=supplier, recipient=recipient, weapon_category=weapon_category,
                            status=status, sort=sort, limit=size, cursor=c)
    if format != "json":
        return download("arms_transfers", every_page(lambda c: fetch(c, queries.MAX_LIMIT)), format)
    return json_response(request, fetch(cursor).as_dict())


@router.get("/conflicts", summary="Conflicting claims")
def list_conflicts(request: Request, con: Con, field: str | None = None, subject: str | None = None,
                   settled: bool | None = None, limit: Limit = None, cursor: Cursor = None,
                   format: Format = "json") -> Response:
    def fetch(c: str | None, size: int | None = limit) -> queries.Page:
        return queries.conflicts(con, field=field, subject=subject, settled=settled, limit=size, cursor=c)
    if format != "json":
        return download("conflicts", every_page(lambda c: fetch(c, queries.MAX_LIMIT)), format)
    return json_response(request, fetch(cursor).as_dict())


@router.get("/stories", summary="Stories and their coverage")
def list_stories(request: Request, con: Con, outlet: str | None = None, lang: str | None = None,
                 limit: Limit = None, cursor: Cursor = None, format: Format = "json") -> Response:
    def fetch(c: str | None, size: int | None = limit) -> queries.Page:
        return queries.stories(con, outlet=outlet, lang=lang, limit=size, cursor=c)
    if format != "json":
        return download("stories", every_page(lambda c: fetch(c, queries.MAX_LIMIT)), format)
    return json_response(request, fetch(cursor).as_dict())


@router.get("/search", summary="Search article text or quotes (case and accents folded; fr, en, ar)")
def search(request: Request, con: Con, q: Annotated[str, Query(min_length=1, max_length=200)],
           kind: Annotated[Literal["articles", "quotes"], Query()] = "articles",
           limit: Limit = None, cursor: Cursor = None) -> Response:
    return json_response(request, queries.search(con, q, kind=kind, limit=limit, cursor=cursor).as_dict())


@router.get("/reviews", summary="The review log, oldest first")
def list_reviews(request: Request, con: Con, limit: Limit = None, cursor: Cursor = None) -> Response:
    log = ctx(request).store.reviews(con)
    offset, size = int(cursor) if cursor and cursor.isdigit() else 0, limit or queries.DEFAULT_LIMIT
    return json_response(request, {"items": log[offset:offset + size],
                                   "next": str(offset + size) if offset + size < len(log) else None,
                                   "total": len(log)})


# --- signing in and reviewing -------------------------------------------------------------------------------


def reviewer(request: Request, csrf: str | None) -> Session:
    """The signed-in reviewer of a state-changing request, its CSRF token checked."""
    context = ctx(request)
    if not context.allow_review:
        raise ApiError(403, "read_only", "this server is read-only (start it with --allow-review)")
    session = context.session(request)
    if session is None:
        raise ApiError(401, "unauthorized", "sign in first")
    if not same_token(csrf, session.csrf):
        raise ApiError(403, "csrf", "missing or wrong CSRF token")
    return session


def _user_hash(request: Request, name: str) -> str | None:
    """The stored hash of a reviewer, read through a cursor of its own (a background run may be writing)."""
    cur = ctx(request).store.reader()
    try:
        return ctx(request).store.user_hash(name, cur)
    finally:
        cur.close()


def _json_only(request: Request) -> None:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise ApiError(415, "unsupported_media_type", "send application/json")


@router.post("/session", summary="Sign in (returns the CSRF token for the review calls)")
def sign_in(request: Request, name: Annotated[str, Body(max_length=100)],
            password: Annotated[str, Body(max_length=1000)]) -> Response:
    _json_only(request)
    context = ctx(request)
    if not context.allow_review:
        raise ApiError(403, "read_only", "this server is read-only (start it with --allow-review)")
    stored = _user_hash(request, name)
    if stored is None or not verify_password(stored, password):
        raise ApiError(401, "unauthorized", "wrong name or password")
    token, session = context.sessions.open(name)
    response = json_response(request, {"user": name, "csrf": session.csrf})
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict", secure=context.secure_cookies)
    return response


def _review(request: Request, con: Any, kind: str, table: str, record_id: str, action: str, field: str | None,
            value: Any, note: str | None, csrf: str | None) -> dict[str, Any]:
    session = reviewer(request, csrf)
    context = ctx(request)
    with context.writing():
        current = queries.event(con, record_id) if kind == "event" else queries.one(con, table, record_id)
        if current is None:
            raise ApiError(404, "not_found", f"no {kind} {record_id}")
        if kind == "entity" and action == "merge":
            value = queries.one(con, table, str(value)) if isinstance(value, str) and value != record_id else None
            if value is None:
                raise ApiError(400, "bad_review", "merge names another entity that exists")
        try:
            entry = review.make_entry(kind, current, action, session.user, field=field, value=value, note=note)
        except review.ReviewError as exc:
            raise ApiError(400, "bad_review", str(exc)) from None
        if kind == "entity":  # merges and splits reshape several records: the next run applies them
            updated = {**current, "review": {"status": f"{action} pending", "by": entry["by"], "at": entry["at"],
                                             "note": entry["note"], "value": entry["after"]}}
        else:
            updated = review.apply_entry(current, entry)
        context.store.record_review(entry, table, updated)
    return updated


@router.post("/events/{event_id}/review", summary="Confirm, reject, correct or reopen an event")
def review_event(request: Request, con: Con, event_id: str,
                 action: Annotated[str, Body(description=", ".join(review.EVENT_ACTIONS))],
                 field: Annotated[str | None, Body(description="for correct: " + ", ".join(review.CORRECTABLE)
                                                   + " or attributes.NAME")] = None,
                 value: Annotated[Any, Body(description="for correct: the right value")] = None,
                 note: Annotated[str | None, Body(max_length=review.MAX_NOTE_CHARS)] = None) -> Response:
    _json_only(request)
    updated = _review(request, con, "event", "events", event_id, action, field, value, note,
                      request.headers.get("x-csrf-token"))
    return json_response(request, updated)


@router.post("/entities/{entity_id}/review", summary="Merge an entity into another, or split surface forms off it "
             "(applied from the next run of the pipeline on)")
def review_entity(request: Request, con: Con, entity_id: str,
                  action: Annotated[str, Body(description=", ".join(review.ENTITY_ACTIONS))],
                  value: Annotated[Any, Body(description="merge: the id of the entity to merge into; split: the "
                                                         "surface forms to split off")] = None,
                  note: Annotated[str | None, Body(max_length=review.MAX_NOTE_CHARS)] = None) -> Response:
    _json_only(request)
    updated = _review(request, con, "entity", "entities", entity_id, action, None, value, note,
                      request.headers.get("x-csrf-token"))
    return json_response(request, updated)


@router.post("/conflicts/{conflict_id}/review", summary="Settle (with a note) or reopen a conflict")
def review_conflict(request: Request, con: Con, conflict_id: str,
                    action: Annotated[str, Body(description=", ".join(review.CONFLICT_ACTIONS))],
                    value: Annotated[Any, Body(description="the claim that holds")] = None,
                    note: Annotated[str | None, Body(max_length=review.MAX_NOTE_CHARS)] = None) -> Response:
    _json_only(request)
    updated = _review(request, con, "conflict", "conflicts", conflict_id, action, None, value, note,
                      request.headers.get("x-csrf-token"))
    return json_response(request, updated)


# --- new inputs ------------------------------------------------------------------------------------------------


async def start_run(request: Request, files: list[UploadFile], urls: str | None, csrf: str | None) -> RunState:
    """Start a background run of uploaded files and URLs (one per line) for the signed-in reviewer."""
    reviewer(request, csrf)
    runner = ctx(request).runner
    assert runner is not None
    contents: list[tuple[str | None, bytes]] = [(f.filename, await f.read()) for f in files if f.filename]
    url_list = [u.strip() for u in (urls or "").splitlines() if u.strip() and not u.strip().startswith("#")]
    return runner.start(contents, url_list)


@router.post("/runs", summary="Run uploaded files or URLs through the pipeline, in the background", status_code=202)
async def post_run(request: Request, files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
                   urls: Annotated[str | None, Form(description="URLs, one per line")] = None) -> Response:
    state = await start_run(request, files, urls, request.headers.get("x-csrf-token"))
    return json_response(request, state.as_dict(), status=202)


@router.get("/runs", summary="The server's runs, latest first")
def list_runs(request: Request) -> Response:
    runner = ctx(request).runner
    items = sorted((r.as_dict() for r in (runner.runs.values() if runner else [])), key=lambda r: -r["started"])
    return json_response(request, {"items": items, "next": None, "total": len(items)})


@router.get("/runs/{run_id}", summary="One run and its progress")
def get_run(request: Request, run_id: str) -> Response:
    runner = ctx(request).runner
    state = runner.runs.get(run_id) if runner else None
    if state is None:
        raise ApiError(404, "not_found", f"no run {run_id}")
    return json_response(request, state.as_dict())
