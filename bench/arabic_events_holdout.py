"""A held-out golden set for the Arabic events rules (issue 14): press-style Arabic sentences written for this
project (own words; facts may echo real deals, visits and ruptures, loosely), with the events a careful reader
expects — WRITTEN AND COMMITTED BEFORE THE SYSTEM WAS RUN ON THEM. Never tune the rules on these cases: fixes are
made on the separate tuning set (``arabic_events_tuning.TUNING``), and this set is measured once before and once
after.

Same schema as ``own_events_holdout2.HOLDOUT2`` (``text``, ``lang``, ``events``, ``optional``, per event ``date``
and ``accept`` against the publication date ``own_events.PUBLISHED``, Wednesday 2024-03-06; ``designation`` a
tuple of acceptable names). Hard negatives (``events`` empty) are the patterns the rules read that tell no event
between states here: صفقة … لشراء wheat, تسلمت a report, وقّع a football contract, استقبل a hospital, a cancelled
زيارة, a weapons show, a denial, and background asides (برئاسة مصر) whose state must not become a party.

    PYTHONPATH=src .venv/bin/python bench/arabic_events_holdout.py [--errors] [--set holdout|tuning]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.own_events import Case, _ev, run  # noqa: E402
from bench.own_events_holdout2 import RECALL, _dated, _deal  # noqa: E402

RAFALE = ("Dassault Rafale", "Rafale", "رافال")
SU35 = ("Su-35", "Sukhoi Su-35", "سو-35")
F16 = ("F-16 Fighting Falcon", "F-16", "إف-16")
EUROFIGHTER = ("Eurofighter Typhoon", "Eurofighter", "يوروفايتر", "يوروفايتر تايفون")


def _neg(ev: dict[str, Any]) -> dict[str, Any]:
    ev["fact"] = "negated"
    return ev


HOLDOUT: list[Case] = [
    # ---- arms deals ---------------------------------------------------------------------------------------
    {"lang": "ar", "text": "وقّعت مصر عقدا مع فرنسا لشراء 30 طائرة رافال إضافية بقيمة 4 مليارات يورو.",
     "events": [_deal("FRA", "EGY", RAFALE, 30, (4_000_000_000, "EUR"), "ordered")],
     "optional": [_ev("AGREEMENT", ["EGY", "FRA"])]},
    {"lang": "ar", "text": "تسلمت الجزائر الأسبوع الماضي الدفعة الأولى من مقاتلات سو-35 الروسية.",
     "events": [_deal("RUS", "DZA", SU35, None, None, "delivered", accept=("2024-02-26", "2024-03-03"))]},
    {"lang": "ar", "text": "أعلنت الكويت أنها تسلمت أول طائرتين من مقاتلات يوروفايتر تايفون من إيطاليا.",
     "events": [_deal("ITA", "KWT", EUROFIGHTER, 2, None, "delivered")]},
    {"lang": "ar", "text": "وقع المغرب عام 2020 صفقة لشراء 24 مروحية أباتشي من الولايات المتحدة.",
     "events": [_deal("USA", "MAR", ("AH-64 Apache", "Apache", "أباتشي", "مروحية"), 24, None, "ordered",
                      ("2020-01-01", "2020-12-31"))]},
    {"lang": "ar", "text": "وافقت وزارة الخارجية الأمريكية على بيع محتمل لـ 18 طائرة إف-16 إلى الأردن بقيمة 1.5 "
     "مليار دولار.",
     "events": [_deal("USA", "JOR", F16, 18, (1_500_000_000, "USD"), "planned")]},
    {"lang": "ar", "text": "قالت مصادر مطلعة إن السعودية تتفاوض مع الصين لشراء طائرات مسيرة من طراز وينغ لونغ.",
     "events": [_deal("CHN", "SAU", ("Wing Loong", "وينغ لونغ", "طائرات مسيرة"), None, None, "planned")]},
    {"lang": "ar", "text": "وكانت مصر قد اشترت مقاتلات رافال من فرنسا في عام 2015، وفق ما ذكرت الصحيفة.",
     "events": [_deal("FRA", "EGY", RAFALE, None, None, "ordered", ("2015-01-01", "2015-12-31"))]},
    {"lang": "ar", "text": "تعتزم اليونان بيع مقاتلات ميراج 2000 مستعملة إلى الهند، حسب ما أفادت مصادر يونانية.",
     "events": [_deal("GRC", "IND", ("Mirage 2000", "ميراج 2000", "ميراج"), None, None, "planned")]},
    {"lang": "ar", "text": "زودت إيران روسيا بمئات الطائرات المسيرة من طراز شاهد، وفق تقارير غربية.",
     "events": [_deal("IRN", "RUS", ("Shahed-136", "Shahed", "شاهد", "الطائرات المسيرة", "طائرات مسيرة"), None,
                      None, "delivered")]},
    {"lang": "ar", "text": "تسلمت القوات البحرية المصرية فرقاطتين من طراز فريم من إيطاليا.",
     "events": [_deal("ITA", "EGY", ("FREMM", "فريم", "فرقاطتين"), 2, None, "delivered")]},
    {"lang": "ar", "text": "وقعت وزارة الدفاع الهندية عقدا مع شركة داسو الفرنسية لشراء 26 مقاتلة رافال بحرية.",
     "events": [_deal("FRA", "IND", RAFALE, 26, None, "ordered")]},
    {"lang": "ar", "text": "اشترت قطر ٣٦ مقاتلة إف-15 من الولايات المتحدة بقيمة ١٢ مليار دولار.",
     "events": [_deal("USA", "QAT", ("F-15 Eagle", "F-15", "F-15QA", "F-15EX", "إف-15"), 36,
                      (12_000_000_000, "USD"), "ordered")]},
    # ---- visits -------------------------------------------------------------------------------------------
    {"lang": "ar", "text": "استقبل الرئيس الجزائري عبد المجيد تبون أمس في الجزائر العاصمة رئيسة الوزراء "
     "الإيطالية.",
     "events": [_dated(_ev("VISIT", ["ITA"], ["DZA"]), ("2024-03-05", "2024-03-05"))]},
    {"lang": "ar", "text": "يبدأ ولي العهد السعودي الأحد المقبل زيارة رسمية إلى باكستان تستمر يومين.",
     "events": [_dated(_ev("VISIT", ["SAU"], ["PAK"]), ("2024-03-10", "2024-03-10"))]},
    {"lang": "ar", "text": "وصل وزير الدفاع التركي إلى طرابلس الليبية في زيارة لم يعلن عنها مسبقا.",
     "events": [_ev("VISIT", ["TUR"], ["LBY"])]},
    {"lang": "ar", "text": "زار وزير الخارجية القطري طهران الثلاثاء وبحث مع نظيره الإيراني الملف النووي.",
     "events": [_dated(_ev("VISIT", ["QAT"], ["IRN"]), ("2024-03-05", "2024-03-05"))],
     "optional": [_ev("MEETING", ["QAT", "IRN"])]},
    {"lang": "ar", "text": "وصل الرئيس الفرنسي إلى الرياض، بعد أسابيع من توقيع البلدين اتفاقية للتعاون الدفاعي.",
     "events": [_ev("VISIT", ["FRA"], ["SAU"])],
     "optional": [_ev("AGREEMENT", ["FRA", "SAU"]), _ev("COOPERATION", ["FRA", "SAU"])]},
    # ---- meetings and calls -------------------------------------------------------------------------------
    {"lang": "ar", "text": "بحث وزير الدفاع المغربي مع نظيره الإسباني في الرباط سبل تعزيز التعاون العسكري.",
     "events": [_ev(("MEETING", "COOPERATION"), ["MAR", "ESP"])],
     "optional": [_ev("VISIT", ["ESP"], ["MAR"])]},
    {"lang": "ar", "text": "أجرى الرئيس المصري اتصالا هاتفيا بنظيره الفرنسي تناول الأوضاع في غزة.",
     "events": [_ev("MEETING", ["EGY", "FRA"])]},
    {"lang": "ar", "text": "التقى وزيرا خارجية الأردن والعراق في عمّان على هامش اجتماع اللجنة العربية برئاسة مصر.",
     "events": [_ev("MEETING", ["JOR", "IRQ"])]},
    # ---- agreements ---------------------------------------------------------------------------------------
    {"lang": "ar", "text": "وقّعت الإمارات والهند مذكرة تفاهم للتعاون في مجال الصناعات الدفاعية.",
     "events": [_ev("AGREEMENT", ["ARE", "IND"])],
     "optional": [_ev("COOPERATION", ["ARE", "IND"])]},
    {"lang": "ar", "text": "أبرمت تونس وإيطاليا الشهر الماضي اتفاقية لتبادل المعلومات الأمنية.",
     "events": [_dated(_ev("AGREEMENT", ["TUN", "ITA"]), ("2024-02-01", "2024-02-29"))]},
    {"lang": "ar", "text": "من المقرر أن توقع قطر وتركيا اتفاقا دفاعيا جديدا خلال الزيارة المرتقبة.",
     "events": [_ev("AGREEMENT", ["QAT", "TUR"]) | {"fact": "planned"}]},
    # ---- relations ----------------------------------------------------------------------------------------
    {"lang": "ar", "text": "أعلنت السعودية وإيران استئناف العلاقات الدبلوماسية بينهما بوساطة صينية.",
     "events": [_ev("DIPLOMATIC_RELATIONS", ["SAU", "IRN"])],
     "optional": [_ev("MEDIATION", ["CHN"]), _ev("MEDIATION", ["CHN", "SAU", "IRN"])]},
    {"lang": "ar", "text": "قطع المغرب علاقاته مع إيران عام 2018 متهما إياها بدعم جبهة البوليساريو.",
     "events": [_dated(_ev(RECALL, ["MAR", "IRN"]), ("2018-01-01", "2018-12-31"))]},
    {"lang": "ar", "text": "أعلنت الجزائر سحب سفيرها من فرنسا للتشاور احتجاجا على تصريحات باريس.",
     "events": [_ev(RECALL, ["DZA", "FRA"])]},
    {"lang": "ar", "text": "استدعت الخارجية الفرنسية السفير الجزائري في باريس للاحتجاج على تصريحات مسؤول جزائري.",
     "events": [_ev(RECALL, ["FRA", "DZA"])]},
    # ---- hard negatives -----------------------------------------------------------------------------------
    {"lang": "ar", "text": "تدرس الحكومة المصرية صفقة لشراء شحنات من القمح الروسي لتأمين المخزون.", "events": []},
    {"lang": "ar", "text": "تسلمت وزارة الدفاع الأردنية تقرير اللجنة الفنية حول سقوط الطائرة التدريبية.",
     "events": []},
    {"lang": "ar", "text": "وقّع النادي الأهلي مع لاعب مغربي عقدا يمتد ثلاثة مواسم.", "events": []},
    {"lang": "ar", "text": "استقبل مستشفى العريش العشرات من الجرحى الفلسطينيين القادمين من قطاع غزة.", "events": []},
    {"lang": "ar", "text": "ألغى وزير الخارجية الأردني زيارة كانت مقررة إلى بغداد بسبب الأوضاع الأمنية.",
     "events": [], "optional": [_neg(_ev("VISIT", ["JOR"], ["IRQ"]))]},
    {"lang": "ar", "text": "عرضت روسيا مقاتلات سو-57 في معرض دبي للطيران بحضور وفود عربية.", "events": []},
    {"lang": "ar", "text": "نفت وزارة الدفاع الجزائرية وجود أي صفقة لشراء مقاتلات إف-35 من الولايات المتحدة.",
     "events": [], "optional": [_neg(_deal("USA", "DZA", ("F-35 Lightning II", "F-35"), None, None, "planned"))]},
    {"lang": "ar", "text": "شارك وزير الدفاع السعودي في اجتماع وزراء الدفاع العرب الذي عقد في القاهرة برئاسة "
     "مصر.", "events": []},
    {"lang": "ar", "text": "أكد وزير الخارجية العراقي أن بلاده لن تنضم إلى أي تحالف عسكري ضد إيران.", "events": []},
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list misses, false events and wrong arms fields")
    parser.add_argument("--set", choices=("holdout", "tuning"), default="holdout",
                        help="holdout: this set (measured once before, once after); tuning: the cases to fix on")
    args = parser.parse_args(argv)
    if args.set == "tuning":
        from bench.arabic_events_tuning import TUNING as chosen
    else:
        chosen = HOLDOUT
    print(json.dumps(run(args.errors, chosen), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
