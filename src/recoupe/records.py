"""Typed, immutable records passed between the stages.

Each stage takes one kind of record and returns the next; every value that comes from a text carries
its provenance (the article id and a character span of ``Article.text``)::

    RawDocument --ingest--> Decoded --clean--> CleanArticle --annotate--> AnnotatedArticle

``IngestError`` is what a stage returns (through ``recoupe.errors.RecoupeInputError``) when an input
cannot be used; the store keeps one row per error and the run goes on.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

Media = Literal["text", "html"]
Origin = Literal["file", "jsonl", "url", "feed"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "EQUIPMENT", "EVENT", "OTHER"]
DateBasis = Literal["metadata", "prefix", "dateline", "url", "inferred", "unknown"]


def content_hash(data: bytes) -> str:
    """Hex SHA-256 of raw bytes: the identity of a raw document."""
    return hashlib.sha256(data).hexdigest()


def normalise_for_id(text: str) -> str:
    """The form of a text that its id is derived from: NFC, whitespace runs collapsed, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id(text: str) -> str:
    """Stable id of an article: same normalised text, same id, on any machine."""
    digest = hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()
    return f"a{digest[:16]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Declared:
    """Metadata that came with an input rather than from its text (JSONL fields, feed items, HTTP)."""

    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    content_type: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """One input exactly as received: the bytes and where they came from."""

    source: str
    origin: Origin
    media: Media
    content: bytes
    declared: Declared = field(default_factory=Declared)

    @property
    def raw_id(self) -> str:
        return content_hash(self.content)


@dataclass(frozen=True, slots=True, kw_only=True)
class Decoded:
    """A raw document turned into a Python string, with what decoding had to do to it."""

    raw_id: str
    source: str
    media: Media
    text: str
    encoding: str
    declared: Declared
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Published:
    """Publication date truncated to what is known, with how it was found."""

    value: str | None
    basis: DateBasis
    reason: str
    # A lower bound from the body's own dates when the value is unknown: the article is not older.
    not_before: str | None = None

    @classmethod
    def unknown(cls, reason: str = "no date in metadata, prefix, dateline or URL") -> Published:
        return cls(value=None, basis="unknown", reason=reason)


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A character span of an article's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class CleanArticle:
    """Main text and metadata of one article; boilerplate removed, nothing invented."""

    id: str
    raw_id: str
    source: str
    outlet: str | None
    title: str | None
    author: str | None
    published: Published
    text: str
    dropped: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    start: int
    end: int
    lang: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AnnotatedArticle:
    """A clean article with its language, paragraphs, sentences and the serialised spaCy parse."""

    article: CleanArticle
    lang: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    model: str
    n_tokens: int
    doc_bytes: bytes
    warnings: tuple[str, ...] = ()
    # The live spaCy Doc, for the stages that follow within the same batch; never stored or compared.
    doc: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestError:
    """An input that could not be used: one clear line for the summary, one row in the store."""

    source: str
    stage: str
    code: str
    message: str

    @property
    def id(self) -> str:
        return hashlib.sha256(f"{self.source}\x00{self.stage}\x00{self.code}".encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One span of an article that names an entity."""

    article: str
    start: int
    end: int
    text: str
    type: EntityType
    kb_id: str | None
    how: str  # alias, demonym, metonym, acronym, role, pattern, ner
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    sentence: int = -1


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleEntities:
    article: str
    mentions: tuple[Mention, ...]
