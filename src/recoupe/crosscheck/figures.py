"""Figures the articles of one event state outside an arms deal, and the disagreements between outlets on them:
the size of the contingent that stays after a withdrawal or handover ("un contingent d'une soixantaine de
soldats restera", "une centaine de soldats resteront", "about 100 troops will remain"), how long an absence or a
presence lasted ("بعد غياب دام 12 عاما", "après onze ans d'absence", "after a 12-year suspension", "suspendue depuis
onze ans", "une présence de neuf ans", "près d'une décennie de présence") and the delay a
party is given ("reopen the embassies within two months", "خلال مدة أقصاها شهران", "d'ici trois semaines").

A pure step after the ``fuse.v1`` stage (``with_figure_conflicts``): each article's figures belong to its news: its
story's news, the event that most of the story's articles tell, then the latest (an article also tells background
events, which are not where its figures belong, and may tell its news in words the events stage did not read);
without a story, the event of the fusion that tells the article and that most articles tell. Two figures disagree
when no rounding reconciles them (``same_figure``: "82" and "about 80" agree, "82" and "une centaine" do not; a
count of years is never rounded: "neuf années" and "dix ans" differ) and, when one is approximate ("environ",
"about", "presque", "une centaine"), when they differ by more than ``APPROX_SHARE`` ("presque dix ans" and "neuf
années" agree); a delay told in two units agrees within half the coarser one ("a month" and "four weeks"). A
bound ("plus de 10 ans", "more than 100 troops") claims no figure. A disagreement needs two articles of different
outlets; each claim keeps its articles, outlets and sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from recoupe.crosscheck.conflicts import APPROX_SHARE, claims, conflict, same_figure, sentences
from recoupe.crosscheck.namesakes import namesake_conflicts
from recoupe.understand.events._amounts import number_in_words

__all__ = ["APPROX_SHARE", "Figure", "figures", "with_figure_conflicts"]


# the event categories whose figures an arms deal's own comparison already reads (``deal_conflicts``)
_DEALS = frozenset({"ARMS_TRANSFER"})
# records that are what someone said, not the news: their figures are not compared here
_NOT_NEWS = frozenset({"STATEMENT"})


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure a sentence states: its kind (the conflict's field), value, whether the text calls it
    approximate, and the sentence."""

    kind: str
    value: int
    approximate: bool
    sentence: str
    shown: str | int | None = None  # the claim's value when not ``value`` itself (a deadline: "P2M", 1440 hours)

    @property
    def claim(self) -> str | int:
        return self.value if self.shown is None else self.shown


# "une centaine", "un millier", "a dozen": a round count
_ROUND_WORDS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
                "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
                "dozen": 12, "hundred": 100, "thousand": 1000}
_APPROX = re.compile(r"(?:environ|quelque|près\s+de|pres\s+de|presque|approximativement|about|some|around|nearly|"
                     r"almost|roughly|approximately|an\s+estimated|نحو|حوالي|حوالى|قرابة|زهاء|ما\s+يقارب)\s*$",
                     re.IGNORECASE)
_BOUND = re.compile(r"(?:plus\s+de|moins\s+de|au\s+moins|jusqu['’]à|more\s+than|less\s+than|fewer\s+than|over|under|"
                    r"at\s+least|up\s+to|أكثر\s+من|اكثر\s+من|أقل\s+من|اقل\s+من)\s*$", re.IGNORECASE)
_COUNT = (r"(?P<num>\d{1,3}(?:[\u202f\u00a0 .]\d{3})+|\d+|(?:une?|a)\s+[^\W\d]+aine|"
          r"(?:un|a)\s+(?:millier|dozen|hundred|thousand)|[^\W\d]+(?:[-\s]+(?:et\s+|and\s+)?[^\W\d]+){0,2})")

# -- the contingent that stays ------------------------------------------------------------------------------
_TROOPS = (r"(?:soldats?|militaires|hommes|troupes|soldiers|troops|service\s?members|personnel|"
           r"جنديا|جندي|جنود|عسكريا|عسكري|عسكريين)")
_TROOP_COUNT = re.compile(rf"{_COUNT}\s+(?:de\s+|d['’]\s*|of\s+)?(?:[^\W\d]+\s+)?{_TROOPS}(?!\w)", re.IGNORECASE)
_STAY = re.compile(r"\b(?:rest(?:e|era|eront|ent|ait|aient|er)|demeur(?:e|era|eront|ent|er)|maintenus?|"
                   r"remain(?:s|ed)?|stay(?:s|ing|ed)?|left\s+behind)\b"
                   r"|(?:سيبقى|ستبقى|يبقى|تبقى|سيظل|ستظل|سيبقون|يبقون)", re.IGNORECASE)
# characters between the count and the verb that says it stays: one clause ("environ 80 militaires restera"); set by
# hand on the press dev stories' sentences (the farthest is 1 character, the count of those who leave 90 away);
# re-measured by bench/bench_press.py (conflicts found/precision)
STAY_WINDOW = 60
# a word before "reste" or "stay" that makes it a noun ("le reste des 900 soldats", "during their stay"); "the
# remaining 200 troops" are those still there, not those who stay: "remaining" is no verb of staying
_NOUN_BEFORE = frozenset({"le", "du", "au", "the", "their", "his", "her", "its", "a", "during", "our"})

# -- how long an absence or a presence lasted ---------------------------------------------------------------
# what lasted: an absence or a presence ("neuf années d'opérations", "a 12-year suspension")
_SPELL = (r"absence|suspension|exclusion|rupture|présence|presence|isolement|isolation|opérations|operations|boycott|"
          r"gel|estrangement|engagement|intervention|deployment|déploiement")
_YEARS_FR_EN = re.compile(
    rf"{_COUNT}[-\s]+(?:ans|années|annees|years?|year-long)\s+(?:d['’]\s*|de\s+|of\s+)?(?:[^\W\d]+\s+)?"
    rf"(?P<what>{_SPELL})\b", re.IGNORECASE)
# the same told otherwise: "suspendue depuis onze ans", "suspended for 12 years", "une présence (militaire) de neuf
# ans", "nine years after ties were cut", "sept ans après la rupture"
_YEARS_PAST = (r"(?:suspendue?s?|exclue?s?|absente?s?|isolée?s?|gelée?s?|rompue?s?|suspended|excluded|absent|isolated|"
               r"frozen|severed|cut|broken)")
_YEARS_OTHER = (
    re.compile(rf"\b{_YEARS_PAST}\s+(?:for|depuis|pendant|durant)\s+(?:(?:près\s+de|presque|about|nearly|almost|"
               rf"some|around|plus\s+de|more\s+than|over)\s+)?{_COUNT}\s+(?:ans|années|annees|years?)\b",
               re.IGNORECASE),
    re.compile(rf"\b(?P<what>{_SPELL})\s+(?:[^\W\d]+\s+)?(?:de|of)\s+{_COUNT}\s+(?:ans|années|annees|years?)\b",
               re.IGNORECASE),
    re.compile(rf"{_COUNT}\s+(?:ans|années|annees|years?)\s+(?:après|after)\s+(?P<pre>(?:[^\W\d]+['’]?\s*){{0,3}}?)"
               rf"(?P<what>{_YEARS_PAST}|rupture|suspension|exclusion)\b", re.IGNORECASE),
    # Arabic: "المعلقة عضويتها منذ 12 عاما"
    re.compile(r"(?:معلق|مجمد|مقطوع|غائب|منقطع)\w*(?:\s+\S+){0,2}?\s+منذ\s+"
               rf"{_COUNT}\s+(?:عاما|عام|سنة|سنوات|أعوام|اعوام)"),
)
# Words of a spell that also say something else: "engagement" is a promise when a purpose follows ("un engagement
# de cinq ans pour financer"); "gel" a freeze of anything ("le gel de deux ans des salaires") unless of ties or of a
# named body; "cut", "broken", "frozen" any cut ("after the army cut its budget") unless ties are named beside it.
_PROMISE = re.compile(r"engagement", re.IGNORECASE)
_PURPOSE_AFTER = re.compile(r"\s+(?:pour|afin|to|in\s+order)\b", re.IGNORECASE)
_FREEZE = re.compile(r"gel", re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"\s+(?:des|du|de\s+la|de\s+l['’]|d['’]|of(?:\s+the)?)\s*(?P<word>[^\W\d]+)",
                           re.IGNORECASE)
_ANY_CUT = re.compile(r"cut|broken|severed|frozen|rompue?s?|gelée?s?", re.IGNORECASE)
_TIES = re.compile(r"\b(?:relations?|liens?|ties|links|contacts?|coopération|cooperation|adhésion|membership|"
                   r"diplomati\w*)\b", re.IGNORECASE)


def _other_spell(sentence: str, m: re.Match[str]) -> bool:
    """Whether the word a duration pattern read as an absence or a presence says something else here."""
    what = m.groupdict().get("what")
    if not what:
        return False
    after = sentence[m.end():]
    if _PROMISE.fullmatch(what):
        return bool(_PURPOSE_AFTER.match(after))
    if _FREEZE.fullmatch(what):
        obj = _OBJECT_AFTER.match(after)
        return obj is not None and not (obj.group("word")[0].isupper() or _TIES.fullmatch(obj.group("word")))
    if _ANY_CUT.fullmatch(what):
        near = (m.groupdict().get("pre") or "") + " ".join(after.split()[:3])
        return not _TIES.search(near)
    return False


# a decade: "près d'une décennie de présence", "after nearly a decade of absence", "two decades of estrangement"
_DECADES = re.compile(
    r"(?P<num>une|a|one|deux|two|trois|three)\s+(?:décennies?|decennies?|decades?)\s+(?:d['’]\s*|de\s+|of\s+)?"
    rf"(?:[^\W\d]+\s+)?(?:{_SPELL})\b", re.IGNORECASE)
_YEARS_AR = re.compile(
    r"(?:غياب|تعليق|قطيعة|انقطاع|عزلة|تجميد)\w*\s+(?:(?:دام|استمر|امتد|طال)\w*\s+)?"
    rf"(?P<pre>(?:نحو|حوالي|حوالى|قرابة|أكثر\s+من|اكثر\s+من)\s+)?{_COUNT}\s+(?:عاما|عام|سنة|سنوات|أعوام|اعوام)"
    r"|" + _COUNT.replace("?P<num>", "?P<num2>") +
    r"\s+(?:عاما|سنة|سنوات|أعوام|اعوام)\s+(?:من|على)\s+(?:قرار\s+)?(?:ال)?(?:غياب|تعليق|قطيعة|انقطاع|عزلة|تجميد)")


# -- the time a party has to do something ("reopen the embassies within two months") -------------------------
_PERIODS = {"heure": ("H", 1), "heures": ("H", 1), "hour": ("H", 1), "hours": ("H", 1), "jour": ("D", 24),
            "jours": ("D", 24), "day": ("D", 24), "days": ("D", 24), "semaine": ("W", 168), "semaines": ("W", 168),
            "week": ("W", 168), "weeks": ("W", 168), "mois": ("M", 720), "month": ("M", 720),
            "months": ("M", 720), "an": ("Y", 8760), "ans": ("Y", 8760), "year": ("Y", 8760), "years": ("Y", 8760),
            "ساعة": ("H", 1), "ساعات": ("H", 1), "يوم": ("D", 24), "أيام": ("D", 24), "ايام": ("D", 24),
            "أسبوع": ("W", 168), "اسبوع": ("W", 168), "أسابيع": ("W", 168), "اسابيع": ("W", 168),
            "شهر": ("M", 720), "أشهر": ("M", 720), "اشهر": ("M", 720), "شهور": ("M", 720), "عام": ("Y", 8760),
            "سنة": ("Y", 8760)}
# Arabic duals: "شهرين", "شهران" are two months
_DUALS = {"يومين": "يوم", "يومان": "يوم", "أسبوعين": "أسبوع", "أسبوعان": "أسبوع", "اسبوعين": "أسبوع",
          "شهرين": "شهر", "شهران": "شهر", "عامين": "عام", "عامان": "عام", "سنتين": "سنة"}
# a month or year named after the unit is a date, not a delay: "خلال شهر مارس", "خلال عام 2023"
_NOT_NAMED = (r"(?!\s+(?:\d|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|"
              r"ديسمبر|رمضان))")
_PERIOD_RE = "|".join(sorted((re.escape(w) for w in [*_PERIODS, *_DUALS]), key=len, reverse=True))
_DEADLINE = re.compile(
    r"(?:\bwithin|\bd['’]ici|\bsous|\bdans\s+un\s+d[ée]lai\s+(?:maximum\s+|maximal\s+)?d['e]|خلال|في\s+غضون)"
    r"\s+(?:(?:a\s+)?maximum\s+(?:of\s+)?|at\s+most\s+|au\s+plus\s+|(?:مدة|فترة)\s+(?:أقصاها|اقصاها|لا\s+تتجاوز)\s+)?"
    rf"(?:(?P<num>\d+|[^\W\d]+)\s+)?(?P<unit>{_PERIOD_RE})(?!\w){_NOT_NAMED}"
    r"|(?:مدة|فترة)\s+(?:أقصاها|اقصاها|لا\s+تتجاوز)\s+"
    rf"(?:(?P<num2>\d+|[^\W\d]+)\s+)?(?P<unit2>{_PERIOD_RE})(?!\w){_NOT_NAMED}", re.IGNORECASE)


def _deadline(m: re.Match[str]) -> tuple[str, int] | None:
    """A deadline as an ISO 8601 duration and in hours: "within two months" ("P2M", 1440), "خلال أسبوع" ("P1W",
    168), "sous 48 heures" ("PT48H", 48);
    None when the number before the unit is no number ("within the coming months")."""
    raw_num = m.group("num") or m.group("num2")
    unit = (m.group("unit") or m.group("unit2") or "").lower()
    n = 1
    if unit in _DUALS:
        unit, n = _DUALS[unit], 2
    if raw_num:
        read = number_in_words(raw_num) if not raw_num.isdigit() else int(raw_num)
        if read is None and raw_num.lower() not in ("a", "an", "one", "un", "une"):
            return None
        n = n if read is None else read * (n if n == 2 else 1)
    if unit not in _PERIODS or not 0 < n <= 1000:
        return None
    letter, hours = _PERIODS[unit]
    return (f"PT{n}H" if letter == "H" else f"P{n}{letter}"), n * hours


def _count(raw: str) -> tuple[int, bool, int] | None:
    """A count as written, whether it is a round word ("une centaine": (100, True, 0)) and where its number
    starts in ``raw`` ("presque dix": 8); None when no count."""
    t = raw.strip().lower()
    if t[:1].isdigit():
        return int(re.sub(r"\D", "", t)), False, 0
    starts = [m.start() for m in re.finditer(r"\S+", t)]
    words = t.split()
    if words and words[-1] in _ROUND_WORDS:
        return _ROUND_WORDS[words[-1]], True, 0
    for at in starts:  # the longest tail that reads as a number ("presque dix" -> 10)
        n = number_in_words(t[at:])
        if n is not None:
            return n, False, at
    return None


def _stated(text: str, start: int, raw: str) -> tuple[int, bool] | None:
    """A count read at ``start`` of ``text`` with whether it is approximate; None for a bound or no count."""
    read = _count(raw)
    if read is None:
        return None
    value, rounded, at = read
    before = text[max(0, start - 30):start] + raw[:at]
    if _BOUND.search(before):
        return None
    return (value, rounded or bool(_APPROX.search(before))) if 0 < value < 1_000_000 else None


def figures(sentence: str) -> list[Figure]:
    """The figures a sentence states: the contingent that stays (``number.troops_staying``, the count nearest to
    a verb that says it stays, within ``STAY_WINDOW``) and the years of an absence or a presence
    (``attributes.duration_years``)."""
    out: list[Figure] = []
    counts = [(m.start("num"), m.end(), m.group("num")) for m in _TROOP_COUNT.finditer(sentence)]
    for verb in _STAY.finditer(sentence):
        if (sentence[:verb.start()].split() or [""])[-1].lower() in _NOUN_BEFORE:
            continue
        near = [(min(abs(verb.start() - end), abs(start - verb.end())), start, raw) for start, end, raw in counts
                if -STAY_WINDOW <= verb.start() - end <= STAY_WINDOW or 0 <= start - verb.end() <= STAY_WINDOW]
        if near:
            _d, start, raw = min(near)
            read = _stated(sentence, start, raw)
            if read is not None:
                out.append(Figure("number.troops_staying", read[0], read[1], sentence.strip()))
            break
    for m in _YEARS_FR_EN.finditer(sentence):
        read = _stated(sentence, m.start("num"), m.group("num"))
        if read is not None and read[0] <= 200 and not _other_spell(sentence, m):
            out.append(Figure("attributes.duration_years", read[0], read[1], sentence.strip()))
    for pattern in _YEARS_OTHER:
        for m in pattern.finditer(sentence):
            read = _stated(sentence, m.start("num"), m.group("num"))
            if read is not None and read[0] <= 200 and not _other_spell(sentence, m):
                out.append(Figure("attributes.duration_years", read[0], read[1], sentence.strip()))
    for m in _DECADES.finditer(sentence):
        tens = number_in_words(m.group("num")) or 1
        if not _BOUND.search(sentence[max(0, m.start() - 30):m.start()]):
            out.append(Figure("attributes.duration_years", 10 * tens, True, sentence.strip()))
    for m in _DEADLINE.finditer(sentence):
        period = _deadline(m)
        if period is not None:
            out.append(Figure("attributes.deadline", period[1], False, sentence.strip(), period[0]))
    for m in _YEARS_AR.finditer(sentence):
        group = "num" if m.group("num") is not None else "num2"
        pre = m.group("pre") or ""
        read = _stated(sentence, m.start(group), m.group(group))
        if read is not None and read[0] <= 200 and not _BOUND.match(pre):
            out.append(Figure("attributes.duration_years", read[0], read[1] or bool(pre.strip()),
                              sentence.strip()))
    return out


_UNIT_HOURS = {"H": 1, "D": 24, "W": 168, "M": 720, "Y": 8760}
# Figures counted, not rounded: "dix ans" of a presence is ten years as "neuf années" is nine (a round number of
# years is no rounding); only a word that says so ("presque dix ans") makes one approximate.
_COUNTED_EXACTLY = frozenset({"attributes.duration_years"})


def _agree(a: Figure, b: Figure) -> bool:
    if a.kind == "attributes.deadline" and a.shown != b.shown:
        # told in two units, a delay agrees within half the coarser one ("a month" and "four weeks")
        grain = max(_UNIT_HOURS[str(f.shown)[-1]] for f in (a, b))
        return str(a.shown)[-1] != str(b.shown)[-1] and abs(a.value - b.value) <= grain / 2
    if a.value == b.value or (a.kind not in _COUNTED_EXACTLY and same_figure(a.value, b.value)):
        return True
    return (a.approximate or b.approximate) and abs(a.value - b.value) <= APPROX_SHARE * max(a.value, b.value)


def _news_of(events: Sequence[Mapping[str, Any]],
             stories: Sequence[Mapping[str, Any]] = ()) -> dict[str, str]:
    """Each article's news. In a story, the event that most of the story's articles tell, then the latest dated
    (the news, not the background it recalls: "readmitted in May 2023" over "suspended in 2011"), when at least
    two of them tell it: every article of the story states its figures about it, also one that tells it in words
    the events stage did not read. Otherwise, of the events the article tells (arms deals and statements left
    out), the one most articles tell, then the one it tells first."""
    news = [e for e in events if e.get("category") not in _DEALS | _NOT_NEWS]
    best: dict[str, tuple[int, int, str]] = {}
    for e in news:
        n = len({m["article"] for m in e.get("mentions", [])})
        first: dict[str, int] = {}
        for m in e.get("mentions", []):
            first[m["article"]] = min(first.get(m["article"], 1 << 60), int(m["start"]))
        for article, start in first.items():
            key = (-n, start, str(e["id"]))
            if article not in best or key < best[article]:
                best[article] = key
    out = {a: k[2] for a, k in best.items()}
    # a story's news is one of the events that tell its articles: only those are counted (not every event of the
    # store for every story, which took minutes on a store of 20,000 articles)
    articles_of = [{m["article"] for m in e.get("mentions", [])} for e in news]
    telling: dict[str, list[int]] = defaultdict(list)
    for i, told_by in enumerate(articles_of):
        for article in told_by:
            telling[article].append(i)
    for story in stories:
        told = set(story.get("articles") or ())
        ranked = sorted(
            ((len(told & articles_of[i]), str((news[i].get("date") or {}).get("start") or ""), str(news[i]["id"]))
             for i in {i for a in told for i in telling.get(a, ())}),
            key=lambda r: (-r[0], _descending(r[1]), r[2]))
        if ranked and ranked[0][0] >= STORY_NEWS_MIN_ARTICLES:
            out.update({a: ranked[0][2] for a in told})
    return out


# A story's news takes the figures of all its articles when at least this many of them tell it (one article's
# record is no story's news). Set by hand on the press dev stories (Syria's readmission, told by two of four
# articles, the two others' record misdated); re-measured by bench/bench_press.py (conflicts found/precision).
STORY_NEWS_MIN_ARTICLES = 2


def _descending(day: str) -> tuple[int, ...]:
    """A sort key putting later ISO dates first and undated last."""
    return (*(-ord(ch) for ch in day), 0) if day else (1,)


def figure_conflicts(events: Sequence[Mapping[str, Any]], text_of: Mapping[str, str],
                     outlet_of: Mapping[str, str | None],
                     stories: Sequence[Mapping[str, Any]] = ()) -> list[dict[str, Any]]:
    """The disagreements on the figures of each event's news articles (see the module's docstring)."""
    told: dict[tuple[str, str], list[tuple[Figure, str]]] = defaultdict(list)
    for article, event in sorted(_news_of(events, stories).items()):
        for _start, sentence in sentences(text_of.get(article, "")):
            for f in figures(sentence):
                told[(event, f.kind)].append((f, article))
    out: list[dict[str, Any]] = []
    for (event, kind), stated in sorted(told.items()):
        clash = [(a, b) for i, a in enumerate(stated) for b in stated[i + 1:]
                 if a[1] != b[1] and (outlet_of.get(a[1]) or a[1]) != (outlet_of.get(b[1]) or b[1])
                 and not _agree(a[0], b[0])]
        if not clash:
            continue
        record = conflict(event, kind, claims([(f.claim, article, f.sentence) for f, article in stated]))
        for claim in record["claims"]:
            claim["approximate"] = any(f.approximate for f, a in stated if f.claim == claim["value"]
                                       and a in claim["articles"])
        out.append(record)
    return out


def with_figure_conflicts(events: Sequence[dict[str, Any]], conflicts: Sequence[dict[str, Any]],
                          articles: Sequence[Mapping[str, Any]], stories: Sequence[Mapping[str, Any]] = (),
                          entities: Sequence[Mapping[str, Any]] = (),
                          ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The fusion's events and conflicts with the figure disagreements added (``figure_conflicts``) and the
    persons of one office named differently (``namesakes.namesake_conflicts``, on the story's news): each new
    conflict's id also listed on its event, each claim with the outlets that state it."""
    outlet_of = {str(a["id"]): a.get("outlet") for a in articles}
    text_of = {str(a["id"]): str(a.get("text") or "") for a in articles}
    known = {c["id"] for c in conflicts}
    story_of = {str(a): str(st["id"]) for st in stories for a in st.get("articles") or ()}
    found = [*figure_conflicts(events, text_of, outlet_of, stories),
             *namesake_conflicts(entities, _news_of(events, stories), story_of, outlet_of, text_of)]
    new = [c for c in found if c["id"] not in known]
    for c in new:
        for claim in c["claims"]:
            claim["outlets"] = sorted({outlet_of.get(a) or f"article:{a}" for a in claim["articles"]})
    ids_of: dict[str, set[str]] = defaultdict(set)
    for c in new:
        ids_of[c["subject"]].add(c["id"])
    out_events = [{**e, "conflicts": sorted(set(e.get("conflicts", [])) | ids_of[e["id"]])} if e["id"] in ids_of
                  else e for e in events]
    return out_events, sorted([*conflicts, *new], key=lambda c: str(c["id"]))
