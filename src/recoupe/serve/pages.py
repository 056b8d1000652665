"""The server-rendered pages. Every string from the press or the store goes through Jinja2's autoescaping (never
``|safe``); links are built from ids and our own paths, never from article text; an article's source becomes a
link only when it is an http(s) URL."""

from __future__ import annotations

import itertools
import json
import secrets
from collections import defaultdict
from typing import Annotated, Any
from urllib.parse import urlencode, urlparse

import duckdb
from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from recoupe import review
from recoupe.serve import queries
from recoupe.serve.api import Filter, _review, _user_hash, start_run
from recoupe.serve.app import ApiError, ctx, reader
from recoupe.serve.security import LOGIN_COOKIE, SESSION_COOKIE, same_token, verify_password

router = APIRouter(include_in_schema=False)
Con = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]
# Width and height of the timeline drawn on the events page (SVG user units).
TIMELINE_W, TIMELINE_H = 900, 80
# The longest span the timeline draws month by month (empty months included); longer, only months with events.
TIMELINE_MAX_MONTHS = 600


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    context = ctx(request)
    session = context.session(request)
    page = context.templates.get_template(template).render(
        request_path=request.url.path, user=session.user if session else None,
        csrf=session.csrf if session else None, allow_review=context.allow_review, **values)
    return HTMLResponse(page, status_code=status)


def safe_link(source: str | None) -> str | None:
    """The article's source as a link target, only when it is an http(s) URL."""
    if not source:
        return None
    parsed = urlparse(source.strip())
    return source.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def _page_links(request: Request, page: queries.Page) -> dict[str, str | None]:
    params = dict(request.query_params)
    params.pop("cursor", None)
    nxt = f"?{urlencode({**params, 'cursor': page.next})}" if page.next else None
    first = f"?{urlencode(params)}" if request.query_params.get("cursor") else None
    return {"next": nxt, "first": first}


def segments(text: str, marks: list[tuple[int, int, str, str | None]]) -> list[dict[str, Any]]:
    """The text cut at every mark's bounds; each piece with the classes (and the first target) covering it.
    ``marks`` are (start, end, class, target id)."""
    cuts = {0, len(text)}
    for start, end, _, _ in marks:
        if 0 <= start < end <= len(text):
            cuts.update((start, end))
    bounds = sorted(cuts)
    out = []
    for lo, hi in itertools.pairwise(bounds):
        covering = [m for m in marks if m[0] <= lo and hi <= m[1]]
        classes = sorted({m[2] for m in covering})
        target = next((m[3] for m in covering if m[3]), None)
        out.append({"text": text[lo:hi], "classes": " ".join(classes), "target": target, "start": lo})
    return out


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out: list[str] = []
    while f"{year:04d}-{month:02d}" <= last and len(out) <= TIMELINE_MAX_MONTHS:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def timeline_bars(counts: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """One bar per month from the first to the last month with an event (empty months included)."""
    if not counts:
        return []
    known = dict(counts)
    span = _month_range(counts[0][0], counts[-1][0])
    months = [(m, known.get(m, 0)) for m in span] if len(span) <= TIMELINE_MAX_MONTHS else counts
    top = max(n for _, n in months)
    width = TIMELINE_W / len(months)
    return [{"x": round(i * width, 1), "w": round(max(width - 1, 1), 1), "h": round(TIMELINE_H * n / top, 1),
             "y": round(TIMELINE_H - TIMELINE_H * n / top, 1), "month": m, "n": n}
            for i, (m, n) in enumerate(months)]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, con: Con) -> Response:
    return render(request, "index.html", data=queries.overview(con))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, con: Con, flt: Filter, cursor: str | None = None) -> Response:
    page = queries.events(con, flt, cursor=cursor)
    query = {k: v for k, v in request.query_params.items() if k != "cursor" and v}
    return render(request, "events.html", page=page, flt=flt, links=_page_links(request, page),
                  bars=timeline_bars(queries.timeline(con, flt)), tw=TIMELINE_W, th=TIMELINE_H,
                  categories=review.CATEGORIES, factualities=review.FACTUALITY, states=queries.REVIEW_STATES,
                  sorts=list(queries.EVENT_SORTS), query=urlencode(query))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, con: Con, event_id: str) -> Response:
    event = queries.event(con, event_id)
    if event is None:
        raise ApiError(404, "not_found", f"no event {event_id}")
    heads = queries.article_heads(con, sorted({m["article"] for m in event.get("mentions", [])}))
    conflicts = [c for c in (queries.one(con, "conflicts", cid) for cid in event.get("conflicts", [])) if c]
    log = review.history(ctx(request).store.reviews(con), "event", event)
    return render(request, "event.html", e=event, heads=heads, conflicts=conflicts, history=log,
                  correctable=review.CORRECTABLE, categories=review.CATEGORIES, factualities=review.FACTUALITY)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, con: Con, article_id: str,
                 hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None) -> Response:
    article = queries.article(con, article_id)
    if article is None:
        raise ApiError(404, "not_found", f"no article {article_id}")
    marks: list[tuple[int, int, str, str | None]] = [
        (m["start"], m["end"], "ent", None) for m in article["mentions"]]
    events = queries.records_by_id(con, "events", article["events"])
    for e in events.values():
        for m in e.get("mentions", []):
            if m["article"] == article_id:
                marks.append((m["start"], m["end"], "ev", e["id"]))
    highlight = None
    if hl:
        start, end = (int(x) for x in hl.split("-"))
        if 0 <= start < end <= len(article["text"]):
            marks.append((start, end, "hl", None))
            highlight = start
    return render(request, "article.html", a=article, segs=segments(article["text"], marks), highlight=highlight,
                  link=safe_link(article["source"]), events=[events[i] for i in article["events"] if i in events])


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, con: Con, type: str | None = None, country: str | None = None,
                  q: str | None = None, cursor: str | None = None) -> Response:
    page = queries.entities(con, type=type, country=country, q=q, cursor=cursor)
    return render(request, "entities.html", page=page, links=_page_links(request, page), type=type,
                  country=country, q=q)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, con: Con, entity_id: str) -> Response:
    entity = queries.one(con, "entities", entity_id)
    if entity is None:
        raise ApiError(404, "not_found", f"no entity {entity_id}")
    heads = queries.article_heads(con, sorted({m["article"] for m in entity.get("mentions", [])}))
    roles: dict[str, list[str | None]] = defaultdict(list)
    for m in entity.get("mentions", []):
        if m.get("role"):
            roles[m["role"]].append((heads.get(m["article"]) or {}).get("published"))
    forms: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in entity.get("mentions", []):
        forms[m["text"]].append(m)
    page = queries.events(con, queries.EventFilter(entity=entity_id), limit=100)
    conflicts = [c for c in (queries.one(con, "conflicts", cid) for cid in entity.get("conflicts", [])) if c]
    return render(request, "entity.html", ent=entity, heads=heads,
                  roles=sorted(((r, sorted(d for d in ds if d)) for r, ds in roles.items()),
                               key=lambda x: x[1][0] if x[1] else ""),
                  forms=sorted(forms.items()), events=page, conflicts=conflicts)


@router.get("/arms", response_class=HTMLResponse)
def arms_page(request: Request, con: Con, sort: str = "order_year", cursor: str | None = None) -> Response:
    page = queries.arms(con, sort=sort, cursor=cursor)
    return render(request, "arms.html", page=page, links=_page_links(request, page), sort=sort,
                  sorts=list(queries.ARMS_SORTS))


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, con: Con, cursor: str | None = None) -> Response:
    page = queries.conflicts(con, cursor=cursor)
    return render(request, "conflicts.html", page=page, links=_page_links(request, page))


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, con: Con, cursor: str | None = None) -> Response:
    page = queries.stories(con, cursor=cursor)
    return render(request, "stories.html", page=page, links=_page_links(request, page))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, con: Con, q: Annotated[str, Query(max_length=200)] = "") -> Response:
    found = quotes = None
    if q.strip():
        found = queries.search(con, q, limit=50)
        quotes = queries.search(con, q, kind="quotes", limit=20)
    return render(request, "search.html", q=q, found=found, quotes=quotes)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> Response:
    """The OpenAPI description, rendered here (no outside script)."""
    spec = request.app.openapi()
    return render(request, "docs.html", spec=spec)


# --- forms: sign in, sign out, review -------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> Response:
    if not ctx(request).allow_review:
        raise ApiError(403, "read_only", "this server is read-only (start it with --allow-review)")
    token = secrets.token_urlsafe(24)
    response = render(request, "login.html", token=token, next=_local(next), failed=False)
    response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=ctx(request).secure_cookies)
    return response


def _local(path: str) -> str:
    """A redirect target on this server only."""
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else "/"


@router.post("/login")
def login(request: Request, name: Annotated[str, Form(max_length=100)],
          password: Annotated[str, Form(max_length=1000)], csrf_token: Annotated[str, Form()],
          next: Annotated[str, Form()] = "/") -> Response:
    context = ctx(request)
    if not context.allow_review:
        raise ApiError(403, "read_only", "this server is read-only (start it with --allow-review)")
    if not same_token(csrf_token, request.cookies.get(LOGIN_COOKIE)):
        raise ApiError(403, "csrf", "missing or wrong CSRF token")
    stored = _user_hash(request, name)
    if stored is None or not verify_password(stored, password):
        token = secrets.token_urlsafe(24)
        response = render(request, "login.html", status=401, token=token, next=_local(next), failed=True)
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=context.secure_cookies)
        return response
    session_token, _ = context.sessions.open(name)
    redirect = RedirectResponse(_local(next), status_code=303)
    redirect.set_cookie(SESSION_COOKIE, session_token, httponly=True, samesite="strict",
                        secure=context.secure_cookies)
    redirect.delete_cookie(LOGIN_COOKIE)
    return redirect


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form()]) -> Response:
    context = ctx(request)
    session = context.session(request)
    if session is not None and same_token(csrf_token, session.csrf):
        context.sessions.close(request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def _form_value(field: str | None, value: str | None) -> Any:
    """A value typed in the correction form: JSON for actors and attributes when it parses, else the text."""
    if value is None or value == "":
        return None
    if field in ("source", "recipient") or (field or "").startswith("attributes."):
        try:
            return json.loads(value)
        except ValueError:
            if field in ("source", "recipient"):
                return [{"entity": None, "name": n.strip(), "country": None} for n in value.split(",") if n.strip()]
    return value


@router.post("/events/{event_id}/review")
def review_event_form(request: Request, con: Con, event_id: str, action: Annotated[str, Form()],
                      csrf_token: Annotated[str, Form()], field: Annotated[str | None, Form()] = None,
                      value: Annotated[str | None, Form(max_length=review.MAX_NOTE_CHARS)] = None,
                      note: Annotated[str | None, Form(max_length=review.MAX_NOTE_CHARS)] = None) -> Response:
    _review(request, con, "event", "events", event_id, action, field or None, _form_value(field, value),
            note or None, csrf_token)
    return RedirectResponse(f"/events/{event_id}", status_code=303)


@router.post("/entities/{entity_id}/review")
def review_entity_form(request: Request, con: Con, entity_id: str, action: Annotated[str, Form()],
                       csrf_token: Annotated[str, Form()],
                       value: Annotated[str | None, Form(max_length=review.MAX_NOTE_CHARS)] = None,
                       note: Annotated[str | None, Form(max_length=review.MAX_NOTE_CHARS)] = None) -> Response:
    forms = [v.strip() for v in (value or "").split("|") if v.strip()]
    _review(request, con, "entity", "entities", entity_id, action, None,
            (value or "").strip() if action == "merge" else forms, note or None, csrf_token)
    return RedirectResponse(f"/entities/{entity_id}", status_code=303)


@router.post("/conflicts/{conflict_id}/review")
def review_conflict_form(request: Request, con: Con, conflict_id: str, action: Annotated[str, Form()],
                         csrf_token: Annotated[str, Form()],
                         value: Annotated[str | None, Form(max_length=review.MAX_NOTE_CHARS)] = None,
                         note: Annotated[str | None, Form(max_length=review.MAX_NOTE_CHARS)] = None) -> Response:
    _review(request, con, "conflict", "conflicts", conflict_id, action, None, value or None, note or None,
            csrf_token)
    return RedirectResponse("/conflicts", status_code=303)


@router.get("/runs", response_class=HTMLResponse)
def runs_page(request: Request) -> Response:
    runner = ctx(request).runner
    runs = sorted(runner.runs.values(), key=lambda r: -r.started) if runner else []
    return render(request, "runs.html", runs=runs, busy=bool(runner and runner.busy))


@router.post("/runs")
async def runs_form(request: Request, csrf_token: Annotated[str, Form()],
                    files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
                    urls: Annotated[str | None, Form()] = None) -> Response:
    await start_run(request, files, urls, csrf_token)
    return RedirectResponse("/runs", status_code=303)
