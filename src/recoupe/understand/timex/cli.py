"""The batch interface of the tagger, plain functions for the ``recoupe timex`` command.

``run_jsonl`` reads one JSON object per line ``{"id", "text", "dct", "lang"}`` and yields one JSON line
``{"id", "timexes": [{"start", "end", "text", "value", "type", "mod"}]}``; a line it cannot use yields
``{"id": ..., "error": "..."}`` (id null when unknown) and the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from recoupe.understand.timex.calendar import parse_point
from recoupe.understand.timex.tagger import RULES, tag


def tag_one(text: str, dct: str | None, lang: str) -> list[dict[str, object]]:
    """The timexes of one text as JSON-ready dicts (start, end, text, value, type, mod)."""
    return [t.as_dict() for t in tag(text, lang=lang, dct=dct)]


def _error(doc_id: object, message: str) -> str:
    return json.dumps({"id": doc_id, "error": message}, ensure_ascii=False)


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
        yield json.dumps({"id": doc_id, "timexes": tag_one(text, dct, lang)}, ensure_ascii=False)
