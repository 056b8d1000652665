"""The :class:`KnowledgeBase` itself: entries by id with indexes of their name forms (lookups by surface,
acronyms with their case kept, ambiguous forms), and persons' offices (holders of an office on a date,
the country and sector that code an actor, title surfaces to role keys per language).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType

from recoupe.kb.model import (
    _ROLE_SECTOR_FROM_ORG,
    _ROLEDEF_LISTS,
    _STATE_ID,
    HOWS,
    Entry,
    Role,
    RoleDef,
    _acronym_key,
    _lower,
    _overlaps,
    _unaccent_capitals,
    normalise,
)


class KnowledgeBase:
    """Entries by id, with indexes of their name forms and of persons' offices."""

    def __init__(self, entries: Mapping[str, Entry], roles: Mapping[str, RoleDef],
                 problems: Sequence[str] = ()) -> None:
        self.entries: Mapping[str, Entry] = MappingProxyType(dict(entries))
        self.roles: Mapping[str, RoleDef] = MappingProxyType(dict(roles))
        # Problems found while loading that only lint reports (an id twice in one file...).
        self.load_problems: tuple[str, ...] = tuple(problems)
        self._index: dict[str, list[tuple[Entry, str]]] = {}
        self._acronyms: dict[str, list[tuple[Entry, str]]] = {}
        self._ambiguous: dict[str, frozenset[str]] = {}
        for entry in self.entries.values():
            for surface, how in entry.forms():
                if how == "acronym":
                    _add_unique(self._acronyms.setdefault(_acronym_key(surface), []), entry, how)
                else:
                    _add_unique(self._index.setdefault(normalise(surface), []), entry, how)
            if entry.ambiguous:
                self._ambiguous[entry.id] = frozenset(normalise(a) for a in entry.ambiguous)
        self._narrower: dict[str, set[str]] = {}
        for role in self.roles.values():
            if role.broader:
                self._narrower.setdefault(role.broader, set()).add(role.key)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, surface: str) -> list[tuple[Entry, str]]:
        """Entries one name form designates, with how: "alias", "acronym", "metonym" or "demonym" (one pair
        per entry, in that order of preference). Case and accents do not matter, except for acronyms."""
        found: list[tuple[Entry, str]] = []
        seen: dict[str, int] = {}
        for entry, how in self._acronyms.get(_acronym_key(surface), []) + self._index.get(normalise(surface), []):
            if entry.id in seen:
                i = seen[entry.id]
                if HOWS.index(how) < HOWS.index(found[i][1]):
                    found[i] = (entry, how)
                continue
            seen[entry.id] = len(found)
            found.append((entry, how))
        return found

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def is_ambiguous(self, entry: Entry | str, surface: str) -> bool:
        """Whether ``entry`` marks ``surface`` as ambiguous (shared with other entries, or meaning it only in
        context, like "le Royaume" for Morocco)."""
        entry_id = entry if isinstance(entry, str) else entry.id
        return normalise(surface) in self._ambiguous.get(entry_id, frozenset())

    def surfaces(self) -> Iterator[tuple[str, Entry, str]]:
        """(surface, entry, how) for every name form, to build a matcher. Besides the forms of the data it
        yields each one with accents dropped from its capitals ("Etats-Unis" beside "États-Unis"), as the
        French press writes them."""
        for entry in self.entries.values():
            seen: set[tuple[str, str]] = set()
            for surface, how in entry.forms():
                for variant in (surface, _unaccent_capitals(surface)):
                    if (variant, how) not in seen:
                        seen.add((variant, how))
                        yield variant, entry, how

    def states(self) -> frozenset[str]:
        """Ids of the states (GPE entries with an ISO 3166-1 alpha-3 id)."""
        return frozenset(e.id for e in self.entries.values() if e.type == "GPE" and _STATE_ID.match(e.id))

    def _keys_under(self, role_key: str) -> set[str]:
        keys = {role_key}
        todo = [role_key]
        while todo:
            for narrower in self._narrower.get(todo.pop(), ()):
                if narrower not in keys:
                    keys.add(narrower)
                    todo.append(narrower)
        return keys

    def holders(self, role_key: str, country: str, on: str | None = None) -> list[Entry]:
        """Persons who held office ``role_key`` (or an office counting as it, see ``RoleDef.broader``) in
        ``country`` on the ISO date ``on`` (a day, month or year: any overlap counts; every holder ever if
        None), earliest start first."""
        keys = self._keys_under(role_key)
        found: list[tuple[str, str, Entry]] = []
        for entry in self.entries.values():
            for role in entry.roles:
                if role.key not in keys or self.role_country(entry, role) != country:
                    continue
                if on is None or _overlaps(on, role.start, role.end):
                    found.append((_lower(role.start) if role.start else "", entry.name, entry))
                    break
        return [entry for _start, _name, entry in sorted(found, key=lambda t: (t[0], t[1]))]

    def role_country(self, entry: Entry, role: Role) -> str | None:
        """The state an office belongs to: the role's own country, else its organisation's (none for an
        intergovernmental organisation: the UN Secretary-General is no Portuguese office), else the
        person's country."""
        if role.country:
            return role.country
        if role.org:
            org = self.entries.get(role.org)
            return org.country if org is not None else None
        return entry.country

    def roles_on(self, entry: Entry, on: str | None) -> list[Role]:
        """The offices a person held on a date (all of them if ``on`` is None)."""
        return [r for r in entry.roles if on is None or _overlaps(on, r.start, r.end)]

    def actor_code(self, entry: Entry, on: str | None = None) -> tuple[str | None, str | None]:
        """(country, sector) that codes an entity as an actor on a date: for a person, from the first office
        held then (its country, its sector or its role's); otherwise the entry's own."""
        for role in self.roles_on(entry, on) if on is not None else ():
            definition = self.roles.get(role.key)
            org = self.entries.get(role.org) if role.org else None
            sector = role.sector or (org.sector if org is not None and org.sector in _ROLE_SECTOR_FROM_ORG else None) \
                or (definition.sector if definition else None) or entry.sector
            return self.role_country(entry, role), sector
        return entry.country, entry.sector

    def role_keys(self, lang: str) -> Mapping[str, str]:
        """Title surface (lower case) -> role key for one language ("fr", "en", "ar"); titles with an
        apostrophe come with both ' and ’."""
        return _role_keys(self, lang)


def _add_unique(bucket: list[tuple[Entry, str]], entry: Entry, how: str) -> None:
    if all(e.id != entry.id or h != how for e, h in bucket):
        bucket.append((entry, how))


@functools.lru_cache(maxsize=16)
def _role_keys(kb: KnowledgeBase, lang: str) -> Mapping[str, str]:
    out: dict[str, str] = {}
    for role in kb.roles.values():
        titles: tuple[str, ...] = getattr(role, lang) if lang in _ROLEDEF_LISTS else ()
        for title in titles:
            low = title.lower()
            for variant in (low, low.replace("'", "’"), low.replace("’", "'")):
                out.setdefault(variant, role.key)
    return MappingProxyType(out)
