"""The ``timex.v1`` stage: the timexes of one annotated article, and its date when metadata had none.

The DCT is the article's publication date as the clean stage found it (metadata, prefix, dateline, URL) —
possibly only a month. When there is none, the stage infers a lower bound from the body
(``infer_document_date``) and reports it as ``Published(basis="inferred")``; that inferred date is never
used as a DCT: relative expressions of an undated article keep the value None.
"""

from __future__ import annotations

from dataclasses import dataclass

from recoupe.records import AnnotatedArticle, Published
from recoupe.registry import register
from recoupe.understand.timex.dating import infer_document_date
from recoupe.understand.timex.records import Timex
from recoupe.understand.timex.tagger import RULES, tag

TimexRow = tuple[str, int, int, str, str | None, str, str | None]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleTimexes:
    """The timexes of one article (offsets index ``CleanArticle.text``) and its publication date, inferred
    from the body when the clean stage found none."""

    article_id: str
    timexes: tuple[Timex, ...]
    published: Published
    warnings: tuple[str, ...] = ()

    def rows(self) -> list[TimexRow]:
        """Rows of the store's ``timexes`` table: article_id, start_char, end_char, text, value, type, mod."""
        return [(self.article_id, t.start, t.end, t.text, t.value, t.type, t.mod) for t in self.timexes]


@register("timex.v1", requires=["text", "metadata", "lang"], produces=["timexes", "dates"])
def tag_article(annotated: AnnotatedArticle) -> ArticleTimexes:
    """Temporal expressions of one article, anchored to its publication date (pure)."""
    article = annotated.article
    lang = annotated.lang[:2].lower() if annotated.lang else ""
    if lang not in RULES:
        return ArticleTimexes(article_id=article.id, timexes=(), published=article.published,
                              warnings=(f"timex: no temporal rules for language {annotated.lang!r}",))
    timexes = tuple(tag(article.text, lang=lang, dct=article.published.value))
    published = article.published
    if published.value is None:
        found = infer_document_date(article.text, timexes, lang=lang)
        if found is not None:
            published = Published(value=found.value, basis="inferred", reason=found.reason)
    return ArticleTimexes(article_id=article.id, timexes=timexes, published=published)
