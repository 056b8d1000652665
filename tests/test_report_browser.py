"""report.html in a real browser: Debian's chromium, headless, offline, from file://.

The page must run with no script error (the page's own recorder fills #js-errors; chromium's log must show
no console message), draw one timeline mark per dated event and the actor graph, and fill its tables.
Skips when /usr/bin/chromium is missing, unless RECOUPE_REQUIRE_BROWSER=1 (CI), then fails.
"""

from __future__ import annotations

import html
import json
import os
import re
import struct
import subprocess
from pathlib import Path

import pytest

from recoupe.dossier.layout import GRAPH_MAX_ACTORS

from .conftest import read_jsonl

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0", "--window-size=1400,3000")


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("RECOUPE_REQUIRE_BROWSER") == "1":
            pytest.fail("RECOUPE_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing (apt-get install chromium)")
        pytest.skip("no /usr/bin/chromium")
    return CHROMIUM


def _browse(chromium: Path, url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(chromium), *FLAGS, f"--user-data-dir={profile}", *extra, url],
                          capture_output=True, text=True, timeout=120, check=False)


def _dom(chromium: Path, page: Path, tmp: Path, fragment: str = "") -> tuple[str, str]:
    """The rendered DOM and chromium's log."""
    done = _browse(chromium, page.as_uri() + fragment, tmp / "profile-dom", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, done.stderr


def _console_lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if "CONSOLE" in line or "Uncaught" in line]


def _element(dom: str, tag: str, element_id: str) -> str:
    """The rendered element with this id (as serialised by --dump-dom), not the script that builds it."""
    found = re.search(rf'<{tag} id="{element_id}".*?</{tag}>', dom, flags=re.S)
    assert found, f"no <{tag} id={element_id}> in the rendered page"
    return found.group(0)


def _errors(dom: str) -> str:
    box = re.search(r'<div id="js-errors" hidden="">(.*?)</div>', dom, flags=re.S)
    assert box, "the page lost its error recorder"
    return box.group(1)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["seeds_dir", "demo_dir"])
def test_report_renders_in_chromium(corpus: str, request: pytest.FixtureRequest, chromium: Path, run_recoupe,
                                    tmp_path: Path) -> None:
    out, _ = run_recoupe(request.getfixturevalue(corpus))
    page = out / "report.html"
    events = read_jsonl(out / "events.jsonl")
    arms = read_jsonl(out / "arms_transfers.jsonl")
    articles = read_jsonl(out / "articles.jsonl")
    assert events and articles
    source = page.read_text(encoding="utf-8")
    # Nothing to load or follow outside the page (a URL quoted as a date's provenance is text, not a link).
    assert not re.search(r"\b(?:src|href|action|srcset|poster|data)\s*=\s*[\"']?(?:[a-z]+:)?//|<link|@import|url\(",
                         source, flags=re.I)
    assert 'href="' in source and all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', source))
    for asset in re.findall(r"<(?:script|style)>(.*?)</(?:script|style)>", source, flags=re.S):
        assert "http" not in asset

    shot = tmp_path / "report.png"
    done = _browse(chromium, page.as_uri(), tmp_path / "profile-shot", f"--screenshot={shot}")
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    assert _png_size(shot) == (1400, 3000)
    assert shot.stat().st_size > 50_000  # a drawn page, not a blank one
    assert _console_lines(done.stderr) == []

    dom, log = _dom(chromium, page, tmp_path)
    assert _console_lines(log) == []
    assert _errors(dom) == ""
    assert 'data-ready="1"' in dom
    dated = [e for e in events if e["date"]["start"]]
    timeline = _element(dom, "svg", "timeline-svg")
    marks = re.findall(r'<rect class="ev-mark[^"]*" data-id="([^"]+)"', timeline)
    assert sorted(html.unescape(m) for m in marks) == sorted(e["id"] for e in dated)
    assert _element(dom, "table", "undated-table").count('<tr class="row"') == len(events) - len(dated)
    graph = _element(dom, "svg", "graph-svg")
    nodes = re.findall(r'<g class="node" data-id="([^"]+)">', graph)
    actors = {a["entity"] for e in events for a in (*e["source"], *e["recipient"])}
    assert len(nodes) == min(len(actors), GRAPH_MAX_ACTORS) > 0
    assert graph.count('class="g-edge"') > 0
    assert _element(dom, "table", "arms-table").count('<tr id="at-') == len(arms)
    assert dom.count('<tr id="art-') == len(articles)
    assert f"{len(events)} of {len(events)} events shown" in dom

    # #ev-<id> opens the event's panel with all its quotes, each linked to its anchor in the articles list.
    event = max(events, key=lambda e: (len(e["mentions"]), e["id"]))
    dom, log = _dom(chromium, page, tmp_path, f"#ev-{event['id']}")
    assert _errors(dom) == "" and _console_lines(log) == []
    panel = _element(dom, "aside", "detail")
    for m in event["mentions"]:
        assert m["quote"] in html.unescape(panel)  # (the DOM writes U+00A0 as &nbsp;)
        anchor = f'q-{m["article"]}-{m["start"]}'
        assert f'href="#{anchor}"' in panel and f'id="{anchor}"' in dom
    assert event["event_type"] in panel and event["date"]["reason"] in html.unescape(panel)


@pytest.mark.slow
def test_the_page_reports_script_errors(chromium: Path, tmp_path: Path) -> None:
    """The recorder works: a page with a broken script shows it in #js-errors and in chromium's log."""
    from recoupe.dossier import report_html

    meta = {"articles": 0, "inputs": 0, "errors": 0, "version": "test"}
    page = tmp_path / "broken.html"
    page.write_text(report_html([], meta).replace("</body>", "<script>notAFunction();</script></body>"),
                    encoding="utf-8")
    dom, log = _dom(chromium, page, tmp_path)
    assert "notAFunction is not defined" in _errors(dom)
    assert any("notAFunction" in line for line in _console_lines(log))
    # and the empty dossier itself draws without error
    assert json.loads(re.search(r'id="dossier-data">(.*?)</script>', dom, flags=re.S).group(1))["events"] == []
