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
from recoupe.understand.events._amounts import (
    BARE_FRANCS,
    BARE_RUPEES,
    FRANC_CURRENCIES,
    RUPEE_CURRENCIES,
    amounts,
    number_in_words,
)
from recoupe.understand.events.records import EventMention

# Domains every defence agreement names: a list differing only by these is no disagreement on scope.
GENERIC_DOMAINS = frozenset({"military", "security", "defence", "defense"})


def fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(ch) != "Mn")


def conflict(subject: str, field_name: str, claims: list[dict[str, Any]], note: str | None = None) -> dict[str, Any]:
    key = "\x00".join([subject, field_name, *sorted(repr(c["value"]) for c in claims)])
    record = {"id": "cf:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], "subject": subject,
              "field": field_name, "claims": claims}
    if note:
        record["note"] = note
    return record


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


# The expression a date was read from, as the events stage quotes it in the date's reason.
_QUOTED = re.compile(r"'([^']*)'")


# Month names: "au début du mois de décembre" names its month as "décembre 2024" would.
_MONTHS = re.compile(
    r"\b(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|january|"
    r"february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|(?:يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر)",
    re.IGNORECASE)


def explicit_date(m: EventMention) -> bool:
    """Whether the mention's date was read from an expression that names its day, month or year with digits
    or by the month's name ("25 juillet", "2021", "début décembre"), not resolved from the publication date
    ("Tuesday", "last month"): two outlets that read "Tuesday" from two publication days do not disagree."""
    found = _QUOTED.search(m.date.reason or "")
    return bool(found and (re.search(r"\d", found.group(1)) or _MONTHS.search(found.group(1))))


def _within(start: str, end: str, day_start: str, day_end: str) -> bool:
    """Whether the interval of a coarser date (start, end as ISO prefixes) holds the event's dates."""
    return start[:len(day_start)] <= day_start[:len(start)] and day_end[:len(end)] <= end[:len(day_end)]


_ANCHOR = re.compile(r"from the publication date (\d{4}-\d{2}-\d{2})\b")


def _same_anchor(members: Sequence[EventMention]) -> bool:
    """Whether two articles read different days from relative expressions resolved from one anchor day."""
    read: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in members:
        anchor = _ANCHOR.search(m.date.reason or "")
        if anchor and not explicit_date(m):
            read[anchor.group(1)].add((str(m.date.start), m.article))
    return any(a[0] != b[0] and a[1] != b[1] for got in read.values() for a in got for b in got)


def merge_date(members: Sequence[EventMention], tiers: Sequence[int], category: str,
               outlet_of: Mapping[str, str | None], schedule: Sequence[bool] | None = None,
               ) -> tuple[dict[str, Any], list[tuple[str, str, str]] | None]:
    """The event's date from its members' most precise dates, and the claims when a one-day event is dated
    differently. A date the text gives wins over a publication date (the news told undated); a deal's date that
    is not its own (``schedule``: its deliveries to come, or a past step of a deal still to come) never dates
    it. Only text dates can disagree, and at least one of them must be read from an explicit expression
    (``explicit_date``): two relative readings of one day are no disagreement."""
    schedule = schedule or [False] * len(members)
    dated = [m for m, off in zip(members, schedule, strict=True) if m.date.start and not off]
    if not dated:
        reasons = "; ".join(sorted({m.date.reason for m in members if m.date.reason}))[:300]
        if any(schedule):
            reasons = f"the sources date only its deliveries to come or a related past step ({reasons})"[:300]
        return ({"start": None, "end": None, "granularity": "unknown", "date_type": "unresolved",
                 "reason": reasons or "no source dates it"}, None)

    ranked = [(m, t, 1 if m.date.by_publication else 0)
              for m, t, off in zip(members, tiers, schedule, strict=True) if m.date.start and not off]
    best_rank = min(r for _m, _t, r in ranked)
    considered = [(m, t) for m, t, r in ranked if r == best_rank]
    best_tier = min(t for _m, t in considered)
    precise = [m for m, t in considered if t == best_tier]
    starts = sorted({str(m.date.start) for m in precise})
    ends = sorted({str(m.date.end or m.date.start) for m in precise})
    if len(starts) == 1 and len(ends) == 1:
        d = precise[0].date.as_dict()
        d["reason"] = (f"{d['reason']} (this precise in {len({m.article for m in precise})} of "
                       f"{len({m.article for m in members})} article(s))")
        # a one-day event that another article dates explicitly, less precisely, outside its day ("le 28
        # novembre" against "au début du mois de décembre", 2015 against 2016): a disagreement
        coarser = [m for m, t in considered if t != best_tier and explicit_date(m)
                   and not _within(str(m.date.start), str(m.date.end or m.date.start), starts[0], ends[0])
                   and m.article not in {p.article for p in precise}]
        if best_rank == 0 and coarser and category not in DURATIVE and any(explicit_date(p) for p in precise):
            return d, [(str(m.date.start), m.article, m.evidence[0].quote) for m in precise + coarser]
        return d, None
    if category in DURATIVE:
        first, last = starts[0], max(ends)
        return ({"start": first, "end": last, "granularity": precise[0].date.granularity, "date_type": "range",
                 "reason": f"sources date different days of it: {', '.join(starts)}"}, None)
    votes: dict[str, set[str]] = defaultdict(set)
    for m in precise:
        votes[str(m.date.start)].add(outlet_of.get(m.article) or m.article)
    chosen = sorted(votes, key=lambda v: (-len(votes[v]), v))[0]
    # two relative readings ("Thursday" read from two publication days) do not disagree, unless read from the
    # same day ("Tuesday" and "Wednesday" both from the 26th); an explicit date against any other does
    explicit = {str(m.date.start) for m in precise if explicit_date(m)}
    disagree = (bool(explicit) or _same_anchor(precise)) and len(starts) > 1
    claims_of = ([(str(m.date.start), m.article, m.evidence[0].quote) for m in precise]
                 if best_rank == 0 and disagree else None)
    d = next(m for m in precise if m.date.start == chosen).date.as_dict()
    d["date_type"] = "approximate"
    d["reason"] = f"sources disagree ({', '.join(starts)}); {chosen} is given by most of them"
    return d, claims_of


# Two figures are one when they differ by no more than rounding explains: half a unit of the last significant digit
# of the rounder one ("3.5 billion" covers 3.45-3.55 billion, "about 80" 75-85, "3 billion" 3.47), and never more
# than this share of the larger ("a hundred" is not 82, "20" not 24). Set on the press gold's disagreements
# (82/80/100 soldiers, 20/24/26 aircraft, 3/5 and 5/6 billion); re-run tests/test_fuse.py if changed.
ROUNDING_SHARE = 0.15


def _unit(x: float) -> float:
    """The unit of the last significant digit of a stated figure: 3_500_000_000 -> 100_000_000, 82 -> 1."""
    n = abs(x)
    if n == 0:
        return 1.0
    if n != int(n):
        return 10.0 ** -len(repr(n).split(".")[1].rstrip("0"))
    n = int(n)
    unit = 1
    while n % 10 == 0:
        n //= 10
        unit *= 10
    return float(unit)


def same_figure(a: float, b: float) -> bool:
    """Whether two stated figures agree once rounding is allowed for (``ROUNDING_SHARE``)."""
    if a == b:
        return True
    rounder = a if _unit(a) >= _unit(b) else b
    slack = min(_unit(rounder) / 2, ROUNDING_SHARE * max(abs(a), abs(b)))
    return abs(a - b) <= slack


def _distinct(values: Sequence[tuple[float, str, str]], sides: Sequence[frozenset[str]] | None = None,
              qualifiers: Sequence[str | None] | None = None) -> bool:
    """Whether the stated figures hold two that no rounding reconciles, told by different articles (one article
    that gives two figures, a total and a part, is no disagreement between outlets) and, when ``sides`` gives
    each figure's suppliers, by the same supplier (a record that fuses two states' pledges, "19 from Denmark"
    and "42 from the Netherlands", holds two figures, not a disagreement; a figure with no supplier stated is
    compared with all); ``qualifiers``: each figure's bound or approximation (``same_count``)."""
    side = list(sides) if sides is not None else [frozenset()] * len(values)
    qual = list(qualifiers) if qualifiers is not None else [None] * len(values)
    return any(not same_count(a[0], qual[i], b[0], qual[j]) and a[1] != b[1]
               and (not side[i] or not side[j] or side[i] & side[j])
               for i, a in enumerate(values) for j, b in enumerate(values) if j > i)


# Two figures one of which the text calls approximate agree within this share of the larger ("about 12 years"
# and "11 years"; "environ 82" and "une centaine" differ by 18%). Set by hand on the press dev stories' figures
# (80/82/100 soldiers, 11/12 years, 9/10 years); re-measured by bench/bench_press.py (conflicts found/precision).
APPROX_SHARE = 0.10

# Words before a count that make it a bound or an approximation ("more than twenty", "plus de vingt", "أكثر من
# عشرين", "au moins 12", "up to 40", "about 36"), as the claim's qualifier.
_QUALIFIERS = (
    ("more than", re.compile(r"(?:more\s+than|over|upwards\s+of|in\s+excess\s+of|plus\s+d[e'’]|au-del[àa]\s+de|"
                             r"أكثر\s+من|اكثر\s+من|ما\s+يزيد\s+(?:عن|على))\s*$", re.IGNORECASE)),
    ("at least", re.compile(r"(?:at\s+least|no\s+fewer\s+than|au\s+moins|pas\s+moins\s+d[e'’]|لا\s+يقل\s+عن)\s*$",
                            re.IGNORECASE)),
    ("less than", re.compile(r"(?:less\s+than|fewer\s+than|under|moins\s+d[e'’]|أقل\s+من|اقل\s+من)\s*$",
                             re.IGNORECASE)),
    ("up to", re.compile(r"(?:up\s+to|as\s+many\s+as|a\s+maximum\s+of|jusqu['’]\s*[àa]|un\s+maximum\s+d[e'’]|"
                         r"ما\s+يصل\s+(?:إلى|الى))\s*$", re.IGNORECASE)),
    ("about", re.compile(r"(?:about|around|some|nearly|almost|roughly|approximately|an\s+estimated|environ|quelque|"
                         r"pr[èe]s\s+d[e'’]|presque|نحو|حوالي|حوالى|قرابة|زهاء|ما\s+يقارب)\s*$", re.IGNORECASE)),
)
_WORD = re.compile(r"\d+|[^\W\d]+")


def count_qualifier(quote: str, n: int) -> str | None:
    """How a sentence qualifies its count ``n``: "more than", "at least", "less than", "up to" or "about" when every
    place the sentence writes ``n`` (in digits or in words) follows one of those words (``_QUALIFIERS``); None when
    it states it plainly or does not write it."""
    words = list(_WORD.finditer(quote))
    found: list[str | None] = []
    for i, w in enumerate(words):
        for k in (3, 2, 1):  # the longest run of words that reads as n ("vingt-quatre", "twenty four")
            run = words[i:i + k]
            if len(run) < k or number_in_words(quote[run[0].start():run[-1].end()]) != n:
                continue
            if i and number_in_words(quote[words[i - 1].start():run[-1].end()]) is not None:
                break  # inside a longer number ("vingt" of "quatre-vingts")
            before = quote[max(0, w.start() - 30):w.start()]
            found.append(next((name for name, pattern in _QUALIFIERS if pattern.search(before)), None))
            break
    return found[0] if found and all(q is not None and q == found[0] for q in found) else None


def _span(x: float, qualifier: str | None) -> tuple[float, float]:
    """The values a count allows: "more than 20" (20, inf), "up to 40" (-inf, 40), "about 36" 36 +- a tenth."""
    if qualifier in ("more than", "at least"):
        return x, float("inf")
    if qualifier in ("less than", "up to"):
        return float("-inf"), x
    if qualifier == "about":
        return x * (1 - APPROX_SHARE), x * (1 + APPROX_SHARE)
    return x, x


def same_count(a: float, qa: str | None, b: float, qb: str | None) -> bool:
    """Whether two stated counts agree: plain ones once rounding is allowed for (``same_figure``), a bound or an
    approximation with any count it allows ("more than twenty" with 24 and with 26)."""
    if {qa, qb} <= {None, "about"} and same_figure(a, b):
        return True  # an approximation allows at least what rounding does ("about 36" and 40, as 36 and 40)
    if qa is None and qb is None:
        return False
    (lo_a, hi_a), (lo_b, hi_b) = _span(a, qa), _span(b, qb)
    return lo_a <= hi_b and lo_b <= hi_a


# The deal a delivery belongs to, then within a few words its size: a count before a word that is no unit of
# time, money or share ("من صفقة تتضمن 20 مقاتلة", "a deal for 28 jets", "un contrat portant sur 24 avions").
DEAL_SIZE_WORDS = 8  # words between the deal and its size; the press dev's farthest is 8 (a value in between)
_DEAL_SIZE = re.compile(
    r"(?:\b(?:deal|contract|order|contrat|commande|marché)\b|(?<!\w)(?:ال)?(?:صفقة|عقد)(?!\w))"
    rf"(?:\W+[^\W\d]+){{0,{DEAL_SIZE_WORDS}}}?\W+(\d{{1,4}})\s+(?!(?:years?|ans?|années?|mois|months?|days?|jours?|"
    r"%|pour|per|millions?|milliards?|billions?|dollars?|euros?|سنوات|سنة|عاما|عام|أعوام|شهرا|يوما|مليار\w*|"
    r"مليون\w*|دولار\w*|يورو|بالمئة|بالمائة)(?!\w))[^\W\d]", re.IGNORECASE)


def deal_size(quote: str) -> int | None:
    """The size of the deal a sentence about a delivery states, when it names the deal: ``_DEAL_SIZE``."""
    m = _DEAL_SIZE.search(quote)
    n = int(m.group(1)) if m else 0
    return n if 0 < n <= 1000 and not 1900 <= n <= 2100 else None


def _in_name(n: int, names: Sequence[str]) -> bool:
    """A figure that is part of the system's name ("Leopard 2", "F-16") is no count of it."""
    return any(str(n) in re.split(r"[^0-9]+", name) for name in names)


def deal_conflicts(subject: str, members: Sequence[EventMention],
                   stated: Sequence[tuple[dict[str, Any], str, str]] = ()) -> list[dict[str, Any]]:
    """What the sources of one arms deal disagree on: the number ordered (a count that is part of the system's
    name left out) and the value (its mentions' and ``stated``: the sums its articles' sentences give, see
    ``stated_values``). Values in one currency are compared as stated, with rounding allowed for; values in
    different currencies are reported side by side, never converted. Delivered numbers are not compared:
    deliveries come in batches ("the first two of 28")."""
    found: list[dict[str, Any]] = []
    names = [str(m.attributes.get(k)) for m in members for k in ("designation", "equipment") if m.attributes.get(k)]
    counted = [(float(m.attributes["number"]), m) for m in members
               if isinstance(m.attributes.get("number"), int) and m.attributes.get("status") != "delivered"
               and not _in_name(m.attributes["number"], names)]
    # a delivery told with the deal's size ("two of a deal for 20", "the deal under which Egypt gets 24"): the
    # size is a number ordered
    counted += [(float(total), m) for m in members
                if m.attributes.get("status") == "delivered"
                and isinstance(total := m.attributes.get("number_total") or deal_size(m.evidence[0].quote), int)
                and not _in_name(total, names)]
    ordered = [(n, m.article, m.evidence[0].quote) for n, m in counted]
    qualifiers = [count_qualifier(q, int(n)) for n, _a, q in ordered]
    if _distinct(ordered, [m.countries("source") for _n, m in counted], qualifiers):
        record = conflict(subject, "number_ordered", claims([(int(v), a, q) for v, a, q in ordered]))
        for claim in record["claims"]:  # "more than twenty" stays a bound in the claim
            how = {qualifiers[i] for i, (v, a, _q) in enumerate(ordered)
                   if int(v) == claim["value"] and a in claim["articles"]}
            if len(how) == 1 and None not in how:
                claim["qualifier"] = how.pop()
        found.append(record)
    values = [(m.attributes["value"], m.article, m.evidence[0].quote) for m in members
              if isinstance(m.attributes.get("value"), dict) and m.attributes["value"].get("amount") is not None]
    told = {(repr(x[0]), x[1]) for x in values}
    values += [v for v in stated if (repr(v[0]), v[1]) not in told]
    written = {str(v.get("currency")) for v, _, _ in values}
    francs = written & FRANC_CURRENCIES
    # a sum in "francs" with no country is compared with the one franc the other sources name ("six milliards
    # de francs" against "cinq milliards de francs suisses"), as stated; with none or several, it stands alone
    same_as = {BARE_FRANCS: next(iter(francs))} if len(francs) == 1 else {}
    rupees = written & RUPEE_CURRENCIES  # the same for "rupees" beside the one rupee the others name
    if len(rupees) == 1:
        same_as[BARE_RUPEES] = next(iter(rupees))

    def currency(v: Mapping[str, Any]) -> str:
        return same_as.get(str(v.get("currency")), str(v.get("currency")))

    currencies = {currency(v) for v, _, _ in values}
    by_currency = [[(float(v["amount"]), a, q) for v, a, q in values if currency(v) == c]
                   for c in sorted(currencies)]
    stated_in = {c: {a for v, a, _ in values if currency(v) == c} for c in currencies}
    other_currency = any(stated_in[x] - stated_in[y] and stated_in[y] - stated_in[x]
                         for x in currencies for y in currencies if x < y)
    if other_currency or any(_distinct(group) for group in by_currency):
        note = (f"stated in {', '.join(sorted(written))}: reported as stated, not converted"
                if len(written) > 1 else None)
        found.append(conflict(subject, "value", claims(values), note))
    return found


def deal_figure(members: Sequence[EventMention], key: str, outlet_of: Mapping[str, str | None],
                published_of: Mapping[str, Mapping[str, Any]]) -> Any:
    """The deal's number or value when its sources give several: the one most outlets give (figures that agree
    once rounding is allowed for count together), on a tie the one of the earliest report (later reports add
    options and totals: "$8.6 billion with the option"); None when no source gives one."""
    stated = [m for m in members if m.attributes.get(key) is not None]
    if not stated:
        return None

    def amount(m: EventMention) -> tuple[str, float] | None:
        v = m.attributes[key]
        if isinstance(v, dict):
            return (str(v.get("currency")), float(v["amount"])) if v.get("amount") is not None else None
        return ("", float(v)) if isinstance(v, (int, float)) else None

    def support(m: EventMention) -> int:
        mine = amount(m)
        return len({outlet_of.get(o.article) or o.article for o in stated
                    if mine and (theirs := amount(o)) and theirs[0] == mine[0] and same_figure(theirs[1], mine[1])})

    def published(m: EventMention) -> str:
        return str((published_of.get(m.article) or {}).get("value") or "9999")

    return min(stated, key=lambda m: (-support(m), published(m))).attributes[key]


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
# A past office, not the one held now (searched anywhere in the role): "ex-", "(l')ancien", "(the) former", "alors",
# "then(-)" before the office; "de l'époque", "à l'époque", "at the time", Arabic "السابق(ة)" after it.
PAST_ROLE = re.compile(r"^(?:(?:l['’]\s*|le\s+|la\s+|the\s+)?(?:ex-|ancien(?:ne)?\s|former\s|alors\s|then[\s-]))|"
                       r"\b(?:de|à)\s+l['’]\s*époque\b|\bat\s+the\s+time\b|(?<!\w)السابقة?(?!\w)", re.IGNORECASE)


# Names of an office that do not use its head word: "chef de la diplomatie" is the foreign minister.
_OFFICE_SYNONYMS = (
    (re.compile(r"\b(?:chef|cheffe) de la diplomatie\b|\bhead of (?:the )?diplomacy\b|\b(?:top|chief) diplomat\b"),
     "ministre"),
)
# Offices held together with another one (a minister who is also the government's spokesperson), and bare titles
# that name no office ("NATO chief" is its Secretary General): never compared.
_NOT_COMPARED = frozenset({"spokesperson"})
_BARE = frozenset({"chief"})


def _role_tokens(role: str) -> frozenset[str] | None:
    """The office a stated role names, as canonical head words; None for a rank alone, a past role, a bare title
    or an office held alongside others."""
    if PAST_ROLE.search(role.strip()):
        return None
    folded = fold(role)
    for pattern, head in _OFFICE_SYNONYMS:
        folded = pattern.sub(head, folded)
    words = [w for w in re.split(r"[^\w-]+", folded) if w]
    if len(words) == 1 and _OFFICE_HEADS.get(words[0]) in _BARE:
        return None
    parts = [p for w in words for p in ([w] if w == "porte-parole" else w.split("-"))]
    if not any(p in _OFFICE_HEADS and p not in _RANKS for p in parts):
        return None
    heads = frozenset(_OFFICE_HEADS[p] for p in parts if p in _OFFICE_HEADS)
    return None if not heads or heads & _NOT_COMPARED else heads


def sentence_at(text: str, start: int, end: int) -> str:
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
                quote = sentence_at(text_of.get(m["article"], ""), m["start"], m["end"])
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


# Words that say a sum is a deal's price: a sum in a sentence without one ("a budget of", "GDP") is not read
# (the French "pays", a country, is none).
_PRICE_WORDS = re.compile(
    r"\b(?:montant|contrat|co[uû]t\w*|valeur|prix|somme|pai(?:e|era|eront|ent)|pay[ée]e?s?|payer|estim\w+|"
    r"enveloppe|factur\w+|commande|worth|valued?|costs?|costing|deal|contract|price[ds]?|pay|paid|paying|"
    r"estimated|order)\b"
    r"|(?:قيمة|قيمته|قيمتها|بقيمة|صفقة|الصفقة|تكلفة|العقد|عقد)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
_ASIDE = re.compile(r"\([^()]*\)")


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of a text (cut after . ! ? ؟ and at line ends), each with its start, blank ones left out."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        out.append((pos, text[pos:m.start()]))
        pos = m.end()
    out.append((pos, text[pos:]))
    return [(s, t) for s, t in out if t.strip()]


def stated_values(articles: Sequence[str], text_of: Mapping[str, str],
                  others: Mapping[str, Sequence[tuple[int, int]]]) -> list[tuple[dict[str, Any], str, str]]:
    """The deal's value as the sentences of its articles state it, beyond those the events stage read a deal in
    ("la commande avoisine les deux milliards de dollars, selon le ministère"): (value, article, sentence) for each
    sentence with a price word and exactly one sum (an aside in brackets, a conversion, left out) that names no
    party or system of another event (``others``: spans per article). Only articles that tell no other deal are
    read (``articles``: those the caller allows)."""
    out: list[tuple[dict[str, Any], str, str]] = []
    for article in articles:
        text = text_of.get(article, "")
        for start, sentence in sentences(text):
            if not _PRICE_WORDS.search(sentence):
                continue
            end = start + len(sentence)
            if any(start <= s and e <= end for s, e in others.get(article, ())):
                continue
            sums = amounts(_ASIDE.sub(lambda m: " " * len(m.group(0)), sentence), bare_francs=True)
            if len({(a.amount, a.currency) for a in sums}) != 1:
                continue
            out.append((sums[0].as_value(), article, sentence.strip()))
    return out


# A signing still to come: "l'accord devrait être signé au printemps" (a modal + "être signé"), "the deal is
# expected to be signed by December", "سيتم توقيع العقد".
_TO_BE_SIGNED = re.compile(
    r"\b(?:doi(?:t|vent)|devrai(?:t|ent)|sera(?:it)?|seront)\s+(?:être\s+)?sign[ée]e?s?\b"
    r"|\b(?:is|are|was|were)\s+(?:expected|due|set|scheduled|yet)\s+to\s+be\s+signed\b|\bwill\s+be\s+signed\b"
    r"|(?:سيتم|سوف يتم|من المقرر|من المنتظر)\s+(?:ان\s+|أن\s+)?(?:يتم\s+)?توقيع", re.IGNORECASE)
_SIGNED_THING = re.compile(r"\b(?:contrats?|accords?|contracts?|deals?|agreements?)\b|(?:العقد|الصفقة|الاتفاق)",
                           re.IGNORECASE)


def signing_to_come(day: str, articles: Sequence[str], text_of: Mapping[str, str],
                    published_of: Mapping[str, Mapping[str, Any]],
                    others: Mapping[str, Sequence[tuple[int, int]]]) -> list[tuple[str, str, str]]:
    """Sentences of a deal's articles that say its contract is still to be signed, when the deal is dated as
    done on ``day`` and the article was written that day or later (written before, it told the future then):
    ("to be signed", article, sentence). ``others``: spans naming another state or deal, whose sentences are
    not read."""
    out: list[tuple[str, str, str]] = []
    for article in articles:
        published = str((published_of.get(article) or {}).get("value") or "")
        if len(published) < 10 or published < day:
            continue
        for start, sentence in sentences(text_of.get(article, "")):
            end = start + len(sentence)
            if any(start <= s and e <= end for s, e in others.get(article, ())):
                continue
            if _TO_BE_SIGNED.search(sentence) and _SIGNED_THING.search(sentence):
                out.append(("to be signed", article, sentence.strip()))
    return out
