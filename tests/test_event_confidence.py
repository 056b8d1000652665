"""The events' confidence (recoupe.understand.events.confidence): its inputs read from a record, the packaged
weights, the probability it gives, and a clear error when the weights are broken."""

from __future__ import annotations

import math
from typing import Any

import pytest

from recoupe.understand.events import confidence as conf


def _record(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "category": "VISIT", "factuality": "asserted", "n_sources": 3,
        "source": [{"entity": "MAR", "country": "MAR"}], "recipient": [{"entity": "ISR", "country": "ISR"}],
        "date": {"start": "2023-01-24", "date_type": "exact", "reason": "'mardi' -> 2023-01-24"},
        "mentions": [{"article": "a"}, {"article": "b"}, {"article": "c"}],
    }
    return {**base, **over}


def test_features_of_a_record() -> None:
    assert conf.features(_record()) == [1.0, math.log1p(3), math.log1p(3), 1.0, 0.0, 1.0, 1.0, 1.0]
    news = _record(category="MEETING", factuality="planned", n_sources=1, mentions=[{"article": "a"}],
                   recipient=[],
                   date={"start": "2023-01-24", "date_type": "approximate",
                         "reason": "no date in its sentence; told as the article's news (sentence 2)"})
    assert conf.features(news) == [1.0, math.log1p(1), math.log1p(1), 0.0, 1.0, 0.0, 0.0, 0.0]


def test_confidence_is_the_logistic_of_the_weighted_features() -> None:
    weights = [0.5, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    assert conf.confidence(_record(), weights) == round(1 / (1 + math.exp(-1.5)), 3)
    assert conf.confidence(_record(recipient=[]), weights) == round(1 / (1 + math.exp(-0.5)), 3)


def test_packaged_weights_rank_a_well_attested_event_above_a_lone_one() -> None:
    assert len(conf.load_weights()) == len(conf.FEATURES)
    strong = conf.confidence(_record())
    weak = conf.confidence(_record(recipient=[], category="MEETING", mentions=[{"article": "a"}], n_sources=1))
    assert 0.0 <= weak < strong <= 1.0
    (r,) = conf.with_confidence([_record()])
    assert r["confidence"] == strong


def test_broken_weights_give_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def __truediv__(self, _other: str) -> Broken:
            return self

        def read_text(self, encoding: str = "utf-8") -> str:
            return "{not json"

    conf.load_weights.cache_clear()
    monkeypatch.setattr(conf.resources, "files", lambda _pkg: Broken())
    with pytest.raises(conf.ConfidenceError, match="cannot be read"):
        conf.load_weights()
    monkeypatch.undo()
    conf.load_weights.cache_clear()
    assert len(conf.load_weights()) == len(conf.FEATURES)
