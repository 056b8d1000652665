"""A store read by another build of recoupe (an upgrade, an edited rule, another knowledge base) is read again
from its stored raw documents, whether the inputs are given again or not; the same build adds nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb

from recoupe import Pipeline, Settings, Store
from recoupe.registry import build_of, reading_build

TEXT = ("Visite à Paris\n\n"
        "La générale Elodie Varnier a reçu jeudi à Paris une délégation militaire venue de Rabat, "
        "selon un communiqué du ministère des Armées.\n")

KB_PERSON = '''
[[entity]]
id = "per:elodie-varnier"
type = "PERSON"
name = "Elodie Varnier"
country = "FRA"
sector = "MIL"
aliases = ["Varnier"]
source = "invented for this test"
'''


def linked(db: Path) -> list[tuple[str, str | None]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [(r[0], r[1]) for r in con.execute(
            "SELECT text, kb_id FROM mentions WHERE text LIKE '%Varnier%' ORDER BY start_char").fetchall()]
    finally:
        con.close()


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("raw_documents", "articles", "sentences", "parses", "mentions", "event_mentions")}
    finally:
        con.close()


def run(db: Path, inputs: list[Path], kb: Path | None = None) -> int:
    settings = Settings(kb_dirs=(str(kb),)) if kb else Settings()
    with Store.open(db) as store:
        return Pipeline(store, settings).run(inputs).reread


def make(tmp_path: Path) -> tuple[Path, Path, Path]:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "persons.toml").write_text(KB_PERSON, encoding="utf-8")
    return tmp_path / "in", tmp_path / "kb", tmp_path / "recoupe.duckdb"


def test_another_knowledge_base_reads_the_given_inputs_again(tmp_path: Path) -> None:
    inputs, kb, db = make(tmp_path)
    assert run(db, [inputs]) == 0
    assert linked(db) == [("Elodie Varnier", None)]
    before = counts(db)
    assert run(db, [inputs], kb) == 1
    assert linked(db) == [("Elodie Varnier", "per:elodie-varnier")]
    assert counts(db) == before  # replaced, not added
    assert run(db, [inputs], kb) == 0  # the same build: nothing read again
    assert counts(db) == before


def test_stored_documents_not_given_again_are_read_again_from_the_store(tmp_path: Path) -> None:
    inputs, kb, db = make(tmp_path)
    run(db, [inputs])
    before = counts(db)
    assert run(db, [], kb) == 1
    assert linked(db) == [("Elodie Varnier", "per:elodie-varnier")]
    assert counts(db) == before
    assert run(db, [], kb) == 0


def test_a_store_written_before_builds_were_recorded_is_read_again(tmp_path: Path) -> None:
    inputs, _kb, db = make(tmp_path)
    run(db, [inputs])
    con = duckdb.connect(str(db))
    con.execute("UPDATE raw_documents SET reader = NULL")
    con.close()
    assert run(db, [inputs]) == 1
    assert run(db, [inputs]) == 0


def test_the_build_changes_with_the_plan_the_version_and_the_knowledge_base(tmp_path: Path) -> None:
    _inputs, kb, _db = make(tmp_path)
    plan = ("ingest.v1", "clean.v1")
    one = build_of("0.1.0", plan)
    assert one == build_of("0.1.0", plan)
    assert len({one, build_of("0.2.0", plan), build_of("0.1.0", (*plan, "timex.v1")),
                build_of("0.1.0", plan, (kb,))}) == 4


OTHER = ("Escale à Toulon\n\n"
         "Une frégate de la marine grecque a fait escale mardi à Toulon avant un exercice commun en Méditerranée, "
         "a indiqué la préfecture maritime.\n")


def test_an_article_read_again_is_not_lost_when_another_document_the_old_build_tied_to_it_is_read_later(
        tmp_path: Path) -> None:
    # The old build read two documents as one article (a.txt was a copy of c.txt to it); this build tells them
    # apart. c.txt is read again first, in its own batch, and keeps that article: reading a.txt again later must
    # not delete it.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "recoupe.duckdb"
    settings = Settings(batch_size=1, embeddings=False)
    with Store.open(db) as store:
        Pipeline(store, settings).run([tmp_path / "in"])
    con = duckdb.connect(str(db))
    read = {Path(s).name: (r, a) for s, r, a in con.execute("SELECT source, raw_id, article_id FROM raw_documents")
            .fetchall()}
    (a_raw, a_art), c_art = read["a.txt"], read["c.txt"][1]
    for table in ("sentences", "parses", "mentions", "timexes", "event_mentions", "search_text"):
        con.execute(f"DELETE FROM {table} WHERE article_id = ?", [a_art])
    con.execute("DELETE FROM articles WHERE id = ?", [a_art])
    con.execute("UPDATE raw_documents SET article_id = ? WHERE raw_id = ?", [c_art, a_raw])
    con.execute("UPDATE raw_documents SET reader = 'an older build', "
                "received = CASE WHEN raw_id = ? THEN TIMESTAMP '2026-01-02' ELSE TIMESTAMP '2026-01-01' END",
                [a_raw])
    con.close()
    with Store.open(db) as store:
        Pipeline(store, settings).run([])
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert sorted(r[0] for r in con.execute("SELECT id FROM articles").fetchall()) == sorted([a_art, c_art])
        assert sorted(con.execute("SELECT article_id FROM raw_documents").fetchall()) == sorted([(a_art,), (c_art,)])
    finally:
        con.close()


def postings(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: list(a) for t, a in con.execute("SELECT token, articles FROM search_postings").fetchall()}
    finally:
        con.close()


def test_the_search_postings_of_an_article_read_again_are_replaced_not_added_to(tmp_path: Path) -> None:
    inputs, kb, db = make(tmp_path)
    run(db, [inputs])
    before = postings(db)
    assert before["varnier"] == [next(iter(before["rabat"]))]
    run(db, [inputs], kb)  # the same text read again: the same article, listed once
    assert postings(db) == before


def test_an_article_the_old_build_read_leaves_no_search_posting_once_read_again(tmp_path: Path) -> None:
    inputs, _kb, db = make(tmp_path)
    run(db, [inputs])
    now = postings(db)["varnier"]
    con = duckdb.connect(str(db))  # what an older build read from these bytes: another text, another article
    for table in ("sentences", "parses", "mentions", "timexes", "event_mentions", "search_text"):
        con.execute(f"UPDATE {table} SET article_id = 'old'")
    con.execute("UPDATE articles SET id = 'old'")
    con.execute("UPDATE search_text SET folded = folded || ' zeppelin'")
    con.execute("UPDATE search_postings SET articles = ['old']")
    con.execute("INSERT INTO search_postings VALUES ('zeppelin', ['old'])")
    con.execute("UPDATE raw_documents SET reader = 'an older build', article_id = 'old'")
    con.close()
    run(db, [])
    after = postings(db)
    assert "zeppelin" not in after
    assert {a for ids in after.values() for a in ids} == set(now)


def test_another_parser_or_text_limit_reads_the_store_again(tmp_path: Path) -> None:
    inputs, _kb, db = make(tmp_path)
    base = Settings(embeddings=False)
    with Store.open(db) as store:
        assert Pipeline(store, base).run([inputs]).reread == 0
        # what the settings make of a text is part of the build: the parsers and the limit on a text's length
        assert Pipeline(store, replace(base, max_article_chars=100)).run([inputs]).reread == 1
        assert Pipeline(store, replace(base, max_article_chars=100)).run([inputs]).reread == 0
    others = (replace(base, fr_model="xx_other_model"), replace(base, en_model="xx_other_model"),
              replace(base, workers=2))  # the number of parsing processes changes nothing read
    assert len({reading_build("0.1.0", ("ingest.v1",), s) for s in (base, *others)}) == 3


def test_only_the_reading_parts_of_the_package_make_the_build(tmp_path: Path) -> None:
    package = tmp_path / "recoupe"
    for rel in ("read/clean.py", "understand/events/rules.py", "kb/data/states.toml", "crosscheck/fuse.py",
                "dossier/report.py", "serve/app.py", "store.py"):
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text("# one\n", encoding="utf-8")
    plan = ("ingest.v1",)
    first = build_of("0.1.0", plan, package=package)
    for rel in ("crosscheck/fuse.py", "dossier/report.py", "serve/app.py", "store.py"):
        (package / rel).write_text("# edited\n", encoding="utf-8")
        assert build_of("0.1.0", plan, package=package) == first, rel
    seen = {first}
    for rel in ("read/clean.py", "understand/events/rules.py", "kb/data/states.toml"):
        (package / rel).write_text("# edited\n", encoding="utf-8")
        seen.add(build_of("0.1.0", plan, package=package))
    assert len(seen) == 4
