"""Amounts in Arabic arms news, as stated: sums of money ("ملياري دولار", "2.5 مليار يورو"; "بمليارات
الدولارات" states none) and a part of a whole order ("8 فقط من أصل 12"). Pure functions of the text, matched on
its normalised form (``arabic_text``); used by the Arabic event rules (``arabic.py``)."""

from __future__ import annotations

import re
from typing import Any

from recoupe.understand.arabic_text import normalize_with_offsets

__all__ = ["MAX_COUNT", "parse_value_ar", "part_of_total"]


def _n(text: str) -> str:
    return normalize_with_offsets(text)[0]


# Counts above this are no numbers of weapons (a year, a sum).
MAX_COUNT = 1000

# "8 فقط من أصل 12", "ثلاث من أصل 12": a part of the whole order.
_PART_OF_TOTAL = re.compile(r"(?<![\d.,])(\d{1,4})\s+(?:فقط\s+)?من\s+(?:اصل|اجمالي|مجموع)\s+(\d{1,4})(?![\d])")


def part_of_total(text: str) -> tuple[int, int] | None:
    """(part, total) when the sentence counts a part of a whole ("8 فقط من أصل 12" -> (8, 12))."""
    m = _PART_OF_TOTAL.search(_n(text))
    if m is None:
        return None
    part, total = int(m.group(1)), int(m.group(2))
    return (part, total) if 0 < part < total <= MAX_COUNT else None


_SCALE = {"مليار": 10**9, "مليارات": 10**9, "ملياري": 2 * 10**9, "مليارا": 10**9, "مليون": 10**6,
          "ملايين": 10**6, "مليوني": 2 * 10**6, "مليونا": 10**6, "الف": 10**3, "آلاف": 10**3}
_CURRENCY = {"دولار": "USD", "دولارا": "USD", "دولارات": "USD", "يورو": "EUR", "جنيه": "EGP", "دينار": "DZD",
             "درهم": "MAD", "ريال": "SAR", "روبل": "RUB", "ليرة": "TRY"}
# Plural scale words without a number before them say "billions", "millions": no amount.
_UNCOUNTED_SCALES = frozenset({"مليارات", "ملايين"})
_VALUE = re.compile(r"(?:(\d+(?:[.,]\d+)?)\s*)?(مليارات|مليارا|ملياري|مليار|ملايين|مليوني|مليونا|مليون)\s+"
                    r"(?:من\s+)?(?:ال)?(دولارات|دولارا|دولار|يورو|جنيه|دينار|درهم|ريال|روبل|ليره)"
                    r"(?:\s+(?:ال)?(استرليني|سعودي|قطري|اماراتي|اردني|جزايري|كويتي|مصري))?")
# A currency word's state, when written after it: "جنيه إسترليني" is the pound sterling, not the Egyptian pound.
_QUALIFIED = {("جنيه", "استرليني"): "GBP", ("ريال", "قطري"): "QAR", ("درهم", "اماراتي"): "AED",
              ("دينار", "اردني"): "JOD", ("دينار", "كويتي"): "KWD", ("دينار", "جزايري"): "DZD",
              ("ريال", "سعودي"): "SAR", ("جنيه", "مصري"): "EGP"}


def parse_value_ar(text: str) -> dict[str, Any] | None:
    """A sum of money as an Arabic text states it: "ملياري دولار" -> {2000000000, USD}; "2.5 مليار دولار"
    -> {2500000000, USD}; "مليار يورو" -> {1000000000, EUR}. No conversion."""
    norm = _n(text)
    m = _VALUE.search(norm)
    if m is None:
        return None
    scale_word = m.group(2)
    if not m.group(1) and scale_word in _UNCOUNTED_SCALES:
        return None  # "بمليارات الدولارات", "عشرات الملايين": billions, not one billion; no sum stated
    scale = _SCALE.get(scale_word, 1)
    number = float(m.group(1).replace(",", ".")) if m.group(1) else 1.0
    if m.group(1) and scale_word in ("ملياري", "مليوني"):
        scale //= 2
    currency = _QUALIFIED.get((m.group(3), m.group(4) or "")) or _CURRENCY.get(m.group(3).replace("ليره", "ليرة"))
    if currency is None:
        return None
    amount = number * scale
    return {"amount": round(amount) if abs(amount - round(amount)) < 1e-6 else amount, "currency": currency}
