"""recoupe serve in a real browser: Debian's chromium, headless, driven by Playwright (its Python package only; no
browser downloaded), against the real server on 127.0.0.1.

An analyst filters the events, opens one, follows a quote to its article (highlighted at its offsets), signs in,
rejects the event; the pipeline runs again with one more article; the event is still rejected. Hostile article
text stays text (no dialog, no script, no image), and no page logs a script error or a CSP violation.
Skips when /usr/bin/chromium is missing, unless RECOUPE_REQUIRE_BROWSER=1 (CI), then fails.
With RECOUPE_UPDATE_SCREENSHOT=1 it also writes the README's screenshot (docs/serve.png).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from recoupe.serve.app import create_app
from recoupe.serve.security import hash_password
from recoupe.store import Store

from .serve_helpers import MORE, rerun, store_copy

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "serve.png"
PASSWORD = "a reviewer's long secret"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("RECOUPE_REQUIRE_BROWSER") == "1":
            pytest.fail("RECOUPE_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing (apt-get install chromium)")
        pytest.skip("no /usr/bin/chromium")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("RECOUPE_REQUIRE_BROWSER") == "1":
            pytest.fail("RECOUPE_REQUIRE_BROWSER=1 but playwright is not installed (pip install -e '.[dev]')")
        pytest.skip("no playwright")
    return CHROMIUM


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(path: Path, port: int) -> Iterator[str]:
    """The real server (uvicorn) on 127.0.0.1:port over the store at path, in a thread, review enabled."""
    import uvicorn

    with Store.open(path) as store:
        server = uvicorn.Server(uvicorn.Config(create_app(store, allow_review=True), host="127.0.0.1", port=port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=30)


def test_filter_open_follow_reject_rerun(chromium: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    path = store_copy(tmp_path / "store")
    with Store.open(path) as store:
        store.add_user("amina", hash_password(PASSWORD))
        hostile = store.reader().execute("SELECT id FROM articles WHERE source LIKE '%90_hostile.txt'").fetchone()
    assert hostile
    port = _free_port()
    problems: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text} {m.location}") if m.type in (
            "error", "warning") else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

        def on_dialog(d: object) -> None:
            dialogs.append(d.message)  # type: ignore[attr-defined]
            d.accept()  # type: ignore[attr-defined]

        page.on("dialog", on_dialog)
        with serving(path, port) as base:
            # Filter the events: agreements involving Morocco.
            page.goto(f"{base}/events")
            page.select_option("select[name=category]", "AGREEMENT")
            page.fill("input[name=state]", "MAR")
            page.click("#apply")
            page.wait_for_url("**/events?*category=AGREEMENT*")
            categories = page.locator("table.events a.event-link").all_inner_texts()
            assert categories and set(categories) == {"AGREEMENT"}
            assert page.locator(".timeline rect").count() >= 1
            if os.environ.get("RECOUPE_UPDATE_SCREENSHOT") == "1":
                SCREENSHOT.parent.mkdir(exist_ok=True)
                page.screenshot(path=str(SCREENSHOT), full_page=False)
            # Open the first one.
            page.locator("table.events a.event-link").first.click()
            page.wait_for_url("**/events/ev:*")
            event_id = page.url.rsplit("/", 1)[1]
            quote = page.locator("a.quote").first
            quoted = quote.inner_text().strip("“”")
            # Follow its first quote: the article, the quote highlighted at its offsets.
            quote.click()
            page.wait_for_url("**/articles/*?hl=*")
            assert "".join(page.locator("article.text span.hl").all_inner_texts()) == quoted
            assert page.locator("#hl").count() == 1
            # The evidence in the article leads back to an event it states.
            page.locator("article.text span.hl[data-event]").first.click()
            page.wait_for_url("**/events/ev:*")
            # Sign in and reject the event.
            page.goto(f"{base}/login?next=/events/{event_id}")
            page.fill("#name", "amina")
            page.fill("#password", PASSWORD)
            page.click("#signin")
            page.wait_for_url(f"**/events/{event_id}")
            page.fill("form.review #note", "a test rejection")
            page.click("#reject")
            page.wait_for_selector(".badge.rejected")
            assert dialogs == ["Reject this event? It leaves the default exports until someone reopens it."]
            anchor = page.evaluate(f"fetch('/api/events/{event_id}').then(r => r.json())")["mentions"]
            # Hostile text is text: no script ran, no image, the link is not a link.
            page.goto(f"{base}/articles/{hostile[0]}")
            assert page.title() != "pwned"
            assert page.locator("article.text img, article.text script, article.text a").count() == 0
            assert "<script>" in page.locator("article.text").inner_text()
        # One more article, a re-run of the pipeline (the server is stopped: it holds the store).
        rerun(path, MORE)
        with serving(path, port) as base:
            page.goto(f"{base}/events?review=rejected")
            rows = page.locator("table.events a.event-link")
            assert rows.count() >= 1
            keys = {(m["article"], m["start"], m["end"]) for m in anchor}
            rejected = page.evaluate("fetch('/api/events?review=rejected').then(r => r.json())")["items"]
            assert rejected and all(keys & {(m["article"], m["start"], m["end"]) for m in e["mentions"]}
                                    for e in rejected)
            rows.first.click()
            page.wait_for_selector(".badge.rejected")
            assert "a test rejection" in page.locator("table.history").inner_text()
        browser.close()
    assert dialogs == ["Reject this event? It leaves the default exports until someone reopens it."]
    assert problems == []
    shutil.rmtree(tmp_path / "store", ignore_errors=True)
