"""The records of the time stage: a temporal expression (``Timex``) and a document date (``DocumentDate``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "time", "day", "week", "month", "season", "quarter", "year", "decade", "century", "duration", "set",
    "reference", "unknown",
]
# How the value was obtained: from the expression alone ("absolute": "24 novembre 2021", "deux ans",
# "chaque année"), from the document creation time ("dct": "hier", "fin juin", "mardi"), from the last
# date mentioned before it ("narrative": "le lendemain", "l'été de la même année", a bare month in a
# pluperfect sentence), or not at all ("none": value is None, never guessed).
Anchoring = Literal["absolute", "dct", "narrative", "none"]
DateType = Literal["exact", "approximate", "range", "unresolved"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex:
    """One temporal expression of a text, TIMEX3-style.

    ``start``/``end`` index the text given to ``tag`` (Python ``str`` offsets): ``text[start:end] == self.text``.
    ``value`` is the TIMEX3 value ("2021-11-24", "2022-06", "2021-SU", "2022-W04", "196X", "P2Y",
    "2022-07-19TEV", "PRESENT_REF", "XXXX-WXX-4" for a set) or None when it cannot be anchored.
    A range ("du 17 au 20 juillet", "lundi et mardi", "from 17 to 20 July") is two timexes, one per bound,
    as TimeBank annotates it; the first bound carries ``range_end``, the value of the second.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str | None
    mod: str | None = None
    granularity: Granularity = "unknown"
    range_end: str | None = None
    anchored: Anchoring = "absolute"
    reason: str = ""

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of the batch interface: start, end, text, value, type, mod."""
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value, "type": self.type,
                "mod": self.mod}


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentDate:
    """A date for a document inferred from text, with how it was found, as NGEC keeps it: ``value`` is an
    ISO date truncated to what is known (the first day when ``date_type`` is "range", ``end`` the last),
    ``date_type`` says how far to trust it, ``reason`` why. ``basis`` is the ``Published.basis`` to record."""

    value: str
    date_type: DateType
    reason: str
    end: str | None = None
    basis: Literal["inferred"] = "inferred"
