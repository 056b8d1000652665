"""recoupe.read.downloads' feeds (RSS, Atom, RDF) and iter_downloads, and the pipeline run on URLs and feeds, against
a real HTTP server on 127.0.0.1 (tests/download_server.py)."""

import dataclasses
from collections import Counter
from typing import Any

import pytest

from recoupe.errors import BadFeed, FetchFailed, NotADocument
from recoupe.read.downloads import Fetcher, iter_downloads
from recoupe.records import Declared, IngestError, RawDocument
from recoupe.settings import Settings

from .download_server import (
    ARTICLE_HTML,
    CAP,
    OK_HTML,
    PLAIN,
    TEST_SETTINGS,
    FakeTime,
    Server,
    closed_port,
)

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
        (r.source, r.origin, r.media) if isinstance(r, RawDocument) else (r.source, r.stage, r.code) for r in results
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
    sources = sorted(
        line.split('"source": "')[1].split('"')[0]
        for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()
    )
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
    srv: Server, tmp_path: Any
) -> None:
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
