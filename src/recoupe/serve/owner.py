"""One owner of a store: ``recoupe serve`` holds it, and says so in a file beside it (``STORE.serving``, holding
the server's process id and address), so that ``recoupe run`` on the same store can say who holds it in one line
instead of DuckDB's lock error. A file left by a killed server names a dead process and is ignored."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def marker(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".serving")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def holder(store_path: Path) -> dict[str, object] | None:
    """Who serves this store now (``{"pid", "url"}``), or None."""
    try:
        found = json.loads(marker(store_path).read_text(encoding="utf-8"))
        pid = int(found["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if _alive(pid) else None


def held_message(store_path: Path, found: dict[str, object]) -> str:
    return (f"the store {store_path} is held by recoupe serve (pid {found.get('pid')}, {found.get('url')}); "
            "stop the server first, then run")


@contextmanager
def hold(store_path: Path, url: str) -> Iterator[None]:
    """Mark the store as served by this process while the block runs."""
    path = marker(store_path)
    path.write_text(json.dumps({"pid": os.getpid(), "url": url}), encoding="utf-8")
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
