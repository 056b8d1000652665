"""The learned furniture line model: the packaged weights, their scores' shape, and a broken install (missing or
corrupt weights: one clear error, at the start of a run)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recoupe.cli import app
from recoupe.read import furniture_model
from recoupe.read.furniture_model import BUCKETS, DENSE, FORMAT, FurnitureModelError, read_model

BODY = ("Oslo and Warsaw agreed on Tuesday to build a joint maintenance centre for coastal missile batteries, the "
        "two defence ministries said in a statement.")


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The packaged weights replaced by a file of the test's making (``tmp_path/line_model.json``)."""
    path = tmp_path / "line_model.json"
    monkeypatch.setattr(furniture_model, "model_path", lambda: path)
    furniture_model.load.cache_clear()
    yield path
    furniture_model.load.cache_clear()


def test_packaged_weights_fit_the_features() -> None:
    model = furniture_model.load()
    assert len(model.dense) == len(DENSE) and len(model.hashed) == BUCKETS and model.version


def test_blank_lines_score_zero_and_other_lines_a_probability() -> None:
    scores = furniture_model.load().score([
        "Norway and Poland sign a deal on coastal missiles", "", BODY, "  ",
        "The agreement covers the training of missile crews and the supply of spare parts until 2030, the Norwegian "
        "ministry said.", "Share on Facebook"])
    assert scores[1] == 0.0 and scores[3] == 0.0
    assert all(0.0 < s < 1.0 for s in scores[:1] + scores[4:])
    assert scores[5] > 0.8 and scores[2] < 0.2 and scores[4] < 0.2


def test_corrupt_weights_give_one_clear_error() -> None:
    with pytest.raises(FurnitureModelError) as err:
        read_model(b"\x89PNG not a model at all")
    message = str(err.value)
    assert "\n" not in message and "cannot be read" in message and "tools/train_furniture.py" in message


def test_weights_of_another_format_or_size_give_one_clear_error() -> None:
    with pytest.raises(FurnitureModelError, match="not in the format"):
        read_model(json.dumps({"format": "something/else"}).encode())
    short = {"format": FORMAT, "dense_names": list(DENSE), "dense": [0.0] * len(DENSE), "hashed": [0.0] * 7}
    with pytest.raises(FurnitureModelError, match="do not fit this version"):
        read_model(json.dumps(short).encode())


def test_missing_weights_give_one_clear_error(broken: Path) -> None:
    with pytest.raises(FurnitureModelError) as err:
        furniture_model.load()
    assert str(err.value).startswith("E303 the furniture model's weights are missing")
    assert "\n" not in str(err.value)


def test_a_run_with_corrupt_weights_stops_at_its_start_with_one_line(broken: Path, tmp_path: Path) -> None:
    broken.write_bytes(b"{not json")
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(f"Norway and Poland sign a deal\n\n{BODY}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(inputs), "--out", str(tmp_path / "out"), "-q"],
                                terminal_width=400)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if "furniture model" in line]
    assert len(errors) == 1 and "cannot be read" in errors[0] and "tools/train_furniture.py" in errors[0]
    assert not (tmp_path / "out" / "articles.jsonl").exists()
