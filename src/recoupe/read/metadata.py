"""Publication date, author and outlet of an article, each from the most trusted place that has it.

Order of trust for the date (the first that answers wins):

1. metadata: HTML ``<meta>``/JSON-LD read by trafilatura, or a date declared with the input (JSONL
   ``published``, a feed item's date);
2. prefix: a leading `` date YYYY-MM`` as some scrapers write;
3. dateline: a byline or dateline among the first lines ("20 septembre 2022 - 07h20 - Maroc");
4. title: the day of an edition its headline names ("Revue de presse du 12 mai 2023"; basis ``dateline``);
5. url: ``/2021/11/24/``, ``2021-11-24``, ``/2023/aug/21/``, ``/20211003/`` or ``?date=2021-11-24`` in the
   article's URL, or in the page's address that the scraper printed at its top.

A month or a year is refined by a less trusted source that gives a day inside it, never contradicted.

Only header lines are read for datelines, never boilerplate: teasers of other articles carry their
own dates. When nothing answers, the date is ``null`` with basis ``unknown``: the time stage may later
infer it (basis ``inferred``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from urllib.parse import urlparse

from recoupe.read.arabic_dates import date_in_arabic
from recoupe.records import Published

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?,?\s+({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
# "25/11/2021", "14.02.2024", "01-06-2022" (one separator twice). Day first or month first is read from the numbers
# when one of them is over 12, else from the line: French and Arabic write the day first; an English line may write
# either, so its date is read only when a weekday it names settles the order (``_numeric``). Never a guess.
_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})\b")
_DAY_FIRST_CUE = re.compile(r"[\u0600-\u06ff]|\b(?:le|du|à|publié|publiée|mis|mise|jour|par|lundi|mardi|mercredi|"
                            r"jeudi|vendredi|samedi|dimanche)\b|\d{1,2}h\d{2}", re.IGNORECASE)
_WEEKDAY_NAMES = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(_WEEKDAY_NAMES, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE)
# Words that say which date of a line is the article's publication and which a later update: "Mis à jour le 5 avril
# - Publié le 4 avril", "Last updated Feb 3 | Originally published Feb 2". The publication wins.
_PUBLISHED_WORDS = re.compile(r"publié|publiée|mis en ligne|published|posted|first (?:published|posted)|"
                              r"originally|نشر|النشر", re.IGNORECASE)
_UPDATED_WORDS = re.compile(r"mis[e]? à jour|actualisé|modifié|updated?|modified|revised|تحديث|محدث", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YMD = re.compile(r"\b((?:19|20)\d{2})[/.](\d{1,2})[/.](\d{1,2})\b")  # "2016/01/28 13:09", "2016.01.28"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_URL_YMD = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")
_URL_YM = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})(?:/|$)")
_URL_DASHED = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_](\d{2})[-_](\d{2})(?!\d)")
# "/2023/aug/21/" (month names in the path), "/20211003/", "-20230614-" (a day written compactly, alone between
# non-digits), "article_20260217120025" (the day and a valid time); a longer run of digits is an id, not a date.
_URL_MONTH_NAME = re.compile(r"/((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*/"
                             r"(\d{1,2})(?:/|$)", re.IGNORECASE)
_URL_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?:([01]\d|2[0-3])([0-5]\d)([0-5]\d)?)?(?!\d)")
# "?date=2023-06-14", "&pubdate=20230614"
_URL_QUERY = re.compile(r"(?:^|&)(?:date|pubdate|published|publishdate|d)=((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:&|$|T)",
                        re.IGNORECASE)
_AUTHOR = re.compile(
    r"(?:écrit par|ecrit par|written by|rédigé par)\s*:?\s*([^\-|,\n]{2,60})|(?:^|\|\s*|-\s*)(?:par|by)\s+"
    r"([A-ZÉÈ][\w.'’\- ]{1,50}?)(?=\s*(?:\||-|—|,|$|publié|published|le \d))",
    re.IGNORECASE,
)
# Arabic bylines: "كتب: مادونا عماد", "بقلم سمير الحسيني", "كتبت - ليلى مراد |".
_AUTHOR_AR = re.compile(r"(?:^|[|\-–]\s*)(?:كتب|كتبت|بقلم|بواسطة|إعداد)\s*[:：\-–]?\s*"
                        r"([^\-–|،,:\d\n]{3,40}?)\s*(?:[|\-–،,]|$)")
# "Yassine Tahiri — 25 janvier 2023": a name, a dash, a date.
_NAME_THEN_DATE = re.compile(r"^([A-ZÉÈ][\w.'’\-]+(?:\s+[A-ZÉÈ][\w.'’\-]+){1,3})\s+[—–-]\s+\d")
_NAME = r"([A-Z][\w.'’\-]*(?:\s(?:[A-Z][\w.'’\-]*|de|du|des|la|le|[ld]['’][A-ZÉ][\w\-]*))*)"
# How much each kind of sign counts when the page names its outlet (a byline beats a footer).
_OUTLET_SIGNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b(?:suivez|follow)\s+([\w.\-]{3,40})\s+(?:sur|on)\s", re.IGNORECASE), 2),
    (re.compile(rf"^{_NAME} (?:sur|on) (?:WhatsApp|Google News|Facebook|X|Instagram|Telegram|LinkedIn)\b"), 2),
    (re.compile(rf"\b[Ll]a rédaction (?:de|d'|d’)\s?{_NAME}"), 2),
    (re.compile(rf"^[Rr]édaction\s+{_NAME}\s+-\s"), 2),
    (re.compile(rf"(?:©|[Cc]opyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*)?{_NAME}"
                r"(?=\s*(?:\.|,|\s[-–—]\s|\d{4}|$))(?=.*(?:\d{4}|droits|rights|reproduction))"), 2),
    (re.compile(rf"^{_NAME}\s+[-–—|]\s+\D"), 1),
    # an Arabic outlet's stamp alone on its line: "مصر اليوم -"
    (re.compile(r"^([\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){0,2})\s*[-–—]$"), 2),
)
_NOT_OUTLETS = {"politique", "économie", "economie", "société", "monde", "sport", "culture", "dossier",
                "international", "actualité", "défense", "maroc", "algérie", "afrique", "opinion", "tech",
                "santé", "régions", "contact", "accueil", "home", "news", "partager", "partagez", "suivez",
                "suivez-nous", "share", "follow", "rejoignez-nous", "retrouvez-nous"}


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """An ISO date truncated to what is known, or None if the parts are not a real date."""
    try:
        if day is not None and month is not None:
            return date(year, month, day).isoformat()
        if month is not None:
            return f"{date(year, month, 1).isoformat()[:7]}"
        return f"{date(year, 1, 1).year:04d}"
    except ValueError:
        return None


def date_in_text(text: str) -> str | None:
    """The publication date written in a line: "20 septembre 2022", "July 19, 2022", "25/11/2021", and in an
    Arabic line "07 أيار / مايو 2023", "14-02-2024" or a Hijri date alone (``recoupe.read.arabic_dates``). Of several
    dates, the one that words mark as the publication's ("Publié le", "Originally published"), else the first that
    no update word marks ("Mis à jour", "Updated"), else the first. A numeric date whose order cannot be read is
    none (see ``_NUMERIC``)."""
    found = _dates(text)
    if not found:
        if not _ARABIC.search(text):
            return None
        word = _PUBLISHED_WORDS.search(text)  # "آخر تحديث: 12 مارس 2024 - نشر في: 11 مارس 2024"
        return (date_in_arabic(text[word.end():]) if word else None) or date_in_arabic(text)
    marked: list[tuple[str, bool, bool]] = []
    previous = 0
    for start, end, value in found:
        before = text[previous:start]
        marked.append((value, bool(_PUBLISHED_WORDS.search(before)), bool(_UPDATED_WORDS.search(before))))
        previous = end
    for value, published, _updated in marked:
        if published:
            return value
    for value, _published, updated in marked:
        if not updated:
            return value
    return marked[0][0]


def _dates(text: str) -> list[tuple[int, int, str]]:
    """Every full date of a line that is a real day, as (start, end, ISO value), in the order of the line."""
    found: list[tuple[int, int, str]] = []
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_NUMERIC, "num"),
                           (_ISO, "ymd"), (_YMD, "ymd")):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e, _ in found):
                continue  # inside a date already read
            if order == "dmy":
                value = iso(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
            elif order == "mdy":
                value = iso(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
            elif order == "num":
                value = _numeric(int(m.group(1)), int(m.group(3)), int(m.group(4)), text)
            else:
                value = iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if value:
                found.append((m.start(), m.end(), value))
    return sorted(found)


def weekday_contradicts(line: str, value: str | None) -> bool:
    """True when the line names weekdays and none is the day's ("الاثنين 7 مايو 2023" is a Sunday): one of the two
    is wrong and a reader cannot tell which, so the line dates nothing."""
    if not value or len(value) != 10:
        return False
    named = {_WEEKDAY_NAMES[m.group(1).lower()] for m in _WEEKDAY.finditer(line)}
    if _ARABIC.search(line):
        from recoupe.understand.arabic_text import WEEKDAYS, alternation, normalize_for_matching

        pattern = rf"(?<!\w)(?:و|ب)?({alternation(WEEKDAYS)})(?!\w)"
        named |= {WEEKDAYS[" ".join(m.group(1).split())] - 1
                  for m in re.finditer(pattern, normalize_for_matching(line))}
    return bool(named) and date.fromisoformat(value).weekday() not in named


def _numeric(first: int, second: int, year: int, line: str) -> str | None:
    """A numeric date's day: the order the numbers or the line settle (see ``_NUMERIC``), else None."""
    day_first, month_first = iso(year, second, first), iso(year, first, second)
    if day_first is None or month_first is None or day_first == month_first:
        return day_first or month_first
    if _DAY_FIRST_CUE.search(line):
        return day_first
    named = {_WEEKDAY_NAMES[m.group(1).lower()] for m in _WEEKDAY.finditer(line)}
    if len(named) == 1:
        weekday = named.pop()
        fits = [v for v in (day_first, month_first) if date.fromisoformat(v).weekday() == weekday]
        return fits[0] if len(fits) == 1 else None
    return None


# The forms of a declared date read as year, month, day (each whole: "12021-11-24" is none of them, never
# "1202"); a time may follow the day.
_DECLARED_FORMS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?:[T\s].*)?"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})(?:[T\s].*)?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{2}:?\d{2}.*)?"),
    re.compile(r"(\d{4})[-/](\d{1,2})()"),
    re.compile(r"(\d{4})()()"),
)


def normalise_declared(value: str | None) -> str | None:
    """A date given with the input as ISO: "2022-07-21T10:00:00Z", "2022/07/21", "20220721", "2022-07", "2022",
    "21/07/2022", "July 21, 2022". None for anything else ("12021-11-24", "99999-01-01"): never a truncation."""
    if not value:
        return None
    value = value.strip()
    for form in _DECLARED_FORMS:
        m = form.fullmatch(value)
        if m:
            y, mo, d = m.groups()
            return iso(int(y), int(mo) if mo else None, int(d) if d else None)
    if re.match(r"\d{5}", value):
        return None
    return date_in_text(value)


def date_from_url(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    try:
        path = urlparse(url).path
    except ValueError:  # "http://[::1": no date to read in a URL that does not parse
        return None
    for pattern in (_URL_YMD, _URL_DASHED, _URL_COMPACT):
        m = pattern.search(path)
        if m:
            return iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _URL_MONTH_NAME.search(path)
    if m:
        return iso(int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3)))
    m = _URL_YM.search(path)
    if m:
        return iso(int(m.group(1)), int(m.group(2)))
    try:
        query = urlparse(url).query
    except ValueError:
        return None
    m = _URL_QUERY.search(query)
    if m:
        return iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


# A headline that names an edition and its day ("Revue de presse du 12 mai 2023", "Defence briefing for June 3, 2022",
# "نشرة أخبار 14 فبراير 2024"), or a day the content system appended after a bar ("... | 3 June 2022"). A date
# elsewhere in a headline is an event's ("Les leçons du 7 octobre 2023"): never the publication date.
_EDITION = re.compile(
    r"(?:\b(?:journal|édition|revue de presse|bulletin|flash|chronique|le point|briefing|newsletter|live|direct|"
    r"news|updates|key events|en bref|l['’]essentiel|morning|evening|daily|digest|roundup|round-up)"
    r"\s*(?:du|of|for|on|:|,|-|–|—)?\s*(?:le\s+|on\s+)?(?:\w+day,?\s+|\w+di\s+)?$|\s\|\s*$)",
    re.IGNORECASE,
)
_EDITION_AR = re.compile(r"(?:نشره|النشره|حصاد|موجز|ملخص|تغطيه|اخبار|الاخبار)\s*(?:يوم|ليوم)?\s*(?:\S+)?\s*$")


def edition_date(title: str | None) -> str | None:
    """The day of an edition named in its headline (see ``_EDITION``), or None."""
    if not title:
        return None
    value = date_in_text(title)
    if value is None or len(value) < 10:
        return None
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC, _ISO, _YMD):
        m = pattern.search(title)
        if m:
            before, after = title[:m.start()], title[m.end():].strip(" .")
            return value if not after and _EDITION.search(before) else None
    if _ARABIC.search(title):
        from recoupe.understand.arabic_text import normalize_for_matching

        norm = normalize_for_matching(title)
        digits = re.search(r"\d", norm)
        return value if digits and _EDITION_AR.search(norm[:digits.start()]) else None
    return None


def publication_date(
    *,
    metadata: str | None,
    prefix: str | None,
    datelines: Sequence[str],
    url: str | None,
    title: str | None = None,
) -> Published:
    """Pick the publication date by order of trust (see the module docstring). When the date found is only a month
    or a year, a less trusted source that gives the day inside it refines it (a scraper's "date 2021-10" and the
    URL's /20211003/): never a day that disagrees with the trusted part."""
    found: list[Published] = []
    value = normalise_declared(metadata)
    if value:
        found.append(Published(value=value, basis="metadata", reason=f"page or input metadata: {metadata!r}"))
    if prefix:
        value = normalise_declared(prefix)
        if value:
            found.append(Published(value=value, basis="prefix", reason=f"scraper prefix 'date {prefix}'"))
    line = next((x for x in datelines if date_in_text(x) and not weekday_contradicts(x, date_in_text(x))), None)
    if line is not None:
        value = date_in_text(line)
        found.append(Published(value=value, basis="dateline", reason=f"dateline {line.strip()[:80]!r}"))
    value = edition_date(title)
    if value:
        found.append(Published(value=value, basis="dateline", reason=f"the day of the edition its headline names: "
                                                                      f"{(title or '')[:80]!r}"))
    value = date_from_url(url)
    if value:
        found.append(Published(value=value, basis="url", reason=f"date in the URL {url}"))
    if not found:
        return Published.unknown()
    best = found[0]
    for other in found[1:]:
        if best.value and other.value and len(other.value) > len(best.value) and other.value.startswith(best.value):
            best = Published(value=other.value, basis=other.basis,
                             reason=f"{other.reason}, the day inside the {best.basis} date {best.value}")
    return best


def author_from(datelines: Sequence[str]) -> str | None:
    for line in datelines:
        m = _AUTHOR.search(line)
        if m:
            name = (m.group(1) or m.group(2) or "").strip(" :.-|")
            if name:
                return name
        m = _NAME_THEN_DATE.match(line.strip())
        if m:
            return m.group(1)
        m = _AUTHOR_AR.search(line.strip())
        if m:
            return m.group(1).strip()
    return None


def _byline_outlet(line: str) -> str | None:
    """"By Daniel Mensah | Sahel Watch | 28 July 2022": the part that is neither author nor date."""
    parts = [p.strip() for p in re.split(r"\s[|—]\s|\s\|", line) if p.strip()]
    if len(parts) < 2:
        return None
    for part in parts:
        low = part.lower()
        if (date_in_text(part) or re.search(r"\d", part) or low.startswith(("par ", "by ", "publié", "mis à jour",
                                                                           "updated", "avec ", "with "))):
            continue
        if re.fullmatch(r"[A-Z][\w.'’\- ]{2,50}", part) and author_from([line]) != part:
            return part
    return None


def outlet_from(lines: Sequence[str], url: str | None = None, *, datelines: Sequence[str] = ()) -> str | None:
    """The outlet as the page names itself: in its byline ("By X | Sahel Watch | 28 July 2022"), its
    furniture ("Suivez bladi.net sur ...", "Rédaction LeBrief - ...", "© 2014-2025 Atlas Info."), spelled
    as the page spells it most; else the host of its URL; else None."""
    for line in datelines:
        found = _byline_outlet(line)
        if found:
            return found
    votes: Counter[str] = Counter()
    for line in lines:
        for pattern, weight in _OUTLET_SIGNS:
            for m in pattern.finditer(line.strip()):
                name = m.group(1).strip().rstrip(".")
                if name.lower() not in _NOT_OUTLETS and len(name) >= 3:
                    votes[name] += weight
    if votes:
        best = max(votes.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
        # Prefer the page's own capitalisation ("Bladi.net sur WhatsApp") to the follow link's.
        for line in lines:
            head = line.strip().split(" ", 1)[0]
            if head.lower() == best.lower() and head != best:
                return head
        return best
    if url and "://" in url:
        try:
            host = urlparse(url).hostname or ""
        except ValueError:
            return None
        return host.removeprefix("www.") or None
    return None
