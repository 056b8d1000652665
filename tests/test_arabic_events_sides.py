"""Arabic events: who the parties are (a consortium's seller, a seller named before بيع, a verb's subject then its
object, a chairing state left aside, a ministry that is no visit), ambassadors withdrawn or summoned, denials,
and currencies qualified by their state. Every sentence here is our own."""

from __future__ import annotations

import pytest

from recoupe.kb import load_kb
from recoupe.understand.annotate import Models
from recoupe.understand.entities import extract
from recoupe.understand.events import EventMention, extract_events
from recoupe.understand.events.arabic import parse_value_ar

from .conftest import annotated_of


def events_of(text: str, models: Models) -> tuple[EventMention, ...]:
    a = annotated_of(text, models, "2024-05-02")
    kb = load_kb()
    return extract_events(a, a.doc, extract(a, a.doc, kb, models.get(a.lang)).mentions, (), kb)


def _sides(e: EventMention) -> tuple[str, list[str], list[str]]:
    return e.category, sorted(e.countries("source")), sorted(e.countries("recipient"))


def test_a_consortium_system_comes_from_the_member_named(models: Models) -> None:
    """A Eurofighter is German in the knowledge base; bought "from Italy" it is Italy's sale."""
    (e,) = events_of("استلمت الكويت ست مقاتلات يوروفايتر جديدة من إيطاليا هذا الشهر.", models)
    assert _sides(e) == ("ARMS_TRANSFER", ["ITA"], ["KWT"])
    (e,) = events_of("وقعت سلطنة عمان مع بريطانيا عقدا لشراء 12 مقاتلة تايفون.", models)
    assert _sides(e) == ("ARMS_TRANSFER", ["GBR"], ["OMN"])


def test_the_seller_of_a_sale_is_named_before_it(models: Models) -> None:
    (e,) = events_of("وافقت الولايات المتحدة على بيع 12 طائرة إف-16 إلى المغرب.", models)
    assert _sides(e) == ("ARMS_TRANSFER", ["USA"], ["MAR"])
    # a used system resold: the seller is the state that sells, not the system's maker
    (e,) = events_of("تعتزم قطر بيع مقاتلات ميراج 2000 إلى إندونيسيا.", models)
    assert _sides(e) == ("ARMS_TRANSFER", ["QAT"], ["IDN"])
    assert e.attributes["status"] == "planned"


def test_a_supply_verb_takes_its_subject_then_its_object(models: Models) -> None:
    (e,) = events_of("زودت روسيا سوريا بمنظومات صواريخ للدفاع الجوي.", models)
    assert _sides(e) == ("ARMS_TRANSFER", ["RUS"], ["SYR"])


def test_a_chairing_state_is_no_party(models: Models) -> None:
    (e,) = events_of("اجتمع وزيرا خارجية تونس والمغرب في الرباط خلال مؤتمر وزاري برئاسة الجزائر.", models)
    assert _sides(e) == ("MEETING", ["MAR", "TUN"], [])
    assert events_of("حضر وزير الدفاع الأردني مؤتمرا عربيا في القاهرة برئاسة مصر.", models) == ()


def test_a_ministry_is_no_visit(models: Models) -> None:
    """"وزارة" is "و" + "زار" + a suffix to a pattern of visits; it is the ministry."""
    events = events_of("وافقت وزارة الخارجية الأمريكية على منح مساعدات إلى الأردن.", models)
    assert [e.category for e in events if e.category == "VISIT"] == []


def test_an_ambassador_withdrawn_or_summoned(models: Models) -> None:
    (e,) = events_of("قررت تونس سحب سفيرها من إيطاليا للتشاور.", models)
    assert _sides(e) == ("DIPLOMATIC_RELATIONS", ["ITA", "TUN"], [])
    assert e.attributes["action"] == "broken"
    (e,) = events_of("استدعت وزارة الخارجية المغربية السفير الإسباني في الرباط.", models)
    assert _sides(e)[:2] == ("DIPLOMATIC_RELATIONS", ["ESP", "MAR"])


def test_a_denied_deal_and_a_cancelled_visit_are_negated(models: Models) -> None:
    (e,) = events_of("نفت الحكومة المصرية وجود أي صفقة لشراء مقاتلات سو-35 من روسيا.", models)
    assert (e.category, e.factuality) == ("ARMS_TRANSFER", "negated")
    (e,) = events_of("ألغى وزير الخارجية التونسي زيارة كانت مقررة إلى الجزائر.", models)
    assert (e.category, e.factuality) == ("VISIT", "negated")


def test_negotiating_a_purchase_is_planned(models: Models) -> None:
    (e,) = events_of("تتفاوض الجزائر مع روسيا لشراء مقاتلات سو-57.", models)
    assert (e.category, e.factuality, e.attributes["status"]) == ("ARMS_TRANSFER", "planned", "planned")


def test_meeting_verbs_and_phone_calls(models: Models) -> None:
    (e,) = events_of("أجرى العاهل المغربي اتصالا هاتفيا بالرئيس الموريتاني.", models)
    assert _sides(e) == ("MEETING", ["MAR", "MRT"], [])


@pytest.mark.parametrize("text, amount, currency", [
    ("بقيمة 6 مليارات جنيه إسترليني", 6_000_000_000, "GBP"),
    ("بقيمة 5 مليارات جنيه", 5_000_000_000, "EGP"),
    ("بقيمة 3 مليارات ريال قطري", 3_000_000_000, "QAR"),
])
def test_a_currency_qualified_by_its_state(text: str, amount: int, currency: str) -> None:
    assert parse_value_ar(text) == {"amount": amount, "currency": currency}


def test_a_demonym_of_a_player_or_a_topic_is_no_state(models: Models) -> None:
    assert events_of("وقع اللاعب الجزائري عقدا مع ناد قطري لمدة موسمين.", models) == ()
    (e,) = events_of("بحث وزيرا خارجية مصر والأردن في عمّان الأزمة السودانية.", models)
    assert _sides(e) == ("MEETING", ["EGY", "JOR"], [])


def test_a_mediator_is_no_party_to_the_relations_it_brokered(models: Models) -> None:
    events = events_of("أعلنت الجزائر والمغرب استئناف العلاقات الدبلوماسية بينهما بوساطة سعودية.", models)
    relations = [e for e in events if e.category == "DIPLOMATIC_RELATIONS"]
    assert [sorted(e.countries("source")) for e in relations] == [["DZA", "MAR"]]


def test_a_future_signing_is_a_planned_agreement(models: Models) -> None:
    (e,) = events_of("من المنتظر أن توقع مصر واليونان اتفاقية للتعاون البحري الشهر المقبل.", models)
    assert (e.category, sorted(e.countries("source")), e.factuality) == ("AGREEMENT", ["EGY", "GRC"], "planned")
