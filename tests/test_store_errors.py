"""Store and disk errors as one line that names the file and says what to do (issue 15, item 14): a truncated
or damaged store, a store held by a running process, a full disk (shown here with a file-size limit, which fails
DuckDB's writes the way a full disk does), a failed export."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import recoupe
from recoupe.cli import app
from recoupe.store import Store

SRC = str(Path(recoupe.__file__).resolve().parent.parent)
A = "Le ministre de la Défense a reçu mardi à Rabat une délégation venue signer un accord de coopération."


def one_line(output: str) -> str:
    lines = output.splitlines()
    assert len(lines) == 1, output
    return lines[0]


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.duckdb"
    with Store.open(path):
        pass
    return path


def test_a_truncated_store_is_one_line(tmp_path: Path, store_file: Path) -> None:
    data = store_file.read_bytes()
    broken = tmp_path / "cut.duckdb"
    broken.write_bytes(data[: len(data) // 3])
    (tmp_path / "a.txt").write_text(f"Titre\n\n{A}", encoding="utf-8")
    for args in (["export", str(broken), "--out", str(tmp_path / "o")],
                 ["run", str(tmp_path / "a.txt"), "--db", str(broken), "--out", str(tmp_path / "o"), "-q"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit | None)
        line = one_line(result.output)
        assert line.startswith(f"recoupe: E201 the store {broken} is damaged or is not a recoupe store (")
        assert line.endswith("restore it from a backup, or give another --db to start a new store and read the "
                             "inputs again")


def test_a_file_that_is_no_store_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "notes.duckdb"
    bad.write_bytes(b"these are my notes, not a database\n" * 1000)
    result = CliRunner().invoke(app, ["export", str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit | None)
    assert one_line(result.output).startswith(f"recoupe: E201 the store {bad} is damaged or is not a recoupe store")


def test_export_or_run_while_a_run_holds_the_store_is_one_line(tmp_path: Path, store_file: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, duckdb
        con = duckdb.connect({str(store_file)!r})
        print("ready", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    (tmp_path / "a.txt").write_text(f"Titre\n\n{A}", encoding="utf-8")
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        results = [CliRunner().invoke(app, ["export", str(store_file), "--out", str(tmp_path / "o")]),
                   CliRunner().invoke(app, ["run", str(tmp_path / "a.txt"), "--db", str(store_file), "--out",
                                            str(tmp_path / "o"), "-q"])]
    finally:
        holder.communicate("")
    for result in results:
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit | None)
        line = one_line(result.output)
        assert line.startswith(f"recoupe: E201 the store {store_file} is in use by another recoupe process (")
        assert line.endswith("wait for that run to finish, or give another --db")


def _limited(script: str, limit: int) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a child whose files cannot grow past ``limit`` bytes (writes past it fail with EFBIG
    instead of killing the child), as on a full disk."""
    prelude = textwrap.dedent(f"""
        import resource, signal, sys
        sys.path.insert(0, {SRC!r})
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        def limit(n):
            resource.setrlimit(resource.RLIMIT_FSIZE, (n, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    """)
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(script).replace("LIMIT", str(limit))],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_a_full_disk_is_told_not_hidden_by_the_rollback(tmp_path: Path, store_file: Path) -> None:
    done = _limited(f"""
        import os
        from recoupe.errors import StoreError
        from recoupe.records import RawDocument
        from recoupe.store import Store
        with Store.open(__import__("pathlib").Path({str(store_file)!r})) as store:
            limit(LIMIT)
            raws = [RawDocument(source=f"r{{i}}", origin="file", media="text", content=os.urandom(300_000))
                    for i in range(20)]
            try:
                store.save_batch(raws=raws, annotated=[], article_of={{}}, errors=[])
            except StoreError as exc:
                print(exc)
    """, limit=store_file.stat().st_size + 100_000)
    assert done.returncode == 0, done.stderr
    line = one_line(done.stdout)
    assert line.startswith(f"E201 cannot write the store {store_file}: the disk is full (")
    assert line.endswith("free some space and run again (the batches already committed are kept)")
    assert "cannot rollback" not in line


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_a_failed_export_is_one_line_and_leaves_no_temporary_file(tmp_path: Path, store_file: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Titre\n\n{A}\n" * 50, encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["run", str(tmp_path / "a.txt"), "--db", str(store_file), "--out", str(out),
                                    "-q"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    done = _limited(f"""
        import sys
        from recoupe.cli import app
        limit(LIMIT)
        sys.argv = ["recoupe", "export", {str(store_file)!r}, "--out", {str(out)!r}]
        app()
    """, limit=1000)
    assert done.returncode == 1, done.stderr
    line = one_line(done.stderr)
    assert line.startswith(f"recoupe: E202 cannot write {out}/")
    assert line.endswith("free some space or check the folder's permissions, then run `recoupe export` again (the "
                         "previous files are intact)")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_store_or_dossier_under_a_file_is_one_line(tmp_path: Path, store_file: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"Titre\n\n{A}", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "a.txt"), "--db", str(blocker / "s.duckdb"), "--out",
                                      str(tmp_path / "o"), "-q"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit | None)
    line = one_line(result.output)  # the reason is the system's ("File exists": a file where a folder should be)
    assert line.startswith(f"recoupe: E201 cannot create the folder of the store {blocker}/s.duckdb: ")
    assert line.endswith("; give a writable --out or --db")
    result = CliRunner().invoke(app, ["export", str(store_file), "--out", str(blocker / "dossier")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit | None)
    line = one_line(result.output)
    assert line.startswith(f"recoupe: E202 cannot write {blocker}/dossier: ")
    assert line.endswith("; free some space or check the folder's permissions, then run `recoupe export` again (the "
                         "previous files are intact)")


def test_a_failed_review_write_is_a_store_error_and_leaves_no_transaction(tmp_path: Path) -> None:
    """The serving tables write through the store's transaction: a DuckDB error there is one StoreError naming the
    store, and the store takes the next write."""
    from recoupe.errors import StoreError

    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        store._con.execute("DROP TABLE reviews")  # what a damaged store would look like
        entry = {"at": "2026-12-07T10:00:00Z", "by": "ana", "kind": "event", "action": "reject", "subject": "e1",
                 "anchor": {}}
        with pytest.raises(StoreError) as caught:
            store.record_review(entry, "events", {"id": "e1"})
        assert str(path) in str(caught.value) and "\n" not in str(caught.value)
        store.prepare_serving()  # no transaction left open
