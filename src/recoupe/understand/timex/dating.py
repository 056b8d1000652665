"""Dates of documents and events from timexes.

* ``infer_document_date`` — when metadata gives no publication date: the article is not older than the
  latest date its body states as past (absolute dates, and dates anchored on them); cues such as
  "ex-ministre", "alors chef d'état-major", "former", "aujourd'hui premier ministre" say it is later than
  the events it reports. The value is that lower bound, ``date_type`` "approximate", basis "inferred".
* ``date_from_story`` — the date that the other articles of the same story give (fusion stage).
* ``event_date`` — the contract's event ``date`` object for a timex: start, end, granularity, date_type
  (exact, approximate, range, unresolved) and reason, as NGEC keeps them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from recoupe.understand.timex.calendar import fmt_day, granularity_of, interval
from recoupe.understand.timex.records import DocumentDate, Timex
from recoupe.understand.timex.tense import sentences, tense_of

# Candidate dates of one story more than this many days apart are two clusters, not one spread: a news
# story (a visit, a meeting) is reported within a week. Set on the demo corpus (the committee of January
# 2023 is dated 24, 25 and 26 January by three outlets); re-run tests/test_timex_dating.py if changed.
STORY_WINDOW_DAYS = 7

_LATER_CUES = {
    "fr": re.compile(
        r"\bex-(?:ministre|président|présidente|patron|chef|premier|directeur|porte-parole|ambassadeur|"
        r"commandant|général)\w*|\bancien(?:ne)?\s+(?:ministre|président|présidente|patron|chef|premier|directeur|"
        r"ambassadeur|commandant)\b|\balors\s+(?:chef|ministre|président|patron|directeur|commandant|premier)\b|"
        r"\bqui\s+dirigeait\s+alors\b|\baujourd['’]hui\s+(?:premier\s+ministre|ministre|président|chef)\b|"
        r"\bfeu\s+(?:le|la)?\s*(?:roi|président|général)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\bformer\s+(?:\w+\s+)?(?:minister|president|chief|head|prime|director|ambassador|commander|general)\b|"
        r"\bex-\w+|\bthen\s+(?:\w+['’]s\s+)?(?:\w+\s+)?(?:minister|president|chief|head|director|commander)\b|"
        r"\bthe\s+late\s+(?:king|president|general)\b|\bnow\s+(?:prime\s+minister|president)\b",
        re.IGNORECASE,
    ),
}


def infer_document_date(text: str, timexes: Sequence[Timex], *, lang: str) -> DocumentDate | None:
    """A lower bound for the date of an undated article from its own body (``text`` is the cleaned text the
    timexes index), or None when the body states no past date."""
    sents = sentences(text, lang)
    starts = [s.start for s in sents]
    best: tuple[date, Timex] | None = None
    for t in timexes:
        if t.type != "DATE" or not t.value or t.anchored not in ("absolute", "narrative"):
            continue
        g = granularity_of(t.value)
        if g not in ("day", "month", "season", "year"):
            continue
        span = interval(t.value)
        if span is None:
            continue
        si = max(0, bisect_right(starts, t.start) - 1)
        sentence = text[sents[si].start:sents[si].end] if sents else text
        if tense_of(sentence, lang) == "future":
            continue  # a date to come says nothing of when the article was written
        start = span[0]  # the event is somewhere in the period: the article is not older than its start
        if best is None or start > best[0]:
            best = (start, t)
    if best is None:
        return None
    start, t = best
    g = granularity_of(t.value or "")
    value = fmt_day(start) if g == "day" else (t.value or "")[:7] if g in ("month", "season") else (t.value or "")[:4]
    cues = sorted({m.group(0).strip() for m in _LATER_CUES.get(lang[:2], _LATER_CUES["fr"]).finditer(text)})
    reason = (f"no date in the metadata; the latest past date of the body is '{t.text}' ({t.value}), so the "
              f"article is not older than {value}")
    if cues:
        reason += f"; {', '.join(repr(c) for c in cues[:4])} say it is later than the events it reports"
    return DocumentDate(value=value, date_type="approximate", reason=reason)


@dataclass(frozen=True, slots=True)
class _Candidate:
    first: date
    last: date
    weight: float
    source: str


def date_from_story(candidates: Sequence[tuple[str, float | str]]) -> DocumentDate | None:
    """The date of an article from the dates of the other articles of its story: ``candidates`` are
    (date, weight) or (date, source) pairs — a source counts 1. The heaviest cluster of dates within
    ``STORY_WINDOW_DAYS`` wins; one day gives an approximate date (the article may be a day later than the
    others), several give a range."""
    parsed: list[_Candidate] = []
    for value, w in candidates:
        span = interval(value)
        if span is None:
            continue
        weight = float(w) if isinstance(w, (int, float)) else 1.0
        if weight <= 0:
            continue
        parsed.append(_Candidate(span[0], span[1], weight, w if isinstance(w, str) else value))
    if not parsed:
        return None
    parsed.sort(key=lambda c: c.first)
    best: list[_Candidate] = []
    best_weight = 0.0
    for i, c in enumerate(parsed):
        cluster = [d for d in parsed[i:] if (d.first - c.first).days <= STORY_WINDOW_DAYS]
        weight = sum(d.weight for d in cluster)
        if weight > best_weight:
            best, best_weight = cluster, weight
    total = sum(c.weight for c in parsed)
    first = min(c.first for c in best)
    last = max(c.last for c in best)
    dropped = len(parsed) - len(best)
    who = ", ".join(sorted({c.source for c in best})[:5])
    note = f"; {dropped} other candidate(s) outside the cluster ignored" if dropped else ""
    share = f"{best_weight:g} of {total:g}"
    if first == last:
        return DocumentDate(value=fmt_day(first), date_type="approximate",
                            reason=f"other articles of the story dated {fmt_day(first)} ({who}; weight {share})"
                                   f"{note}")
    return DocumentDate(value=fmt_day(first), end=fmt_day(last), date_type="range",
                        reason=f"other articles of the story dated {fmt_day(first)}..{fmt_day(last)} ({who}; "
                               f"weight {share}){note}")


_CONTRACT_GRANULARITY = {"time": "day", "day": "day", "week": "day", "month": "month", "season": "season",
                         "quarter": "month", "year": "year", "decade": "year", "century": "year"}


def event_date(timex: Timex) -> dict[str, str | None]:
    """The contract's event ``date`` object for a DATE or TIME timex (see contract.md, events.jsonl)."""
    value = timex.value
    g = granularity_of(value) if value else "unknown"
    if value is None or timex.type not in ("DATE", "TIME") or g == "unknown":
        return {"start": None, "end": None, "granularity": "unknown", "date_type": "unresolved",
                "reason": f"'{timex.text}': {timex.reason}"}
    granularity = _CONTRACT_GRANULARITY.get(g, "unknown")
    start: str | None = value[:10] if g == "time" else value
    end: str | None = timex.range_end or start
    date_type = "exact"
    if g in ("week", "decade", "century", "quarter"):
        span = interval(value)
        start, end = (fmt_day(span[0]), fmt_day(span[1])) if span else (None, None)
        date_type = "range"
    if timex.range_end:
        date_type = "range"
    elif timex.mod in ("APPROX", "START", "MID", "END", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
                       "LESS_THAN", "MORE_THAN"):
        date_type = "approximate"
    return {"start": start, "end": end, "granularity": granularity, "date_type": date_type,
            "reason": f"'{timex.text}' -> {value}{' ' + timex.mod if timex.mod else ''}: {timex.reason}"}
