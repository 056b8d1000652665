"""The ``resolve`` stage: mentions of all articles grouped into entities, with the evidence of each merge.

In order of trust:

1. a mention linked to the knowledge base belongs to that entry; an unlinked one whose name or acronym the
   knowledge base gives to one entry only belongs to it ("Rafale", left unlinked by the entity stage because
   the word is also French, is the aircraft; "UK" read as a state is the United Kingdom) — never a person, nor
   a state by a metonym or a name the knowledge base calls ambiguous ("America");
2. a name the knowledge base does not list verbatim, but whose spelling key equals the key of one of
   an entry's names ("Belkhir El Farouq" ~ "Belkhir El Farouk"), or a full name one letter off a person's
   with the other names equal ("Volodymyr Zekensky"), belongs to that entry — unless the knowledge base
   names another entry so, or the name is one word alike in its consonants only ("Rafale" is not Rafael);
3. other names are grouped by spelling key across articles: token order, accents, articles ("El",
   "Al-"), transliteration variants (kh/k, q/k, ou/u, ei/i, doubled letters) and an organisation's legal
   form ("Ltd", "Limited", "Group") do not count; a one-word name keeps its vowels (Tehran is not Turin);
4. a surname alone ("Kochavi") joins the full name it shortens in the same article, else the one
   person of the corpus with that name — and stays apart when there are two; failing both, the full name of
   the same article that the parser took for a place or an organisation ("Sauli Niinistö");
5. an acronym joins the organisation whose initials it spells in the same article ("FAR" after
   "Forces armées royales", "FACI" after "Forces armées de Côte d'Ivoire"), and across articles by the
   acronym itself.

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
    t = _vowel_key(token)
    skeleton = t[:1] + re.sub(r"[aeiou]", "", t[1:])
    return skeleton if len(skeleton) >= MIN_SKELETON else t


def name_tokens(name: str) -> list[str]:
    words = re.split(r"[\s\-'’.,]+", _fold(name))
    return [w for w in words if w and w not in _PARTICLES]


# Words of a company's legal form or grouping: "Hindustan Aeronautics Ltd" is "Hindustan Aeronautics Limited",
# "Leonardo Group" is Leonardo.
_ORG_SUFFIXES = frozenset({"ltd", "limited", "inc", "incorporated", "corp", "corporation", "plc", "llc", "gmbh",
                           "group", "groupe"})


def name_key(name: str, etype: str | None = None) -> str:
    """Spelling key of a whole name: token keys, sorted (order does not count); an organisation's legal form
    ("Ltd", "Group") left out."""
    tokens = name_tokens(name)
    if etype == "ORG" and len(tokens) > 1:
        tokens = [t for t in tokens if t.rstrip(",") not in _ORG_SUFFIXES] or tokens
    return " ".join(sorted(token_key(t) for t in tokens))


def initials(name: str) -> str:
    """Initials of a name's main words: "Forces armées de Côte d'Ivoire" -> "FACI" (an elided article is no word)."""
    words = [w for w in re.split(r"[\s\-'’]+", name) if w and _fold(w) not in _SMALL_WORDS]
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
                keys[(entry.type, name_key(surface, entry.type))].add(entry.id)
        _KB_KEYS[id(kb)] = keys
    return _KB_KEYS[id(kb)]


# Shortest token key a one-letter difference may join: "zlnsk" (Zelensky) and "zknsk" (Zekensky, a typo of one
# outlet) are one name; shorter keys differ by one letter between different people (Dror Shalom, Dror Shamir).
MIN_TYPO_KEY = 5
_TYPO_INDEX: dict[int, dict[str, list[tuple[str, str]]]] = {}


def _one_edit(a: str, b: str) -> bool:
    """Whether two strings differ by exactly one substitution, insertion or deletion."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _one_letter_off(m: Mention, key: str, kb_keys: dict[tuple[str, str], set[str]]) -> set[str]:
    """The one knowledge-base person whose full name differs from the mention's in one letter of one name (the
    other names the same): a misspelt name, not another person."""
    tokens = key.split()
    if m.type != "PERSON" or len(tokens) < 2:
        return set()
    if id(kb_keys) not in _TYPO_INDEX:
        index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for (etype, k), entries in kb_keys.items():
            parts = k.split()
            if etype == "PERSON" and len(parts) >= 2 and len(entries) == 1:
                for i, t in enumerate(parts):
                    index[" ".join(parts[:i] + parts[i + 1:])].append((t, next(iter(entries))))
        _TYPO_INDEX[id(kb_keys)] = index
    found = {entry for i, t in enumerate(tokens) if len(t) >= MIN_TYPO_KEY
             for other, entry in _TYPO_INDEX[id(kb_keys)].get(" ".join(tokens[:i] + tokens[i + 1:]), ())
             if len(other) >= MIN_TYPO_KEY and _one_edit(t, other)}
    return found if len(found) == 1 else set()


def _vowel_key(token: str) -> str:
    """A token's spelling key with its vowels kept (``token_key`` before the consonant skeleton)."""
    t = _fold(token)
    for a, b in (("kh", "k"), ("ch", "h"), ("sh", "s"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("dh", "d"),
                 ("th", "t")):
        t = t.replace(a, b)
    t = t.replace("h", "")
    for a, b in (("ou", "u"), ("ei", "i"), ("ee", "i"), ("y", "i"), ("w", "u")):
        t = t.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", t)


def _same_vowels(token: str, entries: set[str], kb: KnowledgeBase) -> bool:
    """Whether a one-word name matches a one-word name of the entries with its vowels too: a one-word name is
    too short for its consonants alone to identify it (Rafale and Rafael share "rfl")."""
    mine = _vowel_key(token)
    for entry_id in entries:
        entry = kb.entries.get(entry_id)
        if entry is not None and any(len(name_tokens(surface)) == 1 and _vowel_key(name_tokens(surface)[0]) == mine
                                     for surface, _how in entry.forms()):
            return True
    return False


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
        key = name_key(m.text, m.type)
        if not key:
            continue
        named = [entry for entry, how in kb.lookup(m.text) if how in ("alias", "acronym") and (
            entry.type != "GPE" or (m.type == "GPE" and not kb.is_ambiguous(entry, m.text)))]
        if len(named) == 1 and named[0].type != "PERSON" and m.type != "PERSON":
            # a name the KB gives one entry only, left unlinked by the entity stage as ambiguous in context
            # ("Rafale" is also a French word): the capitalised name the parser saw is that entry
            c = cluster(named[0].id, named[0].type, named[0].id)
            c.evidence.append(f"name: {m.text!r} is a knowledge-base name of this entry only")
            c.mentions.append(m)
            continue
        linked = kb_keys.get((m.type, key), set()) or _one_letter_off(m, key, kb_keys)
        if named or (len(tokens) == 1 and linked and not _same_vowels(tokens[0], linked, kb)):
            # the KB names another entry so ("Rafale" is not Rafael), or one word alike in its consonants only
            linked = set()
        if len(linked) == 1:
            entry_id = next(iter(linked))
            c = cluster(entry_id, m.type, entry_id)
            c.evidence.append(f"spelling: {m.text!r} has the key {key!r} of a knowledge-base name")
        else:
            if len(tokens) == 1:  # one word: its consonants alone do not identify it (Tehran is not Turin)
                key = _vowel_key(tokens[0])
            c = cluster(_stable_id("NAME", key), m.type, None)
            if c.mentions and all(x.text != m.text for x in c.mentions):
                c.evidence.append(f"spelling: {m.text!r} ~ {c.mentions[0].text!r} (key {key!r})")
        c.mentions.append(m)

    # 4: surnames alone
    by_article_token: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_token: dict[str, set[str]] = defaultdict(set)
    # names the parser typed as a place or an organisation ("Sauli Niinistö" read as a GPE), outside the KB: a
    # surname of the same article joins them when no person has that name
    mistyped: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in clusters.values():
        if c.type != "PERSON" and (c.kb_id or c.type not in ("GPE", "LOC", "ORG")):
            continue
        for m in c.mentions:
            tokens = name_tokens(m.text)
            if 2 <= len(tokens) <= (5 if c.type == "PERSON" else 3):
                for t in tokens:
                    if c.type == "PERSON":
                        by_article_token[(m.article, token_key(t))].add(c.id)
                        by_token[token_key(t)].add(c.id)
                    else:
                        mistyped[(m.article, token_key(t))].add(c.id)
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
        elif not local and not corpus and len(mistyped.get((m.article, key), ())) == 1:
            c = clusters[next(iter(mistyped[(m.article, key)]))]
            c.evidence.append(f"short form: {m.text!r} after the full name in {m.article} (which the parser did not "
                              f"read as a person)")
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
        # the family a variant belongs to (the F-35A is an F-35): one system when events are compared
        "parent": entry.attrs.get("parent") if entry is not None and entry.type == "EQUIPMENT" else None,
        "evidence": sorted(set(c.evidence)),
    }
