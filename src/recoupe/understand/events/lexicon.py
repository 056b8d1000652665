"""The trigger lexicon of the events stage (``data/events/lexicon.toml``), French and English."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, cast

from recoupe.understand.events import plover
from recoupe.understand.events._common import Category

# --------------------------------------------------------------------------------------------------
# lexicon


@dataclass(frozen=True, slots=True, kw_only=True)
class TriggerDef:
    lang: str
    pos: str
    lemma: str
    category: Category
    frame: str
    needs: str | None = None
    reflexive: bool = False
    with_words: frozenset[str] = frozenset()
    plover: plover.PloverCode | None = None
    attrs: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    order: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    """The events lexicon (``data/events/lexicon.toml``), indexed."""

    triggers: Mapping[tuple[str, str, str], tuple[TriggerDef, ...]]
    nouns: Mapping[str, frozenset[str]]
    domains: re.Pattern[str]
    domain_keys: Mapping[str, str]
    governors: Mapping[str, frozenset[str]]
    cues: Mapping[str, frozenset[str]]
    support: Mapping[str, frozenset[str]]
    demonym_prefixes: Mapping[str, str]
    neighbours: Mapping[str, tuple[str, ...]]

    def noun_class(self, name: str, lang: str) -> frozenset[str]:
        return self.nouns.get(f"{name}_{lang}", self.nouns.get(name, frozenset()))

    def lookup(self, lang: str, pos: str, forms: Iterable[str]) -> tuple[TriggerDef, ...]:
        found: dict[tuple[int, str], TriggerDef] = {}
        for form in forms:
            for d in self.triggers.get((lang, pos, form), ()):
                found.setdefault((d.order, d.lemma), d)
        return tuple(sorted(found.values(), key=lambda d: d.order))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    raw = tomllib.loads((resources.files("recoupe") / "data" / "events" / "lexicon.toml").read_text("utf-8"))
    triggers: dict[tuple[str, str, str], list[TriggerDef]] = {}
    for order, entry in enumerate(raw.get("trigger", [])):
        code = entry.get("plover")
        override = None
        if code:
            override = plover.PloverCode(event_type=code["event_type"], mode=code.get("mode"),
                                         context=tuple(code.get("context", ())), cameo=code.get("cameo"))
        for lemma in entry["lemmas"]:
            d = TriggerDef(lang=entry["lang"], pos=entry["pos"], lemma=lemma.lower(),
                           category=cast(Category, entry["category"]), frame=entry["frame"],
                           needs=entry.get("needs"), reflexive=bool(entry.get("reflexive", False)),
                           with_words=frozenset(w.lower() for w in entry.get("with_words", [])), plover=override,
                           attrs=MappingProxyType(dict(entry.get("attrs", {}))), order=order)
            triggers.setdefault((d.lang, d.pos, d.lemma), []).append(d)
    domains: list[tuple[str, str]] = [(phrase.lower(), key) for key, phrases in raw["domains"].items()
                                      for phrase in phrases]
    domains.sort(key=lambda p: -len(p[0]))
    return Lexicon(
        triggers=MappingProxyType({k: tuple(v) for k, v in triggers.items()}),
        nouns=MappingProxyType({k: frozenset(w.lower() for w in v) for k, v in raw["nouns"].items()}),
        domains=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p, _k in domains) + r")(?![\w-])"),
        domain_keys=MappingProxyType(dict(domains[::-1])),
        governors=MappingProxyType({k: frozenset(w.lower() for w in v) for k, v in raw["governors"].items()}),
        cues=MappingProxyType({k: frozenset(w.lower() for w in v) for k, v in raw["cues"].items()}),
        support=MappingProxyType({k: frozenset(w.lower() for w in v) for k, v in raw["support"].items()}),
        demonym_prefixes=MappingProxyType({k.lower(): str(v) for k, v in raw.get("demonym_prefixes", {}).items()}),
        neighbours=MappingProxyType({k: tuple(v) for k, v in raw.get("neighbours", {}).items()}),
    )


