"""Arabic pages: furniture, headline and dateline, on lines we wrote in the style of Arabic news sites."""

from __future__ import annotations

import pytest

from recoupe.read import arabic, boilerplate
from recoupe.read.arabic_dates import date_in_arabic, hijri_to_gregorian
from recoupe.read.clean import clean_text, filter_lines
from recoupe.read.metadata import date_in_text

BODY_1 = "أعلنت وزارة الدفاع في بيان صدر مساء أمس أن الجانبين اتفقا على توسيع التدريبات المشتركة خلال العام المقبل."
BODY_2 = "وقال المتحدث باسم الوزارة: إن الاتفاق يشمل تبادل الخبرات في مجال الدفاع الجوي وصيانة المعدات."
HEADLINE = "الجزائر وروسيا توسعان تعاونهما العسكري باتفاق جديد"

PAGE = "\n".join([
    "عاجل",
    "رئيس التحرير",
    "د. سامي حداد",
    "",
    "رئيس مجلس الإدارة",
    "منى الخطيب",
    "",
    HEADLINE,
    "",
    "مشاركة",
    "وزيرا الدفاع خلال اللقاء وزيرا الدفاع خلال اللقاء",
    "الجزائر - صحيفة الأفق 10:15 ص، الأحد 07 أيّار / مايو 2023",
    "كتب: يوسف بن علي",
    "",
    BODY_1,
    "",
    "اقرأ أيضًا: زيارة مرتقبة لقائد الأركان إلى موسكو",
    "",
    BODY_2,
    "",
    "المصدر: وكالات",
    "من نفس القسم",
    "تدريبات بحرية في المتوسط الأسبوع المقبل",
    "وصول دفعة جديدة من المروحيات",
])


@pytest.mark.parametrize(
    "line, name",
    [
        ("اقرأ أيضا: وصول شحنة جديدة", "read-more"),
        ("إقرأ ايضاً - تعاون عسكري متزايد", "read-more"),
        ("شارك الخبر", "share"),
        ("تابعونا على تطبيق واتساب للحصول على آخر الأخبار", "share"),
        ("صورة أرشيفية", "credit"),
        ("الصورة: وزارة الدفاع", "credit"),
        ("كتبت: ليلى مراد", "byline"),
        ("بقلم سمير الحسيني", "byline"),
        ("آخر تحديث GMT10:22:05", "stamp"),
        ("النهار الجديد -", "stamp"),
        ("منذ 3 ساعات", "stamp"),
        ("رئيس التحرير", "masthead"),
        ("يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك", "cookies"),
        ("عربي ودولي", "label"),
        ("الرئيسية > أخبار > عربي ودولي", "label"),
        ("x", "fragment"),
        ("الوسوم: الجزائر، روسيا", "tags"),
        ("![](https://example.org/images/photo.jpg)", "image"),
        ("جميع الحقوق محفوظة لصحيفة الأفق 2024", "copyright"),
        ("حمّل تطبيق الصحيفة على هاتفك لمتابعة الأخبار عبر واتساب", "share"),
        ("الرئيسية / ملفات خاصة", "label"),
        ("مصدر الخبر: وكالة الأنباء", "source"),
        ("المحرر: هالة يوسف", "byline"),
        ("إعلان", "advert"),
        ("انقر للمشاركة على فيسبوك (فتح في نافذة جديدة)", "share"),
        ("شارك المقال على تويتر", "share"),
        ("كلمات دالة: الدفاع، التسليح", "tags"),
        ("اشترك في نشرتنا البريدية", "subscribe"),
        ("التعليقات مغلقة", "comments"),
        ("اقرأ المزيد", "read-more"),
        # issue 14: furniture that Arabic news sites share
        ("(د.ب.أ)", "credit"),
        ("أ ف ب", "credit"),
        ("وكالات", "credit"),
        ("الرئيسان خلال اللقاء (صورة: الرئاسة)", "credit"),
        ("المصدر - وكالات", "source"),
        ("تابعونا على", "share"),
        ("لمتابعة آخر الأخبار اضغط هنا", "share"),
        ("للمزيد من الأخبار تابع صفحتنا", "share"),
        ("تابع أحدث الأخبار عبر تطبيق google news", "share"),
        ("مشاركة فيسبوك تويتر واتساب", "share"),
        ("شارك هذا المقال عبر", "share"),
        ("حمّل تطبيق الموقع", "share"),
        ("الرابط المختصر", "share"),
        ("اشترك الآن", "subscribe"),
        ("سجل بريدك لتصلك النشرة البريدية", "subscribe"),
        ("لا توجد تعليقات", "comments"),
        ("التعليقات (3)", "comments"),
        ("العودة إلى الأعلى", "back-to-top"),
        ("قبل 3 ساعات", "stamp"),
        ("تاريخ النشر:", "stamp"),
        ("شاهد الفيديو", "video"),
        ("هل أعجبك المقال؟", "feedback"),
        ("اقرأ أيضاً وصول دفعة جديدة من المروحيات", "read-more"),
        ("التصنيف: أخبار عربية", "tags"),
        ("رئيس مجلسي الإدارة والتحرير", "masthead"),
        ("أخبار السودان", "label"),
        ("• دولية", "label"),
        ("الرجوع", "label"),
        ("متابعة/ سامي حداد", "byline"),
        ("وزير الدفاع يتفقد وحدات الدفاع الجوي في الجنوب… اقرأ المزيد", "teaser"),
        ("اكتب تعليق", "comments"),
        ("كل الحقول التي عليها علامة (*) مطلوبة", "comments"),
        ("من شروط النشر: احترام الآخرين", "comments"),
        ("تــابــع كــل الأخــبــار.", "share"),
        ("لقراءة المقال كاملا اضغط على الرابط", "share"),
        ("هذا المحتوى مقدم من صحيفة الأفق", "credit"),
    ],
)
def test_arabic_rules(line: str, name: str) -> None:
    assert arabic.rule(line) == name
    assert boilerplate.rule(line, arabic=True) == name


def test_a_colon_after_arabic_words_is_not_a_widget_on_an_arabic_page() -> None:
    line = "وزير الدفاع : سنواصل تحديث أسطولنا الجوي خلال السنوات المقبلة"
    assert boilerplate.rule(line) == "foreign-widget"  # in a French page, an Arabic label with a colon
    assert boilerplate.rule(line, arabic=True) is None


def test_a_dated_byline_is_a_dateline_not_furniture() -> None:
    assert arabic.rule("كتب: يوسف بن علي - 07 مايو 2023") is None


def test_arabic_page_detection() -> None:
    assert arabic.is_arabic_page(PAGE.split("\n"))
    assert not arabic.is_arabic_page(["Le ministre algérien est arrivé à Moscou mardi.", "الجزائر"])


def test_arabic_page_keeps_body_drops_furniture_finds_headline_and_date() -> None:
    page = clean_text(PAGE)
    assert page.title == HEADLINE
    assert page.lines == (HEADLINE, BODY_1, BODY_2)
    assert page.published.value == "2023-05-07"
    assert page.published.basis == "dateline"


def test_headline_is_the_line_the_page_repeats_after_its_stamp() -> None:
    kicker = "الدفعة الأولى تضم أربع طائرات"
    headline = 'مصر تتسلم "الطائرات الأولى" من الصفقة الجديدة'
    lines = [
        "توقيت القاهرة المحلي 10:47:58 آخر تحديث",
        "صحيفة النيل -",
        kicker,
        headline,
        "صحيفة النيل - مصر تتسلم الطائرات الأولى من الصفقة الجديدة",
        "الطائرات في مطار عسكري",
        "القاهرة - صحيفة النيل",
        BODY_1,
    ]
    labels = boilerplate.classify(lines)
    assert [lab.label for lab in labels] == [
        "boilerplate", "boilerplate", "heading", "title", "boilerplate", "boilerplate", "boilerplate", "body"]
    assert clean_text("\n".join(lines)).title == headline


def test_repeated_caption_is_furniture() -> None:
    caption = "الرئيسان خلال مراسم الاستقبال في المطار، الأحد، 7 مايو 2023."
    lines = [HEADLINE, f"{caption} {caption} تصوير : آخرون", BODY_1, caption, BODY_2]
    assert [lab.label for lab in boilerplate.classify(lines)] == ["title", "boilerplate", "body", "boilerplate", "body"]


def test_text_as_written_is_kept() -> None:
    """Tatweel, diacritics and direction marks stay in the kept lines: every kept line is a substring."""
    body = "\u200fوقّـع الجانبان اتفاقاً عسكرياً يشمل تدريب الطيارين وصيانة الطائرات الحربية خلال خمس سنوات."
    page = clean_text("\n".join([HEADLINE, body]))
    assert page.lines[1] == body.strip()
    assert all(line in "\n".join([HEADLINE, body]) for line in page.lines)


def test_html_path_keeps_arabic_lines_with_a_colon() -> None:
    kept, _ = filter_lines([BODY_2, "وزير الدفاع: الاتفاق خطوة مهمة في علاقاتنا", "من نفس القسم", "عنوان آخر"])
    assert kept == [BODY_2, "وزير الدفاع: الاتفاق خطوة مهمة في علاقاتنا"]


@pytest.mark.parametrize(
    "line, value",
    [
        ("القاهرة - صحيفة الأفق 07:51 ص، 07 مايو 2023", "2023-05-07"),
        ("تم نشره الخميس 19 تشرين الأول / أكتوبر 2023 08:15 صباحاً", "2023-10-19"),
        ("السبت 09-03-2024 11:20 | كتب: سلمى فؤاد |", "2024-03-09"),
        ("نشر بتاريخ ٢٣ كانون الثاني ٢٠٢٢", "2022-01-23"),
        ("الخميس 3 جوان 2021", "2021-06-03"),
        ("السبت 5 شتنبر 2020", "2020-09-05"),
        ("يونيو 15, 2023", "2023-06-15"),
        ("الجمعة ١٩ شعبان ١٤٤٤ هـ الموافق ١٠ مارس ٢٠٢٣", "2023-03-10"),
        ("الجمعة ١٩ شعبان ١٤٤٤ هـ", "2023-03-11"),
        ("31 فبراير 2023", None),
        ("بلا تاريخ", None),
    ],
)
def test_arabic_datelines(line: str, value: str | None) -> None:
    assert date_in_arabic(line) == value
    assert date_in_text(line) == value


def test_arabic_body_lines_match_no_rule() -> None:
    for line in (BODY_1, BODY_2, "مصدر: مصر تتسلم دفعة جديدة من المقاتلات", "تابع الوزير جولته في المنطقة الشمالية",
                 "تحديث الأسطول الجوي المصري", "المصادر العسكرية أكدت وصول الدفعة الأولى إلى القاعدة"):
        assert arabic.rule(line) is None, line


def test_a_section_label_above_the_headline_is_furniture() -> None:
    page = clean_text("\n".join(["السودان", HEADLINE, "كتب: يوسف بن علي", BODY_1, BODY_2]))
    assert page.title == HEADLINE
    assert page.lines == (HEADLINE, BODY_1, BODY_2)


def test_a_menu_of_bullets_then_the_date_then_the_headline_twice() -> None:
    page = clean_text("\n".join(["  • أخبار", "  • دولية", "  • 2016/01/28 13:09", "", HEADLINE, "", HEADLINE, BODY_1,
                                 BODY_2, "وكالات", "مشاركة", "الرجوع"]))
    assert (page.title, page.published.value) == (HEADLINE, "2016-01-28")
    assert page.lines == (HEADLINE, BODY_1, BODY_2)


def test_a_dated_line_after_the_text_is_a_strip() -> None:
    page = clean_text("\n".join([HEADLINE, BODY_1, "الأربعاء 14 فبراير 2024", BODY_2]))
    assert page.lines == (HEADLINE, BODY_1, BODY_2)
    assert page.published.value is None


def test_hijri_conversion_umm_al_qura() -> None:
    assert hijri_to_gregorian(1444, 9, 1) == "2023-03-23"
    assert hijri_to_gregorian(1200, 1, 1) is None  # before the Umm al-Qura table


def test_arabic_byline_in_the_dateline_gives_the_author() -> None:
    page = clean_text("\n".join([HEADLINE, "السبت 09-03-2024 11:20 | كتب: سلمى فؤاد |", BODY_1]))
    assert (page.author, page.published.value, page.lines) == ("سلمى فؤاد", "2024-03-09", (HEADLINE, BODY_1))


def test_a_body_sentence_naming_a_network_is_not_a_share_line() -> None:
    line = ("وحمل المحتجون لافتات تندد بالاتفاق، ثم نشروا صور المسيرة على فيسبوك وتويتر، فيما دعت الأحزاب "
            "إلى تظاهرة جديدة الأسبوع المقبل أمام مقر البرلمان في العاصمة.")
    assert arabic.rule(line) is None


def test_a_page_of_short_lines_keeps_them() -> None:
    """With no body line nothing tells a header from the article: the short lines after the headline stay."""
    lines = [HEADLINE, "تدريب الطيارين في القاعدة الجوية", "صيانة الطائرات المقاتلة", "تبادل الخبرات الفنية"]
    assert clean_text("\n".join(lines)).lines == tuple(lines)


def test_section_markers_are_short_lines() -> None:
    assert arabic.is_section_marker("المزيد من الأخبار")
    assert arabic.is_section_marker("ذات صلة")
    assert not arabic.is_section_marker(
        "المزيد من الضغوط ستمارسها العواصم الغربية على الحكومة خلال الأسابيع المقبلة بحسب دبلوماسيين.")


def test_a_date_alone_after_the_first_body_line_is_not_the_publication_date() -> None:
    """A chronology's sub-heading is a date alone on its line: only the header's dateline dates the article."""
    page = clean_text("\n".join([HEADLINE, BODY_1, "11 سبتمبر 2001", BODY_2]))
    assert page.published.value is None


def test_a_dated_caption_does_not_date_the_article() -> None:
    caption = "وزير الدفاع يستقبل نظيره الروسي في مقر الوزارة بالعاصمة - الأحد 7 مايو 2023"
    for lines in ([HEADLINE, caption, BODY_1], [HEADLINE, "مشاركة", "صورة أرشيفية", caption, BODY_1]):
        page = clean_text("\n".join(lines))
        assert (page.published.value, page.lines) == (None, (HEADLINE, BODY_1))


def test_outlet_from_its_stamp_and_author_from_a_byline_without_date() -> None:
    page = clean_text("\n".join([HEADLINE, "صحيفة النيل -", "كتب: يوسف بن علي", BODY_1]))
    assert (page.outlet, page.author, page.lines) == ("صحيفة النيل", "يوسف بن علي", (HEADLINE, BODY_1))


def test_a_short_lead_sentence_after_the_headline_is_body() -> None:
    lead = "أعلنت وزارة الدفاع اليوم عن صفقة جديدة."
    page = clean_text("\n".join([HEADLINE, "صورة أرشيفية", lead, BODY_1]))
    assert page.lines == (HEADLINE, lead, BODY_1)
    question = "هل تغير الصفقة ميزان القوى في المنطقة؟"
    assert clean_text("\n".join(["x", question, "صحيفة الأفق -", BODY_1])).title == question


def test_an_arabic_article_inside_a_latin_menu_is_an_arabic_page() -> None:
    menu = ["Home", "World news", "Politics", "Economy", "Sports", "Culture", "Contact us", "About", "Newsletter"] * 4
    lines = [*menu, HEADLINE, BODY_1, "وزير الدفاع : الاتفاق خطوة أولى نحو شراكة أوسع بين البلدين"]
    assert arabic.is_arabic_page(lines)
    assert not arabic.is_arabic_page(["Le ministre algérien de la Défense est arrivé mardi à Moscou.", "عاجل"])
