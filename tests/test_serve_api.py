"""recoupe serve through FastAPI's TestClient: every API endpoint, its filters and its errors, the pages, the
review (sign-in, CSRF, read-only), escaping of hostile article text, the size limit and the static folder."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from recoupe.serve.app import create_app
from recoupe.serve.pages import safe_link, segments, timeline_bars
from recoupe.serve.queries import fold, folded_find
from recoupe.serve.security import CSP, MAX_BODY_BYTES, hash_password
from recoupe.store import Store

from .serve_helpers import store_copy

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = store_copy(tmp_path_factory.mktemp("serve-api"))
    with Store.open(path) as opened:
        opened.add_user("amina", hash_password(PASSWORD))
        yield opened


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store))


@pytest.fixture(scope="module")
def reviewer_client(store: Store) -> TestClient:
    return TestClient(create_app(store, allow_review=True))


def _all_events(client: TestClient, **params: str) -> list[dict]:
    out, cursor = [], None
    while True:
        got = client.get("/api/events", params={**params, "limit": "7", **({"cursor": cursor} if cursor else {})})
        assert got.status_code == 200
        out.extend(got.json()["items"])
        cursor = got.json()["next"]
        if cursor is None:
            return out


def _hostile_id(store: Store) -> str:
    row = store.reader().execute("SELECT id FROM articles WHERE source LIKE '%90_hostile.txt'").fetchone()
    assert row
    return str(row[0])


# --- the API ------------------------------------------------------------------------------------------------


def test_events_list_pages_with_a_cursor_and_carries_the_contract_fields(client: TestClient, store: Store) -> None:
    first = client.get("/api/events", params={"limit": 5}).json()
    assert set(first) == {"items", "next", "total"}
    assert len(first["items"]) == 5 and first["next"] == "5" and first["total"] == store.count("events")
    event = first["items"][0]
    for name in ("id", "category", "event_type", "mode", "context", "cameo", "source", "recipient", "participants",
                 "date", "event_loc", "factuality", "attributes", "mentions", "n_sources", "conflicts", "articles",
                 "confidence", "review"):
        assert name in event
    every = _all_events(client)
    assert len(every) == store.count("events") == len({e["id"] for e in every})
    starts = [e["date"]["start"] for e in every if e["date"]["start"]]
    assert starts == sorted(starts, reverse=True)  # default sort: latest first


def test_event_filters_agree_with_the_records(client: TestClient) -> None:
    every = _all_events(client)
    visits = _all_events(client, category="VISIT", state="MAR")
    assert visits and {e["id"] for e in visits} == {
        e["id"] for e in every if e["category"] == "VISIT"
        and "MAR" in {a["country"] for a in e["source"] + e["recipient"]}}
    many = _all_events(client, min_sources="3")
    assert many and all(e["n_sources"] >= 3 for e in many)
    assert {e["id"] for e in many} == {e["id"] for e in every if e["n_sources"] >= 3}
    dated = _all_events(client, date_from="2021-11", date_to="2021-11")
    assert dated and all(e["date"]["start"].startswith("2021-11") for e in dated)
    assert {e["id"] for e in _all_events(client, actor="ISRAEL")} == {
        e["id"] for e in every if any("israel" in a["name"].lower() for a in e["source"] + e["recipient"]
                                      + e["participants"])}
    planned = _all_events(client, factuality="planned")
    assert {e["id"] for e in planned} == {e["id"] for e in every if e["factuality"] == "planned"}
    by_sources = _all_events(client, sort="sources")
    counts = [e["n_sources"] for e in by_sources]
    assert counts == sorted(counts, reverse=True)


def test_one_event_one_article_and_unknown_ids_are_404_in_the_error_shape(client: TestClient) -> None:
    event = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    got = client.get(f"/api/events/{event['id']}").json()
    assert got["id"] == event["id"] and got["review_history"] == []
    mention = event["mentions"][0]
    article = client.get(f"/api/articles/{mention['article']}").json()
    assert article["text"][mention["start"]:mention["end"]] == mention["quote"]
    assert event["id"] in article["events"] and article["published"]["basis"]
    for path in ("/api/events/ev:0000", "/api/articles/nope", "/api/entities/nope", "/api/nothing"):
        missing = client.get(path)
        assert missing.status_code == 404
        assert missing.headers["content-type"] == "application/json"
        body = missing.json()
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
        assert body["error"]["code"] == "not_found"


def test_bad_parameters_are_400_in_the_error_shape(client: TestClient) -> None:
    for path in ("/api/events?min_sources=many", "/api/events?limit=0", "/api/events?limit=501",
                 "/api/events?cursor=abc", "/api/events?sort=colour", "/api/events?review=maybe",
                 "/api/arms?sort=price", "/api/search?q=", "/api/search?q=x&kind=films"):
        got = client.get(path)
        assert got.status_code == 400, path
        assert got.json()["error"]["code"] == "bad_request", path


def test_etag_and_304(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 3})
    etag = first.headers["etag"]
    again = client.get("/api/events", params={"limit": 3}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/events", params={"limit": 4}, headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["etag"] != etag


def test_lists_of_entities_arms_conflicts_stories(client: TestClient, store: Store) -> None:
    entities = client.get("/api/entities", params={"q": "algerie"}).json()
    assert [e["id"] for e in entities["items"]] == ["DZA"]
    assert client.get("/api/entities/DZA").json()["name"] == "Algeria"
    gpe = client.get("/api/entities", params={"type": "GPE", "limit": 500}).json()["items"]
    assert gpe and all(e["type"] == "GPE" for e in gpe)
    arms = client.get("/api/arms", params={"sort": "-number_ordered"}).json()
    assert arms["total"] == store.count("arms_transfers")
    numbers = [a["number_ordered"] for a in arms["items"] if a["number_ordered"] is not None]
    assert numbers == sorted(numbers, reverse=True)
    assert all(a["supplier"]["country"] == "ISR"
               for a in client.get("/api/arms", params={"supplier": "isr"}).json()["items"])
    conflicts = client.get("/api/conflicts").json()
    assert conflicts["total"] == store.count("conflicts")
    roles = client.get("/api/conflicts", params={"field": "role"}).json()["items"]
    assert roles and all(c["field"] == "role" for c in roles)
    stories = client.get("/api/stories", params={"limit": 500}).json()
    assert stories["total"] == store.count("stories")
    sizes = [len(s["articles"]) for s in stories["items"]]
    assert sizes == sorted(sizes, reverse=True)
    english = client.get("/api/stories", params={"lang": "en", "limit": 500}).json()["items"]
    assert english and all("en" in s["languages"] for s in english)


def test_search_folds_case_and_accents_in_french_english_and_arabic(client: TestClient) -> None:
    accented = client.get("/api/search", params={"q": "COOPÉRATION"}).json()
    plain = client.get("/api/search", params={"q": "cooperation"}).json()
    assert accented["total"] == plain["total"] > 0
    hit = plain["items"][0]
    assert fold(hit["match"]) == "cooperation"
    # Whole words: "securite" is not "cybersecurite"; a phrase must be there as written.
    assert client.get("/api/search", params={"q": "securite"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "cybersécurité"}).json()["total"] == 1
    phrase = client.get("/api/search", params={"q": "Benny Gantz"}).json()
    assert phrase["total"] > 0 and all(fold(h["match"]) == "benny gantz" for h in phrase["items"])
    assert client.get("/api/search", params={"q": "Gantz Benny"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "heron"}).json()["total"] > 0
    # Arabic: hamza carriers and vowel marks folded (the article writes إسرائيليًا and إسرائيليا).
    arabic = client.get("/api/search", params={"q": "اسرائيليا"}).json()
    assert arabic["total"] == 1 and arabic["items"][0]["lang"] == "ar"
    quotes = client.get("/api/search", params={"q": "DRONES", "kind": "quotes"}).json()
    assert quotes["items"] and all("drones" in q["quote"][q["match"][0]:q["match"][1]].lower()
                                   for q in quotes["items"])


def test_folded_find_maps_back_to_the_original_offsets() -> None:
    assert folded_find("Le Président à Rabat", "president a") == (3, 14)
    assert folded_find("وفدًا إسرائيليًا", "اسرائيليا") == (6, 16)
    assert folded_find("abc", "zz") is None


def test_csv_and_parquet_of_a_filtered_list(client: TestClient, tmp_path: Path) -> None:
    visits = _all_events(client, category="VISIT")
    got = client.get("/api/events", params={"category": "VISIT", "format": "csv"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert sorted(r["id"] for r in rows) == sorted(e["id"] for e in visits)
    assert {r["category"] for r in rows} == {"VISIT"}
    parquet = client.get("/api/events", params={"category": "VISIT", "format": "parquet"})
    (tmp_path / "v.parquet").write_bytes(parquet.content)
    ids = duckdb.connect().execute(f"SELECT id FROM '{tmp_path / 'v.parquet'}'").fetchall()
    assert sorted(r[0] for r in ids) == sorted(e["id"] for e in visits)
    arms = client.get("/api/arms", params={"format": "csv"})
    assert arms.text.splitlines()[0].startswith("id,supplier")
    for path in ("/api/entities", "/api/conflicts", "/api/stories"):
        assert client.get(path, params={"format": "csv"}).status_code == 200


def test_openapi_and_docs_need_no_outside_script(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/entities", "/api/arms",
                 "/api/conflicts", "/api/stories", "/api/search", "/api/events/{event_id}/review"):
        assert path in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events/{event_id}/review" in docs.text
    assert "cdn" not in docs.text.lower() and "<script src=\"http" not in docs.text


# --- pages ----------------------------------------------------------------------------------------------------


def test_every_page_renders_with_the_security_headers(client: TestClient) -> None:
    event = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    mention = event["mentions"][0]
    for path in ("/", "/events", "/events?category=VISIT&state=MAR&sort=sources", f"/events/{event['id']}",
                 f"/articles/{mention['article']}?hl={mention['start']}-{mention['end']}", "/entities",
                 "/entities/MAR", "/arms", "/arms?sort=-designation", "/conflicts", "/stories", "/search?q=drone",
                 "/docs"):
        got = client.get(path)
        assert got.status_code == 200, path
        assert got.headers["content-security-policy"] == CSP
        assert got.headers["x-content-type-options"] == "nosniff"
        assert "<script>" not in got.text and "style=" not in got.text, path
    assert client.get("/events/ev:0000").status_code == 404
    assert client.get("/login").status_code == 403  # read-only server


def test_event_page_links_each_quote_to_its_article_at_its_offsets(client: TestClient) -> None:
    event = next(e for e in _all_events(client) if e["conflicts"])
    page = client.get(f"/events/{event['id']}").text
    for m in event["mentions"]:
        assert f'href="/articles/{m["article"]}?hl={m["start"]}-{m["end"]}#hl"' in page
    assert event["event_type"] in page and 'class="side-by-side"' in page
    m = event["mentions"][0]
    article = client.get(f"/articles/{m['article']}", params={"hl": f"{m['start']}-{m['end']}"}).text
    assert article.count('<a id="hl"></a>') == 1


def test_timeline_draws_empty_months_too() -> None:
    bars = timeline_bars([("2021-11", 2), ("2022-02", 4)])
    assert [(b["month"], b["n"], b["h"]) for b in bars] == [
        ("2021-11", 2, 40.0), ("2021-12", 0, 0.0), ("2022-01", 0, 0.0), ("2022-02", 4, 80.0)]


def test_segments_cut_text_at_every_mark() -> None:
    parts = segments("abcdefgh", [(1, 4, "ev", "ev:1"), (2, 3, "ent", None), (6, 8, "hl", None)])
    assert [(p["text"], p["classes"], p["target"]) for p in parts] == [
        ("a", "", None), ("b", "ev", "ev:1"), ("c", "ent ev", "ev:1"), ("d", "ev", "ev:1"), ("ef", "", None),
        ("gh", "hl", None)]


def test_hostile_article_text_renders_inert(client: TestClient, store: Store) -> None:
    article_id = _hostile_id(store)
    page = client.get(f"/articles/{article_id}").text
    assert "<script>alert" not in page and "<script>document" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#34;titre&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="javascript' not in page and "javascript:alert(2)" in page
    search = client.get("/search", params={"q": "onerror"}).text
    assert "<img" not in search and "&lt;img src=x <mark>onerror</mark>=alert(1)&gt;" in search
    api = client.get(f"/api/articles/{article_id}").json()
    assert "<script>alert(\"titre\")</script>" in api["title"]  # the API gives the text as it is, as JSON


def test_only_http_sources_become_links() -> None:
    assert safe_link("https://example.org/a") == "https://example.org/a"
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("data:text/html,x") is None
    assert safe_link("/home/me/article.txt") is None


def test_static_files_only_from_the_static_folder(client: TestClient) -> None:
    assert client.get("/static/app.js").status_code == 200
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/store.py"):
        got = client.get(path)
        assert got.status_code == 404, path
        assert "create_app" not in got.text


def test_request_bodies_over_the_limit_are_refused(reviewer_client: TestClient) -> None:
    got = reviewer_client.post("/api/session", content=b"x" * (MAX_BODY_BYTES + 1),
                               headers={"content-type": "application/json"})
    assert got.status_code == 413 and got.json()["error"]["code"] == "too_large"


# --- the review -----------------------------------------------------------------------------------------------


def _sign_in(client: TestClient) -> str:
    got = client.post("/api/session", json={"name": "amina", "password": PASSWORD})
    assert got.status_code == 200, got.text
    return str(got.json()["csrf"])


def test_a_read_only_server_refuses_reviews(client: TestClient) -> None:
    event = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    got = client.post(f"/api/events/{event['id']}/review", json={"action": "reject"})
    assert got.status_code == 403 and got.json()["error"]["code"] == "read_only"


def test_review_needs_a_signed_in_reviewer_and_the_csrf_token(store: Store) -> None:
    client = TestClient(create_app(store, allow_review=True))
    event = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    path = f"/api/events/{event['id']}/review"
    assert client.post(path, json={"action": "confirm"}).status_code == 401
    assert client.post("/api/session", json={"name": "amina", "password": "wrong password"}).status_code == 401
    csrf = _sign_in(client)
    assert client.post(path, json={"action": "confirm"}).json()["error"]["code"] == "csrf"
    assert client.post(path, json={"action": "confirm"}, headers={"X-CSRF-Token": "forged"}).status_code == 403
    bad = client.post(path, json={"action": "correct", "field": "category", "value": "PARTY", "note": "no"},
                      headers={"X-CSRF-Token": csrf})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_review"
    missing = client.post("/api/events/ev:0000/review", json={"action": "reject"}, headers={"X-CSRF-Token": csrf})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    form = client.post(f"/events/{event['id']}/review", data={"action": "confirm", "csrf_token": "forged"})
    assert form.status_code == 403


def test_reject_correct_and_the_log(store: Store) -> None:
    client = TestClient(create_app(store, allow_review=True))
    csrf = _sign_in(client)
    events = client.get("/api/events", params={"category": "STATEMENT", "limit": 2}).json()["items"]
    first, second = events[0], events[1]
    got = client.post(f"/api/events/{first['id']}/review", json={"action": "reject", "note": "an opinion piece"},
                      headers={"X-CSRF-Token": csrf})
    assert got.status_code == 200
    assert got.json()["review"]["status"] == "rejected" and got.json()["review"]["by"] == "amina"
    fixed = client.post(f"/api/events/{second['id']}/review",
                        json={"action": "correct", "field": "date.start", "value": "2022-06", "note": "the report"},
                        headers={"X-CSRF-Token": csrf}).json()
    assert fixed["date"]["start"] == "2022-06" and fixed["review"]["status"] == "corrected"
    assert fixed["review"]["corrections"]["date.start"]["before"] == second["date"]["start"]
    rejected = client.get("/api/events", params={"review": "rejected"}).json()["items"]
    assert [e["id"] for e in rejected] == [first["id"]]
    history = client.get(f"/api/events/{first['id']}").json()["review_history"]
    assert [(h["action"], h["by"], h["before"], h["after"], h["note"]) for h in history] == [
        ("reject", "amina", None, "rejected", "an opinion piece")]
    log = client.get("/api/reviews").json()["items"]
    assert [(e["action"], e["subject"]) for e in log] == [("reject", first["id"]), ("correct", second["id"])]
    page = client.get(f"/events/{first['id']}").text
    assert "rejected" in page and "an opinion piece" in page and 'id="reject"' in page
    reopened = client.post(f"/api/events/{first['id']}/review", json={"action": "reopen"},
                           headers={"X-CSRF-Token": csrf}).json()
    assert reopened["review"] is None
    assert len(store.reviews()) == 3  # the log keeps every entry, the reversal too


def test_sign_in_form_and_review_form(store: Store) -> None:
    client = TestClient(create_app(store, allow_review=True))
    login = client.get("/login", params={"next": "/conflicts"})
    token = client.cookies.get("recoupe_login")
    assert token and f'value="{token}"' in login.text
    assert client.post("/login", data={"name": "amina", "password": PASSWORD, "csrf_token": "x"}).status_code == 403
    wrong = client.post("/login", data={"name": "amina", "password": "nope", "csrf_token": token})
    assert wrong.status_code == 401
    token = client.cookies.get("recoupe_login")
    done = client.post("/login", data={"name": "amina", "password": PASSWORD, "csrf_token": token,
                                       "next": "//evil.example/"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/"
    conflict = client.get("/api/conflicts", params={"field": "role"}).json()["items"][0]
    page = client.get("/conflicts").text
    csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
    settled = client.post(f"/conflicts/{conflict['id']}/review",
                          data={"action": "settle", "value": "inspector general", "note": "the FAR's own list",
                                "csrf_token": csrf}, follow_redirects=False)
    assert settled.status_code == 303
    after = client.get("/api/conflicts", params={"settled": "true"}).json()["items"]
    assert [c["id"] for c in after] == [conflict["id"]]
    assert after[0]["review"]["note"] == "the FAR's own list"


def test_the_log_is_replayed_from_the_store(store: Store) -> None:
    log = store.reviews()
    assert log and all(set(e) >= {"seq", "at", "by", "kind", "action", "anchor", "before", "after"} for e in log)
    assert [e["seq"] for e in log] == sorted(e["seq"] for e in log)
    assert json.dumps(log[0]["anchor"])  # plain JSON


# --- new inputs through the server -----------------------------------------------------------------------------


def test_runs_need_a_reviewer_and_refuse_what_the_pipeline_does_not_read(reviewer_client: TestClient,
                                                                        client: TestClient) -> None:
    assert client.post("/api/runs", files={"files": ("a.txt", b"x")}).json()["error"]["code"] == "read_only"
    fresh = TestClient(reviewer_client.app)
    assert fresh.post("/api/runs", files={"files": ("a.txt", b"x")}).status_code == 401
    csrf = _sign_in(fresh)
    bad = fresh.post("/api/runs", files={"files": ("../../evil.sh", b"x")}, headers={"X-CSRF-Token": csrf})
    assert bad.status_code == 400 and bad.json()["error"] == {
        "code": "run_refused", "message": "evil.sh: not one of .txt, .html, .htm, .jsonl"}
    nothing = fresh.post("/api/runs", data={"urls": "file:///etc/passwd"}, headers={"X-CSRF-Token": csrf})
    assert nothing.status_code == 400 and "not an http(s) URL" in nothing.json()["error"]["message"]
    assert fresh.get("/api/runs/nope").status_code == 404
    assert fresh.get("/runs").status_code == 200


@pytest.mark.slow
def test_an_upload_runs_in_the_background_and_its_article_is_served(tmp_path: Path) -> None:
    import time

    from recoupe.serve.runs import safe_name

    from .serve_helpers import MORE

    assert safe_name(3, "C:\\Users\\x\\..\\Rapport final (2).TXT") == "003_Rapport_final_2.txt"
    with Store.open(store_copy(tmp_path / "store")) as opened:
        opened.add_user("amina", hash_password(PASSWORD))
        before = opened.count("articles")
        client = TestClient(create_app(opened, allow_review=True))
        csrf = _sign_in(client)
        upload = (MORE / "92_followup.txt").read_bytes()
        started = client.post("/api/runs", files=[("files", ("suivi.txt", upload))], headers={"X-CSRF-Token": csrf})
        assert started.status_code == 202, started.text
        run_id = started.json()["id"]
        deadline = time.monotonic() + 300
        while (state := client.get(f"/api/runs/{run_id}").json())["status"] in ("queued", "running"):
            assert time.monotonic() < deadline
            time.sleep(0.5)
        assert state["status"] == "done" and state["new_articles"] == 1 and state["errors"] == []
        assert opened.count("articles") == before + 1
        found = client.get("/api/search", params={"q": "FORMALISENT leur rapprochement"}).json()["items"]
        assert len(found) == 1
        kept = opened.path.with_name(opened.path.name + ".uploads") / run_id / "000_suivi.txt"
        assert kept.read_bytes() == upload
        assert client.get(f"/api/articles/{found[0]['article']}").json()["source"] == str(kept)
        assert run_id in client.get("/runs").text


def test_entity_review_is_logged_and_pending_until_the_next_run(store: Store) -> None:
    client = TestClient(create_app(store, allow_review=True))
    csrf = _sign_in(client)
    merged = client.post("/api/entities/per:yair-lapid/review", json={"action": "merge", "value": "ISR",
                                                                      "note": "test"},
                         headers={"X-CSRF-Token": csrf})
    assert merged.status_code == 200 and merged.json()["review"]["status"] == "merge pending"
    missing = client.post("/api/entities/per:yair-lapid/review",
                          json={"action": "merge", "value": "nobody", "note": "x"}, headers={"X-CSRF-Token": csrf})
    assert missing.status_code == 400 and missing.json()["error"]["code"] == "bad_review"
    assert store.reviews()[-1]["kind"] == "entity" and store.reviews()[-1]["after"] == "ISR"
    assert "merge pending" in client.get("/entities/per:yair-lapid").text


def test_an_internal_error_keeps_the_error_shape(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from recoupe.serve import queries

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(queries, "overview", broken)
    monkeypatch.setattr(queries, "stories", broken)
    client = TestClient(create_app(store), raise_server_exceptions=False)
    api = client.get("/api/stories")
    assert api.status_code == 500
    assert api.json() == {"error": {"code": "internal", "message": "internal error (RuntimeError); the server log "
                                                                   "says more"}}
    page = client.get("/")
    assert page.status_code == 500 and "internal error (RuntimeError)" in page.text
