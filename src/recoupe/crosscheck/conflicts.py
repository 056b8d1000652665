"""What the sources of one event disagree on: claims, the date of a one-day event, the scope of an agreement, a
person's stated office. Pure helpers of the ``fuse.v1`` stage."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from recoupe.crosscheck.link import DURATIVE
from recoupe.understand.events.records import EventMention

# Domains every defence agreement names: a list differing only by these is no disagreement on scope.
GENERIC_DOMAINS = frozenset({"military", "security", "defence", "defense"})


def fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(ch) != "Mn")


def conflict(subject: str, field_name: str, claims: list[dict[str, Any]]) -> dict[str, Any]:
    key = "\x00".join([subject, field_name, *sorted(repr(c["value"]) for c in claims)])
    return {"id": "cf:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], "subject": subject,
            "field": field_name, "claims": claims}


def claims(values: Sequence[tuple[Any, str, str]]) -> list[dict[str, Any]]:
    """One claim per distinct value from (value, article, quote) triples, in order of first appearance."""
    by_value: dict[str, dict[str, Any]] = {}
    for value, article, quote in values:
        k = repr(value)
        claim = by_value.setdefault(k, {"value": value, "articles": [], "quote": quote})
        if article not in claim["articles"]:
            claim["articles"].append(article)
    for claim in by_value.values():
        claim["articles"].sort()
    return list(by_value.values())


def merge_date(members: Sequence[EventMention], tiers: Sequence[int], category: str,
                outlet_of: Mapping[str, str | None]) -> tuple[dict[str, Any], list[tuple[str, str, str]] | None]:
    """The event's date from its members' most precise dates, and the claims when a one-day event is dated
    differently."""
    dated = [m for m in members if m.date.start]
    if not dated:
        reasons = "; ".join(sorted({m.date.reason for m in members if m.date.reason}))[:300]
        return ({"start": None, "end": None, "granularity": "unknown", "date_type": "unresolved",
                 "reason": reasons or "no source dates it"}, None)

    # a date the text gives wins over a publication date (the news told undated); those never disagree
    dated_pairs = [(m, t) for m, t in zip(members, tiers, strict=True) if m.date.start]
    by_publication = all(m.date.by_publication for m, _t in dated_pairs)
    considered = dated_pairs if by_publication else [(m, t) for m, t in dated_pairs if not m.date.by_publication]
    best_tier = min(t for _m, t in considered)
    precise = [m for m, t in considered if t == best_tier]
    starts = sorted({str(m.date.start) for m in precise})
    ends = sorted({str(m.date.end or m.date.start) for m in precise})
    if len(starts) == 1 and len(ends) == 1:
        d = precise[0].date.as_dict()
        d["reason"] = (f"{d['reason']} (this precise in {len({m.article for m in precise})} of "
                       f"{len({m.article for m in members})} article(s))")
        return d, None
    if category in DURATIVE:
        first, last = starts[0], max(ends)
        return ({"start": first, "end": last, "granularity": precise[0].date.granularity, "date_type": "range",
                 "reason": f"sources date different days of it: {', '.join(starts)}"}, None)
    votes: dict[str, set[str]] = defaultdict(set)
    for m in precise:
        votes[str(m.date.start)].add(outlet_of.get(m.article) or m.article)
    chosen = sorted(votes, key=lambda v: (-len(votes[v]), v))[0]
    claims = None if by_publication else [(str(m.date.start), m.article, m.evidence[0].quote) for m in precise]
    d = next(m for m in precise if m.date.start == chosen).date.as_dict()
    d["date_type"] = "approximate"
    d["reason"] = f"sources disagree ({', '.join(starts)}); {chosen} is given by most of them"
    return d, claims


def domains(m: EventMention) -> frozenset[str]:
    return frozenset(str(d) for d in (m.attributes.get("domains") or ()) if str(d) not in GENERIC_DOMAINS)


# The office a stated role names, by its head words in French or English (a translation is no disagreement):
# "inspecteur général des FAR" and "inspector general of the Moroccan armed forces" are one office,
# "commandant en chef" another. Complements (of what, of which state) are not compared.
_OFFICE_HEADS = {
    "inspecteur": "inspector", "inspectrice": "inspector", "inspector": "inspector", "commandant": "commander",
    "commander": "commander", "chef": "chief", "cheffe": "chief", "chief": "chief", "head": "chief",
    "ministre": "minister", "minister": "minister", "directeur": "director", "directrice": "director",
    "director": "director", "president": "president", "presidente": "president", "ambassadeur": "ambassador",
    "ambassadrice": "ambassador", "ambassador": "ambassador", "porte-parole": "spokesperson",
    "spokesman": "spokesperson", "spokesperson": "spokesperson", "secretaire": "secretary",
    "secretary": "secretary", "conseiller": "adviser", "conseillere": "adviser", "adviser": "adviser",
    "advisor": "adviser", "roi": "king", "king": "king", "gouverneur": "governor", "governor": "governor",
    "premier": "prime", "prime": "prime", "general": "general", "generale": "general", "delegue": "delegate",
    "deleguee": "delegate", "delegate": "delegate", "adjoint": "deputy", "adjointe": "deputy", "deputy": "deputy",
    "vice": "deputy",
}
# Words that are a rank, not an office: a role made of them alone ("lieutenant-général") is not compared.
_RANKS = frozenset({"general", "generale", "lieutenant", "colonel", "amiral", "admiral", "major", "marechal",
                    "capitaine", "captain", "brigadier", "corps", "division", "armee", "vice"})
_PAST_ROLE = re.compile(r"^(?:ex-|ancien(?:ne)?\s|former\s|alors\s|then\s)", re.IGNORECASE)


def _role_tokens(role: str) -> frozenset[str] | None:
    """The office a stated role names, as canonical head words; None for a rank alone or a past role."""
    if _PAST_ROLE.match(role.strip()):
        return None
    words = [w for w in re.split(r"[^\w-]+", fold(role)) if w]
    parts = [p for w in words for p in ([w] if w == "porte-parole" else w.split("-"))]
    if not any(p in _OFFICE_HEADS and p not in _RANKS for p in parts):
        return None
    heads = frozenset(_OFFICE_HEADS[p] for p in parts if p in _OFFICE_HEADS)
    return heads or None


def _sentence_at(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0, text.rfind("\n", 0, start) + 1)
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return text[lo:hi].strip()


def role_conflicts(entities: Sequence[Mapping[str, Any]], story_of: Mapping[str, str],
                    outlet_of: Mapping[str, str | None], text_of: Mapping[str, str]) -> list[dict[str, Any]]:
    """Persons given different offices by articles of one story (one moment, two claims)."""
    out: list[dict[str, Any]] = []
    for e in entities:
        if e.get("type") != "PERSON":
            continue
        by_story: dict[str, list[tuple[str, str, frozenset[str], str]]] = defaultdict(list)
        for m in e.get("mentions", []):
            role = m.get("role")
            story = story_of.get(m["article"])
            tokens = _role_tokens(role) if role else None
            if story and tokens:
                quote = _sentence_at(text_of.get(m["article"], ""), m["start"], m["end"])
                by_story[story].append((str(role), m["article"], tokens, quote))
        for _story, stated in sorted(by_story.items()):
            if len({a for _, a, _, _ in stated}) < 2:
                continue
            # distinct offices: no role's words contained in another's
            offices: list[tuple[str, str, frozenset[str], str]] = []
            for s in stated:
                if not any(s[2] <= o[2] or o[2] <= s[2] for o in offices):
                    offices.append(s)
            if len(offices) < 2:
                continue
            values = []
            for _role, article, tokens, quote in stated:
                office = next(o for o in offices if tokens <= o[2] or o[2] <= tokens)
                values.append((office[0], article, quote))
            stated_claims = claims(values)
            outlets = {frozenset(outlet_of.get(a) or a for a in c["articles"]) for c in stated_claims}
            if len(stated_claims) >= 2 and len(outlets) >= 2:
                out.append(conflict(str(e["id"]), "role", stated_claims))
    return out
