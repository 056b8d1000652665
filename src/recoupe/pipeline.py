"""One run: gather inputs, pass them through the stages, store each batch.

The stages (``PLAN``) are pure functions; this module does the I/O around them: it reads files,
fetches URLs and feeds (``recoupe.read.downloads``), skips what the store already holds, and commits one
batch at a time, inputs read and fetched as the run goes (memory does not hold the inputs: bench_memory.py).
Before cleaning, one cheap pass over the plain-text files collects the lines that recur across articles of
the same outlet (menus, footers): the clean stage drops them (fetched pages, which come later in the stream,
use what the files taught). The cross-document stages (resolve, stories, fusion) read the store.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from recoupe import __version__, registry, review
from recoupe.crosscheck.figures import with_figure_conflicts
from recoupe.crosscheck.fuse import fuse
from recoupe.crosscheck.resolve import resolve
from recoupe.crosscheck.stories import Encoder, cluster_stories, load_encoder, story_inputs
from recoupe.errors import RecoupeInputError, StageFailure
from recoupe.kb import KnowledgeBase, load_kb
from recoupe.read import boilerplate, furniture_model, metadata
from recoupe.read.clean import clean
from recoupe.read.ingest import decode, iter_paths
from recoupe.records import (
    AnnotatedArticle,
    CleanArticle,
    IngestError,
    Mention,
    Paragraph,
    Published,
    RawDocument,
    Sentence,
)
from recoupe.settings import Settings
from recoupe.store import BATCH_MEMORY_LIMIT, Store
from recoupe.understand.annotate import SUPPORTED, Models, annotate, load_pipeline
from recoupe.understand.entities import extract, release_matchers
from recoupe.understand.events import EventMention, extract_events
from recoupe.understand.events.arms import to_arms_records
from recoupe.understand.events.confidence import with_confidence
from recoupe.understand.timex.records import Timex
from recoupe.understand.timex.stage import tag_article

log = logging.getLogger(__name__)

PLAN = ("ingest.v1", "clean.v1", "annotate.v1", "timex.v1", "entities.v1", "events.v1", "resolve.v1", "stories.v1",
        "fuse.v1")

# A line seen in at least this many distinct articles of one outlet is that outlet's furniture.
# Two is enough: body lines are not repeated whole across an outlet's articles, and a syndicated
# copy of a whole article is one article (same id). Checked on the demo corpus (two articles of
# "Atlas Info" share a footer) — re-run tests/test_clean.py if changed.
REPEATED_LINE_MIN_DOCS = 2
# Documents sharing at least this share of their lines (Jaccard) are captures of one article, not two
# articles with common furniture. Seen in make bench (nine copies of one seed differing by one line) and
# safe on the demo corpus, whose articles of one outlet share under 0.2 of their lines.
NEAR_COPY_JACCARD = 0.5


@dataclass(slots=True)
class RunReport:
    """What a run did, for the CLI's summary and for run.json."""

    run_id: str
    inputs: int = 0
    new_articles: int = 0
    known_articles: int = 0
    duplicates: int = 0
    errors: list[IngestError] = field(default_factory=list)
    languages: dict[str, int] = field(default_factory=dict)
    dated: int = 0
    inferred: int = 0  # undated articles of the store dated from their story
    reread: int = 0  # stored articles that another build had read, read again
    stories: int = 0
    warnings: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    @property
    def articles(self) -> int:
        return self.new_articles + self.known_articles + self.duplicates


def outlet_key(raw: RawDocument, text: str) -> str | None:
    """Which outlet a plain-text input belongs to, for the repeated-lines pass."""
    if raw.declared.outlet:
        return raw.declared.outlet.lower()
    url = raw.declared.url or (raw.source if "://" in raw.source else None)
    if url:
        return (urlparse(url).hostname or "").removeprefix("www.") or None
    found = metadata.outlet_from(text.split("\n"))
    return found.lower() if found else None


def _line_key(norm: str) -> int:
    """A normalised line as 8 bytes (collisions: one in 2**64 pairs): the repeated-lines pass keeps these, not
    the lines, so its memory is a few integers an input."""
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest(), "big")


def repeated_lines(docs: Iterable[tuple[str | None, str, str]]) -> dict[str, frozenset[str]]:
    """For each outlet, the normalised lines found in at least REPEATED_LINE_MIN_DOCS of its articles.

    ``docs`` yields (outlet key, raw id, text); inputs of unknown outlet are left out. Two captures of
    one article (an update, a copy with one line changed) share their body, not furniture: a line counts
    only when two of the documents that hold it are different articles (NEAR_COPY_JACCARD).

    Streamed: each document is read once and only the 8-byte keys of its lines are kept (a line's text is kept
    from its second document on), so 20,000 inputs cost a few megabytes. A document given twice (same raw id)
    is the same as given once: its two copies are never "different articles".
    """
    lines_of: list[tuple[int, ...]] = []  # by document number: its line keys
    seen: dict[str, dict[int, int | list[int]]] = defaultdict(dict)  # outlet -> line key -> document(s)
    text_of: dict[int, str] = {}  # line key -> normalised line, for lines in two documents or more
    for key, _raw_id, text in docs:
        if key is None:
            continue
        number = len(lines_of)
        mine: set[int] = set()
        of_outlet = seen[key]
        for line in text.split("\n"):
            norm = boilerplate.normalise_line(line)
            if len(norm) < boilerplate.MIN_REPEATED_CHARS:
                continue
            k = _line_key(norm)
            if k in mine:
                continue
            mine.add(k)
            holders = of_outlet.get(k)
            if holders is None:
                of_outlet[k] = number
            else:
                if isinstance(holders, int):
                    of_outlet[k] = holders = [holders]
                    text_of.setdefault(k, norm)
                holders.append(number)
        lines_of.append(tuple(mine))

    def distinct_pair(numbers: list[int]) -> bool:
        for i, a in enumerate(numbers):
            lines_a = set(lines_of[a])
            for b in numbers[i + 1:]:
                lines_b = set(lines_of[b])
                union = len(lines_a | lines_b)
                if union and len(lines_a & lines_b) / union < NEAR_COPY_JACCARD:
                    return True
        return False

    return {
        key: frozenset(text_of[k] for k, holders in lines.items() if isinstance(holders, list)
                       and len(holders) >= REPEATED_LINE_MIN_DOCS and distinct_pair(holders))
        for key, lines in seen.items()
    }


def _return_freed_memory() -> None:
    """Collect, and give the heap's free pages back to the system (glibc's malloc_trim), so that what a phase
    of the run freed is not counted in the next phase's resident memory."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the memory is reused by this process anyway
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _reread_vocab(lang: str) -> Any:
    """A vocabulary to load a stored parse into: a blank pipeline's, not the full model's (the stored doc carries
    its strings, tags, lemmas and parse; the event reader uses no vectors). Re-reading undated articles at fusion
    loaded the whole parser again while fusion held the store's data (bench_memory.py: about 300 MB of the
    20,000-input peak); a blank vocabulary costs a few MB, and is let go with the fusion's data."""
    import spacy

    return spacy.blank(lang).vocab


def _stage_failure(article: CleanArticle, stage: str, what: str, exc: Exception) -> IngestError:
    log.exception("stage %s failed on %s", stage, article.source)
    failure = StageFailure(f"{article.source}: internal error in the {stage} stage ({type(exc).__name__}: {exc}); "
                           f"the article is kept without its {what}")
    return IngestError(source=article.source, stage=stage, code=failure.code, message=failure.message)


def clean_corpus(raws: Sequence[RawDocument]) -> dict[str, CleanArticle]:
    """Decode and clean raw documents held in memory, repeated-lines pass included, as a run does: the
    clean article of each source that yields one (for tests, benchmarks and notebooks; no store)."""
    decoded = {}
    for raw in raws:
        try:
            decoded[raw.source] = decode(raw)
        except RecoupeInputError:
            continue
    furniture = repeated_lines((outlet_key(r, decoded[r.source].text), r.raw_id, decoded[r.source].text)
                               for r in raws if r.media == "text" and r.source in decoded)
    out: dict[str, CleanArticle] = {}
    for raw in raws:
        if raw.source not in decoded:
            continue
        key = outlet_key(raw, decoded[raw.source].text) if raw.media == "text" else None
        try:
            out[raw.source] = clean(decoded[raw.source], repeated=furniture.get(key or "", frozenset()))
        except RecoupeInputError:
            continue
    return out


class Pipeline:
    """Runs PLAN over inputs into a store. Models are loaded once, on the first article."""

    def __init__(self, store: Store, settings: Settings, *, models: Models | None = None,
                 release_models: bool = False) -> None:
        """``release_models``: unload the spaCy pipelines once the last batch is stored, before the
        cross-document stages (the CLI does; a process that runs the pipeline again keeps them loaded)."""
        registry.check(PLAN)
        self.store = store
        self.settings = settings
        self.models = models or Models(settings)
        self.release_models = release_models
        self._kb: KnowledgeBase | None = None
        self._reread_vocabs: dict[str, Any] = {}  # by language, while fusion re-reads (then let go)
        # which build reads: the store records it with each raw document, and what another build read is read again
        self.reader = registry.reading_build(__version__, PLAN, settings)

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = load_kb(tuple(Path(d) for d in self.settings.kb_dirs))
        return self._kb

    def run(
        self,
        paths: Sequence[Path] = (),
        *,
        urls: Sequence[str] = (),
        feeds: Sequence[str] = (),
        progress: Callable[[int, int | None], None] | None = None,
    ) -> RunReport:
        settings = self.settings
        furniture_model.load()  # a missing or corrupt model: one clear error now, before any input is read
        report = RunReport(run_id=uuid.uuid4().hex[:12])
        self.store.start_run(report.run_id, __version__, PLAN, asdict(settings))
        # The furniture of plain-text files (a first, cheap pass over them: 8-byte keys of lines, not texts).
        # Fetched documents come as a stream after the files; they use what the files taught.
        # What another build read is read again from the stored raw documents (given again or not): an upgraded
        # or edited recoupe does not keep the old build's readings in the store it resumes.
        stale = self.store.stale_raw_ids(self.reader)
        if stale:
            log.warning("%d stored document(s) were read by another build of recoupe; reading them again",
                        len(stale))
        t0 = time.perf_counter()
        furniture = repeated_lines(chain(self._text_inputs(iter_paths(paths, settings)),
                                         self._text_inputs(self.store.raw_documents(stale))))
        report.seconds["repeated_lines"] += time.perf_counter() - t0

        done = self.store.done_raw_ids(self.reader)
        # The store's cache is capped while batches are stored (store.py), DuckDB's default again for what follows.
        self.store.cap_memory(BATCH_MEMORY_LIMIT)
        batch: list[RawDocument] = []
        # One input at a time, files then downloads (fetched as the run goes: a batch is committed as soon as it
        # is full, so a killed run keeps what it fetched and processed). An input whose raw id is stored as done
        # is known; one seen earlier in this run is processed again (cheap: its article is then a duplicate, or
        # its error is recorded under its own name).
        for item in self._inputs(paths, urls, feeds, report):
            report.inputs += 1
            if isinstance(item, IngestError):
                report.errors.append(item)
                self.store.record_errors([item])
            elif item.raw_id in done:
                report.known_articles += 1
            else:
                batch.append(item)
                if len(batch) >= settings.batch_size:
                    self._process(batch, furniture, report)
                    batch = []
            if progress:
                progress(report.inputs, None)
        if batch:
            self._process(batch, furniture, report)
            batch = []
        # the stored documents another build read that were not given again (those given were read above)
        still = set(self.store.stale_raw_ids(self.reader))
        left = [r for r in stale if r in still]
        for raw in self.store.raw_documents(left):
            batch.append(raw)
            if len(batch) >= settings.batch_size:
                self._process(batch, furniture, report)
                batch = []
        if batch:
            self._process(batch, furniture, report)
        self.store.cap_memory(None)
        if self.release_models:
            # The parsers (about 400 MB) are not needed by the cross-document stages, which hold the whole store's
            # mentions, events and texts: the peak is one or the other, not both (bench_memory.py). Re-reading an
            # article with an inferred date loads its parser again.
            load_pipeline.cache_clear()
            release_matchers()
            self.store.reconnect()  # and what DuckDB kept of the batches' writes (store.py)
            _return_freed_memory()
        t0 = time.perf_counter()
        entities = review.apply_entities(resolve(self.store.mentions(), self.kb), self.store.reviews())
        self.store.replace_entities(entities)
        report.seconds["resolve"] += time.perf_counter() - t0
        try:
            self._fuse(entities, report)
        except Exception as exc:  # the articles and entities are stored: keep them, say what failed
            log.exception("the fusion stage failed")
            failure = StageFailure(f"fusion of the whole store: internal error ({type(exc).__name__}: {exc}); "
                                   "events, conflicts and stories keep their previous state")
            error = IngestError(source="(store)", stage="fuse", code=failure.code, message=failure.message)
            report.errors.append(error)
            self.store.record_errors([error])
        del entities
        if self.release_models:
            _return_freed_memory()  # what fusion held, before the caller exports
        self.store.finish_run(report.run_id, inputs=report.inputs, articles=report.articles,
                              errors=len(report.errors))
        return report

    def _fuse(self, entities: list[dict[str, Any]], report: RunReport) -> None:
        """Stories, cross-article events, conflicts and coverage of the whole store, from the stored event
        mentions and the entities just resolved. Undated articles that the fusion dates from their story are
        re-read with that date (their relative dates resolve from it; kept in the store, so a later run does
        not re-read them), then the events are fused again."""
        t0 = time.perf_counter()
        articles = list(self.store.fusion_articles())
        encoder = self._cached_encoder() if self.settings.embeddings and len(articles) > 1 else None
        stories = cluster_stories(story_inputs(articles, entities), encoder)
        report.seconds["stories"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        original = [EventMention.from_dict(r) for r in self.store.event_mentions()]
        first = fuse(original, entities, articles, stories.records, stories.syndicated_of)
        mentions = original
        if first.inferred:
            redated: dict[str, list[EventMention]] = {}
            for article_id, found in sorted(first.inferred.items()):
                records = self.store.redated_event_mentions(article_id, found["value"])
                if records is None:
                    reread = self._reread(article_id, found["value"], found["reason"])
                    if reread is None:
                        continue  # keep its first reading; tried again at the next run
                    records = [e.as_dict() for e in reread]
                    self.store.save_redated(article_id, found["value"], records)
                redated[article_id] = [EventMention.from_dict(r) for r in records]
            mentions = [e for e in original if e.article not in redated] + [
                e for article_id in sorted(redated) for e in redated[article_id]]
            for a in articles:
                if a["id"] in first.inferred and a["published"]["value"] is None:
                    a["published"] = {**a["published"], "value": first.inferred[a["id"]]["value"],
                                      "basis": "inferred", "reason": first.inferred[a["id"]]["reason"]}
        fusion = fuse(mentions, entities, articles, stories.records, stories.syndicated_of) if first.inferred \
            else first
        # the figures the articles of an event state (a contingent that stays, the years of an absence)
        events, conflicts = with_figure_conflicts(fusion.events, fusion.conflicts, articles, fusion.stories, entities)
        fusion = replace(fusion, events=events, conflicts=conflicts)
        fusion = replace(fusion, events=with_confidence(fusion.events))
        reviewed_events, reviewed_conflicts = review.apply(fusion.events, fusion.conflicts, self.store.reviews())
        for e in entities:
            e["conflicts"] = fusion.entity_conflicts.get(e["id"], [])
        fusion = replace(fusion, events=with_confidence(fusion.events))
        arms = to_arms_records(fusion.events, mentions, self.kb)
        conflicts_of = {e["id"]: e["conflicts"] for e in fusion.events}
        for record in arms:  # a deal shows the disagreements on its event (numbers, values, dates)
            record["conflicts"] = conflicts_of.get(record["event"], [])
        self.store.replace_fusion(events=reviewed_events, arms=arms,
                                  conflicts=reviewed_conflicts, stories=fusion.stories, entities=entities,
                                  story_of=dict(stories.story_of), syndicated_of=dict(stories.syndicated_of),
                                  inferred=first.inferred)
        self._reread_vocabs.clear()
        report.inferred, report.stories = len(first.inferred), len(fusion.stories)
        report.seconds["fuse"] += time.perf_counter() - t0

    def _cached_encoder(self) -> Encoder:
        """The sentence encoder, with the vectors of leads already seen read from the store and new ones kept
        there: a daily run into a large store encodes only the new articles (about 90 ms each)."""
        store = self.store

        def encode(texts: Sequence[str]) -> Any:
            import numpy as np

            keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
            known = store.lead_vectors(keys)
            missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
            if missing:
                fresh = load_encoder()([t for _, t in missing])
                new = {k: np.asarray(v, dtype=np.float32).tobytes() for (k, _), v in zip(missing, fresh, strict=True)}
                store.save_lead_vectors(new)
                known.update(new)
            return np.vstack([np.frombuffer(known[k], dtype=np.float32) for k in keys])

        return encode

    def _reread(self, article_id: str, dct: str, reason: str) -> tuple[EventMention, ...] | None:
        """The events of a stored article read again with a publication date inferred from its story; None when
        that fails (the article keeps its first reading)."""
        from spacy.tokens import Doc

        parts = self.store.parse_of(article_id)
        if parts is None:
            return None
        lang = parts["lang"] if parts["lang"] in SUPPORTED else "xx"
        if lang not in self._reread_vocabs:
            self._reread_vocabs[lang] = _reread_vocab(lang)
        doc = Doc(self._reread_vocabs[lang]).from_bytes(parts["doc"])
        article = CleanArticle(id=parts["id"], raw_id=parts["raw_id"], source=parts["source"],
                               outlet=parts["outlet"], title=parts["title"], author=parts["author"],
                               published=Published(value=dct, basis="inferred", reason=reason,
                                                   not_before=parts["not_before"]),
                               text=parts["text"], dropped=parts["dropped"])
        annotated = AnnotatedArticle(
            article=article, lang=parts["lang"], paragraphs=tuple(Paragraph(**p) for p in parts["paragraphs"]),
            sentences=tuple(Sentence(index=i, start=s, end=e, text=t) for i, s, e, t in parts["sentences"]),
            model=parts["model"], n_tokens=parts["n_tokens"], doc_bytes=b"", doc=doc)
        try:
            timexes = tag_article(annotated).timexes
            found: tuple[EventMention, ...] = extract_events(annotated, doc, self.store.mentions(article_id),
                                                             timexes, self.kb)
            return found
        except Exception:  # a bug on one article must not stop the run: keep its first reading
            log.exception("re-reading %s with the inferred date %s failed", parts["source"], dct)
            return None

    def _inputs(self, paths: Sequence[Path], urls: Sequence[str], feeds: Sequence[str],
                report: RunReport) -> Iterator[RawDocument | IngestError]:
        """The files, then the URLs and feed items, fetched one at a time as the run asks for them. A URL (or feed
        item) already stored is not fetched again: it counts as known (a killed run resumes where it stopped)."""
        yield from iter_paths(paths, self.settings)
        if not (urls or feeds):
            return
        from recoupe.read.downloads import iter_downloads

        def stored(url: str) -> bool:
            if self.store.source_done(url):
                report.inputs += 1
                report.known_articles += 1
                return True
            return False

        downloads = iter_downloads(urls, feeds, self.settings, skip=stored)
        while True:
            t0 = time.perf_counter()
            item = next(downloads, None)
            report.seconds["fetch"] += time.perf_counter() - t0
            if item is None:
                return
            yield item

    def _text_inputs(self, items: Iterable[RawDocument | IngestError]) -> Iterator[tuple[str | None, str, str]]:
        for item in items:
            if isinstance(item, IngestError) or item.media != "text":
                continue
            try:
                text = decode(item).text
            except RecoupeInputError:
                continue
            yield outlet_key(item, text), item.raw_id, text

    def _annotate(self, articles: list[CleanArticle], errors: list[IngestError],
                  article_of: dict[str, str]) -> list[AnnotatedArticle]:
        """The batch parsed together; if that fails, each article alone, so one article spaCy cannot take costs
        only itself: an E302 row, and its input is left undone (``article_of``) to be tried again."""
        try:
            return list(annotate(articles, self.models, workers=self.settings.workers))
        except Exception:
            log.exception("annotating a batch of %d articles failed; annotating them one by one", len(articles))
        annotated: list[AnnotatedArticle] = []
        for article in articles:
            try:
                annotated.extend(annotate([article], self.models, workers=1))
            except Exception as exc:
                log.exception("stage annotate failed on %s", article.source)
                failure = StageFailure(f"{article.source}: internal error in the annotate stage ({type(exc).__name__}: "
                                       f"{' '.join(str(exc).split())[:300]}); the input is not stored as an article")
                errors.append(IngestError(source=article.source, stage="annotate", code=failure.code,
                                          message=failure.message))
                for raw_id in [r for r, a in article_of.items() if a == article.id]:
                    del article_of[raw_id]
        return annotated

    def _process(self, batch: list[RawDocument], furniture: dict[str, frozenset[str]], report: RunReport) -> None:
        settings = self.settings
        errors: list[IngestError] = []
        cleaned: list[CleanArticle] = []
        article_of: dict[str, str] = {}
        for raw in batch:
            stage = "ingest"
            try:
                t0 = time.perf_counter()
                # A long HTML page is mostly markup: the limit applies to its extracted text instead (clean).
                decoded = decode(raw, max_chars=settings.max_article_chars if raw.media == "text" else 0)
                t1 = time.perf_counter()
                report.seconds["ingest"] += t1 - t0
                stage = "clean"
                key = outlet_key(raw, decoded.text) if raw.media == "text" else None
                article = clean(decoded, repeated=furniture.get(key or "", frozenset()),
                                max_chars=settings.max_article_chars)
                report.seconds["clean"] += time.perf_counter() - t1
            except RecoupeInputError as exc:
                message = exc.message if exc.message.startswith(raw.source) else f"{raw.source}: {exc.message}"
                errors.append(IngestError(source=raw.source, stage=stage, code=exc.code, message=message))
                continue
            except Exception as exc:  # a bug on one input (a parser's own error) must not stop the run
                log.exception("stage %s failed on %s", stage, raw.source)
                failure = StageFailure(f"{raw.source}: internal error in the {stage} stage ({type(exc).__name__}: "
                                       f"{' '.join(str(exc).split())[:300]}); the input is not stored as an article")
                errors.append(IngestError(source=raw.source, stage=stage, code=failure.code, message=failure.message))
                continue
            article_of[raw.raw_id] = article.id
            cleaned.append(article)
        # the articles another build read from these inputs are read again, their rows replaced (save_batch)
        forget = self.store.stale_articles_of((r.raw_id for r in batch), self.reader)
        report.reread += len(forget)
        known = self.store.existing_article_ids(a.id for a in cleaned) - forget
        fresh: dict[str, CleanArticle] = {}
        for article in cleaned:
            if article.id in known or article.id in fresh:
                report.duplicates += 1
            else:
                fresh[article.id] = article
        t0 = time.perf_counter()
        annotated = self._annotate(list(fresh.values()), errors, article_of)
        report.seconds["annotate"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        timexes: list[tuple[str, Timex]] = []
        for i, a in enumerate(annotated):
            try:
                tagged = tag_article(a)
            except Exception as exc:  # a bug on one article must not stop the run
                errors.append(_stage_failure(a.article, "timex", "dates", exc))
                continue
            timexes.extend((a.article.id, t) for t in tagged.timexes)
            if tagged.published.basis == "inferred" and a.article.published.value is None:
                # The body's latest date is a lower bound, not the publication date: the value stays
                # null until the fusion stage dates the article from its story.
                bound = replace(a.article.published, not_before=tagged.published.value,
                                reason=f"{a.article.published.reason}; not before {tagged.published.value} "
                                       f"({tagged.published.reason})")
                annotated[i] = replace(a, article=replace(a.article, published=bound))
        report.seconds["timex"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        mentions: list[Mention] = []
        mentions_of: dict[str, tuple[Mention, ...]] = {}
        for a in annotated:
            if a.lang in SUPPORTED:
                try:
                    mentions_of[a.article.id] = extract(a, a.doc, self.kb, self.models.get(a.lang)).mentions
                except Exception as exc:
                    errors.append(_stage_failure(a.article, "entities", "entities and events", exc))
                    continue
                mentions.extend(mentions_of[a.article.id])
        report.seconds["entities"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        event_rows: list[tuple[str, int, dict[str, Any]]] = []
        for a in annotated:
            if a.article.id in mentions_of:
                article_timexes = [t for aid, t in timexes if aid == a.article.id]
                try:
                    found = extract_events(a, a.doc, mentions_of[a.article.id], article_timexes, self.kb)
                except Exception as exc:
                    errors.append(_stage_failure(a.article, "events", "events", exc))
                    continue
                event_rows.extend((a.article.id, i, e.as_dict()) for i, e in enumerate(found))
        report.seconds["events"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        self.store.save_batch(raws=batch, annotated=annotated, article_of=article_of, errors=errors,
                              mentions=mentions, timexes=timexes, event_mentions=event_rows,
                              reader=self.reader, forget=forget)
        report.seconds["store"] += time.perf_counter() - t0
        log.info("stored a batch of %d inputs: %d new articles, %d errors", len(batch), len(annotated), len(errors))
        report.errors.extend(errors)
        report.new_articles += len(annotated)
        for a in annotated:
            report.languages[a.lang] = report.languages.get(a.lang, 0) + 1
            report.dated += a.article.published.value is not None
            report.warnings += len(a.warnings)
