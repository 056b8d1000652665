"""recoupe on the real press corpus: 110 news excerpts (French, English, Arabic) about defence relations between
states, 26 stories, scored against their gold by the project's shared scorer.

``.venv/bin/python bench/bench_press.py`` (run by ``make bench``; about half a minute) measures, in one invocation:

1. **The run** — a fresh store in ``bench/out/press/`` (git-ignored), ``Pipeline(store, Settings()).run([corpus])``
   on ``../shared/corpus/press`` and ``export`` into the same folder, in this process. Recorded: the wall time of
   open + run + export (``run.seconds``), the pipeline's own stage timers, inputs, articles and ingest errors.
2. **The scores** — ``../shared/tools/score.py``, loaded by path and used as it is (its ``main`` with ``--json``,
   its output read back), on the exported folder, for each split of ``splits.json`` (``dev``: the stories to tune
   on; ``test``: the stories to report) and each language (all, ``fr``, ``en``, ``ar``): 8 scorings. Kept from
   each, under ``scores.<split>.<lang>`` (``all`` = no language filter), the headline figures (``headline``):
   events ``recall`` (a required gold event matched by a record of its category and states citing one of its
   texts), ``recall_strict`` (and dated inside the accepted interval, and for an arms deal naming its system),
   ``precision`` (output events other than STATEMENT/OTHER that match a gold event), ``dated``,
   ``fragmentation`` (records per found event), ``fused_coverage``; gold ``conflicts_found`` and
   ``conflict_precision``; arms register ``transfers_found`` and ``field_accuracy``; ``entity_pair_f1``;
   ``stories_b3_f1``; ``titles``, ``dates`` and ``wrong_dates`` (publication dates); ``content_recall`` (body
   lines kept) and ``boiler_removed`` (furniture lines removed). Fractions stay as the scorer writes them
   ("6/17"). score.py's docstring defines each figure.
3. **The error report** — ``bench/press.md`` (git-ignored: it quotes the articles, and the repository holds no
   sentence of an article we did not write): the headline table, then per story, dev stories first, each gold
   event with the output records that match it leniently and strictly (``score.matches``), why the nearest
   records miss when none matches strictly, the story's output events that match no gold event, the gold
   conflicts (found or not) beside the output conflicts, and the arms register rows beside the gold transfers.

One JSON line, ``"bench": "press"``, is appended to ``bench/results.jsonl`` (``--no-append`` to skip); a short
table is printed. Tune on dev, report test: read ``press.md`` for the dev stories only when choosing what to fix.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import io
import json
import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import append_unless, git_commit, git_dirty, machine, utc_now  # noqa: E402

SHARED = ROOT.parent / "shared"
PRESS = SHARED / "corpus" / "press"
SCORE = SHARED / "tools" / "score.py"
OUT = ROOT / "bench" / "out" / "press"  # git-ignored: store and export of the run
REPORT = ROOT / "bench" / "press.md"  # git-ignored: quotes the articles
SPLITS = ("dev", "test")
LANGS = (None, "fr", "en", "ar")
IGNORED_IN_PRECISION = ("STATEMENT", "OTHER")  # as score.py: not counted in precision


# --- the scorer, used as it is ---------------------------------------------------------------------------


def load_scorer(path: Path = SCORE) -> ModuleType:
    """``../shared/tools/score.py`` imported by path (never copied into the repository)."""
    spec = importlib.util.spec_from_file_location("recoupe_shared_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_json(scorer: ModuleType, out: Path, split: str | None = None, lang: str | None = None,
               corpus: Path = PRESS) -> dict[str, Any]:
    """The scorer's ``--json`` figures for an exported folder, by calling its ``main`` and reading its output."""
    argv = [str(corpus), str(out), str(corpus), "--json"]
    if split:
        argv += ["--split", split]
    if lang:
        argv += ["--lang", lang]
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = scorer.main(argv)
    if code:
        raise RuntimeError(f"score.py {' '.join(argv)} exited with {code}: {buffer.getvalue()[:500]}")
    result: dict[str, Any] = json.loads(buffer.getvalue())
    return result


def count(fraction: str | None) -> int:
    """The numerator of the scorer's "6/17"."""
    return int(str(fraction).split("/")[0]) if fraction else 0


def headline(res: dict[str, Any]) -> dict[str, Any]:
    """The figures of one scoring that results.jsonl keeps (names flattened; fractions as the scorer writes them)."""
    ev, tr, cf = res["events"], res["transfers"], res["conflicts"]
    ent, meta, text = res.get("entities", {}), res["meta"], res["text"]
    return {
        "articles_found": res["articles_found"],
        "events_recall": ev["recall"],
        "events_recall_strict": ev["recall_strict"],
        "events_precision": ev["precision"],
        "events_counted": ev["counted"],
        "events_dated": ev["dated"],
        "fragmentation": ev["fragmentation"],
        "fused_coverage": ev["fused_coverage"],
        "conflicts_found": cf["conflicts_found"],
        "conflict_precision": cf["conflict_precision"],
        "output_conflicts": cf["output_conflicts"],
        "transfers_found": tr["transfers_found"],
        "field_accuracy": tr["field_accuracy"],
        "transfer_rows": tr["rows"],
        "rows_supplier_is_recipient": tr["rows_supplier_is_recipient"],
        "entity_pair_f1": ent.get("pair_f1"),
        "not_merged_violated": ent.get("not_merged_violated"),
        "stories_b3_f1": res["stories"]["stories_b3_f1"],
        "titles": meta["titles"],
        "dates": meta["dates"],
        "wrong_dates": meta["wrong_dates"],
        "content_recall": text["content_recall"],
        "boiler_removed": text["boiler_removed"],
    }


# --- the run ----------------------------------------------------------------------------------------------


def run_pipeline(out: Path, corpus: Path = PRESS) -> dict[str, Any]:
    """A fresh store in ``out``, one run over the corpus, export into ``out``; what the run did and took."""
    from recoupe import Pipeline, Settings, Store, export

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    t0 = time.perf_counter()
    with Store.open(out / "recoupe.duckdb") as store:
        report = Pipeline(store, Settings()).run([corpus])
        t1 = time.perf_counter()
        export(store, out)
    total = time.perf_counter() - t0
    stages = {k: round(v, 2) for k, v in report.seconds.items()}
    stages["export"] = round(total - (t1 - t0), 2)
    return {
        "inputs": report.inputs,
        "articles": report.articles,
        "errors": len(report.errors),
        "error_sources": sorted(f"{Path(e.source).name}: {e.code}" for e in report.errors),
        "languages": dict(sorted(report.languages.items())),
        "seconds": round(total, 2),
        "stage_seconds": stages,
    }


def measure(out: Path = OUT) -> tuple[dict[str, Any], dict[str, dict[str, dict[str, Any]]]]:
    """Run, then the 8 scorings; returns (run record, full scorer output by split and language)."""
    run = run_pipeline(out)
    scorer = load_scorer()
    full = {split: {lang or "all": score_json(scorer, out, split, lang) for lang in LANGS} for split in SPLITS}
    return run, full


# --- the error report -------------------------------------------------------------------------------------


def _countries(ev: dict[str, Any]) -> str:
    src = sorted({a.get("country") or a.get("name") or "?" for a in ev.get("source", [])})
    rcp = sorted({a.get("country") or a.get("name") or "?" for a in ev.get("recipient", [])})
    return f"{','.join(src) or '-'} → {','.join(rcp) or '-'}"


def _date(d: dict[str, Any] | None) -> str:
    if not d or not d.get("start"):
        return "undated"
    end = d.get("end")
    return d["start"] if not end or end == d["start"] else f"{d['start']}..{end}"


def _interval(iv: Any) -> str:
    if not iv:
        return "none"
    return iv[0] if iv[0] == iv[1] else f"{iv[0]}..{iv[1]}"


def _quote(ev: dict[str, Any], limit: int = 160) -> str:
    q = ((ev.get("mentions") or [{}])[0].get("quote") or "").replace("\n", " ").replace("|", "¦")
    return q if len(q) <= limit else q[: limit - 1] + "…"


def _docs(ev: dict[str, Any], doc_of_article: dict[str, str]) -> list[str]:
    return sorted({doc_of_article.get(m.get("article", ""), "?") for m in ev.get("mentions", [])})


def _record_line(ev: dict[str, Any], doc_of_article: dict[str, str]) -> str:
    attrs = ev.get("attributes") or {}
    designation = f", designation {attrs['designation']!r}" if attrs.get("designation") else ""
    docs = _docs(ev, doc_of_article)
    return (f"`{ev.get('category')}` {_countries(ev)}, {_date(ev.get('date'))}{designation}, "
            f"{len(ev.get('articles') or docs)} article(s) ({', '.join(docs)}): «{_quote(ev)}»")


def why_not_strict(scorer: ModuleType, ev: dict[str, Any], g: dict[str, Any]) -> list[str]:
    """Which of score.matches' strict conditions an output event fails for a gold event (docs apart)."""
    reasons = []
    cats = {g["category"]} | set(g.get("alt_categories", ()))
    if ev.get("category") not in cats:
        reasons.append(f"category wrong ({ev.get('category')}, want {'/'.join(sorted(cats))})")
    want = {scorer.ISO3.get(c, c) for c in g["countries"]}
    have = scorer.event_countries(ev)
    if len(want & have) < min(2, len(want)):
        reasons.append(f"countries {sorted(have) or '-'} (want {sorted(want)})")
    interval = scorer.date_interval(ev.get("date"))
    accept = g.get("accept_dates") or g.get("date")
    if accept and interval and not scorer.overlaps(interval, accept):
        reasons.append(f"date outside ({_date(ev.get('date'))} not in {_interval(accept)})")
    if accept and not interval:
        reasons.append("date missing")
    if ev.get("category") == "ARMS_TRANSFER" and not scorer.same_designation(ev, g):
        have_d = (ev.get("attributes") or {}).get("designation")
        reasons.append(f"designation {'wrong (' + repr(have_d) + ')' if have_d else 'missing'}"
                       f" (want {g['transfer']['designation']!r})")
    return reasons


class Report:
    """bench/press.md: what a person reads to choose the next error to fix."""

    def __init__(self, scorer: ModuleType, out: Path, full: dict[str, dict[str, dict[str, Any]]],
                 run: dict[str, Any], corpus: Path = PRESS) -> None:
        self.s = scorer
        self.full = full
        self.run = run
        self.corpus = corpus
        self.gold = scorer.load_gold(str(corpus))
        self.splits = json.loads((corpus / "splits.json").read_text(encoding="utf-8"))
        docs = {m["file"]: m for m in self.gold.MANIFEST}
        self.docs = docs
        self.arts_by_doc: dict[str, dict[str, Any]] = {}
        for a in scorer.read_jsonl(out / "articles.jsonl"):
            key = scorer.doc_key(a.get("source", ""), list(docs))
            if key:
                self.arts_by_doc[key] = a
        self.doc_of_article: dict[str, str] = scorer.doc_of(self.arts_by_doc)
        self.events = scorer.read_jsonl(out / "events.jsonl")
        self.conflicts = scorer.read_jsonl(out / "conflicts.jsonl")
        self.arms = scorer.read_jsonl(out / "arms_transfers.jsonl")
        cf = scorer.score_conflicts(self.gold, self.events, self.conflicts, self.doc_of_article)
        self.conflicts_found = set(cf["found"])
        meta = scorer.score_meta(self.arts_by_doc, docs)
        self.meta_details = meta["details"]
        self.lines: list[str] = []

    def w(self, line: str = "") -> None:
        self.lines.append(line)

    def story_docs(self, story: str) -> list[str]:
        return sorted(m["file"] for m in self.gold.MANIFEST if m.get("cluster") == story)

    def story_events(self, docs: set[str]) -> list[dict[str, Any]]:
        return [e for e in self.events if set(_docs(e, self.doc_of_article)) & docs]

    def matching(self, g: dict[str, Any], strict: bool) -> list[dict[str, Any]]:
        return [e for e in self.events if self.s.matches(e, g, self.doc_of_article, strict=strict)]

    def render(self) -> str:
        self.w("# recoupe on the press corpus — error report")
        self.w()
        self.w(f"Generated by `bench/bench_press.py` on {dt.date.today().isoformat()} (git {git_commit()}"
               f"{', src modified' if git_dirty() else ''}); run {self.run['seconds']} s, {self.run['articles']} "
               f"articles of {self.run['inputs']} inputs, errors: {', '.join(self.run['error_sources']) or 'none'}.")
        self.w("Not committed: it quotes the articles. Tune on the **dev** stories; the test stories are for "
               "reporting.")
        self.w()
        self.headline_table()
        stories = [(s, "dev") for s in self.splits["dev"]] + [(s, "test") for s in self.splits["test"]]
        self.index(stories)
        for story, split in stories:
            self.story(story, split)
        return "\n".join(self.lines) + "\n"

    def headline_table(self) -> None:
        cols = [("R", "events_recall"), ("Rstrict", "events_recall_strict"), ("P", "events_precision"),
                ("dated", "events_dated"), ("frag", "fragmentation"), ("cover", "fused_coverage"),
                ("conflicts", "conflicts_found"), ("conflict P", "conflict_precision"),
                ("transfers", "transfers_found"), ("fields", "field_accuracy"), ("ER F1", "entity_pair_f1"),
                ("stories B3", "stories_b3_f1"), ("titles", "titles"), ("dates", "dates"),
                ("wrong dates", "wrong_dates"), ("body R", "content_recall"), ("furniture removed", "boiler_removed")]
        self.w("## Headline figures")
        self.w()
        self.w("| split | lang | " + " | ".join(c for c, _ in cols) + " |")
        self.w("|" + " --- |" * (len(cols) + 2))
        for split, by_lang in self.full.items():
            for lang, res in by_lang.items():
                h = headline(res)
                self.w(f"| {split} | {lang} | " + " | ".join(str(h[k]) for _, k in cols) + " |")
        self.w()

    def index(self, stories: list[tuple[str, str]]) -> None:
        self.w("## Stories")
        self.w()
        self.w("| story | split | texts | required events | strict | lenient | unmatched output events |")
        self.w("| --- | --- | --- | --- | --- | --- | --- |")
        for story, split in stories:
            docs = set(self.story_docs(story))
            required = [g for g in self.gold.EVENTS if g.get("required") and set(g["docs"]) & docs]
            strict = sum(1 for g in required if self.matching(g, True))
            lenient = sum(1 for g in required if self.matching(g, False))
            unmatched = [e for e in self.story_events(docs) if e.get("category") not in IGNORED_IN_PRECISION
                         and not any(self.s.matches(e, g, self.doc_of_article) for g in self.gold.EVENTS)]
            self.w(f"| [{story}](#{story}) | {split} | {len(docs)} | {len(required)} | {strict} | {lenient} | "
                   f"{len(unmatched)} |")
        self.w()

    def story(self, story: str, split: str) -> None:
        docs = self.story_docs(story)
        doc_set = set(docs)
        self.w(f"## {story}")
        self.w()
        self.w(f"*{split}* — {self.gold.CLUSTERS.get(story, '')}")
        self.w()
        texts = []
        for d in docs:
            m = self.docs[d]
            art = self.arts_by_doc.get(d)
            texts.append(f"{d} ({m.get('lang')}, {m.get('outlet') or '?'}{'' if art else ', NO ARTICLE'})")
        self.w("Texts: " + "; ".join(texts) + ".")
        details = [x for x in self.meta_details if x.split(":")[0] in doc_set]
        if details:
            self.w()
            self.w("Metadata misses: " + "; ".join(f"`{x}`" for x in details) + ".")
        self.w()
        golds = [g for g in self.gold.EVENTS if set(g["docs"]) & doc_set]
        self.w("### Gold events")
        self.w()
        for g in sorted(golds, key=lambda g: not g.get("required")):
            self.gold_event(g)
        self.unmatched(doc_set)
        self.story_conflicts(golds, doc_set)
        self.story_arms(golds, doc_set)

    def gold_event(self, g: dict[str, Any]) -> None:
        cats = "/".join([g["category"], *sorted(g.get("alt_categories", ()))])
        need = "**required**" if g.get("required") else "optional"
        factuality = f", {g['factuality']}" if g.get("factuality") else ""
        accept = g.get("accept_dates")
        dates = _interval(g.get("date")) + (f" (accept {_interval(accept)})" if accept and accept != g.get("date")
                                            else "")
        designation = ((g.get("transfer") or {}).get("designation"))
        self.w(f"- `{g['id']}` — {cats}, {need}{factuality}; date {dates}; countries "
               f"{', '.join(sorted(g['countries']))}; docs {', '.join(sorted(g['docs']))}"
               + (f"; system {designation!r}" if designation else ""))
        strict = self.matching(g, True)
        lenient = [e for e in self.matching(g, False) if e not in strict]
        for e in strict:
            self.w(f"  - strict: {_record_line(e, self.doc_of_article)}")
        for e in lenient:
            self.w(f"  - lenient only ({'; '.join(why_not_strict(self.s, e, g)) or '?'}): "
                   f"{_record_line(e, self.doc_of_article)}")
        if strict:
            return
        if not lenient:
            candidates = [e for e in self.events if set(_docs(e, self.doc_of_article)) & set(g["docs"])]
            near = sorted(((why_not_strict(self.s, e, g), e) for e in candidates), key=lambda x: len(x[0]))
            near = [(r, e) for r, e in near if r and len(r) <= 2][:3]
            if not candidates:
                self.w("  - NOT FOUND: no output event cites its texts")
            elif not near:
                self.w(f"  - NOT FOUND: none of the {len(candidates)} output events citing its texts comes within "
                       "two conditions of it")
            for reasons, e in near:
                self.w(f"  - NOT FOUND, nearest ({'; '.join(reasons)}): {_record_line(e, self.doc_of_article)}")

    def unmatched(self, doc_set: set[str]) -> None:
        events = self.story_events(doc_set)
        unmatched = [e for e in events
                     if not any(self.s.matches(e, g, self.doc_of_article) for g in self.gold.EVENTS)]
        counted = [e for e in unmatched if e.get("category") not in IGNORED_IN_PRECISION]
        ignored = Counter(e.get("category") for e in unmatched if e.get("category") in IGNORED_IN_PRECISION)
        self.w()
        self.w(f"### Output events matching no gold event ({len(counted)} of {len(events)} counted against "
               "precision)")
        self.w()
        for e in counted:
            self.w(f"- {_record_line(e, self.doc_of_article)}")
        if not counted:
            self.w("- none")
        if ignored:
            self.w(f"- (and {', '.join(f'{n} {c}' for c, n in sorted(ignored.items()))} unmatched, not counted)")
        self.w()

    def story_conflicts(self, golds: list[dict[str, Any]], doc_set: set[str]) -> None:
        ids = {g["id"] for g in golds}
        wanted = [c for c in self.gold.CONFLICTS if c["subject"] in ids]
        mine_ids = {e["id"]: e for e in self.story_events(doc_set)}
        mine = [o for o in self.conflicts if o.get("subject") in mine_ids]
        if not wanted and not mine:
            return
        self.w("### Conflicts")
        self.w()
        for c in wanted:
            found = f"{c['subject']}:{c['field']}" in self.conflicts_found
            claims = "; ".join(f"{value} ({', '.join(sorted(texts))})" for value, texts in c["claims"])
            self.w(f"- gold `{c['subject']}` {c['field']}: {'FOUND' if found else 'not found'} — {claims}")
        for o in mine:
            ev = mine_ids[o["subject"]]
            claims = "; ".join(
                f"{cl.get('value')!r} "
                f"({', '.join(sorted(self.doc_of_article.get(a, '?') for a in cl.get('articles', [])))})"
                for cl in o.get("claims", []))
            self.w(f"- output on `{ev.get('category')}` {_countries(ev)} {_date(ev.get('date'))}, field "
                   f"`{o.get('field')}`: {claims}")
        self.w()

    def story_arms(self, golds: list[dict[str, Any]], doc_set: set[str]) -> None:
        rows = [r for r in self.arms if set(_docs(r, self.doc_of_article)) & doc_set]
        transfers = [g for g in golds if g.get("transfer")]
        if not rows and not transfers:
            return
        self.w("### Arms register")
        self.w()
        answered: set[str] = set()
        for g in transfers:
            t = g["transfer"]
            one = SimpleNamespace(EVENTS=[{**g, "required": True}])
            answering = [r for r in rows
                         if count(self.s.score_transfers(one, [r], self.arts_by_doc)["transfers_found"])]
            answered |= {r["id"] for r in answering}
            head = (f"- gold `{g['id']}` ({'required' if g.get('required') else 'optional'}): "
                    f"{t.get('supplier')} → {t.get('recipient')}, {t.get('designation')!r}, quantity "
                    f"{t.get('quantity')}, value {t.get('value')}, year {t.get('year')}")
            if not answering:
                self.w(head + " — NO ROW")
                continue
            checked = [f for f in ("supplier", "recipient", "quantity", "value", "year") if t.get(f)]
            wrong = {w.split(":")[-1] for w in self.s.score_transfers(one, answering, self.arts_by_doc)["wrong_fields"]}
            right = [f for f in checked if f not in wrong]
            self.w(head + f" — right: {', '.join(right) or 'none'}; wrong: {', '.join(sorted(wrong)) or 'none'}")
            for r in answering:
                self.w(f"  - row {self.row_line(r)}")
        for r in rows:
            if r["id"] not in answered:
                self.w(f"- row answering no gold transfer: {self.row_line(r)}")
        self.w()

    def row_line(self, r: dict[str, Any]) -> str:
        sup = (r.get("supplier") or {}).get("country") or (r.get("supplier") or {}).get("name")
        rcp = (r.get("recipient") or {}).get("country") or (r.get("recipient") or {}).get("name")
        value = r.get("value") or {}
        money = f"{value.get('amount')} {value.get('currency')}" if value else "none"
        return (f"{sup} → {rcp}, {r.get('designation')!r}, ordered {r.get('number_ordered')}, delivered "
                f"{r.get('number_delivered')}, value {money}, order year {r.get('order_year')}, delivery years "
                f"{r.get('delivery_years')}, status {r.get('status')} ({', '.join(_docs(r, self.doc_of_article))}): "
                f"«{_quote(r)}»")


# --- output -----------------------------------------------------------------------------------------------


TABLE = [("R", "events_recall"), ("Rstr", "events_recall_strict"), ("P", "events_precision"),
         ("dated", "events_dated"), ("frag", "fragmentation"), ("cover", "fused_coverage"),
         ("confl", "conflicts_found"), ("transf", "transfers_found"), ("fields", "field_accuracy"),
         ("ER F1", "entity_pair_f1"), ("B3", "stories_b3_f1"), ("titles", "titles"), ("dates", "dates"),
         ("wrong", "wrong_dates"), ("bodyR", "content_recall"), ("furn", "boiler_removed")]


def print_table(scores: dict[str, dict[str, dict[str, Any]]]) -> None:
    print(f"{'split':<5} {'lang':<4} " + " ".join(f"{name:>7}" for name, _ in TABLE))
    for split, by_lang in scores.items():
        for lang, h in by_lang.items():
            print(f"{split:<5} {lang:<4} " + " ".join(f"{h[key]!s:>7}" for _, key in TABLE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to results.jsonl")
    parser.add_argument("--no-report", action="store_true", help="do not write bench/press.md")
    args = parser.parse_args(argv)
    if not (PRESS / "splits.json").is_file() or not SCORE.is_file():
        print(f"{PRESS} or {SCORE} not found: nothing to measure", file=sys.stderr)
        return 2
    started = time.perf_counter()
    commit, dirty = git_commit(), git_dirty()
    run, full = measure(OUT)
    scores = {split: {lang: headline(res) for lang, res in by_lang.items()} for split, by_lang in full.items()}
    record = {
        "date": utc_now(),
        "bench": "press",
        "git": commit,
        "git_src_modified": dirty,
        "machine": machine(),
        "corpus": {"path": "shared/corpus/press", "texts": len(list(PRESS.glob("*.txt"))),
                   "dev_stories": len(json.loads((PRESS / "splits.json").read_text(encoding="utf-8"))["dev"])},
        "run": run,
        "scores": scores,
    }
    if not args.no_report:
        REPORT.write_text(Report(load_scorer(), OUT, full, run).render(), encoding="utf-8")
    record["bench_seconds"] = round(time.perf_counter() - started, 1)
    print(f"run: {run['seconds']} s, {run['articles']} articles of {run['inputs']} inputs, "
          f"errors {run['error_sources'] or 'none'}")
    print_table(scores)
    if not args.no_report:
        print(f"\nerror report: {REPORT}")
    append_unless(args.no_append, record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
