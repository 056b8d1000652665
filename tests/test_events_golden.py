"""Golden tests of the events stage on the seed articles (tests/golden/events_seeds.json, our gold) and on the
demo corpus (tests/golden/events_demo.json, written from the "facts" notes of tests/golden/demo_gold.json).

``score`` is the scoring used here and by bench/bench_events.py. A gold event matches a system event of the
same article when the category agrees (or one of its ``also``), the gold trigger's offset lies in one of the
system event's evidence sentences, the gold countries are among the system's (source and recipient apart
for directed categories, their union for reciprocal ones) and, for arms transfers, the designation agrees.
Matching is one to one, required gold events first.

* recall: required gold events matched / required gold events;
* precision: system events other than STATEMENT that match a gold event (required or optional) / system
  events other than STATEMENT;
* dated: matched required gold events that the text dates (gold ``date`` not null) whose system date
  agrees (one is a prefix of the other: "2021-11" and "2021-11-24") / those gold events;
* factuality: matched required gold events with the gold factuality / matched required gold events.

Floors: the issue's targets (recall and precision at least 0.8, dated where the text dates them), and the
figures reached, rounded down (a floor only goes up). Skipped without ../shared (the seeds).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from recoupe.crosscheck.resolve import resolve
from recoupe.kb import load_kb
from recoupe.read.clean import clean
from recoupe.read.ingest import decode, iter_paths
from recoupe.records import RawDocument
from recoupe.settings import Settings
from recoupe.understand.annotate import Models, annotate
from recoupe.understand.entities import extract
from recoupe.understand.events import RECIPROCAL, EventMention, extract_events, to_event_records
from recoupe.understand.events.arms import to_arms_records
from recoupe.understand.timex.stage import tag_article

GOLDEN = Path(__file__).parent / "golden"

# The targets.
TARGET_RECALL = 0.8
TARGET_PRECISION = 0.8
TARGET_DATED = 0.8
# Reached: seeds recall 1.00 (40/40), precision 1.00 (47/47), dated 1.00 (25/25); demo recall 0.99 (97/98),
# precision 0.99 (103/104), dated 1.00 (78/78). Both sets were read while writing the lexicon and rules, so
# these are development figures (bench/bench_events.py has a held-out half). The floors leave one event of
# margin; they only go up.
SEEDS_RECALL = 0.97
SEEDS_PRECISION = 0.97
SEEDS_DATED = 0.96
DEMO_RECALL = 0.97
DEMO_PRECISION = 0.98
DEMO_DATED = 0.98


@dataclass(slots=True)
class Score:
    required: int = 0
    matched: int = 0
    system: int = 0
    system_real: int = 0
    datable: int = 0
    dated: int = 0
    factual: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)
    wrong_factuality: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.system_real / self.system if self.system else 1.0

    @property
    def dated_share(self) -> float:
        return self.dated / self.datable if self.datable else 1.0

    @property
    def factuality(self) -> float:
        return self.factual / self.matched if self.matched else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {"recall": round(self.recall, 4), "precision": round(self.precision, 4),
                "dated": round(self.dated_share, 4), "factuality": round(self.factuality, 4),
                "required": self.required, "matched": self.matched, "system_non_statement": self.system,
                "system_real": self.system_real, "datable": self.datable, "dated_ok": self.dated}


def _matches(gold: Mapping[str, Any], e: EventMention) -> bool:
    categories = {gold["category"], *gold.get("also", [])}
    if e.category not in categories:
        return False
    if not any(x.start <= gold["offset"] < x.end for x in e.evidence):
        return False
    src, rcp = set(gold["source"]), set(gold["recipient"])
    if e.category in RECIPROCAL or (e.category == "DIPLOMATIC_RELATIONS" and gold["category"] != "DIPLOMATIC_RELATIONS"
                                    ) or gold["category"] in RECIPROCAL:
        if not (src | rcp) <= (e.countries("source") | e.countries("recipient")):
            return False
    elif not (src <= e.countries("source") and rcp <= e.countries("recipient")):
        return False
    designation = gold.get("designation")
    return not designation or str(e.attributes.get("designation", "")).lower() == designation.lower()


def _date_agrees(gold: str, system: str | None) -> bool:
    return system is not None and (system.startswith(gold) or gold.startswith(system))


def score(system: Mapping[str, Sequence[EventMention]], gold: Mapping[str, Mapping[str, Any]]) -> Score:
    """Score the events of each article (``system``: article key -> event mentions) against the gold
    (article key -> {"events": [...]})."""
    s = Score()
    for name, article in gold.items():
        events = list(system.get(name, ()))
        golds = sorted(article["events"], key=lambda g: bool(g.get("optional")))
        used: set[int] = set()
        for g in golds:
            optional = bool(g.get("optional"))
            if not optional:
                s.required += 1
            candidates = [i for i, e in enumerate(events) if i not in used and _matches(g, e)]
            # the event whose own trigger is the gold's first, then any event told in the same sentence
            candidates.sort(key=lambda i: not any(x.trigger_start <= g["offset"] < x.trigger_end
                                                  for x in events[i].evidence))
            found = candidates[0] if candidates else None
            label = f"{name}: {g['category']} {g['description']}"
            if found is None:
                if not optional:
                    s.misses.append(label)
                continue
            used.add(found)
            if optional:
                continue
            s.matched += 1
            e = events[found]
            if g["factuality"] == e.factuality:
                s.factual += 1
            else:
                s.wrong_factuality.append(f"{label}: {e.factuality} (gold {g['factuality']})")
            if g["date"] is not None:
                s.datable += 1
                if _date_agrees(g["date"], e.date.start):
                    s.dated += 1
                else:
                    s.wrong_dates.append(f"{label}: {e.date.start} (gold {g['date']}; {e.date.reason})")
        for i, e in enumerate(events):
            if e.category == "STATEMENT":
                continue
            s.system += 1
            if i in used:
                s.system_real += 1
            else:
                s.false_positives.append(
                    f"{name}: {e.category} {e.factuality} {sorted(e.countries('source'))}->"
                    f"{sorted(e.countries('recipient'))} '{e.trigger}'@{e.evidence[0].trigger_start}")
    return s


def article_key(source: str) -> str:
    """The gold's key of an input: the file name, with the line number for JSONL inputs ("13_...jsonl#2")."""
    path, _, line = source.partition("#")
    name = Path(path).name
    return f"{name}#{line.lstrip('L')}" if line else name


def run_events(paths: Sequence[Path], models: Models) -> dict[str, tuple[EventMention, ...]]:
    """The event mentions of every input under ``paths``, by gold key (the pipeline's stages, in order)."""
    kb = load_kb()
    raws = [r for r in iter_paths(list(paths), Settings()) if isinstance(r, RawDocument)]
    annotated = list(annotate([clean(decode(r)) for r in raws], models))
    out: dict[str, tuple[EventMention, ...]] = {}
    for raw, a in zip(raws, annotated, strict=True):
        timexes = tag_article(a).timexes
        mentions = extract(a, a.doc, kb, models.get(a.lang)).mentions if a.lang in ("fr", "en") else ()
        out[article_key(raw.source)] = extract_events(a, a.doc, mentions, timexes, kb)
    return out



def _gold(name: str) -> dict[str, Any]:
    return dict(json.loads((GOLDEN / name).read_text(encoding="utf-8"))["articles"])


def test_events_seeds_floors(seeds_dir: Path, models: Models) -> None:
    s = score(run_events([seeds_dir], models), _gold("events_seeds.json"))
    report = json.dumps({**s.as_dict(), "misses": s.misses, "false_positives": s.false_positives,
                         "wrong_dates": s.wrong_dates}, ensure_ascii=False, indent=1)
    assert s.recall >= max(TARGET_RECALL, SEEDS_RECALL), report
    assert s.precision >= max(TARGET_PRECISION, SEEDS_PRECISION), report
    assert s.dated_share >= max(TARGET_DATED, SEEDS_DATED), report


def test_events_demo_floors(demo_dir: Path, models: Models) -> None:
    s = score(run_events([demo_dir], models), _gold("events_demo.json"))
    report = json.dumps({**s.as_dict(), "misses": s.misses, "false_positives": s.false_positives,
                         "wrong_dates": s.wrong_dates}, ensure_ascii=False, indent=1)
    assert s.recall >= max(TARGET_RECALL, DEMO_RECALL), report
    assert s.precision >= max(TARGET_PRECISION, DEMO_PRECISION), report
    assert s.dated_share >= max(TARGET_DATED, DEMO_DATED), report


def test_demo_records_pass_the_contract_checker(demo_dir: Path, models: Models, contract_checker: Any,
                                                tmp_path: Path) -> None:
    """events.jsonl and arms_transfers.jsonl built from the demo corpus by ``to_event_records`` and
    ``to_arms_records`` pass shared/tools/check_contract.py (articles and entities written as the export does)."""
    kb = load_kb()
    raws = [r for r in iter_paths([demo_dir], Settings()) if isinstance(r, RawDocument)]
    annotated = list(annotate([clean(decode(r)) for r in raws], models))
    mentions, event_mentions = [], []
    for a in annotated:
        found = extract(a, a.doc, kb, models.get(a.lang)).mentions if a.lang in ("fr", "en") else ()
        mentions.extend(found)
        event_mentions.extend(extract_events(a, a.doc, found, tag_article(a).timexes, kb))
    entities = resolve(mentions, kb)
    entity_of = {(m["article"], m["start"], m["end"]): e["id"] for e in entities for m in e["mentions"]}
    events = to_event_records(event_mentions, entity_of, {e["id"]: e for e in entities},
                              {a.article.id: a.article.outlet for a in annotated})
    arms = to_arms_records(events, event_mentions, kb)
    assert arms and all(t["supplier"] and t["recipient"] for t in arms)
    articles = [{"id": a.article.id, "source": a.article.source, "outlet": a.article.outlet, "title": a.article.title,
                 "author": a.article.author, "published": {"value": a.article.published.value,
                                                           "basis": a.article.published.basis,
                                                           "reason": a.article.published.reason},
                 "lang": a.lang, "text": a.article.text, "dropped": a.article.dropped, "warnings": []}
                for a in sorted(annotated, key=lambda a: a.article.id)]
    keep = ("id", "name", "type", "country", "sector", "wikidata", "aliases", "mentions")
    files = {"articles": articles, "entities": [{k: e[k] for k in keep} for e in entities], "events": events,
             "arms_transfers": arms, "conflicts": []}
    for name, records in files.items():
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                                encoding="utf-8")
    (tmp_path / "run.json").write_text(json.dumps({"contract": 1}), encoding="utf-8")
    checker = contract_checker.check(tmp_path)
    assert checker.problems == [], checker.problems
