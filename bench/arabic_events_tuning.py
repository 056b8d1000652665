"""The tuning set of the Arabic events rules (issue 14): press-style Arabic sentences of our own, apart from the
held-out set (``arabic_events_holdout.HOLDOUT``), on which the causes the held-out set and the press dev split
showed are fixed. Same schema.

    PYTHONPATH=src .venv/bin/python bench/arabic_events_holdout.py --set tuning [--errors]
"""

from __future__ import annotations

from bench.own_events import Case, _ev
from bench.own_events_holdout2 import RECALL, _deal

EUROFIGHTER = ("Eurofighter Typhoon", "Eurofighter", "يوروفايتر", "تايفون")

TUNING: list[Case] = [
    # a consortium's system sold by the member the sentence names, not the knowledge base's first country
    {"lang": "ar", "text": "تسلمت السعودية من بريطانيا 24 مقاتلة تايفون ضمن صفقة اليمامة.",
     "events": [_deal("GBR", "SAU", EUROFIGHTER, 24, None, "delivered")]},
    {"lang": "ar", "text": "وقعت قطر مع بريطانيا عقدا لشراء 24 مقاتلة يوروفايتر بقيمة 6 مليارات جنيه إسترليني.",
     "events": [_deal("GBR", "QAT", EUROFIGHTER, 24, (6_000_000_000, "GBP"), "ordered")]},
    {"lang": "ar", "text": "أعلنت روما أن الكويت ستتسلم بقية مقاتلات يوروفايتر من إيطاليا العام المقبل.",
     "events": [_deal("ITA", "KWT", EUROFIGHTER, None, None, "planned")]},
    # a chairing or presiding state named as background, not a party
    {"lang": "ar", "text": "بحث وزيرا خارجية السعودية وسلطنة عمان في مسقط الأزمة اليمنية خلال اجتماع برئاسة "
     "الكويت.", "events": [_ev("MEETING", ["SAU", "OMN"])]},
    {"lang": "ar", "text": "اجتمع وزيرا دفاع الأردن والإمارات في أبوظبي، على هامش مؤتمر أمني برئاسة البحرين.",
     "events": [_ev("MEETING", ["JOR", "ARE"])]},
    {"lang": "ar", "text": "حضر وزير الخارجية المصري قمة عربية طارئة في الرياض برئاسة السعودية.", "events": []},
    # ambassadors withdrawn, summoned
    {"lang": "ar", "text": "قررت المملكة المغربية سحب سفيرها لدى ألمانيا احتجاجا على موقف برلين.",
     "events": [_ev(RECALL, ["MAR", "DEU"])]},
    {"lang": "ar", "text": "استدعت وزارة الخارجية التركية السفير السويدي في أنقرة على خلفية حرق المصحف.",
     "events": [_ev(RECALL, ["TUR", "SWE"])]},
    # hard negatives
    {"lang": "ar", "text": "تسلمت الحكومة اللبنانية رسالة من صندوق النقد الدولي بشأن شروط القرض.", "events": []},
    {"lang": "ar", "text": "وقع اللاعب المصري عقدا مع ناد سعودي لمدة موسمين.", "events": []},
    {"lang": "ar", "text": "استقبلت المطارات التونسية آلاف السياح الفرنسيين خلال عطلة الربيع.", "events": []},
    {"lang": "ar", "text": "تبحث شركة الطيران الوطنية صفقة لشراء 10 طائرات ركاب من طراز إيرباص.", "events": []},
]
