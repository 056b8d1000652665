"""Capitals, demonyms and currencies that the knowledge base and the sum reader lacked (issues 12/13): a
capital stands for its state ("Manila said"), a demonym names it ("the Philippine Navy"), a sum is read in the
currency the text writes ("6 billion Swiss francs"). Sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from recoupe.kb import KnowledgeBase, load_kb
from recoupe.understand.annotate import Models
from recoupe.understand.entities import extract
from recoupe.understand.events._amounts import amounts
from recoupe.understand.events.arms import parse_value

from .conftest import annotated_of

# The members of the United Nations and the two observer states (ISO 3166-1 alpha-3).
_SOVEREIGN_CODES = (
    "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA "
    "BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ "
    "ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL "
    "ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT "
    "MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA PRK MKD NOR OMN PAK PLW PAN PNG PRY "
    "PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD "
    "ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN "
    "VNM YEM ZMB ZWE VAT PSE"
)
SOVEREIGN = _SOVEREIGN_CODES.split()
_ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()



def test_every_sovereign_state_has_a_capital(kb: KnowledgeBase) -> None:
    assert len(SOVEREIGN) == 195
    assert [s for s in SOVEREIGN if not kb.entries[s].attrs.get("capital")] == []


def test_every_sovereign_state_but_the_holy_see_has_demonyms(kb: KnowledgeBase) -> None:
    assert [s for s in SOVEREIGN if not kb.entries[s].demonyms] == ["VAT"]


@pytest.mark.parametrize(("form", "state"), [
    ("Manila", "PHL"), ("Manille", "PHL"), ("مانيلا", "PHL"), ("Philippine", "PHL"), ("Filipinos", "PHL"),
    ("philippines", "PHL"), ("فلبيني", "PHL"), ("Hanoi", "VNM"), ("هانوي", "VNM"), ("Bangkok", "THA"),
    ("بانكوك", "THA"), ("Tachkent", "UZB"), ("طشقند", "UZB"), ("Oulan-Bator", "MNG"), ("Podgorica", "MNE"),
    ("Montevideo", "URY"), ("Harare", "ZWE"), ("Lusaka", "ZMB"), ("Katmandou", "NPL"), ("Colombo", "LKA"),
    ("Naypyidaw", "MMR"), ("Phnom Penh", "KHM"), ("Yaren", "NRU"), ("سويدي", "SWE"), ("نرويجية", "NOR"),
    ("تايواني", "TWN"), ("إندونيسية", "IDN"), ("أذربيجاني", "AZE"), ("Monegasque", "MCO"),
    ("Santiago du Chili", "CHL"),
])
def test_capitals_and_demonyms_name_their_state(kb: KnowledgeBase, form: str, state: str) -> None:
    assert [entry.id for entry, _how in kb.lookup(form)] == [state]


@pytest.mark.parametrize(("form", "state"), [
    ("Victoria", "SYC"), ("Kingston", "JAM"), ("Wellington", "NZL"), ("Georgetown", "GUY"), ("Malé", "MDV"),
    ("سويدي", "SWE"),
    ("Roseau", "DMA"), ("Sofia", "BGR"), ("San José", "CRI"), ("Dili", "TLS"), ("كوبي", "CUB"),
    ("Micronesian", "FSM"),
])
def test_capitals_that_are_common_names_are_guarded(kb: KnowledgeBase, form: str, state: str) -> None:
    assert kb.is_ambiguous(state, form)


def test_capitals_written_in_latin_script_are_written_in_arabic_too(kb: KnowledgeBase) -> None:
    missing = [s for s in SOVEREIGN
               if any(not _ARABIC.search(m) for m in kb.entries[s].metonyms)
               and not any(_ARABIC.search(m) for m in kb.entries[s].metonyms)]
    assert missing == []


def test_capitals_acting_are_their_states(models: Models) -> None:
    text = "Manila and Tokyo signed a reciprocal access agreement on Monday, and Hanoi welcomed it."
    annotated = annotated_of(text, models)
    found = {m.text: m.kb_id for m in extract(annotated, annotated.doc, load_kb(), models.get("en")).mentions}
    assert (found["Manila"], found["Tokyo"], found["Hanoi"]) == ("PHL", "JPN", "VNM")


def test_french_capital_and_demonym_of_the_philippines(models: Models) -> None:
    text = "Manille et Tokyo ont signé un accord ; la marine philippine recevra des patrouilleurs japonais."
    annotated = annotated_of(text, models)
    found = {m.text: m.kb_id for m in extract(annotated, annotated.doc, load_kb(), models.get("fr")).mentions}
    assert (found["Manille"], found["Tokyo"], found["philippine"], found["japonais"]) == ("PHL", "JPN", "PHL", "JPN")


def test_english_demonym_of_the_philippines(models: Models) -> None:
    text = "Philippine officials said the corvettes built in South Korea had arrived."
    annotated = annotated_of(text, models)
    found = {m.text: m.kb_id for m in extract(annotated, annotated.doc, load_kb(), models.get("en")).mentions}
    assert (found["Philippine"], found["South Korea"]) == ("PHL", "KOR")


@pytest.mark.parametrize(("text", "want"), [
    ("The air force will buy the jets for 6 billion Swiss francs.", (6_000_000_000, "CHF")),
    ("a deal worth 1.2 billion pounds sterling", (1_200_000_000, "GBP")),
    ("un contrat de 5 milliards de livres sterling", (5_000_000_000, "GBP")),
    ("صفقة بقيمة مليار جنيه إسترليني", (1_000_000_000, "GBP")),
    ("صفقة بقيمة مليار جنيه", (1_000_000_000, "EGP")),
    ("Tokyo set aside 500 billion yen for the missiles", (500_000_000_000, "JPY")),
    ("Seoul approved 2 trillion won for the tanks", (2_000_000_000_000, "KRW")),
    ("a contract of Rs 5,000 crore for the howitzers", (50_000_000_000, "INR")),
    ("Jakarta will pay 3 billion rupiah", (3_000_000_000, "IDR")),
    ("a budget of 10 billion UAE dirhams", (10_000_000_000, "AED")),
    ("un accord de 2 milliards de dirhams", (2_000_000_000, "MAD")),
    ("worth 5 billion Saudi riyals", (5_000_000_000, "SAR")),
    ("a loan of 2 billion Kuwaiti dinars", (2_000_000_000, "KWD")),
    ("4 milliards de dinars algériens", (4_000_000_000, "DZD")),
    ("3 billion Turkish lira", (3_000_000_000, "TRY")),
    ("2 milliards de livres turques", (2_000_000_000, "TRY")),
    ("un contrat de 1,5 milliard de zlotys", (1_500_000_000, "PLN")),
    ("the navy's 12 billion kronor submarines", (12_000_000_000, "SEK")),
    ("5 billion Norwegian kroner", (5_000_000_000, "NOK")),
    ("Canberra committed A$3.4 billion", (3_400_000_000, "AUD")),
    ("500 مليون فرنك سويسري", (500_000_000, "CHF")),
    ("مليار ين", (1_000_000_000, "JPY")),
])
def test_sums_in_the_currencies_a_defence_press_writes(text: str, want: tuple[int, str]) -> None:
    assert [(a.amount, a.currency) for a in amounts(text)] == [want]
    assert parse_value(text) == {"amount": want[0], "currency": want[1]}


@pytest.mark.parametrize("text", [
    "In 2019 won the tender for the frigates.",  # a year, then the verb
    "a 12 kroner stamp",  # kroner alone: Danish or Norwegian?
    "une enveloppe de huit milliards de francs",  # francs alone: Swiss, CFA or French
])
def test_no_currency_guessed(text: str) -> None:
    assert parse_value(text) is None


def test_a_currency_sign_wins_over_a_verb_after_the_scale() -> None:
    text = "the $2 billion won by the shipyard"
    assert parse_value(text) == {"amount": 2_000_000_000, "currency": "USD"}
    assert [(a.amount, a.currency) for a in amounts(text)] == [(2_000_000_000, "USD")]
