"""The sentence-level event classifier (``understand/events/classifier.py``) and its gate in the events stage.

The sentences below are ours, written for this test (none is in the training files).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from recoupe.kb import load_kb
from recoupe.understand.annotate import Models, annotate
from recoupe.understand.events import EventMention, extract_events
from recoupe.understand.events.classifier import (
    NONE,
    ClassifierError,
    SentenceScorer,
    default_scorer,
    load_classifier,
    plover_scorer,
    plover_type,
    read_classifier,
)
from recoupe.understand.timex.stage import tag_article

from .test_events import _events

TRAINING = Path(__file__).resolve().parents[1] / "tools" / "events_training"

READS_AS = [
    ("The Nigerian air force took delivery of six attack helicopters ordered from Italy last year.", "ARMS_TRANSFER"),
    ("Bogota and Lima signed on Friday a memorandum of understanding on joint patrols along their river border.",
     "AGREEMENT"),
    ("Le chef d'état-major ghanéen est arrivé lundi à Abidjan pour une visite de trois jours.", "VISIT"),
    ("وصل وزير الدفاع الأردني إلى القاهرة مساء الاثنين في زيارة رسمية تستغرق يومين.", "VISIT"),
    ("Lire aussi : les dix chiffres à retenir du budget de la défense", NONE),
    ("Abonnez-vous à notre lettre d'information pour recevoir nos articles chaque matin.", NONE),
]


@pytest.mark.parametrize(("text", "label"), READS_AS, ids=[label for _t, label in READS_AS])
def test_packaged_classifier_reads_sentences_it_was_not_trained_on(text: str, label: str) -> None:
    training = "\n".join(p.read_text(encoding="utf-8") for p in TRAINING.glob("sentences_*.jsonl"))
    assert text not in training
    (probs,) = default_scorer()([text])
    assert max(probs, key=lambda k: probs[k]) == label
    assert abs(sum(probs.values()) - 1.0) < 1e-5


def test_text_too_short_to_read_gets_no_reading() -> None:
    assert default_scorer()(["", "Photo", "  AFP  "]) == [{}, {}, {}]


def test_packaged_weights_cover_every_category_and_none() -> None:
    clf = load_classifier()
    assert set(clf.labels) == {"VISIT", "MEETING", "CONFERENCE", "AGREEMENT", "COOPERATION", "EXERCISE",
                               "ARMS_TRANSFER", "DIPLOMATIC_RELATIONS", "MEDIATION", "CONFLICT", "STATEMENT", NONE}
    assert clf.weights.shape == (512, 12)


def test_corrupt_weights_give_one_clear_error() -> None:
    with pytest.raises(ClassifierError) as err:
        read_classifier(b"PK\x03\x04 not really a zip file")
    assert "\n" not in str(err.value) and "cannot be read" in str(err.value)


def test_weights_of_the_wrong_shape_give_one_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.npz"
    np.savez(f, labels=np.array(["VISIT", NONE]), weights=np.zeros((512, 3), dtype=np.float32),
             bias=np.zeros(2, dtype=np.float32))
    with pytest.raises(ClassifierError, match="wrong shape"):
        read_classifier(f.read_bytes())



def _scorer(label: str) -> SentenceScorer:
    """A classifier that reads every sentence as ``label``."""
    def score(texts: Sequence[str]) -> list[dict[str, float]]:
        return [{label: 1.0} for _ in texts]
    return score


def _rerun(text: str, models: Models, scorer: SentenceScorer) -> tuple[EventMention, ...]:
    """The events of a one-sentence article, found again with the given classifier."""
    ((article, _found, mentions),) = _events([text], models)
    (a,) = annotate([article], models)
    return extract_events(a, a.doc, mentions, tag_article(a).timexes, load_kb(), scorer=scorer)


def test_gate_keeps_what_the_classifier_confirms_and_drops_what_it_reads_as_nothing(
        models: Models, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("recoupe.understand.events.GATE", 0.05)
    text = "Le Maroc a signé mardi un accord de coopération militaire avec le Nigeria."
    ((_article, events, _mentions),) = _events([text], models)
    assert [e.category for e in events] == ["AGREEMENT"]
    assert events[0].reading is not None and events[0].reading > 0.5
    kept = _rerun(text, models, _scorer("COOPERATION"))
    assert [(e.category, e.reading) for e in kept] == [("AGREEMENT", 1.0)]  # a close category confirms it
    assert _rerun(text, models, _scorer(NONE)) == ()


def test_statements_are_not_gated(models: Models, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("recoupe.understand.events.GATE", 0.05)
    text = "Algeria condemned the visit of the Israeli defence minister to Rabat."
    assert [e.category for e in _rerun(text, models, _scorer(NONE))] == ["STATEMENT"]


# --------------------------------------------------------------------------------------------------
# the PLOVER and Arabic heads (issues 12 and 14)

PLOVER_READS_AS = [
    ("Ecuador's foreign ministry flatly rejected a Peruvian proposal to reopen talks on the river border.", "REJECT"),
    ("The Zambian opposition threatened on Monday to boycott the vote unless the electoral roll is audited.",
     "THREATEN"),
    ("Several thousand nurses marched through Lusaka on Wednesday to demand the payment of their arrears.",
     "PROTEST"),
    ("Gunmen on motorbikes killed nine farmers in an attack on a village in Zamfara state overnight.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "label"), PLOVER_READS_AS, ids=[label for _t, label in PLOVER_READS_AS])
def test_plover_head_reads_sentences_it_was_not_trained_on(text: str, label: str) -> None:
    training = "\n".join(p.read_text(encoding="utf-8") for p in TRAINING.glob("*.jsonl"))
    assert text not in training
    (probs,) = plover_scorer()([text])
    assert max(probs, key=lambda k: probs[k]) == label
    assert len(probs) == 16 and abs(sum(probs.values()) - 1.0) < 1e-4


def test_plover_head_gives_no_reading_to_a_text_too_short() -> None:
    assert plover_scorer()(["", "Photo"]) == [{}, {}]


def test_rules_type_is_kept_unless_the_classifier_is_surer_of_another_by_more_than_the_bonus() -> None:
    probs = {"ACCUSE": 0.5, "REJECT": 0.35, "THREATEN": 0.15}
    assert plover_type(probs, "REJECT") == "REJECT"
    assert plover_type(probs, "THREATEN") == "ACCUSE"  # 0.15 + 0.3 < 0.5
    assert plover_type(probs, None) == "ACCUSE"
    assert plover_type({}, "REJECT") == "REJECT"
    assert plover_type({}, None) is None
    assert plover_type({"ACCUSE": 0.995, "REJECT": 0.005}, "THREATEN") == "ACCUSE"  # a type the head lacks


@pytest.mark.parametrize(("text", "expected"), [
    ("فتح مسلحون النار على حافلة تقل عمالا قرب المنجم، فقتلوا ستة منهم وأصابوا آخرين.", {"ASSAULT"}),
    ("احتشد مئات العمال أمام مقر الشركة مطالبين بصرف رواتبهم المتأخرة منذ أشهر.", {"PROTEST"}),
    ("بحث وزيرا الخارجية خلال لقائهما في الرباط سبل تعزيز التعاون الاقتصادي بين البلدين.", set()),
])
def test_arabic_heads_read_sentences_they_were_not_trained_on(text: str, expected: set[str]) -> None:
    from recoupe.understand.events.arabic_gsr import classify

    training = "\n".join(p.read_text(encoding="utf-8") for p in TRAINING.glob("*.jsonl"))
    assert text not in training
    assert classify([text, "قصير"]) == [frozenset(expected), frozenset()]


def test_a_head_of_the_wrong_shape_gives_one_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.npz"
    np.savez(f, labels=np.array(["VISIT", NONE]), weights=np.zeros((512, 2), dtype=np.float32),
             bias=np.zeros(2, dtype=np.float32), hash_dim=np.array(16), plover_labels=np.array(["AGREE", "REJECT"]),
             plover_weights=np.zeros((512, 2), dtype=np.float16), plover_bias=np.zeros(2, dtype=np.float32))
    with pytest.raises(ClassifierError, match="plover head has the wrong shape") as err:
        read_classifier(f.read_bytes())
    assert "\n" not in str(err.value)


def test_weights_without_the_newer_heads_still_read(tmp_path: Path) -> None:
    f = tmp_path / "old.npz"
    np.savez(f, labels=np.array(["VISIT", NONE]), weights=np.zeros((512, 2), dtype=np.float32),
             bias=np.zeros(2, dtype=np.float32))
    clf = read_classifier(f.read_bytes())
    assert (clf.plover, clf.arabic, clf.hash_dim) == (None, None, 0)


def test_hashed_words_are_the_same_on_every_run_and_unit_length() -> None:
    from recoupe.understand.events._features import hashed

    x = hashed(["Rebels rejected the offer.", "", "رفض المتمردون العرض"], 64)
    assert x.shape == (3, 64)
    assert abs(float(np.linalg.norm(x[0])) - 1.0) < 1e-6 and not x[1].any()
    assert np.array_equal(x, hashed(["Rebels rejected the offer.", "", "رفض المتمردون العرض"], 64))
    # "rejected" and "rejects" fold to one stem: the two sentences share their word bucket
    a, b = hashed(["rejected", "rejects"], 4096)
    assert float(a @ b) > 0.5


def test_training_reads_no_benchmark_when_the_folder_is_missing(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("train", TRAINING.parent / "train_event_classifier.py")
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    assert train.plover_gsr_dev(tmp_path) == []
    assert train.arabic_gsr_dev(tmp_path, "ASSAULT") == []
    own = train.own_plover_rows()
    assert {label for _t, label, _w in own} >= {"ACCUSE", "CONCEDE", "COERCE", "MOBILIZE", "AID", "REQUEST", "REJECT",
                                                 "THREATEN", "PROTEST", "SANCTION", "RETREAT", "ASSAULT", "NONE"}



def _training_module() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location("train", TRAINING.parent / "train_event_classifier.py")
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    return train


def test_cross_validation_leaves_out_the_own_sentences_nearest_each_held_out_one() -> None:
    import scipy.sparse as sp

    train: Any = _training_module()
    # four own rows, then two gold rows; predicate columns only
    preds = sp.csr_matrix(np.array([[1.0, 0, 0], [0, 1.0, 0], [0.6, 0.8, 0], [0, 0, 1.0],
                                    [0.8, 0.6, 0], [0, 0.2, 0.98]]))
    assert train.nearest_own(preds, 4, 1) == [{2}, {3}]
    assert train.nearest_own(preds, 4, 2) == [{0, 2}, {1, 3}]
    assert train.nearest_own(preds, 4, 0) == [set(), set()]


def test_own_plover_sentences_have_one_known_type_each() -> None:
    import json

    types = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REQUEST", "REJECT",
             "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "NONE"}
    seen: dict[str, str] = {}
    for path in sorted(TRAINING.glob("cameo_*.jsonl")) + sorted(TRAINING.glob("plover_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            assert rec["plover"] in types, (path.name, rec)
            text = " ".join(rec["text"].split())
            assert seen.setdefault(text, rec["plover"]) == rec["plover"], (path.name, text)
    assert len(seen) >= 1900

# --------------------------------------------------------------------------------------------------
# the main predicate the PLOVER head reads in the parse (issue 12)

@pytest.mark.parametrize(("lang", "text", "pieces"), [
    ("en", "The rebels said they would free the hostages on Sunday.",
     ["r:free", "s:say", "fut:free", "o:free>hostage", "o2:hostage", "p:free>on"]),
    ("en", "Zambia will not allow foreign troops on its soil, the minister said.",
     ["r:allow", "s:say", "fut:allow", "neg:allow", "o:allow>troop", "o2:troop", "op:troop>on"]),
    ("en", "Ghana said Togo must hand back the seized trawler.",
     ["r:hand", "s:say", "mod:hand", "mod", "p:hand>back", "o:hand>trawler", "o2:trawler"]),
    ("fr", "Le Niger a menacé de fermer sa frontière avec le Bénin.",
     ["r:menacer", "x:menacer>fermer", "x2:fermer", "xo:fermer>frontière", "o2:frontière"]),
])
def test_predicate_pieces_read_the_reported_act_its_future_negation_and_modal(
        models: Models, lang: str, text: str, pieces: list[str]) -> None:
    from recoupe.understand.events._features import predicate_pieces

    assert predicate_pieces(models.get(lang)(text)) == pieces


def test_predicates_of_a_missing_parse_are_a_zero_row(models: Models) -> None:
    from recoupe.understand.events._features import PREDICATE_WEIGHT, predicates

    x = predicates([None, models.get("en")("Rebels rejected the offer.")], 256)
    assert x.shape == (2, 256) and not x[0].any()
    assert abs(float(np.linalg.norm(x[1])) - PREDICATE_WEIGHT) < 1e-5


@pytest.mark.parametrize("text", [
    "",
    "2021 | 12 | 3,4 % | 18 500",
    "Emmanuel Macron, Olaf Scholz, Giorgia Meloni, Pedro Sánchez",
    "Par Jean Dupont, AFP",
])
def test_what_is_no_sentence_gets_no_reading_and_no_error(text: str) -> None:
    from recoupe.understand.events.classifier import readable

    assert not readable(text)
    assert default_scorer()([text]) == [{}]
    assert plover_scorer()([text], [None]) == [{}]


def test_a_sentence_is_readable_in_each_language() -> None:
    from recoupe.understand.events.classifier import readable

    assert readable("Rebels rejected the offer of talks.")
    assert readable("Le Tchad a rappelé son ambassadeur.")
    assert readable("رفض المتمردون العرض")


def test_plover_scorer_wants_one_parse_per_text() -> None:
    with pytest.raises(ValueError, match="2 texts but 1 parses"):
        plover_scorer()(["Rebels rejected the offer of talks.", "Ghana recalled its ambassador."], [None])


PLOVER_READS_WITH_PARSE = [
    ("en", "The Peruvian government said it would free the two Chilean fishermen held since March.", "AGREE"),
    ("en", "Ghana said Togo must hand back the seized trawler and its crew.", "REQUEST"),
    ("en", "Zambia will not allow foreign troops on its soil, the minister said.", "REJECT"),
    ("en", "Police in Lusaka arrested 40 opposition supporters at a banned rally on Saturday.", "COERCE"),
    ("en", "The Senegalese army pulled its troops out of the border villages on Tuesday.", "RETREAT"),
    ("en", "The Namibian parliament threatened to cut off funding for the mission unless the army accounted for "
           "the missing weapons.", "THREATEN"),
    ("fr", "Le Niger a menacé de fermer sa frontière avec le Bénin.", "THREATEN"),
    ("fr", "Le Mali a expulsé l'ambassadeur du Danemark.", "SANCTION"),
    ("fr", "Des milliers de manifestants ont défilé à Lomé pour exiger la libération des opposants.", "PROTEST"),
]


@pytest.mark.parametrize(("lang", "text", "label"), PLOVER_READS_WITH_PARSE,
                         ids=[f"{lang}-{label}" for lang, _t, label in PLOVER_READS_WITH_PARSE])
def test_plover_head_reads_a_parsed_sentence_it_was_not_trained_on(
        models: Models, lang: str, text: str, label: str) -> None:
    training = "\n".join(p.read_text(encoding="utf-8") for p in TRAINING.glob("*.jsonl"))
    assert text not in training
    (probs,) = plover_scorer()([text], [models.get(lang)(text)])
    assert max(probs, key=lambda k: probs[k]) == label
