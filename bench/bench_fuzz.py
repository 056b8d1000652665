"""Long fuzzing run of the JSONL reader, the cleaners, the time tagger and the dossier's writers (issue 15).

``.venv/bin/python bench/bench_fuzz.py`` runs the checks of ``tests/fuzz_targets.py`` with many more examples
than the test suite (``--examples``, per target; the HTML cleaner gets a third, trafilatura being slower) and
prints one JSON object: per target, the examples tried, the failures (0 expected: a failure is a bug, its
smallest example is printed) and the seconds taken. It appends the object as one line to ``bench/results.jsonl``
(``"bench": "fuzz"``; ``--no-append`` to skip). Needs only the repository.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import seed as seed_of  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests.fuzz_targets import (  # noqa: E402
    check_clean_html,
    check_clean_text,
    check_dossier,
    check_jsonl,
    check_tag,
    dct,
    dossier_strings,
    hostile_text,
    html_page,
    jsonl_line,
    timex_text,
)

from bench.common import git_commit, git_dirty, print_and_append, utc_now  # noqa: E402

# Examples per target in a default run: 21,666 in all, 3 min 27 s on the shared 2-core machine (HTML a third).
DEFAULT_EXAMPLES = 5000

TARGETS: dict[str, tuple[Callable[..., None], tuple[st.SearchStrategy[Any], ...], float]] = {
    "jsonl_reader": (check_jsonl, (jsonl_line,), 1.0),
    "clean_text": (check_clean_text, (hostile_text, st.none() | hostile_text, st.none() | hostile_text), 1.0),
    "clean_html": (check_clean_html, (html_page, st.none() | hostile_text), 1 / 3),
    "time_tagger": (check_tag, (timex_text, st.sampled_from(["fr", "en"]), dct), 1.0),
    "dossier_writers": (check_dossier, (dossier_strings,), 1.0),
}


def fuzz(name: str, examples: int, seed: int) -> dict[str, Any]:
    check, strategies, share = TARGETS[name]
    tried = 0
    failing: list[str] = []

    def counted(args: tuple[Any, ...]) -> None:
        nonlocal tried
        tried += 1
        check(*args)

    test = seed_of(seed)(settings(max_examples=max(1, int(examples * share)), deadline=None, database=None,
                                  phases=[Phase.generate, Phase.shrink], suppress_health_check=list(HealthCheck))(
        given(st.tuples(*strategies))(counted)))
    t0 = time.perf_counter()
    try:
        test()
    except Exception as exc:  # a failure: Hypothesis has shrunk it to its smallest example
        failing.append("".join(traceback.format_exception_only(exc)).strip()[-2000:])
    return {"examples": tried, "failures": len(failing), "failing": failing,
            "seconds": round(time.perf_counter() - t0, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=DEFAULT_EXAMPLES, help="examples per target")
    parser.add_argument("--seed", type=int, default=20261207, help="random seed (the run is repeatable)")
    parser.add_argument("--only", choices=sorted(TARGETS), action="append", help="fuzz only these targets")
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to results.jsonl")
    args = parser.parse_args(argv)
    commit, dirty = git_commit(), git_dirty()
    targets = {name: fuzz(name, args.examples, args.seed) for name in (args.only or TARGETS)}
    result = {
        "date": utc_now(),
        "bench": "fuzz",
        "git": commit, "git_src_modified": dirty,
        "seed": args.seed,
        "examples": sum(t["examples"] for t in targets.values()),
        "failures": sum(t["failures"] for t in targets.values()),
        "targets": targets,
    }
    print_and_append(result, args.no_append)
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
