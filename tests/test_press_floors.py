"""Quality floors on the real press corpus (../shared/corpus/press: 110 texts in French, English and Arabic, 26
stories), scored by the project's shared scorer ../shared/tools/score.py, loaded by path and used as it is.

One run of the whole pipeline over the corpus (module fixture, about 15 s), export of the contract files, then the
scorer over all the texts (no split) and over the French and the English ones. The floors are the figures reached,
rounded down to two decimals (counts exact); ``wrong_dates``, ``not_merged_violated`` and
``rows_supplier_is_recipient`` must stay 0. A floor only goes up: if a change lowers a figure, fix the change;
when a change lifts one, raise its floor. ``bench/bench_press.py`` prints the same figures by split (tune on dev,
report test) and writes bench/press.md, the per-story error report. Skipped without ../shared.
"""

from __future__ import annotations

from typing import Any

import pytest
from bench.bench_press import PRESS, SCORE, count, headline, load_scorer, score_json

from recoupe import Pipeline, Settings, Store, export

if not (PRESS / "splits.json").is_file() or not SCORE.is_file():
    pytest.skip("../shared/corpus/press or ../shared/tools/score.py is not beside the repository",
                allow_module_level=True)

pytestmark = pytest.mark.slow

# Floors only go up; raise them when the figures improve. First pinned on commit 8236221 (whole corpus, no split;
# fr and en: the texts of that language): events recall_strict 0.211, recall 0.535, precision 0.455; transfers
# 8/26, fields 0.556; entity pairs F1 0.378; stories B3 F1 0.687; titles 27/43; dates 91/109; body lines kept
# 0.959, furniture removed 0.299; fr recall_strict 0.24, precision 0.481; en recall_strict 0.3, precision 0.444.
# Raised after the news dating (an undated act of a dated article is dated by its publication, approximate):
# recall_strict 0.38, fields 0.583, fr recall_strict 0.48, en recall_strict 0.5. One floor was lowered, knowingly:
# en precision 0.444 -> 0.435, against en strict recall 0.3 -> 0.5. The drop is on the test split (dev English is
# unchanged at 0.441); its events were not read, to keep the test split for reporting.
# Raised after the dev-split fixes (two parties per interstate event, lexicon, lead sentences, plurals, currencies):
# recall_strict 0.507, recall 0.662, precision 0.664, transfers 17/26, fields 0.761, entity pairs F1 0.399;
# fr recall_strict 0.6, precision 0.746; en recall_strict 0.7, precision 0.611.
# Raised after this round's merges (events: dating, words out of context, arms suppliers, confidence; fusion that
# survives disagreement, stories with entity evidence, entity resolution; Arabic reading, dates, entities and
# events; page chrome; one-line excerpts): recall_strict 0.732, recall 0.915, precision 0.868, transfers 21/26,
# fields 0.828, entity pairs F1 0.868, stories B3 0.921, titles 37/43, dates 96/110, body lines kept 0.997,
# furniture removed 0.527, fused coverage 0.59, fragmentation 2.46 (a ceiling), conflicts 1/41; fr 0.84 / 0.896;
# en 0.733 / 0.803; ar recall_strict 0.609, precision 0.925, entity pairs F1 0.966, titles 16/16, dates 27/31,
# furniture removed 0.883. Then: furniture removed 0.663 (separator and date strips of teaser lists).
# Lowered once, on purpose: ar precision 0.92 -> 0.90 when fusion began merging one act told as several categories
# (fragmentation 2.57 -> 1.83 on dev): precision counts records, so merging correct duplicates lowers it while
# the false Arabic events stay 4 -> 4 (branch fuse, 279170b). Raise it again when an Arabic false event goes.
# Raised after the second round (event rules and arms register, fusion across categories, dating from the story,
# conflicts on sums in words, furniture shared by news sites): recall_strict 0.789, recall 0.93, precision 0.906,
# transfers 21/26, fields 0.874, entity pairs F1 0.877, stories B3 0.934, titles 40/43, dates 97/110, furniture
# removed 0.821, fused coverage 0.673, conflicts 4/41, fragmentation 1.82 (ceiling); fr 0.92 / 0.971;
# en 0.767 / 0.855; ar 0.652 / 0.902, dates 28/31.
# Lowered a second time, for the same reason: ar precision 0.90 -> 0.89 when an undated event began joining the act
# its articles of known day report (branch fuse2): Arabic records 37 right of 41 -> 34 of 38, the same 4 false.
# Lowered once, on purpose: lenient recall 0.92 -> 0.91 when the one who opposes or welcomes a sale stopped being
# its seller: a wrong GRC->USA F-16 record (read from 'Greece opposed the sale of F-16s to Turkey') was matching
# the Greek F-35 letter of acceptance (dev, en023) only because lenient matching ignores the system and direction;
# it is now USA->TUR, right, and that gold event is honestly unread (0.93 -> 0.915 on the whole corpus).
# Raised after the third round (fusion of undated mentions, figures compared outside arms deals, a learned furniture
# line model, Arabic amounts and buyers, contracts and denials from a second own-words holdout, capitals and
# currencies; main c01fcc5): recall_strict 0.789, recall 0.915, precision 0.938, transfers 21/26, fields 0.874,
# entity pairs F1 0.879, stories B3 0.934, titles 40/43, dates 98/110, body kept 0.995, furniture removed 0.87,
# fused coverage 0.677, conflicts 6/41, fragmentation 1.82 (ceiling kept at 1.83); fr 0.92 / 0.971;
# en 0.767 / 0.889; ar 0.652 / 0.946 (the Arabic precision floor is back above where it was lowered), F1 0.973.
# Lowered a third time, for the same reason: ar precision 0.94 -> 0.93 when a plan joined the fact it became and a
# month-dated article counted as the news of its month (branch fuse3): Arabic records 32 right of 34 -> 29 of 31,
# the same 2 false. Raised with it (fuse3 + cf3, main b403550 + a07a8d0): conflicts 6/41 -> 10/41 at precision 1.0
# (the conflict precision floor back to the issue's 0.8), fused coverage 0.682 -> 0.70, fragmentation 1.77 -> 1.63.
# Lowered once more, knowingly, with ev3 (rules from a third own-words holdout: recall 0.738 -> 0.908, precision
# 0.774 -> 0.922, measured blind once before and once after): precision 0.93 -> 0.92, en precision 0.88 -> 0.86,
# fields 0.87 -> 0.86. Dev is unchanged; on test the branch finds one more required event strictly and one more
# deal (Rstrict 0.679 -> 0.714, transfers 6/9 -> 7/9) and outputs one record that matches no gold; that record was
# not read, to keep the test split for reporting. Raised with it (main b1ebcf1 + ev3): recall_strict 0.80, recall
# 0.93, transfers 22, furniture removed 0.88 (furn2), coverage 0.71, fragmentation ceiling 1.63; en
# recall_strict 0.80.
FLOORS: dict[str, dict[str, float]] = {
    "all": {
        "events_recall_strict": 0.80,
        "events_recall": 0.93,
        "events_precision": 0.92,
        "transfers_found": 22,
        "field_accuracy": 0.86,
        "entity_pair_f1": 0.87,
        "stories_b3_f1": 0.93,
        "titles": 40,
        "dates": 98,
        "content_recall": 0.99,
        "boiler_removed": 0.88,
        "fused_coverage": 0.71,
        "conflicts_found": 10,
    },
    "fr": {"events_recall_strict": 0.92, "events_precision": 0.97},
    "en": {"events_recall_strict": 0.80, "events_precision": 0.86},
    "ar": {"events_recall_strict": 0.65, "events_precision": 0.93, "entity_pair_f1": 0.97, "titles": 16, "dates": 28,
           "boiler_removed": 0.88},
}
# Ceilings: figures that must not go up (records per found gold event).
CEILINGS: dict[str, dict[str, float]] = {"all": {"fragmentation": 1.63}}
# Share of output conflicts (on scored articles' events) that answer a gold disagreement. The issue's target is 0.8;
# lowered to 0.75 when an official of the Arab League stopped making his state a party (branch igo): the two
# mentions of Syria's readmission then fuse and their 12 against 11 years of suspension is reported -- one of the
# gold's disagreements -- but the record is undated (neither article has a publication date the reading finds),
# so the scorer's strict match, which needs a date, counts it as spurious: 6 of 7 -> 6 of 8.
CONFLICT_PRECISION = 0.8
COUNTS = {"transfers_found", "titles", "dates", "conflicts_found"}  # the scorer writes them "found/wanted"


@pytest.fixture(scope="module")
def press(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Headline figures of one run over the whole corpus: ``all`` and per language."""
    out = tmp_path_factory.mktemp("press")
    with Store.open(out / "recoupe.duckdb") as store:
        Pipeline(store, Settings()).run([PRESS])
        export(store, out)
    scorer = load_scorer()
    return {lang: headline(score_json(scorer, out, None, None if lang == "all" else lang))
            for lang in ("all", "fr", "en", "ar")}


def check(press: dict[str, dict[str, Any]], lang: str, *keys: str) -> None:
    figures = press[lang]
    for key in keys:
        got = count(figures[key]) if key in COUNTS else figures[key]
        assert got is not None and got >= FLOORS[lang][key], f"{lang} {key} = {figures[key]} < {FLOORS[lang][key]}"


def test_events(press: dict[str, dict[str, Any]]) -> None:
    check(press, "all", "events_recall_strict", "events_recall", "events_precision")


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_events_by_language(press: dict[str, dict[str, Any]], lang: str) -> None:
    check(press, lang, "events_recall_strict", "events_precision")


def test_arms_register(press: dict[str, dict[str, Any]]) -> None:
    check(press, "all", "transfers_found", "field_accuracy")
    assert press["all"]["rows_supplier_is_recipient"] == 0


def test_entities(press: dict[str, dict[str, Any]]) -> None:
    check(press, "all", "entity_pair_f1")
    assert press["all"]["not_merged_violated"] == 0


def test_stories(press: dict[str, dict[str, Any]]) -> None:
    check(press, "all", "stories_b3_f1")


def test_cross_checking(press: dict[str, dict[str, Any]]) -> None:
    """One record per real event (coverage up, fragmentation down) and the disagreements found."""
    check(press, "all", "fused_coverage", "conflicts_found")
    for key, ceiling in CEILINGS["all"].items():
        assert press["all"][key] <= ceiling, f"all {key} = {press['all'][key]} > {ceiling}"
    precision = press["all"]["conflict_precision"]
    assert precision is None or precision >= CONFLICT_PRECISION, f"conflict precision {precision}"


def test_arabic(press: dict[str, dict[str, Any]]) -> None:
    check(press, "ar", "entity_pair_f1", "titles", "dates", "boiler_removed")
    assert press["ar"]["wrong_dates"] == 0 and press["ar"]["not_merged_violated"] == 0


def test_titles_and_publication_dates(press: dict[str, dict[str, Any]]) -> None:
    check(press, "all", "titles", "dates")
    assert press["all"]["wrong_dates"] == 0


def test_body_and_furniture(press: dict[str, dict[str, Any]]) -> None:
    check(press, "all", "content_recall", "boiler_removed")


def test_floors_name_headline_figures(press: dict[str, dict[str, Any]]) -> None:
    """A floor whose key the scorer's headline no longer has would pass silently: catch that."""
    for lang, floors in (*FLOORS.items(), *CEILINGS.items()):
        assert set(floors) <= set(press[lang]), set(floors) - set(press[lang])
