"""Extraction quality for ``make bench`` (called by ``bench/run_bench.py``, part 4 of its record): on trafilatura_eval
(208 pages with must-contain / must-not-contain snippets), upstream scoring (trafilatura's tests/evaluate.py): per
snippet TP/FN/FP/TN summed over pages, then precision, recall, F1, accuracy; per language and overall. Ours
(``clean_html`` lines plus title) beside trafilatura's own ``extract`` with defaults and with
``favor_precision=True``. On the scrapinghub article-extraction benchmark (181 pages with the article body), upstream
scoring (its evaluate.py): multisets of 4-token shingles, per-page TP/FP/FN normalised to sum 1, precision and recall
averaged over pages, F1 of the two means."""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TRAFILATURA_EVAL = SHARED / "benchmarks" / "trafilatura_eval"
SCRAPINGHUB = SHARED / "benchmarks" / "scrapinghub_article_extraction_benchmark"


def _decode_source(data: bytes, source: str) -> tuple[str, str]:
    """Text and encoding of a source file, decoded as the pipeline decodes it."""
    from recoupe.read.ingest import decode
    from recoupe.records import RawDocument

    decoded = decode(RawDocument(source=source, origin="file", media="html", content=data))
    return decoded.text, decoded.encoding


def _squash(text: str) -> str:
    return " ".join(text.split())


Extractor = Callable[[str, str | None], str]


def extract_ours(html: str, url: str | None, *, with_title: bool = True) -> str:
    from recoupe.errors import NoMainText
    from recoupe.read.clean import clean_html

    try:
        page = clean_html(html, url=url)
    except NoMainText:
        return ""
    lines = list(page.lines)
    if with_title and page.title and (not lines or lines[0] != page.title):
        lines.insert(0, page.title)
    return "\n".join(lines)


def extract_trafilatura(html: str, url: str | None, *, favor_precision: bool = False) -> str:
    import trafilatura

    return trafilatura.extract(html, favor_precision=favor_precision) or ""


EXTRACTORS: dict[str, Extractor] = {
    "ours": extract_ours,
    "ours_without_title": lambda html, url: extract_ours(html, url, with_title=False),
    "trafilatura_default": extract_trafilatura,
    "trafilatura_precision": lambda html, url: extract_trafilatura(html, url, favor_precision=True),
}


def _snippet_scores(counts: Counter[str]) -> dict[str, Any]:
    tp, fn, fp, tn = counts["tp"], counts["fn"], counts["fp"], counts["tn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    return {
        "pages": counts["pages"],
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "accuracy": round(accuracy, 4),
        "tp": tp, "fn": fn, "fp": fp, "tn": tn,
    }


_HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2})", re.IGNORECASE)


def eval_trafilatura_eval() -> dict[str, Any]:
    """Snippet scoring on trafilatura's evaluation pages (only those copied into html/)."""
    gold: dict[str, dict[str, Any]] = json.loads((TRAFILATURA_EVAL / "evaldata.json").read_text(encoding="utf-8"))
    index_file = TRAFILATURA_EVAL / "file_index_lang.json"
    langs: dict[str, str] = {}
    if index_file.is_file():
        langs = {e["url"]: e.get("lang_guess") or "" for e in json.loads(index_file.read_text(encoding="utf-8"))}
    from recoupe.understand.annotate import detect_language

    counts: dict[str, dict[str, Counter[str]]] = {name: {} for name in EXTRACTORS}
    mismatch: Counter[tuple[str, str]] = Counter()
    seconds: dict[str, float] = defaultdict(float)
    for url, item in gold.items():
        path = TRAFILATURA_EVAL / "html" / item["file"]
        if not path.is_file():
            continue
        html, _ = _decode_source(path.read_bytes(), str(path))
        lang = langs.get(url) or (m.group(1).lower() if (m := _HTML_LANG.search(html)) else "unknown")
        found = detect_language(" ".join(item.get("with", [])) or html[:5000])
        mismatch[(lang, found)] += 1
        detected = f"detected_{found if found in ('en', 'fr') else 'other'}"
        for name, extractor in EXTRACTORS.items():
            t0 = time.perf_counter()
            output = _squash(extractor(html, url))
            seconds[name] += time.perf_counter() - t0
            for group in (lang, "all", detected):
                c = counts[name].setdefault(group, Counter())
                c["pages"] += 1
                for snippet in item.get("with", []):
                    c["tp" if _squash(snippet) in output else "fn"] += 1
                for snippet in item.get("without", []):
                    c["fp" if _squash(snippet) in output else "tn"] += 1
    result: dict[str, Any] = {
        name: {group: _snippet_scores(c) for group, c in sorted(by_group.items())}
        for name, by_group in counts.items()
    }
    result["seconds"] = {name: round(s, 1) for name, s in seconds.items()}
    result["peer_note"] = "trafilatura's own defaults on the same pages"
    # The index's language guess comes from <html lang> / og:locale, which some pages get wrong (about 30 of
    # the "en" pages are German or Spanish): lang_check counts index language -> py3langid's reading of the
    # must-contain snippets, and the detected_* groups score the pages by that reading.
    result["lang_check"] = {f"{index}->{found}": n for (index, found), n in sorted(mismatch.items())}
    result["method"] = ("upstream snippet scoring (trafilatura tests/evaluate.py): TP/FN on 'with', FP/TN on "
                        "'without', summed over pages; whitespace collapsed in output and snippets; ours = "
                        "clean_html lines plus the title line")
    return result


_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i: i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens)


def _shingle_tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Per-page counts as the scrapinghub benchmark computes them, normalised so that each page weighs 1."""
    t, p = _shingles(true), _shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _shingle_scores(rows: list[tuple[float, float, float]]) -> dict[str, Any]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    ps = [precision(*r) for r in rows if r[0] + r[1] > 0]
    rs = [recall(*r) for r in rows if r[0] + r[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {"pages": len(rows), "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def eval_scrapinghub() -> dict[str, Any] | None:
    """Shingle scoring against the article bodies of the scrapinghub benchmark (mostly English)."""
    truth_file = SCRAPINGHUB / "ground-truth.json"
    if not truth_file.is_file():
        return None
    truth: dict[str, dict[str, str]] = json.loads(truth_file.read_text(encoding="utf-8"))
    names = ("ours", "ours_without_title", "trafilatura_default")
    rows: dict[str, list[tuple[float, float, float]]] = {name: [] for name in names}
    seconds: dict[str, float] = defaultdict(float)
    for key, item in sorted(truth.items()):
        path = SCRAPINGHUB / "html" / f"{key}.html.gz"
        if not path.is_file():
            continue
        html, _ = _decode_source(gzip.decompress(path.read_bytes()), str(path))
        for name in names:
            t0 = time.perf_counter()
            output = EXTRACTORS[name](html, item.get("url"))
            seconds[name] += time.perf_counter() - t0
            rows[name].append(_shingle_tp_fp_fn(item.get("articleBody", ""), output))
    result: dict[str, Any] = {name: {"all": _shingle_scores(r)} for name, r in rows.items()}
    result["seconds"] = {name: round(s, 1) for name, s in seconds.items()}
    result["method"] = ("upstream scoring (scrapinghub evaluate.py, no bootstrap): multisets of 4-token shingles "
                        "(\\w+ tokens, case kept), per-page TP/FP/FN normalised to sum 1, mean precision and mean "
                        "recall over pages, F1 of the two means; ours includes the title line, the gold body not")
    return result


def measure_extraction(log: Callable[[str], None]) -> dict[str, Any]:
    log("extraction: trafilatura_eval (208 pages x 4 extractors)")
    t0 = time.perf_counter()
    record: dict[str, Any] = {"trafilatura_eval": eval_trafilatura_eval()}
    log(f"extraction: trafilatura_eval done in {time.perf_counter() - t0:.0f} s; scrapinghub (181 pages)")
    record["scrapinghub"] = eval_scrapinghub()
    return record
