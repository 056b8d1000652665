"""Stages registered by versioned name, each declaring what it reads and what it produces.

A run is described by the list of its stage names (written to ``run.json`` and the store); ``check``
verifies at start-up that every stage finds what it requires among the products of the stages
before it, in the manner of spaCy's ``pipe_analysis``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recoupe.errors import PipelineError
from recoupe.settings import Settings


@dataclass(frozen=True, slots=True, kw_only=True)
class Stage:
    name: str
    func: Callable[..., Any]
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    doc: str


STAGES: dict[str, Stage] = {}


def register(name: str, *, requires: Sequence[str], produces: Sequence[str]) -> Callable[[Any], Any]:
    """Decorator: register ``func`` as stage ``name`` (``"clean.v1"``)."""

    def wrap(func: Callable[..., Any]) -> Callable[..., Any]:
        if name in STAGES and STAGES[name].func is not func:
            raise PipelineError(f"stage {name!r} is registered twice")
        STAGES[name] = Stage(
            name=name, func=func, requires=tuple(requires), produces=tuple(produces),
            doc=" ".join((func.__doc__ or "").strip().split("\n\n")[0].split()),
        )
        return func

    return wrap


def check(plan: Sequence[str]) -> list[Stage]:
    """The stages of ``plan`` in order, or PipelineError naming the first unmet requirement."""
    available: set[str] = {"input"}
    stages: list[Stage] = []
    for name in plan:
        if name not in STAGES:
            raise PipelineError(f"unknown stage {name!r}; registered: {', '.join(sorted(STAGES))}")
        stage = STAGES[name]
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise PipelineError(f"stage {name!r} needs {', '.join(missing)}, which no earlier stage produces")
        available.update(stage.produces)
        stages.append(stage)
    return stages


# What a build's reading depends on: the reading stages (read, understand), the knowledge base, the package's data
# (weights, lexicons), the records and the run that drives them. Not the cross-document stages, the dossier, the
# web application or the store: they run again over the whole store at every run, or only show what was read.
READING_PARTS = frozenset({"read", "understand", "kb", "data", "records.py", "pipeline.py", "settings.py",
                           "registry.py", "errors.py", "__init__.py"})
PACKAGE = Path(__file__).resolve().parent


def build_of(version: str, plan: Sequence[str], extra: Sequence[Path] = (), package: Path = PACKAGE) -> str:
    """Which build of recoupe reads a document: a short hash of its version, its stage plan, the package's
    files that reading depends on (``READING_PARTS``: code, knowledge base, weights) and the files of the extra
    knowledge-base folders (``extra``). The store keeps it with each raw document, and a run reads again what
    another build read (``Pipeline.run``): after an upgrade, or an edit of a rule or of the knowledge base, a
    run into an existing store does not keep what the old build found; an edit of fusion alone re-reads
    nothing (fusion runs over the whole store anyway). About 30 ms for the 3 MB package."""
    digest = hashlib.sha1("\n".join((version, *plan)).encode())
    roots = [package, *(Path(d) for d in extra)]
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root)
            if (not path.is_file() or path.suffix == ".pyc" or "__pycache__" in rel.parts
                    or (root == package and rel.parts[0] not in READING_PARTS)):
                continue
            digest.update(f"\n{rel.as_posix()}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def reading_build(version: str, plan: Sequence[str], settings: Settings) -> str:
    """The build that reads with these settings (``build_of``): the settings that change what is read are part of
    it (the spaCy packages, named and installed version, and the limit on a text's length), as the ``--kb``
    folders are; another parser makes other sentences, entities and events."""
    from importlib import metadata

    def installed(name: str) -> str:
        try:
            return f"{name}=={metadata.version(name)}"
        except metadata.PackageNotFoundError:
            return f"{name} (not installed)"

    reading = (installed(settings.en_model), installed(settings.fr_model),
               f"max_article_chars={settings.max_article_chars}")
    return build_of(version, (*plan, *reading), tuple(Path(d) for d in settings.kb_dirs))
