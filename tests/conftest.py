"""Shared fixtures. Tests that need ../shared (seeds, benchmarks, contract checker) skip without it."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from recoupe import Pipeline, Settings, Store, export
from recoupe.pipeline import clean_corpus
from recoupe.read.downloads import Fetcher
from recoupe.read.ingest import iter_paths
from recoupe.records import CleanArticle, Published, RawDocument, article_id
from recoupe.understand.annotate import Models, annotate

from .download_server import TEST_SETTINGS, Server, running_server

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared: Path) -> Path:
    return shared / "corpus" / "seeds"


@pytest.fixture(scope="session")
def models() -> Models:
    """The spaCy pipelines of the tests that parse, loaded once for the whole session."""
    return Models(Settings())


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return Path(str(resources.files("recoupe") / "data" / "demo"))


@pytest.fixture(scope="session")
def demo_articles(demo_dir: Path) -> dict[str, CleanArticle]:
    """The demo corpus cleaned as a run cleans it, keyed as in demo_gold.json ("13_x.jsonl#1")."""
    raws = [r for r in iter_paths([demo_dir], Settings()) if isinstance(r, RawDocument)]
    return {Path(source).name.replace("#L", "#"): article for source, article in clean_corpus(raws).items()}


@pytest.fixture(scope="session")
def demo_gold() -> dict[str, dict]:
    return json.loads((GOLDEN / "demo_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def contract_checker(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_contract", shared / "tools" / "check_contract.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RunFn = Callable[..., tuple[Path, "object"]]


@pytest.fixture
def run_recoupe(tmp_path: Path) -> RunFn:
    """Run the pipeline on inputs into tmp_path/out (store inside) and export; returns (out, report)."""

    def _run(*inputs: Path, out: Path | None = None, settings: Settings | None = None, db: Path | None = None):
        out = out or tmp_path / "out"
        with Store.open(db or out / "recoupe.duckdb") as store:
            report = Pipeline(store, settings or Settings()).run(list(inputs))
            export(store, out)
        return out, report

    return _run


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def annotated_of(text: str, models: Models, published: str | None = None):  # type: ignore[no-untyped-def]
    """One article of ``text`` annotated by ``models`` (the entity and event tests start from it)."""
    art = CleanArticle(id=article_id(text), raw_id="r", source="s", outlet=None, title=None, author=None,
                       published=Published(value=published, basis="metadata", reason="test") if published
                       else Published.unknown(), text=text, dropped=0)
    (annotated,) = annotate([art], models)
    return annotated


# -- the local HTTP server of the download and feed tests (tests/download_server.py) ------------------------

@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running_server() as srv:
        yield srv


@pytest.fixture
def srv(server: Server) -> Server:
    """The module's server with its hit counters reset for this test."""
    server.reset()
    return server


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(TEST_SETTINGS) as f:
        yield f
