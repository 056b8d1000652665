"""Golden test of ingest + clean on the bundled demo corpus (tests/golden/demo_gold.json): headline,
outlet, author, publication date, and must-contain / must-not-contain snippets, as trafilatura does."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.pipeline import outlet_key, repeated_lines
from recoupe.read.ingest import decode, iter_paths
from recoupe.records import CleanArticle, RawDocument
from recoupe.settings import Settings


def test_demo_corpus_is_complete(demo_articles: dict[str, CleanArticle], demo_gold: dict[str, dict]) -> None:
    assert sorted(demo_articles) == sorted(demo_gold)
    assert 13 <= len({k.split("#")[0] for k in demo_gold}) <= 15


@pytest.mark.parametrize("field", ["title", "outlet", "author"])
def test_demo_metadata(field: str, demo_articles: dict[str, CleanArticle], demo_gold: dict[str, dict]) -> None:
    got = {k: getattr(a, field) for k, a in demo_articles.items()}
    assert got == {k: g[field] for k, g in demo_gold.items()}


def test_demo_publication_dates(demo_articles: dict[str, CleanArticle], demo_gold: dict[str, dict]) -> None:
    got = {k: a.published.value for k, a in demo_articles.items()}
    assert got == {k: g["published"] for k, g in demo_gold.items()}
    for article in demo_articles.values():
        assert (article.published.value is None) == (article.published.basis == "unknown")


def test_demo_must_contain(demo_articles: dict[str, CleanArticle], demo_gold: dict[str, dict]) -> None:
    lost = [(k, s) for k, g in demo_gold.items() for s in g["must_contain"] if s not in demo_articles[k].text]
    assert lost == []


def test_demo_must_not_contain(demo_articles: dict[str, CleanArticle], demo_gold: dict[str, dict]) -> None:
    kept = [(k, s) for k, g in demo_gold.items() for s in g["must_not_contain"] if s in demo_articles[k].text]
    assert kept == []


def test_demo_headline_first(demo_articles: dict[str, CleanArticle]) -> None:
    for article in demo_articles.values():
        if article.title:
            assert article.text.startswith(article.title + "\n\n")


def test_demo_shared_footers_found(demo_dir: Path) -> None:
    raws = [r for r in iter_paths([demo_dir], Settings()) if isinstance(r, RawDocument) and r.media == "text"]
    furniture = repeated_lines((outlet_key(r, decode(r).text), r.raw_id, decode(r).text) for r in raws)
    assert {"atlas info", "le courrier du détroit", "maghreb défense hebdo"} <= set(furniture)
    assert all(len(lines) >= 1 for key, lines in furniture.items() if key == "atlas info")
