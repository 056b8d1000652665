"""The Arabic assault / protest detector (``understand.events.arabic_gsr``): its rule features, its weights file
and its reading of sentences it was not trained on. Every sentence here is our own."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from recoupe.understand.events import arabic_gsr
from recoupe.understand.events.arabic_gsr import RULE_FEATURES, DetectorError, classify, rule_features

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "tools" / "events_training" / "arabic_gsr_ar.jsonl"


def test_rule_features_say_what_the_rules_see() -> None:
    rows = rule_features(["هاجم مسلحون مركزا للشرطة فجر اليوم وأسفر الهجوم عن سقوط ثلاثة قتلى.",
                          "هل يمكن أن يؤدي الهجوم على المدينة إلى سقوط قتلى؟"])
    assert rows.shape == (2, len(RULE_FEATURES))
    named = [dict(zip(RULE_FEATURES, map(bool, row), strict=True)) for row in rows]
    assert named[0]["assault_trigger"] and named[0]["assault_act"] and named[0]["rules_assault"]
    assert not named[0]["no_act"] and not named[0]["protest_trigger"]
    assert named[1]["no_act"] and not named[1]["rules_assault"]  # a question narrates no act


@pytest.mark.parametrize(("text", "protest"), [
    # a gathering told as the news: first in its sentence, or with its purpose
    ("تظاهر مئات العمال أمس أمام مقر الشركة احتجاجا على خفض الأجور.", True),
    ("وفي المدن الساحلية خرج آلاف السكان إلى الشوارع للمطالبة بتوفير المياه.", True),
    # protesters of a protest already told doing something else; a relative clause; a call; a riot
    ("وهتف المتظاهرون بشعارات ضد الحكومة ورفعوا الأعلام.", False),
    ("واتهم المحتجون الذين تجمعوا أمام المحكمة القاضي بالانحياز.", False),
    ("دعت النقابات العمال إلى التظاهر يوم الأحد أمام البرلمان احتجاجا على القانون.", False),
    ("واندلعت أعمال شغب في الضواحي أحرق خلالها شبان عددا من السيارات.", False),
])
def test_a_protest_is_a_gathering_told_as_the_news(text: str, protest: bool) -> None:
    assert ("PROTEST" in arabic_gsr.detect(text)) is protest
    named = dict(zip(RULE_FEATURES, map(bool, rule_features([text])[0]), strict=True))
    assert named["rules_protest"] is protest


def test_our_training_sentences_are_labelled_and_unique() -> None:
    rows = [json.loads(line) for line in OWN.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 250
    assert len({r["text"] for r in rows}) == len(rows)
    assert all(set(r) == {"text", "assault", "protest"} for r in rows)
    assert sum(r["assault"] for r in rows) >= 60 and sum(r["protest"] for r in rows) >= 60
    assert sum(not r["assault"] and not r["protest"] for r in rows) >= 100  # hard negatives


@pytest.mark.parametrize(("text", "expected"), [
    ("انفجرت عبوة ناسفة بحافلة للجنود على طريق المطار صباح اليوم، فقتل أربعة منهم وجرح سبعة.", {"ASSAULT"}),
    ("اعتصم مئات الممرضين أمام وزارة الصحة مطالبين بتحسين ظروف عملهم وزيادة رواتبهم.", {"PROTEST"}),
    ("أقامت البحرية عرضا عسكريا في الميناء بمناسبة عيدها السنوي بحضور كبار الضباط.", set()),
])
def test_the_detector_reads_sentences_it_was_not_trained_on(text: str, expected: set[str]) -> None:
    assert text not in OWN.read_text(encoding="utf-8")
    assert classify([text, "قصير"]) == [frozenset(expected), frozenset()]


def test_unreadable_weights_give_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bad = tmp_path / "arabic_gsr.npz"
    np.savez(bad, labels=np.array(["ASSAULT", "PROTEST"]), weights=np.zeros((16, 3), dtype=np.float32),
             bias=np.zeros(2, dtype=np.float32), thresholds=np.zeros(2, dtype=np.float32), hash_dim=np.array(8),
             rule_scale=np.ones(2, dtype=np.float32))
    monkeypatch.setattr(arabic_gsr, "WEIGHTS", str(bad))
    arabic_gsr.load_detector.cache_clear()
    try:
        with pytest.raises(DetectorError, match="wrong shape") as err:
            arabic_gsr.load_detector()
        assert "\n" not in str(err.value)
    finally:
        arabic_gsr.load_detector.cache_clear()
