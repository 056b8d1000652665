"""Loading the knowledge base from its TOML files: which files a directory holds and in which order, the
checks on each table's fields (a clear :class:`KBError` for a field of the wrong kind), the merging of an
entry with the earlier one of the same id (``replace = true`` to start over), and the default KB, loaded
once per process.
"""

from __future__ import annotations

import datetime as _dt
import functools
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from recoupe.kb.base import KnowledgeBase
from recoupe.kb.model import (
    _LIST_FIELDS,
    _ROLE_FIELDS,
    _ROLEDEF_LISTS,
    _SCALAR_FIELDS,
    DATA_DIR,
    FILE_ORDER,
    Entry,
    KBError,
    Role,
    RoleDef,
)


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
