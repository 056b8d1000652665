"""What the command line prints of outside strings (paths, URLs, titles, messages): text safe for a terminal."""

from __future__ import annotations

import re

# Characters never sent to the terminal as they are: C0 and C1 controls (ESC starts a terminal command), the
# bidirectional overrides that reorder what is shown, and lone surrogates (a file name that is not UTF-8).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def literal(value: object) -> str:
    """``value`` as text safe to print: every unsafe character written as its escape (``\\x1b``, ``\\n``)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(value))
