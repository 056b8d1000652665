"""The ``resolve`` stage: mentions of all articles grouped into entities, with the evidence of each merge.

In order of trust:

1. a mention linked to the knowledge base belongs to that entry;
2. a name the knowledge base does not list verbatim, but whose spelling key equals the key of one of
   an entry's names ("Belkhir El Farouq" ~ "Belkhir El Farouk") belongs to that entry;
3. other names are grouped by spelling key across articles: token order, accents, articles ("El",
   "Al-") and transliteration variants (kh/k, q/k, ou/u, ei/i, doubled letters) do not count;
4. a surname alone ("Kochavi") joins the full name it shortens in the same article, else the one
   person of the corpus with that surname — and stays apart when there are two;
5. an acronym joins the organisation whose initials it spells in the same article ("FAR" after
   "Forces armées royales"), and across articles by the acronym itself.

Entities get their country and sector from the knowledge base, else from the roles stated at their
mentions (majority). Pure: mentions in, entity records out; blocking by key keeps it near-linear.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from recoupe.kb import KnowledgeBase
from recoupe.records import Mention
from recoupe.registry import register

_PARTICLES = {"el", "al", "le", "la", "the", "l", "d", "de", "du"}
# Tokens whose consonant skeleton is shorter than this are compared with their vowels kept: "kv"
# would join Kochavi with any K-V name. Set on the seeds' and demo's name variants.
MIN_SKELETON = 3
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_SMALL_WORDS = {"de", "des", "du", "la", "le", "les", "of", "the", "and", "et", "d", "l", "pour", "for"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text)
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower()


def token_key(token: str) -> str:
    """Spelling key of one name token: "Belkheir" and "Belkhir" → "blkr"; "Kochavi" and "Kohavi" → "koavi"."""
    t = _fold(token)
    for a, b in (("kh", "k"), ("ch", "h"), ("sh", "s"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("dh", "d"),
                 ("th", "t")):
        t = t.replace(a, b)
    t = t.replace("h", "")
    for a, b in (("ou", "u"), ("ei", "i"), ("ee", "i"), ("y", "i"), ("w", "u")):
        t = t.replace(a, b)
    t = re.sub(r"(.)\1+", r"\1", t)
    skeleton = t[:1] + re.sub(r"[aeiou]", "", t[1:])
    return skeleton if len(skeleton) >= MIN_SKELETON else t


def name_tokens(name: str) -> list[str]:
    words = re.split(r"[\s\-'’.]+", _fold(name))
    return [w for w in words if w and w not in _PARTICLES]


def name_key(name: str) -> str:
    """Spelling key of a whole name: token keys, sorted (order does not count)."""
    return " ".join(sorted(token_key(t) for t in name_tokens(name)))


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and _fold(w) not in _SMALL_WORDS]
    return "".join(w[0] for w in words).upper()


@dataclass(slots=True)
class _Cluster:
    id: str
    type: str
    kb_id: str | None
    mentions: list[Mention] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


_KB_KEYS: dict[int, dict[tuple[str, str], set[str]]] = {}


def _kb_name_keys(kb: KnowledgeBase) -> dict[tuple[str, str], set[str]]:
    """Spelling keys of the knowledge base's person and organisation names, computed once per KB."""
    if id(kb) not in _KB_KEYS:
        keys: dict[tuple[str, str], set[str]] = defaultdict(set)
        for surface, entry, _how in kb.surfaces():
            if entry.type in ("PERSON", "ORG"):
                keys[(entry.type, name_key(surface))].add(entry.id)
        _KB_KEYS[id(kb)] = keys
    return _KB_KEYS[id(kb)]


def _stable_id(kind: str, key: str) -> str:
    return "ent:" + hashlib.sha1(f"{kind}\x00{key}".encode()).hexdigest()[:12]


# On a tie between the types spaCy gave a name's mentions, the later in this list wins.
_TYPE_PREFERENCE = ("OTHER", "LOC", "GPE", "EVENT", "EQUIPMENT", "ORG", "PERSON")


@register("resolve.v1", requires=["mentions"], produces=["entities"])
def resolve(mentions: Sequence[Mention], kb: KnowledgeBase) -> list[dict[str, Any]]:
    """Entity records (contract fields plus ``roles`` and ``evidence``) from the mentions of a corpus."""
    clusters: dict[str, _Cluster] = {}
    kb_keys = _kb_name_keys(kb)

    def cluster(cid: str, etype: str, kb_id: str | None) -> _Cluster:
        if cid not in clusters:
            clusters[cid] = _Cluster(id=cid, type=etype, kb_id=kb_id)
        return clusters[cid]

    pending: list[Mention] = []
    for m in mentions:
        if m.kb_id:
            cluster(m.kb_id, m.type, m.kb_id).mentions.append(m)
        else:
            pending.append(m)

    # 2 and 3: spelling keys, linked to the KB when one entry has that key
    short: list[Mention] = []
    acronyms: list[Mention] = []
    for m in pending:
        tokens = name_tokens(m.text)
        if m.type == "ORG" and _ACRONYM.match(m.text):
            acronyms.append(m)
            continue
        if m.type == "PERSON" and len(tokens) == 1:
            short.append(m)
            continue
        key = name_key(m.text)
        if not key:
            continue
        linked = kb_keys.get((m.type, key), set())
        if len(linked) == 1:
            entry_id = next(iter(linked))
            c = cluster(entry_id, m.type, entry_id)
            c.evidence.append(f"spelling: {m.text!r} has the key {key!r} of a knowledge-base name")
        else:
            c = cluster(_stable_id("NAME", key), m.type, None)
            if c.mentions and all(x.text != m.text for x in c.mentions):
                c.evidence.append(f"spelling: {m.text!r} ~ {c.mentions[0].text!r} (key {key!r})")
        c.mentions.append(m)

    # 4: surnames alone
    by_article_token: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_token: dict[str, set[str]] = defaultdict(set)
    for c in clusters.values():
        if c.type != "PERSON":
            continue
        for m in c.mentions:
            tokens = name_tokens(m.text)
            if len(tokens) >= 2:
                for t in tokens:
                    by_article_token[(m.article, token_key(t))].add(c.id)
                    by_token[token_key(t)].add(c.id)
    for m in short:
        key = token_key(name_tokens(m.text)[0])
        local = by_article_token.get((m.article, key), set())
        corpus = by_token.get(key, set())
        if len(local) == 1:
            c = clusters[next(iter(local))]
            c.evidence.append(f"short form: {m.text!r} after the full name in {m.article}")
        elif not local and len(corpus) == 1:
            c = clusters[next(iter(corpus))]
            c.evidence.append(f"short form: {m.text!r}, the only person of the corpus with that name")
        else:
            c = cluster(_stable_id("PERSON", key), "PERSON", None)
            if len(corpus) > 1:
                c.evidence.append(f"kept apart: {m.text!r} could be any of {len(corpus)} people")
        c.mentions.append(m)

    # 5: acronyms
    expansions: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in clusters.values():
        if c.type == "ORG":
            for m in c.mentions:
                expansions[(m.article, initials(m.text))].add(c.id)
    for m in acronyms:
        local = expansions.get((m.article, m.text), set())
        if len(local) == 1:
            c = clusters[next(iter(local))]
            c.evidence.append(f"acronym: {m.text!r} spells the initials of the organisation named in {m.article}")
        else:
            c = cluster(_stable_id("ORG", m.text), "ORG", None)
        c.mentions.append(m)

    return [_record(c, kb) for c in sorted(clusters.values(), key=lambda c: c.id)]


def _majority(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _record(c: _Cluster, kb: KnowledgeBase) -> dict[str, Any]:
    entry = kb.entries.get(c.kb_id) if c.kb_id else None
    mentions = sorted(c.mentions, key=lambda m: (m.article, m.start, m.end))
    surfaces = Counter(m.text for m in mentions)
    if entry is not None:
        name, etype, country, sector, wikidata = entry.name, entry.type, entry.country, entry.sector, entry.wikidata
    else:
        full = [s for s in surfaces if len(name_tokens(s)) >= 2] or list(surfaces)
        name = max(full, key=lambda s: (surfaces[s], len(s)))
        types = Counter(m.type for m in mentions)
        etype = max(types, key=lambda t: (types[t], _TYPE_PREFERENCE.index(t))) if types else c.type
        country = _majority(m.country for m in mentions)
        sector = _majority(m.sector for m in mentions)
        wikidata = None
    return {
        "id": c.id,
        "name": name,
        "type": etype if etype in ("PERSON", "ORG", "GPE", "LOC", "EQUIPMENT", "EVENT") else "OTHER",
        "country": country,
        "sector": sector,
        "wikidata": wikidata,
        "aliases": sorted(surfaces),
        "mentions": [{"article": m.article, "start": m.start, "end": m.end, "text": m.text, "role": m.role}
                     for m in mentions],
        "roles": sorted({m.role for m in mentions if m.role}),
        "evidence": sorted(set(c.evidence)),
    }
