"""Anchoring: from frames to TIMEX3 values, against the DCT and the narrative.

The rules, in order (the first that applies wins):

1. ``absolute`` frames need nothing ("24 novembre 2021", "P2Y", "PRESENT_REF").
2. ``dct`` frames shift the document creation time ("hier", "l'an dernier", "il y a deux ans",
   "juillet dernier", "lundi prochain"); without a DCT precise enough, the value is None.
3. ``anaphoric`` frames shift the last date mentioned ("le lendemain", "l'été de la même année",
   "the following summer"); without one, None.
4. ``undef`` frames (a month, a day, a weekday, a season, a quarter without a year) are read, as in
   HeidelTime, in the tense of their clause (else of their sentence):
   a. after/before the last mentioned date when the sentence says the text moves forward ("avait été
      suivie en juillet par", "puis", "followed") or back ("plus tôt", "earlier") — narrative;
   b. in the year of a bare year just mentioned in the same sentence ("en 97 (en janvier ...") — narrative;
   c. on or before the narrative time when the clause is in the pluperfect ("Le 10 décembre, Washington
      avait annoncé", after "le 22 décembre 2020 ... officialisait"); the narrative time is the first date
      of the last sentence in a past tense (not a pluperfect one, which is background) — narrative;
   d. against the DCT (news mode): the last occurrence on or before it in a past clause, the next one in a
      future clause (or after "jusqu'au", "d'ici", "by"); with no tense to go by, a weekday, a month or a
      season is the last one, a day and month is in the year of the DCT (as dateparser and HeidelTime);
      "dernier"/"prochain"/"last"/"next" always count from the DCT, strictly;
   e. with no DCT: None — a relative date is never guessed.
5. ``context`` frames (a clock time, a part of day) take the day of the nearest date of their sentence
   (before it, else after it), else of the last day mentioned, else the DCT.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TypeVar

from recoupe.understand.timex.calendar import (
    Point,
    add_months,
    fmt_day,
    fmt_month,
    fmt_season,
    fmt_week,
    fmt_year,
    granularity_of,
    interval,
    parse_point,
    season_of,
    valid_day,
    weekday_after,
    weekday_before,
)
from recoupe.understand.timex.frames import Frame
from recoupe.understand.timex.records import Anchoring, Granularity, Timex, TimexType
from recoupe.understand.timex.rules import Group
from recoupe.understand.timex.tense import Sentence, Tense, clause_around, cue_before, past_verb_before, tense_of

T = TypeVar("T")
# An underspecified date is looked for within this many years of its reference: enough for "juillet dernier"
# read in June and for a pluperfect reaching two years back (demo 14: "Le 10 décembre" after December 2020, read
# in December 2022). More would only let a wrong tense pick a far occurrence.
SEARCH_YEARS = 3
# A weekday written beside a day and month ("Dimanche 1er février") picks the year where they agree, among the
# reference year and its neighbours; further away, the weekday is more likely a slip than a clue.
WEEKDAY_YEARS = 1
_GRANULARITIES: dict[str, Granularity] = {g: g for g in ("time", "day", "week", "month", "season", "quarter", "year",
                                                          "decade", "century")}
_TYPES: dict[str, TimexType] = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET", "ref": "TIME"}
_PART_CODES = ("MO", "AF", "EV", "NI", "DT")


@dataclass(slots=True)
class _Narrative:
    """The anchors of the text read so far (mutable, local to one ``resolve`` call)."""

    last: Point | None = None  # last date mentioned
    last_sentence: int = -1
    last_past: Point | None = None  # last date of a clause in a past tense (not pluperfect): the narrative time
    last_day: Point | None = None  # last date known to the day, for clock times
    year_in_sentence: tuple[int, Point] | None = None  # a bare year of the sentence ("en 97 (en janvier ...")


@dataclass(frozen=True, slots=True)
class _Resolved:
    value: str | None
    anchored: Anchoring
    reason: str


def resolve(text: str, groups: list[Group], sents: list[Sentence], dct: Point | None, lang: str) -> list[Timex]:
    """Values for every piece of every group, in text order, sentence by sentence; ranges linked."""
    starts = [s.start for s in sents]
    sentence_tenses: dict[int, Tense] = {}

    def sentence_of(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)

    def tense_at(si: int, pos: int) -> Tense:
        """The tense of the clause around ``pos``, else of its sentence."""
        sent = sents[si]
        lo, hi = clause_around(text, sent.start, sent.end, pos)
        if past_verb_before(text[max(lo, pos - 40):pos], lang):
            return "past"
        clause = tense_of(text[lo:hi], lang)
        if clause != "none":
            return clause
        if si not in sentence_tenses:
            sentence_tenses[si] = tense_of(text[sent.start:sent.end], lang)
        # a pluperfect elsewhere in the sentence says the sentence is in the past, not that this date is
        # before the narrative time
        return "past" if sentence_tenses[si] == "pluperfect" else sentence_tenses[si]

    pieces = [(start, end, frame, gi) for gi, group in enumerate(groups) for start, end, frame in group.pieces]
    by_sentence: dict[int, list[int]] = {}
    for k, (start, _e, _f, _g) in enumerate(pieces):
        by_sentence.setdefault(sentence_of(start), []).append(k)
    out: list[Timex | None] = [None] * len(pieces)
    state = _Narrative()
    for si in sorted(by_sentence):
        ks = by_sentence[si]
        last_in_sentence: tuple[int, Point, Tense] | None = None
        past_set = False
        for k in ks:  # dates first, in order
            start, end, frame, _g = pieces[k]
            if frame.rel == "context":
                continue
            tense = tense_at(si, start)
            try:
                resolved = _in_calendar(_resolve_frame(frame, text, start, end, si, sents, tense, dct, state, lang,
                                                       out, k))
            except (OverflowError, ValueError):  # date arithmetic past year 9999 or before year 1
                resolved = _OUT_OF_CALENDAR
            out[k] = _timex(text, start, end, frame, resolved)
            point = point_of_value(resolved.value) if frame.kind in ("date", "time") and resolved.value else None
            if point is not None:
                state.last, state.last_sentence = point, si
                if resolved.value == fmt_year(point.year):
                    state.year_in_sentence = (si, point)
                if point.date is not None:
                    state.last_day = point
                if tense == "past" and not past_set:
                    # the first date of a past sentence frames it: "Il y a deux ans, le 22 décembre 2020, ..."
                    state.last_past, past_set = point, True
                last_in_sentence = (start, point, tense)
        for k in ks:  # then clock times and parts of day, on the day of the nearest date
            start, end, frame, _g = pieces[k]
            if frame.rel != "context":
                continue
            day, how = _context_day(out, pieces, k, si, sentence_of, state, dct)
            value = None if day is None else _with_clock(fmt_day(day), frame)
            reason = f"clock time on the day of {how}" if day else "clock time with no day to attach it to"
            anchored: Anchoring = "none" if value is None else "dct" if how == "the DCT" else "narrative"
            out[k] = _timex(text, start, end, frame, _in_calendar(_Resolved(value, anchored, reason)))
            if value and (last_in_sentence is None or start > last_in_sentence[0]):
                point = point_of_value(value)
                if point is not None:
                    last_in_sentence = (start, point, tense_at(si, start))
        if last_in_sentence is not None:
            state.last, state.last_sentence = last_in_sentence[1], si
            if last_in_sentence[1].date is not None:
                state.last_day = last_in_sentence[1]
    timexes = [t for t in out if t is not None]
    return _link_ranges(text, timexes, [g for _s, _e, _f, g in pieces])


_OUT_OF_CALENDAR = _Resolved(None, "none", "outside the calendar (years 0001 to 9999)")


def _in_calendar(resolved: _Resolved) -> _Resolved:
    """A frame's resolution, or no value when it falls outside the years 0001..9999 that TIMEX3 values and
    Python dates can hold (a DCT of 9999-12-31 and "demain", "dans 99999999999 mois", "l'an dernier" in year 1);
    the caller maps the arithmetic errors of such dates ("il y a 999999999 jours") to the same."""
    if resolved.value and re.match(r"-|\d{5}|0000", resolved.value):
        return _OUT_OF_CALENDAR
    return resolved


def _timex(text: str, start: int, end: int, frame: Frame, r: _Resolved) -> Timex:
    return Timex(start=start, end=end, text=text[start:end], type=_TYPES[frame.kind], value=r.value, mod=frame.mod,
                 granularity=_granularity(r.value, frame), anchored=r.anchored if r.value is not None else "none",
                 reason=r.reason or ("absolute" if r.value else "unresolved"))


def _granularity(value: str | None, frame: Frame) -> Granularity:
    if frame.kind == "duration":
        return "duration"
    if frame.kind == "set":
        return "set"
    if frame.kind == "ref":
        return "reference"
    if value is None:
        return "unknown"
    return _GRANULARITIES.get(granularity_of(value), "unknown")


def point_of_value(value: str) -> Point | None:
    """The anchor a resolved value gives the narrative (a week or a season counts from its first day)."""
    g = granularity_of(value)
    if g in ("day", "time", "month", "year"):
        return parse_point(value)
    if g in ("week", "season"):
        span = interval(value)
        if span:
            return Point(span[0].year, span[0].month, span[0].day if g == "week" else None)
    return None


# --- one frame ---------------------------------------------------------------------------------------------

_EVENT_AFTER = re.compile(r"\s+(?:de|du|des|d['’]|of)\b", re.IGNORECASE)
_FUTURE_BEFORE = re.compile(r"(?:jusqu['’]au|jusqu['’]à|jusqu['’]en|d['’]ici(?:\s+au|\s+à|\s+le)?|à\s+compter\s+du|"
                            r"\bby|\buntil|\btill|\bahead\s+of)\s*(?:le\s+|the\s+)?$", re.IGNORECASE)


def _resolve_frame(frame: Frame, text: str, start: int, end: int, si: int, sents: list[Sentence], tense: str,
                   dct: Point | None, state: _Narrative, lang: str, out: list[Timex | None], k: int) -> _Resolved:
    if frame.kind in ("duration", "set", "ref"):
        return _Resolved(frame.literal, "absolute", f"{frame.kind} {frame.literal}")
    if frame.rel == "absolute":
        return _Resolved(_absolute(frame), "absolute", "absolute: the expression gives the full date")
    if frame.rel == "dct":
        if dct is None:
            return _Resolved(None, "none", "relative to the publication date, which is unknown")
        value = _this_weekend(dct, tense) if frame.unit == "weekend" and frame.shift == 0 else _shift(frame, dct)
        if value is None:
            return _Resolved(None, "none", f"relative to the publication date, known only to {_known(dct)}")
        return _Resolved(value, "dct", f"publication date {_point_str(dct)} {_shift_str(frame)}")
    if frame.rel == "anaphoric" and frame.unit == "day" and _EVENT_AFTER.match(text, end):
        # "au lendemain de l'annonce": the day after an event, not after the last date; when a date stands
        # right before it ("hier, au lendemain de la démission"), both name the same day.
        prev = out[k - 1] if k > 0 else None
        if prev is not None and prev.value and prev.type == "DATE" and re.fullmatch(
                r"\s*,?\s*(?:au|à\s+la|le|la)?\s*", text[prev.end:start]):
            return _Resolved(prev.value, prev.anchored, f"the same day as '{prev.text}' just before")
        return _Resolved(None, "none", "relative to an event, not to a date")
    if frame.rel == "anaphoric":
        anchor = state.last
        if anchor is None:
            return _Resolved(None, "none", "relative to a previous date, and none was mentioned")
        if frame.direction is not None and frame.unit is None:
            value = _occurrence(frame, anchor, "future_strict" if frame.direction.startswith("future") else
                                "past_strict" if frame.direction.startswith("past") else "closest")
        else:
            value = _shift(frame, anchor)
        if value is None:
            return _Resolved(None, "none", f"the last date mentioned ({_point_str(anchor)}) is not precise enough")
        how = _shift_str(frame) if frame.unit is not None else (
            "first occurrence after it" if (frame.direction or "").startswith("future") else
            "last occurrence before it" if (frame.direction or "").startswith("past") else "closest occurrence")
        return _Resolved(value, "narrative", f"last date mentioned {_point_str(anchor)}: {how}")
    # undef
    if frame.direction in ("past_strict", "future_strict"):
        if dct is None:
            return _Resolved(None, "none", "'dernier'/'prochain' is relative to the publication date, unknown")
        value = _occurrence(frame, dct, frame.direction)
        side = "before" if frame.direction == "past_strict" else "after"
        return _Resolved(value, "dct" if value else "none",
                         f"first occurrence {side} the publication date {_point_str(dct)}")
    sentence = sents[si]
    cue = cue_before(text[sentence.start:start], lang) if frame.direction != "this" else None
    if cue and state.last is not None:
        mode = "future_strict" if cue == "forward" else "past_strict"
        value = _occurrence(frame, state.last, mode)
        side = "after" if cue == "forward" else "before"
        return _Resolved(value, "narrative" if value else "none",
                         f"narrative: first occurrence {side} the last date mentioned {_point_str(state.last)}")
    if (state.year_in_sentence is not None and state.year_in_sentence[0] == si and frame.month is not None
            and frame.direction is None):
        year = state.year_in_sentence[1]
        value = _occurrence(frame, year, "closest")
        return _Resolved(value, "narrative" if value else "none",
                         f"the year {year.year} mentioned just before in the sentence")
    if tense == "pluperfect" and state.last_past is not None and frame.direction != "this":
        value = _occurrence(frame, state.last_past, "past")
        return _Resolved(value, "narrative" if value else "none",
                         f"pluperfect: on or before the narrative time {_point_str(state.last_past)}")
    if dct is None:
        return _Resolved(None, "none", "no publication date and no narrative anchor")
    if tense == "future" or (tense != "pluperfect" and _FUTURE_BEFORE.search(text, max(0, start - 16), start)):
        mode = "future"
    elif tense in ("past", "pluperfect"):
        mode = "past"
    elif frame.day is None:
        mode = "past"  # news: a weekday, a month, a season without a tense to go by is the last one
    else:
        mode = "same_year"  # a day and month without a tense: the year of the DCT, as HeidelTime and dateparser do
    value = _occurrence(frame, dct, mode)
    how = {"future": "next occurrence (future tense)", "past": "last occurrence (past tense)",
           "same_year": "in the year", "closest": "closest occurrence"}[mode]
    return _Resolved(value, "dct" if value else "none", f"{how} from the publication date {_point_str(dct)}")


def _this_weekend(dct: Point, tense: str) -> str | None:
    """"ce week-end": the one just past in a past sentence, the coming one in a future sentence, else the
    nearest (early in the week, the one just past)."""
    d = dct.date
    if d is None:
        return None
    saturday = weekday_before(d, 5, strict=False)
    if d.weekday() >= 5 or tense == "past" or (tense != "future" and d.weekday() <= 2):
        return fmt_week(saturday) + "-WE"
    return fmt_week(weekday_after(d, 5, strict=False)) + "-WE"


def _absolute(frame: Frame) -> str | None:
    if frame.decade is not None:
        return f"{frame.decade:03d}X"
    if frame.century is not None:
        return f"{frame.century:02d}XX"
    if frame.year is None:
        return None
    if frame.month is not None and frame.day is not None:
        d = valid_day(frame.year, frame.month, frame.day)
        return _with_clock(fmt_day(d), frame) if d else None
    if frame.month is not None:
        return fmt_month(frame.year, frame.month)
    if frame.season is not None:
        return fmt_season(frame.year, frame.season)
    if frame.quarter is not None:
        return _fmt_quarter(frame.year, frame)
    return fmt_year(frame.year)


def _fmt_quarter(year: int, frame: Frame) -> str:
    return f"{year:04d}-{'H' if frame.half else 'Q'}{frame.quarter}"


def _with_clock(day_value: str, frame: Frame) -> str:
    if frame.hour is not None:
        return f"{day_value}T{frame.hour:02d}:{frame.minute or 0:02d}"
    if frame.part is not None:
        return f"{day_value}T{frame.part}"
    return day_value


def _shift(frame: Frame, ref: Point) -> str | None:
    """Shift ``ref`` by ``frame.shift`` ``frame.unit`` (the DCT or the last mentioned date)."""
    unit, n = frame.unit, frame.shift
    if unit is None:  # a clock shift in seconds: "il y a 2 heures", "dans 1 an, 1 jour et 1 heure"
        d = ref.date
        if d is None:
            return None
        if frame.extra_months:
            y, m = add_months(d.year, d.month, frame.extra_months)
            d = valid_day(y, m, min(d.day, 28)) or d
        d = d + timedelta(days=frame.extra_days)
        if ref.hour is None:
            return fmt_day((datetime(d.year, d.month, d.day) + timedelta(seconds=n)).date())
        t = datetime(d.year, d.month, d.day, ref.hour, ref.minute or 0) + timedelta(seconds=n)
        return t.strftime("%Y-%m-%dT%H:%M")
    if unit == "day":
        d = ref.date
        if d is None:
            return None
        if frame.extra_months:
            y, m = add_months(d.year, d.month, frame.extra_months)
            d = valid_day(y, m, min(d.day, 28)) or d
        return _with_clock(fmt_day(d + timedelta(days=n)), frame)
    if unit in ("week", "weekend"):
        d = ref.date
        if d is None:
            return None
        value = fmt_week(d + timedelta(days=7 * n))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        if ref.month is None:
            return None
        y, m = add_months(ref.year, ref.month, n)
        return fmt_month(y, m)
    if unit == "quarter":
        if ref.month is None:
            return None
        q = ref.year * 4 + (ref.month - 1) // 3 + n
        return f"{q // 4:04d}-Q{q % 4 + 1}"
    if unit == "season":
        if frame.season is not None and n == 0:
            return fmt_season(ref.year if frame.season != 3 or (ref.month or 12) >= 3 else ref.year - 1,
                              frame.season)
        if ref.month is None:
            return None
        y, i = season_of(ref.year, ref.month)
        k = y * 4 + i + n
        return fmt_season(k // 4, k % 4)
    if unit == "year":
        y = ref.year + n
        if frame.month is not None:
            return fmt_month(y, frame.month)
        if frame.season is not None:
            return fmt_season(y, frame.season)
        return fmt_year(y)
    if unit == "decade":
        return f"{ref.year // 10 + n:03d}X"
    if unit == "century":
        return f"{ref.year // 100 + n:02d}XX"
    return None


def _occurrence(frame: Frame, ref: Point, mode: str) -> str | None:
    """The occurrence of an underspecified date nearest ``ref`` in ``mode`` (past, future, closest; _strict
    excludes ``ref`` itself), compared at the precision both share."""
    if frame.weekday is not None and frame.month is None and frame.day is None:
        r = ref.date
        if r is None:
            return None
        wd = frame.weekday
        if mode.startswith("past"):
            d = weekday_before(r, wd, strict=mode == "past_strict")
        elif mode.startswith("future"):
            d = weekday_after(r, wd, strict=mode == "future_strict")
        else:
            before, after = weekday_before(r, wd, strict=False), weekday_after(r, wd, strict=False)
            d = before if (r - before) <= (after - r) else after
        return _with_clock(fmt_day(d), frame)
    if frame.month is not None:
        return _month_occurrence(frame, ref, mode)
    if frame.quarter is not None:  # a quarter or a half without a year: read as its first month
        first = (frame.quarter - 1) * (6 if frame.half else 3) + 1
        month_value = _month_occurrence(frame.with_(month=first, day=None, weekday=None), ref, mode)
        return _fmt_quarter(int(month_value[:4]), frame) if month_value else None
    if frame.season is not None and mode == "same_year":
        return fmt_season(ref.year, frame.season)
    if frame.season is not None:
        here = ref.season()
        candidates = [(y, frame.season) for y in range(ref.year - SEARCH_YEARS, ref.year + SEARCH_YEARS + 1)]
        if here is None:
            key = ref.year
            pick = _pick([(c, c[0] - key) for c in candidates], mode)
        else:
            k0 = here[0] * 4 + here[1]
            pick = _pick([(c, c[0] * 4 + c[1] - k0) for c in candidates], mode)
        return fmt_season(*pick) if pick else None
    if frame.day is not None:  # a day of the month alone: "le 18"
        if ref.month is None:
            return None
        if mode == "same_year":
            mode = "closest"
        options: list[tuple[date, int]] = []
        for k in range(-2, 3):
            y, m = add_months(ref.year, ref.month, k)
            candidate = valid_day(y, m, frame.day)
            if candidate is not None:
                diff = (candidate - ref.date).days if ref.date else k * 31
                options.append((candidate, diff))
        pick_day = _pick(options, mode)
        return _with_clock(fmt_day(pick_day), frame) if pick_day else None
    return None


def _month_occurrence(frame: Frame, ref: Point, mode: str) -> str | None:
    assert frame.month is not None
    month, day = frame.month, frame.day
    if mode == "same_year":
        if day is None:
            return fmt_month(ref.year, month)
        d = valid_day(ref.year, month, day)
        if d is not None and frame.weekday is not None and d.weekday() != frame.weekday:
            for y in (ref.year - WEEKDAY_YEARS, ref.year + WEEKDAY_YEARS):
                other = valid_day(y, month, day)
                if other is not None and other.weekday() == frame.weekday:
                    return _with_clock(fmt_day(other), frame)
        return _with_clock(fmt_day(d), frame) if d else None
    options: list[tuple[date | tuple[int, int], int]] = []
    weekday_match: list[date] = []
    for y in range(ref.year - SEARCH_YEARS, ref.year + SEARCH_YEARS + 1):
        if day is not None:
            d = valid_day(y, month, day)
            if d is None:
                continue
            if ref.date is not None:
                diff = (d - ref.date).days
            elif ref.month is not None:
                diff = (y * 12 + month) - (ref.year * 12 + ref.month)
            else:
                diff = y - ref.year
            options.append((d, diff))
            if frame.weekday is not None and d.weekday() == frame.weekday and abs(y - ref.year) <= WEEKDAY_YEARS:
                weekday_match.append(d)
        else:
            diff = (y * 12 + month) - (ref.year * 12 + ref.month) if ref.month is not None else y - ref.year
            options.append(((y, month), diff))
    if len(weekday_match) == 1:
        return _with_clock(fmt_day(weekday_match[0]), frame)
    pick = _pick(options, mode)
    if pick is None:
        return None
    if isinstance(pick, date):
        return _with_clock(fmt_day(pick), frame)
    return fmt_month(*pick)


def _pick(options: list[tuple[T, int]], mode: str) -> T | None:
    """The option whose signed distance to the reference fits ``mode`` best (ties: the past one)."""
    if mode == "past":
        cands = [o for o in options if o[1] <= 0]
        return max(cands, key=lambda o: o[1])[0] if cands else None
    if mode == "past_strict":
        cands = [o for o in options if o[1] < 0]
        return max(cands, key=lambda o: o[1])[0] if cands else None
    if mode == "future":
        cands = [o for o in options if o[1] >= 0]
        return min(cands, key=lambda o: o[1])[0] if cands else None
    if mode == "future_strict":
        cands = [o for o in options if o[1] > 0]
        return min(cands, key=lambda o: o[1])[0] if cands else None
    if not options:
        return None
    return min(options, key=lambda o: (abs(o[1]), o[1] > 0))[0]


# --- clock times, ranges, reasons --------------------------------------------------------------------------

def _day_of(t: Timex | None) -> date | None:
    if t is None or t.type not in ("DATE", "TIME") or not t.value or not re.match(r"\d{4}-\d{2}-\d{2}", t.value):
        return None
    return date.fromisoformat(t.value[:10])


def _context_day(out: list[Timex | None], pieces: list[tuple[int, int, Frame, int]], k: int, si: int,
                 sentence_of: Callable[[int], int], state: _Narrative,
                 dct: Point | None) -> tuple[date | None, str]:
    """The day a clock time belongs to: the nearest date before it in its sentence, else after it in its
    sentence, else the last day mentioned before, else the DCT."""
    same = [j for j in range(len(pieces)) if j != k and sentence_of(pieces[j][0]) == si and _day_of(out[j])]
    before = [j for j in same if j < k]
    after = [j for j in same if j > k]
    for j in ([before[-1]] if before else []) + ([after[0]] if after else []):
        t = out[j]
        d = _day_of(t)
        if t is not None and d is not None:
            return d, f"'{t.text}'"
    if state.last_day is not None and state.last_day.date is not None:
        return state.last_day.date, f"the last day mentioned ({fmt_day(state.last_day.date)})"
    if dct is not None and dct.date is not None:
        return dct.date, "the DCT"
    return None, ""


_RANGE_BETWEEN = re.compile(r"^\s*(?:au|à|-|–|/|jusqu['’]au|jusqu['’]à|to|until|through|till)\s*(?:le\s+|the\s+)?$",
                            re.IGNORECASE)
_AND_BETWEEN = re.compile(r"^\s*(?:et|and)\s*(?:le\s+|the\s+)?$", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:\bdu|\bde|\bd['’]|\bentre|\bfrom|\bbetween|\bDu|\bDe|\bEntre)\s*(?:le\s+|the\s+)?$",
                           re.IGNORECASE)


def _link_ranges(text: str, out: list[Timex], group_of: list[int]) -> list[Timex]:
    """The first bound of a range carries ``range_end``: pieces of one range rule, and two dates joined by
    "du ... au", "de ... à", "entre ... et", "from ... to", "between ... and", a dash, or "et"/"and" between
    consecutive days or months ("lundi et mardi")."""
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.type != "DATE" or b.type != "DATE" or a.range_end is not None:
            continue
        between = text[a.end:b.start]
        before = text[max(0, a.start - 12):a.start]
        linked = group_of[i] == group_of[i + 1]
        if not linked and _RANGE_BETWEEN.match(between):
            linked = bool(_RANGE_BEFORE.search(before)) or between.strip() in ("-", "–", "/")
        if not linked and _AND_BETWEEN.match(between):
            linked = bool(re.search(r"(?:entre|between)\s*(?:le\s+|the\s+)?$", before, re.I)) or _consecutive(
                a.value, b.value)
        if linked and a.value and b.value:
            b = _weekday_after(a, b)
            out[i], out[i + 1] = replace(a, range_end=b.value), b
    return out


_WEEKDAY_WORD = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|"
                           r"jeudi|vendredi|samedi|dimanche)$", re.IGNORECASE)


def _weekday_after(a: Timex, b: Timex) -> Timex:
    """The weekday that closes a range ("from Tuesday to Thursday", "de lundi à mercredi") is the first of its name
    on or after the range's first day: each bound, anchored alone on the publication date, can fall on either side
    of it (a Thursday before a Tuesday in the past, a Wednesday before a Monday to come)."""
    sa, sb = interval(a.value), interval(b.value)
    if (not sa or not sb or not _WEEKDAY_WORD.match(b.text.strip()) or granularity_of(a.value or "") != "day"
            or granularity_of(b.value or "") != "day" or not timedelta(0) < sa[0] - sb[0] < timedelta(days=7)):
        return b
    return replace(b, value=fmt_day(sb[0] + timedelta(days=7)),
                   reason=f"{b.reason}; the first {b.text} on or after {a.text} {a.value}")


def _consecutive(a: str | None, b: str | None) -> bool:
    sa, sb = interval(a), interval(b)
    if not sa or not sb or granularity_of(a or "") != granularity_of(b or ""):
        return False
    return sb[0] - sa[1] == timedelta(days=1)


def _point_str(p: Point) -> str:
    if p.date is not None:
        return fmt_day(p.date)
    if p.month is not None:
        return fmt_month(p.year, p.month)
    return fmt_year(p.year)


def _known(p: Point) -> str:
    return "the day" if p.date else "the month" if p.month else "the year"


def _shift_str(frame: Frame) -> str:
    if frame.unit is None:
        return f"shifted by {frame.shift} s"
    if frame.shift == 0:
        return f"(same {frame.unit})"
    return f"shifted by {frame.shift:+d} {frame.unit}"
