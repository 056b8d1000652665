"""Event mention records (ActorRef, EventDate, Evidence, EventMention) and the contract's ``events.jsonl``
records built from them."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from types import MappingProxyType
from typing import Any

from recoupe.understand.events import plover
from recoupe.understand.events._common import NEWS_DATE, Category, Factuality

# --------------------------------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorRef:
    """An actor, participant, place or weapon of an event: one of the article's mentions (``start``/``end``
    index its text), or, with ``start`` None, an entry of the knowledge base that the text implies (the
    state of origin of a weapon whose supplier is not named)."""

    article: str
    start: int | None
    end: int | None
    text: str
    type: str
    kb_id: str | None
    country: str | None
    role: str | None = None

    @property
    def key(self) -> str:
        """What identifies the actor within an article: its knowledge-base entry, else its text."""
        return self.kb_id or self.text.lower()


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDate:
    """The contract's event ``date`` object."""

    start: str | None
    end: str | None
    granularity: str
    date_type: str
    reason: str

    def as_dict(self) -> dict[str, str | None]:
        return {"start": self.start, "end": self.end, "granularity": self.granularity,
                "date_type": self.date_type, "reason": self.reason}

    @property
    def by_publication(self) -> bool:
        """Whether this is the publication date of an article whose news is told undated (``_dates._as_news``):
        it says when the article was written, so any date the text gives wins over it."""
        return bool(self.start) and NEWS_DATE in self.reason


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """One sentence that states the event: its offsets in the article text, its text, and the trigger."""

    article: str
    start: int
    end: int
    quote: str
    trigger: str
    trigger_start: int
    trigger_end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EventMention:
    """One event as one article tells it (possibly in several sentences)."""

    article: str
    category: Category
    evidence: tuple[Evidence, ...]
    source: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    participants: tuple[ActorRef, ...] = ()
    location: ActorRef | None = None
    equipment: tuple[ActorRef, ...] = ()
    date: EventDate
    factuality: Factuality
    attributes: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    plover: plover.PloverCode
    # Told by a noun with no verb to say whether it happened ("The Heron deal", a heading): its factuality
    # is the default and it joins a mention of the same event with any factuality.
    verbless: bool = False
    # The sentence classifier's probability that the first evidence sentence reports an event of this
    # category or a close one (``classifier.py``); None when it was not asked (a sentence too short to read).
    reading: float | None = None

    @property
    def trigger(self) -> str:
        return self.evidence[0].trigger

    def countries(self, side: str) -> frozenset[str]:
        refs = self.source if side == "source" else self.recipient
        return frozenset(r.country for r in refs if r.country)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form, for a store to keep event mentions until the entities are resolved
        (``from_dict`` reads it back)."""
        def refs(items: Sequence[ActorRef]) -> list[dict[str, Any]]:
            return [asdict(r) for r in items]

        return {
            "article": self.article, "category": self.category, "evidence": [asdict(e) for e in self.evidence],
            "source": refs(self.source), "recipient": refs(self.recipient), "participants": refs(self.participants),
            "location": asdict(self.location) if self.location is not None else None,
            "equipment": refs(self.equipment), "date": self.date.as_dict(), "factuality": self.factuality,
            "attributes": dict(self.attributes), "plover": asdict(self.plover), "verbless": self.verbless,
            "reading": self.reading,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EventMention:
        def refs(items: Sequence[Mapping[str, Any]]) -> tuple[ActorRef, ...]:
            return tuple(ActorRef(**r) for r in items)

        code = dict(data["plover"])
        code["context"] = tuple(code.get("context", ()))
        return cls(
            article=data["article"], category=data["category"],
            evidence=tuple(Evidence(**e) for e in data["evidence"]), source=refs(data["source"]),
            recipient=refs(data["recipient"]), participants=refs(data["participants"]),
            location=ActorRef(**data["location"]) if data.get("location") else None,
            equipment=refs(data.get("equipment", [])), date=EventDate(**data["date"]),
            factuality=data["factuality"], attributes=MappingProxyType(dict(data["attributes"])),
            plover=plover.PloverCode(**code), verbless=bool(data.get("verbless", False)),
            reading=data.get("reading"),
        )



# --------------------------------------------------------------------------------------------------
# records of the contract


def _entity_id(r: ActorRef, entity_of: Mapping[tuple[str, int, int], str],
               entities: Mapping[str, Mapping[str, Any]]) -> str | None:
    """The entity an actor belongs to: its mention's, else its knowledge-base entry's, else (for a state
    implied without a mention of its own: "maroco-", a weapon's state of origin) its state's; None when the
    entity stage knows none of these."""
    if r.start is not None and r.end is not None:
        found = entity_of.get((r.article, r.start, r.end))
        if found:
            return found
    for candidate in (r.kb_id, r.country if r.type in ("GPE", "LOC") or r.start is None else None):
        if candidate and candidate in entities:
            return candidate
    return None


def _actor_record(r: ActorRef, entity_of: Mapping[tuple[str, int, int], str],
                  entities: Mapping[str, Mapping[str, Any]]) -> dict[str, Any] | None:
    entity = _entity_id(r, entity_of, entities)
    if entity is None:
        return None
    record = entities.get(entity)
    name = str(record["name"]) if record else r.text
    country = (record.get("country") if record else None) or r.country
    if r.type == "PERSON" and r.country is None and record and record.get("sector") in ("IGO", "PKO"):
        # an organisation's official the events stage read as acting for it (_tokens._acts_for_organisation):
        # not the state of his or her nationality, which the entity's record keeps
        country = None
    return {"entity": entity, "name": name, "country": country}


def _actor_records(refs: Sequence[ActorRef], entity_of: Mapping[tuple[str, int, int], str],
                   entities: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in refs:
        record = _actor_record(r, entity_of, entities)
        if record is not None and record["entity"] not in {x["entity"] for x in out}:
            out.append(record)
    return out


def event_id(e: EventMention, entity_of: Mapping[tuple[str, int, int], str]) -> str:
    """Stable id: category, sorted actor ids, date start, first evidence (article and trigger offsets), and
    the designation for arms transfers (two deals told in one sentence)."""
    actors = sorted({str(entity_of.get((r.article, r.start, r.end), "") if r.start is not None and r.end is not None
                         else "") or r.kb_id or r.country or r.text for r in e.source + e.recipient})
    first = min(e.evidence, key=lambda x: (x.article, x.trigger_start))
    parts = [e.category, "|".join(actors), e.date.start or "", first.article, str(first.trigger_start),
             str(first.trigger_end), str(e.attributes.get("designation") or "")]
    return "ev:" + hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def to_event_records(event_mentions: Sequence[EventMention], entity_of: Mapping[tuple[str, int, int], str],
                     entities: Mapping[str, Mapping[str, Any]],
                     outlet_of: Mapping[str, str | None] | None = None) -> list[dict[str, Any]]:
    """The contract's ``events.jsonl`` records (pure). ``entity_of`` maps a mention (article, start, end) to
    its entity id, ``entities`` entity ids to their records, ``outlet_of`` articles to their outlet (None:
    unknown, counted once per article). Sorted by id."""
    outlet_of = outlet_of or {}
    out: list[dict[str, Any]] = []
    for e in event_mentions:
        outlets = {outlet_of.get(x.article) or f"article:{x.article}" for x in e.evidence}
        participants = [{"entity": a["entity"], "name": a["name"], "role": p.role}
                        for p in e.participants if (a := _actor_record(p, entity_of, entities)) is not None]
        attributes = dict(e.attributes)
        out.append({
            "id": event_id(e, entity_of),
            "category": e.category,
            "event_type": e.plover.event_type,
            "mode": e.plover.mode,
            "context": list(e.plover.context),
            "cameo": e.plover.cameo,
            "source": _actor_records(e.source, entity_of, entities),
            "recipient": _actor_records(e.recipient, entity_of, entities),
            "participants": participants,
            "date": e.date.as_dict(),
            "event_loc": _actor_record(e.location, entity_of, entities) if e.location is not None else None,
            "factuality": e.factuality,
            "attributes": attributes,
            "mentions": [{"article": x.article, "start": x.start, "end": x.end, "quote": x.quote}
                         for x in e.evidence],
            "n_sources": len(outlets),
            "conflicts": [],
        })
    out.sort(key=lambda r: r["id"])
    return out

