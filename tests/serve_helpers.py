"""A store for the serve tests: the bundled demo corpus plus two articles of our own (tests/serve_corpus: one with
markup and script in its text, one in Arabic), run through the real pipeline once per test session and copied for
each test module that writes to it."""

from __future__ import annotations

import shutil
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from recoupe import Pipeline, Settings, Store

HERE = Path(__file__).resolve().parent
EXTRA = HERE / "serve_corpus"
# One more article (of our own) telling the Gantz visit of November 2021 again, for the re-run after a review.
MORE = HERE / "serve_more"
DEMO = Path(str(resources.files("recoupe") / "data" / "demo"))


@lru_cache(maxsize=1)
def built_store() -> Path:
    """The path of the session's pristine store (built once)."""
    folder = Path(tempfile.mkdtemp(prefix="recoupe-serve-test-"))
    path = folder / "recoupe.duckdb"
    with Store.open(path) as store:
        Pipeline(store, Settings()).run([DEMO, EXTRA])
    return path


def store_copy(where: Path) -> Path:
    """A copy of the session's store at ``where`` (a folder), for a test that writes to it."""
    where.mkdir(parents=True, exist_ok=True)
    target = where / "recoupe.duckdb"
    shutil.copyfile(built_store(), target)
    return target


def rerun(path: Path, *inputs: Path) -> None:
    """Run the pipeline again into the store at ``path`` (what ``recoupe run`` does)."""
    with Store.open(path) as store:
        Pipeline(store, Settings()).run([DEMO, EXTRA, *inputs])
