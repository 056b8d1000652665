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

The trigger words live in ``arabic_triggers``, the sides (actors, visit host, arms supplier and buyer) in
``arabic_sides``, factuality and date in ``arabic_when``; this module reads the sentences and builds the events.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from recoupe.kb import Entry, KnowledgeBase
from recoupe.records import AnnotatedArticle, Mention
from recoupe.understand.arabic_text import normalize_with_offsets
from recoupe.understand.events import plover
from recoupe.understand.events._build import _merge
from recoupe.understand.events._common import RECIPROCAL
from recoupe.understand.events._tokens import ORGANISATION_SECTORS
from recoupe.understand.events.arabic_amounts import parse_value_ar
from recoupe.understand.events.arabic_sides import (
    PEOPLE_CATEGORIES,
    _actors,
    _arms_sides,
    _article_system,
    _aside,
    _by_country,
    _counterpart,
    _locative,
    _people,
    _ref,
    _state_ref,
    _visit_sides,
    _warner_of_noun,
)
from recoupe.understand.events.arabic_triggers import (
    _AGREEMENT_NOUN,
    _DYAD,
    _MINISTRY,
    _PRIORITY,
    _THE_AGREEMENT,
    _TRIGGERS,
    _WEAPON_RE,
    _Hit,
    _n,
)
from recoupe.understand.events.arabic_when import DAY_COUNTED_FROM_PUBLICATION, _event_date, _factuality, _told_in_past
from recoupe.understand.events.records import ActorRef, EventDate, EventMention, Evidence
from recoupe.understand.timex.records import Timex

__all__ = ["DAY_COUNTED_FROM_PUBLICATION", "extract_arabic", "parse_value_ar"]

_BACKGROUND = re.compile(r"(?<![\w])(?:[وف])?(?:بعد|من|منذ|انهاء|منهيا|اثر|عقب)(?![\w])")
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



def _sentence_events(annotated: AnnotatedArticle, start: int, end: int, rank: int, mentions: Sequence[Mention],
                     timexes: Sequence[Timex], kb: KnowledgeBase, states: frozenset[str],
                     dyad: Sequence[str], system: Entry | None = None) -> list[EventMention]:
    text = annotated.article.text
    quote = text[start:end]
    norm, origin = normalize_with_offsets(quote)
    hits: list[_Hit] = []
    for d in _TRIGGERS:
        for m in d.pattern.finditer(norm):
            if d.category == "VISIT" and _MINISTRY.fullmatch(m.group(0)):
                continue
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


def _event(annotated: AnnotatedArticle, hit: _Hit, start: int, end: int, rank: int, in_sentence: Sequence[Mention],
           weapons: Sequence[Mention], weapon_nouns: Sequence[tuple[int, int, str]], timexes: Sequence[Timex],
           kb: KnowledgeBase, states: frozenset[str], dyad: Sequence[str],
           system: Entry | None = None) -> EventMention | None:
    article_id = annotated.article.id
    text = annotated.article.text
    cat = hit.d.category
    actors = [m for m in _actors(in_sentence) if m.type != "EQUIPMENT"
              and (cat == "MEDIATION" or not _aside(text, m))]
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
        parties = [_ref(m) for m in _by_country(a for a in actors if not _locative(text, a)
                                                or (hit.d.frame == "break" and _counterpart(text, hit, a)))]
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
