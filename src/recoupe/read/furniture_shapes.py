"""Shapes of page furniture that hold on any template (the general passes of ``recoupe.read.boilerplate``).

The named rules of ``recoupe.read.furniture_rules`` list the words templates print; the shapes here need no word of
a template's: a menu or breadcrumb is a row of short parts between bars or arrows; a photo's caption ends with its
credit ("… à Payerne. KEYSTONE / Pierre Martin", "… (image d'archives)", "… - أرشيفية"); a list of the most read
articles numbers its headlines ("1. …"); after the article's last paragraph, lines that are no sentence and have no
paragraph after them are the page's tail (teasers, tags, widgets). A short line that ends like a sentence, has a few
words and the words that sentences are made of, is a sentence and stays.

Set on the own-words tuning pages (``bench/own_furniture_tuning.py``) and the press dev split with the named rules
switched off (``bench/bench_furniture.py``, section 3a); re-run both, and the held-out ``bench/own_furniture.py --set
holdout``, when changing one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recoupe.read.furniture_rules import DATE_WORDS, MONTHS_EN
from recoupe.understand.arabic_text import normalize_for_matching

# A row of menu items or a breadcrumb: at least this many parts between bars or slashes (a headline may carry its
# outlet after one bar), or two between arrows; each part a few words.
MIN_MENU_PARTS = 3
MAX_PART_WORDS = 4
MAX_PART_CHARS = 32
_ARROWS = re.compile(r"\s*[›>→]\s*|\s+»\s+")  # (a "»" glued to a word closes a quotation)
_BARS = re.compile(r"\s+[|/·•]\s+|\s*\|\s*")
# "Vous êtes ici :", "You are here:", "Fil d'Ariane :" before a breadcrumb.
_NAV_LEAD = re.compile(r"^[^:]{1,25}:\s*")
_SENTENCE_END = re.compile(r"""[.!?؟…]["”»]?$""")


def _short_parts(parts: list[str]) -> bool:
    parts = [p.strip() for p in parts]
    return all(2 <= len(p) <= MAX_PART_CHARS and len(p.split()) <= MAX_PART_WORDS and not _SENTENCE_END.search(p)
               for p in parts)


def is_menu(line: str) -> bool:
    """A row of a menu's items or a breadcrumb ("Accueil › International › Afrique", "Armées | Diplomatie | Sahel",
    "Vous êtes ici : Accueil > Suisse > Politique"), whatever its words."""
    text = line.strip()
    if not text or len(text) > 160 or any(ch.isdigit() for ch in text):
        return False  # (a byline's parts between bars carry a date: "By Jane Roe | March 2, 2023 | Outlet")
    for candidate in (text, _NAV_LEAD.sub("", text, count=1)):
        arrows = [p for p in _ARROWS.split(candidate)]
        if len(arrows) >= 2 and "«" not in candidate and _short_parts(arrows):
            return True
        bars = [p for p in _BARS.split(candidate)]
        if len(bars) >= MIN_MENU_PARTS and _short_parts(bars):
            return True
    return False


# A caption's credit at its end: "… KEYSTONE / Pierre Martin", "… Ministry/Handout", "… (image d'archives)", "(DR)",
# "… - أرشيفية", "- الصورة من وزارة الدفاع", "(Source: Wikimedia)", "Image: …". A body sentence does not end so.
_CREDIT_END = re.compile(
    r"(?:\s/\s?|[a-z]/)(?:[A-Z][\w.'’\-]*)(?:\s+[A-Z][\w.'’\-]*){0,3}\)?\.?$|"
    r"/\s?(?:handout|pool|file|dr|reuters|afp|ap)\)?\.?$|"
    r"\((?:photo |image |photos |images )?(?:d['’])?archives?\)\.?$|\((?:image|photo) d['’]illustration\)\.?$|"
    r"\((?:dr|droits réservés|file|file photo|handout|illustration)\)\.?$|"
    r"\((?:source|credit|crédit|photo|image|picture)\s*:[^()]{1,60}\)\.?$",
    re.IGNORECASE)
_CREDIT_START = re.compile(r"^(?:image|photo|picture|pictured|illustration|caption|légende)\s*:\s", re.IGNORECASE)
_CREDIT_END_AR = re.compile(r"[-–—(]\s*(?:صوره |الصوره )?(?:ارشيفيه|ارشيف|من الارشيف|تعبيريه|توضيحيه)\)?\.?$|"
                            r"[-–—]\s*(?:الصوره|صوره|تصوير)\s+(?:من|ل|:)?\s*\S.{0,40}$")


def is_captioned(line: str) -> bool:
    """A photo's caption or credit, told by its credit at the end or its label at the start."""
    text = line.strip()
    if not text or len(text) > 300 or re.search(r"https?://\S+$", text):
        return False  # (a link at the end of a post: "… https://t.co/Nc0nKoX")
    if _CREDIT_END.search(text) or _CREDIT_START.match(text):
        return True
    return bool(re.search(r"[\u0600-\u06ff]", text)) and bool(_CREDIT_END_AR.search(normalize_for_matching(text)))


# "1. Le port de Dakar agrandit…", "2) Navy gets…": an item of a ranked list of other articles (no sentence end).
_RANKED = re.compile(r"^\d{1,2}\s?[.)-]\s+\S")


def is_ranked_item(line: str) -> bool:
    text = line.strip()
    return bool(_RANKED.match(text)) and not _SENTENCE_END.search(text)


# A short sentence: at least this many words, a capital (or Arabic) start, a sentence's end (not "…"), and one of the
# words sentences are made of. "Regional states welcomed the announcement." stays; "Vous aimez nos articles ?
# Soutenez…" does not end so.
MIN_SENTENCE_WORDS = 5
_FUNCTION_TEXT = (
    "le la les un une des du de au aux et ou en dans sur pour par avec que qui est sont a ont été se ne pas plus leur "
    "the a an and of to in on at for from by with as is are was were be been has have had that which will would its "
    "their")
_FUNCTION = frozenset(_FUNCTION_TEXT.split())
_SHORT_SENTENCE_END = re.compile(r"""[^.][.!]["”»]?$""")  # (a question alone is a teaser's or a prompt's)


def is_short_sentence(line: str) -> bool:
    text = line.strip()
    words = text.split()
    if len(words) < MIN_SENTENCE_WORDS or not _SHORT_SENTENCE_END.search(text):
        return False
    if re.search(r"[\u0600-\u06ff]", text[:1]):
        return True
    if not text[:1].isupper() and text[:1] not in "«\"“":
        return False
    return any(w.lower().strip(",;:'’") in _FUNCTION for w in words[1:])


# A short line that ends on a preposition, an article or a conjunction is a template's label whose value the scraper
# lost ("Published in Le Monde on", "Mis en ligne par"), unless the excerpt stops there (its last line).
_DANGLING_TEXT = ("de du des le la les à au aux par sur pour en et ou dans avec d l un une "
                  "on in by of the a an to for at and or with from via")
_DANGLING = frozenset(_DANGLING_TEXT.split())
MAX_DANGLING_CHARS = 60


def is_dangling(line: str) -> bool:
    text = line.strip()
    words = text.split()
    return (0 < len(text) < MAX_DANGLING_CHARS and len(words) >= 2 and not _SENTENCE_END.search(text)
            and words[-1].lower().strip("'’") in _DANGLING)


# A label of a few words and its colon, alone ("مشاركة :", "Partager :", "Tags:"), is a widget's whose value the
# scraper lost, unless a paragraph follows it (a speaker before the quote: "وأضاف:").
MAX_LABEL_WORDS = 2


def is_bare_label(line: str) -> bool:
    text = line.strip()
    return text.endswith(":") and 0 < len(text[:-1].split()) <= MAX_LABEL_WORDS


# A line that is only a separator ("-", "•", "***") or only a date, once the header is behind: the dates and dashes
# of a list of other articles (press dev fr014), not the article's text. Its neighbours then follow it.
_SEPARATOR_LINE = re.compile(r"^[-–—_*•·|=~.]{1,10}$")
WEEKDAYS = ("lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|"
             "sunday|mon|tue|wed|thu|fri|sat|sun")
_BARE_DATE_LINE = re.compile(
    rf"^(?:le\s+|on\s+)?(?:(?:{WEEKDAYS})\.?,?\s+)?(?:{DATE_WORDS}|(?:{MONTHS_EN}|"
    rf"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})"
    r"(?:,?\s*(?:à|at|-|–)?\s*\d{1,2}[:h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:gmt|utc|cet|ist|et))?)?$",
    re.IGNORECASE)


def mark_strips(lines: Sequence[str], labels: list[str], reasons: list[str]) -> None:
    for i, line in enumerate(lines):
        if labels[i] in ("heading", "uncertain", "body"):
            text = line.strip()
            if _SEPARATOR_LINE.match(text) or _BARE_DATE_LINE.match(text):
                labels[i] = "boilerplate"
                reasons[i] = "strip"


def is_bare_date(line: str) -> bool:
    """A line that is only a date (and maybe its time): a dateline once on a page, a list's when the page repeats it."""
    return bool(_BARE_DATE_LINE.match(line.strip()))
