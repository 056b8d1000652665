"""The knowledge base's data model: the closed vocabularies (entity types, actor sectors, SIPRI weapon
categories, the fields each type may carry), the records (:class:`Entry`, :class:`Role`, :class:`RoleDef`),
the error raised on a bad file, and the two small algebras every other part of the package shares: the
normalisation of name forms into lookup keys (:func:`normalise`) and the comparison of ISO dates of any
precision (a day, a month or a year).
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

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
    "roles.toml", "states.toml", "states_overlay.toml", "capitals_overlay.toml", "places.toml",
    "organisations.toml", "persons.toml", "equipment.toml", "events.toml",
)

# Fields of an entity outside ``Entry``'s own that each type may have; they go to ``Entry.attrs``.
ATTRS_BY_TYPE: Mapping[str, frozenset[str]] = MappingProxyType({
    "GPE": frozenset({"iso_alpha_2", "iso_numeric", "capital", "description_fr", "description_en"}),
    "ORG": frozenset({"parent", "description_fr", "description_en", "website"}),
    "PERSON": frozenset({"description_fr", "description_en"}),
    "LOC": frozenset({"description_fr", "description_en"}),
    "EQUIPMENT": frozenset({
        "description_fr", "description_en", "weapon_category", "manufacturer", "patterns", "parent", "origins",
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
