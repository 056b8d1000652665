"""Network ingestion: fetch web pages and RSS/Atom feeds into ``RawDocument`` records.

Everything that touches the network goes through one :class:`Fetcher`, which wraps one ``httpx.Client``
and applies the run's settings:

* the User-Agent of ``Settings.user_agent`` on every request;
* redirects followed (at most :data:`MAX_REDIRECTS`), the final URL recorded in ``Declared.url``;
* ``Settings.fetch_timeout`` to connect and between two bytes of the answer, and ``Settings.fetch_deadline``
  for the whole request (redirects, headers and body): every socket read and write waits at most what is left
  of it, so a server sending a byte now and then cannot hold a run; a request over its deadline is not retried;
* ``Settings.fetch_retries`` extra attempts after a timeout, a connection error, a truncated body, an
  HTTP 5xx or 429 answer, waiting ``fetch_backoff * 2**attempt`` seconds (or the server's
  ``Retry-After`` when it asks for longer, up to :data:`MAX_RETRY_AFTER`); other 4xx are final;
* bodies streamed and abandoned beyond ``Settings.fetch_max_bytes`` (``Content-Length`` checked first);
* politeness: two requests to the same host (redirect hops and retries included) are at least
  ``Settings.host_delay`` seconds apart.

A URL that cannot be used raises a :class:`recoupe.errors.RecoupeInputError` subclass whose one-line
message starts with the URL; :func:`iter_downloads` turns those into ``IngestError`` records and goes on.
The clock and the sleep function are injected so tests never wait for real.
"""

from __future__ import annotations

import dataclasses
import email.utils
import io
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import feedparser
import httpcore
import httpx

from recoupe.errors import BadFeed, FetchFailed, NotADocument, RecoupeInputError, TooLarge
from recoupe.records import Declared, IngestError, Media, Origin, RawDocument
from recoupe.settings import Settings

__all__ = [
    "MAX_REDIRECTS",
    "MAX_RETRY_AFTER",
    "Fetcher",
    "iter_downloads",
    "read_url_list",
]

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
"""Redirects followed before a URL is given up (E106)."""

MAX_RETRY_AFTER = 30.0
"""Longest ``Retry-After`` (seconds) honoured; a server asking for more is not retried."""

_MEDIA_OF: dict[str, Media] = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
_DOCUMENT_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
_FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,"
    "application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.1"
)
_SNIFF_BYTES = 1024
# feedparser flags a feed served with a non-XML content type, or none, as "bozo"; that alone does not
# make it something other than a feed.
_HARMLESS_BOZO = frozenset({"NonXMLContentType", "CharacterEncodingOverride"})
_INLINE_COMMENT = re.compile(r"\s+#.*$", re.DOTALL)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def read_url_list(text: str) -> list[str]:
    """The URLs of a URL-list file: one per line.

    Leading and trailing whitespace is stripped; blank lines, lines starting with ``#`` and inline
    comments (whitespace then ``#``) are ignored; order is kept and exact duplicates are dropped.
    """
    urls: list[str] = []
    seen: set[str] = set()
    # Only \n, \r\n and \r end a line (str.splitlines would also split on \x1c-\x1e, \x85, \u2028...).
    for line in _LINE_BREAK.split(text.removeprefix("\ufeff")):
        url = _INLINE_COMMENT.sub("", line.strip()).strip()
        if not url or url.startswith("#") or url in seen:
            continue
        seen.add(url)
        urls.append(url)
    return urls


class _Transient(Exception):
    """A failure worth another attempt; ``reason`` ends up in the final ``FetchFailed``."""

    def __init__(self, reason: str, *, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


@dataclasses.dataclass(frozen=True, slots=True)
class _Body:
    final_url: str
    content_type: str | None
    mime: str | None
    content: bytes


def _mime(content_type: str | None) -> str | None:
    """``text/html; charset=utf-8`` -> ``text/html``; ``None`` when the header is missing or empty."""
    if content_type is None:
        return None
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime or None


def _sniff(content: bytes) -> Media:
    """Media of a body that came without a content type: HTML when it looks like HTML, else text."""
    head = content[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if head.startswith(b"<!doctype") or b"<html" in head else "text"


def _document_media(url: str, mime: str | None) -> None:
    """Refuse, before the body is read, a content type that is neither HTML nor text."""
    if mime is not None and mime not in _MEDIA_OF:
        raise NotADocument(f"{url}: content-type {mime} is not HTML or text")


def _feed_media(url: str, mime: str | None) -> None:
    """Refuse, before the body is read, a content type that cannot hold a feed."""
    if mime is None or mime.startswith("text/") or mime.endswith(("/xml", "+xml")):
        return
    raise BadFeed(f"{url}: not an RSS or Atom feed (content-type {mime})")


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length", "").strip()
    return int(value) if value.isdigit() else None


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks to wait (``Retry-After``: delta-seconds or an HTTP date), if any."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _check_url(url: str) -> None:
    """Refuse, before any request, what is not an absolute http(s) URL with a host."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchFailed(f"{url}: invalid URL ({exc})") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchFailed(f"{url}: not an absolute http or https URL")


def _describe(exc: Exception) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _Deadline:
    """The monotonic time by which the request in flight must be over (None: no request in flight)."""

    def __init__(self) -> None:
        self.at: float | None = None

    def clamp(self, timeout: float | None) -> float | None:
        """``timeout`` cut to what is left of the deadline; raises ``httpcore.ReadTimeout`` once it is past."""
        if self.at is None:
            return timeout
        left = self.at - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the request's deadline has passed")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every read and write waits at most what is left of the request's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.clamp(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.clamp(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(ssl_context, server_hostname, self._deadline.clamp(timeout))
        return _DeadlineStream(stream, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's own socket backend, with the deadline applied to connecting and to every stream it opens."""

    def __init__(self, deadline: _Deadline) -> None:
        self._backend = httpcore.SyncBackend()
        self._deadline = deadline

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(host, port, self._deadline.clamp(timeout), local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(path, self._deadline.clamp(timeout), socket_options)
        return _DeadlineStream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def _deadline_transport(deadline: _Deadline) -> httpx.HTTPTransport:
    """httpx's transport over the deadline backend (httpx takes no backend argument: its pool's is replaced)."""
    transport = httpx.HTTPTransport()
    pool = transport._pool
    if not hasattr(pool, "_network_backend"):  # pragma: no cover - a future httpcore; tests/test_downloads.py sees it
        raise RuntimeError("httpcore's connection pool has no _network_backend to wrap")
    pool._network_backend = _DeadlineBackend(deadline)
    return transport


class Fetcher:
    """Fetches documents and feeds over HTTP(S) with retries, size limits and per-host politeness.

    Use it as a context manager (or call :meth:`close`): it owns one ``httpx.Client`` whose
    connections are reused between requests. ``transport`` replaces the network (tests, proxies);
    ``clock`` and ``sleep`` are what politeness and back-off use to measure and wait.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self._deadline = _Deadline()
        self._client = httpx.Client(
            headers={"User-Agent": settings.user_agent},
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            transport=transport if transport is not None else _deadline_transport(self._deadline),
            event_hooks={"request": [self._wait_for_host]},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the underlying client and its connections."""
        self._client.close()

    def fetch(self, url: str, *, declared: Declared | None = None, origin: Origin = "url") -> RawDocument:
        """Download one HTML or plain-text document.

        ``declared`` is what the caller already knows (a feed item's title, date, outlet); the result
        keeps it, with ``url`` set to the final URL after redirects and ``content_type`` to the
        server's header. ``origin`` is ``"feed"`` for a feed's item. Raises ``FetchFailed``,
        ``TooLarge`` or ``NotADocument``.
        """
        body = self._download(url, check=_document_media, accept=_DOCUMENT_ACCEPT)
        media: Media = _sniff(body.content) if body.mime is None else _MEDIA_OF[body.mime]
        base = declared if declared is not None else Declared()
        meta = dataclasses.replace(
            base,
            url=body.final_url,
            content_type=body.content_type if body.content_type is not None else base.content_type,
        )
        log.info("fetched %s (%s, %d bytes)", url, media, len(body.content))
        return RawDocument(source=url, origin=origin, media=media, content=body.content, declared=meta)

    def read_feed(self, url: str) -> list[tuple[str, Declared]]:
        """The items of an RSS 2.0, RSS 1.0 or Atom feed: each link with its title, date and outlet.

        Links are made absolute against the feed's final URL; an item without a link is skipped and
        a link listed twice is kept once. Raises ``BadFeed`` when the document is not a feed, and
        what :meth:`fetch` raises when it cannot be downloaded.
        """
        body = self._download(url, check=_feed_media, accept=_FEED_ACCEPT)
        headers = {"content-location": body.final_url}
        if body.content_type is not None:
            headers["content-type"] = body.content_type
        try:
            # From the bytes, never from the URL: feedparser must not go to the network itself.
            parsed: Any = feedparser.parse(io.BytesIO(body.content), response_headers=headers)
        except Exception as exc:  # a third-party parser fed untrusted bytes
            raise BadFeed(f"{url}: not an RSS or Atom feed ({_describe(exc)})") from exc
        entries: list[Any] = list(parsed.get("entries") or [])
        version = str(parsed.get("version") or "")
        problem: object = parsed.get("bozo_exception") if parsed.get("bozo") else None
        if problem is not None and type(problem).__name__ in _HARMLESS_BOZO:
            problem = None
        if not entries and (not version or problem is not None):
            reason = str(problem).strip() if problem is not None else ""
            if not reason:
                reason = "no <rss>, <rdf:RDF> or <feed> element"
            raise BadFeed(f"{url}: not an RSS or Atom feed ({reason})")
        if problem is not None:
            log.warning("%s: feed is malformed but readable (%s)", url, problem)
        outlet = _text(parsed.get("feed", {}).get("title"))
        items: list[tuple[str, Declared]] = []
        seen: set[str] = set()
        for entry in entries:
            link = _entry_link(entry, body.final_url)
            if link is None:
                log.warning("%s: skipped a feed item without a link (%r)", url, _text(entry.get("title")))
                continue
            if link in seen:
                continue
            seen.add(link)
            published = _entry_date(entry, "published") or _entry_date(entry, "updated")
            items.append(
                (
                    link,
                    Declared(url=link, title=_text(entry.get("title")), published=published, outlet=outlet),
                )
            )
        log.info("read feed %s (%d items)", url, len(items))
        return items

    # -- machinery ------------------------------------------------------------------------------

    def _wait_for_host(self, request: httpx.Request) -> None:
        """Request hook: wait until ``host_delay`` has passed since the last request to this host."""
        host = request.url.host
        delay = self._settings.host_delay
        last = self._last_request.get(host)
        if last is not None and delay > 0:
            wait = last + delay - self._clock()
            if wait > 0:
                log.debug("waiting %.3f s before the next request to %s", wait, host)
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def _download(self, url: str, *, check: Callable[[str, str | None], None], accept: str) -> _Body:
        """Fetch ``url`` with retries; ``check(url, mime)`` may refuse the content type before the body."""
        _check_url(url)
        attempts = max(1, self._settings.fetch_retries + 1)
        failure = _Transient("no attempt made")
        for attempt in range(attempts):
            try:
                return self._attempt(url, check=check, accept=accept)
            except _Transient as exc:
                failure = exc
            if attempt + 1 == attempts:
                break
            wait = self._settings.fetch_backoff * 2**attempt
            if failure.retry_after is not None:
                if failure.retry_after > MAX_RETRY_AFTER:
                    raise FetchFailed(
                        f"{url}: {failure.reason} (Retry-After {failure.retry_after:g} s is too long to wait)"
                    )
                wait = max(wait, failure.retry_after)
            log.warning(
                "%s: %s; attempt %d of %d in %.2f s", url, failure.reason, attempt + 2, attempts, wait
            )
            self._sleep(wait)
        suffix = f" after {attempts} attempts" if attempts > 1 else ""
        raise FetchFailed(f"{url}: {failure.reason}{suffix}")

    def _attempt(self, url: str, *, check: Callable[[str, str | None], None], accept: str) -> _Body:
        """One GET (redirects included) within ``fetch_deadline``; raises ``_Transient`` for what deserves another
        try (not a request over its deadline: a server that slow is given up)."""
        limit = self._settings.fetch_deadline
        self._deadline.at = time.monotonic() + limit if limit > 0 else None
        try:
            with self._client.stream("GET", url, headers={"Accept": accept}) as response:
                return self._read(url, response, check)
        except httpx.TimeoutException as exc:
            if self._deadline.at is not None and time.monotonic() >= self._deadline.at:
                raise FetchFailed(f"{url}: no complete answer within {limit:g} s (fetch deadline); given up") from exc
            raise _Transient("timed out") from exc
        except httpx.TooManyRedirects as exc:
            raise FetchFailed(f"{url}: more than {MAX_REDIRECTS} redirects") from exc
        except httpx.UnsupportedProtocol as exc:
            raise FetchFailed(f"{url}: not an absolute http or https URL") from exc
        except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise _Transient(f"connection failed ({_describe(exc)})") from exc
        except httpx.InvalidURL as exc:
            raise FetchFailed(f"{url}: invalid URL ({exc})") from exc
        except httpx.HTTPError as exc:
            raise FetchFailed(f"{url}: {_describe(exc)}") from exc
        finally:
            self._deadline.at = None

    def _read(self, url: str, response: httpx.Response, check: Callable[[str, str | None], None]) -> _Body:
        """Status, content type and size checks, then the body, streamed and capped."""
        status = response.status_code
        if not 200 <= status < 300:
            reason = f"HTTP {status} {response.reason_phrase}".rstrip()
            if status == 429 or status >= 500:
                raise _Transient(reason, retry_after=_retry_after(response))
            raise FetchFailed(f"{url}: {reason}")
        content_type = response.headers.get("content-type")
        mime = _mime(content_type)
        check(url, mime)
        cap = self._settings.fetch_max_bytes
        expected = _content_length(response)
        if expected is not None and expected > cap:
            raise TooLarge(f"{url}: body exceeds {cap:,} bytes (Content-Length {expected:,})")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise TooLarge(f"{url}: body exceeds {cap:,} bytes")
                chunks.append(chunk)
        except httpx.RemoteProtocolError as exc:
            got = response.num_bytes_downloaded
            if expected is not None:
                raise _Transient(f"response truncated (got {got} of {expected} bytes)") from exc
            raise _Transient(f"response truncated (got {got} bytes; {_describe(exc)})") from exc
        return _Body(
            final_url=str(response.url),
            content_type=content_type.strip() if content_type and content_type.strip() else None,
            mime=mime,
            content=b"".join(chunks),
        )


def _text(value: object) -> str | None:
    """A feed string field, stripped; ``None`` when absent or blank."""
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _entry_link(entry: Any, base: str) -> str | None:
    """An item's link (``link``, else the first ``links`` href), absolute against ``base``."""
    link = _text(entry.get("link"))
    if link is None:
        for candidate in entry.get("links") or []:
            link = _text(candidate.get("href")) if hasattr(candidate, "get") else None
            if link is not None:
                break
    if link is None:
        return None
    if "://" in link:
        return link
    try:
        return str(httpx.URL(base).join(link))
    except httpx.InvalidURL:
        return None


def _entry_date(entry: Any, field: str) -> str | None:
    """``YYYY-MM-DD`` of an item's ``published`` or ``updated`` date, as the publisher wrote it.

    The raw RFC 822 or ISO 8601 string is read first so that the date stays the publisher's local
    date (feedparser's ``*_parsed`` is in UTC: 23:30 -05:00 would become the next day); the parsed
    value is the fallback for the other formats feedparser understands.
    """
    raw = _text(entry.get(field))
    if raw is not None:
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw).date().isoformat()
        except ValueError:
            pass
    return _iso_date(entry.get(f"{field}_parsed"))


def _iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` of a feedparser ``*_parsed`` value (a ``time.struct_time``), if valid."""
    if not isinstance(value, tuple) or len(value) < 3:
        return None
    year, month, day = value[0], value[1], value[2]
    if not all(isinstance(part, int) for part in (year, month, day)):
        return None
    if not (1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def iter_downloads(
    urls: Iterable[str],
    feeds: Iterable[str],
    settings: Settings,
    *,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[RawDocument | IngestError]:
    """Fetch every URL, then every item of every feed, yielding a document or an error for each, one at a time
    (nothing is fetched before the caller asks for the next item).

    URLs come first in their order, then each feed's items in feed order (``origin="feed"``, with the
    item's title, date and outlet in ``declared``); at most ``settings.feed_max_items`` items of one feed
    (its first ones; 0: all). A URL already fetched (as given, or as the final URL of an earlier redirect)
    is not fetched again, nor one for which ``skip(url)`` is true (already stored). A failure yields
    ``IngestError(stage="fetch")`` for that URL or feed and the run goes on.
    """
    seen: set[str] = set()
    seen_feeds: set[str] = set()
    with Fetcher(settings, transport=transport, clock=clock, sleep=sleep) as fetcher:

        def one(url: str, declared: Declared | None, origin: Origin) -> RawDocument | IngestError:
            seen.add(url)
            try:
                doc = fetcher.fetch(url, declared=declared, origin=origin)
            except RecoupeInputError as exc:
                log.warning("%s", exc)
                return IngestError(source=url, stage="fetch", code=exc.code, message=exc.message)
            if doc.declared.url is not None:
                seen.add(doc.declared.url)
            return doc

        def wanted(url: str) -> bool:
            if url in seen:
                return False
            if skip is not None and skip(url):
                seen.add(url)
                return False
            return True

        for url in urls:
            if wanted(url):
                yield one(url, None, "url")
        for feed in feeds:
            if feed in seen_feeds:
                continue
            seen_feeds.add(feed)
            try:
                items = fetcher.read_feed(feed)
            except RecoupeInputError as exc:
                log.warning("%s", exc)
                yield IngestError(source=feed, stage="fetch", code=exc.code, message=exc.message)
                continue
            cap = settings.feed_max_items
            if 0 < cap < len(items):
                log.warning("%s: %d items, the first %d taken (--feed-max-items)", feed, len(items), cap)
                items = items[:cap]
            for link, declared in items:
                if wanted(link):
                    yield one(link, declared, "feed")
