"""Guard for the project rule "own words only": no tracked file repeats a sentence of the press corpus.

Every git-tracked text file under src, tests, bench, tools, docs and README.md (not bench/corpus or bench/out,
which are git-ignored run outputs) must share no run of RUN consecutive words with any article of
../shared/corpus/press. Words are Unicode word tokens (``\\w+``) of the NFKC, lower-cased text, so a run is
found across line breaks, punctuation and markup. The articles are read from ../shared at test time, never
copied; the test skips when ../shared/corpus/press is not beside the repository.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRESS = ROOT.parent / "shared" / "corpus" / "press"

# Ten words: long enough that shared names, role titles and set phrases ("le ministre des Affaires
# étrangères") stay below it, short enough to catch any copied clause. Set by hand on the repository as it
# stood when the guard was added (a scan at 8 words found only names, titles and page furniture).
RUN = 10
ROOTS = ("src/", "tests/", "bench/", "tools/", "docs/")
IGNORED = ("bench/corpus/", "bench/out/")
WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text).lower())


def _tracked_texts() -> list[Path]:
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    paths = []
    for name in listing.split("\0"):
        if not name or name.startswith(IGNORED):
            continue
        if name == "README.md" or name.startswith(ROOTS):
            paths.append(ROOT / name)
    return paths


def _press_runs() -> dict[str, str]:
    runs: dict[str, str] = {}
    for path in sorted(PRESS.glob("*.txt")):
        words = _words(path.read_text(encoding="utf-8", errors="replace"))
        for i in range(len(words) - RUN + 1):
            runs.setdefault(" ".join(words[i : i + RUN]), path.name)
    return runs


def test_no_press_sentence_in_the_repository() -> None:
    if not PRESS.is_dir() or not any(PRESS.glob("*.txt")):
        pytest.skip("../shared/corpus/press is not beside the repository: nothing to compare against")
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the tracked files cannot be listed")
    press = _press_runs()
    found: list[str] = []
    for path in _tracked_texts():
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # binary (npz, png) or gone from the working tree
        words = _words(text)
        spans: list[list[int]] = []  # overlapping hits joined into one fragment, reported once
        for i in range(len(words) - RUN + 1):
            if " ".join(words[i : i + RUN]) in press:
                if spans and i <= spans[-1][1]:
                    spans[-1][1] = i + RUN
                else:
                    spans.append([i, i + RUN])
        for start, stop in spans:
            source = press[" ".join(words[start : start + RUN])]
            found.append(f"{path.relative_to(ROOT)}: {' '.join(words[start:stop])!r} (as in {source})")
    assert not found, "text copied from the press corpus:\n" + "\n".join(found)
