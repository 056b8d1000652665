"""Tense and narrative cues of an Arabic sentence (its matching form), for ``tense.tense_of`` and
``tense.cue_before``.

Arabic marks the future with "سوف" or the prefix "سـ" on an imperfect verb ("سيزور", "ستعقد") and with words
of intent ("من المقرر", "يعتزم"); the past with perfect verbs, which open most news sentences ("قال",
"أعلنت", "وقّع", "استقبل"), and with "أمس" or "الماضي". No parser: a list of the perfect verbs of news
writing and of future-prefixed verbs, as for French and English.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "pluperfect", "future", "none"]
Cue = Literal["forward", "backward"]

# Future: "سوف", words of plan and expectation, and "سـ" + an imperfect verb from a list of news verbs (a bare
# "سي"/"ست" prefix test would take "سيارة", "سياسة", "ستة").
_FUTURE = re.compile(
    r"(?<!\w)(?:سوف|من\s+المقرر|من\s+المنتظر|من\s+المتوقع|المزمع|يعتزم|تعتزم|يزمع|تزمع|يرتقب|المرتقب|المرتقبه|"
    r"[وف]?س[يتن](?:زور|عقد|لتقي|صل|توجه|بدا|جري|شارك|وقع|ستقبل|قوم|كون|تم|عود|نظر|بحث|ناقش|حضر|غادر|صدر|علن|سلم|"
    r"تسلم|خطر|ستانف|فتتح|رسل|جتمع|رفع|دخل|طلق|ستمر|نفذ|ستضيف|صبح|زيد)|"
    # imperfect verbs that news uses for what is scheduled ("يلتقي الوزيران الأربعاء", "تنطلق المناورات غدا")
    r"[وف]?[يت](?:لتقي|زور|توجه|نطلق|ختتم|فتتح|ستضيف|جتمع|صل)|من\s+المقرر|المقرر|يرتقب|ينتظر|تنتظر|متوقع|المتوقع)(?!\w)"
)
_PAST = re.compile(
    r"(?<!\w)[وف]?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|وقع|وقعت|التقي|التقت|استقبل|استقبلت|وصل|وصلت|زار|زارت|اجري|"
    r"اجرت|عقد|عقدت|بحث|بحثت|شارك|شاركت|اختتم|اختتمت|بدا|بدات|جري|جرت|تسلم|تسلمت|اعرب|اعربت|اشار|اشارت|اضاف|"
    r"اضافت|اوضح|اوضحت|افاد|افادت|ذكر|ذكرت|نشر|نشرت|كشف|كشفت|اتفق|اتفقت|اتفقا|صادق|صادقت|وافق|وافقت|غادر|"
    r"غادرت|دعا|دعت|انهي|انهت|استانف|استانفت|ابرم|ابرمت|تبنت|تبني|اصدر|اصدرت|حذر|حذرت|جمد|جمدت|كان|كانت|"
    r"امس|الماضي|الماضيه|المنصرم|المنصرمه)(?!\w)"
)
# "كان قد" + perfect: the pluperfect of narration ("كان قد التقى ... في مارس").
_PLUPERFECT = re.compile(r"(?<!\w)(?:كان|كانت|كانوا)\s+(?:\S+\s+)?قد\s+\S+")
_FORWARD = re.compile(r"(?<!\w)(?:بعد\s+ذلك|لاحقا|ثم|فيما\s+بعد)(?!\w)")
_BACKWARD = re.compile(r"(?<!\w)(?:قبل\s+ذلك|سابقا|في\s+وقت\s+سابق)(?!\w)")


def tense_of(sentence: str) -> Tense:
    if _PLUPERFECT.search(sentence):
        return "pluperfect"
    future = _FUTURE.search(sentence) is not None
    past = _PAST.search(sentence) is not None
    if future:
        return "future"
    return "past" if past else "none"


def cue_before(prefix: str) -> Cue | None:
    if _FORWARD.search(prefix):
        return "forward"
    if _BACKWARD.search(prefix):
        return "backward"
    return None
