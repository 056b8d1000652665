"""Sums of money and counts written in words, in French, English and Arabic: "trois milliards d'euros", "cinq
milliards de francs suisses", "some $3.5 billion", "about 19 billion dollars", "16 مليار يورو", "ستة مليارات
دولار"; counts "six", "vingt-quatre", "twenty-four", "أربعة وعشرين".

``amounts`` lists every sum a sentence states (with where it stands); a range ("3 à 5 milliards", "between $3 and
$5 billion") states no one sum and is left out. The currency is the one written, as its ISO 4217 code: "francs suisses"
is CHF; a bare "francs" states none (Swiss, CFA or old French francs: no guess), and is read only when asked
(``BARE_FRANCS``). Nothing is converted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["BARE_FRANCS", "BARE_RUPEES", "CURRENCY_RE", "FRANC_CURRENCIES", "RUPEE_CURRENCIES", "Amount", "amounts",
           "currency_code", "number_in_words", "rupees_of"]

# The currency of a sum written in "francs" with no country: not an ISO code, never a deal's value; the fusion
# compares it with the one franc (``FRANC_CURRENCIES``) the other sources of the deal name, as stated.
BARE_FRANCS = "francs"
FRANC_CURRENCIES = frozenset({"CHF", "XOF", "XAF", "FRF"})
# The currency of a sum in "rupees" with no country: India's, Pakistan's, Sri Lanka's, Nepal's or Mauritius's. Kept
# as stated (not an ISO code) unless a party to the deal pays in rupees (``rupees_of``).
BARE_RUPEES = "rupees"
_RUPEE_STATES = {"IND": "INR", "PAK": "PKR", "LKA": "LKR", "NPL": "NPR", "MUS": "MUR", "SYC": "SCR"}
RUPEE_CURRENCIES = frozenset(_RUPEE_STATES.values())

_UNITS = {
    # French
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    "cents": 100,
    # English
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    # Arabic (hamza and ta marbuta folded, see _fold_ar)
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5,
    "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "مئه": 100, "مائه": 100,
}
# "et", "and", the Arabic "و" joined to the next word: "vingt et un", "أربعة وعشرين"
_JOINERS = frozenset({"et", "and", "-"})

_SCALES = {
    "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9, "billion": 10**9,
    "billions": 10**9, "bn": 10**9, "mrd": 10**9, "md": 10**9, "mn": 10**6, "m": 10**6, "thousand": 10**3,
    "mille": 10**3,
    "مليار": 10**9, "مليارات": 10**9, "مليارا": 10**9, "مليون": 10**6, "ملايين": 10**6, "مليونا": 10**6,
    "الف": 10**3, "الاف": 10**3,
    # Indian English: a crore is ten million, a lakh a hundred thousand ("Rs 500 crore", "5,000 crore rupees")
    "trillion": 10**12, "trillions": 10**12,  # "2 trillion won": Korean and Japanese budgets
    "crore": 10**7, "crores": 10**7, "lakh": 10**5, "lakhs": 10**5,
}
_INDIAN_SCALES = frozenset({"crore", "crores", "lakh", "lakhs"})
# dual forms: "ملياري دولار" is two billion
_DUAL_SCALES = {"ملياري": 10**9, "مليوني": 10**6}

# The currencies a defence press writes, in English, French and Arabic, as ISO 4217 codes. Order matters: the
# first pattern that matches wins, so a qualified name ("Australian dollars", "livres turques", "Pakistani
# rupees", "جنيه إسترليني") comes before the bare one ("dollars", "livres", "rupees", "جنيه"). A bare name that
# several countries share is read only where one country's is the usual sense in that press ("ريال": Saudi
# Arabia, as before; "Rs" before a figure, India's press); "rupees" alone stays as stated (``BARE_RUPEES``);
# "dinars", "lira", "kroner", "rials" alone name no currency (Algeria or Kuwait, Turkey or Lebanon, Norway or
# Denmark, Iran or Oman).
_CURRENCIES = (
    (r"francs?\s+suisses|Swiss\s+francs?|francs?\s+CHF|CHF|فرنك(?:ات)?\s+سويسري(?:ة)?", "CHF"),
    (r"francs?\s+CFA|CFA\s+francs?|FCFA|XOF", "XOF"),
    (r"A\$|AUD|Australian\s+dollars?|dollars?\s+australiens|دولار(?:ات)?\s+[أا]سترالي(?:ة)?", "AUD"),
    (r"C\$|CAD|Canadian\s+dollars?|dollars?\s+canadiens|دولار(?:ات)?\s+كندي(?:ة)?", "CAD"),
    (r"NZ\$|NZD|New\s+Zealand\s+dollars?|dollars?\s+néo-zélandais", "NZD"),
    (r"S\$|SGD|Singapore\s+dollars?|dollars?\s+singapouriens", "SGD"),
    (r"NT\$|TWD|(?:New\s+)?Taiwan\s+dollars?|dollars?\s+taïwanais", "TWD"),
    (r"US\$|USD|\$|dollars?\s+am[ée]ricains|dollars?|دولار(?:ا|ات)?", "USD"), (r"€|EUR|euros?|يورو", "EUR"),
    (r"Turkish\s+liras?|liras?\s+turques|livres?\s+turques|TRY|ليرة\s+تركية", "TRY"),
    (r"Lebanese\s+pounds?|livres?\s+libanaises|LBP|ليرة\s+لبنانية", "LBP"),
    (r"Egyptian\s+pounds?|livres?\s+[ée]gyptiennes|EGP|جنيه(?:ا)?\s+مصري", "EGP"),
    (r"£|GBP|livres?\s+sterling|pounds?\s+sterling|pounds?|جنيه(?:ا)?\s+[إا]سترليني", "GBP"),
    (r"UAE\s+dirhams?|Emirati\s+dirhams?|dirhams?\s+[ée]miratis|AED|درهم(?:ا)?\s+[إا]ماراتي", "AED"),
    (r"dirhams?|MAD|درهم", "MAD"), (r"shekels?|sheqels?|NIS|ILS|شيكل|شيقل", "ILS"),
    (r"roubles?|rubles?|روبل", "RUB"), (r"yuans?|renminbi|CNY|RMB|يوان", "CNY"),
    (r"yens?|JPY|ين", "JPY"), (r"won|wons|KRW|وون", "KRW"),
    (r"Pakistani\s+rupees?|roupies?\s+pakistanaises|PKR|روبية\s+باكستانية", "PKR"),
    (r"rupiahs?|Indonesian\s+rupiahs?|roupies?\s+indon[ée]siennes|IDR|روبية\s+[إا]ندونيسية", "IDR"),
    (r"Sri\s+Lankan\s+rupees?|roupies?\s+srilankaises|LKR", "LKR"), (r"Nepalese\s+rupees?|NPR", "NPR"),
    (r"Indian\s+rupees?|roupies?\s+indiennes|INR|₹|Rs\.?|روبية\s+هندية", "INR"),
    (r"rupees?|roupies?|روبية", BARE_RUPEES),
    (r"dinars?\s+alg[ée]riens|Algerian\s+dinars?|DZD|دينار(?:ا)?\s+جزائري", "DZD"),
    (r"Kuwaiti\s+dinars?|dinars?\s+kowe[iï]tiens|KWD|دينار(?:ا)?\s+كويتي", "KWD"),
    (r"Iraqi\s+dinars?|dinars?\s+irakiens|IQD|دينار(?:ا)?\s+عراقي", "IQD"),
    (r"Jordanian\s+dinars?|dinars?\s+jordaniens|JOD|دينار(?:ا)?\s+[أا]ردني", "JOD"),
    (r"Tunisian\s+dinars?|dinars?\s+tunisiens|TND|دينار(?:ا)?\s+تونسي", "TND"),
    (r"Libyan\s+dinars?|dinars?\s+libyens|LYD|دينار(?:ا)?\s+ليبي", "LYD"),
    (r"Bahraini\s+dinars?|dinars?\s+bahre[iï]niens|BHD|دينار(?:ا)?\s+بحريني", "BHD"),
    (r"Qatari\s+riy?als?|riy?als?\s+qataris|QAR|ريال(?:ا)?\s+قطري", "QAR"),
    (r"Omani\s+riy?als?|riy?als?\s+omanais|OMR|ريال(?:ا)?\s+عماني", "OMR"),
    (r"Iranian\s+rials?|rials?\s+iraniens|IRR|ريال(?:ا)?\s+[إا]يراني", "IRR"),
    (r"Saudi\s+riy?als?|riy?als?\s+saoudiens|SAR|ريال(?:ا)?(?:\s+سعودي)?", "SAR"),
    (r"zlotys?|złotys?|złote|PLN|زلوتي", "PLN"),
    (r"(?:Swedish\s+)?kronor|Swedish\s+crowns?|couronnes?\s+su[ée]doises|SEK|كرونة\s+سويدية", "SEK"),
    (r"Norwegian\s+kroner|Norwegian\s+crowns?|couronnes?\s+norv[ée]giennes|NOK|كرونة\s+نرويجية", "NOK"),
    (r"Danish\s+kroner|Danish\s+crowns?|couronnes?\s+danoises|DKK|كرونة\s+دنماركية", "DKK"),
    (r"Czech\s+korun[ay]|Czech\s+crowns?|couronnes?\s+tch[èe]ques|CZK", "CZK"),
    (r"جنيه", "EGP"),
    # last: "francs" alone, Swiss, CFA or old French francs; read only when asked (``amounts(bare_francs=True)``)
    (r"francs?", BARE_FRANCS),
)
CURRENCY_RE = "|".join(f"(?:{p})" for p, _ in _CURRENCIES)

_WORD = r"[^\W\d_]+"
_NUMBER = (rf"\d{{1,3}}(?:[\u202f\u00a0 ]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
           rf"|{_WORD}(?:(?:[-\s]+(?:et\s+|and\s+)?|\s+و){_WORD}){{0,3}}")
_SCALE_RE = "|".join(sorted((re.escape(s) for s in [*_SCALES, *_DUAL_SCALES]), key=len, reverse=True))
# A currency sign before the figure ("Rs 500 crore": rupees); "A$", "NT$" before the bare "$" (not US dollars).
_PREFIX = r"US\$|A\$|C\$|NZ\$|S\$|NT\$|(?<![A-Za-z])\$|€|£|₹|\bRs\.?"
_SUM = re.compile(
    rf"(?P<pre>{_PREFIX})?\s?(?P<num>{_NUMBER})?\s*(?P<scale>{_SCALE_RE})(?![\w])\s*"
    rf"(?:(?:de|d['’]|of|من)\s*)?(?P<cur>{CURRENCY_RE})(?![\w])"
    rf"|(?P<pre2>{_PREFIX})\s?(?P<num2>{_NUMBER})\s*(?P<scale2>{_SCALE_RE})(?![\w])",
    re.IGNORECASE,
)
# "3 à 5 milliards", "between 3 and 5 billion", "de 3 à 5", "3-5 billion", "بين 3 و5 مليارات"
_RANGE_BEFORE = re.compile(
    r"(?:\d|\b(?:" + "|".join(k for k in _UNITS if k.isascii()) + r"))\s*(?:à|a|to|et|and|-|–|و)\s*$", re.IGNORECASE)
_APPROX = re.compile(r"(?:environ|quelque|près de|pres de|de l['’]ordre de|about|some|around|nearly|almost|roughly|"
                     r"approximately|approximativement|حوالي|نحو|قرابة)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum as stated: ``amount`` in units of ``currency`` (its ISO 4217 code),
    where it stands in the text, and whether the text calls it approximate ("environ", "some")."""

    amount: int | float
    currency: str
    start: int
    end: int
    approximate: bool = False

    def as_value(self) -> dict[str, int | float | str]:
        return {"amount": self.amount, "currency": self.currency}


def _fold_ar(word: str) -> str:
    return word.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ة", "ه").replace("ى", "ي")


def number_in_words(text: str) -> int | None:
    """A whole number written in words or digits: "trois" 3, "vingt-quatre" 24, "quatre-vingts" 80, "twenty
    four" 24, "أربعة وعشرين" 24, "17" 17; None when a word is no number word."""
    t = text.strip().lower().replace("\u202f", "").replace("\u00a0", "")
    if re.fullmatch(r"\d+", t):
        return int(t)
    words = [w for w in re.split(r"[\s-]+", t) if w]
    total, current, seen, previous = 0, 0, False, ""
    for w in words:
        if w in _JOINERS:
            continue
        w = _fold_ar(w)
        if w not in _UNITS and w.startswith("و") and w[1:] in _UNITS:
            w = w[1:]  # "وعشرين"
        n = _UNITS.get(w)
        if n is None:
            return None
        seen = True
        if n == 100:
            current = (current or 1) * 100
        elif w in ("vingt", "vingts") and previous == "quatre":
            current = current - 4 + 80  # "quatre-vingt(s)"
        else:
            current += n
        previous = w
    total += current
    return total if seen else None


def _number(raw: str) -> tuple[float, int] | None:
    """The number a phrase ends with and where it starts in it: "12,5" (12.5, 0), "de l'ordre de trois" (3, 15)."""
    raw = raw.rstrip()
    if raw and raw[0].isdigit():
        digits = raw.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
            return None  # "3,000" before a scale is ambiguous: no reading
        try:
            return float(digits.replace(",", ".")), 0
        except ValueError:
            return None
    # words: the longest tail of the phrase that reads as a number ("environ cinq" -> "cinq")
    starts = [m.start() for m in re.finditer(r"\S+", raw)]
    for at in starts:
        n = number_in_words(raw[at:])
        if n is not None:
            return float(n), at
    return None


def currency_code(word: str) -> str | None:
    """The ISO 4217 code of a currency as written ("Swiss francs" CHF, "roupies" INR), ``BARE_FRANCS`` for
    "francs" alone, None for a word that names no currency."""
    for pattern, code in _CURRENCIES:
        if re.fullmatch(pattern, word.strip(), re.IGNORECASE):
            return code
    return None


def rupees_of(parties: set[str | None]) -> str | None:
    """The ISO code of bare "rupees" when exactly one party to the deal pays in rupees, else None."""
    codes = {_RUPEE_STATES[c] for c in parties if c in _RUPEE_STATES}
    return codes.pop() if len(codes) == 1 else None


def amounts(text: str, bare_francs: bool = False) -> list[Amount]:
    """Every sum of money ``text`` states, in order; ranges left out. A sum in "francs" with no country is left
    out too unless ``bare_francs`` (its currency then ``BARE_FRANCS``)."""
    folded = unicodedata.normalize("NFC", text)
    out: list[Amount] = []
    for m in _SUM.finditer(folded):
        pre = m.group("pre") or m.group("pre2")
        num = m.group("num") if m.group("num") is not None else m.group("num2")
        scale_word = (m.group("scale") or m.group("scale2") or "").lower()
        cur = m.group("cur") or pre
        if not cur:
            continue
        currency = currency_code(cur)
        if pre and m.group("cur") and currency_code(pre) != currency:
            currency = currency_code(pre)  # "$2 billion won by X": the sign says the currency, "won" is a verb
        if currency is None or (currency == BARE_FRANCS and not bare_francs):
            continue
        num_at = m.start("num") if m.group("num") is not None else m.start("num2") if m.group("num2") else m.start()
        if num and scale_word in _INDIAN_SCALES:  # "5,000 crore": Indian digit groups, never a decimal comma
            num = re.sub(r"(?<=\d),(?=\d)", "", num)
        read = _number(num) if num else None
        scale = _SCALES.get(scale_word) or _SCALES.get(_fold_ar(scale_word)) or _DUAL_SCALES.get(scale_word, 1)
        if read is not None:
            number, start = read[0], num_at + read[1]
        elif scale_word in _DUAL_SCALES:  # "ملياري دولار": two billion
            number, start, scale = 2.0, m.start("scale"), _DUAL_SCALES[scale_word]
        elif _fold_ar(scale_word) in ("مليار", "مليون") and not re.match(r"\w", folded[m.start("scale") - 1:m.start(
                "scale")]):  # "مليار دولار": one billion ("بمليارات الدولارات", billions: no figure)
            number, start = 1.0, m.start("scale")
        else:
            continue  # "plusieurs milliards", "billions of dollars": no figure
        if pre:
            start = min(start, m.start("pre") if m.group("pre") else m.start("pre2"))
        if _RANGE_BEFORE.search(folded[max(0, start - 20):start]):
            continue
        value = number * scale
        amount: int | float = round(value) if abs(value - round(value)) < 1e-6 else value
        approximate = bool(_APPROX.search(folded[max(0, start - 25):start]))
        out.append(Amount(amount, currency, start, m.end(), approximate))
    return out
