"""What the fuzzing of issue 15 feeds and checks, shared by tests/test_fuzz.py (a bounded number of examples in
every test run) and bench/bench_fuzz.py (a longer run in ``make bench``).

Each ``check_*`` takes one generated input and raises AssertionError (or the unexpected exception itself) when
recoupe does something other than what it promises on bad input: a clean refusal (``RecoupeInputError``) or a
result that every later stage can use (valid Unicode, no NUL, within the limits).
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from typing import Any

from hypothesis import strategies as st

from recoupe.dossier import graphml, timeline_md
from recoupe.dossier.export import csv_text
from recoupe.errors import NoMainText, RecoupeInputError
from recoupe.read.clean import clean, clean_html, clean_text
from recoupe.read.ingest import decode, parse_jsonl_line
from recoupe.understand.timex.calendar import interval
from recoupe.understand.timex.tagger import tag

# What makes input hostile, mixed into ordinary text: lone surrogates, NUL and other controls, bidi overrides,
# markup, URL and date shapes, huge numbers.
_NASTY = ["\ud800", "\udfff", "\x00", "\x1b[2J", "\u202e", "\r", "\n\n", "<p>", "</script>", "[/x]", "http://[::1",
          "9999-12-31", "0001-01-01", "12021-11-24", "20211124", "999999999999999999999", ".", " "]
_WORDS = ["il y a", "jours", "days ago", "dans", "mois", "ans", "years", "hier", "demain", "yesterday",
          "tomorrow", "le", "lendemain", "next", "last", "prochain", "dernier", "mars", "juillet", "June", "lundi",
          "Monday", "en", "in", "semaine", "week", "1er", "24", "novembre", "2021", "20", "septembre", "été",
          "summer", "T10:00", "matin", "morning", "à", "10h", "jusqu'au", "until", "du", "au", "from", "to"]
MAX_CHARS = 2000

chunks = st.one_of(st.text(max_size=30), st.sampled_from(_NASTY), st.sampled_from(_WORDS),
                   st.integers(min_value=0, max_value=10**22).map(str))
hostile_text = st.lists(chunks, max_size=30).map(" ".join)
json_value: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10)
jsonl_line = st.one_of(
    st.fixed_dictionaries({}, optional={k: st.one_of(hostile_text, json_value) for k in
                                        ("text", "html", "title", "outlet", "url", "published")}).map(json.dumps),
    st.integers(min_value=1, max_value=3000).map(lambda n: '{"text": "x", "y": ' + "[" * n + "]" * n + "}"),
    st.text(max_size=200),
).map(lambda s: s.encode("utf-8", "surrogatepass"))
# Relative expressions with any number in them ("il y a 999999999 jours"), for the tagger's arithmetic.
_RELATIVE = ["il y a {} jours", "il y a {} ans", "dans {} mois", "{} semaines plus tard", "{} days ago",
             "in {} years", "{} months later", "{} weeks earlier", "le {} mars", "en {}", "in {}", "{} ans après"]
relative = st.builds(str.format, st.sampled_from(_RELATIVE), st.integers(min_value=0, max_value=10**22))
timex_text = st.lists(st.one_of(relative, st.sampled_from(_WORDS), chunks), max_size=20).map(" ".join)
dct = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.dates().map(lambda d: d.isoformat()[:7]),
                st.sampled_from(["0001-01-01", "9999-12-31", "9999-12", "0001", "9999"]), hostile_text)
html_page = st.lists(st.one_of(hostile_text, st.sampled_from(["<p>", "</p>", "<article>", "<h1>", "<br>",
                                                               "<meta charset='x'>", "<!--", "&amp;", "&#0;"])),
                     max_size=30).map(lambda parts: "<html><body>" + "".join(parts) + "</body></html>")


def _usable(text: str) -> None:
    text.encode("utf-8")  # no lone surrogate reaches a store or a file
    assert "\x00" not in text


def check_jsonl(line: bytes) -> None:
    """A JSONL line is refused cleanly or gives a text every later stage can use."""
    try:
        raw = parse_jsonl_line("f.jsonl#L1", line)
        decoded = decode(raw, max_chars=MAX_CHARS)
        article = clean(decoded, max_chars=MAX_CHARS)
    except RecoupeInputError as exc:
        assert "\n" not in exc.message and exc.message.startswith("f.jsonl#L1")
        return
    for value in (article.text, article.title, article.outlet, article.published.value, article.published.reason):
        if value is not None:
            _usable(value)
    assert not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", article.text)
    assert len(article.text) <= MAX_CHARS


def check_clean_text(text: str, url: str | None, declared: str | None) -> None:
    page = clean_text(text, url=url, declared_date=declared)
    assert all(line in text for line in page.lines)
    assert page.published.value is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", page.published.value)


def check_clean_html(html: str, url: str | None) -> None:
    try:
        page = clean_html(html, url=url)
    except NoMainText:
        return
    assert all(line.strip() for line in page.lines)


def check_tag(text: str, lang: str, when: str | None) -> None:
    for t in tag(text, lang=lang, dct=when):
        assert text[t.start:t.end] == t.text
        if t.value and t.type in ("DATE", "TIME") and re.match(r"\d{4}", t.value):
            assert not re.match(r"\d{5}|0000", t.value)
            interval(t.value)


def _article(title: str, outlet: str, text: str) -> dict[str, Any]:
    return {"id": "a1", "published": {"value": None, "basis": "unknown", "reason": "r"}, "outlet": outlet,
            "title": title, "author": None, "lang": "fr", "source": "s.txt", "dropped": 0, "warnings": [],
            "text": text or "x"}


def _event(name: str, quote: str) -> dict[str, Any]:
    return {"id": "ev:1", "category": "VISIT", "event_type": "visit", "mode": None, "context": [], "cameo": None,
            "date": {"start": None, "end": None, "granularity": "unknown", "date_type": "unresolved", "reason": ""},
            "factuality": "asserted", "n_sources": 1, "attributes": {}, "event_loc": None, "participants": [],
            "source": [{"entity": name, "name": name, "country": None}], "recipient": [],
            "mentions": [{"article": "a1", "start": 0, "end": 1, "quote": quote}]}


dossier_strings = st.tuples(hostile_text, hostile_text, hostile_text, hostile_text)


def check_dossier(strings: tuple[str, str, str, str]) -> None:
    """Outside strings in the dossier's files: timeline.md keeps its shape and holds no raw HTML, graph.graphml
    stays well-formed XML, no CSV cell starts a formula."""
    title, outlet, name, quote = strings
    articles, events = [_article(title, outlet, quote)], [_event(name, quote)]
    md = timeline_md(articles, events)
    lines = md.splitlines()
    assert "<" not in md and len(lines) == 10, md
    assert all(line.startswith(("# ", "## ", "- **", "  > ")) for line in lines if line)
    ET.fromstring(graphml(events))
    for name_, records in (("articles", articles), ("events", events)):
        for row in csv.reader(io.StringIO(csv_text(name_, records), newline="")):
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
