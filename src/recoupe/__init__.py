"""recoupe: a sourced, cross-checked record of defence relations between states, built from the press.

The public surface is small: run the pipeline into a store, export the store to the contract files.

    >>> from recoupe import Pipeline, Settings, Store, export
    >>> with Store.open(Path("dossier/recoupe.duckdb")) as store:          # doctest: +SKIP
    ...     Pipeline(store, Settings()).run([Path("articles/")])
    ...     export(store, Path("dossier"))
"""

from __future__ import annotations

__version__ = "0.1.0"

import os
import typing

# DuckDB allocates with its own jemalloc, which keeps the pages a query freed for ten seconds by default: a run's
# statements follow each other faster, so its resident memory was the sum of freed and live pages (the store's
# writes made a long run's memory grow with its inputs: bench/bench_memory.py). Pages are given back as they are
# freed (read when DuckDB is first imported; a value set in the environment wins).
os.environ.setdefault("DUCKDB_JE_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")

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
