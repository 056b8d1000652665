"""The knowledge base: states, organisations, persons, equipment and named events, with every name form
they go by, and the office titles that persons hold.

The data are TOML files (``data/*.toml``, read with the standard library's ``tomllib``), one per kind:
``states.toml`` (generated from pycountry by ``tools/build_states.py``; never edit by hand),
``states_overlay.toml`` (hand-written: demonyms, capitals, metonyms, usual names of states),
``organisations.toml``, ``persons.toml``, ``equipment.toml``, ``events.toml`` and ``roles.toml``.
Each file holds ``[[entity]]`` tables and/or ``[[role]]`` tables.

An entity whose ``id`` was already loaded (from an earlier file, or from the default KB when a user passes
``--kb DIR``) *extends* the earlier one: its lists (aliases, demonyms, metonyms, acronyms, ambiguous, roles)
are appended, its scalars (name, country, sector, wikidata) and type-specific fields replace the earlier ones,
and its ``source`` is appended. ``replace = true`` replaces the earlier entry whole. That is how
``states_overlay.toml`` adds to the generated ``states.toml``, and how users correct or add entries.

Name forms are compared through :func:`normalise` (NFC, case, accents and Arabic diacritics folded,
apostrophes and dashes unified, a leading article dropped). Acronyms ("FAR", "UN", "MAP") are compared
with their case kept, so that the French article "un" or the word "far" never look up an organisation.
One normalised form may be claimed by two entries only if both list it in ``ambiguous``; :func:`lint`
checks that and every other rule of the data (``tests/test_kb.py`` runs it on the default KB).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = [
    "DATA_DIR",
    "ENTITY_TYPES",
    "SECTORS",
    "SIPRI_CATEGORIES",
    "Entry",
    "KBError",
    "KnowledgeBase",
    "Role",
    "RoleDef",
    "lint",
    "load_kb",
    "normalise",
]

DATA_DIR = Path(__file__).resolve().parent / "data"

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "EQUIPMENT", "EVENT"})

# Actor sectors, after the CAMEO actor codebook's role codes as PLOVER keeps them: government, military,
# intelligence, police, judiciary, legislature, political party, opposition, rebels, insurgents,
# separatists, unidentified armed forces, business, multinational business, media, NGOs,
# intergovernmental organisations, peacekeepers, civilians, education, elites, health, labour, refugees,
# criminals, religious, human-rights groups.
SECTORS = frozenset({
    "GOV", "MIL", "SPY", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "INS", "SEP", "UAF",
    "BUS", "MNC", "MED", "NGO", "IGO", "PKO", "CVL", "EDU", "ELI", "HLH", "LAB", "REF", "CRM", "REL", "HRI",
})

# SIPRI Arms Transfers Database weapon categories.
SIPRI_CATEGORIES = frozenset({
    "aircraft", "air defence systems", "anti-submarine warfare weapons", "armoured vehicles", "artillery",
    "engines", "missiles", "naval weapons", "satellites", "sensors", "ships", "other",
})

# Files of the default KB, in loading order (later entries extend earlier ones with the same id). In a
# user's directory these names load first, in this order, then any other *.toml alphabetically.
FILE_ORDER = (
    "roles.toml", "states.toml", "states_overlay.toml", "places.toml", "organisations.toml", "persons.toml",
    "equipment.toml", "events.toml",
)

# Fields of an entity outside ``Entry``'s own that each type may have; they go to ``Entry.attrs``.
ATTRS_BY_TYPE: Mapping[str, frozenset[str]] = MappingProxyType({
    "GPE": frozenset({"iso_alpha_2", "iso_numeric", "capital", "description_fr", "description_en"}),
    "ORG": frozenset({"parent", "description_fr", "description_en", "website"}),
    "PERSON": frozenset({"description_fr", "description_en"}),
    "LOC": frozenset({"description_fr", "description_en"}),
    "EQUIPMENT": frozenset({
        "description_fr", "description_en", "weapon_category", "manufacturer", "patterns", "parent",
    }),
    "EVENT": frozenset({"organisers", "recurring", "start", "end", "description_fr", "description_en"}),
})

_LIST_FIELDS = ("aliases", "acronyms", "demonyms", "metonyms", "ambiguous")
_SCALAR_FIELDS = ("name", "country", "sector", "wikidata")
_ENTRY_KEYS = frozenset({"id", "type", "source", "roles", "replace", *_LIST_FIELDS, *_SCALAR_FIELDS})
_ROLE_FIELDS = ("key", "title_fr", "title_en", "country", "sector", "org", "start", "end")
_ROLEDEF_LISTS = ("fr", "en", "ar")
HOWS = ("alias", "acronym", "metonym", "demonym")

# An office in an organisation of these sectors takes the organisation's sector (the UN Secretary-General is
# IGO, the head of the Mossad SPY) unless the role says otherwise.
_ROLE_SECTOR_FROM_ORG = frozenset({"IGO", "PKO", "SPY", "MIL", "REB", "COP", "BUS", "MED", "NGO"})
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_STATE_ID = re.compile(r"^[A-Z]{3}$")
_ID_PREFIX = {"PERSON": "per:", "ORG": "org:", "EQUIPMENT": "eqp:", "EVENT": "evt:", "LOC": "loc:", "GPE": "gpe:"}
_WIKIDATA = re.compile(r"^Q\d+$")


def _empty_attrs() -> Mapping[str, object]:
    return MappingProxyType({})


class KBError(ValueError):
    """A knowledge-base file that cannot be read: bad TOML, a field of the wrong kind, an entry without id."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Role:
    """An office a person held: which (``key`` from roles.toml), where, in which organisation, when.

    Dates are ISO 8601, as precise as known: ``2020-05-17``, ``2017-12`` or ``2017``; ``end`` is None while
    in office (both inclusive)."""

    key: str
    title_fr: str | None = None
    title_en: str | None = None
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleDef:
    """An office title (roles.toml): its key, its sector, its surfaces in French, English and Arabic, and
    the broader office it counts as (Morocco's minister delegate for defence is its defence minister)."""

    key: str
    sector: str | None
    fr: tuple[str, ...]
    en: tuple[str, ...]
    ar: tuple[str, ...]
    broader: str | None
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One entity. ``attrs`` holds the type-specific fields (ORG ``parent``; EQUIPMENT ``weapon_category``,
    ``manufacturer``, ``description_fr``/``_en``, ``patterns``; EVENT ``organisers``, ``recurring``...)."""

    id: str
    type: str
    name: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    attrs: Mapping[str, object] = field(default_factory=_empty_attrs)
    source: str = ""

    def __hash__(self) -> int:
        return hash(self.id)

    def forms(self) -> Iterator[tuple[str, str]]:
        """(surface, how) of every name form: the name and aliases ("alias"), acronyms, metonyms, demonyms."""
        yield self.name, "alias"
        for alias in self.aliases:
            yield alias, "alias"
        for acronym in self.acronyms:
            yield acronym, "acronym"
        for metonym in self.metonyms:
            yield metonym, "metonym"
        for demonym in self.demonyms:
            yield demonym, "demonym"


# --------------------------------------------------------------------------------------------------
# normalisation

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "′": "'"})
_DASHES = re.compile(r"[\-‐‑‒–—―]+")
_ARTICLE = re.compile(r"^(?:(?:le|la|les|the)\s+|l')(?=\S)", re.IGNORECASE)
_TATWEEL = "\u0640"
# A form that starts with a lower-case article ("l'État hébreu"); "Le Caire", "La Haye" are names.
_LOWER_ARTICLE = re.compile(r"^(?:(?:le|la|les|the)\s|l['’])")


def _fold(surface: str) -> str:
    """NFC, combining marks removed (Latin accents; Arabic short vowels, shadda and hamza seats, so that
    "إسرائيل" and "اسرائيل" meet), tatweel removed, apostrophes unified, dashes to spaces, spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", surface)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c) and c != _TATWEEL)
    text = unicodedata.normalize("NFC", stripped).translate(_APOSTROPHES)
    text = _DASHES.sub(" ", text)
    return " ".join(text.replace("' ", "'").split())


def normalise(surface: str) -> str:
    """The lookup key of a name form: folded (see above), case-folded, one leading article ("le ", "la ",
    "l'", "les ", "the ") dropped. "L’État hébreu", "l'Etat hébreu" and "Etat hebreu" share one key, and
    so do "Tel-Aviv" and "Tel Aviv". Arabic clitics (ال, و, ب, ل) are left to the matcher.
    A key for comparison only: its length says nothing about the surface's character offsets."""
    key = _fold(surface).casefold()
    stripped = _ARTICLE.sub("", key, count=1)
    return stripped or key


def _acronym_key(surface: str) -> str:
    """Acronyms keep their case: "FAR" is the Moroccan army, "far" is not."""
    return _ARTICLE.sub("", _fold(surface), count=1)


def _unaccent_capitals(surface: str) -> str:
    """French press often drops accents on capitals: "Etats-Unis", "l'Etat hébreu", "Egypte"."""
    out = []
    for char in surface:
        if char.isupper():
            base = unicodedata.normalize("NFD", char)[0]
            out.append(base if base.isascii() else char)
        else:
            out.append(char)
    return "".join(out)


# --------------------------------------------------------------------------------------------------
# dates


def _valid_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _lower(value: str) -> str:
    """Earliest day a date of any precision may mean."""
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value


def _upper(value: str) -> str:
    """Latest day (as a comparable string) a date of any precision may mean."""
    return value + "-12-31"[len(value) - 4:] if len(value) < 10 else value


def _overlaps(on: str, start: str | None, end: str | None) -> bool:
    """Whether a role held from ``start`` to ``end`` (inclusive, None open) may have been held on ``on``
    (a day, a month or a year: any overlap counts)."""
    if start is not None and _lower(start) > _upper(on):
        return False
    return not (end is not None and _upper(end) < _lower(on))


# --------------------------------------------------------------------------------------------------
# the knowledge base


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


# --------------------------------------------------------------------------------------------------
# loading


def _files_in(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise KBError(f"{path}: no such knowledge-base file or directory")
    files = {p.name: p for p in path.glob("*.toml") if p.is_file()}
    ordered = [files.pop(name) for name in FILE_ORDER if name in files]
    return ordered + [files[name] for name in sorted(files)]


def _str(value: object, where: str, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()[:10]
    if not isinstance(value, str):
        raise KBError(f"{where}: {name} must be a string, not {type(value).__name__}")
    return value


def _str_list(value: object, where: str, name: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KBError(f"{where}: {name} must be a list of strings")
    return list(value)


def _role(raw: object, where: str) -> Role:
    if not isinstance(raw, dict):
        raise KBError(f"{where}: each role must be a table")
    unknown = set(raw) - set(_ROLE_FIELDS)
    if unknown:
        raise KBError(f"{where}: unknown role field(s) {sorted(unknown)}")
    key = _str(raw.get("key"), where, "role key")
    if not key:
        raise KBError(f"{where}: a role needs a key")
    values = {f: _str(raw.get(f), where, f"role {f}") for f in _ROLE_FIELDS if f != "key"}
    return Role(key=key, **values)


class _Builder:
    """Entries and roles as they are read, merged by id."""

    def __init__(self) -> None:
        self.raw: dict[str, dict[str, Any]] = {}
        self.roles: dict[str, RoleDef] = {}
        self.problems: list[str] = []

    def read(self, path: Path) -> None:
        try:
            with path.open("rb") as handle:
                data = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise KBError(f"{path}: {error}") from error
        unknown = set(data) - {"entity", "role"}
        if unknown:
            raise KBError(f"{path}: unknown top-level key(s) {sorted(unknown)}; expected [[entity]] or [[role]]")
        seen: set[str] = set()
        for i, raw in enumerate(_tables(data.get("entity", []), path, "entity")):
            entry_id = raw.get("id")
            if not isinstance(entry_id, str) or not entry_id:
                raise KBError(f"{path}: entity #{i + 1} has no id")
            if entry_id in seen:
                self.problems.append(f"{path.name}: {entry_id} appears twice in one file")
            seen.add(entry_id)
            self._merge(entry_id, raw, f"{path.name}: {entry_id}")
        for i, raw in enumerate(_tables(data.get("role", []), path, "role")):
            self._role_def(raw, f"{path.name}: role #{i + 1}")

    def _merge(self, entry_id: str, raw: dict[str, Any], where: str) -> None:
        current = self.raw.get(entry_id)
        if current is None or raw.get("replace") is True:
            for required in ("type", "name", "source"):
                if required not in raw:
                    raise KBError(f"{where}: a new entry needs {required!r}")
            current = {"id": entry_id, "attrs": {}, "roles": [], **{f: [] for f in _LIST_FIELDS}}
            self.raw[entry_id] = current
        elif "type" in raw and raw["type"] != current["type"]:
            raise KBError(f"{where}: type {raw['type']!r} differs from the earlier {current['type']!r}")
        for key, value in raw.items():
            if key in ("id", "replace"):
                continue
            if key in _LIST_FIELDS:
                current[key].extend(v for v in _str_list(value, where, key) if v not in current[key])
            elif key == "roles":
                if not isinstance(value, list):
                    raise KBError(f"{where}: roles must be an array of tables")
                current["roles"].extend(_role(r, where) for r in value)
            elif key == "source":
                text = _str(value, where, key)
                if text and text not in current.get("source", ""):
                    current["source"] = f"{current['source']}; {text}" if current.get("source") else text
            elif key in _SCALAR_FIELDS or key == "type":
                current[key] = _str(value, where, key)
            else:
                current["attrs"][key] = value.isoformat()[:10] if isinstance(value, _dt.date) else value

    def _role_def(self, raw: dict[str, Any], where: str) -> None:
        key = _str(raw.get("key"), where, "key")
        if not key:
            raise KBError(f"{where}: a role needs a key")
        unknown = set(raw) - {"key", "sector", "broader", "source", *_ROLEDEF_LISTS}
        if unknown:
            raise KBError(f"{where}: unknown field(s) {sorted(unknown)}")
        earlier = self.roles.get(key)
        lists = {lang: tuple(dict.fromkeys((*(getattr(earlier, lang) if earlier else ()),
                                            *_str_list(raw.get(lang), where, lang)))) for lang in _ROLEDEF_LISTS}
        self.roles[key] = RoleDef(
            key=key,
            sector=_str(raw.get("sector"), where, "sector") or (earlier.sector if earlier else None),
            fr=lists["fr"], en=lists["en"], ar=lists["ar"],
            broader=_str(raw.get("broader"), where, "broader") or (earlier.broader if earlier else None),
            source=_str(raw.get("source"), where, "source") or (earlier.source if earlier else ""),
        )

    def build(self) -> KnowledgeBase:
        entries = {}
        for entry_id, raw in self.raw.items():
            entries[entry_id] = Entry(
                id=entry_id,
                type=raw["type"],
                name=raw["name"],
                country=raw.get("country"),
                sector=raw.get("sector"),
                wikidata=raw.get("wikidata"),
                aliases=tuple(raw["aliases"]),
                acronyms=tuple(raw["acronyms"]),
                demonyms=tuple(raw["demonyms"]),
                metonyms=tuple(raw["metonyms"]),
                ambiguous=tuple(raw["ambiguous"]),
                roles=tuple(raw["roles"]),
                attrs=MappingProxyType(dict(raw["attrs"])),
                source=raw.get("source") or "",
            )
        return KnowledgeBase(entries, self.roles, self.problems)


def _tables(value: object, path: Path, name: str) -> Iterable[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise KBError(f"{path}: {name} must be an array of tables ([[{name}]])")
    return value


def _load(paths: Sequence[Path]) -> KnowledgeBase:
    builder = _Builder()
    for path in paths:
        for file in _files_in(Path(path)):
            builder.read(file)
    return builder.build()


@functools.lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    return _load([DATA_DIR])


def load_kb(extra: Sequence[Path] = ()) -> KnowledgeBase:
    """The default knowledge base (loaded once per process), extended by the user's directories or files in
    ``extra``, in order (``--kb DIR``: the known file names first, then any other ``*.toml``)."""
    if not extra:
        return _default_kb()
    return _load([DATA_DIR, *extra])


# --------------------------------------------------------------------------------------------------
# lint


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
