"""The rules of the knowledge base's data, checked by :func:`lint` (``tests/test_kb.py`` runs it on the
default KB): ids and their prefixes, sources, countries and sectors from the closed vocabularies, one
normalised form claimed by two entries only if both mark it ambiguous, offices with valid dates and known
keys, equipment with a SIPRI category and a maker, events organised by states, titles unique per language.
"""

from __future__ import annotations

import re

from recoupe.kb.base import KnowledgeBase
from recoupe.kb.model import (
    _ID_PREFIX,
    _LOWER_ARTICLE,
    _ROLEDEF_LISTS,
    _STATE_ID,
    _WIKIDATA,
    ATTRS_BY_TYPE,
    ENTITY_TYPES,
    SECTORS,
    SIPRI_CATEGORIES,
    Entry,
    Role,
    _lower,
    _upper,
    _valid_date,
    normalise,
)


def lint(kb: KnowledgeBase) -> list[str]:
    """Every breach of the data rules, one line each; empty when the KB is sound."""
    problems = list(kb.load_problems)
    states = kb.states()
    entries = kb.entries
    wikidata: dict[str, str] = {}
    claims: dict[str, set[str]] = {}
    for entry in entries.values():
        where = entry.id
        problems.extend(_lint_entry(kb, entry, states))
        if entry.wikidata:
            if entry.wikidata in wikidata:
                problems.append(f"{where}: wikidata {entry.wikidata} also on {wikidata[entry.wikidata]}")
            wikidata[entry.wikidata] = entry.id
        own: set[str] = set()
        for surface, _how in entry.forms():
            if _LOWER_ARTICLE.match(surface):
                problems.append(f"{where}: write {surface!r} without its article (lookups drop it anyway)")
            key = normalise(surface)
            if not key:
                problems.append(f"{where}: empty name form {surface!r}")
                continue
            own.add(key)
            claims.setdefault(key, set()).add(entry.id)
        for surface in entry.ambiguous:
            if normalise(surface) not in own:
                problems.append(f"{where}: ambiguous {surface!r} is none of its name forms")
    for key, ids in sorted(claims.items()):
        if len(ids) > 1:
            for entry_id in sorted(ids):
                if not kb.is_ambiguous(entry_id, key):
                    others = ", ".join(sorted(ids - {entry_id}))
                    problems.append(f"{entry_id}: {key!r} is also claimed by {others} but not listed in ambiguous")
    problems.extend(_lint_roles(kb))
    return problems


def _lint_entry(kb: KnowledgeBase, entry: Entry, states: frozenset[str]) -> list[str]:
    out: list[str] = []
    where = entry.id
    if entry.type not in ENTITY_TYPES:
        return [f"{where}: unknown type {entry.type!r}"]
    if not (entry.type == "GPE" and _STATE_ID.match(entry.id)) and not entry.id.startswith(_ID_PREFIX[entry.type]):
        out.append(f"{where}: a {entry.type} id starts with {_ID_PREFIX[entry.type]!r}")
    if not entry.name.strip():
        out.append(f"{where}: empty name")
    if not entry.source.strip():
        out.append(f"{where}: no source")
    if entry.country is not None and entry.country not in states:
        out.append(f"{where}: country {entry.country!r} is not a state of the KB")
    if entry.sector is not None and entry.sector not in SECTORS:
        out.append(f"{where}: unknown sector {entry.sector!r}")
    if entry.wikidata is not None and not _WIKIDATA.match(entry.wikidata):
        out.append(f"{where}: wikidata {entry.wikidata!r} is not Q followed by digits")
    if entry.demonyms and entry.type != "GPE":
        out.append(f"{where}: only states have demonyms")
    if entry.roles and entry.type != "PERSON":
        out.append(f"{where}: only persons have roles")
    unknown = set(entry.attrs) - ATTRS_BY_TYPE[entry.type]
    if unknown:
        out.append(f"{where}: unknown field(s) for {entry.type}: {sorted(unknown)}")
    for role in entry.roles:
        out.extend(_lint_role(kb, entry, role, states))
    out.extend(_lint_attrs(kb, entry, states))
    return out


def _lint_role(kb: KnowledgeBase, entry: Entry, role: Role, states: frozenset[str]) -> list[str]:
    out: list[str] = []
    where = f"{entry.id}: role {role.key}"
    if role.key not in kb.roles:
        out.append(f"{where}: key not in roles.toml")
    if role.country is not None and role.country not in states:
        out.append(f"{where}: country {role.country!r} is not a state of the KB")
    if role.sector is not None and role.sector not in SECTORS:
        out.append(f"{where}: unknown sector {role.sector!r}")
    if role.org is not None and (role.org not in kb.entries or kb.entries[role.org].type not in ("ORG", "GPE")):
        out.append(f"{where}: org {role.org!r} is not an organisation of the KB")
    for name, value in (("start", role.start), ("end", role.end)):
        if value is not None and not _valid_date(value):
            out.append(f"{where}: {name} {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if role.start and role.end and _valid_date(role.start) and _valid_date(role.end) \
            and _lower(role.start) > _upper(role.end):
        out.append(f"{where}: start {role.start} is after end {role.end}")
    if not (role.title_fr or role.title_en):
        out.append(f"{where}: no title_fr nor title_en")
    return out


def _lint_attrs(kb: KnowledgeBase, entry: Entry, states: frozenset[str]) -> list[str]:
    out: list[str] = []
    where = entry.id
    attrs = entry.attrs
    for name in ("parent", "manufacturer"):
        target = attrs.get(name)
        if target is not None and (not isinstance(target, str) or target not in kb.entries):
            out.append(f"{where}: {name} {target!r} is not an entry of the KB")
    if entry.type == "EQUIPMENT":
        if attrs.get("weapon_category") not in SIPRI_CATEGORIES:
            out.append(f"{where}: weapon_category {attrs.get('weapon_category')!r} is not a SIPRI category")
        maker = attrs.get("manufacturer")
        if not isinstance(maker, str) or kb.entries.get(maker) is None or kb.entries[maker].type != "ORG":
            out.append(f"{where}: needs a manufacturer that is an ORG of the KB")
        for name in ("description_fr", "description_en"):
            if not isinstance(attrs.get(name), str) or not str(attrs.get(name)).strip():
                out.append(f"{where}: needs {name}")
        if entry.country is None:
            out.append(f"{where}: needs its country of origin")
        origins = attrs.get("origins", [])  # a consortium's member states, any of which may sell it
        if not isinstance(origins, list) or not all(o in states for o in origins):
            out.append(f"{where}: origins {origins!r} must be a list of states of the KB")
        patterns = attrs.get("patterns", [])
        if not isinstance(patterns, list):
            out.append(f"{where}: patterns must be a list of regular expressions")
        else:
            for pattern in patterns:
                try:
                    re.compile(str(pattern))
                except re.error as error:
                    out.append(f"{where}: pattern {pattern!r}: {error}")
    if entry.type == "EVENT":
        organisers = attrs.get("organisers", [])
        if not isinstance(organisers, list) or any(o not in states for o in organisers):
            out.append(f"{where}: organisers must be state ids of the KB")
        if "recurring" in attrs and not isinstance(attrs["recurring"], bool):
            out.append(f"{where}: recurring must be true or false")
        for name in ("start", "end"):
            value = attrs.get(name)
            if value is not None and not (isinstance(value, str) and _valid_date(value)):
                out.append(f"{where}: {name} {value!r} is not an ISO date")
    return out


def _lint_roles(kb: KnowledgeBase) -> list[str]:
    out: list[str] = []
    titles: dict[tuple[str, str], str] = {}
    for role in kb.roles.values():
        where = f"role {role.key}"
        if role.sector is not None and role.sector not in SECTORS:
            out.append(f"{where}: unknown sector {role.sector!r}")
        if role.broader is not None and role.broader not in kb.roles:
            out.append(f"{where}: broader {role.broader!r} is not a role key")
        if not role.source.strip():
            out.append(f"{where}: no source")
        if not (role.fr or role.en):
            out.append(f"{where}: no title in French or English")
        for lang in _ROLEDEF_LISTS:
            for title in getattr(role, lang):
                key = (lang, normalise(title))
                if key in titles and titles[key] != role.key:
                    out.append(f"{where}: {lang} title {title!r} is also a title of {titles[key]}")
                titles[key] = role.key
    return out
