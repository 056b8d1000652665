"""The events stage on sentences written for these tests (French and English): the event each must yield
(category, source and recipient countries, factuality, date), sentences that must yield none, and the records
built from events (events.jsonl, arms_transfers.jsonl) and their PLOVER coding."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from recoupe.crosscheck.resolve import resolve
from recoupe.kb import load_kb
from recoupe.records import CleanArticle, Published, article_id
from recoupe.understand.annotate import Models, annotate
from recoupe.understand.entities import extract
from recoupe.understand.events import (
    NEWS_DATE,
    RECIPROCAL,
    EventMention,
    extract_events,
    load_lexicon,
    to_event_records,
)
from recoupe.understand.events.arms import parse_value, to_arms_records
from recoupe.understand.events.plover import CATEGORY_CODES, PLOVER_EVENT_TYPES, code
from recoupe.understand.timex.stage import tag_article

PUBLISHED = "2023-03-01"
NEWS_FROM = "2023-02-26"  # PUBLISHED less NEWS_WINDOW_DAYS (3)

# text, category, source countries, recipient countries, factuality, date start (None: undated)
ROWS: list[tuple[str, str, set[str], set[str], str, str | None]] = [
    # visits
    ("Le ministre égyptien de la Défense s'est rendu en Jordanie le 14 novembre 2021.",
     "VISIT", {"EGY"}, {"JOR"}, "asserted", "2021-11-14"),
    ("Le chef d'état-major algérien a été reçu à Tunis par le président tunisien le 3 mars 2022.",
     "VISIT", {"DZA"}, {"TUN"}, "asserted", "2022-03-03"),
    ("Israeli Defence Minister Benny Gantz visited Morocco on 24 November 2021.",
     "VISIT", {"ISR"}, {"MAR"}, "asserted", "2021-11-24"),
    ("The Israeli army chief could visit Morocco in the coming weeks.",
     "VISIT", {"ISR"}, {"MAR"}, "hypothetical", None),
    # meetings and conferences
    ("Le ministre de la Défense israélien, Benny Gantz, devrait s'entretenir avec son homologue marocain.",
     "MEETING", {"ISR", "MAR"}, set(), "planned", None),
    ("L'Espagne et le Maroc ont tenu une réunion de haut niveau à Rabat le 2 février 2023.",
     "MEETING", {"ESP", "MAR"}, set(), "asserted", "2023-02-02"),
    ("King Abdullah of Jordan met the Israeli prime minister in Amman on 5 January 2023.",
     "MEETING", {"JOR", "ISR"}, set(), "asserted", "2023-01-05"),
    ("Spain and Morocco held talks in Madrid on 7 April 2022.",
     "MEETING", {"ESP", "MAR"}, set(), "asserted", "2022-04-07"),
    ("Le chef d'état-major algérien a été reçu à Tunis par le président tunisien le 3 mars 2022.",
     "MEETING", {"DZA", "TUN"}, set(), "asserted", "2022-03-03"),
    ("Une délégation marocaine a participé au salon de défense IDEX à Abou Dhabi en février 2023.",
     "CONFERENCE", {"MAR"}, set(), "asserted", "2023-02"),
    # agreements
    ("L'Égypte et la Jordanie ont signé un protocole d'accord de coopération militaire le 12 mai 2022.",
     "AGREEMENT", {"EGY", "JOR"}, set(), "asserted", "2022-05-12"),
    ("La signature d'un accord-cadre entre la Tunisie et l'Italie a eu lieu à Tunis en mai 2022.",
     "AGREEMENT", {"TUN", "ITA"}, set(), "asserted", "2022-05"),
    ("Le Maroc et Israël pourraient signer un accord de défense l'an prochain.",
     "AGREEMENT", {"MAR", "ISR"}, set(), "hypothetical", "2024"),
    ("Aucun accord n'a été signé entre Rabat et Alger.",
     "AGREEMENT", {"MAR", "DZA"}, set(), "negated", None),
    ("Morocco and Israel signed a defence memorandum of understanding in Rabat.",
     "AGREEMENT", {"MAR", "ISR"}, set(), "asserted", None),
    ("No agreement was signed between Morocco and Israel.",
     "AGREEMENT", {"MAR", "ISR"}, set(), "negated", None),
    # cooperation
    ("La Tunisie et l'Algérie ont convenu de renforcer et d'étendre leur coopération au renseignement.",
     "COOPERATION", {"TUN", "DZA"}, set(), "asserted", None),
    ("La Turquie aidera le Niger à fabriquer des drones.",
     "COOPERATION", {"TUR"}, {"NER"}, "planned", None),
    ("Egypt and Saudi Arabia agreed to expand their military cooperation.",
     "COOPERATION", {"EGY", "SAU"}, set(), "asserted", None),
    # exercises
    ("Des soldats tunisiens ont participé à l'exercice African Lion en juin 2022.",
     "EXERCISE", {"TUN"}, set(), "asserted", "2022-06"),
    ("Des observateurs israéliens ont assisté aux manœuvres African Lion 2022.",
     "EXERCISE", {"ISR"}, set(), "asserted", None),
    ("Israeli officers attended the exercise African Lion 2022 in Morocco.",
     "EXERCISE", {"ISR"}, set(), "asserted", None),
    ("The United States and Morocco held joint military exercises off Agadir in June 2022.",
     "EXERCISE", {"USA", "MAR"}, set(), "asserted", "2022-06"),
    # arms transfers
    ("Le Maroc a acquis le drone Harop auprès d'Israel Aerospace Industries en 2021.",
     "ARMS_TRANSFER", {"ISR"}, {"MAR"}, "asserted", "2021"),
    ("L'achat de trois drones Heron par le Maroc a coûté 50 millions de dollars.",
     "ARMS_TRANSFER", {"ISR"}, {"MAR"}, "asserted", None),
    ("Selon des sources médiatiques, Israël aurait livré des drones au Maroc.",
     "ARMS_TRANSFER", {"ISR"}, {"MAR"}, "reported", None),
    ("Selon la presse, la Turquie aurait vendu des drones Bayraktar TB2 à l'Éthiopie.",
     "ARMS_TRANSFER", {"TUR"}, {"ETH"}, "reported", None),
    ("Le Maroc va réceptionner cinq hélicoptères H135 en 2024.",
     "ARMS_TRANSFER", {"FRA"}, {"MAR"}, "planned", "2024"),
    ("La France a livré douze canons Caesar au Maroc en 2022.",
     "ARMS_TRANSFER", {"FRA"}, {"MAR"}, "asserted", "2022"),
    ("Morocco bought three Heron drones from Israel for USD 50 million.",
     "ARMS_TRANSFER", {"ISR"}, {"MAR"}, "asserted", None),
    ("Turkey will deliver Bayraktar TB2 drones to Morocco next year.",
     "ARMS_TRANSFER", {"TUR"}, {"MAR"}, "planned", "2024"),
    ("Morocco reportedly bought Israeli drones.",
     "ARMS_TRANSFER", {"ISR"}, {"MAR"}, "reported", None),
    ("Egypt received the first Rafale jets from France in 2016.",
     "ARMS_TRANSFER", {"FRA"}, {"EGY"}, "asserted", "2016"),
    # diplomatic relations
    ("Le Niger a rompu ses relations diplomatiques avec l'Ukraine en août 2022.",
     "DIPLOMATIC_RELATIONS", {"NER"}, {"UKR"}, "asserted", "2022-08"),
    ("La Mauritanie a normalisé ses relations avec Israël en 1999.",
     "DIPLOMATIC_RELATIONS", {"MRT", "ISR"}, set(), "asserted", "1999"),
    ("Si l'Algérie rétablissait ses relations avec le Maroc, la région en profiterait.",
     "DIPLOMATIC_RELATIONS", {"DZA", "MAR"}, set(), "hypothetical", None),
    ("Algeria severed diplomatic ties with Morocco in August 2021.",
     "DIPLOMATIC_RELATIONS", {"DZA"}, {"MAR"}, "asserted", "2021-08"),
    ("Morocco normalised relations with Israel in December 2020.",
     "DIPLOMATIC_RELATIONS", {"MAR", "ISR"}, set(), "asserted", "2020-12"),
    # mediation, conflict, statements
    ("Le Qatar a proposé sa médiation entre l'Égypte et le Soudan.",
     "MEDIATION", {"QAT"}, {"EGY", "SDN"}, "planned", None),
    ("Qatar mediated between Israel and Hamas.",
     "MEDIATION", {"QAT"}, {"ISR"}, "asserted", None),
    ("Les forces marocaines ont bombardé des positions du Polisario.",
     "CONFLICT", {"MAR"}, set(), "asserted", None),
    ("Russian forces attacked Ukrainian positions near Kharkiv.",
     "CONFLICT", {"RUS"}, {"UKR"}, "asserted", None),
    ("Le Maroc a dénoncé les déclarations du ministre algérien.",
     "STATEMENT", {"MAR"}, {"DZA"}, "asserted", None),
    ("Le président tunisien a remercié le roi du Maroc pour son aide.",
     "STATEMENT", {"TUN"}, {"MAR"}, "asserted", None),
    ("Le ministre turc aurait sollicité une aide militaire du Qatar.",
     "STATEMENT", {"TUR"}, {"QAT"}, "reported", None),
    ("Algeria condemned the visit of the Israeli defence minister to Rabat.",
     "STATEMENT", {"DZA"}, set(), "asserted", None),
]

# Sentences that state no event (teasers are removed before this stage).
NO_EVENT = [
    "Le Maroc est un pays d'Afrique du Nord.",
    "La coopération militaire entre les deux pays est ancienne.",
    "Les drones sont de plus en plus utilisés dans les conflits modernes.",
    "Le ministre a tenu une conférence de presse à Rabat.",
    "Morocco is a kingdom in North Africa.",
    "The conference room was empty.",
]



def _events(texts: Sequence[str], models: Models) -> list[tuple[CleanArticle, tuple[EventMention, ...], list]]:
    kb = load_kb()
    articles = [CleanArticle(id=article_id(t), raw_id=f"r{i}", source=f"s{i}", outlet=None, title=None, author=None,
                             published=Published(value=PUBLISHED, basis="metadata", reason="test"), text=t,
                             dropped=0) for i, t in enumerate(texts)]
    out = []
    for a in annotate(articles, models):
        mentions = extract(a, a.doc, kb, models.get(a.lang)).mentions
        out.append((a.article, extract_events(a, a.doc, mentions, tag_article(a).timexes, kb), list(mentions)))
    return out


@pytest.fixture(scope="module")
def table(models: Models) -> dict[str, tuple[EventMention, ...]]:
    texts = list(dict.fromkeys(row[0] for row in ROWS))
    return {article.text: events for article, events, _m in _events(texts, models)}


def test_table_has_forty_rows() -> None:
    assert len(ROWS) >= 40
    assert {row[1] for row in ROWS} >= {"VISIT", "MEETING", "CONFERENCE", "AGREEMENT", "COOPERATION", "EXERCISE",
                                        "ARMS_TRANSFER", "DIPLOMATIC_RELATIONS", "MEDIATION", "CONFLICT", "STATEMENT"}


@pytest.mark.parametrize("text, category, source, recipient, factuality, date", ROWS,
                         ids=[f"{i:02d}-{row[1]}" for i, row in enumerate(ROWS)])
def test_sentence_yields_event(table: dict[str, tuple[EventMention, ...]], text: str, category: str,
                               source: set[str], recipient: set[str], factuality: str, date: str | None) -> None:
    events = [e for e in table[text] if e.category == category]
    assert events, f"no {category} in {[(e.category, e.trigger) for e in table[text]]}"

    def fits(e: EventMention) -> bool:
        src, rcp = set(e.countries("source")), set(e.countries("recipient"))
        if category in RECIPROCAL or not recipient:
            return source | recipient <= src | rcp
        return source <= src and recipient <= rcp

    matching = [e for e in events if fits(e)]
    assert matching, [(sorted(e.countries("source")), sorted(e.countries("recipient"))) for e in events]
    e = matching[0]
    assert e.factuality == factuality
    if date is None and factuality in ("asserted", "reported"):
        # undated by its text, the one sentence of a dated article is its news: the publication date or the
        # NEWS_WINDOW_DAYS before it, said so
        assert (e.date.start, e.date.end, e.date.date_type) == (NEWS_FROM, PUBLISHED, "approximate")
        assert NEWS_DATE in e.date.reason
    elif date is None:
        assert e.date.start is None and e.date.date_type == "unresolved"
    else:
        assert e.date.start is not None and e.date.start.startswith(date)
    # evidence: the sentence, quoted from the article text
    ev = e.evidence[0]
    assert text[ev.start:ev.end] == ev.quote and ev.trigger_start >= ev.start


@pytest.mark.parametrize("text", NO_EVENT)
def test_sentence_yields_no_event(models: Models, text: str) -> None:
    ((_article, events, _m),) = _events([text], models)
    assert [(e.category, e.trigger) for e in events] == []


def test_undated_article_never_uses_publication_date(models: Models) -> None:
    kb = load_kb()
    text = "Le ministre israélien de la Défense s'est rendu mardi au Maroc."
    art = CleanArticle(id=article_id(text), raw_id="r", source="s", outlet=None, title=None, author=None,
                       published=Published.unknown(), text=text, dropped=0)
    (a,) = annotate([art], models)
    (e,) = [x for x in extract_events(a, a.doc, extract(a, a.doc, kb, models.get("fr")).mentions,
                                      tag_article(a).timexes, kb) if x.category == "VISIT"]
    assert e.date.start is None and e.date.date_type == "unresolved" and "mardi" in e.date.reason


def test_duplicates_within_an_article_merge(models: Models) -> None:
    text = ("Benny Gantz, ministre de la Défense, s'est rendu en Égypte le 4 mai 2022. "
            "La visite de Benny Gantz en Égypte était attendue depuis longtemps.")
    ((_a, events, _m),) = _events([text], models)
    visits = [e for e in events if e.category == "VISIT"]
    assert len(visits) == 1 and len(visits[0].evidence) == 2 and visits[0].date.start == "2022-05-04"


def test_attributes_domains_and_names(table: dict[str, tuple[EventMention, ...]]) -> None:
    text = "La Tunisie et l'Algérie ont convenu de renforcer et d'étendre leur coopération au renseignement."
    (coop,) = [e for e in table[text] if e.category == "COOPERATION"]
    assert "intelligence" in coop.attributes["domains"]
    text = "Des soldats tunisiens ont participé à l'exercice African Lion en juin 2022."
    (exercise,) = [e for e in table[text] if e.category == "EXERCISE"]
    assert exercise.attributes["name"].startswith("African Lion")
    assert exercise.attributes["organisers"] == ["MAR", "USA"]  # from the knowledge base


def test_plover_coding(table: dict[str, tuple[EventMention, ...]]) -> None:
    for events in table.values():
        for e in events:
            assert e.plover.event_type in PLOVER_EVENT_TYPES
    arms = next(e for events in table.values() for e in events if e.category == "ARMS_TRANSFER"
                and e.factuality == "asserted")
    assert (arms.plover.event_type, arms.plover.mode, arms.plover.cameo) == ("COOPERATE", "arms_transfer", "062")
    assert "military" in arms.plover.context
    assert code("VISIT", factuality="asserted") == CATEGORY_CODES["VISIT"]
    assert code("VISIT", factuality="planned").event_type == "AGREE"  # manual 3.2.1
    assert code("VISIT", factuality="planned").cameo == "036"
    broken = code("DIPLOMATIC_RELATIONS", factuality="asserted", action="broken")
    assert (broken.event_type, broken.cameo) == ("SANCTION", "161")
    assert code("COOPERATION", factuality="asserted", domains=["intelligence"]).cameo == "0314"


@pytest.mark.parametrize("text, amount, currency", [
    ("contre 50 millions de dollars", 50_000_000, "USD"),
    ("un budget de 124,7 milliards de dirhams", 124_700_000_000, "MAD"),
    ("Rabat had paid USD 50 million for three Heron", 50_000_000, "USD"),
    ("un contrat de 22 millions de dollars", 22_000_000, "USD"),
    ("a contract worth $1.5 billion", 1_500_000_000, "USD"),
    ("pour 300 millions d'euros", 300_000_000, "EUR"),
])
def test_values_as_stated(text: str, amount: int, currency: str) -> None:
    assert parse_value(text) == {"amount": amount, "currency": currency}


def test_no_value_without_currency() -> None:
    assert parse_value("en 2021, trois drones") is None


def _records(models: Models, texts: Sequence[str], outlets: Sequence[str | None]) -> tuple[list, list]:
    kb = load_kb()
    runs = _events(texts, models)
    mentions = [m for _a, _e, ms in runs for m in ms]
    entities = resolve(mentions, kb)
    entity_of = {(m["article"], m["start"], m["end"]): r["id"] for r in entities for m in r["mentions"]}
    by_id = {r["id"]: r for r in entities}
    event_mentions = [e for _a, events, _m in runs for e in events]
    outlet_of = {a.id: o for (a, _e, _m), o in zip(runs, outlets, strict=True)}
    return to_event_records(event_mentions, entity_of, by_id, outlet_of), event_mentions


def test_event_records_follow_the_contract(models: Models) -> None:
    texts = ["Le Maroc a acquis le drone Harop auprès d'Israel Aerospace Industries en 2021.",
             "Algeria severed diplomatic ties with Morocco in August 2021."]
    records, _ = _records(models, texts, ["Atlas Info", None])
    assert records == sorted(records, key=lambda r: r["id"])
    fields = {"id", "category", "event_type", "mode", "context", "cameo", "source", "recipient", "participants",
              "date", "event_loc", "factuality", "attributes", "mentions", "n_sources", "conflicts"}
    for r in records:
        assert fields <= set(r)
        assert r["conflicts"] == [] and r["n_sources"] == 1
        for actor in r["source"] + r["recipient"]:
            assert set(actor) == {"entity", "name", "country"} and actor["entity"]
        assert set(r["date"]) == {"start", "end", "granularity", "date_type", "reason"}
        for m in r["mentions"]:
            assert set(m) == {"article", "start", "end", "quote"}
    again, _ = _records(models, texts, ["Atlas Info", None])
    assert [r["id"] for r in again] == [r["id"] for r in records]  # stable


def test_arms_register(models: Models) -> None:
    texts = ["Morocco bought three Heron drones from Israel for USD 50 million in 2014.",
             "Le Maroc a acquis le drone Harop auprès d'Israel Aerospace Industries en 2021."]
    records, event_mentions = _records(models, texts, ["Sahel Watch", "Atlas Info"])
    arms = {a["designation"]: a for a in to_arms_records(records, event_mentions, load_kb())}
    heron, harop = arms["Heron"], arms["Harop"]
    assert heron["supplier"]["country"] == "ISR" and heron["recipient"]["country"] == "MAR"
    assert heron["number_ordered"] == 3 and heron["value"] == {"amount": 50_000_000, "currency": "USD"}
    assert heron["weapon_category"] == "aircraft" and heron["manufacturer"] == "Israel Aerospace Industries"
    assert heron["status"] == "ordered" and heron["order_year"] == 2014
    assert harop["weapon_category"] == "missiles" and harop["status"] == "delivered"
    assert harop["delivery_years"] == [2021]
    event_ids = {r["id"] for r in records}
    assert all(a["event"] in event_ids and a["mentions"] for a in arms.values())


def test_lexicon_loads() -> None:
    lex = load_lexicon()
    assert lex.lookup("fr", "VERB", ["signer"]) and lex.lookup("en", "NOUN", ["visit"])
    assert lex.domain_keys["guerre électronique"] == "electronic_warfare"


def test_event_mentions_round_trip_through_json(table: dict[str, tuple[EventMention, ...]]) -> None:
    import json

    for events in table.values():
        for e in events:
            again = EventMention.from_dict(json.loads(json.dumps(e.as_dict(), ensure_ascii=False)))
            assert again == e
