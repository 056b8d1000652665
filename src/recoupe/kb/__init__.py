"""The knowledge base: states, organisations, persons, equipment and named events, with every name form
they go by, and the office titles that persons hold.

The data are TOML files (``data/*.toml``, read with the standard library's ``tomllib``), one per kind:
``states.toml`` (generated from pycountry by ``tools/build_states.py``; never edit by hand),
``states_overlay.toml`` (hand-written: demonyms, capitals, metonyms, usual names of states),
``capitals_overlay.toml`` (the capitals and demonyms that the states overlay lacked, same rules),
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

The package is split by meaning: :mod:`recoupe.kb.model` (vocabularies, records, normalisation, dates),
:mod:`recoupe.kb.base` (the :class:`KnowledgeBase` and its lookups), :mod:`recoupe.kb.loading` (reading
and merging the TOML files) and :mod:`recoupe.kb.checks` (:func:`lint`). Import from ``recoupe.kb``.
"""

from __future__ import annotations

from recoupe.kb.base import KnowledgeBase
from recoupe.kb.checks import lint
from recoupe.kb.loading import load_kb
from recoupe.kb.model import (
    DATA_DIR,
    ENTITY_TYPES,
    SECTORS,
    SIPRI_CATEGORIES,
    Entry,
    KBError,
    Role,
    RoleDef,
    normalise,
)

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
