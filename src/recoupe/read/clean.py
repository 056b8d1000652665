"""The ``clean`` stage: main text and metadata of one decoded input.

Two paths, chosen by the input's media:

* HTML goes through trafilatura (main-content extraction and page metadata), then through the
  boilerplate rules of ``recoupe.read.boilerplate`` for the in-article furniture trafilatura keeps
  ("Lire aussi :" links, credits, share prompts);
* plain text, as scrapers leave it, goes through the full line filter of ``recoupe.read.boilerplate``.

Either way the article text is the headline (when the page has one) then the kept paragraphs,
separated by a blank line. On the text path every output line is a substring of the input.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from recoupe.errors import NoMainText
from recoupe.read import boilerplate, metadata
from recoupe.read.ingest import cut_text, url_problem
from recoupe.records import CleanArticle, Decoded, Published, article_id
from recoupe.registry import register

log = logging.getLogger(__name__)

# trafilatura's date search: metadata only ("original_date" prefers the first publication to
# updates); the extensive search reads dates out of the body and the URL, which for us are weaker
# bases that metadata.publication_date handles in its own order.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_CONTROLS = re.compile(r"[\x01-\x1f\x7f-\x9f\u2028\u2029]")
# A character reference to a control character ("&#x1b;"): lxml gives up on the whole page for one of them.
_CHAR_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}));")


def _control_ref(m: re.Match[str]) -> str:
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    return " " if (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or code == 0x7F else m.group()


@dataclass(frozen=True, slots=True)
class PageText:
    """What a page holds before it becomes an article: kept lines and what was learnt on the way."""

    lines: tuple[str, ...]
    title: str | None
    author: str | None
    outlet: str | None
    published: Published
    dropped: int


@register("clean.v1", requires=["decoded"], produces=["text", "metadata"])
def clean(decoded: Decoded, *, repeated: frozenset[str] = frozenset(), max_chars: int = 0) -> CleanArticle:
    """Main text and metadata of one input (pure; raises NoMainText when nothing is left).

    ``max_chars`` > 0 cuts a longer main text at a sentence end (with a warning): the text extracted from a
    page is held to the same limit as a plain text."""
    warnings = decoded.warnings
    declared_date = decoded.declared.published
    if declared_date and metadata.normalise_declared(declared_date) is None:
        # refused whole rather than truncated ("12021-11-24" is not 1202): the page's own dates answer instead
        warnings += (f"declared publication date {declared_date[:40]!r} is not a date; ignored",)
        declared_date = None
    if decoded.media == "html":
        try:
            page = clean_html(decoded.text, url=decoded.declared.url or _url_of(decoded.source),
                              declared_date=declared_date)
        except NoMainText as exc:
            raise NoMainText(f"{decoded.source}: {exc.message}") from None
    else:
        page = clean_text(decoded.text, repeated=repeated, url=decoded.declared.url or _url_of(decoded.source),
                          declared_date=declared_date)
    declared_title, declared_outlet = _one_line(decoded.declared.title), _one_line(decoded.declared.outlet)
    if (decoded.declared.title or "").count("\x00") + (decoded.declared.outlet or "").count("\x00"):
        warnings += ("NUL character(s) removed from the declared title or outlet",)
    title = declared_title or page.title
    lines = list(page.lines)
    # (the page's own headline may be the start of its first line, which runs on with what the page glued to it)
    runs_on = bool(lines) and title == page.title and lines[0].startswith(title or "")
    if title and (not lines or lines[0] != title) and not runs_on:
        lines.insert(0, title)
    text = "\n\n".join(lines)
    if not text.strip():
        raise NoMainText(f"{decoded.source}: no main text found ({decoded.media} input)")
    if max_chars and len(text) > max_chars:
        text, warning = cut_text(text, max_chars)
        warnings += (f"main text: {warning}",)
    return CleanArticle(
        id=article_id(text),
        raw_id=decoded.raw_id,
        source=decoded.source,
        outlet=declared_outlet or page.outlet,
        title=title,
        author=page.author,
        published=page.published,
        text=text,
        dropped=page.dropped,
        warnings=warnings,
    )


def _one_line(value: str | None) -> str | None:
    """A title or outlet declared with the input on one line: NULs removed, other control characters (line
    breaks included) made spaces; None when nothing is left."""
    if value is None:
        return None
    value = _CONTROLS.sub(" ", value.replace("\x00", "")).strip()
    return value or None


# How many first lines of a scraped text may hold the page's address printed by the scraper (press corpus: the
# first line, after the date prefix).
PRINTED_URL_LINES = 3


def _url_of(source: str) -> str | None:
    return source if source.startswith(("http://", "https://")) else None


def _usable(url: str | None) -> str | None:
    """The URL, or None when it does not parse ("http://[::1"): a bad URL is no date or outlet, not a crash."""
    return url if url and url_problem(url) is None else None


def clean_text(
    text: str, *, repeated: frozenset[str] = frozenset(), url: str | None = None, declared_date: str | None = None
) -> PageText:
    """Line filter for scraped plain text; every kept line is a substring of ``text``."""
    url = _usable(url)
    lines = text.split("\n")
    labels = boilerplate.classify(lines, repeated=repeated)
    kept: list[str] = []
    datelines: list[str] = []
    dropped = 0
    title: str | None = None
    prefix: str | None = None
    for line, lab in zip(lines, labels, strict=True):
        if lab.start:
            match = boilerplate.scraper_prefix(line)
            prefix = match.group(1) if match else None
            dropped += len(line[: lab.start].strip())
        part = line[lab.start:].strip()
        if lab.label in ("body", "heading", "title"):
            kept.append(part)  # as the page gives it, with what it glued to the headline
            if lab.label == "title":
                title = boilerplate.headline_of(part)
        elif lab.label == "meta":
            datelines.append(part)
            dropped += len(part)
        elif lab.label == "boilerplate":
            dropped += len(part)
    # The page's own address, printed by the scraper at its top, dates it as a declared URL would (not its outlet:
    # the page names that itself).
    printed = next((line[lab.start:].strip() for line, lab in list(zip(lines, labels, strict=True))[:PRINTED_URL_LINES]
                    if lab.reason == "url"), None)
    published = metadata.publication_date(metadata=declared_date, prefix=prefix, datelines=datelines,
                                          url=url or _usable(printed), title=title)
    furniture = [line for line, lab in zip(lines, labels, strict=True) if lab.label == "boilerplate"]
    return PageText(
        lines=tuple(kept),
        title=title,
        author=metadata.author_from(datelines) or metadata.author_from(
            [line for line, lab in zip(lines, labels, strict=True) if lab.reason == "byline"]),
        outlet=metadata.outlet_from(furniture, url, datelines=datelines),
        published=published,
        dropped=dropped,
    )


def clean_html(html: str, *, url: str | None = None, declared_date: str | None = None) -> PageText:
    """trafilatura's main text and metadata, then our rules for in-article furniture."""
    import trafilatura  # deferred: importing it costs ~0.3 s, and text-only runs never need it

    url = _usable(url)
    html = _CHAR_REF.sub(_control_ref, html)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
        raise NoMainText("no main text found in the HTML page")
    raw_lines = [line.strip() for line in (doc.text or "").split("\n") if line.strip()]
    kept, dropped = filter_lines(raw_lines)
    title = (doc.title or "").strip() or None
    author = (doc.author or "").strip() or None
    outlet = (doc.sitename or "").strip() or None
    published = metadata.publication_date(
        metadata=declared_date or doc.date, prefix=None, datelines=(), url=url
    )
    if not outlet:
        outlet = metadata.outlet_from([], url)
    return PageText(tuple(kept), title, author, outlet, published, dropped)


def filter_lines(lines: Sequence[str], *, model_threshold: float | None = None) -> tuple[list[str], int]:
    """Drop the lines of an extracted main text that our rules call boilerplate, and the short non-sentence lines
    that the line model calls furniture (``boilerplate.extracted_furniture``); stop at a teaser section. Returns
    the kept lines and the number of characters dropped."""
    kept: list[str] = []
    dropped = 0
    arabic = boilerplate.is_arabic_page(lines)
    learned = boilerplate.extracted_furniture(lines, threshold=model_threshold) if not arabic else set()
    for i, line in enumerate(lines):
        after_body = any(len(k) >= boilerplate.MIN_BODY_CHARS for k in kept)
        if boilerplate.is_section_marker(line, arabic=arabic, after_body=after_body):
            dropped += sum(len(rest) for rest in lines[i:])
            break
        if i in learned or boilerplate.rule(line, arabic=arabic, extracted=True) is not None:
            dropped += len(line)
            continue
        kept.append(line)
    return kept, dropped
