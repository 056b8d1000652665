"""Stories, syndication groups and cross-lingual pairs: gold partitions of the seeds and the demo corpus,
hand-written copies and translations, and the date rules on hand-made vectors."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from recoupe import Pipeline, Settings, Store, export
from recoupe.crosscheck import stories
from recoupe.crosscheck.stories import StoryArticle, cluster_stories, load_encoder, story_inputs
from recoupe.registry import STAGES

from .conftest import GOLDEN, read_jsonl

GOLD = json.loads((GOLDEN / "stories.json").read_text(encoding="utf-8"))


def _run(inputs: Path, out: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with Store.open(out / "recoupe.duckdb") as store:
        Pipeline(store, Settings()).run([inputs])
        export(store, out)
    return read_jsonl(out / "articles.jsonl"), read_jsonl(out / "entities.jsonl")


@pytest.fixture(scope="module")
def seeds_run(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], list[dict]]:
    return _run(seeds_dir, tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="module")
def demo_run(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], list[dict]]:
    return _run(demo_dir, tmp_path_factory.mktemp("demo"))


def _file(article: dict[str, Any]) -> str:
    """The gold's name of an article: its file, and '#Ln' for a line of a JSON Lines file."""
    return Path(article["source"]).name


def _partition(result: stories.Stories, names: dict[str, str]) -> set[frozenset[str]]:
    return {frozenset(names[i] for i in r["articles"]) for r in result.records}


def _links(groups: Sequence[Sequence[str]] | set[frozenset[str]]) -> set[tuple[str, ...]]:
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(g, 2)}


def _precision_recall(found: set[frozenset[str]], gold: list[list[str]]) -> tuple[float, float]:
    got, want = _links(found), _links(gold)
    return (len(got & want) / len(got) if got else 1.0), (len(got & want) / len(want) if want else 1.0)


# --- gold corpora ----------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_stories_seeds_match_gold(seeds_run: tuple[list[dict], list[dict]]) -> None:
    articles, entities = seeds_run
    names = {a["id"]: _file(a) for a in articles}
    result = cluster_stories(story_inputs(articles, entities), load_encoder())
    gold = [s["articles"] for s in GOLD["seeds"]["stories"]]
    assert _partition(result, names) == {frozenset(g) for g in gold}
    assert _precision_recall(_partition(result, names), gold) == (1.0, 1.0)
    assert result.syndicated_of == {}
    assert result.crosslingual == ()  # the seeds are all French


@pytest.mark.slow
def test_stories_demo_match_gold(demo_run: tuple[list[dict], list[dict]]) -> None:
    articles, entities = demo_run
    names = {a["id"]: _file(a) for a in articles}
    result = cluster_stories(story_inputs(articles, entities), load_encoder())
    gold = [s["articles"] for s in GOLD["demo"]["stories"]]
    assert _partition(result, names) == {frozenset(g) for g in gold}

    syndicated = GOLD["demo"]["syndicated"][0]["articles"]
    assert sorted(names[i] for i in result.syndicated_of) == syndicated
    assert len(set(result.syndicated_of.values())) == 1

    committee, kochavi = GOLD["demo"]["stories"][0]["articles"], GOLD["demo"]["stories"][1]["articles"]
    english = {"12_nadefencedigest_committee_rabat.txt", "05_medsecreview_kohavi_visit.html",
               "13_feeds_kochavi_rupture.jsonl#L1"}
    want = {tuple(sorted(p)) for story in (committee, kochavi) for p in itertools.combinations(story, 2)
            if (p[0] in english) != (p[1] in english)}
    assert {tuple(sorted((names[a], names[b]))) for a, b, _ in result.crosslingual} == want
    assert all(0.6 < cos < 0.8 for _, _, cos in result.crosslingual)

    by_id = {r["id"]: r for r in result.records}
    record = by_id[result.story_of[next(i for i, n in names.items() if n == committee[0])]]
    assert record["languages"] == ["en", "fr"]
    assert record["outlets"] == ["Atlas Info", "Le Courrier du Détroit", "Maghreb Défense Hebdo",
                                 "North Africa Defence Digest"]
    assert (record["start"], record["end"]) == ("2023-01", "2023-01")  # one member is dated to the month only
    assert record["syndicated"] == [sorted(result.syndicated_of)]


@pytest.mark.slow
def test_stories_demo_without_encoder_links_copies_and_names_only(demo_run: tuple[list[dict], list[dict]]) -> None:
    articles, entities = demo_run
    names = {a["id"]: _file(a) for a in articles}
    result = cluster_stories(story_inputs(articles, entities), None)
    linked = {g for g in _partition(result, names) if len(g) > 1}
    assert linked == {frozenset({"02_atlasinfo_comite_suivi.txt", "03_courrierdetroit_comite_rabat.txt"}),
                      frozenset({"05_medsecreview_kohavi_visit.html", "08_echoatlas_kochavi_arrivee.txt",
                                 "13_feeds_kochavi_rupture.jsonl#L1"})}
    assert result.crosslingual == ()


@pytest.mark.slow
def test_story_inputs_demo_lead_names(demo_run: tuple[list[dict], list[dict]]) -> None:
    articles, entities = demo_run
    by_file = {_file(s_a[0]): s_a[1] for s_a in zip(articles, story_inputs(articles, entities), strict=True)}
    visit = by_file["08_echoatlas_kochavi_arrivee.txt"]
    assert {"per:aviv-kochavi", "per:abdellatif-loudiyi"} <= visit.lead_names
    assert not any(n.startswith(("MAR", "ISR")) for n in visit.lead_names)  # states are not lead names
    # Belkhir El Farouk is named in the second paragraph only
    assert not any("belkhir" in n or "farouk" in n for n in visit.lead_names)
    assert visit.published == "2022-07" and visit.not_before is None
    assert by_file["09_courrierdetroit_conference_innovation.txt"].not_before == "2021-11"


# --- hand-written copies and translations -----------------------------------------------------------------------
_DISPATCH = (
    "La Mauritanie et le Sénégal ont achevé vendredi au large de Nouakchott un exercice naval conjoint de cinq jours, "
    "a indiqué l'état-major mauritanien dans un communiqué.\n\n"
    "Les deux marines ont simulé l'interception d'un navire suspect, une opération de sauvetage en mer et la lutte "
    "contre la pêche illégale dans leurs eaux communes.\n\n"
    "{changed}\n\n"
    "Les deux pays partagent un gisement de gaz en mer dont l'exploitation a commencé cette année, ce qui fait de la "
    "sécurité maritime une priorité commune pour Nouakchott et Dakar."
)
_COPY_A = ("Exercice naval conjoint entre Nouakchott et Dakar\n\nPar la rédaction | 12 mai 2023\n\n"
           + _DISPATCH.format(changed="Quatre patrouilleurs et un avion de surveillance ont pris part aux manœuvres, "
                                      "selon la même source.")
           + "\n\nLire aussi : la saison des pluies s'annonce précoce")
_COPY_B = ("Mauritanie-Sénégal : cinq jours de manœuvres en mer\n\nAvec agences\n\n"
           + _DISPATCH.format(changed="Cinq patrouilleurs, un hélicoptère et un avion de surveillance ont participé "
                                      "aux manœuvres, a précisé l'état-major.")
           + "\n\nPartager sur Facebook - Partager sur X")
_UNRELATED = ("Le Niger reçoit des véhicules blindés\n\n"
              "Le Niger a reçu jeudi un lot de véhicules blindés de transport de troupes destinés à ses unités "
              "déployées dans la région de Tillabéri, a annoncé le ministère de la Défense. Ces véhicules doivent "
              "renforcer la protection des convois sur les axes routiers les plus exposés.")


def _article(aid: str, text: str, *, outlet: str | None = None, lang: str = "fr", published: str | None = None,
             not_before: str | None = None, names: frozenset[str] = frozenset(),
             states: frozenset[str] = frozenset()) -> StoryArticle:
    return StoryArticle(id=aid, outlet=outlet, lang=lang, title=text.split("\n\n")[0], text=text,
                        published=published, not_before=not_before, lead_names=names, lead_states=states)


def test_syndicated_copies_form_one_group() -> None:
    arts = [_article("a1", _COPY_A, outlet="Le Quotidien de Nouakchott", published="2023-05-12"),
            _article("a2", _COPY_B, outlet="Dakar Matin", published="2023-05-13"),
            _article("a3", _UNRELATED, outlet="Dakar Matin", published="2023-05-12")]
    pairs = stories.near_duplicates(arts)
    assert [(a, b) for a, b, _ in pairs] == [("a1", "a2")]
    assert stories.SYNDICATION_JACCARD <= pairs[0][2] < 0.9
    result = cluster_stories(arts, None)
    assert set(result.syndicated_of) == {"a1", "a2"}
    assert re.fullmatch(r"syn:[0-9a-f]{12}", result.syndicated_of["a1"])
    assert result.syndicated_of["a1"] == result.syndicated_of["a2"]
    assert result.story_of["a1"] == result.story_of["a2"] != result.story_of["a3"]
    record = next(r for r in result.records if r["articles"] == ["a1", "a2"])
    assert record["syndicated"] == [["a1", "a2"]]
    assert record["outlets"] == ["Dakar Matin", "Le Quotidien de Nouakchott"]
    assert (record["start"], record["end"]) == ("2023-05-12", "2023-05-13")


def test_updates_of_one_outlet_are_one_group_and_copies_ignore_dates() -> None:
    arts = [_article("b1", _COPY_A, outlet="Dakar Matin", published="2023-05-12"),
            _article("b2", _COPY_A + "\n\nMis à jour à 18 heures.", outlet="Dakar Matin", published="2023-07-01")]
    result = cluster_stories(arts, None)
    assert result.syndicated_of["b1"] == result.syndicated_of["b2"]
    assert result.story_of["b1"] == result.story_of["b2"]


_FR = ("La marine tunisienne reçoit deux patrouilleurs côtiers\n\n"
       "La marine tunisienne a pris livraison jeudi à Bizerte de deux patrouilleurs côtiers construits par un chantier "
       "naval italien, a annoncé le ministère tunisien de la Défense. Les navires serviront à la surveillance des "
       "côtes et à la lutte contre les traversées clandestines.\n\nLe contrat avait été signé il y a deux ans.")
_EN = ("Tunisian navy takes delivery of two coastal patrol boats\n\n"
       "The Tunisian navy took delivery on Thursday in Bizerte of two coastal patrol boats built by an Italian "
       "shipyard, the Tunisian defence ministry said. The vessels will be used to watch the coast and to fight "
       "clandestine crossings.\n\nThe contract was signed two years ago.")
_EN_OTHER = ("Senegal hosts a regional conference on maritime piracy\n\n"
             "Officials from a dozen West African states met in Dakar on Monday to coordinate patrols against piracy "
             "in the Gulf of Guinea, the Senegalese foreign ministry said. The meeting ended with a call for shared "
             "surveillance data.")


@pytest.mark.slow
def test_translations_are_one_story_and_a_crosslingual_pair() -> None:
    arts = [_article("c1", _FR), _article("c2", _EN, lang="en"), _article("c3", _EN_OTHER, lang="en")]
    result = cluster_stories(arts, load_encoder())
    assert result.story_of["c1"] == result.story_of["c2"] != result.story_of["c3"]
    assert [(a, b) for a, b, _ in result.crosslingual] == [("c1", "c2")]
    cos = result.crosslingual[0][2]
    assert stories.CROSSLINGUAL_COSINE <= cos < stories.SAME_STORY_COSINE
    assert result.syndicated_of == {}


# --- rules on hand-made vectors ----------------------------------------------------------------------------------
def _keyed_encoder(vectors: dict[str, list[float]]) -> stories.Encoder:
    """Each text's vector is looked up by its first word."""

    def encode(texts: Sequence[str]) -> np.ndarray:
        return np.array([vectors[t.split()[0]] for t in texts], dtype=np.float32)

    return encode


_SAME = _keyed_encoder({"x": [1.0, 0.0], "y": [0.6, 0.8], "z": [0.0, 1.0]})  # cos(x, y) = 0.6


def test_identical_leads_far_apart_in_time_are_two_stories() -> None:
    arts = [_article("d1", "x un", published="2022-03-01"), _article("d2", "x deux", published="2022-04-15")]
    result = cluster_stories(arts, _SAME)
    assert result.story_of["d1"] != result.story_of["d2"]


def test_month_dates_overlap_day_dates_within_the_window() -> None:
    arts = [_article("e1", "x un", published="2023-01"), _article("e2", "x deux", published="2023-02-05"),
            _article("e3", "x trois", published="2023-02-12")]
    result = cluster_stories(arts, _SAME)
    # e1 covers January: e2 (5 February) is within 7 days of it, e3 (12 February) is not
    assert result.story_of["e1"] == result.story_of["e2"] != result.story_of["e3"]


def test_chaining_across_the_window_is_refused() -> None:
    arts = [_article("f1", "x un", published="2022-05-01"), _article("f2", "x deux", published="2022-05-06"),
            _article("f3", "x trois", published="2022-05-11")]
    result = cluster_stories(arts, _SAME)
    assert result.story_of["f1"] == result.story_of["f2"] != result.story_of["f3"]


def test_not_before_later_than_the_other_date_keeps_apart() -> None:
    arts = [_article("g1", "x un", published="2022-07-20"), _article("g2", "x deux", not_before="2023-03"),
            _article("g3", "x trois", not_before="2022-07")]
    result = cluster_stories(arts, _SAME)
    assert result.story_of["g1"] == result.story_of["g3"] != result.story_of["g2"]


def test_shared_uncommon_name_needs_a_fair_cosine() -> None:
    kochavi = frozenset({"per:aviv-kochavi"})
    arts = [_article("h1", "x un", published="2022-07-20", names=kochavi),
            _article("h2", "y deux", published="2022-07-21", names=kochavi),
            _article("h3", "z trois", published="2022-07-21")]
    result = cluster_stories(arts, _SAME)
    # cos(x, y) = 0.6 >= NAME_COSINE with a shared name; cos(y, z) = 0.8 < SAME_STORY_COSINE, but y and z are
    # dated a day apart and 0.8 >= CLOSE_COSINE
    assert len(set(result.story_of.values())) == 1
    unnamed = cluster_stories([arts[0], StoryArticle(**{**_fields(arts[1]), "lead_names": frozenset()})], _SAME)
    assert unnamed.story_of["h1"] != unnamed.story_of["h2"]
    alone = cluster_stories([arts[0], arts[2]], _SAME)
    assert alone.story_of["h1"] != alone.story_of["h3"]


def _fields(article: StoryArticle) -> dict[str, Any]:
    return {f: getattr(article, f) for f in StoryArticle.__slots__}


def test_common_names_do_not_link() -> None:
    far = frozenset({"org:far"})
    arts = [_article(f"i{k}", "y texte" if k % 2 else "x texte", published="2022-07-20", names=far) for k in range(6)]
    # org:far is in every lead: not an uncommon name; x-y pairs (0.6) stay apart, identical leads join
    result = cluster_stories(arts, _SAME)
    assert len(set(result.story_of.values())) == 2


def test_large_corpus_finds_undated_articles_by_not_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "SMALL_CORPUS", 2)
    arts = [_article("j1", "x un", published="2022-07-20"), _article("j2", "x deux", not_before="2022-07"),
            _article("j3", "x trois"), _article("j4", "z quatre", published="2022-07-21")]
    result = cluster_stories(arts, _SAME)
    assert result.story_of["j1"] == result.story_of["j2"]
    assert result.story_of["j3"] not in (result.story_of["j1"], result.story_of["j4"])  # undated, no floor: alone


def _filler(prefix: str, count: int) -> list[StoryArticle]:
    """Articles of other news (leads orthogonal to a and b) naming France and the United States in their leads."""
    return [_article(f"{prefix}{k}", f"z autre {k}", states=frozenset({"FRA", "USA"})) for k in range(count)]


def test_a_shared_uncommon_state_links_undated_leads_of_fair_cosine() -> None:
    encode = _keyed_encoder({"a": [0.7, 0.71414, 0.0], "b": [1.0, 0.0, 0.0], "z": [0.0, 0.0, 1.0]})
    chad = frozenset({"TCD"})
    arts = [_article("s1", "a un", states=chad), _article("s2", "b deux", states=chad | {"FRA"}),
            *_filler("sf", 8)]
    # cos 0.7: same language, undated, no shared name; the one uncommon state they share (Chad) links them
    result = cluster_stories(arts, encode)
    assert result.story_of["s1"] == result.story_of["s2"]
    # France is in most leads: sharing it alone is no evidence
    common = [_article("s1", "a un", states=frozenset({"FRA"})), _article("s2", "b deux", states=frozenset({"FRA"})),
              *_filler("sf", 8)]
    result = cluster_stories(common, encode)
    assert result.story_of["s1"] != result.story_of["s2"]


def test_leads_naming_different_states_stay_apart_across_languages() -> None:
    encode = _keyed_encoder({"a": [0.73, 0.68337, 0.0], "b": [1.0, 0.0, 0.0], "z": [0.0, 0.0, 1.0]})
    f35 = frozenset({"eqp:f-35"})
    arts = [_article("t1", "a Grèce", states=frozenset({"GRC", "USA"}), names=f35),
            _article("t2", "b Suisse", lang="en", states=frozenset({"CHE", "USA"}), names=f35),
            *_filler("tf", 20)]
    # cos 0.73 >= CROSSLINGUAL_COSINE and a shared name, but Greece's F-35 is not Switzerland's
    result = cluster_stories(arts, encode)
    assert result.story_of["t1"] != result.story_of["t2"]
    same_state = [_article("t1", "a Grèce", states=frozenset({"GRC", "USA"}), names=f35),
                  _article("t2", "b Grèce", lang="en", states=frozenset({"GRC", "USA"}), names=f35),
                  *_filler("tf", 20)]
    result = cluster_stories(same_state, encode)
    assert result.story_of["t1"] == result.story_of["t2"]


def test_rare_shared_keys_link_leads_of_low_cosine() -> None:
    encode = _keyed_encoder({"a": [0.5, 0.86603, 0.0], "b": [1.0, 0.0, 0.0], "z": [0.0, 0.0, 1.0]})
    rare = frozenset({"KWT", "ITA"})
    arts = [_article("u1", "a un", states=rare), _article("u2", "b deux", states=rare), *_filler("uf", 40)]
    # cos 0.5 >= ENTITY_COSINE; Kuwait and Italy in no other lead of 42: weight 2 ln(21) = 6.1 >= ENTITY_WEIGHT
    result = cluster_stories(arts, encode)
    assert result.story_of["u1"] == result.story_of["u2"]
    # one rare state only: ln(21) = 3.0 < ENTITY_WEIGHT, and 0.5 < KEY_COSINE
    one = [_article("u1", "a un", states=frozenset({"KWT"})), _article("u2", "b deux", states=frozenset({"KWT"})),
           *_filler("uf", 40)]
    result = cluster_stories(one, encode)
    assert result.story_of["u1"] != result.story_of["u2"]


def test_story_ids_are_stable_and_records_sorted() -> None:
    arts = [_article("k2", "x deux", published="2022-07-21", lang="en"), _article("k1", "x un", published="2022-07")]
    one, two = cluster_stories(arts, _SAME), cluster_stories(arts[::-1], _SAME)
    assert one == two
    (record,) = one.records
    assert re.fullmatch(r"st:[0-9a-f]{12}", record["id"])
    assert record == {"id": record["id"], "articles": ["k1", "k2"], "outlets": [], "languages": ["en", "fr"],
                      "start": "2022-07", "end": "2022-07", "syndicated": [], "crosslingual": [["k1", "k2", 1.0]]}
    assert one.crosslingual == (("k1", "k2", 1.0),)


def test_story_inputs_from_contract_records() -> None:
    text = "Titre du jour\n\nPremier paragraphe avec Kochavi et le Maroc.\n\nSecond paragraphe avec Gantz."
    articles = [{"id": "a1", "outlet": "X", "lang": "fr", "title": "Titre du jour", "text": text,
                 "published": {"value": "2022-07", "basis": "inferred", "reason": "", "not_before": "2022-06"}}]
    kochavi, maroc, gantz = text.index("Kochavi"), text.index("Maroc"), text.index("Gantz")
    entities = [
        {"id": "per:aviv-kochavi", "type": "PERSON",
         "mentions": [{"article": "a1", "start": kochavi, "end": kochavi + 7}]},
        {"id": "MAR", "type": "GPE", "mentions": [{"article": "a1", "start": maroc, "end": maroc + 5}]},
        {"id": "per:benny-gantz", "type": "PERSON", "mentions": [{"article": "a1", "start": gantz, "end": gantz + 5}]},
    ]
    (a,) = story_inputs(articles, entities)
    assert a.lead_names == frozenset({"per:aviv-kochavi"})
    assert a.published is None and a.not_before == "2022-06"  # an inferred date is not evidence of itself
    assert stories.lead_end(text, None) == text.index("\n\n")


def test_date_interval() -> None:
    assert stories.date_interval("2022-02") == (738187, 738214)
    assert stories.date_interval("2022-02-03") == (738189, 738189)
    assert stories.date_interval("2022")[1] - stories.date_interval("2022")[0] == 364  # type: ignore[index]
    assert stories.date_interval("juillet") is None
    assert stories.date_interval(None) is None


def test_normalise_drops_accents_marks_and_punctuation() -> None:
    assert stories.normalise("L'État hébreu, « très » IMPORTANT !") == ["l", "etat", "hebreu", "tres", "important"]
    assert stories.normalise("وزارةُ الدفاعِ") == ["وزارة", "الدفاع"]


def test_stage_is_registered() -> None:
    assert STAGES["stories.v1"].func is cluster_stories
