"""Whether an Arabic news sentence reports an assault or a protest (PLOVER ASSAULT and PROTEST), as the Open
Event Data Alliance's Arabic gold standard records ask (``bench/bench_arabic_gsr.py``): a sentence is an
event when it narrates a violent act or a demonstration that took place — a trigger of the kind (قتل, هجوم,
تفجير, اشتباكات...; تظاهر, احتجاج, اعتصام, إضراب...) told as an act (a past verb or an event noun with its
participants or victims), not a question, a commentary on violence in general, a denial or a threat.

Two readers: ``detect``, the rules (pure functions of the sentence text, matched on the normalised text,
``arabic_text``), and ``classify``, the sentence classifier's Arabic heads (``classifier.arabic_detector``:
the USE embedding and hashed words of the sentence, trained on the dev half of the benchmark and our Arabic
sentences), which ``bench/bench_arabic_gsr.py`` measures beside the rules on the held-out half.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recoupe.understand.arabic_text import normalize_for_matching

__all__ = ["classify", "detect"]


def _alt(*forms: str) -> str:
    return "(?:" + "|".join(sorted((re.escape(normalize_for_matching(f)) for f in forms), key=len,
                                   reverse=True)) + ")"


_PRE = r"(?<![\w])(?:[وف])?(?:[بلك])?(?:ال)?"
_ASSAULT = re.compile(_PRE + _alt(
    "قتل", "قتلت", "قتلوا", "مقتل", "اغتيال", "اغتيل", "اغتالت", "هجوم", "هجوما", "هجمات", "هاجم", "هاجمت",
    "هاجموا", "قصف", "قصفت", "غارة", "غارات", "تفجير", "تفجيرات", "انفجار", "انفجرت", "فجر", "انتحاري",
    "انتحارية", "مفخخة", "مفخخه", "ناسفة", "اشتباك", "اشتباكات", "اشتبك", "اطلق النار", "اطلقوا النار",
    "إطلاق نار", "اطلاق النار", "خطف", "اختطف", "اختطاف", "خطفوا", "اعتدى", "اعتداء", "اعتداءات", "استهدف",
    "استهدفت", "كمين", "ذبح", "طعن", "قذيفة", "قذائف", "صاروخ", "صواريخ", "جرح", "جرحى", "اصيب", "اصابة",
    "قتلى", "قتيل", "قتيلا", "مسلحون", "مسلحين", "اقتحم", "اقتحمت", "اقتحموا", "عذب", "تعذيب", "ضرب",
) + r"\w{0,3}(?![\w])")
_PROTEST = re.compile(_PRE + _alt(
    "تظاهر", "تظاهرة", "تظاهرات", "مظاهرة", "مظاهرات", "متظاهر", "متظاهرون", "متظاهرين", "احتج", "احتجاج",
    "احتجاجا", "احتجاجات", "احتجاجية", "محتج", "محتجون", "محتجين", "اعتصام", "اعتصم", "معتصمين", "معتصمون",
    "إضراب", "اضراب", "مضربين", "مسيرة", "مسيرات", "تجمع", "تجمهر", "هتف", "هتافات", "شعارات", "عصيان",
    "انتفاضة", "قطع طريق", "قطعوا", "احرق نفسه", "احراق نفسه", "رشق", "نزلوا", "نزل الى الشارع", "الشارع",
) + r"\w{0,3}(?![\w])")
# Signs that a sentence does not narrate a particular act: a question, a condition, a denial, a generic
# or future statement.
_NOT_AN_ACT = re.compile(r"[?؟]|(?<![\w])(?:هل|لو|اذا|ان لم|نفى|نفت|ينفي|سوف|ستقوم|يجب|ينبغي|ظاهرة)(?![\w])")
# A narrated assault has its toll or a perfective attack verb ("لقي مصرعه", "أسفر عن سقوط قتلى", "هاجم
# مسلحون"); a narrated protest a perfective verb of demonstrating ("تظاهر", "خرجوا", "احتشد"). Set on the
# even rows of the benchmark (bench/bench_arabic_gsr.py reports the odd rows apart).
_ASSAULT_ACT = re.compile(
    r"(?<![\w])(?:[وف])?(?:قتيل\w*|قتلي|جرحي|مصرع\w*|اصابه|اصيب\w*|سقوط|مقتل|قتل\w{0,2}|اغتيل|اغتالت|هاجم\w{0,2}|"
    r"قصفت|انفجرت|فجر|اطلق\w{0,2}|خطف\w{0,2}|اختطف\w{0,2}|اقتحم\w{0,2}|استهدف\w{0,2}|لقي|سقط|اسفر\w?)(?![\w])")
_PROTEST_ACT = re.compile(
    r"(?<![\w])(?:[وف])?(?:تظاهر\w{0,2}|خرج\w{0,2}|تجمع\w{0,2}|تجمهر\w{0,2}|اعتصم\w{0,2}|احتشد\w{0,2}|نظم\w{0,2}|"
    r"هتف\w{0,2}|رفعوا|رشقوا|قطعوا|احرق)(?![\w])")
# Shortest sentence read (characters): a heading or a fragment says nothing.
MIN_CHARS = 30


def detect(sentence: str) -> frozenset[str]:
    """The PLOVER types ("ASSAULT", "PROTEST") the sentence reports as acts that took place."""
    text = normalize_for_matching(sentence)
    if len(text) < MIN_CHARS or _NOT_AN_ACT.search(text):
        return frozenset()
    out = set()
    if _ASSAULT.search(text) and _ASSAULT_ACT.search(text):
        out.add("ASSAULT")
    if _PROTEST.search(text) and _PROTEST_ACT.search(text):
        out.add("PROTEST")
    return frozenset(out)


def classify(sentences: Sequence[str]) -> list[frozenset[str]]:
    """The PLOVER types ("ASSAULT", "PROTEST") the sentence classifier reads in each sentence: those whose
    probability reaches the head's threshold (empty for a text too short to read)."""
    from recoupe.understand.events.classifier import arabic_detector, arabic_thresholds

    thresholds = arabic_thresholds()
    return [frozenset(k for k, p in probs.items() if p >= thresholds[k]) for probs in arabic_detector()(sentences)]
