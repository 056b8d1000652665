"""End to end: inputs in, store and contract files out; bad inputs recorded; re-runs add nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from recoupe import Pipeline, Settings, Store, export
from recoupe.cli import app
from tests.conftest import read_jsonl

BODY_FR = ("Le ministre délégué chargé de la Défense a reçu mardi à Rabat une délégation militaire "
           "étrangère, selon un communiqué de l'état-major.")


def table_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("raw_documents", "articles", "sentences", "parses", "ingest_errors")}
    finally:
        con.close()


def make_bad_inputs(folder: Path) -> dict[str, str]:
    """Every kind of bad input the brief names, and the error code each must get."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nobody.html").write_text("<html><head><title>Rien</title></head></html>", encoding="utf-8")
    with (folder / "huge.txt").open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    (folder / "lines.jsonl").write_text(json.dumps({"text": BODY_FR, "title": "Une visite"}) + "\n{oops\n",
                                        encoding="utf-8")
    (folder / "latin1.txt").write_bytes(("Une visite à Rabat\n\n" + BODY_FR).encode("latin-1"))
    (folder / "cp1252.txt").write_bytes(("L’accord « historique »\n\n" + BODY_FR).encode("cp1252"))
    (folder / "broken-utf8.txt").write_bytes(("Titre\n\n" + BODY_FR).encode() + b"\xff\n")
    return {
        "binary.txt": "E102",
        "empty.txt": "E101",
        "nobody.html": "E104",
        "huge.txt": "E103",
        "lines.jsonl#L2": "E105",
    }


def test_bad_inputs_recorded_and_run_goes_on(tmp_path: Path, run_recoupe) -> None:
    expected = make_bad_inputs(tmp_path / "in")
    out, report = run_recoupe(tmp_path / "in")
    codes = {Path(e.source).name: e.code for e in report.errors}
    assert codes == expected
    for error in report.errors:
        assert "\n" not in error.message and error.message.startswith(error.source)
    articles = read_jsonl(out / "articles.jsonl")
    assert sorted(Path(a["source"]).name for a in articles) == [
        "broken-utf8.txt", "cp1252.txt", "latin1.txt", "lines.jsonl#L1"]
    by_name = {Path(a["source"]).name: a for a in articles}
    assert by_name["cp1252.txt"]["title"] == "L’accord « historique »"
    assert by_name["cp1252.txt"]["warnings"] == ["not UTF-8: decoded as Windows-1252"]
    assert by_name["broken-utf8.txt"]["warnings"] == ["invalid UTF-8: 1 byte sequence(s) replaced by U+FFFD"]
    assert table_counts(out / "recoupe.duckdb")["ingest_errors"] == len(expected)
    meta = json.loads((out / "run.json").read_text())
    assert (meta["inputs"], meta["articles"], meta["errors"]) == (9, 4, 5)


def test_rerun_adds_nothing_and_errors_are_not_doubled(tmp_path: Path, run_recoupe) -> None:
    make_bad_inputs(tmp_path / "in")
    out, first = run_recoupe(tmp_path / "in")
    before = table_counts(out / "recoupe.duckdb")
    files_before = {p.name: p.read_text() for p in out.glob("*.jsonl")}
    _, second = run_recoupe(tmp_path / "in")
    assert table_counts(out / "recoupe.duckdb") == before
    assert {p.name: p.read_text() for p in out.glob("*.jsonl")} == files_before
    assert (second.new_articles, second.known_articles) == (0, first.new_articles)


def test_same_text_from_two_sources_is_one_article(tmp_path: Path, run_recoupe) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Titre\n\n" + BODY_FR, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Titre\r\n\r\n" + BODY_FR + "\n", encoding="utf-8")
    out, report = run_recoupe(tmp_path / "in")
    assert report.new_articles == 1 and report.duplicates == 1
    assert len(read_jsonl(out / "articles.jsonl")) == 1
    assert table_counts(out / "recoupe.duckdb")["raw_documents"] == 2


def test_shared_store_between_runs(tmp_path: Path, run_recoupe) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(f"Titre {name}\n\n{BODY_FR}", encoding="utf-8")
    db = tmp_path / "shared.duckdb"
    run_recoupe(tmp_path / "one", out=tmp_path / "out1", db=db)
    out, _ = run_recoupe(tmp_path / "two", out=tmp_path / "out2", db=db)
    assert sorted(a["title"] for a in read_jsonl(out / "articles.jsonl")) == ["Titre one", "Titre two"]
    assert not (tmp_path / "out2" / "recoupe.duckdb").exists()


def test_sentences_and_parse_kept_for_later_stages(tmp_path: Path, run_recoupe) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Une visite à Rabat\n\n" + BODY_FR + " " + BODY_FR, encoding="utf-8")
    out, _ = run_recoupe(tmp_path / "in")
    (article,) = read_jsonl(out / "articles.jsonl")
    with Store.open(out / "recoupe.duckdb") as store:
        sentences = store.sentences(article["id"])
    assert [s[3] for s in sentences] == ["Une visite à Rabat", BODY_FR, BODY_FR]
    for _, start, end, text in sentences:
        assert article["text"][start:end] == text


def test_contract_on_seeds(tmp_path: Path, seeds_dir: Path, run_recoupe, contract_checker) -> None:
    out, report = run_recoupe(seeds_dir)
    assert report.new_articles == 5 and report.errors == []
    assert contract_checker.check(out).problems == []
    for name in ("timeline.md", "report.html", "graph.graphml"):
        assert (out / name).stat().st_size > 0


def test_contract_on_demo(tmp_path: Path, demo_dir: Path, run_recoupe, contract_checker) -> None:
    out, report = run_recoupe(demo_dir)
    assert report.errors == []
    assert report.new_articles + report.duplicates == 15
    assert contract_checker.check(out).problems == []
    articles = read_jsonl(out / "articles.jsonl")
    assert sorted({a["lang"] for a in articles}) == ["en", "fr"]
    assert [a["id"] for a in articles] == sorted(a["id"] for a in articles)
    events = read_jsonl(out / "events.jsonl")
    timeline = (out / "timeline.md").read_text(encoding="utf-8")
    report = (out / "report.html").read_text(encoding="utf-8")
    assert events and all(f"`{e['id']}`" in timeline for e in events)
    assert f"{len(events)} events" in report and "<h2>Events</h2>" in report


def test_export_rewrites_files_from_a_store(tmp_path: Path, demo_dir: Path, run_recoupe) -> None:
    out, _ = run_recoupe(demo_dir)
    again = tmp_path / "again"
    with Store.open(out / "recoupe.duckdb") as store:
        counts = export(store, again)
    assert counts["articles"] == len(read_jsonl(out / "articles.jsonl"))
    assert (again / "articles.jsonl").read_text() == (out / "articles.jsonl").read_text()


# --- the command line ---------------------------------------------------------------------------------


def test_cli_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["run", str(bad), "--out", str(tmp_path / "o1")])
    assert result.exit_code == 2
    assert "E101" in result.output and "empty input" in result.output
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text("Titre\n\n" + BODY_FR, encoding="utf-8")
    shutil.copy(bad / "empty.txt", good / "empty.txt")
    result = runner.invoke(app, ["run", str(good), "--out", str(tmp_path / "o2")])
    assert result.exit_code == 0, result.output
    assert "E101" in result.output
    result = runner.invoke(app, ["run", "--out", str(tmp_path / "o3")])
    assert result.exit_code == 2


def test_two_identical_failing_inputs_are_two_errors_and_no_article_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("one.txt", "two.txt"):
        (folder / name).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(tmp_path / "out")], terminal_width=300)
    assert result.exit_code == 2, result.output
    with Store.open(tmp_path / "out" / "recoupe.duckdb") as store:
        assert [(Path(e.source).name, e.code) for e in store.errors()] == [("one.txt", "E102"), ("two.txt", "E102")]
    meta = json.loads((tmp_path / "out" / "run.json").read_text())
    assert (meta["inputs"], meta["articles"], meta["errors"]) == (2, 0, 2)


def test_cli_export(tmp_path: Path) -> None:
    runner = CliRunner()
    (tmp_path / "a.txt").write_text("Titre\n\n" + BODY_FR, encoding="utf-8")
    assert runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "-q"]).exit_code == 0
    result = runner.invoke(app, ["export", str(tmp_path / "o" / "recoupe.duckdb"), "--out", str(tmp_path / "e")])
    assert result.exit_code == 0 and "wrote 1 articles" in result.output
    assert runner.invoke(app, ["export", str(tmp_path / "none.duckdb")]).exit_code == 2


@pytest.mark.parametrize("command", ["run", "demo", "export", "stages", "timex"])
def test_every_help_ends_with_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "Example: recoupe " + command in result.output


def test_settings_documented_in_run_help() -> None:
    result = CliRunner().invoke(app, ["run", "--help"], terminal_width=200)
    for option in ("--batch-size", "--workers", "--urls", "--feed", "--out", "--db", "--kb", "--en-model"):
        assert option in result.output


def test_stages_listed_in_order() -> None:
    result = CliRunner().invoke(app, ["stages"], terminal_width=200)
    assert result.exit_code == 0
    names = [line.split(":")[0] for line in result.output.splitlines() if not line.startswith(" ")]
    assert names == ["ingest.v1", "clean.v1", "annotate.v1", "timex.v1", "entities.v1", "events.v1", "resolve.v1",
                     "stories.v1", "fuse.v1"]


def test_pipeline_is_checked_at_start(tmp_path: Path) -> None:
    from recoupe import registry
    from recoupe.errors import PipelineError

    with pytest.raises(PipelineError, match="needs decoded"):
        registry.check(["clean.v1"])
    with Store.open(tmp_path / "s.duckdb") as store:
        Pipeline(store, Settings())  # the real plan passes


def test_cli_timex_jsonl_and_single_text(tmp_path: Path) -> None:
    runner = CliRunner()
    lines = json.dumps({"id": "x", "text": "Fin juin, ils sont arrivés mardi.", "dct": "2022-07-21", "lang": "fr"})
    result = runner.invoke(app, ["timex", "--jsonl", "-"], input=lines + "\n{bad\n")
    assert result.exit_code == 0
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert [(t["text"], t["value"], t["mod"]) for t in first["timexes"]] == [
        ("Fin juin", "2022-06", "END"), ("mardi", "2022-07-19", None)]
    assert second["id"] is None and second["error"].startswith("line 2: not JSON")
    text = tmp_path / "t.txt"
    text.write_text("Signé le 24 novembre 2021 à Rabat.", encoding="utf-8")
    result = runner.invoke(app, ["timex", str(text), "--dct", "2022-01-10"])
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    assert [(t["text"], t["value"]) for t in record["timexes"]] == [("le 24 novembre 2021", "2021-11-24")]


def test_timexes_stored_and_undated_articles_get_only_a_lower_bound(tmp_path: Path, run_recoupe) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Visite à Rabat\n\nL'accord signé le 24 novembre 2021 a été suivi mardi d'une réunion.", encoding="utf-8")
    out, _ = run_recoupe(tmp_path / "in")
    (article,) = read_jsonl(out / "articles.jsonl")
    assert article["published"]["value"] is None and article["published"]["basis"] == "unknown"
    assert article["published"]["not_before"] == "2021-11-30"  # the Tuesday after the 24th
    with Store.open(out / "recoupe.duckdb") as store:
        rows = [(t["text"], t["value"]) for t in store.timexes(article["id"])]
    assert rows == [("le 24 novembre 2021", "2021-11-24"), ("mardi", "2021-11-30")]  # narrative anchor


def test_two_captures_of_one_article_keep_their_body(tmp_path: Path, run_recoupe) -> None:
    """Lines shared by near-copies of one article are its body, not the outlet's furniture."""
    folder = tmp_path / "in"
    folder.mkdir()
    body = [f"Paragraphe {n} du compte rendu de la réunion du comité mixte, tenue à Rabat cette semaine."
            for n in range(6)]
    footer = "Atlas Info, le quotidien de la défense au Maghreb depuis 1998."
    for n, extra in enumerate(["Mise à jour : ajout d'une précision sur le calendrier des travaux.", ""]):
        lines = ["Le comité mixte se réunit à Rabat", *body, extra, footer]
        (folder / f"capture{n}.jsonl").write_text(
            json.dumps({"text": "\n".join(lines), "outlet": "Atlas Info"}) + "\n", encoding="utf-8")
    other = ["Un autre sujet de la semaine", "Texte d'un autre article, sans rapport avec le comité mixte.", footer]
    (folder / "other.jsonl").write_text(json.dumps({"text": "\n".join(other), "outlet": "Atlas Info"}) + "\n",
                                        encoding="utf-8")
    out, _ = run_recoupe(folder)
    texts = {Path(a["source"]).name: a["text"] for a in read_jsonl(out / "articles.jsonl")}
    assert all(line in texts["capture0.jsonl#L1"] for line in body)
    assert all(line in texts["capture1.jsonl#L1"] for line in body)
    assert all(footer not in text for text in texts.values())


def test_a_stage_failing_on_one_article_is_recorded_and_the_run_goes_on(
        tmp_path: Path, run_recoupe, monkeypatch: pytest.MonkeyPatch) -> None:
    import recoupe.pipeline

    real = recoupe.pipeline.tag_article

    def flaky(annotated):  # type: ignore[no-untyped-def]
        if "piège" in annotated.article.text:
            raise ValueError("boom")
        return real(annotated)

    monkeypatch.setattr(recoupe.pipeline, "tag_article", flaky)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Titre piège\n\n" + BODY_FR, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Titre sain\n\n" + BODY_FR, encoding="utf-8")
    out, report = run_recoupe(tmp_path / "in")
    assert [(Path(e.source).name, e.stage, e.code) for e in report.errors] == [("a.txt", "timex", "E302")]
    assert "internal error in the timex stage (ValueError: boom)" in report.errors[0].message
    assert len(read_jsonl(out / "articles.jsonl")) == 2


def test_a_fusion_failure_keeps_the_articles_and_the_previous_events(
        tmp_path: Path, run_recoupe, monkeypatch: pytest.MonkeyPatch) -> None:
    import recoupe.pipeline

    (tmp_path / "in").mkdir()
    agreement = "Le Maroc et la Tunisie ont signé le 3 mars 2024 à Tunis un accord de coopération militaire."
    (tmp_path / "in" / "a.txt").write_text("Un accord\n\n" + agreement, encoding="utf-8")
    out, _ = run_recoupe(tmp_path / "in")
    before = read_jsonl(out / "events.jsonl")
    assert [e["category"] for e in before] == ["AGREEMENT"]

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(recoupe.pipeline, "fuse", broken)
    (tmp_path / "in" / "b.txt").write_text("Autre titre\n\n" + BODY_FR.replace("mardi", "jeudi"), encoding="utf-8")
    out, report = run_recoupe(tmp_path / "in")
    assert [(e.source, e.stage, e.code) for e in report.errors] == [("(store)", "fuse", "E302")]
    assert "(RuntimeError: boom)" in report.errors[0].message and "\n" not in report.errors[0].message
    assert len(read_jsonl(out / "articles.jsonl")) == 2
    assert read_jsonl(out / "events.jsonl") == before


def test_release_models_unloads_the_parsers_before_fusion_and_keeps_the_record(tmp_path: Path) -> None:
    from recoupe.understand import entities
    from recoupe.understand.annotate import load_pipeline

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Une visite à Rabat\n\n" + BODY_FR, encoding="utf-8")
    (folder / "b.txt").write_text("Un accord\n\n" + BODY_FR.replace("mardi", "jeudi"), encoding="utf-8")
    files = {}
    for release in (False, True):
        out = tmp_path / f"out{release}"
        with Store.open(out / "recoupe.duckdb") as store:
            Pipeline(store, Settings(), release_models=release).run([folder])
            assert (load_pipeline.cache_info().currsize == 0) is release
            # the entity matchers hold their pipeline's vocabulary: kept, they kept the parsers' memory (issue 15)
            assert (not entities._MATCHERS) is release
            export(store, out)
        files[release] = {p.name: p.read_text() for p in out.glob("*.jsonl")}
    assert files[True] == files[False]


def test_re_reading_an_undated_article_at_fusion_loads_no_parser(tmp_path: Path, seeds_dir: Path) -> None:
    """Issue 15 (memory flat in the number of inputs): the parsers are unloaded before fusion, and re-reading an
    article dated from its story loaded one again while fusion held the whole store's data. It now reads the
    stored parse into a blank vocabulary: same events, no parser in memory."""
    from recoupe.understand.annotate import load_pipeline

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("002_667dec259b500af9.txt", "003_aac8e28f51eab326.txt"):  # 003 is dated from 002's story
        shutil.copy(seeds_dir / name, folder / name)
    out = tmp_path / "out"
    with Store.open(out / "recoupe.duckdb") as store:
        report = Pipeline(store, Settings(), release_models=True).run([folder])
        assert report.inferred == 1
        assert load_pipeline.cache_info().currsize == 0
        export(store, out)
    visits = [e for e in read_jsonl(out / "events.jsonl") if e["category"] == "VISIT"
              and any(p["entity"] == "per:aviv-kochavi" for p in e["participants"])]
    # "ce lundi" in 003, read with its inferred date 2022-07-19, is Monday 18 July
    assert [(e["date"]["start"], e["date"]["end"]) for e in visits] == [("2022-07-18", "2022-07-19")]


def test_the_store_cache_is_capped_while_batches_are_stored_then_given_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15 (memory flat in the number of inputs): DuckDB kept every page a run wrote cached (up to 80% of the
    machine's memory), so a long run's memory grew with its store. Batches are stored under BATCH_MEMORY_LIMIT;
    the cross-document stages and the caller get DuckDB's default back."""
    from recoupe.store import BATCH_MEMORY_LIMIT

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Une visite à Rabat\n\n" + BODY_FR, encoding="utf-8")
    seen: list[str] = []
    save_batch = Store.save_batch

    def spy(self: Store, **kwargs: object) -> None:
        seen.append(self._con.execute("SELECT current_setting('memory_limit')").fetchone()[0])  # type: ignore[index]
        save_batch(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "save_batch", spy)
    with Store.open(tmp_path / "s.duckdb") as store:
        default = store._con.execute("SELECT current_setting('memory_limit')").fetchone()
        report = Pipeline(store, Settings(embeddings=False)).run([folder])
        after = store._con.execute("SELECT current_setting('memory_limit')").fetchone()
    assert report.new_articles == 1 and BATCH_MEMORY_LIMIT == "64MB"
    assert seen == ["61.0 MiB"] and after == default != ("61.0 MiB",)  # 64 MB are 61.0 MiB
