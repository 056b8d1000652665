"""When an Arabic event happened and how it is told (``arabic``): its factuality (planned, negated,
hypothetical, reported or asserted, from the words around its trigger) and its date (the timex nearest the
trigger, else a year its clause states, else the publication date for news told in the article's first
sentences, else unresolved).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recoupe.records import AnnotatedArticle
from recoupe.understand.arabic_text import normalize_with_offsets
from recoupe.understand.events._common import NEWS_DATE, Factuality
from recoupe.understand.events._dates import DECIDED_WHEN_TOLD, NEWS_SENTENCES, _date
from recoupe.understand.events.arabic_triggers import _Hit, _n
from recoupe.understand.events.records import EventDate
from recoupe.understand.timex.records import Timex

_PLANNED = re.compile(
    r"(?<![\w])(?:[وف])?(?:س[يتن](?!نوات|نه|نين|ياس|ياد|يار|يطر|تين|ته|تار|يناريو)\w{3,}|سوف|من المقرر|"
    r"من المنتظر|من المتوقع|المنتظر|المرتقب\w*|يعتزم|تعتزم|يعتزمان|المقبل\w*|القادم\w*|يتطلع\w*|ينتظر|يتوقع|"
    r"متوقع|تتوقع|محتمل\w*|يتفاوض|تتفاوض|يتفاوضان|مفاوضات|تفاوض)(?![\w])")
_NEGATED = re.compile(r"(?<![\w])(?:[وف])?(?:لم|لن|ليس|نفى|نفت|دون)(?![\w])")
# A denial or a cancellation governs the act it names a few words on ("نفت الوزارة وجود أي صفقة", "ألغى الوزير
# زيارة كانت مقررة"); set on the tuning set of bench/arabic_events_holdout.py.
_DENIED = re.compile(r"(?<![\w])(?:[وف])?(?:نفي|نفت|ينفي|تنفي|الغي|الغت|الغاء|ارجا|ارجات|تاجيل)(?![\w])")
DENIAL_WORDS = 6
# "في حال" or "إذا" ahead of a purchase verb ("if <capital> decides to go on with a deal"): an act told as a condition.
_CONDITIONAL = re.compile(r"(?<![\w])(?:[وف])?(?:في حال|حال|اذا|لو)(?![\w])")
# How many words before a trigger a condition governs it ("if" + verb + capital + two words + "deal": 5); set on
# press dev ar034; re-run the Arabic events tests and bench_press.
CONDITION_WORDS = 6
_REPORTED = re.compile(r"(?<![\w])(?:[وف])?(?:ال)?(?:تقارير|مصادر|مصدر مطلع|يزعم|مزاعم)(?![\w])")
# "الاتفاقية الموقعة بين البلدين عام 2011": the year of an earlier agreement the sentence refers to.
_SIGNED_BEFORE = re.compile(r"(?<![\w])(?:ال)?موقع(?:ه|تين|ين)?(?![\w])")
_SINCE_WORD = re.compile(r"(?<![\w])(?:[وف])?منذ(?![\w])")
_SINCE = re.compile(r"(?<![\w])(?:[وف])?(?:منذ|قبل)\s*$")
_YEAR = re.compile(r"(?<![\w\d])(?:عام|عامي|سنه|العام|في|خلال|مطلع|بدايه|نهايه|اواخر|منتصف|اوايل)\s+"
                   r"((?:19|20)\d{2})(?![\d])")
# A year this far (characters) from the trigger dates it; farther, it is another act's ("الموقعة عام 2011").
# Set on the press corpus's dev split; re-run bench/bench_press.py if changed.
YEAR_DISTANCE = 80
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


def _factuality(text: str, hit: _Hit, start: int, end: int) -> Factuality:
    before = _n(text[max(start, hit.start - 50):hit.start])
    trigger = _n(text[hit.start:hit.end])
    around = _n(text[max(start, hit.start - 60):min(end, hit.end + 60)])
    if _NEGATED.search(" ".join(before.split()[-3:])) or _DENIED.search(" ".join(before.split()[-DENIAL_WORDS:])):
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
