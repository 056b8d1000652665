"""A real HTTP server on 127.0.0.1 for the download and feed tests: the routes they need, the feeds it serves,
and a fake clock. Used by tests/test_downloads.py and tests/test_feeds.py; the server runs in a thread for a whole
test module, every handler thread is joined when it stops, and the teardown checks that no thread is left."""

import contextlib
import gzip
import socket
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from recoupe.settings import Settings

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
                self.wfile.write(data[k : k + 1])
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


@contextlib.contextmanager
def running_server() -> Iterator[Server]:
    """The server in a thread; on exit it is shut down, every handler thread joined, and none may be left."""
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
