"""Arabic entities and events: the knowledge base's Arabic names through clitics, persons after a title,
transliteration keys, and the Arabic event rules. Every sentence here is our own."""

from __future__ import annotations

import pytest

from recoupe.crosscheck.resolve import resolve
from recoupe.kb import load_kb
from recoupe.understand.annotate import Models
from recoupe.understand.arabic_names import kb_matches, linked_person, translit_key
from recoupe.understand.entities import extract
from recoupe.understand.events import extract_events
from recoupe.understand.events.arabic import parse_value_ar

from .conftest import annotated_of


def mentions_of(text: str, models: Models, published: str | None = None):  # type: ignore[no-untyped-def]
    a = annotated_of(text, models, published)
    return a, extract(a, a.doc, load_kb(), models.get(a.lang)).mentions


# --------------------------------------------------------------------------------------------------
# names


def test_clitics_stay_outside_the_names() -> None:
    kb = load_kb()
    text = "اتفقت مصر والسعودية بالرياض على دعم للجامعة العربية وبإيران."
    found = {(text[s:e], entry) for s, e, entry, _how in kb_matches(text, kb)}
    assert ("السعودية", "SAU") in found
    assert ("الرياض", "SAU") in found
    assert ("مصر", "EGY") in found
    assert ("إيران", "IRN") in found
    assert ("جامعة العربية", "org:arab-league") in found  # ل + ال is written لل: the span after the preposition


def test_arabic_weapon_forms() -> None:
    kb = load_kb()
    text = "تسلمت القوات الجوية مقاتلات سو-35 وطائرات إف-16 ومروحيات كاراكال."
    found = {text[s:e]: entry for s, e, entry, _how in kb_matches(text, kb)}
    assert found["سو-35"] == "eqp:su-35"
    assert found["إف-16"] == "eqp:f-16"
    assert found["كاراكال"] == "eqp:caracal"


def test_abd_written_joined_or_apart() -> None:
    kb = load_kb()
    for text in ("وصل الرئيس عبدالمجيد تبون إلى موسكو.", "وصل الرئيس عبد المجيد تبون إلى موسكو."):
        found = {entry for _s, _e, entry, _how in kb_matches(text, kb)}
        assert "per:abdelmadjid-tebboune" in found, text


@pytest.mark.parametrize("arabic, latin", [
    ("عبد المجيد تبون", "Abdelmadjid Tebboune"),
    ("عبد المجيد تبون", "Abdelmajid Tebbounne"),
    ("سامح شكري", "Sameh Shoukry"),
    ("هاكان فيدان", "Hakan Fidan"),
])
def test_transliteration_keys_meet(arabic: str, latin: str) -> None:
    assert translit_key(arabic) == translit_key(latin)


def test_transliteration_keys_keep_namesakes_apart() -> None:
    assert translit_key("محمد بن زايد") != translit_key("محمد بن سلمان")
    assert translit_key("Mohammed bin Zayed") != translit_key("محمد بن سلمان")


def test_unknown_arabic_spelling_links_to_the_latin_name() -> None:
    # "عبد المجيد تبّون" with a shadda and "Abdelmadjid Tebboune" are one person; no Arabic form of his
    # is needed for the link
    assert linked_person("عبد المجيد تبّون", load_kb()) == "per:abdelmadjid-tebboune"
    assert linked_person("وانغ يي", load_kb()) is None  # too short a key to link anything


def test_person_after_a_title_and_the_surname_alone(models: Models) -> None:
    text = ("قال المتحدث باسم وزارة الخارجية العمانية، سالم الهنائي، إن الوفد وصل. "
            "وأضاف الهنائي أن المحادثات ستستمر يومين.")
    _a, mentions = mentions_of(text, models)
    persons = [m.text for m in mentions if m.type == "PERSON"]
    assert persons == ["سالم الهنائي", "الهنائي"]
    entities = resolve(list(mentions), load_kb())
    people = [e for e in entities if e["type"] == "PERSON"]
    assert len(people) == 1
    assert sorted(m["text"] for m in people[0]["mentions"]) == ["الهنائي", "سالم الهنائي"]


def test_wife_and_husband_stay_apart(models: Models) -> None:
    text = "استقبل الرئيس السيسي وقرينته السيدة انتصار السيسي ضيوف مصر في القاهرة."
    _a, mentions = mentions_of(text, models)
    persons = {m.text: m.kb_id for m in mentions if m.type == "PERSON"}
    assert persons["السيسي"] == "per:abdel-fattah-el-sisi"
    assert persons["انتصار السيسي"] is None


def test_two_crown_princes_stay_apart(models: Models) -> None:
    text = "التقى الشيخ محمد بن زايد والأمير محمد بن سلمان في الرياض."
    _a, mentions = mentions_of(text, models)
    persons = {m.text: m.kb_id for m in mentions if m.type == "PERSON"}
    assert persons == {"محمد بن زايد": "per:mohamed-bin-zayed", "محمد بن سلمان": "per:mohammed-bin-salman"}


# --------------------------------------------------------------------------------------------------
# events


def events_of(text: str, models: Models, published: str | None = "2024-05-02"):  # type: ignore[no-untyped-def]
    a, mentions = mentions_of(text, models, published)
    return extract_events(a, a.doc, mentions, (), load_kb())


def test_signing_is_an_agreement_of_both_states(models: Models) -> None:
    (e,) = events_of("وقّع وزيرا الدفاع في تونس والجزائر أمس مذكرة تفاهم للتعاون العسكري بين البلدين.", models)
    assert e.category == "AGREEMENT"
    assert sorted(e.countries("source")) == ["DZA", "TUN"]
    assert e.factuality == "asserted"
    assert e.evidence[0].quote.startswith("وقّع")  # the quote as written, shadda kept
    assert (e.date.start, e.date.date_type) == ("2024-05-02", "approximate")  # told as the article's news


def test_visit_host_and_visitor_planned(models: Models) -> None:
    (e,) = events_of("سيتوجه الرئيس الفرنسي إلى الجزائر الأسبوع المقبل في زيارة رسمية تستغرق يومين.", models)
    assert e.category == "VISIT"
    assert e.countries("source") == {"FRA"}
    assert e.countries("recipient") == {"DZA"}
    assert e.factuality == "planned"


def test_reception_makes_the_host_the_recipient(models: Models) -> None:
    (e,) = events_of("استقبل العاهل الأردني في عمّان اليوم وزير الخارجية الأمريكي أنتوني بلينكن.", models)
    assert e.category == "VISIT"
    assert e.countries("recipient") == {"JOR"}
    assert e.countries("source") == {"USA"}


def test_reception_told_subject_first_keeps_the_host(models: Models) -> None:
    """Headline order: the subject before "يستقبل" hosts, the one after it visits."""
    (e,) = events_of("الرئيس التونسي يستقبل نظيره الجزائري في قرطاج.", models)
    assert e.category == "VISIT"
    assert e.countries("recipient") == {"TUN"}
    assert e.countries("source") == {"DZA"}


def test_arms_deal_with_number_value_and_designation(models: Models) -> None:
    (e,) = events_of("وقعت قطر صفقة لشراء 12 مقاتلة رافال من فرنسا بقيمة 3.5 مليار يورو عام 2023.", models)
    assert e.category == "ARMS_TRANSFER"
    assert e.countries("source") == {"FRA"}
    assert e.countries("recipient") == {"QAT"}
    assert e.attributes["designation"] == "Dassault Rafale"
    assert e.attributes["designation_as_written"] == "رافال"
    assert e.attributes["number"] == 12
    assert e.attributes["value"] == {"amount": 3500000000, "currency": "EUR"}
    assert e.attributes["status"] == "ordered"
    assert (e.date.start, e.date.granularity) == ("2023", "year")


def test_supply_without_a_known_system(models: Models) -> None:
    (e,) = events_of("أعلنت باكستان أنها ستزود نيجيريا بطائرات تدريب خلال العام.", models)
    assert e.category == "ARMS_TRANSFER"
    assert e.countries("source") == {"PAK"}
    assert e.countries("recipient") == {"NGA"}
    assert e.factuality == "planned"
    assert e.attributes["status"] == "planned"


def test_dual_counts_two(models: Models) -> None:
    (e,) = events_of("تسلمت الجزائر مقاتلتين من طراز سو-30 من روسيا.", models)
    assert e.attributes["number"] == 2
    assert e.attributes["status"] == "delivered"


def test_restored_relations_and_background_rupture(models: Models) -> None:
    events = events_of("أعلنت المغرب وتونس استئناف العلاقات الدبلوماسية بينهما بعد قطيعة دامت عامين.", models)
    assert [(e.category, e.attributes.get("action")) for e in events] == [("DIPLOMATIC_RELATIONS", "normalised")]
    assert sorted(events[0].countries("source")) == ["MAR", "TUN"]


def test_no_event_without_a_trigger_or_a_weapon(models: Models) -> None:
    assert events_of("تحدث المقال عن تاريخ مصر وتركيا في العصور الوسطى.", models) == ()
    assert events_of("تعتزم مصر شراء القمح من روسيا هذا العام.", models) == ()  # no weapon: no arms deal


@pytest.mark.parametrize("text, amount, currency", [
    ("صفقة تبلغ قيمتها ملياري دولار", 2_000_000_000, "USD"),
    ("بقيمة 2.5 مليار دولار", 2_500_000_000, "USD"),
    ("بقيمة 260 مليون دولار", 260_000_000, "USD"),
    ("عقد بقيمة مليار يورو", 1_000_000_000, "EUR"),
])
def test_arabic_values_as_stated(text: str, amount: int, currency: str) -> None:
    assert parse_value_ar(text) == {"amount": amount, "currency": currency}


# --------------------------------------------------------------------------------------------------
# fusion across languages


def test_restored_relations_never_join_the_earlier_break() -> None:
    """An undated Arabic "استئناف العلاقات" of the story joins the dated restoration, not the 2016 break
    between the same states (before, it could join either, so it joined none)."""
    from datetime import date

    from recoupe.crosscheck.fuse import FuseItem, link

    def item(article: str, names: frozenset[str], start: date | None, end: date | None) -> FuseItem:
        return FuseItem(article=article, category="DIPLOMATIC_RELATIONS", reciprocal=True, story="st:1",
                        source_countries=frozenset({"SAU", "IRN"}), recipient_countries=frozenset(),
                        persons=frozenset(), person_country={}, names=names, start=start, end=end,
                        granularity="day" if start else "unknown", factuality="asserted")

    restored = item("en", frozenset(), date(2023, 3, 10), date(2023, 3, 10))
    broken = item("en", frozenset({"relations:broken"}), date(2016, 1, 1), date(2016, 12, 31))
    undated = item("ar", frozenset(), None, None)
    assert link([restored, broken, undated]) == [[0, 2], [1]]


# --------------------------------------------------------------------------------------------------
# assault and protest sentences (bench/bench_arabic_gsr.py)


@pytest.mark.parametrize("sentence, expected", [
    ("هاجم مسلحون مركزا للشرطة في المدينة فجر اليوم وأسفر الهجوم عن سقوط ثلاثة قتلى.", {"ASSAULT"}),
    ("تظاهر آلاف الطلاب أمام مبنى البرلمان احتجاجا على رفع أسعار الخبز.", {"PROTEST"}),
    ("هل يمكن أن يؤدي الهجوم على المدينة إلى سقوط قتلى؟", set()),
    ("ناقش المؤتمر ظاهرة الاحتجاجات في الجامعات خلال العقد الماضي.", set()),
    ("وقعت الحكومتان اتفاقا تجاريا جديدا.", set()),
])
def test_assault_and_protest_sentences(sentence: str, expected: set[str]) -> None:
    from recoupe.understand.events.arabic_gsr import detect

    assert set(detect(sentence)) == expected


def test_yesterday_does_not_date_the_article_from_its_story(models: Models) -> None:
    """An undated article whose lead says the visit was "أمس" was written the day after: fusion does not give
    it the visit's day as its publication date (it did before)."""
    from recoupe.crosscheck.fuse import fuse

    dated = "وصل الرئيس الفرنسي إلى الجزائر اليوم في زيارة رسمية تستغرق يومين."
    undated = "استقبل الرئيس الجزائري أمس الرئيس الفرنسي في زيارة رسمية تستغرق يومين."
    found = []
    records = []
    for text, published in ((dated, "2024-05-02"), (undated, None)):
        a, mentions = mentions_of(text, models, published)
        from recoupe.understand.timex import tag

        timexes = tag(text, lang="ar", dct=published)
        events = extract_events(a, a.doc, mentions, timexes, load_kb())
        found.extend(events)
        records.append({"id": a.article.id, "outlet": "o" + str(len(records)), "text": text,
                        "published": {"value": published, "basis": "metadata" if published else "unknown",
                                      "reason": "test", "not_before": None}})
    (reading,) = [e for e in found if e.article == records[1]["id"]]
    assert reading.date.start is None and "أمس" in reading.date.reason
    stories = [{"id": "st:1", "articles": [r["id"] for r in records]}]
    result = fuse(found, [], records, stories)
    assert result.inferred == {}


def test_the_deal_of_an_article_about_one_system(models: Models) -> None:
    text = ("حصلت الجزائر على مقاتلات سو-30 من روسيا قبل سنوات. "
            "وتسلمت الجزائر أمس دفعة جديدة من المقاتلات الروسية.")
    events = [e for e in events_of(text, models) if e.category == "ARMS_TRANSFER"]
    assert [e.attributes["designation"] for e in events] == ["Sukhoi Su-30"]
    assert events[0].attributes["designation_as_written"] == "المقاتلات"
    assert events_of("ولا تعد صفقات السلاح بين البلدين جديدة على مصر وروسيا.", models) == ()


def test_the_year_of_an_earlier_signed_agreement_dates_nothing(models: Models) -> None:
    events = events_of("أعلنت مصر والأردن استئناف العلاقات وتفعيل اتفاقية التعاون الموقعة بينهما عام 2001.", models)
    assert [(e.category, e.date.start) for e in events] == [("DIPLOMATIC_RELATIONS", "2024-05-02")]


def test_trigger_words_keep_their_own_endings(models: Models) -> None:
    # "زار" (visited) is not in "وزاري" (ministerial); "زيارته" (his visit) is a visit
    assert events_of("عقد اجتماع وزاري عربي في القاهرة بحضور مصر والسعودية.", models)[0].category == "MEETING"
    (e,) = events_of("وخلال زيارته إلى الجزائر أمس التقى الرئيس الفرنسي عددا من الوزراء.", models)
    assert e.category == "VISIT"


def test_the_count_nearest_the_trigger(models: Models) -> None:
    (e,) = events_of("تشمل الدفعة الأولى مقاتلتين من صفقة تتضمن 20 مقاتلة سو-30 اشترتها الجزائر من روسيا.", models)
    assert e.attributes["number"] == 2


def test_a_year_after_since_dates_nothing(models: Models) -> None:
    (e,) = events_of("بدأ الرئيس التونسي زيارة إلى الصين تعد الأولى منذ انتخابه أواخر 2019.", models)
    assert e.category == "VISIT" and e.date.start == "2024-05-02"  # the news, not the year he took office


def test_talks_named_as_background_are_no_meeting(models: Models) -> None:
    events = events_of("فاجأ الإعلان المراقبين بعد محادثات استمرت عامين بين الولايات المتحدة وإيران.", models)
    assert [e.category for e in events] == []
    from recoupe.understand.timex import tag

    text = "وقّع البلدان اتفاق التجارة وتفعيل اتفاقية التعاون الموقعة بين مصر والأردن عام 2011."
    a, mentions = mentions_of(text, models, "2024-05-02")
    (e,) = extract_events(a, a.doc, mentions, tag(text, lang="ar", dct="2024-05-02"), load_kb())
    assert e.date.start == "2024-05-02"  # not 2011, the year of the agreement signed earlier


def test_a_weekday_of_the_article_leaves_the_event_to_its_own_day(models: Models) -> None:
    from recoupe.understand.events.arabic import DAY_COUNTED_FROM_PUBLICATION
    from recoupe.understand.timex import tag

    text = "وأفاد بيان مشترك اليوم الجمعة أن الصين استضافت مباحثات بين السعودية وإيران."
    a, mentions = mentions_of(text, models)
    (e,) = extract_events(a, a.doc, mentions, tag(text, lang="ar", dct=None), load_kb())
    assert e.date.start is None and DAY_COUNTED_FROM_PUBLICATION in e.date.reason


def test_america_alone_is_the_united_states_in_arabic(models: Models) -> None:
    _a, mentions = mentions_of("حذرت أمريكا مصر من شراء المقاتلات الروسية.", models)
    assert {m.text: m.kb_id for m in mentions if m.type == "GPE"} == {"أمريكا": "USA", "مصر": "EGY",
                                                                     "الروسية": "RUS"}


def test_a_name_two_states_share_goes_to_the_one_the_article_names(models: Models) -> None:
    # "عمان" is Amman (Jordan) and Oman; the article names Jordan (الأردنية), not Oman, and the United States most
    text = ("نشرت الجريدة الرسمية الأردنية نص الاتفاقية بين عمان وواشنطن. "
            "وقالت واشنطن إن الولايات المتحدة ملتزمة بالاتفاق مع الولايات المتحدة الأمريكية.")
    _a, mentions = mentions_of(text, models)
    assert {m.text: m.kb_id for m in mentions if m.text == "عمان"} == {"عمان": "JOR"}


def test_a_visit_names_its_persons_a_deal_does_not(models: Models) -> None:
    """The persons of a visit's sentence are its participants (fusion joins an undated headline naming them to
    the dated report); a deal's speaker is not a party to it."""
    (e,) = events_of("وصل الرئيس التركي رجب طيب أردوغان اليوم إلى القاهرة في زيارة رسمية لمصر.", models)
    assert e.category == "VISIT"
    assert [(p.kb_id, p.country) for p in e.participants] == [("per:recep-tayyip-erdogan", "TUR")]
    (deal,) = events_of("قال وزير الخارجية التركي هاكان فيدان إن تركيا وافقت على تزويد مصر بطائرات مسيرة.",
                        models)
    assert deal.category == "ARMS_TRANSFER" and deal.participants == ()


def test_a_purchase_to_come_is_dated_by_its_announcement(models: Models) -> None:
    """"ستزود": the supply decided is the article's news (its publication date); a visit to come is not."""
    (deal,) = events_of("ستزود روسيا الجزائر بعشر مروحيات عسكرية.", models)
    assert deal.category == "ARMS_TRANSFER"
    assert (deal.factuality, deal.date.start, deal.date.date_type) == ("planned", "2024-05-02", "approximate")
    (visit,) = events_of("سيتوجه الرئيس الفرنسي إلى الجزائر في زيارة رسمية.", models)
    assert (visit.factuality, visit.date.start) == ("planned", None)


@pytest.mark.parametrize("text", [
    "وقعت الإمارات صفقة بمليارات الدولارات لشراء مقاتلات من فرنسا",
    "عقود تبلغ قيمتها عشرات الملايين من الدولارات",
])
def test_billions_without_a_number_are_no_sum(text: str) -> None:
    """"بمليارات الدولارات" says billions, not one billion: no value is read (before: exactly 10**9)."""
    assert parse_value_ar(text) is None


def test_restored_relations_are_the_articles_states_not_the_places_named(models: Models) -> None:
    """"وتأتي إعادة العلاقات ... من ليبيا إلى العراق": the relations of the article's two states, not of the
    places the sentence names as a range (before: LBY and IRQ)."""
    text = ("أعلنت السعودية وإيران استئناف العلاقات الدبلوماسية بينهما بعد محادثات في بكين. "
            "وقال مسؤول إيراني إن السفارتين في الرياض وطهران ستفتحان خلال شهرين. "
            "وتأتي إعادة العلاقات بعد سنوات من التوتر الذي غذى الحروب في المنطقة من ليبيا إلى العراق.")
    events = events_of(text, models)
    assert {frozenset(r.kb_id for r in e.source) for e in events if e.category == "DIPLOMATIC_RELATIONS"} == {
        frozenset({"SAU", "IRN"})}


def test_a_part_of_the_whole_order(models: Models) -> None:
    """"تسلمت منها 6 فقط من أصل 20": 20 ordered, 6 of them delivered (before: no count at all)."""
    (e,) = events_of("أوقفت واشنطن عام 2015 صفقة مروحيات أباتشي كان العراق قد تسلم منها 6 فقط من أصل 20.", models)
    assert e.category == "ARMS_TRANSFER"
    assert (e.attributes["number"], e.attributes["number_total"]) == (6, 20)


def test_the_state_whose_concern_a_deal_raises_is_no_buyer(models: Models) -> None:
    """"أثارت صفقة ... قلق واشنطن ... على الجزائر": Washington objects, Algeria buys (before: RUS -> USA)."""
    events = events_of("أثارت صفقة شراء مقاتلات سو-35 قلق واشنطن التي لوحت بفرض عقوبات على الجزائر.", models)
    (deal,) = [e for e in events if e.category == "ARMS_TRANSFER"]
    assert ([r.kb_id for r in deal.source], [r.kb_id for r in deal.recipient]) == (["RUS"], ["DZA"])


def test_the_state_after_a_warning_noun_warns(models: Models) -> None:
    """"رغم تحذيرات واشنطن": Washington warns Algeria (before: Algeria warned Washington)."""
    events = events_of("اشترت الجزائر مقاتلات سو-35 رغم تحذيرات واشنطن.", models)
    (warning,) = [e for e in events if e.category == "STATEMENT"]
    assert ([r.kb_id for r in warning.source], [r.kb_id for r in warning.recipient]) == (["USA"], ["DZA"])


def test_a_deal_told_as_a_condition_is_hypothetical(models: Models) -> None:
    """"في حال مضت قدما في صفقة": no deal made, a condition (before: asserted, an ordered row)."""
    events = events_of("وهددت واشنطن بفرض عقوبات على أنقرة في حال مضت قدما في صفقة شراء منظومة إس-400 الروسية.",
                       models)
    (deal,) = [e for e in events if e.category == "ARMS_TRANSFER"]
    assert (deal.factuality, deal.attributes["status"]) == ("hypothetical", "planned")


@pytest.mark.parametrize("text, names", [
    # a name beginning with a hamza-seated alef and lam is no article (before: nothing / the expert's field)
    ("ونقل الموقع عن المحلل ألكسندر ماتفييف الخبير في الشؤون البحرية.", ["ألكسندر ماتفييف"]),
    ("وقال الرئيس الأذربيجاني إلهام علييف إن بلاده تريد السلام.", ["إلهام علييف"]),
    # "قوله" after the name is his saying, not a third name part (before: "إيغور كوروتشينكو قوله")
    ("ونقلت الصحيفة عن الخبير العسكري إيغور كوروتشينكو قوله إن الصفقة مربحة.", ["إيغور كوروتشينكو"]),
    # a title's field after a preposition names no one (before: "مجال الطيران")
    ("وذلك وفقا للخبير في مجال الطيران العسكري.", []),
])
def test_titled_names_edges(text: str, names: list[str]) -> None:
    from recoupe.understand.arabic_names import titled_names

    assert [text[s:e] for s, e in titled_names(text, load_kb())] == names


def test_an_outlet_named_in_quotes_after_its_kind(models: Models) -> None:
    """"وكالة "سبوتنيك"", "موقع “الدفاع اليوم”": organisations (before: not found at all)."""
    _a, mentions = mentions_of('ونقلت وكالة "سبوتنيك" عن موقع “الدفاع اليوم” الروسي أن القاهرة تسلمت مقاتلات سو-35.',
                               models)
    assert {(m.text, m.type) for m in mentions if m.type == "ORG"} == {("سبوتنيك", "ORG"), ("الدفاع اليوم", "ORG")}
