"""The batch interface of the tagger, plain functions for the ``recoupe timex`` command.

``run_jsonl`` reads one JSON object per line ``{"id", "text", "dct", "lang"}`` and yields one JSON line
``{"id", "timexes": [{"start", "end", "text", "value", "type", "mod"}]}``; a line it cannot use yields
``{"id": ..., "error": "..."}`` (id null when unknown) and the batch goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator

from recoupe.understand.timex.calendar import parse_point
from recoupe.understand.timex.tagger import RULES, tag

log = logging.getLogger(__name__)


def tag_one(text: str, dct: str | None, lang: str) -> list[dict[str, object]]:
    """The timexes of one text as JSON-ready dicts (start, end, text, value, type, mod)."""
    return [t.as_dict() for t in tag(text, lang=lang, dct=dct)]


def dumps(record: dict[str, object]) -> str:
    """One JSON line; escaped to ASCII only when it holds what UTF-8 cannot write (a lone surrogate in an id)."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record)
    return line


def _error(doc_id: object, message: str) -> str:
    return dumps({"id": doc_id, "error": message})


def run_jsonl(lines: Iterable[str]) -> Iterator[str]:
    """One output line per non-blank input line, in order."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _error(None, f"line {number}: not JSON ({exc.msg})")
            continue
        except RecursionError:
            yield _error(None, f"line {number}: not JSON (values nested too deeply to read)")
            continue
        if not isinstance(record, dict):
            yield _error(None, f"line {number}: a JSON object is expected")
            continue
        doc_id = record.get("id")
        text, dct, lang = record.get("text"), record.get("dct"), record.get("lang") or "fr"
        if not isinstance(text, str):
            yield _error(doc_id, f"line {number}: 'text' must be a string")
            continue
        if dct is not None and (not isinstance(dct, str) or parse_point(dct) is None):
            yield _error(doc_id, f"line {number}: 'dct' must be an ISO date (2022-09-20, 2022-07, 2022) or null")
            continue
        if not isinstance(lang, str) or lang[:2].lower() not in RULES:
            yield _error(doc_id, f"line {number}: 'lang' must be one of {', '.join(sorted(RULES))}")
            continue
        try:
            timexes = tag_one(text, dct, lang)
        except Exception as exc:  # a bug on one text must not abort the batch: say which line, go on
            log.exception("the time tagger failed on line %d", number)
            yield _error(doc_id, f"line {number}: internal error of the tagger ({type(exc).__name__}: {exc})")
            continue
        yield dumps({"id": doc_id, "timexes": timexes})
