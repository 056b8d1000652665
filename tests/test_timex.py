"""The temporal tagger (recoupe.understand.timex): a table of French and English expressions with their TIMEX3 values
(written from the TimeML guidelines), text that must yield nothing, property tests, the batch interface,
and the document and event dates built on the timexes."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.records import AnnotatedArticle, CleanArticle, Published
from recoupe.registry import STAGES
from recoupe.understand.timex import (
    DocumentDate,
    Timex,
    date_from_story,
    event_date,
    infer_document_date,
    run_jsonl,
    tag,
    tag_one,
)
from recoupe.understand.timex.stage import tag_article

Row = tuple[str, str | None, str, list[tuple[str, str | None, str, str | None]]]

FR = "2022-09-20"  # a Tuesday
EN = "2022-07-22"  # a Friday
CASES: list[Row] = [
    # --- French, absolute
    ("Un accord-cadre signé le 24 novembre 2021 à Rabat.",
     FR, "fr", [("le 24 novembre 2021", "2021-11-24", "DATE", None)]),
    ("Il est arrivé mardi 19 juillet 2022 au Maroc.",
     FR, "fr", [("mardi 19 juillet 2022", "2022-07-19", "DATE", None)]),
    ("Publié le 25/11/2021 à 10h12.",
     FR, "fr", [("25/11/2021", "2021-11-25", "DATE", None), ("10h12", "2021-11-25T10:12", "TIME", None)]),
    ("La normalisation de décembre 2020.", FR, "fr", [("décembre 2020", "2020-12", "DATE", None)]),
    ("En 2014, Rabat a acheté trois drones.", FR, "fr", [("2014", "2014", "DATE", None)]),
    ("L'accord a été signé fin 2020.", FR, "fr", [("fin 2020", "2020", "DATE", "END")]),
    ("Les livraisons ont commencé début 2022.", FR, "fr", [("début 2022", "2022", "DATE", "START")]),
    ("Fin juin 2022, des observateurs étaient là.", None, "fr", [("Fin juin 2022", "2022-06", "DATE", "END")]),
    ("Les relations ont été rompues à l'été 2021.", FR, "fr", [("l'été 2021", "2021-SU", "DATE", None)]),
    ("Le phénomène date des années 60.", FR, "fr", [("années 60", "196X", "DATE", None)]),
    ("Le réseau fut créé à la fin du XIXe siècle.", FR, "fr", [("la fin du XIXe siècle", "18XX", "DATE", "END")]),
    ("La croissance entre 1990 et 1999 a ralenti.",
     FR, "fr", [("1990", "1990", "DATE", None), ("1999", "1999", "DATE", None)]),
    # --- French, relative to the publication date
    ("Fin juin, des observateurs israéliens se sont rendus au Maroc.",
     FR, "fr", [("Fin juin", "2022-06", "DATE", "END")]),
    ("Ils reviendront fin juin pour l'exercice.", FR, "fr", [("fin juin", "2023-06", "DATE", "END")]),
    ("La visite effectuée en juillet dernier a compté.", FR, "fr", [("juillet dernier", "2022-07", "DATE", None)]),
    ("Il s'est rendu à Rabat à la mi-juin.", FR, "fr", [("la mi-juin", "2022-06", "DATE", "MID")]),
    ("Il partira début octobre.", FR, "fr", [("début octobre", "2022-10", "DATE", "START")]),
    ("Ils ont été sanctionnés en mai et juin derniers.",
     FR, "fr", [("mai", "2022-05", "DATE", None), ("juin derniers", "2022-06", "DATE", None)]),
    ("Les deux pays ont convenu il y a deux ans de coopérer.", FR, "fr", [("il y a deux ans", "2020", "DATE", None)]),
    ("Il est arrivé il y a trois jours.", FR, "fr", [("il y a trois jours", "2022-09-17", "DATE", None)]),
    ("Il a annoncé hier sa démission.", FR, "fr", [("hier", "2022-09-19", "DATE", None)]),
    ("Le ministre est arrivé hier soir.", FR, "fr", [("hier soir", "2022-09-19TEV", "TIME", None)]),
    ("Il se rend aujourd'hui à Rabat.", FR, "fr", [("aujourd'hui", "2022-09-20", "DATE", None)]),
    ("Le comité se réunira demain.", FR, "fr", [("demain", "2022-09-21", "DATE", None)]),
    ("Les deux pays ont signé mardi un accord.", "2022-09-22", "fr", [("mardi", "2022-09-20", "DATE", None)]),
    ("Les deux pays signeront mardi un accord.", "2022-09-22", "fr", [("mardi", "2022-09-27", "DATE", None)]),
    ("Il sera opéré lundi prochain.", FR, "fr", [("lundi prochain", "2022-09-26", "DATE", None)]),
    ("Il a démissionné mercredi dernier.", FR, "fr", [("mercredi dernier", "2022-09-14", "DATE", None)]),
    ("La liste a été publiée cette semaine.", FR, "fr", [("cette semaine", "2022-W38", "DATE", None)]),
    ("Il était à Paris la semaine dernière.", FR, "fr", [("la semaine dernière", "2022-W37", "DATE", None)]),
    ("Le sommet aura lieu le mois prochain.", FR, "fr", [("le mois prochain", "2022-10", "DATE", None)]),
    ("Le budget a baissé l'an dernier.", FR, "fr", [("l'an dernier", "2021", "DATE", None)]),
    ("Le contrat sera signé l'année prochaine.", FR, "fr", [("l'année prochaine", "2023", "DATE", None)]),
    ("Deux ruptures cette année.", FR, "fr", [("cette année", "2022", "DATE", None)]),
    ("Les travaux seront achevés d'ici la fin de l'année.", FR, "fr", [("la fin de l'année", "2022", "DATE", "END")]),
    ("Le général séjournera au Maroc dans trois jours.", FR, "fr", [("dans trois jours", "2022-09-23", "DATE", None)]),
    ("Il a séjourné dans le royaume du 17 au 20 juillet.",
     FR, "fr", [("17", "2022-07-17", "DATE", None), ("20 juillet", "2022-07-20", "DATE", None)]),
    ("La réunion s'est déroulée lundi et mardi à Rabat.",
     FR, "fr", [("lundi", "2022-09-19", "DATE", None), ("mardi", "2022-09-20", "DATE", None)]),
    ("Les faits ont eu lieu dans la nuit de lundi à mardi.",
     FR, "fr", [("la nuit de lundi à mardi", "2022-09-19TNI", "TIME", None)]),
    ("Rendez-vous est donné à 14 h 30 devant la mairie.", FR, "fr", [("14 h 30", "2022-09-20T14:30", "TIME", None)]),
    ("Il a été agressé hier vers 18 h.",
     FR, "fr", [("hier", "2022-09-19", "DATE", None), ("18 h", "2022-09-19T18:00", "TIME", "APPROX")]),
    # --- French, narrative
    ("Le 3 mars 2021, il est arrivé. Le lendemain, il est reparti.",
     FR, "fr", [("Le 3 mars 2021", "2021-03-03", "DATE", None), ("Le lendemain", "2021-03-04", "DATE", None)]),
    ("En novembre 2021, Gantz avait signé un protocole. Sa visite avait été suivie en juillet par celle de Kochavi.",
     None, "fr", [("novembre 2021", "2021-11", "DATE", None), ("juillet", "2022-07", "DATE", None)]),
    ("L'Algérie a rompu ses relations en août 2021, puis s'est tournée vers Moscou à l'été de la même année.",
     None, "fr", [("août 2021", "2021-08", "DATE", None), ("l'été de la même année", "2021-SU", "DATE", None)]),
    ("Il y a deux ans, le 22 décembre 2020, une déclaration officialisait la reprise des relations. "
     "Le 10 décembre, Washington avait annoncé sa décision.",
     "2022-12-22", "fr", [("Il y a deux ans", "2020", "DATE", None),
      ("le 22 décembre 2020", "2020-12-22", "DATE", None), ("Le 10 décembre", "2020-12-10", "DATE", None)]),
    ("Yaïr Lapid en 2021, Benny Gantz en novembre de la même année.",
     None, "fr", [("2021", "2021", "DATE", None), ("novembre de la même année", "2021-11", "DATE", None)]),
    # --- French, unknown or partial DCT: never guessed
    ("Le Maroc et Israël se sont mis d'accord mardi.", None, "fr", [("mardi", None, "DATE", None)]),
    ("Les diplomates ont déclaré il y a deux ans que l'achat était fait.",
     None, "fr", [("il y a deux ans", None, "DATE", None)]),
    ("La visite de la ministre en juin dernier a compté.", None, "fr", [("juin dernier", None, "DATE", None)]),
    ("Des observateurs ont participé fin juin à l'exercice.",
     "2022-07", "fr", [("fin juin", "2022-06", "DATE", "END")]),
    ("Le comité s'est réuni mardi.", "2022-07", "fr", [("mardi", None, "DATE", None)]),
    # --- French, durations, sets, references
    ("La réunion s'est tenue pendant deux jours.", FR, "fr", [("deux jours", "P2D", "DURATION", None)]),
    ("Leur association durera plus de vingt ans.", FR, "fr", [("plus de vingt ans", "P20Y", "DURATION", "MORE_THAN")]),
    ("Indisponible trois mois.", FR, "fr", [("trois mois", "P3M", "DURATION", None)]),
    ("Il devance son coéquipier de 30,4 secondes.", FR, "fr", [("30,4 secondes", "PT30.4S", "DURATION", None)]),
    ("Une région disputée depuis un demi-siècle.", FR, "fr", [("un demi-siècle", "P50Y", "DURATION", None)]),
    ("Les violences se sont multipliées ces derniers jours.",
     FR, "fr", [("ces derniers jours", "PXD", "DURATION", None)]),
    ("L'exercice est organisé chaque année.", FR, "fr", [("chaque année", "P1Y", "SET", None)]),
    ("Les inscriptions ont lieu tous les jeudis.", FR, "fr", [("tous les jeudis", "XXXX-WXX-4", "SET", None)]),
    ("La France préside actuellement le Conseil.", FR, "fr", [("actuellement", "PRESENT_REF", "TIME", None)]),
    ("Yaïr Lapid, ex-ministre et aujourd'hui premier ministre d'Israël.",
     FR, "fr", [("aujourd'hui", "PRESENT_REF", "TIME", None)]),
    # --- English
    ("Last Tuesday he was received in Rabat.", EN, "en", [("Last Tuesday", "2022-07-19", "DATE", None)]),
    ("He landed in Morocco on Monday, 18 July, for a three-day trip.",
     EN, "en", [("Monday, 18 July", "2022-07-18", "DATE", None), ("three-day", "P3D", "DURATION", None)]),
    ("Earlier this month Kochavi visited the kingdom.", EN, "en", [("Earlier this month", "2022-07", "DATE", None)]),
    ("A visit that ran from 17 to 20 July.",
     EN, "en", [("17", "2022-07-17", "DATE", None), ("20 July", "2022-07-20", "DATE", None)]),
    ("The memorandum was signed on November 24, 2021.", EN, "en", [("November 24, 2021", "2021-11-24", "DATE", None)]),
    ("The deal was struck two years ago.", EN, "en", [("two years ago", "2020", "DATE", None)]),
    ("The minister arrived yesterday.", EN, "en", [("yesterday", "2022-07-21", "DATE", None)]),
    ("Talks will resume next week.", EN, "en", [("next week", "2022-W30", "DATE", None)]),
    ("At the end of June, Israeli officers attended the exercise.",
     EN, "en", [("the end of June", "2022-06", "DATE", "END")]),
    ("Ties were restored in December 2020. Algeria cut relations the following summer.",
     EN, "en", [("December 2020", "2020-12", "DATE", None), ("the following summer", "2021-SU", "DATE", None)]),
    ("The sanctions lasted for three years.", EN, "en", [("three years", "P3Y", "DURATION", None)]),
    ("The exercise is held every year.", EN, "en", [("every year", "P1Y", "SET", None)]),
    ("Relations were frozen in the 1990s.", EN, "en", [("the 1990s", "199X", "DATE", None)]),
    ("The agreement was signed in late 2020.", EN, "en", [("late 2020", "2020", "DATE", "END")]),
    ("The talks started at 10:30 am.", EN, "en", [("10:30 am", "2022-07-22T10:30", "TIME", None)]),
    ("Algeria cut ties last year.", EN, "en", [("last year", "2021", "DATE", None)]),
    ("Morocco currently buys Israeli drones.", EN, "en", [("currently", "PRESENT_REF", "TIME", None)]),
    ("The visit took place in mid-July.", EN, "en", [("mid-July", "2022-07", "DATE", "MID")]),
    ("The conference will be held in September.", EN, "en", [("September", "2022-09", "DATE", None)]),
    ("The conference was held in September.", EN, "en", [("September", "2021-09", "DATE", None)]),
    ("They met on Monday and Tuesday.",
     "2023-01-26", "en", [("Monday", "2023-01-23", "DATE", None), ("Tuesday", "2023-01-24", "DATE", None)]),
    ("The meeting happened last Tuesday.", None, "en", [("last Tuesday", None, "DATE", None)]),
]


@pytest.mark.parametrize(("text", "dct", "lang", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_timex_table(text: str, dct: str | None, lang: str,
                     expected: list[tuple[str, str | None, str, str | None]]) -> None:
    got = [(t.text, t.value, t.type, t.mod) for t in tag(text, lang=lang, dct=dct)]
    assert got == expected


def test_timex_table_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert {c[2] for c in CASES} == {"fr", "en"}


NOTHING_FR = [
    "Le Maroc a acheté des Mirage 2000 et des F-16.",
    "Le budget devrait atteindre 124,7 milliards de dirhams.",
    "La résolution 2440 du Conseil de sécurité.",
    "Appelez le 06 12 34 56 78 ou le 06.12.34.56.78.",
    "Tél. : +212 5 37 12 34 56",
    "Les années passent.",
    "L'accord a été signé à Rabat.",
    "Les Jeux d'hiver de Pékin.",
    "Le quotidien israélien Haaretz l'a révélé.",
    "Le site de l'hebdomadaire marocain.",
    "Un chauffeur de 38 ans a été blessé.",
    "Plus de 2000 soldats déployés.",
    "Le printemps arabe a bouleversé la région.",
    "La loi 2021-1234 est entrée en vigueur.",
    "L'Airbus A400M et le Boeing 747.",
    "Le Vendredi Saint est férié.",
    "Une seconde fois, il a refusé.",
    "L'exercice African Lion 2022 s'est achevé.",
    "Le PLF 2024 prévoit une hausse.",
    "Le code 1234 et le vol AF 1999.",
]
NOTHING_EN = [
    "May I help you?",
    "Protesters will march on Rabat.",
    "Morocco bought F-16 fighter jets and Mirage 2000 aircraft.",
    "A 45-year-old man was arrested.",
    "The $50 million deal.",
    "Resolution 2440 was adopted.",
    "He tried a second time.",
    "The Israeli daily Haaretz reported it.",
    "Call +1 202 555 0143.",
    "The Vision 2030 plan.",
]


@pytest.mark.parametrize(("lang", "text"), [("fr", t) for t in NOTHING_FR] + [("en", t) for t in NOTHING_EN])
def test_timex_nothing_to_tag(lang: str, text: str) -> None:
    assert tag(text, lang=lang, dct="2022-09-20") == []


def test_timex_other_languages_and_empty_text() -> None:
    assert tag("Treffen am Dienstag 2022", lang="de", dct="2022-09-20") == []
    assert tag("نشست روز سه‌شنبه", lang="fa", dct="2022-09-20") == []  # Persian: not read with the Arabic rules
    assert tag("", lang="fr", dct=None) == []
    assert tag("Il est venu en 2014.", lang="fr-FR", dct=None)[0].value == "2014"


def test_timex_reasons_and_anchoring() -> None:
    dated = tag("Fin juin, ils sont venus. Il y a deux ans, rien.", lang="fr", dct="2022-09-20")
    assert [t.anchored for t in dated] == ["dct", "dct"]
    assert all(t.reason for t in dated)
    undated = tag("Fin juin, ils sont venus. En 2014, rien.", lang="fr", dct=None)
    assert [(t.value, t.anchored) for t in undated] == [(None, "none"), ("2014", "absolute")]
    assert "unknown" in undated[0].reason or "no publication date" in undated[0].reason


def test_timex_range_end_on_first_bound() -> None:
    first, second = tag("Il était au Maroc du 17 au 20 juillet.", lang="fr", dct="2022-09-21")
    assert (first.value, first.range_end, second.range_end) == ("2022-07-17", "2022-07-20", None)
    assert first.granularity == "day"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # Wednesday 2024-03-06: each weekday alone falls on either side of the range's first day
    ("The president is paying a state visit to Spain from Tuesday to Thursday.", "en", ("2024-03-05", "2024-03-07")),
    ("The president will pay a state visit to Spain from Monday to Wednesday.", "en", ("2024-03-11", "2024-03-13")),
    ("Le président se rendra en Espagne de mardi à jeudi.", "fr", ("2024-03-12", "2024-03-14")),
    ("Le roi a effectué une visite en Espagne de dimanche à mardi.", "fr", ("2024-03-03", "2024-03-05")),
])
def test_weekday_range_ends_on_or_after_its_first_day(text: str, lang: str, expected: tuple[str, str]) -> None:
    first, second = tag(text, lang=lang, dct="2024-03-06")
    assert (first.value, first.range_end) == expected
    assert second.value == expected[1]


# --- property tests ---------------------------------------------------------------------------------------

TIME_WORDS = ["le", "la", "en", "du", "au", "de", "fin", "début", "mi-", "juin", "juillet", "mars", "mai", "2022",
              "1999", "17", "1er", "mardi", "lundi", "prochain", "dernier", "hier", "aujourd'hui", "il", "y", "a",
              "deux", "ans", "mois", "jours", "heures", "14", "h", "30", ",", ".", "et", "même", "année", "été",
              "lendemain", "chaque", "tous", "les", "semaine", "the", "last", "next", "Tuesday", "July", "ago",
              "years", "from", "to", "summer", "following", "at", "10:30", "am", "'", "-", "/", "«", "»", "\n"]
DCTS = st.sampled_from([None, "2022-09-20", "2022-07", "2022", "2014-09-01T10:30"])


def _check(text: str, timexes: list[Timex]) -> None:
    end = -1
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= end  # sorted, not overlapping
        end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.value is not None:
            assert re.fullmatch(r"[0-9A-Z_:.\-+]+", t.value), t.value
        else:
            assert t.anchored == "none"


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300), dct=DCTS, lang=st.sampled_from(["fr", "en"]))
def test_timex_never_raises_on_any_text(text: str, dct: str | None, lang: str) -> None:
    _check(text, tag(text, lang=lang, dct=dct))


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(TIME_WORDS), max_size=40), dct=DCTS, lang=st.sampled_from(["fr", "en"]))
def test_timex_never_raises_on_time_words(words: list[str], dct: str | None, lang: str) -> None:
    text = " ".join(words)
    _check(text, tag(text, lang=lang, dct=dct))


# --- batch interface ------------------------------------------------------------------------------------

def test_timex_run_jsonl_goes_on_after_a_bad_line() -> None:
    lines = [
        json.dumps({"id": "a", "text": "Ils ont signé mardi, fin juin.", "dct": "2022-09-22", "lang": "fr"}),
        "{not json",
        "",
        json.dumps({"id": "b", "text": 12}),
        json.dumps({"id": "c", "text": "x", "dct": "yesterday"}),
        json.dumps({"id": "d", "text": "x", "lang": "de"}),
        json.dumps(["a list"]),
        json.dumps({"id": "e", "text": "Two years ago.", "dct": None, "lang": "en"}),
    ]
    out = [json.loads(line) for line in run_jsonl(lines)]
    assert [o.get("id") for o in out] == ["a", None, "b", "c", "d", None, "e"]
    assert out[0]["timexes"] == [
        {"start": 14, "end": 19, "text": "mardi", "value": "2022-09-20", "type": "DATE", "mod": None},
        {"start": 21, "end": 29, "text": "fin juin", "value": "2022-06", "type": "DATE", "mod": "END"},
    ]
    assert all("error" in o for o in out[1:6])
    assert out[6]["timexes"] == [{"start": 0, "end": 13, "text": "Two years ago", "value": None, "type": "DATE",
                                  "mod": None}]


def test_timex_tag_one() -> None:
    assert tag_one("le 24 novembre 2021", None, "fr") == [
        {"start": 0, "end": 19, "text": "le 24 novembre 2021", "value": "2021-11-24", "type": "DATE", "mod": None}]


# --- document, story and event dates --------------------------------------------------------------------

def test_timex_infer_document_date_from_the_body() -> None:
    text = ("En novembre 2021, l'ex-ministre de la Défense avait signé à Rabat un protocole. Sa visite avait été "
            "suivie en juillet par celle de l'ex-patron de l'armée. Le Maroc recevra des drones en 2025.")
    found = infer_document_date(text, tag(text, lang="fr", dct=None), lang="fr")
    assert found is not None
    assert (found.value, found.date_type, found.basis) == ("2022-07", "approximate", "inferred")
    assert "ex-ministre" in found.reason and "later than the events" in found.reason
    assert infer_document_date("Il est venu mardi.", tag("Il est venu mardi.", lang="fr", dct=None), lang="fr") is None


def test_timex_date_from_story() -> None:
    one = date_from_story([("2022-07-22", "medsecreview"), ("2022-07-22", 2.0)])
    assert one == DocumentDate(value="2022-07-22", date_type="approximate", reason=one.reason if one else "")
    spread = date_from_story([("2023-01-24", "atlasinfo"), ("2023-01-25", "courrier"), ("2023-01-26", "nadd"),
                              ("2021-11-25", 1.0), ("not a date", 5.0)])
    assert spread is not None
    assert (spread.value, spread.end, spread.date_type) == ("2023-01-24", "2023-01-26", "range")
    assert "1 other candidate" in spread.reason
    assert date_from_story([]) is None


def test_timex_event_date() -> None:
    text = "Fin juin, ils sont venus. Ils ont signé mardi. La réunion a duré deux jours."
    fin_juin, mardi, duree = tag(text, lang="fr", dct="2022-09-22")
    assert event_date(fin_juin) == {"start": "2022-06", "end": "2022-06", "granularity": "month",
                                    "date_type": "approximate", "reason": event_date(fin_juin)["reason"]}
    assert event_date(mardi)["date_type"] == "exact"
    assert event_date(duree)["date_type"] == "unresolved"
    week = tag("cette semaine", lang="fr", dct="2022-09-22")[0]
    assert event_date(week)["start"] == "2022-09-19" and event_date(week)["end"] == "2022-09-25"
    first = tag("du 17 au 20 juillet", lang="fr", dct="2022-09-22")[0]
    assert (event_date(first)["start"], event_date(first)["end"], event_date(first)["date_type"]) == (
        "2022-07-17", "2022-07-20", "range")


# --- the timex.v1 stage -----------------------------------------------------------------------------------

def _annotated(text: str, published: Published, lang: str = "fr") -> AnnotatedArticle:
    article = CleanArticle(id="a1", raw_id="r1", source="s", outlet=None, title=None, author=None,
                           published=published, text=text, dropped=0)
    return AnnotatedArticle(article=article, lang=lang, paragraphs=(), sentences=(), model="none", n_tokens=0,
                            doc_bytes=b"")


def test_timex_stage_dated_article() -> None:
    published = Published(value="2022-09-20", basis="dateline", reason="dateline")
    result = tag_article(_annotated("Fin juin, des observateurs sont venus.", published))
    assert result.published == published
    assert result.rows() == [("a1", 0, 8, "Fin juin", "2022-06", "DATE", "END")]
    assert "timex.v1" in STAGES


def test_timex_stage_infers_a_date_but_never_uses_it_as_dct() -> None:
    text = "En novembre 2021, Gantz avait signé. Sa visite avait été suivie en juillet par celle de Kochavi, mardi."
    result = tag_article(_annotated(text, Published.unknown()))
    assert (result.published.value, result.published.basis) == ("2022-07", "inferred")
    assert [(t.text, t.value) for t in result.timexes] == [("novembre 2021", "2021-11"), ("juillet", "2022-07"),
                                                           ("mardi", None)]


def test_timex_stage_other_language() -> None:
    result = tag_article(_annotated("روز سه‌شنبه", Published.unknown(), lang="fa"))
    assert result.timexes == () and result.warnings


def test_regression_numeric_date_pattern_without_x_group() -> None:
    """make bench crashed the pipeline on an English page with "12/05/2021" (rule en.numeric has no "x" group)."""
    (timex,) = tag("The report was published on 12/05/2021 by the ministry.", lang="en", dct="2022-01-01")
    assert (timex.text, timex.value) == ("12/05/2021", "2021-12-05")
