"""New inputs through the server: uploaded files and URLs, run through the pipeline in the background.

The server owns the store, so it runs the pipeline itself: one run at a time, in a thread, holding the store's
write lock (a review sent during a run waits for it, or is refused with 409). Uploaded files are kept beside the
store (``STORE.uploads/<run>/``), under names we make (never the client's path), so each article's ``source``
stays a real file. The batch rule of the pipeline holds: a server killed mid-run loses at most the batch in flight.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from recoupe.settings import Settings
from recoupe.store import Store

log = logging.getLogger(__name__)

# Suffixes an upload may have (what the pipeline reads).
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
# Most files and URLs in one upload.
MAX_UPLOAD_FILES = 200
MAX_UPLOAD_URLS = 500
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class RunRefused(Exception):
    """A run that cannot start (one is running, nothing to read, a file of the wrong kind)."""


@dataclass(slots=True)
class RunState:
    id: str
    status: str = "queued"  # queued, running, done, failed
    files: int = 0
    urls: int = 0
    inputs_read: int = 0
    new_articles: int | None = None
    errors: list[str] = field(default_factory=list)
    message: str | None = None
    started: float = field(default_factory=time.time)
    finished: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def safe_name(index: int, name: str | None) -> str:
    """The name an uploaded file is kept under: a number, the client's base name cleaned, its suffix checked."""
    base = Path((name or "").replace("\\", "/")).name
    suffix = Path(base).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise RunRefused(f"{base or 'a file'}: not one of {', '.join(UPLOAD_SUFFIXES)}")
    stem = _SAFE.sub("_", Path(base).stem)[:80].strip("._") or "upload"
    return f"{index:03d}_{stem}{suffix}"


class Runner:
    """The server's background runs over its store."""

    def __init__(self, store: Store, lock: threading.Lock, settings: Settings | None = None) -> None:
        self.store = store
        self.lock = lock
        self.settings = settings or Settings()
        self.runs: dict[str, RunState] = {}
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def folder(self, run_id: str) -> Path:
        return self.store.path.with_name(self.store.path.name + ".uploads") / run_id

    def start(self, files: list[tuple[str | None, bytes]], urls: list[str]) -> RunState:
        if self.busy:
            raise RunRefused("a run is in progress; wait for it to end")
        if not files and not urls:
            raise RunRefused("nothing to read: give files or URLs")
        if len(files) > MAX_UPLOAD_FILES or len(urls) > MAX_UPLOAD_URLS:
            raise RunRefused(f"at most {MAX_UPLOAD_FILES} files and {MAX_UPLOAD_URLS} URLs in one upload")
        bad = [u for u in urls if not re.match(r"https?://[^\s/]+", u)]
        if bad:
            raise RunRefused(f"not an http(s) URL: {bad[0][:200]}")
        names = [safe_name(i, name) for i, (name, _) in enumerate(files)]
        state = RunState(id=uuid.uuid4().hex[:12], files=len(files), urls=len(urls))
        folder = self.folder(state.id)
        if files:
            folder.mkdir(parents=True, exist_ok=True)
            for name, (_, content) in zip(names, files, strict=True):
                (folder / name).write_bytes(content)
        self.runs[state.id] = state
        self._thread = threading.Thread(target=self._work, args=(state, folder if files else None, urls),
                                        name=f"recoupe-run-{state.id}", daemon=True)
        self._thread.start()
        return state

    def _work(self, state: RunState, folder: Path | None, urls: list[str]) -> None:
        from recoupe.pipeline import Pipeline  # spaCy loads with the first run, not with the server

        def progress(done: int, total: int | None) -> None:
            state.inputs_read = done

        with self.lock:
            state.status = "running"
            try:
                report = Pipeline(self.store, self.settings).run([folder] if folder else [], urls=urls,
                                                                 progress=progress)
            except Exception as exc:  # the server goes on; the run says what failed
                log.exception("background run %s failed", state.id)
                state.status, state.message = "failed", f"{type(exc).__name__}: {exc}"
            else:
                state.status = "done"
                state.inputs_read = report.inputs
                state.new_articles = report.new_articles
                state.errors = [f"{e.code} {e.message}" for e in report.errors]
            finally:
                state.finished = time.time()
