"""Golden tests of the temporal tagger on real text: the five seed articles (tests/golden/timex_seeds.json,
skipped without ../shared) and the demo corpus (tests/golden/timex_demo.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recoupe.read.clean import clean_text
from recoupe.records import CleanArticle
from recoupe.understand.timex import infer_document_date, tag

GOLDEN = Path(__file__).resolve().parent / "golden"
SEEDS_GOLD = {k: v for k, v in json.loads((GOLDEN / "timex_seeds.json").read_text(encoding="utf-8")).items()
              if not k.startswith("_")}
DEMO_GOLD = {k: v for k, v in json.loads((GOLDEN / "timex_demo.json").read_text(encoding="utf-8")).items()
             if not k.startswith("_")}


def seed_timexes(raw: str) -> tuple[str | None, list[dict[str, object]]]:
    """Tag the cleaned body of a seed file; each timex placed back in the file (line and offset)."""
    page = clean_text(raw)
    text = "\n\n".join(page.lines)
    places: list[tuple[int, int]] = []  # (start in the cleaned text, start in the file) of each kept line
    pos, cursor = 0, 0
    for line in page.lines:
        found = raw.find(line, cursor)
        found = raw.find(line) if found < 0 else found
        places.append((pos, found))
        pos += len(line) + 2
        cursor = found + len(line)
    out = []
    for t in tag(text, lang="fr", dct=page.published.value):
        line_start, file_start = max(p for p in places if p[0] <= t.start)
        offset = file_start + t.start - line_start
        assert raw[offset:offset + len(t.text)] == t.text
        out.append({"line": raw.count("\n", 0, offset) + 1, "offset": offset, "text": t.text, "type": t.type,
                    "value": t.value, "mod": t.mod})
    return page.published.value, out


@pytest.mark.parametrize("name", sorted(SEEDS_GOLD))
def test_timex_seeds_golden(name: str, seeds_dir: Path) -> None:
    dct, got = seed_timexes((seeds_dir / name).read_text(encoding="utf-8"))
    assert dct == SEEDS_GOLD[name]["dct"]
    assert got == SEEDS_GOLD[name]["timexes"]


def test_timex_seeds_undated_stay_unresolved(seeds_dir: Path) -> None:
    """In the undated seeds every value is absolute or anchored on an absolute date of the text."""
    for name, gold in SEEDS_GOLD.items():
        if gold["dct"] is None:
            page = clean_text((seeds_dir / name).read_text(encoding="utf-8"))
            text = "\n\n".join(page.lines)
            assert all(t.anchored in ("absolute", "narrative", "none") for t in tag(text, lang="fr", dct=None))


def test_timex_seeds_inferred_dates(seeds_dir: Path) -> None:
    got = {}
    for name in ("001_17a0f50bd2846a1f.txt", "003_aac8e28f51eab326.txt", "004_46fd579acfc83f2b.txt"):
        text = "\n\n".join(clean_text((seeds_dir / name).read_text(encoding="utf-8")).lines)
        found = infer_document_date(text, tag(text, lang="fr", dct=None), lang="fr")
        assert found is not None and found.date_type == "approximate"
        got[name[:3]] = found.value
    assert got == {"001": "2021-11", "003": "2021", "004": "2022-07"}


@pytest.fixture(scope="module")
def demo_texts(demo_articles: dict[str, CleanArticle]) -> dict[str, tuple[str, str | None]]:
    return {name: (a.text, a.published.value) for name, a in demo_articles.items()}


@pytest.mark.parametrize("name", sorted(DEMO_GOLD))
def test_timex_demo_golden(name: str, demo_texts: dict[str, tuple[str, str | None]]) -> None:
    text, dct = demo_texts[name]
    gold = DEMO_GOLD[name]
    assert dct == gold["dct"]
    got = [[t.text, t.type, t.value, t.mod] + ([t.range_end] if t.range_end else [])
           for t in tag(text, lang=gold["lang"], dct=dct)]
    assert got == gold["timexes"]
