"""The words Arabic defence and diplomatic news tells its events with (``arabic``): the trigger verbs and
nouns of each category with the frame that says how its sides are read, the weapon nouns that make a deal, the
agreement nouns a signing verb needs, and the words that name the article's two states ("البلدين"). All are
matched on the normalised text (``arabic_text.normalize_for_matching``), with the clitics و/ف/ب/ل before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recoupe.understand.arabic_text import normalize_with_offsets
from recoupe.understand.events._common import Category


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
    frame: str = ""  # "visit_to", "host", "supply", "sell", "buy", "deliver", "warn", "mediate", "break"


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
    # "وافقت واشنطن على بيع 18 طائرة إلى الأردن", "تعتزم اليونان بيع مقاتلات إلى الهند": the seller is named
    _t("ARMS_TRANSFER", _words("بيع", "يبيع", "تبيع", "سيبيع", "ستبيع", "باع", "باعت"), "sell"),
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
    # "قطع المغرب علاقاته مع", "سحب سفيرها من", "استدعت الخارجية السفير": the verb and its own noun
    _t("DIPLOMATIC_RELATIONS", r"(?:(?:قطع|قطعت)\s+(?:ال)?علاقات|(?:سحب|طرد|استدعاء)\s+(?:ال)?سفير|"
                               r"(?:استدعت|استدعي|تستدعي|يستدعي|طردت)(?:\s+\w+){0,4}?\s+(?:ال)?سفير)(?:ه|ها|هما|يها|يه)?",
       "break"),
    # agreements: a signing verb with an agreement noun (checked in _agreement_noun)
    _t("AGREEMENT", _words("وقع", "وقعا", "وقعت", "وقعتا", "يوقع", "يوقعان", "توقيع", "التوقيع", "أبرم",
                           "أبرمت", "إبرام", "توقع", "سيوقع", "ستوقع", "توقعان", "سيوقعان", "ستوقعان")),
    _t("COOPERATION", _words("مجلس التعاون الاستراتيجي", "المجلس الاستراتيجي", "رفع مستوى التعاون",
                             "الشراكة الاستراتيجية", "إعلان الشراكة", "تعاون عسكري", "التعاون العسكري",
                             "التعاون الدفاعي")),
    _t("MEDIATION", _words("بوساطة", "وساطة", "الوساطة", "برعاية", "رعاية"), "mediate"),
    # visits and meetings
    _t("VISIT", _words("زيارة", "يزور", "زار", "سيزور", "يتوجه", "توجه", "سيتوجه", "وصل", "يصل", "سيصل",
                       "حل ضيفا"), "visit_to"),
    _t("VISIT", _words("استقبل", "يستقبل", "استقبال"), "host"),
    _t("MEETING", _words("التقى", "يلتقي", "اجتمع", "اجتمعا", "يجتمع", "سيجتمع", "لقاء", "للقاء", "اجتماع",
                         "اجتماعا", "محادثات", "مباحثات",
                         "قمة", "اتصال هاتفي", "اتصالا هاتفيا", "مكالمة هاتفية", "تصافحا")),
    # "بحث الرئيس مع نظيره", "بحث وزيرا خارجية مصر والأردن": talks; the verb only (no article: "البحث" is
    # research), and a meeting needs two states (_event)
    _TriggerDef("MEETING", re.compile(r"(?<![\w])(?:[وف])?(?:بحث|بحثا|بحثت|يبحث|يبحثان|تبحث|سيبحث|سيبحثان)"
                                      r"(?![\w])")),
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


# "وزارة", "وزارات": the ministry, not "و" + "زار" (visited) + a suffix.
_MINISTRY = re.compile(r"(?:[وف])?(?:[بل])?وزار(?:ه|ت|ات|تي|تها)")


@dataclass(slots=True)
class _Hit:
    d: _TriggerDef
    start: int  # offsets in the article text
    end: int
