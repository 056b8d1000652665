"""recoupe: a sourced, cross-checked record of defence relations between states, built from the press.

The public surface is small: run the pipeline into a store, export the store to the contract files.

    >>> from recoupe import Pipeline, Settings, Store, export
    >>> with Store.open(Path("dossier/recoupe.duckdb")) as store:          # doctest: +SKIP
    ...     Pipeline(store, Settings()).run([Path("articles/")])
    ...     export(store, Path("dossier"))
"""

from __future__ import annotations

__version__ = "0.1.0"

import typing

from recoupe.dossier.export import export
from recoupe.errors import RecoupeError, RecoupeInputError
from recoupe.settings import Settings
from recoupe.store import Store

if typing.TYPE_CHECKING:
    from recoupe.pipeline import Pipeline, RunReport


def __getattr__(name: str) -> object:
    # The pipeline (spaCy, the sentence encoder) is imported on first use: `recoupe serve` starts without it.
    if name in ("Pipeline", "RunReport"):
        from recoupe import pipeline

        value = getattr(pipeline, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'recoupe' has no attribute {name!r}")

__all__ = [
    "Pipeline",
    "RecoupeError",
    "RecoupeInputError",
    "RunReport",
    "Settings",
    "Store",
    "__version__",
    "export",
]
