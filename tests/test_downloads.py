"""recoupe.read.downloads' URL lists and fetcher against a real HTTP server on 127.0.0.1 (tests/download_server.py;
and httpx.MockTransport for a few cases). Timings are never asserted: politeness and back-off are checked through an
injected fake clock and a sleep function that records what it was asked to wait."""

import dataclasses

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoupe.errors import FetchFailed, NotADocument, TooLarge
from recoupe.read.downloads import MAX_REDIRECTS, Fetcher, read_url_list
from recoupe.records import Declared, RawDocument
from recoupe.settings import USER_AGENT, Settings

from .download_server import (
    CAP,
    OK_HTML,
    PLAIN,
    SNIFF_HTML,
    SNIFF_TEXT,
    TEST_SETTINGS,
    FakeTime,
    Server,
    closed_port,
)

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
