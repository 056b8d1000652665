"""recoupe's benchmark: throughput and memory of the whole pipeline, and extraction quality.

``make bench`` (``.venv/bin/python bench/run_bench.py``) measures, in one invocation:

1. **Corpus** — ``bench/corpus/`` (git-ignored) is built from ``shared/benchmarks/trafilatura_eval/html``
   (208 pages, French and English) and ``shared/corpus/seeds`` (5 plain-text files), replicated to
   ``--inputs`` files (2,000 by default). Every copy carries ``Exemplaire de banc numéro {n}.`` so that it
   is a distinct *article*, not only a distinct file: the pipeline deduplicates on the hash of the cleaned
   text. In an HTML page the marker goes where trafilatura keeps it (checked once per page, see
   ``mark_html``); a marker trafilatura throws away would make every copy of that page a duplicate.
   The corpus is reused while its manifest matches.
2. **Pipeline runs** — for each ``--workers`` value, a fresh subprocess opens a fresh store, runs
   ``Pipeline(store, Settings(workers=w)).run([corpus])`` and ``export``. Recorded: totals, articles/s,
   MB/s of input, ``RunReport.seconds`` per stage, peak RSS (``ru_maxrss`` of the process; the spaCy
   worker processes that ``n_process`` starts are reported apart). A second fresh subprocess runs the stages
   one after the other over the whole corpus (ingest, clean, annotate in batches of 32) and reads
   ``ru_maxrss`` after each: the peak memory each stage brings, since it cannot be sampled inside a run.
3. **Bare spaCy** — a fresh subprocess loads ``fr_core_news_md`` and times
   ``list(nlp.pipe(texts, batch_size=16, n_process=w))`` over the texts the pipeline stored (the ``text`` of
   the exported ``articles.jsonl``). ``ratio_pipeline_over_bare`` = pipeline seconds / bare parse seconds,
   same worker count. Target at the end of the project: <= 1.5.
4. **Extraction quality** (``bench/extraction_eval.py``) — on trafilatura_eval (208 pages with must-contain /
   must-not-contain snippets),
   upstream scoring (trafilatura's tests/evaluate.py): per snippet TP/FN/FP/TN summed over pages, then
   precision, recall, F1, accuracy; per language and overall. Ours (``clean_html`` lines plus title) beside
   trafilatura's own ``extract`` with defaults and with ``favor_precision=True``. On the scrapinghub
   article-extraction benchmark (181 pages with the article body), upstream scoring (its evaluate.py):
   multisets of 4-token shingles, per-page TP/FP/FN normalised to sum 1, precision and recall averaged over
   pages, F1 of the two means.

One JSON line, ``"bench": "pipeline"``, is appended to ``bench/results.jsonl`` per invocation (``--no-append``
to skip); the file is shared with the other benchmarks of bench/, each line naming its own. Reading it:
``runs[i].seconds`` is the wall time of open + run + export; ``stage_seconds`` are the pipeline's own
timers (``unaccounted`` = what no timer covers, ``export`` is ours); ``peak_rss_mb`` is the main process,
``peak_rss_children_mb`` the largest spaCy worker, ``peak_tree_rss_mb`` the sampled sum over the process
tree (an upper bound: forked pages are counted once per process). ``stage_peak_rss_mb`` comes from the
stage-by-stage pass, whose own timings are in ``stage_pass_seconds``. ``bare_spacy[i].ratio_pipeline_over_bare``
is the figure the 1.5x target is about. ``extraction`` holds the scores; compare ``ours`` with
``trafilatura_default`` on the same pages.

Quick iterations: ``--inputs 100 --workers 1``, ``--skip-pipeline`` (corpus and extraction only) or
``--only-extraction`` (extraction only, no corpus).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import append_unless, git_commit, git_dirty, local_now, machine
from bench.extraction_eval import EXTRACTORS, _decode_source, measure_extraction

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = BENCH / "corpus"
WORK = BENCH / "out"  # git-ignored: stores and exports of the runs
TRAFILATURA_EVAL = SHARED / "benchmarks" / "trafilatura_eval"
SCRAPINGHUB = SHARED / "benchmarks" / "scrapinghub_article_extraction_benchmark"
SEEDS = SHARED / "corpus" / "seeds"

# Bump when the way copies are made changes: a corpus with another version is rebuilt.
CORPUS_VERSION = 2
MARKER = "Exemplaire de banc numéro {n}."
ANNOTATE_BATCH = 32  # the stage-by-stage pass annotates in batches of this size, as Settings.batch_size does
BARE_MODEL = "fr_core_news_md"
BARE_BATCH = 16  # annotate.annotate's batch_size for nlp.pipe
RSS_SAMPLE_SECONDS = 0.25
MB = 1024 * 1024


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- corpus -------------------------------------------------------------------------------------------


def require_shared() -> None:
    if not SHARED.is_dir() or not (TRAFILATURA_EVAL / "html").is_dir() or not SEEDS.is_dir():
        sys.exit(
            f"bench: the shared data folder is missing: expected {SHARED} with benchmarks/trafilatura_eval/html "
            "and corpus/seeds beside the repository (a checkout of the project's shared/ folder)."
        )


def source_files() -> list[Path]:
    html = sorted((TRAFILATURA_EVAL / "html").glob("*.html"))
    txt = sorted(SEEDS.glob("*.txt"))
    return html + txt



_P_ELEMENT = re.compile(r"<p\b[^>]*>(.*?)</p\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _marker_positions(html: str, lines: tuple[str, ...]) -> Iterator[tuple[str, int, str]]:
    """Candidate places for the marker, best first: (strategy, offset, what to insert there)."""
    for line in sorted(lines, key=len, reverse=True)[:5]:
        for tail in (line[-25:], line[-12:]):
            if len(tail) < 8:
                continue
            first, last = html.find(tail), html.rfind(tail)
            if first >= 0:
                yield "after_main_text_line", first + len(tail), " {marker}"
            if last > first:
                yield "after_main_text_line", last + len(tail), " {marker}"
    paragraphs = list(_P_ELEMENT.finditer(html))
    if paragraphs:
        longest = max(paragraphs, key=lambda m: len(_TAG.sub("", m.group(1))))
        yield "inside_longest_p", longest.end(1), " {marker}"
    yield "before_body_end", _body_end(html), "<p>{marker}</p>"


def _body_end(html: str) -> int:
    end = html.lower().rfind("</body>")
    return end if end >= 0 else len(html)


@dataclass(frozen=True, slots=True)
class HtmlTemplate:
    """Where the marker of each copy of one page goes."""

    text: str
    encoding: str
    offset: int
    insert: str
    strategy: str

    def copy(self, n: int) -> bytes:
        marked = self.text[: self.offset] + self.insert.format(marker=MARKER.format(n=n)) + self.text[self.offset:]
        return marked.encode(self.encoding, errors="xmlcharrefreplace")


def mark_html(path: Path) -> HtmlTemplate:
    """Find a place for the marker that trafilatura keeps in the main text (checked with ``clean_html``).

    Appending ``<p>marker</p>`` before ``</body>`` survives on few pages (16 of 208 when measured): outside
    the main content, trafilatura drops it, and every copy of the page then cleans to the same text, i.e.
    the same article id. The fallback when no place survives is that placement anyway (``lost``).
    """
    from recoupe.errors import NoMainText
    from recoupe.read.clean import clean_html

    text, encoding = _decode_source(path.read_bytes(), str(path))
    probe = MARKER.format(n=0)
    try:
        lines = clean_html(text).lines
    except NoMainText:
        lines = ()
    tried: set[int] = set()
    for strategy, offset, insert in _marker_positions(text, lines):
        if offset in tried:
            continue
        tried.add(offset)
        marked = text[:offset] + insert.format(marker=probe) + text[offset:]
        try:
            kept = clean_html(marked).lines
        except NoMainText:
            continue
        if any(probe in line for line in kept):
            return HtmlTemplate(text, encoding, offset, insert, strategy)
    return HtmlTemplate(text, encoding, _body_end(text), "<p>{marker}</p>", "lost")


def _corpus_key(sources: list[Path], inputs: int) -> dict[str, Any]:
    return {
        "version": CORPUS_VERSION,
        "inputs": inputs,
        "sources": [[p.name, p.stat().st_size] for p in sources],
    }


def build_corpus(inputs: int) -> dict[str, Any]:
    """bench/corpus/ with ``inputs`` distinct files; returns the corpus record of results.jsonl."""
    sources = source_files()
    key = _corpus_key(sources, inputs)
    manifest = CORPUS / "manifest.json"
    if manifest.is_file():
        old = json.loads(manifest.read_text(encoding="utf-8"))
        if old.get("key") == key and sum(1 for p in CORPUS.iterdir() if p.name != manifest.name) == inputs:
            log(f"corpus: reusing {CORPUS} ({inputs} inputs)")
            return dict(old["record"])
    log(f"corpus: building {inputs} inputs from {len(sources)} sources (placing markers, ~30 s)")
    t0 = time.perf_counter()
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    CORPUS.mkdir(parents=True)
    templates = {p: mark_html(p) for p in sources if p.suffix == ".html"}
    strategies = Counter(t.strategy for t in templates.values())
    kinds: Counter[str] = Counter()
    total = 0
    for n in range(inputs):
        src = sources[n % len(sources)]
        if src.suffix == ".html":
            data = templates[src].copy(n)
            kinds["html"] += 1
        else:
            data = src.read_bytes().rstrip(b"\n") + f"\n{MARKER.format(n=n)}\n".encode()
            kinds["txt"] += 1
        target = CORPUS / f"{n:05d}_{src.stem}{src.suffix}"
        target.write_bytes(data)
        total += len(data)
    lost = {p for p, t in templates.items() if t.strategy == "lost"}
    lost_copies = sum(1 for n in range(inputs) if sources[n % len(sources)] in lost)
    record = {
        "inputs": inputs,
        "bytes": total,
        "html": kinds["html"],
        "txt": kinds["txt"],
        "sources": len(sources),
        "html_marker_placement": dict(sorted(strategies.items())),
        "copies_expected_duplicate": max(0, lost_copies - len(lost)),
        "build_seconds": round(time.perf_counter() - t0, 1),
    }
    manifest.write_text(json.dumps({"key": key, "record": record}, indent=1), encoding="utf-8")
    log(f"corpus: {inputs} files, {total / MB:.1f} MB, marker placement {dict(strategies)}")
    return record


# --- measurements in child processes ------------------------------------------------------------------


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # KiB on Linux


class TreeRssSampler:
    """Peak of the summed RSS of this process and its children, sampled in a thread (psutil, optional)."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> TreeRssSampler:
        try:
            import psutil
        except ImportError:
            return self
        me = psutil.Process()

        def sample() -> None:
            while not self._stop.is_set():
                try:
                    total = me.memory_info().rss
                    for child in me.children(recursive=True):
                        with contextlib.suppress(psutil.Error):
                            total += child.memory_info().rss
                    self.peak = max(self.peak, total)
                except psutil.Error:
                    pass
                self._stop.wait(RSS_SAMPLE_SECONDS)

        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()

    @property
    def peak_mb(self) -> float | None:
        return round(self.peak / MB, 1) if self.peak else None


def child_pipeline(corpus: Path, workers: int, work: Path) -> dict[str, Any]:
    """One whole run into a fresh store, then export (runs inside a fresh subprocess)."""
    from recoupe import Pipeline, Settings, Store, export

    db = work / "recoupe.duckdb"
    out = work / "export"
    input_bytes = sum(p.stat().st_size for p in corpus.iterdir() if p.name != "manifest.json")
    with TreeRssSampler() as sampler:
        t0 = time.perf_counter()
        with Store.open(db) as store:
            report = Pipeline(store, Settings(workers=workers)).run([corpus])
            t1 = time.perf_counter()
            rss_after_run = _rss_mb()
            export(store, out)
        total = time.perf_counter() - t0
    stages = {k: round(v, 2) for k, v in report.seconds.items()}
    stages["export"] = round(total - (t1 - t0), 2)
    stages["unaccounted"] = round(total - sum(stages.values()), 2)
    codes = Counter(e.code for e in report.errors)
    return {
        "workers": workers,
        "inputs": report.inputs,
        "articles": report.articles,
        "new_articles": report.new_articles,
        "duplicates": report.duplicates,
        "errors": len(report.errors),
        "error_codes": dict(sorted(codes.items())),
        "languages": dict(sorted(report.languages.items())),
        "seconds": round(total, 2),
        "articles_per_s": round(report.articles / total, 2),
        "mb_per_s": round(input_bytes / MB / total, 3),
        "peak_rss_mb": _rss_mb(),
        "peak_rss_before_export_mb": rss_after_run,
        "peak_rss_children_mb": _rss_mb(resource.RUSAGE_CHILDREN),
        "peak_tree_rss_mb": sampler.peak_mb,
        "stage_seconds": stages,
        "export_dir": str(out),
    }


def child_stages(corpus: Path, workers: int, annotate_limit: int) -> dict[str, Any]:
    """The stages one after the other over the whole corpus, ``ru_maxrss`` after each (fresh subprocess).

    Annotate runs over the first ``annotate_limit`` distinct articles (0: all): its memory is the models plus
    one batch, reached within a few batches, and the full parse is timed by the pipeline run already."""
    from recoupe import Settings
    from recoupe.errors import RecoupeInputError
    from recoupe.pipeline import outlet_key, repeated_lines
    from recoupe.read.clean import clean
    from recoupe.read.ingest import decode, iter_paths
    from recoupe.records import CleanArticle, Decoded, RawDocument
    from recoupe.understand.annotate import Models, annotate

    settings = Settings(workers=workers)
    rss: dict[str, float] = {"start": _rss_mb()}
    seconds: dict[str, float] = {}

    t0 = time.perf_counter()
    decoded: list[tuple[RawDocument, Decoded]] = []
    for item in iter_paths([corpus], settings):
        if isinstance(item, RawDocument):
            with contextlib.suppress(RecoupeInputError):
                decoded.append((item, decode(item, max_chars=settings.max_article_chars)))
    seconds["ingest"] = time.perf_counter() - t0
    rss["ingest"] = _rss_mb()

    t0 = time.perf_counter()
    keys = {raw.raw_id: outlet_key(raw, d.text) if raw.media == "text" else None for raw, d in decoded}
    furniture = repeated_lines((keys[raw.raw_id], raw.raw_id, d.text) for raw, d in decoded if raw.media == "text")
    articles: dict[str, CleanArticle] = {}
    for raw, d in decoded:
        try:
            article = clean(d, repeated=furniture.get(keys[raw.raw_id] or "", frozenset()))
        except RecoupeInputError:
            continue
        articles.setdefault(article.id, article)
    seconds["clean"] = time.perf_counter() - t0
    rss["clean"] = _rss_mb()

    t0 = time.perf_counter()
    models = Models(settings)
    fresh = list(articles.values())
    if annotate_limit > 0:
        fresh = fresh[:annotate_limit]
    n_tokens = 0
    for i in range(0, len(fresh), ANNOTATE_BATCH):
        for annotated in annotate(fresh[i: i + ANNOTATE_BATCH], models, workers=workers):
            n_tokens += annotated.n_tokens
    seconds["annotate"] = time.perf_counter() - t0
    rss["annotate"] = _rss_mb()
    return {
        "workers": workers,
        "decoded": len(decoded),
        "articles": len(articles),
        "annotated": len(fresh),
        "tokens": n_tokens,
        "stage_peak_rss_mb": rss,
        "stage_peak_rss_children_mb": _rss_mb(resource.RUSAGE_CHILDREN),
        "stage_pass_seconds": {k: round(v, 2) for k, v in seconds.items()},
    }


def child_bare_spacy(articles_jsonl: Path, workers: int) -> dict[str, Any]:
    """Bare ``fr_core_news_md`` parse of the stored texts (fresh subprocess)."""
    import spacy

    texts = [json.loads(line)["text"] for line in articles_jsonl.open(encoding="utf-8") if line.strip()]
    t0 = time.perf_counter()
    nlp = spacy.load(BARE_MODEL)
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=BARE_BATCH, n_process=workers))
    parse = time.perf_counter() - t0
    return {
        "workers": workers,
        "model": BARE_MODEL,
        "texts": len(texts),
        "chars": sum(len(t) for t in texts),
        "tokens": sum(len(d) for d in docs),
        "load_seconds": round(load, 2),
        "seconds": round(parse, 2),
        "peak_rss_mb": _rss_mb(),
    }


def run_child(kind: str, **kwargs: Any) -> dict[str, Any]:
    """Run one ``child_*`` measurement in a fresh interpreter and return its JSON record."""
    with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
        result = Path(tmp) / "result.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--child-result", str(result)]
        for name, value in kwargs.items():
            cmd += [f"--child-{name.replace('_', '-')}", str(value)]
        proc = subprocess.run(cmd, cwd=REPO, check=False)
        if proc.returncode != 0 or not result.is_file():
            raise RuntimeError(f"bench child {kind} {kwargs} failed with exit status {proc.returncode}")
        return dict(json.loads(result.read_text(encoding="utf-8")))


def child_main(args: argparse.Namespace) -> None:
    logging.basicConfig(level=logging.WARNING)
    kind = args.child
    if kind == "pipeline":
        record = child_pipeline(Path(args.child_corpus), int(args.child_workers), Path(args.child_work))
    elif kind == "stages":
        record = child_stages(Path(args.child_corpus), int(args.child_workers), int(args.child_annotate_limit))
    elif kind == "spacy":
        record = child_bare_spacy(Path(args.child_articles), int(args.child_workers))
    else:
        raise SystemExit(f"unknown child measurement {kind!r}")
    Path(args.child_result).write_text(json.dumps(record), encoding="utf-8")


# --- measurements driven from the parent ----------------------------------------------------------------


def measure_pipeline(workers: int, stage_annotate: int) -> dict[str, Any]:
    work = WORK / f"workers{workers}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    log(f"pipeline: workers={workers} (fresh process, fresh store in {work})")
    run = run_child("pipeline", corpus=CORPUS, workers=workers, work=work)
    log(f"pipeline: workers={workers} done in {run['seconds']} s; stage-by-stage pass (fresh process)")
    try:
        stages = run_child("stages", corpus=CORPUS, workers=workers, annotate_limit=stage_annotate)
    except RuntimeError as exc:
        log(str(exc))
        run["stage_peak_rss_mb"], run["stage_pass"] = None, {"failed": str(exc)}
        return run
    run["stage_peak_rss_mb"] = stages.pop("stage_peak_rss_mb")
    run["stage_pass"] = stages
    return run


def measure_bare_spacy(articles_jsonl: Path, workers: int) -> dict[str, Any]:
    log(f"bare spaCy: {BARE_MODEL}, n_process={workers} (fresh process)")
    return run_child("spacy", articles=articles_jsonl, workers=workers)


def measure_throughput(record: dict[str, Any], workers: list[int], stage_annotate: int) -> None:
    """Pipeline runs, then bare spaCy on their texts, into ``record``; a failed child is recorded, not fatal."""
    for w in workers:
        try:
            record["runs"].append(measure_pipeline(w, stage_annotate))
        except RuntimeError as exc:
            log(str(exc))
            record["failures"].append(str(exc))
    if not record["runs"]:
        return
    articles_jsonl = Path(record["runs"][0]["export_dir"]) / "articles.jsonl"
    for run in record["runs"]:
        try:
            bare = measure_bare_spacy(articles_jsonl, run["workers"])
        except RuntimeError as exc:
            log(str(exc))
            record["failures"].append(str(exc))
            continue
        bare["ratio_pipeline_over_bare"] = round(run["seconds"] / bare["seconds"], 2) if bare["seconds"] else None
        record["bare_spacy"].append(bare)


# --- the record -----------------------------------------------------------------------------------------


def print_summary(record: dict[str, Any]) -> None:
    corpus = record.get("corpus")
    if corpus:
        print(f"\ncorpus: {corpus['inputs']} inputs ({corpus['html']} html, {corpus['txt']} txt), "
              f"{corpus['bytes'] / MB:.1f} MB")
    bare = {b["workers"]: b for b in record.get("bare_spacy", [])}
    if record.get("runs"):
        print(f"\n{'workers':>7} {'inputs':>6} {'articles':>8} {'errors':>6} {'seconds':>8} {'art/s':>7} "
              f"{'MB/s':>6} {'RSS MB':>7} {'bare s':>7} {'ratio':>6}")
        for run in record["runs"]:
            b = bare.get(run["workers"], {})
            print(f"{run['workers']:>7} {run['inputs']:>6} {run['articles']:>8} {run['errors']:>6} "
                  f"{run['seconds']:>8.1f} {run['articles_per_s']:>7.2f} {run['mb_per_s']:>6.2f} "
                  f"{run['peak_rss_mb']:>7.0f} {b.get('seconds', float('nan')):>7.1f} "
                  f"{b.get('ratio_pipeline_over_bare', float('nan')):>6.2f}")
        for run in record["runs"]:
            stages = " ".join(f"{k}={v}" for k, v in run["stage_seconds"].items())
            rss = " ".join(f"{k}={v}" for k, v in (run["stage_peak_rss_mb"] or {}).items()) or "(pass failed)"
            print(f"  workers={run['workers']} seconds: {stages}")
            print(f"  workers={run['workers']} peak RSS MB after each stage: {rss}")
    extraction = record.get("extraction") or {}
    te = extraction.get("trafilatura_eval")
    if te:
        print("\ntrafilatura_eval (snippets)      lang   P      R      F1     acc")
        for name in EXTRACTORS:
            for group, s in te[name].items():
                if group.startswith("detected_"):
                    continue
                print(f"  {name:<30} {group:<5} {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}  "
                      f"{s['accuracy']:.3f}")
    sh = extraction.get("scrapinghub")
    if sh:
        print("\nscrapinghub (4-token shingles)   P      R      F1")
        for name in ("ours", "ours_without_title", "trafilatura_default"):
            s = sh[name]["all"]
            print(f"  {name:<30} {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--inputs", type=int, default=2000, help="number of corpus files (default 2000)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--skip-pipeline", action="store_true", help="build the corpus, skip runs and bare spaCy")
    parser.add_argument("--only-extraction", action="store_true", help="only the extraction-quality part")
    parser.add_argument("--stage-annotate", type=int, default=320,
                        help="articles annotated in the stage-by-stage memory pass (default 320; 0 = all)")
    parser.add_argument("--no-extraction", action="store_true", help="skip the extraction-quality part")
    parser.add_argument("--no-append", action="store_true", help="print the record, do not append it")
    for name in ("child", "child-result", "child-corpus", "child-workers", "child-work", "child-articles",
                 "child-annotate-limit"):
        parser.add_argument(f"--{name}", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        child_main(args)
        return
    require_shared()
    workers = [int(w) for w in args.workers.split(",") if w.strip()]
    started = time.perf_counter()
    record: dict[str, Any] = {
        "date": local_now(),
        "bench": "pipeline",
        "git": git_commit(),
        "git_src_modified": git_dirty(),
        "machine": machine(),
        "corpus": None,
        "runs": [],
        "bare_spacy": [],
        "extraction": None,
        "failures": [],
    }
    if not args.only_extraction:
        record["corpus"] = build_corpus(args.inputs)
    if not (args.only_extraction or args.skip_pipeline):
        measure_throughput(record, workers, args.stage_annotate)
    if not args.no_extraction:
        record["extraction"] = measure_extraction(log)
    record["bench_seconds"] = round(time.perf_counter() - started, 1)
    print_summary(record)
    for failure in record["failures"]:
        print(f"FAILED: {failure}")
    append_unless(args.no_append, record, lead="\n", tail=f" (bench took {record['bench_seconds']:.0f} s)")


if __name__ == "__main__":
    main()
