"""Arabic text normalised for matching, the text itself kept as written.

Arabic press text carries marks that change its bytes but not its words: tatweel (the stretching
``ـ``), short-vowel diacritics (harakat, shadda, sukun), Unicode direction controls (LRM, RLM, the
ALM ``U+061C``, embeddings and isolates), zero-width joiners, presentation-form letters, Arabic-Indic
digits (``٠١٢`` and the Persian ``۰۱۲``), and spelling variants of one word (``أ إ آ ٱ`` for ``ا``,
``ى`` for ``ي``, ``ة`` for ``ه``; the Persian ``ک ی`` for ``ك ي``). Matchers (knowledge-base names,
temporal rules, furniture lines) compare the normalised forms; quotes and offsets always index the
original text. ``normalize_with_offsets`` gives, for each character of the normalised text, the offset
of the original character it came from, so a span found in the normalised text maps back exactly.

    >>> normalize_for_matching("الرئيسُ عبدُ المجيد تبّون")
    'الرييس عبد المجيد تبون'
    >>> fold_digits("٢٠ سبتمبر ۲۰۲۲")
    '20 سبتمبر 2022'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

TATWEEL = "\u0640"
# Harakat, shadda, sukun, superscript alef and the Quranic annotation marks: dropped for matching.
DIACRITICS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"] + [chr(c) for c in range(0x06D6, 0x06EE)]
    + [chr(c) for c in range(0x0610, 0x061B)]
)
# Direction and joining controls: LRM, RLM, ALM, LRE..RLO, LRI..PDI, ZWNJ, ZWJ, ZWSP, BOM.
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                          "\u200b\u200c\u200d\ufeff")
_DROPPED = DIACRITICS | BIDI_CONTROLS | {TATWEEL}

_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_DIGIT_TABLE = str.maketrans(_DIGITS)

# Letter variants that Arabic news writes interchangeably (hamza seats, alef maqsura, ta marbuta) and the
# Persian letter forms that keyboards produce in Arabic text.
_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك",
    "،": ",", "؛": ";", "؟": "?", "٫": ".", "٬": ",",
}


def fold_digits(text: str) -> str:
    """``text`` with Arabic-Indic (``٠``-``٩``) and Persian (``۰``-``۹``) digits replaced by ASCII digits.

    One character for one: offsets are unchanged.
    """
    return text.translate(_DIGIT_TABLE)


def _fold_char(ch: str) -> str:
    """The matching form of one character: "" when it is dropped, possibly several for a ligature."""
    if ch in _DROPPED:
        return ""
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch in _LETTERS:
        return _LETTERS[ch]
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        # Presentation forms (isolated/initial/final glyphs, lam-alef ligatures): their compatibility letters. Some
        # code points of these blocks are their own compatibility form (the ornate parentheses "﴾﴿" of a quoted verse).
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch:
            return "".join(_fold_char(c) for c in folded)
    return ch.lower()


def normalize_with_offsets(text: str) -> tuple[str, tuple[int, ...]]:
    """The matching form of ``text`` and, for each of its characters, the offset in ``text`` it came from.

    A span ``[i, j)`` of the normalised text covers ``text[origin[i]:origin[j - 1] + 1]``.
    """
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        origin.extend([i] * len(folded))
    return "".join(out), tuple(origin)


def normalize_for_matching(text: str) -> str:
    """``text`` for comparison: no tatweel, diacritics or direction controls, ASCII digits, one form for the
    letter variants (``أ إ آ`` → ``ا``, ``ى`` → ``ي``, ``ة`` → ``ه``, ``ؤ`` → ``و``, ``ئ`` → ``ي``), Arabic
    punctuation as ASCII, Latin letters lower-cased. Not the same length as ``text`` in general: use
    ``normalize_with_offsets`` to map a match back."""
    return normalize_with_offsets(text)[0]


def original_span(origin: tuple[int, ...], start: int, end: int) -> tuple[int, int]:
    """The span of the original text that the normalised span ``[start, end)`` came from."""
    if end <= start:
        raise ValueError(f"empty span [{start}, {end})")
    return origin[start], origin[end - 1] + 1



def is_arabic_letter(ch: str) -> bool:
    """True for a letter of the Arabic script (any language written in it)."""
    code = ord(ch)
    return 0x0620 <= code <= 0x064A or 0x066E <= code <= 0x06D3 or 0x06FA <= code <= 0x06FF or \
        0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFC


# --- calendar words, keyed by their matching form --------------------------------------------------------

def _keyed(table: dict[str, int]) -> dict[str, int]:
    return {normalize_for_matching(word): value for word, value in table.items()}


# Gregorian month names as the Arab press writes them: the Egyptian/Gulf forms (يناير), the Maghreb's French
# loans (جانفي, فيفري, أفريل, جوان, جويلية, أوت), Morocco's (يوليوز, غشت, شتنبر, نونبر, دجنبر) and the Levant's
# Syriac names (كانون الثاني ... أيلول ... كانون الأول). Outlets often write both: "أيلول/سبتمبر".
GREGORIAN_MONTHS = _keyed({
    "يناير": 1, "جانفي": 1, "كانون الثاني": 1, "فبراير": 2, "فيفري": 2, "شباط": 2,
    "مارس": 3, "آذار": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "أفريل": 4, "نيسان": 4,
    "مايو": 5, "ماي": 5, "أيار": 5, "يونيو": 6, "يونيه": 6, "جوان": 6, "حزيران": 6,
    "يوليو": 7, "يوليه": 7, "جويلية": 7, "يوليوز": 7, "تموز": 7, "أغسطس": 8, "اغسطس": 8, "أوت": 8, "غشت": 8,
    "آب": 8, "سبتمبر": 9, "شتنبر": 9, "أيلول": 9, "أكتوبر": 10, "تشرين الأول": 10,
    "نوفمبر": 11, "نونبر": 11, "تشرين الثاني": 11, "ديسمبر": 12, "دجنبر": 12, "كانون الأول": 12,
})
HIJRI_MONTHS = _keyed({
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الاول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
})
# ISO weekday numbers (Monday 1).
WEEKDAYS = _keyed({
    "الاثنين": 1, "الإثنين": 1, "الثلاثاء": 2, "الأربعاء": 3, "الاربعاء": 3, "الخميس": 4, "الجمعة": 5,
    "السبت": 6, "الأحد": 7,
})


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of matching-form words, longest first, spaces matching any run of spaces."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))
