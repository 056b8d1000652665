"""Events in Arabic articles: the same categories, actors, dates, factuality and arms attributes as the
French and English rules give, from the patterns Arabic news uses and the knowledge base's entities of the
sentence (there is no Arabic parser on PyPI, so no dependency tree: the clause is read linearly).

Per body sentence (the headline left out):

1. **Triggers**: verbs and nouns of Arabic defence and diplomatic news matched on the normalised text
   (``arabic_text.normalize_for_matching``: hamza seats, ta marbuta, alef maqsura and diacritics folded, so
   "وقّع" and "وقع" meet), with the clitics و/ف/ب/ل before them: وقّع … اتفاق (agreement), استقبل / زيارة /
   يتوجه إلى (visit), التقى / مباحثات (meeting), استئناف العلاقات / تطبيع / قطيعة (relations), بوساطة / برعاية
   (mediation), تزويد … بـ / صفقة … لشراء / تسليم (arms transfer, only with a weapon in the clause), حذّر /
   عقوبات (a warning). Per sentence the most specific reading wins: an arms deal over the agreement that
   carries it, relations over the meeting where they were restored.
2. **Actors**: the states the sentence names (names, capitals, demonyms; a person or an organisation stands
   for its state). A visit's host is the place after إلى or the host of استقبل; an arms deal's supplier is
   the weapon's state of origin or the giver of تزويد, its recipient the state after تزويد or the buyer;
   "البلدين", "الجانبين", "بينهما" name the article's two most-named states.
3. **Factuality**: planned (future prefix سـ on the verb, سوف, من المقرر, من المنتظر, يعتزم, المقبل),
   negated (لم, لن, نفى before the trigger), reported (تقارير, مصادر), else asserted.
4. **Date**: the timex nearest the trigger in its sentence (not one after منذ, "since"), else a year the
   clause states ("عام 2018"), else, for an asserted act told in the article's first sentences, the
   publication date (``NEWS_DATE``, as for French), else unresolved.
5. **Arms**: designation (the knowledge base's name of the system, else the weapon noun as written), number
   (digits, or the dual "طائرتين"), value as stated ("ملياري دولار" -> 2,000,000,000 USD), status.

Events of one article with the same category, actors and compatible dates are merged (``_merge``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from recoupe.kb import Entry, KnowledgeBase
from recoupe.records import AnnotatedArticle, Mention
from recoupe.understand.arabic_text import normalize_with_offsets
from recoupe.understand.events import plover
from recoupe.understand.events._build import _merge
from recoupe.understand.events._common import NEWS_DATE, RECIPROCAL, Category, Factuality
from recoupe.understand.events._dates import DECIDED_WHEN_TOLD, NEWS_SENTENCES, _date
from recoupe.understand.events._tokens import ORGANISATION_SECTORS
from recoupe.understand.events.arabic_amounts import MAX_COUNT, parse_value_ar, part_of_total
from recoupe.understand.events.records import ActorRef, EventDate, EventMention, Evidence
from recoupe.understand.timex.records import Timex

__all__ = ["DAY_COUNTED_FROM_PUBLICATION", "extract_arabic", "parse_value_ar"]


def _n(text: str) -> str:
    return normalize_with_offsets(text)[0]


# Clitics before a trigger word: و/ف then ب/ل/ك, and the article.
_PRE = r"(?<![\w])(?:[وف])?(?:[بلك])?(?:ال)?"


def _words(*forms: str) -> str:
    """An alternation of the normalised forms; a form ending in ta marbuta also as it is written before a
    suffix ("زيارة" / "زيارته")."""
    alts = set()
    for f in forms:
        alts.add(_n(f))
        if _n(f).endswith("ه"):
            alts.add(_n(f)[:-1] + "ت")
    return "(?:" + "|".join(re.escape(a) for a in sorted(alts, key=len, reverse=True)) + ")"


@dataclass(frozen=True, slots=True)
class _TriggerDef:
    category: Category
    pattern: re.Pattern[str]
    frame: str = ""  # "visit_to", "host", "supply", "buy", "deliver", "warn", "mediate", "break"


# Endings a trigger word may take: verb endings and attached pronouns ("وقعا", "زارت", "زيارته", "استقبالها"),
# not any letters ("زار" is not in "وزاري").
_SUFFIX = r"(?:ت|تا|وا|ا|ان|ون|ين|ات|ه|ها|هم|هما)?(?![\w])"


def _t(category: Category, regex: str, frame: str = "") -> _TriggerDef:
    return _TriggerDef(category, re.compile(_PRE + regex + _SUFFIX), frame)


_WEAPON_NOUNS = _words(
    "طائرات مسيرة", "طائرات بدون طيار", "مسيرات", "مسيرة", "طائرات", "طائرة", "مقاتلات", "مقاتلة", "مروحيات",
    "مروحية", "دبابات", "دبابة", "صواريخ", "صاروخ", "منظومة", "منظومات", "فرقاطات", "فرقاطة", "غواصات", "غواصة",
    "مدرعات", "مدافع", "راجمات", "أسلحة", "سلاح", "عتاد")
_WEAPON_RE = re.compile(_PRE + _WEAPON_NOUNS + r"(?:\w*)")

# Order matters within a sentence only through _PRIORITY below.
_TRIGGERS: tuple[_TriggerDef, ...] = (
    # arms deals (need a weapon in the clause)
    _t("ARMS_TRANSFER", _words("تزويد", "تزود", "يزود", "ستزود", "زودت"), "supply"),
    _t("ARMS_TRANSFER", _words("صفقة", "صفقات", "شراء", "اقتناء", "يشتري", "اشترت", "تشتري", "عقد لشراء",
                               "طلبية"), "buy"),
    _t("ARMS_TRANSFER", _words("تسليم", "تسلم", "تسلمت", "يتسلم", "تتسلم", "سيتسلم", "ستتسلم", "استلام",
                               "استلمت", "وصول أول", "دفعة"), "deliver"),
    # diplomatic relations
    _t("DIPLOMATIC_RELATIONS", _words("استئناف العلاقات", "عودة العلاقات", "إعادة العلاقات", "استعادة العلاقات",
                                      "تطبيع العلاقات", "تطبيع", "إعادة فتح السفارات", "إعادة فتح سفارتي",
                                      "فتح السفارات", "تبادل السفراء", "مستوى السفراء", "استئناف مشاركة",
                                      "عودة سوريا", "عودتها", "استعادت", "استعادة مقعد", "لشغل مقعدها")),
    _t("DIPLOMATIC_RELATIONS", _words("قطع العلاقات", "قطيعة", "انقطاع العلاقات", "سحب السفير",
                                      "استدعاء السفير", "تعليق عضوية", "تجميد عضوية"), "break"),
    # agreements: a signing verb with an agreement noun (checked in _agreement_noun)
    _t("AGREEMENT", _words("وقع", "وقعا", "وقعت", "وقعتا", "يوقع", "يوقعان", "توقيع", "التوقيع", "أبرم",
                           "أبرمت", "إبرام")),
    _t("COOPERATION", _words("مجلس التعاون الاستراتيجي", "المجلس الاستراتيجي", "رفع مستوى التعاون",
                             "الشراكة الاستراتيجية", "إعلان الشراكة", "تعاون عسكري", "التعاون العسكري",
                             "التعاون الدفاعي")),
    _t("MEDIATION", _words("بوساطة", "وساطة", "الوساطة", "برعاية", "رعاية"), "mediate"),
    # visits and meetings
    _t("VISIT", _words("زيارة", "يزور", "زار", "سيزور", "يتوجه", "توجه", "سيتوجه", "وصل", "يصل", "سيصل",
                       "حل ضيفا"), "visit_to"),
    _t("VISIT", _words("استقبل", "يستقبل", "استقبال"), "host"),
    _t("MEETING", _words("التقى", "يلتقي", "لقاء", "للقاء", "اجتماع", "اجتماعا", "محادثات", "مباحثات",
                         "قمة", "اتصال هاتفي", "تصافحا")),
    _t("STATEMENT", _words("حذر", "حذرت", "تحذير", "تحذيرات", "هدد", "هددت", "عقوبات", "كاتسا"), "warn"),
)
# Which reading a sentence keeps when several categories fire (most specific first); the others are dropped
# when one of the earlier fires with the same states.
_PRIORITY: tuple[Category, ...] = ("ARMS_TRANSFER", "DIPLOMATIC_RELATIONS", "AGREEMENT", "MEDIATION", "VISIT",
                                   "COOPERATION", "MEETING", "STATEMENT")
_AGREEMENT_NOUN = re.compile(_PRE + _words("اتفاق", "اتفاقية", "اتفاقيات", "مذكرة تفاهم", "مذكرات تفاهم",
                                           "معاهدة", "إعلان", "بيان مشترك", "عقد", "عقود", "بروتوكول"))
_THE_AGREEMENT = re.compile(r"(?<![\w])(?:[وفبل])?(?:ال|لل)(?:اتفاقيه|اتفاق|معاهده)(?![\w])")
_DYAD = re.compile(_PRE + _words("البلدين", "بلديهما", "الجانبين", "الطرفين", "بينهما", "الثنائية",
                                 "الثنائي", "نظيره", "نظيرها", "الرئيسان", "البلدان"))
_PLANNED = re.compile(
    r"(?<![\w])(?:[وف])?(?:س[يتن](?!نوات|نه|نين|ياس|ياد|يار|يطر|تين|ته|تار|يناريو)\w{3,}|سوف|من المقرر|"
    r"من المنتظر|من المتوقع|المنتظر|المرتقب\w*|يعتزم|تعتزم|يعتزمان|المقبل\w*|القادم\w*|يتطلع\w*|ينتظر|يتوقع|"
    r"متوقع|تتوقع)(?![\w])")
_NEGATED = re.compile(r"(?<![\w])(?:[وف])?(?:لم|لن|ليس|نفى|نفت|دون)(?![\w])")
# "في حال قررت القاهرة المضي في صفقة", "إذا اشترت": an act told as a condition.
_CONDITIONAL = re.compile(r"(?<![\w])(?:[وف])?(?:في حال|حال|اذا|لو)(?![\w])")
# How many words before a trigger a condition governs it ("في حال قررت القاهرة المضي قدما في صفقة": 5); set on
# press dev ar034; re-run the Arabic events tests and bench_press.
CONDITION_WORDS = 6
_REPORTED = re.compile(r"(?<![\w])(?:[وف])?(?:ال)?(?:تقارير|مصادر|مصدر مطلع|يزعم|مزاعم)(?![\w])")
_BACKGROUND = re.compile(r"(?<![\w])(?:[وف])?(?:بعد|من|منذ|انهاء|منهيا|اثر|عقب)(?![\w])")
# "الاتفاقية الموقعة بين البلدين عام 2011": the year of an earlier agreement the sentence refers to.
_SIGNED_BEFORE = re.compile(r"(?<![\w])(?:ال)?موقع(?:ه|تين|ين)?(?![\w])")
_SINCE_WORD = re.compile(r"(?<![\w])(?:[وف])?منذ(?![\w])")
_SINCE = re.compile(r"(?<![\w])(?:[وف])?(?:منذ|قبل)\s*$")
_YEAR = re.compile(r"(?<![\w\d])(?:عام|عامي|سنه|العام|في|خلال|مطلع|بدايه|نهايه|اواخر|منتصف|اوايل)\s+"
                   r"((?:19|20)\d{2})(?![\d])")
# A year this far (characters) from the trigger dates it; farther, it is another act's ("الموقعة عام 2011").
# Set on the press corpus's dev split; re-run bench/bench_press.py if changed.
YEAR_DISTANCE = 80
# Words that put a state on the receiving end after a supply or visit trigger.
_TO = re.compile(r"(?<![\w])(?:الي|لـ?|علي)\s*$")
# "أمس", "غدا", "اليوم الجمعة", "يوم الأحد": the sentence counts its day from the article's; fusion does not date
# the article from such an event (crosscheck.fuse._infer_dates): "أمس" says it was written a day later, and a
# weekday may date another act of the sentence than the event (ar004's Friday statement on talks begun Monday).
_DEICTIC_DAY = re.compile(r"(?<![\w])(?:[وف])?(?:امس|البارحه|غدا|بعد غد|اليوم|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|"
                          r"الجمعه|السبت)(?![\w])")
DAY_COUNTED_FROM_PUBLICATION = "counts the day from the publication date"
# Words after a trigger read for a sign of the future ("زيارة مرتقبة", "الأسبوع المقبل"); farther, the future is
# another clause's ("تعاقدت على شراء 26 مقاتلة ... وسيبدأ التصدير"). 4 or 6 give the same press dev figures.
PLANNED_AFTER_WORDS = 4
# How many sentences of an article its news may be told in (the French rules' NEWS_SENTENCES).
ARABIC_NEWS_SENTENCES = NEWS_SENTENCES
# A weapon noun this far (characters) from an arms trigger makes it a deal; set on the press corpus's dev split
# ("تزويد مصر بطائرات مسيرة", "صفقة لشراء 24 مقاتلة سوخوي-35"); re-run bench/bench_press.py if changed.
WEAPON_DISTANCE = 60


def extract_arabic(annotated: AnnotatedArticle, mentions: Sequence[Mention], timexes: Sequence[Timex],
                   kb: KnowledgeBase) -> tuple[EventMention, ...]:
    """The events of one Arabic article (pure)."""
    article = annotated.article
    text = article.text
    states = kb.states()
    counts: Counter[str] = Counter(m.kb_id for m in mentions if m.type == "GPE" and m.kb_id in states)
    dyad = [c for c, _n in counts.most_common(2)]
    found: list[EventMention] = []
    title = (article.title or "").strip()
    system = _article_system(mentions, kb)
    for rank, sentence in enumerate(annotated.sentences):
        quote = text[sentence.start:sentence.end]
        if rank == 0 and title and (quote.strip() == title or title.startswith(quote.strip())):
            continue
        if len(quote.split()) < 4:
            continue
        found.extend(_sentence_events(annotated, sentence.start, sentence.end, rank, mentions, timexes, kb,
                                      states, dyad, system))
    return tuple(_merge(found))


@dataclass(slots=True)
class _Hit:
    d: _TriggerDef
    start: int  # offsets in the article text
    end: int


def _sentence_events(annotated: AnnotatedArticle, start: int, end: int, rank: int, mentions: Sequence[Mention],
                     timexes: Sequence[Timex], kb: KnowledgeBase, states: frozenset[str],
                     dyad: Sequence[str], system: Entry | None = None) -> list[EventMention]:
    text = annotated.article.text
    quote = text[start:end]
    norm, origin = normalize_with_offsets(quote)
    hits: list[_Hit] = []
    for d in _TRIGGERS:
        for m in d.pattern.finditer(norm):
            s, e = start + origin[m.start()], start + origin[m.end() - 1] + 1
            hits.append(_Hit(d, s, e))
    if not hits:
        return []
    in_sentence = [m for m in mentions if start <= m.start < end]
    weapons = [m for m in in_sentence if m.type == "EQUIPMENT"]
    weapon_nouns = [(start + origin[w.start()], start + origin[w.end() - 1] + 1, quote_span(text, start, origin, w))
                    for w in _WEAPON_RE.finditer(norm)]
    by_category: dict[str, list[_Hit]] = {}
    for hit in sorted(hits, key=lambda h: h.start):
        cat = hit.d.category
        if cat == "ARMS_TRANSFER" and not _near_weapon(hit, weapons, weapon_nouns):
            continue
        if (hit.d.frame == "break" or cat == "MEETING") and _BACKGROUND.search(
                " ".join(_n(text[max(start, hit.start - 30):hit.start]).split()[-3:])):
            continue  # "بعد قطيعة", "منهيا 7 سنوات من قطع العلاقات", "بعد محادثات": background
        if cat == "AGREEMENT" and not _AGREEMENT_NOUN.search(_n(text[hit.start:min(end, hit.end + 80)])) and \
                not _AGREEMENT_NOUN.search(_n(text[max(start, hit.start - 40):hit.start])):
            continue
        by_category.setdefault(cat, []).append(hit)
    if "ARMS_TRANSFER" in by_category:
        for weaker in ("AGREEMENT", "COOPERATION"):
            by_category.pop(weaker, None)
    if "DIPLOMATIC_RELATIONS" in by_category:
        by_category.pop("MEETING", None)
    if "VISIT" in by_category:
        by_category.pop("MEETING", None)
    out: list[EventMention] = []
    for cat in _PRIORITY:
        for chosen in by_category.get(cat, ()):  # the first trigger of the category that makes an event
            event = _event(annotated, chosen, start, end, rank, in_sentence, weapons, weapon_nouns, timexes, kb,
                           states, dyad, system)
            if event is not None:
                out.append(event)
                break
    return out


def quote_span(text: str, start: int, origin: tuple[int, ...], m: re.Match[str]) -> str:
    return text[start + origin[m.start()]: start + origin[m.end() - 1] + 1]


def _near_weapon(hit: _Hit, weapons: Sequence[Mention], nouns: Sequence[tuple[int, int, str]]) -> bool:
    spots = [(w.start, w.end) for w in weapons] + [(s, e) for s, e, _t in nouns]
    return any(abs(s - hit.end) <= WEAPON_DISTANCE or abs(hit.start - e) <= WEAPON_DISTANCE for s, e in spots)


def _ref(m: Mention) -> ActorRef:
    return ActorRef(article=m.article, start=m.start, end=m.end, text=m.text, type=m.type, kb_id=m.kb_id,
                    country=m.country, role=m.role)


def _state_ref(article: str, country: str, kb: KnowledgeBase) -> ActorRef:
    entry = kb.get(country)
    return ActorRef(article=article, start=None, end=None, text=entry.name if entry else country, type="GPE",
                    kb_id=country, country=country)


def _actors(in_sentence: Sequence[Mention]) -> list[Mention]:
    """The sentence's actors in text order: states, and persons or organisations with a country."""
    return [m for m in in_sentence if m.country and m.type in ("GPE", "PERSON", "ORG")]


def _by_country(refs: Iterable[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in refs:
        if m.country and m.country not in seen:
            seen.add(m.country)
            out.append(m)
    return out


def _event(annotated: AnnotatedArticle, hit: _Hit, start: int, end: int, rank: int, in_sentence: Sequence[Mention],
           weapons: Sequence[Mention], weapon_nouns: Sequence[tuple[int, int, str]], timexes: Sequence[Timex],
           kb: KnowledgeBase, states: frozenset[str], dyad: Sequence[str],
           system: Entry | None = None) -> EventMention | None:
    article_id = annotated.article.id
    text = annotated.article.text
    cat = hit.d.category
    actors = [m for m in _actors(in_sentence) if m.type != "EQUIPMENT"]
    source: list[ActorRef] = []
    recipient: list[ActorRef] = []
    location: ActorRef | None = None
    clause = _n(text[start:end])
    dyad_words = bool(_DYAD.search(clause))
    attributes: dict[str, Any] = {}
    equipment: tuple[ActorRef, ...] = ()
    if cat == "VISIT":
        # an organisation's official (no state: events/__init__.py) hosting is no state's visit
        officials = [m for m in in_sentence
                     if m.type == "PERSON" and not m.country and m.sector in ORGANISATION_SECTORS]
        host, visitors = _visit_sides(text, hit, sorted([*actors, *officials], key=lambda m: m.start))
        if host is not None and host.country is None:
            return None
        if host is not None:
            recipient = [_ref(host)]
            if host.type == "GPE":
                location = _ref(host)
        source = [_ref(m) for m in _by_country(visitors) if not recipient or m.country != recipient[0].country]
        if not source and recipient and len(dyad) == 2 and recipient[0].country in dyad:
            other = next(c for c in dyad if c != recipient[0].country)
            source = [_state_ref(article_id, other, kb)]
        if not recipient and source and len(dyad) == 2 and source[0].country in dyad and dyad_words:
            other = next(c for c in dyad if c != source[0].country)
            recipient = [_state_ref(article_id, other, kb)]
        if not source or not recipient:
            return None
    elif cat == "ARMS_TRANSFER":
        built = _arms_sides(annotated, hit, actors, weapons, weapon_nouns, kb, dyad, start, end, system)
        if built is None:
            return None
        source, recipient, equipment, attributes = built
    else:
        parties = [_ref(m) for m in _by_country(a for a in actors if not _locative(text, a))]
        if cat in ("AGREEMENT", "COOPERATION") and not parties and _THE_AGREEMENT.search(
                _n(text[max(start, hit.start - 40):min(end, hit.end + 40)])):
            dyad_words = True  # "تم توقيع الاتفاقية": the agreement the article is about, between its two states
        if cat == "DIPLOMATIC_RELATIONS" and not parties and "العلاقات" in _n(text[hit.start:hit.end]):
            dyad_words = True  # "وتأتي إعادة العلاقات بعد ...": the relations the article is about, not the
            # states the sentence names as places ("من اليمن إلى سوريا")
        if dyad_words and len(dyad) == 2:
            for c in dyad:
                if c not in {p.country for p in parties} and len(parties) < 2:
                    parties.append(_state_ref(article_id, c, kb))
        parties = parties or [_ref(m) for m in _by_country(actors)]
        if not parties:
            return None
        if cat in RECIPROCAL or cat in ("DIPLOMATIC_RELATIONS", "MEDIATION"):
            source = parties[:3]
        else:  # a warning: the warner, then whom it warns
            warner = _warner_of_noun(text, hit, actors)
            if warner is not None and warner.country in {p.country for p in parties}:
                parties = [_ref(warner)] + [p for p in parties if p.country != warner.country]
            source, recipient = parties[:1], parties[1:3]
        if cat in ("AGREEMENT", "MEETING", "COOPERATION") and len({p.country for p in source}) < 2:
            return None
        if cat == "DIPLOMATIC_RELATIONS":
            attributes["action"] = "broken" if hit.d.frame == "break" else "normalised"
    factuality = _factuality(text, hit, start, end)
    date = _event_date(annotated, hit, start, end, rank, timexes, factuality)
    if cat == "ARMS_TRANSFER":
        attributes["status"] = ("planned" if factuality in ("planned", "hypothetical") else "reported"
                                if factuality == "reported" else "delivered" if hit.d.frame == "deliver"
                                else "ordered")
    pub = annotated.article.published.value
    if factuality == "asserted" and date.start and date.date_type != "approximate" and pub and \
            date.start[:len(pub)] > pub[:len(date.start)]:
        if _told_in_past(text, hit, start):  # "تسلمت الكويت ... على أن تستكمل الصفقة في 2027": done, undated
            date = EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                             reason=f"{date.start} is after the publication ({pub}) of an act told in the past")
        else:
            factuality = "planned"
    code = plover.code(cat, factuality=factuality, action=str(attributes["action"]) if "action" in attributes
                       else None)
    participants = _people(actors, source, recipient) if cat in PEOPLE_CATEGORIES else ()
    evidence = Evidence(article=article_id, start=start, end=end, quote=text[start:end],
                        trigger=text[hit.start:hit.end], trigger_start=hit.start, trigger_end=hit.end)
    return EventMention(article=article_id, category=cat, evidence=(evidence,), source=tuple(source),
                        recipient=tuple(recipient), participants=participants, location=location,
                        equipment=equipment, date=date, factuality=factuality,
                        attributes=MappingProxyType(attributes), plover=code)


# Categories whose participants are the persons of its sentence who act for its states (a visit is its visitor's
# and host's): fusion tells two visits between the same states apart by them and joins an undated headline
# ("السيسي يستقبل أردوغان") to the dated report naming the same visitor. Not for deals and accords, told by a
# minister in one outlet and a president in another, nor for meetings, whose sentence names whom the talks answer
# as often as who held them ("استجابة لمبادرة الرئيس ...": press dev, the Beijing talks then split from the dated
# report of another outlet).
PEOPLE_CATEGORIES = frozenset({"VISIT"})


def _people(actors: Sequence[Mention], source: Sequence[ActorRef], recipient: Sequence[ActorRef],
            ) -> tuple[ActorRef, ...]:
    """The persons of the sentence who act for one of the event's states, once each, in text order."""
    sides = {r.country for r in (*source, *recipient) if r.country}
    seen: dict[str, ActorRef] = {}
    for m in actors:
        if m.type == "PERSON" and m.country in sides:
            ref = _ref(m)
            seen.setdefault(m.kb_id or m.text, ref)
    return tuple(seen.values())


_LOCATIVE = re.compile(r"(?<![\w])(?:في|الي|من)\s*$")


# A place coordinated with the place before it ("عقدت في السعودية والأردن"); who tells the news ("حسب ما أعلن
# العراق", "نقلا عن"): not parties.
_LOCATIVE_CONJUNCT = re.compile(r"(?<![\w])(?:في|الي|من)\s*\w+\s+و\s*$")
_TELLER = re.compile(r"(?<![\w])(?:حسب|وفق|بحسب|وفقا ل)\s*ما\s*(?:اعلن|اعلنت|افاد|افادت|ذكر|ذكرت|اكد|اكدت)\s*$"
                     r"|(?<![\w])نقلا\s+عن\s*$")


def _locative(text: str, m: Mention) -> bool:
    """A state named as a place ("في قطر", "بالقاهرة", "في السعودية والأردن"): where a reciprocal act happened,
    not a party; or as the teller of the news ("حسب ما أعلن العراق")."""
    before = _n(text[max(0, m.start - 6):m.start])
    wider = _n(text[max(0, m.start - 30):m.start])
    return bool(_LOCATIVE.search(before)) or before.endswith("ب") or bool(_LOCATIVE_CONJUNCT.search(wider)) \
        or bool(_TELLER.search(wider))


# At most this many words between a subject and the verb "يستقبل" for the subject to be the host (headline order);
# set on press dev ar012/ar013 ("الرئيس السيسي يستقبل نظيره"); re-run the Arabic events tests and bench_press.
SUBJECT_GAP_WORDS = 1


def _visit_sides(text: str, hit: _Hit, actors: Sequence[Mention]) -> tuple[Mention | None, list[Mention]]:
    """(host, visitors). "استقبل X Y": X (the first actor after the verb, or before it) hosts Y; "زيارة X إلى
    Y", "يتوجه X إلى Y", "زيارة العاصمة الروسية موسكو": the state after إلى, or right after the noun, hosts."""
    after = [m for m in actors if m.start >= hit.end]
    before = [m for m in actors if m.end <= hit.start]
    if hit.d.frame == "host":
        # Verb first ("استقبل السيسي أردوغان"): the first actor after the verb hosts. Subject first, as headlines
        # write it ("السيسي يستقبل أردوغان"): the actor right before the verb hosts.
        if before and len(_n(text[before[-1].end:hit.start]).split()) <= SUBJECT_GAP_WORDS:
            ordered = before[::-1] + after
        else:
            ordered = after + before[::-1]
        if not ordered:
            return None, []
        first = ordered[0]
        # a city named as the place ("في القاهرة") is where the host received, not a visitor
        return first, [m for m in ordered[1:] if m.country != first.country and not _locative(text, m)]
    host: Mention | None = None
    for m in after:
        gap = _n(text[hit.end:m.start])
        if m.type == "GPE" and m.how != "demonym" and (len(gap.split()) <= 3 or _TO.search(gap)):
            host = m
            break
    if host is None:
        return None, before[::-1] + after
    visitors = [m for m in before[::-1] + after if m.country != host.country]
    return host, visitors


_GENERIC_WEAPON = re.compile(r"(?:[وف])?(?:[بلك])?(?:ال)?(?:سلاح|اسلحه|عتاد|معدات)\w{0,3}")


def _article_system(mentions: Sequence[Mention], kb: KnowledgeBase) -> Entry | None:
    """The one weapon system of the knowledge base that the article names, if it names exactly one."""
    found = {m.kb_id for m in mentions if m.type == "EQUIPMENT" and m.kb_id}
    if len(found) != 1:
        return None
    return kb.get(next(iter(found)))


# The nouns of a warning or objection whose next word names who warns or objects ("تحذيرات واشنطن",
# "قلق واشنطن": Washington's warnings, Washington's concern).
_OBJECTION_NOUN = re.compile(r"(?<![\w])(?:[وف])?(?:[بل])?(?:ال)?(?:تحذير|تحذيرات|قلق|غضب|استياء|اعتراض|اعتراضات|"
                             r"انتقاد|انتقادات|مخاوف|تهديد|تهديدات)\s*$")


def _objecting(text: str, m: Mention) -> bool:
    """A state named as the one that objects ("أثارت قلق واشنطن", "رغم تحذيرات واشنطن"): a bystander of a
    deal, never its buyer."""
    return bool(_OBJECTION_NOUN.search(_n(text[max(0, m.start - 14):m.start])))


def _warner_of_noun(text: str, hit: _Hit, actors: Sequence[Mention]) -> Mention | None:
    """The state right after a warning noun ("تحذيرات واشنطن"): the one that warns."""
    if not _OBJECTION_NOUN.search(_n(text[hit.start:hit.end])):
        return None
    return next((m for m in actors if m.start >= hit.end and not _n(text[hit.end:m.start]).strip()), None)


def _arms_sides(annotated: AnnotatedArticle, hit: _Hit, actors: Sequence[Mention], weapons: Sequence[Mention],
                weapon_nouns: Sequence[tuple[int, int, str]], kb: KnowledgeBase, dyad: Sequence[str],
                start: int, end: int, system: Entry | None = None) -> tuple[list[ActorRef], list[ActorRef],
                                                                   tuple[ActorRef, ...], dict[str, Any]] | None:
    article_id = annotated.article.id
    text = annotated.article.text
    weapon = min(weapons, key=lambda w: abs(w.start - hit.end), default=None)
    attributes: dict[str, Any] = {}
    origin: str | None = None
    equipment: tuple[ActorRef, ...] = ()
    if weapon is not None:
        entry = kb.get(weapon.kb_id) if weapon.kb_id else None
        attributes["designation"] = entry.name if entry is not None else weapon.text
        attributes["designation_as_written"] = weapon.text
        attributes["equipment"] = weapon.kb_id
        equipment = (_ref(weapon),)
        origin = entry.country if entry is not None else None
        w_start, w_end = weapon.start, weapon.end
    else:
        w_start, w_end, noun = min(weapon_nouns, key=lambda w: abs(w[0] - hit.end))
        if system is not None:  # "الصفقة", "المقاتلات" in an article about one system: that system
            attributes["designation"] = system.name
            attributes["designation_as_written"] = noun
            attributes["equipment"] = system.id
            origin = system.country
        elif _GENERIC_WEAPON.fullmatch(_n(noun)):
            return None  # "صفقات السلاح": no system named, no deal to register
        else:
            attributes["designation"] = noun
            attributes["equipment"] = None
    sentence = text[start:end]
    if weapon is not None:  # "سوخوي 35" is no count
        sentence = text[start:w_start] + " " * (w_end - w_start) + text[w_end:end]
    number = _count(sentence, hit.start - start)
    if number is not None:
        attributes["number"] = number
    part = part_of_total(sentence)
    if part is not None:  # "تسلمت منها 8 فقط من أصل 12": 8 now, 12 in all
        attributes["number"], attributes["number_total"] = part
    value = parse_value_ar(text[start:end])
    if value is not None:
        attributes["value"] = value
    after = [m for m in actors if m.start >= hit.end]
    before = [m for m in actors if m.end <= hit.start]
    supplier: str | None = origin
    buyer: str | None = None
    if hit.d.frame in ("supply", "deliver"):
        # "تزويد مصر بطائرات", "تسلم مصر للدفعة الأولى": the state right after the verb receives
        buyer = next((m.country for m in after if m.country != supplier), None)
        if hit.d.frame == "deliver" and buyer is None:
            buyer = next((m.country for m in before[::-1] if m.country != supplier), None)
        supplier = supplier or next((m.country for m in before[::-1] if m.country != buyer), None)
    else:  # "تعاقدت مصر على شراء": the buyer is the nearest state of the clause that is not the supplier
        near = sorted((m for m in actors if m.country != supplier and not _objecting(text, m)),
                      key=lambda m: min(abs(m.start - hit.end), abs(hit.start - m.end)))
        buyer = near[0].country if near else None
        partner = next((c for c in dyad if c != supplier), None) if supplier in dyad and len(dyad) == 2 else None
        if partner is not None and partner in {m.country for m in actors}:
            buyer = partner  # the article's other state, when the clause names it, over a bystander nearer
        if supplier is None:
            supplier = next((m.country for m in near if m.country != buyer), None)
    if buyer is None and supplier is not None and len(dyad) == 2 and supplier in dyad:
        buyer = next(c for c in dyad if c != supplier)
    if supplier is None and buyer is not None and len(dyad) == 2 and buyer in dyad:
        supplier = next(c for c in dyad if c != buyer)
    if supplier is None or buyer is None or supplier == buyer:
        return None
    return ([_state_ref(article_id, supplier, kb)], [_state_ref(article_id, buyer, kb)], equipment, attributes)


_DUAL = re.compile(r"(?:طائرت|مقاتلت|مروحيت|دبابت|غواصت|فرقاطت)ين(?![\w])")
_COUNTED = re.compile(r"(?<![\d.,])(\d{1,4})\s+" + _WEAPON_NOUNS)


def _count(text: str, at: int = 0) -> int | None:
    """The number of weapons a sentence states, the one nearest ``at`` (the trigger's offset in ``text``):
    digits before a weapon noun ("24 طائرة", "26 مقاتلة"), or a dual ("مقاتلتين" = 2)."""
    norm, origin = normalize_with_offsets(text)
    found = [(origin[m.start()], int(m.group(1))) for m in _COUNTED.finditer(norm) if 0 < int(m.group(1)) <= MAX_COUNT]
    found += [(origin[m.start()], 2) for m in _DUAL.finditer(norm.replace("ه", "ت"))]
    if not found:
        return None
    return min(found, key=lambda pn: abs(pn[0] - at))[1]


def _factuality(text: str, hit: _Hit, start: int, end: int) -> Factuality:
    before = _n(text[max(start, hit.start - 50):hit.start])
    trigger = _n(text[hit.start:hit.end])
    around = _n(text[max(start, hit.start - 60):min(end, hit.end + 60)])
    if _NEGATED.search(" ".join(before.split()[-3:])):
        return "negated"
    if _CONDITIONAL.search(" ".join(before.split()[-CONDITION_WORDS:])):
        return "hypothetical"
    if _PLANNED.search(" ".join(before.split()[-6:])) or _PLANNED.search(trigger) or \
            _PLANNED.search(" ".join(_n(text[hit.end:min(end, hit.end + 60)]).split()[:PLANNED_AFTER_WORDS])):
        return "planned"
    if _REPORTED.search(around):
        return "reported"
    return "asserted"


def _told_in_past(text: str, hit: _Hit, start: int) -> bool:
    """A verb told as done: a feminine perfect ("تسلمت", "وقعت"; a plural "ات" apart) or after "قد" ("قد تسلم")."""
    word = _n(text[hit.start:hit.end]).removeprefix("و").removeprefix("ف")
    before = _n(text[max(start, hit.start - 12):hit.start]).split()
    return (word.endswith("ت") and not word.endswith("ات") and not word.startswith("س")) or before[-1:] == ["قد"]


def _since(text: str, hit: _Hit, t: Timex, start: int) -> bool:
    """Whether a timex dates something the event is counted from, not the event: "منذ توليه الحكم نهاية 2019"
    (since he took office, end of 2019), "الموقعة عام 2011" (an agreement signed earlier): a "منذ" or a
    "الموقعة" within the five words before it ("الموقعة بين مصر والأردن عام 2011")."""
    words = _n(text[max(start, t.start - 60):t.start]).split()
    return bool(_SINCE_WORD.search(" ".join(words[-3:])) or _SIGNED_BEFORE.search(" ".join(words[-5:])))


def _event_date(annotated: AnnotatedArticle, hit: _Hit, start: int, end: int, rank: int,
                timexes: Sequence[Timex], factuality: Factuality) -> EventDate:
    text = annotated.article.text
    usable = [t for t in timexes if start <= t.start < end and t.value and not _since(text, hit, t, start)]
    for t in sorted(usable, key=lambda t: abs(t.start - hit.start)):
        dated = _date(t, None, None)
        if dated.start is not None:  # a duration ("يومين") has a value but no calendar date
            return dated
    deictic = [t for t in timexes if start <= t.start < end and not t.value and _DEICTIC_DAY.search(_n(t.text))]
    if deictic:
        return EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                         reason=f"'{deictic[0].text}' {DAY_COUNTED_FROM_PUBLICATION}, which is unknown")
    norm, origin = normalize_with_offsets(text[start:end])
    years = [m for m in _YEAR.finditer(norm) if not _SINCE.search(norm[max(0, m.start() - 8):m.start()])
             and not _SINCE_WORD.search(" ".join(norm[max(0, m.start() - 40):m.start()].split()[-3:]))
             and not _SIGNED_BEFORE.search(" ".join(norm[max(0, m.start() - 60):m.start()].split()[-5:]))
             and abs(start + origin[m.start()] - hit.start) <= YEAR_DISTANCE]
    if years:
        year = min(years, key=lambda m: abs(start + origin[m.start()] - hit.start)).group(1)
        return EventDate(start=year, end=year, granularity="year", date_type="exact",
                         reason=f"the year its sentence states ({year})")
    pub = annotated.article.published.value
    told = factuality in ("asserted", "reported") or (factuality == "planned" and hit.d.category in DECIDED_WHEN_TOLD)
    if pub and len(pub) >= 7 and told and rank <= ARABIC_NEWS_SENTENCES:
        granularity = "day" if len(pub) >= 10 else "month"
        value = pub[:10] if granularity == "day" else pub[:7]
        return EventDate(start=value, end=value, granularity=granularity, date_type="approximate",
                         reason=f"no date in its sentence; {NEWS_DATE} (sentence {rank + 1}): the publication "
                                f"date ({pub})")
    return EventDate(start=None, end=None, granularity="unknown", date_type="unresolved",
                     reason="no date in its sentence")
