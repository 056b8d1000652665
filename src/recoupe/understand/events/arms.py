"""The arms register: one SIPRI-style record per arms deal the events tell (``arms_transfers.jsonl``).

Each ARMS_TRANSFER event becomes one record: supplier and recipient states, the designation as written ("Heron",
"Barak MX"), what it is and its SIPRI weapon category and manufacturer (from the knowledge base's equipment
entry, else from the noun the text uses), numbers, years, the value *as stated* ("50 millions de dollars" ->
50000000 USD, "124,7 milliards de dirhams" -> 124700000000 MAD; no conversion), the status (ordered, delivered,
reported, planned) and the event's evidence. Values are parsed here (``parse_value``, ``count_before``) and
used by the events stage as it reads a deal.

Pure functions: records in, records out.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from recoupe.kb import KnowledgeBase
from recoupe.understand.events._amounts import BARE_FRANCS, BARE_RUPEES, CURRENCY_RE, amounts, currency_code

if TYPE_CHECKING:
    from recoupe.understand.events.records import EventMention

__all__ = ["count_before", "count_word", "parse_value", "to_arms_records"]

_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "cent": 100, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "dozen": 12, "onze": 11, "treize": 13, "quatorze": 14, "seize": 16, "dix-sept": 17,
    "dix-huit": 18, "dix-neuf": 19, "soixante": 60, "eleven": 11, "thirteen": 13, "fourteen": 14, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# Numbers above this are no counts of weapons ("2021 drones" is a year before a noun).
MAX_COUNT = 1000

_SCALE = {"million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9, "billion": 10**9,
          "billions": 10**9, "mrd": 10**9, "mn": 10**6, "m": 10**6, "bn": 10**9, "md": 10**9, "k": 10**3,
          "mille": 10**3, "thousand": 10**3, "trillion": 10**12, "trillions": 10**12, "crore": 10**7,
          "crores": 10**7, "lakh": 10**5, "lakhs": 10**5}
# Indian English groups digits with commas before these ("5,000 crore" is five thousand crore, not 5.0)
_INDIAN_SCALES = frozenset({"crore", "crores", "lakh", "lakhs"})
_CURRENCY = {"dollar": "USD", "dollars": "USD", "usd": "USD", "$": "USD", "us$": "USD", "euro": "EUR",
             "euros": "EUR", "eur": "EUR", "€": "EUR", "dirham": "MAD", "dirhams": "MAD", "mad": "MAD", "dh": "MAD",
             "dhs": "MAD", "shekel": "ILS", "shekels": "ILS", "ils": "ILS", "nis": "ILS", "dinar": "DZD",
             "dinars": "DZD", "dzd": "DZD", "livre": "GBP", "livres": "GBP", "£": "GBP", "pound": "GBP",
             "pounds": "GBP", "gbp": "GBP", "yuan": "CNY", "roubles": "RUB", "rouble": "RUB", "ruble": "RUB",
             "rubles": "RUB", "francs suisses": "CHF", "franc suisses": "CHF", "chf": "CHF"}
_MONEY = re.compile(
    r"(?P<pre>US\$|A\$|C\$|NZ\$|S\$|NT\$|\$|€|£|₹|\bRs\.?|USD|EUR|MAD|ILS)?\s?"
    r"(?P<num>\d{1,3}(?:[ \u202f\u00a0.,]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"\s?(?P<scale>millions?|milliards?|billions?|trillions?|crores?|lakhs?|mrd|bn|mn|md|m|k|mille|thousand)?\b\s*"
    r"(?:de\s+|d['’]\s*)?"
    # the currencies of _amounts first (qualified names: "Swiss francs", "Kuwaiti dinars"), then the bare ones
    rf"(?P<cur>{CURRENCY_RE}|francs? suisses|dollars?|euros?|dirhams?|shekels?|dinars?|livres?|pounds?|roubles?|"
    r"rubles?|yuan|USD|EUR|MAD|DH|DHS|ILS|NIS|DZD|GBP|CHF|\$|€|£)?(?![\w-])",
    re.IGNORECASE,
)

# What a weapon is by the noun the text uses, when the knowledge base does not know the system: SIPRI
# categories (drones are aircraft, loitering munitions missiles, as the knowledge base codes them).
_CATEGORY_BY_NOUN = {
    "drone": "aircraft", "drones": "aircraft", "avion": "aircraft", "avions": "aircraft", "hélicoptère": "aircraft",
    "hélicoptères": "aircraft", "chasseur": "aircraft", "aircraft": "aircraft", "helicopter": "aircraft",
    "helicopters": "aircraft", "jet": "aircraft", "jets": "aircraft", "fighter": "aircraft", "uav": "aircraft",
    "missile": "missiles", "missiles": "missiles", "munition": "missiles", "munitions": "missiles",
    "radar": "sensors", "radars": "sensors", "satellite": "satellites", "satellites": "satellites",
    "char": "armoured vehicles", "chars": "armoured vehicles", "blindé": "armoured vehicles",
    "blindés": "armoured vehicles", "tank": "armoured vehicles", "tanks": "armoured vehicles",
    "frégate": "ships", "frégates": "ships", "corvette": "ships", "corvettes": "ships", "patrouilleur": "ships",
    "sous-marin": "ships", "frigate": "ships", "frigates": "ships", "submarine": "ships", "obusier": "artillery",
    "obusiers": "artillery", "canon": "artillery", "howitzer": "artillery", "howitzers": "artillery",
}


def count_before(tok: Any, skip: range = range(0)) -> int | None:
    """The count stated for a noun (a spaCy token): "trois drones", "three Heron unmanned aircraft", "25 F-16";
    a number whose character offset is in ``skip`` (the system's own name: "Leopard 2") is no count."""
    for c in tok.children:
        if c.idx in skip:
            continue
        if c.dep_ == "nummod" or (c.pos_ == "NUM" and c.dep_ in ("det", "amod", "nummod")):
            n = _number(c.lower_)
            if n is not None:
                return n
    for k in (1, 2):  # "trois drones « Heron »", "three Heron unmanned aircraft"
        prev = tok.doc[tok.i - k] if tok.i >= k else None
        if prev is None or prev.pos_ == "PUNCT":
            break
        if prev.idx in skip:
            continue
        n = _number(prev.lower_)
        if n is not None:
            return n
    return None


_PART_OF = frozenset({"of", "sur", "des", "parmi", "among"})
_POSSESSIVES_FR = frozenset({"ses", "leurs", "nos", "vos"})


def part_of_total(tok: Any) -> int | None:
    """The part now of a stated total: "the first two of 28 Eurofighter Typhoons", "les deux premiers des 28
    avions", "6 sur 24" (the count of ``tok`` is the total)."""
    counts = [c for c in tok.children if c.dep_ == "nummod" or (c.pos_ == "NUM" and c.dep_ in ("det", "amod"))]
    if not counts:
        return None
    count = counts[0]
    inner = [t for t in count.subtree if t.i < count.i]  # "two of 28": en_core_web_sm hangs "two of" on 28
    if len(inner) >= 2 and inner[-1].lower_ in _PART_OF:
        n = _number(inner[-2].lower_)
        if n is not None:
            return n
    k = min([count.i, *(t.i for t in inner)]) - 1
    if k >= 0 and tok.doc[k].lower_ in ("the", "les", "le", "its", "their", "his", "her", "ses", "leurs", "sa", "son"):
        k -= 1  # "the first four of its 24 Rafale fighters"
    if k >= 1 and tok.doc[k].lower_ in ("de", "d'", "d’") and tok.doc[k + 1].lower_ in _POSSESSIVES_FR:
        pass  # "les quatre premiers de ses 24 Rafale": "de" before a possessive is the partitive "of"
    elif k < 1 or tok.doc[k].lower_ not in _PART_OF:
        return None
    for prev in (tok.doc[k - 1], tok.doc[k - 2] if k >= 2 else None):
        n = _number(prev.lower_) if prev is not None else None
        if n is not None:
            return n
    return None


def _number(word: str) -> int | None:
    word = word.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if word.isdigit():
        n = int(word)
        return n if 0 < n <= MAX_COUNT else None
    return _NUMBER_WORDS.get(word)


def count_word(word: str) -> int | None:
    """A count written in digits or in words ("14", "four", "quatorze"); None for anything else or above
    ``MAX_COUNT``."""
    return _number(word.lower())


def parse_value(text: str) -> dict[str, Any] | None:
    """A sum of money as stated: "50 millions de dollars" -> {amount 50000000, currency USD}; "124,7
    milliards de dirhams" -> {124700000000, MAD}; "USD 50 million" -> {50000000, USD}. No conversion."""
    for m in _MONEY.finditer(text):
        pre, cur, scale = m.group("pre"), m.group("cur"), m.group("scale")
        if not (pre or cur):
            continue
        raw = m.group("num").replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw) and (not scale or scale.lower() in _INDIAN_SCALES):
            raw = raw.replace(",", "").replace(".", "")
        raw = raw.replace(",", ".")
        try:
            number = float(raw)
        except ValueError:
            continue
        if scale:
            number *= _SCALE[scale.lower()]
        currency = _CURRENCY.get((cur or pre or "").lower()) or currency_code(cur or pre or "")
        if pre and cur:  # "$2 billion won by X": the sign says the currency, "won" is a verb
            currency = _CURRENCY.get(pre.lower()) or currency_code(pre)
        if currency is None or currency == BARE_FRANCS or (currency == "KRW" and not scale):
            continue  # "francs" alone names no currency; "2019 won" is a year and a verb
        amount: int | float = round(number) if abs(number - round(number)) < 1e-6 else number
        return {"amount": amount, "currency": currency}
    worded = amounts(text)  # "trois milliards d'euros", "ستة مليارات دولار"
    return worded[0].as_value() if worded else None


def _state_actor(actors: Sequence[Mapping[str, Any]], kb: KnowledgeBase) -> dict[str, Any] | None:
    """The state among an event side's actors (a company or a person stands for its state)."""
    for a in actors:
        if a.get("entity") and a.get("entity") == a.get("country"):
            return dict(a)
    for a in actors:
        country = a.get("country")
        if country:
            entry = kb.get(str(country))
            return {"entity": country, "name": entry.name if entry else country, "country": country}
    return None


def _year(date: Mapping[str, Any]) -> int | None:
    start = date.get("start")
    return int(str(start)[:4]) if start and str(start)[:4].isdigit() else None


def _designation_key(designation: str) -> str:
    return re.sub(r"\W+", " ", designation.lower()).strip()


def to_arms_records(event_records: Sequence[Mapping[str, Any]], event_mentions: Sequence[EventMention],
                    kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The contract's ``arms_transfers.jsonl`` records (pure): one per ARMS_TRANSFER event record, with ``event``
    its id. ``event_mentions`` (the events stage's output) give the equipment mention when the record's
    attributes do not name its knowledge-base entry. Sorted by id."""
    equipment_of: dict[tuple[str, int, str], str] = {}
    for em in event_mentions:
        if em.category != "ARMS_TRANSFER":
            continue
        for e in em.equipment:
            if e.kb_id:
                for x in em.evidence:
                    equipment_of[(x.article, x.start, _designation_key(str(em.attributes.get("designation", ""))))] = \
                        e.kb_id
    out: list[dict[str, Any]] = []
    for r in event_records:
        if r.get("category") != "ARMS_TRANSFER" or r.get("factuality") == "negated":
            continue  # "has not yet received the jets", "denied having delivered": no transfer to register
        attrs = r.get("attributes") or {}
        designation = str(attrs.get("designation") or "")
        kb_id = attrs.get("equipment")
        if not kb_id:
            for m in r.get("mentions", []):
                kb_id = equipment_of.get((m["article"], m["start"], _designation_key(designation)))
                if kb_id:
                    break
        entry = kb.get(str(kb_id)) if kb_id else None
        description = None
        category = None
        manufacturer = None
        if entry is not None:
            description = str(entry.attrs.get("description_en") or "") or None
            category = str(entry.attrs.get("weapon_category") or "") or None
            maker = kb.get(str(entry.attrs.get("manufacturer") or ""))
            manufacturer = maker.name if maker else None
        else:
            noun = str(attrs.get("description") or designation).lower()
            description = noun or None
            category = _CATEGORY_BY_NOUN.get(noun.split()[-1]) if noun else None
        if manufacturer is None:
            companies = [a for a in r.get("source", []) if a.get("entity") != a.get("country")]
            manufacturer = companies[0]["name"] if companies and companies[0].get("name") else None
        status = str(attrs.get("status") or "reported")
        number = attrs.get("number")
        year = _year(r.get("date") or {})
        supplier = _state_actor(r.get("source", []), kb)
        recipient = _state_actor(r.get("recipient", []), kb)
        if supplier is None or recipient is None:
            continue
        comments = None
        if r.get("factuality") == "reported":
            comments = "reported by the press, not confirmed by the parties"
        elif r.get("factuality") in ("planned", "hypothetical"):
            comments = f"{r.get('factuality')}, not concluded"
        digest = hashlib.sha1(f"{r['id']}\x00{_designation_key(designation)}".encode()).hexdigest()[:16]
        out.append({
            "id": f"at:{digest}",
            "supplier": supplier,
            "recipient": recipient,
            "designation": designation,
            "description": description,
            "weapon_category": category,
            "manufacturer": manufacturer,
            "number_ordered": total if isinstance(total := attrs.get("number_total", number), int) else None,
            "number_delivered": number if isinstance(number, int) and status == "delivered" else None,
            "order_year": year if status in ("ordered", "reported", "planned") else None,
            "delivery_years": [year] if year is not None and status == "delivered" else [],
            # a sum in "rupees" whose state no party made certain is kept on the event as stated, not here
            "value": value if isinstance(value := attrs.get("value"), dict) and value.get("currency") != BARE_RUPEES
            else None,
            "status": status,
            "comments": comments,
            "event": r["id"],
            "mentions": list(r.get("mentions", [])),
        })
    out.sort(key=lambda x: x["id"])
    return out
