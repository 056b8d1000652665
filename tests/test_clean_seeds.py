"""Golden test of the clean stage on ../shared/corpus/seeds, judged line by line against our gold.

The gold (tests/golden/seeds_lines.json) names each line by number and a hash of its text, so the
seeds' sentences are not copied into the repository.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from recoupe.read.clean import clean
from recoupe.read.ingest import decode, iter_paths
from recoupe.records import CleanArticle, RawDocument
from recoupe.settings import Settings

GOLD = json.loads((Path(__file__).parent / "golden" / "seeds_lines.json").read_text(encoding="utf-8"))["files"]


def sha(line: str) -> str:
    return hashlib.sha1(line.strip().encode("utf-8")).hexdigest()[:12]


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, tuple[str, CleanArticle]]:
    out = {}
    for item in iter_paths([seeds_dir], Settings()):
        assert isinstance(item, RawDocument)
        decoded = decode(item)
        out[Path(item.source).name] = (decoded.text, clean(decoded))
    assert sorted(out) == sorted(GOLD)
    return out


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_lines_kept_and_dropped(name: str, seeds: dict[str, tuple[str, CleanArticle]]) -> None:
    text, article = seeds[name]
    lines = text.split("\n")
    kept_lines = set(article.text.split("\n\n"))
    gold = GOLD[name]
    for number, digest in gold["keep"]:
        assert sha(lines[number]) == digest, f"{name}: line {number} is not the gold's line"
        body = lines[number].strip()
        if number == gold["keep"][0][0] and body.startswith("date "):
            body = body.split(" ", 2)[2]
        assert body in kept_lines, f"{name}: body line {number} was dropped"
    kept_digests = {digest for _, digest in gold["keep"]}
    for number, digest in gold["drop"]:
        assert sha(lines[number]) == digest
        if digest in kept_digests:  # a teaser repeating this article's own headline
            continue
        line = lines[number].strip()
        assert line not in kept_lines, f"{name}: boilerplate line {number} was kept"
        if len(line) >= 30:  # long lines must not survive inside another paragraph either
            assert line not in article.text, f"{name}: boilerplate line {number} was kept"


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_headline(name: str, seeds: dict[str, tuple[str, CleanArticle]]) -> None:
    _, article = seeds[name]
    title = GOLD[name]["title_line"]
    if title is None:
        assert article.title is None
    else:
        assert article.title is not None and sha(article.title) == title[1]
        assert article.text.startswith(article.title + "\n\n")


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_publication_date(name: str, seeds: dict[str, tuple[str, CleanArticle]]) -> None:
    _, article = seeds[name]
    assert article.published.value == GOLD[name]["published"]
    expected_basis = {"000_19fbdcabb3686c2c.txt": "dateline", "002_667dec259b500af9.txt": "prefix"}
    assert article.published.basis == expected_basis.get(name, "unknown")


def test_seed_furniture_dates_never_used(seeds: dict[str, tuple[str, CleanArticle]]) -> None:
    # 003's footer lists other articles dated 2024 and 2025.
    _, article = seeds["003_aac8e28f51eab326.txt"]
    assert article.published.value is None
    assert "2025" not in article.text and "2024" not in article.text


def test_seed_outlets_and_authors(seeds: dict[str, tuple[str, CleanArticle]]) -> None:
    found = {name: (a.outlet, a.author) for name, (_, a) in seeds.items()}
    assert found == {
        "000_19fbdcabb3686c2c.txt": ("Bladi.net", "S.A"),
        "001_17a0f50bd2846a1f.txt": ("JForum", None),
        "002_667dec259b500af9.txt": (None, None),
        "003_aac8e28f51eab326.txt": ("LeBrief", None),
        "004_46fd579acfc83f2b.txt": (None, None),
    }
