"""The analyst's review: log entries, and their application over the machine's output.

An entry says who did what to which record, when, with the value before and after. It is attached to what
survives a re-run, not to an id that fusion may renumber: an event by the mentions that state it (article id and
offsets), a conflict by its field and the articles of its claims. After every fusion, ``apply`` replays the whole
log in order over the new records: a rejected event stays rejected, a correction stays correct, until a later
entry reverses it. An entry applies to every new record that shares part of its anchor (an event split by a later
run keeps the review on both halves; events merged by a later run carry it together).

Pure functions: the store keeps the log (``Store.record_review``, append-only), the pipeline calls ``apply``.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

EVENT_ACTIONS = ("confirm", "reject", "correct", "reopen")
CONFLICT_ACTIONS = ("settle", "reopen")
ENTITY_ACTIONS = ("merge", "split")
CATEGORIES = ("VISIT", "MEETING", "CONFERENCE", "AGREEMENT", "COOPERATION", "EXERCISE", "ARMS_TRANSFER",
              "DIPLOMATIC_RELATIONS", "MEDIATION", "CONFLICT", "STATEMENT", "OTHER")
FACTUALITY = ("asserted", "planned", "hypothetical", "negated", "reported")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?|-(SP|SU|FA|WI))?")
# Fields an analyst may correct on an event; ``attributes.NAME`` (a number, a name, a list) as well.
CORRECTABLE = ("category", "factuality", "date.start", "date.end", "source", "recipient")
# The longest note or value kept, in characters (a note is a sentence or two, not a document).
MAX_NOTE_CHARS = 2000


class ReviewError(ValueError):
    """A review that cannot be made (unknown action or field, a value of the wrong shape)."""


def event_anchor(event: dict[str, Any]) -> dict[str, Any]:
    return {"mentions": sorted([m["article"], m["start"], m["end"]] for m in event.get("mentions", []))}


def machine_category(event: dict[str, Any]) -> Any:
    """The category the machine gave the event (before any correction)."""
    corrections = (event.get("review") or {}).get("corrections") or {}
    return corrections["category"]["before"] if "category" in corrections else event.get("category")


def _event_targets(anchor: dict[str, Any], overlap: dict[int, int], categories: Sequence[Any]) -> list[int]:
    """Which of the events sharing mentions with an anchor it applies to: those of the anchor's (machine)
    category, for one sentence may state two events (a visit and the agreement signed during it); when the
    machine now files none of them under that category, the one sharing most mentions."""
    if not overlap:
        return []
    if "category" not in anchor:
        return sorted(overlap)
    same = sorted(i for i in overlap if categories[i] == anchor["category"])
    return same or [max(sorted(overlap), key=lambda i: overlap[i])]


def conflict_anchor(conflict: dict[str, Any]) -> dict[str, Any]:
    articles = sorted({a for claim in conflict.get("claims", []) for a in claim.get("articles", [])})
    return {"field": conflict.get("field"), "articles": articles}


def _get(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _set(record: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target = record
    for part in parents:
        if not isinstance(target.get(part), dict):
            target[part] = {}
        target = target[part]
    target[last] = value


def _check_value(field: str, value: Any) -> Any:
    if field == "category":
        if value not in CATEGORIES:
            raise ReviewError(f"category must be one of {', '.join(CATEGORIES)}")
    elif field == "factuality":
        if value not in FACTUALITY:
            raise ReviewError(f"factuality must be one of {', '.join(FACTUALITY)}")
    elif field in ("date.start", "date.end"):
        if value is not None and not (isinstance(value, str) and _DATE.fullmatch(value)):
            raise ReviewError("a date is YYYY, YYYY-MM or YYYY-MM-DD (or null)")
    elif field in ("source", "recipient"):
        if not isinstance(value, list) or not all(
                isinstance(a, dict) and isinstance(a.get("name"), str) for a in value):
            raise ReviewError(f"{field} is a list of actors: {{\"entity\", \"name\", \"country\"}}")
        value = [{"entity": a.get("entity"), "name": a["name"], "country": a.get("country")} for a in value]
    elif field.startswith("attributes.") and len(field) > len("attributes."):
        if isinstance(value, str) and len(value) > MAX_NOTE_CHARS:
            raise ReviewError(f"a value holds at most {MAX_NOTE_CHARS} characters")
    else:
        raise ReviewError(f"cannot correct {field!r}; one of {', '.join(CORRECTABLE)} or attributes.NAME")
    return value


def make_entry(kind: str, record: dict[str, Any], action: str, by: str, *, field: str | None = None,
               value: Any = None, note: str | None = None, at: datetime | None = None) -> dict[str, Any]:
    """A log entry for ``action`` on ``record`` (an event or a conflict) by reviewer ``by``."""
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise ReviewError(f"a note holds at most {MAX_NOTE_CHARS} characters")
    when = (at or datetime.now(UTC)).replace(tzinfo=None, microsecond=0).isoformat() + "Z"
    entry: dict[str, Any] = {"kind": kind, "action": action, "subject": record["id"], "by": by, "at": when,
                             "field": None, "before": None, "after": None, "note": note or None}
    if kind == "event":
        if action not in EVENT_ACTIONS:
            raise ReviewError(f"unknown action {action!r} on an event; one of {', '.join(EVENT_ACTIONS)}")
        entry["anchor"] = {**event_anchor(record), "category": machine_category(record)}
        status = (record.get("review") or {}).get("status")
        if action == "correct":
            if not field:
                raise ReviewError("a correction names its field")
            if not note:
                raise ReviewError("a correction gives its reason (note)")
            entry.update(field=field, before=_get(record, field), after=_check_value(field, value))
        else:
            entry.update(before=status, after={"confirm": "confirmed", "reject": "rejected"}.get(action))
    elif kind == "conflict":
        if action not in CONFLICT_ACTIONS:
            raise ReviewError(f"unknown action {action!r} on a conflict; one of {', '.join(CONFLICT_ACTIONS)}")
        if action == "settle" and not note:
            raise ReviewError("settling a conflict gives a note (which claim holds, and why)")
        entry["anchor"] = conflict_anchor(record)
        entry.update(field=record.get("field"), before=(record.get("review") or {}).get("status"),
                     after=value if action == "settle" else None)
    elif kind == "entity":
        if action not in ENTITY_ACTIONS:
            raise ReviewError(f"unknown action {action!r} on an entity; one of {', '.join(ENTITY_ACTIONS)}")
        if not note:
            raise ReviewError(f"a {action} gives its reason (note)")
        if action == "merge":
            if not isinstance(value, dict) or not value.get("mentions"):
                raise ReviewError("merge names the entity to merge into")
            entry.update(anchor=event_anchor(record), before=record["id"], after=value["id"])
            entry["anchor"]["into"] = event_anchor(value)["mentions"]
        else:
            forms = value if isinstance(value, list) else [value]
            keys = sorted([m["article"], m["start"], m["end"]] for m in record.get("mentions", [])
                          if m.get("text") in forms)
            if not keys or len(keys) == len(record.get("mentions", [])):
                raise ReviewError("split names some of the entity's surface forms (not all of them)")
            entry.update(anchor={"mentions": keys}, before=record["id"], after=sorted(set(forms)))
    else:
        raise ReviewError(f"unknown kind {kind!r}")
    return entry


def apply_entry(record: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
    """``record`` (an event or a conflict) with one log entry applied; the record given is left as it was."""
    out = copy.deepcopy(record)
    review: dict[str, Any] = dict(out.get("review") or {})
    corrections: dict[str, Any] = dict(review.get("corrections") or {})
    action = entry["action"]
    stamp = {"by": entry["by"], "at": entry["at"], "note": entry.get("note")}
    if action == "correct":
        field = entry["field"]
        machine = corrections[field]["before"] if field in corrections else _get(out, field)
        corrections[field] = {"before": machine, "after": entry["after"], **stamp}
        _set(out, field, entry["after"])
        status = review.get("status") if review.get("status") in ("confirmed", "rejected") else "corrected"
        review = {**review, "status": status, **stamp, "corrections": corrections}
    elif action in ("confirm", "reject"):
        review = {**review, "status": "confirmed" if action == "confirm" else "rejected", **stamp}
        if corrections:
            review["corrections"] = corrections
    elif action == "settle":
        review = {"status": "settled", **stamp, "value": entry.get("after")}
    elif action == "reopen":
        review = {"status": "corrected", **stamp, "corrections": corrections} if corrections else {}
    out["review"] = review or None
    return out


def apply(events: Sequence[dict[str, Any]], conflicts: Sequence[dict[str, Any]], log: Sequence[dict[str, Any]]
          ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The machine's events and conflicts with the whole review log replayed over them, in log order."""
    events_out, conflicts_out = list(events), list(conflicts)
    if not log:
        return events_out, conflicts_out
    by_mention: dict[tuple[str, int, int], set[int]] = defaultdict(set)
    for i, event in enumerate(events_out):
        for m in event.get("mentions", []):
            by_mention[(m["article"], m["start"], m["end"])].add(i)
    by_field: dict[str, list[int]] = defaultdict(list)
    articles_of: list[set[str]] = []
    for i, conflict in enumerate(conflicts_out):
        by_field[str(conflict.get("field"))].append(i)
        articles_of.append(set(conflict_anchor(conflict)["articles"]))
    categories = [machine_category(e) for e in events_out]
    for entry in log:
        if entry["kind"] == "event":
            overlap: dict[int, int] = defaultdict(int)
            for article, start, end in entry["anchor"].get("mentions", []):
                for i in by_mention.get((article, start, end), set()):
                    overlap[i] += 1
            for i in _event_targets(entry["anchor"], overlap, categories):
                events_out[i] = apply_entry(events_out[i], entry)
        elif entry["kind"] == "conflict":
            wanted = set(entry["anchor"].get("articles", []))
            for i in by_field.get(str(entry["anchor"].get("field")), []):
                if articles_of[i] & wanted:
                    conflicts_out[i] = apply_entry(conflicts_out[i], entry)
    return events_out, conflicts_out


def history(log: Sequence[dict[str, Any]], kind: str, record: dict[str, Any]) -> list[dict[str, Any]]:
    """The entries of the log that apply to this record, oldest first."""
    if kind in ("event", "entity"):
        keys = {(a, s, e) for a, s, e in event_anchor(record)["mentions"]}
        category = machine_category(record) if kind == "event" else None
        return [e for e in log if e["kind"] == kind
                and any((a, s, t) in keys for a, s, t in e["anchor"].get("mentions", []))
                and e["anchor"].get("category", category) == category]
    anchor = conflict_anchor(record)
    return [e for e in log if e["kind"] == "conflict" and e["anchor"].get("field") == anchor["field"]
            and set(e["anchor"].get("articles", [])) & set(anchor["articles"])]


def _key(m: dict[str, Any]) -> tuple[str, int, int]:
    return (m["article"], m["start"], m["end"])


def apply_entities(entities: Sequence[dict[str, Any]], log: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The resolved entities with the log's merges and splits replayed, in order (before fusion, so that the
    events are fused with the analyst's entities). Each is found by its mentions, not its id."""
    out = [copy.deepcopy(e) for e in entities]
    for entry in log:
        if entry["kind"] != "entity":
            continue
        holder_of = {_key(m): i for i, e in enumerate(out) for m in e.get("mentions", [])}
        keys = {tuple(k) for k in entry["anchor"].get("mentions", [])}
        found = sorted({holder_of[k] for k in keys if k in holder_of})
        stamp = {"by": entry["by"], "at": entry["at"], "note": entry.get("note")}
        if entry["action"] == "merge":
            into = sorted({holder_of[tuple(k)] for k in entry["anchor"].get("into", [])
                           if tuple(k) in holder_of})
            if not found or not into:
                continue
            target = out[into[0]]
            for i in found:
                if i == into[0]:
                    continue
                source = out[i]
                target["aliases"] = sorted(set(target.get("aliases", [])) | set(source.get("aliases", [])))
                target["mentions"] = sorted(target.get("mentions", []) + source.get("mentions", []), key=_key)
                if "roles" in target or "roles" in source:
                    target["roles"] = sorted(set(target.get("roles", [])) | set(source.get("roles", [])))
                target.setdefault("evidence", []).append(
                    f"merged with {source['id']} ({source['name']}) by {entry['by']}: {entry.get('note')}")
                target["review"] = {"status": "merged", **stamp, "merged": [
                    *(target.get("review") or {}).get("merged", []), source["id"]]}
            out = [e for i, e in enumerate(out) if i == into[0] or i not in found]
        elif entry["action"] == "split":
            for i in found:
                source = out[i]
                moved = [m for m in source.get("mentions", []) if _key(m) in keys]
                kept = [m for m in source.get("mentions", []) if _key(m) not in keys]
                if not moved or not kept:
                    continue
                source["mentions"] = kept
                source["aliases"] = sorted({m["text"] for m in kept})
                forms = sorted({m["text"] for m in moved})
                digest = hashlib.sha1(json.dumps(sorted(keys)).encode("utf-8")).hexdigest()[:12]
                out.append({"id": f"split:{digest}", "name": forms[0], "type": source.get("type"), "country": None,
                            "sector": None, "wikidata": None, "aliases": forms, "mentions": moved,
                            "evidence": [f"split from {source['id']} by {entry['by']}: {entry.get('note')}"],
                            "review": {"status": "split", **stamp, "from": source["id"]}})
    return out
