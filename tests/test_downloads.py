"""recoupe.read.downloads against a real HTTP server on 127.0.0.1 (and httpx.MockTransport for a few cases).

The server runs in a thread for the whole module; every handler thread is joined when it stops, and the
teardown checks that no thread is left. Timings are never asserted: politeness and back-off are checked
through an injected fake clock and a sleep function that records what it was asked to wait.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import socket
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoupe.errors import BadFeed, FetchFailed, NotADocument, TooLarge
from recoupe.read.downloads import MAX_REDIRECTS, Fetcher, iter_downloads, read_url_list
from recoupe.records import Declared, IngestError, RawDocument
from recoupe.settings import USER_AGENT, Settings

OK_HTML = (
    '<!DOCTYPE html>\n<html lang="fr"><head><title>Accord de défense</title></head>'
    "<body><p>Paris et Canberra signent un accord — été 2024.</p></body></html>\n"
).encode()
PLAIN = "Texte brut, accentué : déjà vu.\n".encode()
ARTICLE_HTML = b"<html><body><article><p>Third article.</p></article></body></html>"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
SNIFF_HTML = b"  <!doctype html><html><body>no content type</body></html>"
SNIFF_TEXT = b"no content type, just words"
GARBAGE = b"this is not a feed {{{ <<< ]]>\x00\x01 garbage"
CAP = 50_000
DRIP_SECONDS = 0.05
DRIP_BYTES = 100  # 5 s of dripping: the test fetches with a 1 s deadline
HUGE_TOTAL = 200_000

TEST_SETTINGS = Settings(
    fetch_timeout=0.3,
    fetch_retries=2,
    fetch_backoff=0.01,
    fetch_max_bytes=CAP,
    host_delay=0.001,
)


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
  <title>Test Outlet</title><link>{base}/</link><description>d</description>
  <item><title>First item</title><link>{base}/ok</link>
        <pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate></item>
  <item><title>Second item</title><link>{base}/plain</link></item>
  <item><title>Third item</title><link>/article</link></item>
</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Outlet</title><id>urn:test</id><updated>2024-04-02T08:00:00Z</updated>
  <entry><title>Atom one</title><id>urn:1</id><link href="{base}/ok"/>
         <published>2024-04-01T00:30:00+02:00</published><updated>2024-04-02T08:00:00Z</updated></entry>
  <entry><title>Atom two</title><id>urn:2</id><link rel="alternate" href="{base}/plain"/>
         <updated>2024-04-03T00:00:00Z</updated></entry>
  <entry><title>Atom three</title><id>urn:3</id><link href="{base}/article"/></entry>
</feed>""".encode()


def rdf(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="{base}/"><title>RDF Outlet</title><link>{base}/</link><description>d</description>
    <items><rdf:Seq><rdf:li rdf:resource="{base}/ok"/><rdf:li rdf:resource="{base}/plain"/></rdf:Seq></items>
  </channel>
  <item rdf:about="{base}/ok"><title>RDF one</title><link>{base}/ok</link><dc:date>2023-12-31</dc:date></item>
  <item rdf:about="{base}/plain"><title>RDF two</title><link>{base}/plain</link></item>
</rdf:RDF>""".encode()


EMPTY_RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing yet</title></channel></rss>'


class Server(ThreadingHTTPServer):
    """A threading server whose handler threads are joined on close (ThreadingHTTPServer daemonises them)."""

    daemon_threads = False
    block_on_close = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def reset(self) -> None:
        with self.lock:
            self.hits.clear()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """The client hanging up (timeouts, size caps) is expected here; anything else is reported."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    """The routes the tests need; HTTP/1.0, so every connection closes after its response."""

    server: Server
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        with self.server.lock:
            self.server.hits[path] += 1
            n = self.server.hits[path]
        route: Callable[[int], None] | None = getattr(
            self, "route_" + path.strip("/").replace(".", "_").replace("-", "_"), None
        )
        if route is None:
            self.send(404, b"not found", "text/plain")
        else:
            route(n)

    def route_ok(self, n: int) -> None:
        self.send(200, OK_HTML, "text/html; charset=utf-8")

    def route_article(self, n: int) -> None:
        self.send(200, ARTICLE_HTML, "text/html")

    def route_plain(self, n: int) -> None:
        self.send(200, PLAIN, "text/plain; charset=utf-8")

    def route_xhtml(self, n: int) -> None:
        self.send(200, OK_HTML, "application/xhtml+xml")

    def route_redirect(self, n: int) -> None:
        self.send(302, b"", "text/plain", Location="/ok")

    def route_loop(self, n: int) -> None:
        self.send(302, b"", "text/plain", Location="/loop")

    def route_missing(self, n: int) -> None:
        self.send(404, b"<h1>Not Found</h1>", "text/html")

    def route_flaky(self, n: int) -> None:
        if n <= 2:
            self.send(500, b"oops", "text/plain")
        else:
            self.send(200, OK_HTML, "text/html; charset=utf-8")

    def route_always500(self, n: int) -> None:
        self.send(500, b"oops", "text/plain")

    def route_ratelimited(self, n: int) -> None:
        if n == 1:
            self.send(429, b"slow down", "text/plain", Retry_After="2")
        else:
            self.send(200, PLAIN, "text/plain")

    def route_ratelimited_long(self, n: int) -> None:
        self.send(429, b"come back tomorrow", "text/plain", Retry_After="3600")

    def route_slow(self, n: int) -> None:
        # Far longer than the 0.3 s timeout; wakes up early when the server stops.
        self.server.stopping.wait(1.0)
        with contextlib.suppress(ConnectionError):
            self.send(200, OK_HTML, "text/html")

    def _drip(self, data: bytes) -> None:
        # One byte every DRIP_SECONDS (well within the 0.3 s timeout between bytes) until the client hangs up or
        # the server stops; after DRIP_BYTES bytes, the end of the answer.
        with contextlib.suppress(ConnectionError):
            for k in range(len(data)):
                if self.server.stopping.wait(DRIP_SECONDS):
                    return
                self.wfile.write(data[k:k + 1])
                self.wfile.flush()

    def route_drip_body(self, n: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(DRIP_BYTES))
        self.end_headers()
        self.wfile.flush()
        self._drip(b"x" * DRIP_BYTES)

    def route_drip_headers(self, n: int) -> None:
        head = f"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nX-Pad: {'p' * DRIP_BYTES}\r\n"
        self._drip(head.encode() + b"Content-Length: 2\r\n\r\nok")

    def route_truncated(self, n: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "5000")
        self.end_headers()
        self.wfile.write(b"x" * 100)
        # Returning closes the connection (HTTP/1.0): 4,900 bytes short.

    def route_huge(self, n: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()  # no Content-Length: the body ends when the connection closes
        with contextlib.suppress(ConnectionError):
            for _ in range(HUGE_TOTAL // 8192 + 1):
                self.wfile.write(b"a" * 8192)

    def route_huge_declared(self, n: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "10000000")
        self.end_headers()

    def route_pdf(self, n: int) -> None:
        self.send(200, PDF, "application/pdf")

    def route_image(self, n: int) -> None:
        self.send(200, PNG, "image/png")

    def route_sniff_html(self, n: int) -> None:
        self.send(200, SNIFF_HTML, None)

    def route_sniff_text(self, n: int) -> None:
        self.send(200, SNIFF_TEXT, None)

    def route_gzip(self, n: int) -> None:
        self.send(200, gzip.compress(OK_HTML), "text/html; charset=utf-8", Content_Encoding="gzip")

    def route_ua(self, n: int) -> None:
        self.send(200, self.headers.get("User-Agent", "").encode(), "text/plain")

    def route_feed_rss(self, n: int) -> None:
        self.send(200, rss(self.server.base), "application/rss+xml; charset=utf-8")

    def route_feed_atom(self, n: int) -> None:
        self.send(200, atom(self.server.base), "application/atom+xml")

    def route_feed_rdf(self, n: int) -> None:
        self.send(200, rdf(self.server.base), "application/rdf+xml")

    def route_feed_mislabelled(self, n: int) -> None:
        self.send(200, rss(self.server.base), "text/html")

    def route_feed_empty(self, n: int) -> None:
        self.send(200, EMPTY_RSS, "text/xml")

    def route_notxml(self, n: int) -> None:
        self.send(200, GARBAGE, "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    before = set(threading.enumerate())
    srv = Server()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, name="test-http")
    thread.start()
    try:
        yield srv
    finally:
        srv.stopping.set()
        srv.shutdown()
        srv.server_close()  # joins every handler thread
        thread.join(timeout=5)
        leftover = [t.name for t in threading.enumerate() if t not in before and t.is_alive()]
        assert leftover == [], f"threads left running: {leftover}"


@pytest.fixture
def srv(server: Server) -> Server:
    """The module's server with its hit counters reset for this test."""
    server.reset()
    return server


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(TEST_SETTINGS) as f:
        yield f


class FakeTime:
    """A clock that only moves when asked to sleep (or advanced), recording every wait."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def advance(self, seconds: float) -> None:
        self.now += seconds


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# -- read_url_list -----------------------------------------------------------------------------------


def test_read_url_list_skips_blanks_comments_and_duplicates() -> None:
    text = (
        "\ufeff# my list\n"
        "https://a.example/1\n"
        "\n"
        "   https://b.example/2   \n"
        "\t# indented comment\n"
        "https://a.example/1\n"
        "https://c.example/page#section  # inline note\n"
        "https://b.example/2/\n"
    )
    assert read_url_list(text) == [
        "https://a.example/1",
        "https://b.example/2",
        "https://c.example/page#section",
        "https://b.example/2/",
    ]
    assert read_url_list("") == []
    assert read_url_list("\n  \n# only comments\n") == []


url_lines = st.lists(
    st.one_of(
        st.from_regex(r"https?://[a-z]{1,5}\.example/[a-z0-9]{0,4}", fullmatch=True),
        st.just(""),
        st.just("   "),
        st.from_regex(r"#[^\n\r]{0,10}", fullmatch=True),
    ),
    max_size=30,
)


@given(url_lines, st.sampled_from(["", " ", "\t"]))
def test_read_url_list_properties(lines: list[str], pad: str) -> None:
    result = read_url_list("\n".join(pad + line + pad for line in lines))
    expected = list(dict.fromkeys(line for line in lines if line.strip() and not line.startswith("#")))
    assert result == expected
    assert len(set(result)) == len(result)


# -- fetch: success --------------------------------------------------------------------------------


def test_fetch_html_keeps_bytes_and_metadata(srv: Server, fetcher: Fetcher) -> None:
    url = srv.url("/ok")
    doc = fetcher.fetch(url)
    assert doc == RawDocument(
        source=url,
        origin="url",
        media="html",
        content=OK_HTML,
        declared=Declared(url=url, content_type="text/html; charset=utf-8"),
    )
    assert srv.hits["/ok"] == 1


def test_fetch_plain_text_and_xhtml(srv: Server, fetcher: Fetcher) -> None:
    plain = fetcher.fetch(srv.url("/plain"))
    assert (plain.media, plain.content, plain.declared.content_type) == (
        "text",
        PLAIN,
        "text/plain; charset=utf-8",
    )
    xhtml = fetcher.fetch(srv.url("/xhtml"))
    assert (xhtml.media, xhtml.content) == ("html", OK_HTML)


def test_fetch_sniffs_missing_content_type(srv: Server, fetcher: Fetcher) -> None:
    html = fetcher.fetch(srv.url("/sniff-html"))
    assert (html.media, html.content, html.declared.content_type) == ("html", SNIFF_HTML, None)
    text = fetcher.fetch(srv.url("/sniff-text"))
    assert (text.media, text.content, text.declared.content_type) == ("text", SNIFF_TEXT, None)


def test_fetch_follows_redirect_and_records_final_url(srv: Server, fetcher: Fetcher) -> None:
    url = srv.url("/redirect")
    doc = fetcher.fetch(url)
    assert doc.source == url
    assert doc.declared.url == srv.url("/ok")
    assert doc.content == OK_HTML
    assert (srv.hits["/redirect"], srv.hits["/ok"]) == (1, 1)


def test_fetch_keeps_caller_metadata_and_origin(srv: Server, fetcher: Fetcher) -> None:
    given_meta = Declared(url="http://feed.example/item", title="T", published="2024-01-02", outlet="O")
    doc = fetcher.fetch(srv.url("/redirect"), declared=given_meta, origin="feed")
    assert doc.origin == "feed"
    assert doc.declared == Declared(
        url=srv.url("/ok"),
        title="T",
        published="2024-01-02",
        outlet="O",
        content_type="text/html; charset=utf-8",
    )


def test_fetch_sends_user_agent_from_settings(srv: Server) -> None:
    with Fetcher(TEST_SETTINGS) as f:
        assert f.fetch(srv.url("/ua")).content == USER_AGENT.encode()
    custom = Settings(fetch_timeout=0.3, host_delay=0.0, user_agent="recoupe-test/9 (+mailto:t@example.org)")
    with Fetcher(custom) as f:
        assert f.fetch(srv.url("/ua")).content == b"recoupe-test/9 (+mailto:t@example.org)"


def test_fetch_decodes_content_encoding(srv: Server, fetcher: Fetcher) -> None:
    doc = fetcher.fetch(srv.url("/gzip"))
    assert doc.content == OK_HTML
    assert doc.media == "html"


# -- fetch: retries --------------------------------------------------------------------------------


def test_flaky_server_is_retried_until_it_answers(srv: Server) -> None:
    fake = FakeTime()
    with Fetcher(TEST_SETTINGS, sleep=fake.sleep, clock=fake.clock) as f:
        doc = f.fetch(srv.url("/flaky"))
    assert doc.content == OK_HTML
    assert srv.hits["/flaky"] == 3
    assert fake.sleeps == pytest.approx([0.01, 0.02])  # fetch_backoff * 2**attempt


def test_persistent_5xx_gives_up_after_retries(srv: Server) -> None:
    fake = FakeTime()
    url = srv.url("/always500")
    with Fetcher(TEST_SETTINGS, sleep=fake.sleep, clock=fake.clock) as f, pytest.raises(FetchFailed) as info:
        f.fetch(url)
    assert info.value.message == f"{url}: HTTP 500 Internal Server Error after 3 attempts"
    assert srv.hits["/always500"] == TEST_SETTINGS.fetch_retries + 1
    assert fake.sleeps == pytest.approx([0.01, 0.02])


def test_404_is_not_retried(srv: Server, fetcher: Fetcher) -> None:
    url = srv.url("/missing")
    with pytest.raises(FetchFailed) as info:
        fetcher.fetch(url)
    assert info.value.message == f"{url}: HTTP 404 Not Found"
    assert info.value.code == "E106"
    assert srv.hits["/missing"] == 1


def test_429_honours_small_retry_after(srv: Server) -> None:
    fake = FakeTime()
    with Fetcher(TEST_SETTINGS, sleep=fake.sleep, clock=fake.clock) as f:
        doc = f.fetch(srv.url("/ratelimited"))
    assert doc.content == PLAIN
    assert srv.hits["/ratelimited"] == 2
    assert fake.sleeps == [2.0]


def test_429_with_long_retry_after_is_not_retried(srv: Server) -> None:
    fake = FakeTime()
    url = srv.url("/ratelimited-long")
    with Fetcher(TEST_SETTINGS, sleep=fake.sleep, clock=fake.clock) as f, pytest.raises(FetchFailed) as info:
        f.fetch(url)
    assert info.value.message.startswith(f"{url}: HTTP 429 Too Many Requests")
    assert "Retry-After 3600 s" in info.value.message
    assert srv.hits["/ratelimited-long"] == 1
    assert fake.sleeps == []


def test_timeout_is_retried_then_reported(srv: Server) -> None:
    url = srv.url("/slow")
    with Fetcher(TEST_SETTINGS) as f, pytest.raises(FetchFailed) as info:
        f.fetch(url)
    assert info.value.message == f"{url}: timed out after 3 attempts"
    assert srv.hits["/slow"] == 3


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_a_dripping_server_is_given_up_at_the_deadline(srv: Server, path: str) -> None:
    url = srv.url(path)
    with Fetcher(dataclasses.replace(TEST_SETTINGS, fetch_deadline=1.0)) as f, pytest.raises(FetchFailed) as info:
        f.fetch(url)
    assert info.value.message == f"{url}: no complete answer within 1 s (fetch deadline); given up"
    assert srv.hits[path] == 1  # not retried


def test_the_deadline_is_per_request(srv: Server) -> None:
    with Fetcher(dataclasses.replace(TEST_SETTINGS, fetch_deadline=1.0)) as f:
        with pytest.raises(FetchFailed):
            f.fetch(srv.url("/drip-body"))
        assert f.fetch(srv.url("/ok")).content == OK_HTML


def test_unreachable_host_fails_cleanly() -> None:
    url = f"http://127.0.0.1:{closed_port()}/nothing"
    fake = FakeTime()
    with Fetcher(TEST_SETTINGS, sleep=fake.sleep, clock=fake.clock) as f, pytest.raises(FetchFailed) as info:
        f.fetch(url)
    assert info.value.message.startswith(f"{url}: connection failed (")
    assert info.value.message.endswith("after 3 attempts")
    assert len(fake.sleeps) == 2


def test_truncated_body_is_detected(srv: Server, fetcher: Fetcher) -> None:
    url = srv.url("/truncated")
    with pytest.raises(FetchFailed) as info:
        fetcher.fetch(url)
    assert info.value.message.startswith(f"{url}: response truncated (got 100 of 5000 bytes)")
    assert srv.hits["/truncated"] == 3


def test_redirect_loop_stops(srv: Server, fetcher: Fetcher) -> None:
    url = srv.url("/loop")
    with pytest.raises(FetchFailed) as info:
        fetcher.fetch(url)
    assert info.value.message == f"{url}: more than {MAX_REDIRECTS} redirects"
    assert srv.hits["/loop"] == MAX_REDIRECTS + 1


# -- fetch: refusals -------------------------------------------------------------------------------


def test_streamed_body_over_the_cap_is_abandoned(srv: Server, fetcher: Fetcher) -> None:
    url = srv.url("/huge")
    with pytest.raises(TooLarge) as info:
        fetcher.fetch(url)
    assert info.value.message == f"{url}: body exceeds 50,000 bytes"
    assert info.value.code == "E103"
    assert srv.hits["/huge"] == 1


def test_declared_length_over_the_cap_is_refused_before_reading(srv: Server, fetcher: Fetcher) -> None:
    url = srv.url("/huge-declared")
    with pytest.raises(TooLarge) as info:
        fetcher.fetch(url)
    assert info.value.message.startswith(f"{url}: body exceeds 50,000 bytes")
    assert "10,000,000" in info.value.message
    assert srv.hits["/huge-declared"] == 1


@pytest.mark.parametrize(("path", "mime"), [("/pdf", "application/pdf"), ("/image", "image/png")])
def test_non_documents_are_refused(srv: Server, fetcher: Fetcher, path: str, mime: str) -> None:
    url = srv.url(path)
    with pytest.raises(NotADocument) as info:
        fetcher.fetch(url)
    assert info.value.message == f"{url}: content-type {mime} is not HTML or text"
    assert info.value.code == "E108"
    assert srv.hits[path] == 1


@pytest.mark.parametrize("url", ["ftp://example.org/file.html", "example.org/no-scheme", "http://[::1/"])
def test_bad_urls_fail_without_network(url: str) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"no request expected, got {request.url}")

    with (
        Fetcher(TEST_SETTINGS, transport=httpx.MockTransport(refuse)) as f,
        pytest.raises(FetchFailed) as info,
    ):
        f.fetch(url)
    assert info.value.message.startswith(f"{url}: ")


# -- politeness ------------------------------------------------------------------------------------


def test_same_host_requests_are_spaced_by_host_delay(srv: Server) -> None:
    fake = FakeTime()
    settings = Settings(fetch_timeout=0.3, fetch_backoff=0.01, fetch_max_bytes=CAP, host_delay=1.0)
    with Fetcher(settings, clock=fake.clock, sleep=fake.sleep) as f:
        f.fetch(srv.url("/ok"))
        assert fake.sleeps == []
        f.fetch(srv.url("/plain"))
        assert fake.sleeps == pytest.approx([1.0])
        fake.advance(0.25)
        f.fetch(srv.url("/ua"))
        assert fake.sleeps == pytest.approx([1.0, 0.75])
        fake.advance(5.0)
        f.fetch(srv.url("/ok"))
        assert fake.sleeps == pytest.approx([1.0, 0.75])
        f.fetch(srv.url("/redirect"))  # two requests: the redirect hop waits too
        assert fake.sleeps == pytest.approx([1.0, 0.75, 1.0, 1.0])


def test_politeness_is_per_host() -> None:
    fake = FakeTime()
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, headers={"content-type": "text/plain"}, content=b"hi")

    settings = Settings(host_delay=2.0, fetch_retries=0)
    with Fetcher(settings, transport=httpx.MockTransport(answer), clock=fake.clock, sleep=fake.sleep) as f:
        f.fetch("https://a.example/1")
        f.fetch("https://b.example/1")
        assert fake.sleeps == []
        fake.advance(0.5)
        f.fetch("https://a.example/2")
        assert fake.sleeps == pytest.approx([1.5])
        f.fetch("https://b.example/2")  # b's last request was 2.0 s ago by now
        assert fake.sleeps == pytest.approx([1.5])
    assert seen == [
        "https://a.example/1",
        "https://b.example/1",
        "https://a.example/2",
        "https://b.example/2",
    ]


# -- feeds -----------------------------------------------------------------------------------------


def test_read_rss_feed(srv: Server, fetcher: Fetcher) -> None:
    items = fetcher.read_feed(srv.url("/feed.rss"))
    # 23:30 -05:00 on the 5th is the 6th in UTC: the publisher's date is kept.
    assert items == [
        (
            srv.url("/ok"),
            Declared(url=srv.url("/ok"), title="First item", published="2024-03-05", outlet="Test Outlet"),
        ),
        (srv.url("/plain"), Declared(url=srv.url("/plain"), title="Second item", outlet="Test Outlet")),
        (srv.url("/article"), Declared(url=srv.url("/article"), title="Third item", outlet="Test Outlet")),
    ]
    assert srv.hits["/feed.rss"] == 1
    assert srv.hits["/ok"] == 0  # reading a feed fetches none of its items


def test_read_atom_feed(srv: Server, fetcher: Fetcher) -> None:
    items = fetcher.read_feed(srv.url("/feed.atom"))
    assert [link for link, _ in items] == [srv.url("/ok"), srv.url("/plain"), srv.url("/article")]
    assert [(d.title, d.published, d.outlet) for _, d in items] == [
        ("Atom one", "2024-04-01", "Atom Outlet"),  # published wins over updated; local date, not UTC
        ("Atom two", "2024-04-03", "Atom Outlet"),  # updated when there is no published
        ("Atom three", None, "Atom Outlet"),
    ]


def test_read_rdf_feed(srv: Server, fetcher: Fetcher) -> None:
    items = fetcher.read_feed(srv.url("/feed.rdf"))
    assert [(link, d.title, d.published, d.outlet) for link, d in items] == [
        (srv.url("/ok"), "RDF one", "2023-12-31", "RDF Outlet"),
        (srv.url("/plain"), "RDF two", None, "RDF Outlet"),
    ]


def test_mislabelled_feed_is_read(srv: Server, fetcher: Fetcher) -> None:
    items = fetcher.read_feed(srv.url("/feed-mislabelled"))
    assert [link for link, _ in items] == [srv.url("/ok"), srv.url("/plain"), srv.url("/article")]


def test_empty_feed_has_no_items(srv: Server, fetcher: Fetcher) -> None:
    assert fetcher.read_feed(srv.url("/feed-empty")) == []


@pytest.mark.parametrize("path", ["/notxml", "/ok", "/image"])
def test_not_a_feed(srv: Server, fetcher: Fetcher, path: str) -> None:
    url = srv.url(path)
    with pytest.raises(BadFeed) as info:
        fetcher.read_feed(url)
    assert info.value.message.startswith(f"{url}: not an RSS or Atom feed (")
    assert info.value.message.endswith(")")
    assert info.value.code == "E107"
    assert srv.hits[path] == 1


def test_feed_fetch_failure_is_fetch_failed(srv: Server, fetcher: Fetcher) -> None:
    url = srv.url("/missing")
    with pytest.raises(FetchFailed, match="HTTP 404 Not Found"):
        fetcher.read_feed(url)


# -- iter_downloads --------------------------------------------------------------------------------


def test_iter_downloads_goes_on_after_failures_and_fetches_duplicates_once(srv: Server) -> None:
    unreachable = f"http://127.0.0.1:{closed_port()}/x"
    urls = [
        srv.url("/ok"),
        srv.url("/missing"),
        srv.url("/pdf"),
        srv.url("/ok"),
        srv.url("/plain"),
        unreachable,
    ]
    feeds = [srv.url("/feed.rss"), srv.url("/notxml"), srv.url("/feed.rss")]
    results = list(iter_downloads(urls, feeds, TEST_SETTINGS))

    summary = [
        (r.source, r.origin, r.media) if isinstance(r, RawDocument) else (r.source, r.stage, r.code)
        for r in results
    ]
    assert summary == [
        (srv.url("/ok"), "url", "html"),
        (srv.url("/missing"), "fetch", "E106"),
        (srv.url("/pdf"), "fetch", "E108"),
        (srv.url("/plain"), "url", "text"),
        (unreachable, "fetch", "E106"),
        (srv.url("/article"), "feed", "html"),
        (srv.url("/notxml"), "fetch", "E107"),
    ]
    errors = [r for r in results if isinstance(r, IngestError)]
    for error in errors:
        assert error.message.startswith(error.source + ": ")
    assert errors[0].message == f"{srv.url('/missing')}: HTTP 404 Not Found"
    article = results[5]
    assert isinstance(article, RawDocument)
    assert article.content == ARTICLE_HTML
    assert article.declared == Declared(
        url=srv.url("/article"), title="Third item", outlet="Test Outlet", content_type="text/html"
    )
    assert srv.hits == Counter(
        {"/ok": 1, "/missing": 1, "/pdf": 1, "/plain": 1, "/feed.rss": 1, "/article": 1, "/notxml": 1}
    )


def test_iter_downloads_feed_items_carry_feed_metadata(srv: Server) -> None:
    results = list(iter_downloads([], [srv.url("/feed.rss")], TEST_SETTINGS))
    assert all(isinstance(r, RawDocument) and r.origin == "feed" for r in results)
    docs = [r for r in results if isinstance(r, RawDocument)]
    assert [(d.source, d.content, d.declared.title, d.declared.published) for d in docs] == [
        (srv.url("/ok"), OK_HTML, "First item", "2024-03-05"),
        (srv.url("/plain"), PLAIN, "Second item", None),
        (srv.url("/article"), ARTICLE_HTML, "Third item", None),
    ]


def test_iter_downloads_skips_items_already_reached_by_redirect(srv: Server) -> None:
    results = list(iter_downloads([srv.url("/redirect")], [srv.url("/feed.rss")], TEST_SETTINGS))
    assert [r.source for r in results] == [srv.url("/redirect"), srv.url("/plain"), srv.url("/article")]
    assert srv.hits["/ok"] == 1


def test_iter_downloads_uses_injected_sleep_and_clock(srv: Server) -> None:
    fake = FakeTime()
    settings = Settings(fetch_timeout=0.3, fetch_backoff=0.01, fetch_max_bytes=CAP, host_delay=1.0)
    results = list(
        iter_downloads([srv.url("/ok"), srv.url("/plain")], [], settings, clock=fake.clock, sleep=fake.sleep)
    )
    assert len(results) == 2
    assert fake.sleeps == pytest.approx([1.0])


def test_pipeline_run_with_urls_and_feeds_records_each_failure(srv: Server, tmp_path: Any) -> None:
    """End to end: a URL list and feeds through the whole pipeline into the store and the contract files."""
    from recoupe import Pipeline, Store, export

    urls = [srv.url("/ok"), srv.url("/missing"), f"http://127.0.0.1:{closed_port()}/gone", srv.url("/pdf")]
    feeds = [srv.url("/feed.rss"), srv.url("/notxml")]
    with Store.open(tmp_path / "s.duckdb") as store:
        report = Pipeline(store, TEST_SETTINGS).run(urls=urls, feeds=feeds)
        export(store, tmp_path / "out")
        errors = {e.source: e.code for e in store.errors()}
    assert errors[srv.url("/missing")] == FetchFailed.code
    assert errors[urls[2]] == FetchFailed.code
    assert errors[srv.url("/pdf")] == NotADocument.code
    assert errors[srv.url("/notxml")] == BadFeed.code
    sources = sorted(line.split('"source": "')[1].split('"')[0]
                     for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines())
    # /ok from the list; /ok (again: fetched once), /plain and /article from the feed
    assert sources == [srv.url("/article"), srv.url("/ok"), srv.url("/plain")]
    assert len(errors) == 4
    assert report.errors and all(e.message.startswith(e.source) for e in report.errors)


def test_iter_downloads_takes_at_most_feed_max_items(srv: Server) -> None:
    settings = dataclasses.replace(TEST_SETTINGS, feed_max_items=2)
    results = list(iter_downloads([], [srv.url("/feed.rss")], settings))
    assert [r.source for r in results] == [srv.url("/ok"), srv.url("/plain")]
    assert srv.hits["/article"] == 0
    assert Settings().feed_max_items == 200


def test_iter_downloads_fetches_one_item_at_a_time(srv: Server) -> None:
    downloads = iter_downloads([srv.url("/ok"), srv.url("/plain")], [srv.url("/feed.rss")], TEST_SETTINGS)
    assert next(downloads).source == srv.url("/ok")  # type: ignore[union-attr]
    assert srv.hits == Counter({"/ok": 1})
    downloads.close()


def test_pipeline_processes_downloads_as_they_come_and_a_rerun_fetches_nothing_stored(
        srv: Server, tmp_path: Any) -> None:
    """Batches are committed while the run fetches (a killed run keeps them); a URL stored is not fetched again."""
    from recoupe import Pipeline, Store

    fetched_at_commit: list[int] = []

    class Spy(Pipeline):
        def _process(self, *args: Any, **kwargs: Any) -> None:
            fetched_at_commit.append(sum(srv.hits.values()))
            super()._process(*args, **kwargs)

    settings = dataclasses.replace(TEST_SETTINGS, batch_size=1)
    urls = [srv.url("/ok"), srv.url("/plain"), srv.url("/article")]
    with Store.open(tmp_path / "s.duckdb") as store:
        first = Spy(store, settings).run(urls=urls)
        assert fetched_at_commit == [1, 2, 3]
        assert first.new_articles == 3
        srv.reset()
        second = Pipeline(store, settings).run(urls=[*urls, srv.url("/xhtml")], feeds=[srv.url("/feed.rss")])
    assert srv.hits == Counter({"/xhtml": 1, "/feed.rss": 1})
    # three URLs stored (not fetched; the feed's items are those three), /xhtml fetched: the bytes of /ok
    assert (second.inputs, second.known_articles, second.new_articles) == (4, 4, 0)
