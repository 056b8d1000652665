"""Furniture, headlines and datelines of Arabic pages (the Arabic side of ``recoupe.read.boilerplate``).

Arabic news pages carry the same furniture as French ones, in their own words: section labels ("عاجل",
"عربي ودولي"), the masthead ("رئيس التحرير" and a name), read-more links ("اقرأ أيضا:"), related-articles
blocks ("من نفس القسم", "أخبار ذات صلة"), share and photo lines ("مشاركة", "صورة أرشيفية"), bylines ("كتب:
...", "بقلم"), update stamps ("آخر تحديث"), the outlet's stamp ("مصر اليوم -", "القاهرة - مصر اليوم"), and
captions that repeat. Arabic lines seldom end with a full stop, and a colon after a speaker's name ("أبو
الغيط : سنخطر ...") is not a widget's label, so the Latin-script cues of the general filter do not apply.

Rules match the line's matching form (``recoupe.understand.arabic_text``), so "اقرأ أيضًا" and "إقرأ ايضا"
are one rule; the filter only labels lines, the text stays as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recoupe.read.metadata import date_in_text
from recoupe.understand.arabic_script import script_language
from recoupe.understand.arabic_text import (
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    WEEKDAYS,
    alternation,
    normalize_for_matching,
)

# Lines at least this long say which script a page is written in (menus and buttons are shorter).
MIN_PAGE_LINE_CHARS = 40
# Bylines, stamps and labels are short; a body line is longer. Set on the press corpus's Arabic dev part.
MAX_STAMP_CHARS = 60
# A line repeated inside a longer furniture line of the same page (a caption and its alt text) is furniture
# when it has at least this many characters (shorter ones are common words).
MIN_REPEAT_CHARS = 20
# A dateline is a short line (the general filter's bound, ``boilerplate.looks_like_dateline``).
MAX_DATELINE_CHARS = 160
# Besides its date, weekday and time, a dateline holds a place, an outlet or a byline: a few words (press
# corpus Arabic dev: at most 4). A dated caption ("الرئيس ... يستقبل نظيره ... الأربعاء، 14 فبراير 2024.") holds
# more, and its date is the photo's, not the article's.
MAX_DATELINE_WORDS = 6
# The first body line ends the header (``boilerplate.MIN_BODY_CHARS``: a body line is at least this long), or a
# shorter sentence of a few words that ends with a full stop (a one-line lead). Press corpus Arabic dev: no
# header furniture line ends with a stop.
MIN_BODY_CHARS = 60
# A line of at most this many words above the headline is a section or place label ("عربي ودولي", "السودان"), not a
# kicker; the headline, when the page repeats none, is the first header line longer than that. Press corpus dev: the
# shortest Arabic headline has 7 words (3 in any language), and no kept line above a headline is this short.
MAX_LABEL_WORDS = 2
# After the first body line, a dated line with at most this many other words is a date strip (a teaser's or an
# update's), not the text.
MAX_STRIP_WORDS = 3
MIN_SENTENCE_WORDS = 5
_SHORT_SENTENCE = re.compile(r"[.!?؟…]$")

_LABELS = frozenset(normalize_for_matching(w) for w in (
    "عاجل", "عالمية", "محليات", "سياسة", "اقتصاد", "رياضة", "دولي", "دولية", "عربي", "عربي ودولي", "عربي و دولي",
    "أخبار", "الأخبار", "تقارير", "منوعات", "مقالات", "آراء", "رأي", "الرئيسية", "أخبار عربية", "أخبار عالمية",
    "أخبار دولية", "شؤون عربية", "شؤون دولية", "عسكرية", "دفاع", "أمن", "ثقافة", "فيديو", "صور", "العالم",
    "الوطن العربي", "متابعات", "حوارات", "تحقيقات", "ملفات", "سياسة دولية", "أخبار محلية", "تقارير وحوارات",
    "الشرق الأوسط", "شؤون عسكرية", "الأخبار العاجلة", "آخر الأخبار", "المزيد", "مباشر", "بث مباشر",
    # section names common to Arabic outlets, and navigation words alone on their line
    "دوليات", "عربيات", "خارجيات", "إقليمي", "إقليمية", "دولي وإقليمي", "العرب والعالم", "عرب وعالم", "العالم العربي",
    "حول العالم", "الخليج", "الخليج العربي", "شؤون خليجية", "المغرب العربي", "مغاربية", "ترجمات", "صحافة عالمية",
    "صحافة أجنبية", "صحافة", "تحليلات", "تحليل", "مقابلات", "تقرير", "خاص", "حصري", "انفوجراف", "فيديوهات",
    "صور وفيديو", "ميديا", "سياسة وأمن", "أمن ودفاع", "عسكري", "الدفاع", "الأمن", "سياسي", "شؤون سياسية",
    "مقالات الرأي", "كل الأخبار", "جميع الأخبار", "الصفحة الرئيسية", "رجوع", "الرجوع", "السابق", "التالي", "بحث",
    "القائمة", "إغلاق", "تسجيل الدخول", "الدخول", "حسابي", "النسخة الكاملة", "english", "français",
    # a site's footer and its widgets (prayer times, weather, markets, the print edition), alone on their line
    "اتصل بنا", "من نحن", "سياسة الخصوصية", "شروط الاستخدام", "الشروط والأحكام", "أعلن معنا", "خريطة الموقع",
    "النسخة الورقية", "العدد الورقي", "الأرشيف", "أرشيف", "مواقيت الصلاة", "أوقات الصلاة", "الفجر", "الشروق", "الظهر",
    "العصر", "المغرب", "العشاء", "حالة الطقس", "الطقس", "أسعار العملات", "أسعار الذهب", "سعر الذهب", "البورصة",
    "أسواق", "الأسواق", "استطلاع رأي", "استطلاع الرأي", "النشرة البريدية", "بودكاست", "إنفوجرافيك", "كاريكاتير",
    "ملتيميديا", "الصور", "مقالات", "كتاب", "أعمدة", "الرأي", "وجهات نظر", "المزيد من الأخبار",
))
# News agencies as Arabic news credits them (matching form: "أ ف ب" is "ا ف ب"), dots and spaces optional
# between the letters of an abbreviation.
_AGENCIES = "|".join([
    r"وكالات", r"وكاله الانباء", r"المصدر وكالات", r"رويترز", r"ا\.?\s?ف\.?\s?ب", r"د\.?\s?ب\.?\s?ا",
    r"ا\.?\s?ش\.?\s?ا", r"و\.?\s?م\.?\s?ع", r"واس", r"قنا", r"وام", r"سانا", r"بترا", r"كونا", r"واج", r"بنا",
    r"سبا", r"وفا", r"العمانيه", r"الاناضول", r"سبوتنيك", r"شينخوا", r"ارنا", r"فرانس برس", r"اسوشيتد برس",
    r"اسوشييتد برس", r"الفرنسيه", r"الالمانيه", r"يو بي اي", r"روسيا اليوم", r"تاس", r"ريا نوفوستي",
    r"[a-z][a-z .\-]{1,25}",  # "AFP", "Reuters", "Getty Images" beside the Arabic credit
])
# Share and follow buttons that pages print as a row of words ("مشاركة فيسبوك تويتر واتساب").
_SHARE_WORDS = "|".join([
    "مشاركه", "المشاركه", "شارك", "شاركها", "شارك الخبر", "شارك المقال", "طباعه", "اطبع", "ارسال", "ارسل", "حفظ",
    "نسخ الرابط", "نسخ", "تغريد", "غرد", "واتساب", "واتس اب", "فيسبوك", "فيس بوك", "تويتر", "اكس", "تلغرام",
    "تيليجرام", "تليجرام", "انستغرام", "انستجرام", "لينكد ان", "لينكدان", "ماسنجر", "يوتيوب", "تيك توك", "سناب شات",
    "البريد الالكتروني", "بريد الكتروني", "ايميل", "facebook", "twitter", "whatsapp", "telegram", "linkedin",
    "messenger", "email", "e-mail", "x", "pinterest", "reddit", "print",
])
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(pattern)) for name, pattern in (
    ("read-more", r"^(?:اقرا|طالع|شاهد|تابع|اقرا المزيد|للمزيد|المزيد)\s*(?:ايضا|كذلك|المزيد)?\s*[:\-»>]"),
    ("read-more", r"^(?=.{0,200}$)(?:اقرا|طالع)\s+(?:ايضا|كذلك)\b"),  # "اقرأ أيضاً <title>" without a colon
    ("read-more", r"^(?:اقرا|طالع|شاهد)\s+(?:ايضا|كذلك|المزيد)\s*$"),
    ("share", r"^(?:انقر|اضغط)\s+(?:للمشاركه|للطباعه|لارسال|للتغريد)|^معجب بهذه|^الاعجاب\b"),
    ("share", r"^(?:مشاركه|شارك|شاركها|شارك الخبر|شارك المقال|طباعه|ارسال|نسخ الرابط|حفظ|تغريد|واتساب|"
              r"فيسبوك|فيس بوك|تويتر|تلغرام|تيليجرام|انستغرام|انستجرام|لينكد ان|البريد الالكتروني)\s*[:.]?$"),
    # (a short line: a body sentence may name a social network)
    ("share", r"^(?=.{0,160}$).{0,40}(?<!\w)(?:تابعونا|تابعنا|تابعوا|تابع|انضموا|انضم|حمل|حملوا|نزل|شارك|"
              r"شاركها)\b.{0,60}(?:تويتر|فيسبوك|فيس بوك|جوجل نيوز|"
              r"غوغل نيوز|واتساب|تلغرام|تيليجرام|يوتيوب|انستغرام|قناتنا|google news|facebook|twitter|whatsapp|telegram|"
              r"youtube|instagram|tiktok)"),
    ("credit", r"^(?:صوره|الصوره|تصوير|مصدر الصوره|الصور|صور)\s*:|\((?:صوره\s+)?ارشيفيه\)|^صوره ارشيفيه|"
               r"^ارشيفيه$|^\(?(?:ا ف ب|رويترز|الاناضول|اسوشيتد برس)\)?$"),
    ("source", rf"^(?:المصدر|مصدر الخبر)\s*:.{{0,{MAX_STAMP_CHARS}}}$"),
    ("label", r"^الرييسيه\s*[>»/|]"),  # a breadcrumb
    ("advert", r"^(?:اعلان|اعلانات|مساحه اعلانيه|محتوي مدعوم|برعايه)$"),
    ("byline", rf"^(?:كتب|كتبت|بقلم|بواسطه|اعداد|تحرير|ترجمه|متابعه|الكاتب|المحرر|محرر الموقع)\s*[:/]?\s*[^\s:]"
               rf".{{0,{MAX_STAMP_CHARS}}}$"),
    ("stamp", r"(?:توقيت\s+\S+(?:\s+\S+)?\s+\d{1,2}:\d{2}|^اخر تحديث\b|\bGMT\s*\d)"),
    ("masthead", r"^(?:رييس|نايب رييس|مدير|المدير|مديره|رييسه)\s+(?:التحرير|مجلس الاداره|الاداره|حزب\s+\S+|"
                 r"التحرير التنفيذي|العام|التحرير المسوول)$"),
    ("masthead", r"^(?:رييس|نايب رييس|مدير|رييسه|مديره)\s+(?:مجلس|مجلسي|مجلسى)\s+(?:الاداره|التحرير)"
                 r"(?:\s+و\s*(?:التحرير|الاداره))?$"),
    ("label", r"^(?:اخبار|الاخبار|شوون)\s+\S+$"),  # "أخبار مصر", "شؤون عربية": a section's name
    # a teaser's excerpt, cut and closed by its link: "... وزير الدفاع يعارض تعزيز… اقرأ المزيد"
    ("teaser", r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*(?:اقرا المزيد|المزيد|التفاصيل|read more)\s*[»›>]*$"),
    ("credit", r"^\(?(?:وكالات|المصدر وكالات|صوره تعبيريه|صوره متداوله|صوره من الارشيف|ارشيف|صوره ملف)\)?$"),
    # A news agency alone on its line, in brackets or not: "(د.ب.أ)", "وكالات", "أ ف ب" (the credit of a wire story
    # or of its photo; a body sentence names an agency inside a longer line).
    ("credit", rf"^[(\[«]?\s*(?:{_AGENCIES})(?:\s*[-/,و]\s*(?:{_AGENCIES}))*\s*[)\]»]?\s*[.:]?$"),
    ("credit", r"\((?:صوره|الصوره|تصوير|صور|ارشيفيه|صوره ارشيفيه|ارشيف)\s*:?[^()]{0,40}\)$"),
    ("source", r"^(?:المصدر|نقلا عن|عن موقع)\s*[:\-–]?\s*.{0,40}$"),
    # "تابعونا على ...", "تابعنا" alone: the page's follow buttons (a third person "تابع" opens body sentences).
    ("share", r"^(?:تابعونا|تابعنا|تابعوا اخبارنا|تابعوا اخر الاخبار|تابعوا اهم الاخبار)\b.{0,80}$"),
    # "لمتابعة آخر الأخبار اضغط هنا", "للمزيد من الأخبار تابع صفحتنا": a prompt to follow the outlet.
    ("share", r"^(?=.{0,160}$)(?:و?لمتابعه|و?للمزيد من|و?لمزيد من|و?للاطلاع علي)\b.{0,110}"
              r"(?:اضغط|انقر|تابع|تابعوا|انضم|انضموا|اشترك|اشتركوا|صفحتنا|قناتنا|تطبيق|موقعنا|الرابط|هنا)"),
    ("share", rf"^(?:(?:{_SHARE_WORDS})[\s:.|،,•/\-–]*){{1,10}}$"),
    ("share", r"^(?:شارك|شاركوا|شاركها|انشر|ارسل)\s+(?:الخبر|المقال|المقاله|الموضوع|هذا الخبر|هذا المقال|"
              r"هذه المقاله|هذا الموضوع|لصديق|علي|عبر)\b.{0,60}$"),
    ("share", r"^(?:حمل|حملوا|نزل|نزلوا|ثبت)\s+(?:تطبيق|التطبيق)\b.{0,100}$"),
    ("share", r"^(?:تم )?(?:نسخ|انسخ) الرابط$|^(?:ال)?رابط (?:ال)?(?:مختصر|دايم|الخبر)\s*:?.{0,80}$"),
    ("subscribe", r"^(?:اشترك|اشتركوا|سجل|سجلوا)\b.{0,80}(?:النشره|نشرتنا|القناه|قناتنا|المجانيه?|بريدك|البريد|الان|"
                  r"مجانا|يوتيوب|تيليجرام|تلغرام)|^(?:اشترك|اشترك الان|اشتراك)$"),
    ("subscribe", r"^(?=.{0,120}$).{0,40}\b(?:النشره|القايمه) (?:البريديه|الاخباريه)\b"),
    ("comments", r"^(?:لا توجد تعليقات|كن اول من يعلق|اضف تعليقك|اترك تعليقك|اترك ردا|اضف ردا|ارسل تعليقك|"
                 r"ارسال التعليق|تعليقات الفيسبوك|التعليقات علي المقال|اضافه تعليق جديد)\b.{0,60}$"),
    ("comments", r"^(?:\(?\d+\)?\s*)?(?:تعليق|تعليقات|التعليقات|عدد التعليقات)\s*:?\s*(?:\(?\d+\)?)?$"),
    ("comments", r"^(?:اكتب تعليق|اكتب تعليقك|اضف تعليق)\S*$|الحقول (?:التي عليها علامه|المطلوبه)|"
                 r"(?:^|\s)(?:شروط|قواعد) النشر\b|سياسه التعليقات"),
    ("share", r"^(?=.{0,120}$)(?:تابع|تابعوا)\s+(?:كل|جميع|اخر|احدث|اهم)\s+(?:الاخبار|الاحداث|المستجدات)|"
              r"^(?=.{0,160}$)(?:لقراءه|لمتابعه|لمشاهده)\s+(?:المقال|الخبر|التفاصيل)\b.{0,40}(?:اضغط|انقر|زر|الرابط|هنا)"),
    ("credit", r"^هذا (?:المحتوي|الخبر|المقال) (?:مقدم|منقول|منشور) (?:من|عن|في)\b.{0,60}$"),
    ("back-to-top", r"^(?:العوده|الرجوع|اذهب|انتقل)?\s*(?:الي|لل)\s*(?:الاعلي|اعلي الصفحه)$|^للاعلي$"),
    ("stamp", r"^(?:قبل|منذ)\s+(?:\d+\s+)?(?:ثانيه|ثوان|دقيقه|دقايق|دقيقتين|ساعه|ساعات|ساعتين|يوم|ايام|يومين|"
              r"اسبوع|اسابيع|اسبوعين|شهر|اشهر)$"),
    ("stamp", r"^(?:نشر في|نشر بتاريخ|تاريخ النشر|تم النشر|تم نشره|اخر تحديث)\b.{0,40}$|"
              r"^(?:تحديث|محدث|منشور|التاريخ|نشر)\s*:.{0,40}$"),
    ("video", r"^(?:شاهد|شاهدوا)\s+(?:الفيديو|بالفيديو|فيديو|ايضا|كذلك)\b.{0,60}$|^(?:فيديو|بالفيديو|الفيديو)\s*$"),
    ("feedback", r"^(?:هل اعجبك|هل وجدت|ما رايك في|قيم هذا|ابلغ عن خطا|الابلاغ عن خطا|تقييم المقال)\b.{0,60}$"),
    ("stamp", r"^(?:منذ\s+(?:\d+\s+)?(?:ثانيه|ثوان|دقيقه|دقايق|دقيقتين|ساعه|ساعات|ساعتين|يوم|ايام|يومين)|"
              r"\d{1,2}:\d{2}\s*(?:ص|م|صباحا|مساء)?)$"),
    ("reading-time", r"^(?:\d+\s+)?(?:دقيقه|دقايق|دقيقتان)\s+(?:للقراءه|قراءه)$|^وقت القراءه|^مده القراءه"),
    ("font-size", r"^(?:حجم الخط|تكبير الخط|تصغير الخط|استمع|استمع للخبر|استمع الي المقال|رابط مختصر|اضغط هنا)\b"
                  r".{0,40}$"),
    ("tags", r"^(?:الوسوم|وسوم|كلمات مفتاحيه|الكلمات المفتاحيه|الكلمات الدلاليه|كلمات داله|الكلمات الداله|مواضيع|"
             r"الموضوعات|التصنيف|التصنيفات|تصنيف|كلمات البحث|الكلمات الرييسيه)\s*:"),
    ("counter", r"^(?:عدد )?(?:المشاهدات|مشاهدات|القراءات|زيارات)\s*:?\s*\d*$|^\d+\s+(?:مشاهده|قراءه|زياره)$"),
    ("image", r"^!\[[^\]]*\]\([^)]*\)$"),  # a scraper's markdown image, "![](https://...jpg)"
    ("cookies", r"تعريف الارتباط|الكوكيز|cookies?\b"),
    ("comments", r"^(?:\d+\s+)?(?:تعليقات?|التعليقات|اضف تعليق|اضافه تعليق|اترك تعليقا|اكتب تعليقا|التعليقات مغلقه)$"),
    ("subscribe", r"^(?:اشترك|اشتركوا)\b.{0,80}(?:النشره|نشرتنا|القناه|قناتنا|المجاني)"),
    ("copyright", r"جميع الحقوق محفوظه|حقوق النشر محفوظه|الحقوق محفوظه|حقوق الطبع"),
    # photo furniture as Arabic pages word it: "صورة توضيحية", "الصورة: ...", "(صورة من رويترز)", "مصدر الصورة"
    ("credit", r"^\(?(?:صوره|الصوره) (?:توضيحيه|تعبيريه|ارشيفيه|متداوله|من الارشيف|من رويترز|من ا ف ب|"
               r"من الانترنت|من موقع|لـ?\S+)\)?\.?$|^(?:حقوق|مصدر) الصوره\b.{0,60}$"),
    ("share", r"^(?:ارسل|ارسال) (?:الي|ل)صديق$|^(?:طباعه|ارسال) (?:الخبر|المقال|الصفحه)$"),
    # a widget's row: a prayer's time ("الظهر 12:05"), a currency's or gold's price ("الدولار الأمريكي 30.90")
    ("widget", r"^(?:الفجر|الشروق|الظهر|العصر|المغرب|العشاء)\s*:?\s*\d{1,2}:\d{2}\s*(?:ص|م)?$|"
               r"^(?:الدولار|اليورو|الجنيه|الريال|الدرهم|الدينار|سعر|عيار)\s?\S{0,20}(?:\s\S+){0,2}\s*:?\s*\d+(?:[.,]\d+)?$"),
    # the site's makers in its footer: "تصميم وتطوير ..."
    ("credit", r"^(?:تصميم|تطوير|برمجه|تصميم وتطوير|تصميم وبرمجه|تطوير وتصميم)\b.{0,60}$|^powered by\b.{0,40}$"),
    # a row of hashtags, "#السعودية #إيران"
    ("tags", r"^(?:#\S+\s*){1,12}$"),
    # The outlet's stamp, "مصر اليوم -", alone on its line.
    ("stamp", r"^\S+(?:\s+\S+){0,2}\s*[-–—]$"),
))
_SECTION = re.compile(
    r"^(?:من نفس القسم|من القسم نفسه|اخبار ذات صله|مواضيع ذات صله|مقالات ذات صله|اخبار متعلقه|مواضيع متعلقه|"
    r"الاكثر قراءه|الاكثر مشاهده|الاكثر تداولا|قد يعجبك ايضا|قد يهمك ايضا|ننصحك بقراءه|اخترنا لك|لا تفوتك|"
    r"المزيد من الاخبار|المزيد من|اخبار اخري|اقرا ايضا$|ذات صله$|recent posts|related posts|"
    r"(?:ال)?(?:اخبار|مواضيع|موضوعات|مقالات|روابط) (?:ذات (?:ال)?صله|(?:ال)?متعلقه|(?:ال)?مشابهه|(?:ال)?مرتبطه)|"
    r"محتوي ذو صله|ربما يعجبك|قد يعجبك|قد يهمك|شاهد ايضا$|طالع ايضا$|"
    # what Arabic news templates head a box of other articles with, in general (not one site's words)
    r"(?:مقالات|موضوعات|مواضيع|اخبار|قصص) (?:قد )?(?:تهمك|تهمكم|مقترحه|ذات علاقه)|(?:ال)?مقترحات$|اخترنا لكم|"
    r"ننصحك ب|ننصح بقراءه|ذات علاقه$|اقرا ايضا في|اقرا في هذا الملف|مقالات اخري|مقالات للكاتب|المزيد للكاتب|"
    r"المزيد من المقالات|فيديوهات ذات صله|فيديو ذو صله|شاهد المزيد$)"
)
# Headings that open a box of other articles only once the text has begun: at the top of a page the same words head
# a ticker or a menu ("آخر الأخبار"), and the article is still to come.
_LATE_SECTION = re.compile(
    r"^(?:اهم الاخبار|احدث الاخبار|اخر الاخبار|الاخبار الاكثر|الاكثر (?:تعليقا|مشاركه|شعبيه|زياره|متابعه)|"
    r"اخبار اخري|المزيد|تابع ايضا|شاهد ايضا)$"
)
_BYLINE_WORDS = re.compile(r"(?:كتب|كتبت|بقلم|تم نشره|تم النشر|^نشر\b|نشر في|نشر بتاريخ|تاريخ النشر|بتاريخ|"
                           r"اخر تحديث)")
# "القاهرة - مصر اليوم", "رؤية – علاء الدين فايق": two short parts around a dash.
_PLACE_STAMP = re.compile(r"^\S+(?:\s+\S+){0,2}\s+[-–—]\s+\S+(?:\s+\S+){0,3}$")
_STAMP_PREFIX = re.compile(r"^\S+(?:\s+\S+){0,2}\s*[-–—]\s+")
_NOT_WORD = re.compile(r"[^\w]+")


def is_arabic_page(lines: Sequence[str]) -> bool:
    """True when most letters of the page are in the Arabic script and the page is Arabic, not Persian or Urdu
    (``recoupe.understand.arabic_script``): those are not read with the Arabic rules. Judged on the longer lines
    when there are any: a page's menus may be in English or French around an Arabic article."""
    long = [line for line in lines if len(line.strip()) >= MIN_PAGE_LINE_CHARS]
    return script_language("\n".join(long or lines)) == "ar"


def rule(line: str) -> str | None:
    """The name of the Arabic rule that makes this stripped line furniture, or None."""
    norm = normalize_for_matching(line).strip().lstrip("•·*▪►◄|").strip()  # a menu's bullet: "• دولية"
    if len(norm) <= 2 and not norm.isdigit():
        return "fragment"  # "x", "×": a close button
    if norm.rstrip(" :") in _LABELS or _is_breadcrumb(norm):
        return "label"
    for name, pattern in _RULES:
        if pattern.search(norm):
            # A byline or stamp that gives a date is the dateline: the header pass reads it.
            if name in ("byline", "stamp", "source") and date_in_text(line):
                return None
            return name
    if _doubled(norm):
        return "doubled"
    return None


def is_section_marker(line: str, *, after_body: bool = False) -> bool:
    """A heading that opens an Arabic related-articles block: everything after it is teasers. Only a short
    line: a body sentence may begin with "المزيد من". Some headings count only ``after_body``."""
    norm = normalize_for_matching(line).strip().rstrip(" :").strip()
    return len(norm) <= MAX_STAMP_CHARS and (bool(_SECTION.match(norm)) or (
        after_body and bool(_LATE_SECTION.match(norm))))


_DATE_WORDS = re.compile(
    rf"(?<!\w)(?:\d+|ص|م|صباحا|مساء|مساءا|gmt|توقيت|بتوقيت|الموافق|ه|يوم|{alternation(WEEKDAYS)}|"
    rf"{alternation(GREGORIAN_MONTHS)}|{alternation(HIJRI_MONTHS)})(?!\w)")


def _words_besides_date(line: str) -> int:
    """How many words a dated line holds besides its date, weekday and time."""
    return len(re.findall(r"[^\W\d_]+", _DATE_WORDS.sub(" ", normalize_for_matching(line))))


def has_byline_words(line: str) -> bool:
    return bool(_BYLINE_WORDS.search(normalize_for_matching(line)))


def _is_breadcrumb(norm: str) -> bool:
    parts = [p.strip() for p in re.split(r"\s*[>»/|]\s*", norm) if p.strip()]
    return len(parts) >= 2 and all(p in _LABELS for p in parts)


def _doubled(norm: str) -> bool:
    """A line that opens with one phrase written twice (an image's alt text then its caption, then maybe a
    credit)."""
    words = norm.split()
    return any(words[:k] == words[k:2 * k] for k in range(4, len(words) // 2 + 1))


def _key(line: str) -> str:
    return _NOT_WORD.sub("", normalize_for_matching(line))


def settle_header(lines: Sequence[str], labels: list[str], reasons: list[str], starts: Sequence[int]) -> None:
    """The headline and the furniture around it, after the general passes.

    The headline is the line that the page repeats in its header (the outlet's "مصر اليوم - <headline>"),
    else the first line left after the furniture rules. Lines between the headline and the first body line
    are captions (some as long as a sentence), bylines and stamps; without a body line they all stay. Lines
    before the headline that no rule marked (a kicker) are kept. A line found again inside a longer furniture
    line of the page is furniture (a caption repeated).
    """
    text = [line[start:].strip() for line, start in zip(lines, starts, strict=True)]
    for i, reason in enumerate(reasons):
        if reason == "dateline" and _words_besides_date(text[i]) > MAX_DATELINE_WORDS:
            labels[i], reasons[i] = "boilerplate", "dated caption"  # the photo's date, not the article's
    ruled = {i for i, r in enumerate(reasons) if r not in ("shape", "context", "first line", "dateline", "")}
    for i, reason in enumerate(reasons):
        if reason == "masthead":  # the name under "رئيس التحرير"
            nxt = next((j for j in range(i + 1, len(lines)) if labels[j] != "blank"), None)
            if nxt is not None and len(text[nxt]) <= MAX_STAMP_CHARS // 2 and nxt not in ruled:
                labels[nxt], reasons[nxt] = "boilerplate", "masthead"
                ruled.add(nxt)
    candidate = next((i for i, lab in enumerate(labels) if lab not in ("blank", "meta") and i not in ruled), None)
    first_body = next((i for i, lab in enumerate(labels)
                       if _opens_body(lab, text[i], headline_candidate=i == candidate)), None)
    if first_body is None:
        return  # no body line: nothing tells the header from the article, leave the general passes' labels
    header = [i for i in range(first_body) if labels[i] not in ("blank", "meta") and i not in ruled]
    for i, lab in enumerate(labels):
        if lab == "title" and i not in header:
            labels[i], reasons[i] = "body", "context"
    title = _repeated_headline(text, header, first_body) if header else None
    if title is None and header:
        # a section or country label ("سياسة دولية", "السودان") stands above the headline: the headline has more words
        title = next((i for i in header if len(text[i].split()) > MAX_LABEL_WORDS), header[0])
    if title is not None and title < first_body:
        for i in range(len(lines)):
            if labels[i] == "title" and i != title:
                labels[i], reasons[i] = "heading", "shape"
        labels[title], reasons[title] = "title", "headline"
        for i in range(first_body):
            if labels[i] in ("blank", "meta") or i == title:
                continue
            if i not in ruled and len(text[i]) <= MAX_DATELINE_CHARS and date_in_text(text[i]) and (
                    _words_besides_date(text[i]) <= MAX_DATELINE_WORDS):
                # Arabic headers run longer than the general filter's first lines: a dated line before the
                # body is the dateline wherever it stands.
                labels[i], reasons[i] = "meta", "dateline"
                continue
            if i < title and i not in ruled and len(text[i].split()) <= MAX_LABEL_WORDS:
                labels[i], reasons[i] = "boilerplate", "label"
            elif i < title and i not in ruled:
                labels[i], reasons[i] = "heading", "kicker"
            elif i > title and labels[i] != "boilerplate":
                labels[i], reasons[i] = "boilerplate", "header furniture"
    for i in range(first_body + 1, len(lines)):
        if labels[i] in ("body", "heading") and len(text[i]) <= MAX_DATELINE_CHARS and date_in_text(text[i]) and (
                _words_besides_date(text[i]) <= MAX_STRIP_WORDS):
            labels[i], reasons[i] = "boilerplate", "dated strip"  # a teaser's or an update's date, after the text
    furniture = [_key(text[i]) for i, lab in enumerate(labels) if lab == "boilerplate"]
    for i, lab in enumerate(labels):
        key = _key(text[i])
        if lab in ("body", "heading") and len(key) >= MIN_REPEAT_CHARS and any(
                key != other and key in other for other in furniture):
            labels[i], reasons[i] = "boilerplate", "repeated caption"
        elif lab in ("body", "heading") and _PLACE_STAMP.match(text[i]) and i < first_body:
            labels[i], reasons[i] = "boilerplate", "stamp"


def _opens_body(label: str, line: str, *, headline_candidate: bool) -> bool:
    """A body line, or a short sentence that is not the headline's candidate (a one-line lead)."""
    if label == "body" and len(line) >= MIN_BODY_CHARS:
        return True
    return (not headline_candidate and label in ("body", "heading") and _SHORT_SENTENCE.search(line) is not None
            and len(line.split()) >= MIN_SENTENCE_WORDS)


def _repeated_headline(text: Sequence[str], header: Sequence[int], first_body: int) -> int | None:
    """The header line that another line of the header repeats, alone or after the outlet's stamp."""
    keys = {i: _key(text[i]) for i in header}
    for i in header:
        if len(keys[i]) < MIN_REPEAT_CHARS:
            continue
        for j in range(i + 1, first_body):
            other = _key(text[j])
            stripped = _key(_STAMP_PREFIX.sub("", text[j], count=1))
            if other == keys[i] or stripped == keys[i]:
                return i
    return None
