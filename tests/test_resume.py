"""A run killed with SIGKILL at any point and restarted ends with the same store: nothing lost or doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

TABLES = ("raw_documents", "articles", "sentences", "parses", "ingest_errors")
N_DOCS = 120


def make_corpus(folder: Path) -> None:
    folder.mkdir()
    for n in range(N_DOCS):
        (folder / f"doc{n:03d}.txt").write_text(
            f"Dépêche numéro {n} sur la coopération militaire\n\n"
            f"Le comité mixte s'est réuni pour la {n}e fois à Rabat, a indiqué l'état-major dans un communiqué. "
            f"Les deux délégations ont examiné {n % 7 + 2} dossiers de formation et de logistique.\n",
            encoding="utf-8",
        )
    (folder / "empty.txt").write_bytes(b"")


def snapshot(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # type: ignore[index]
        ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        sentences = con.execute("SELECT article_id, idx, start_char, end_char, text FROM sentences "
                                "ORDER BY article_id, idx").fetchall()
        return {"counts": counts, "ids": ids, "sentences": sentences}
    finally:
        con.close()


def command(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "recoupe", "-v", "run", str(corpus), "--out", str(out), "--batch-size", "1", "-q"]


def run_and_kill(corpus: Path, out: Path, after_batches: int) -> bool:
    """Start a run, SIGKILL it once it has committed ``after_batches`` batches; False if it ended first."""
    proc = subprocess.Popen(command(corpus, out), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    seen = 0
    for line in proc.stderr:
        if "stored a batch" in line:
            seen += 1
            if seen >= after_batches:
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=120)
    proc.stderr.close()
    return proc.returncode == -signal.SIGKILL


@pytest.mark.slow
def test_kill_9_and_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    reference = tmp_path / "reference"
    subprocess.run(command(corpus, reference), check=True, capture_output=True)
    expected = snapshot(reference / "recoupe.duckdb")
    assert expected["counts"]["articles"] == N_DOCS  # type: ignore[index]

    out = tmp_path / "killed"
    assert run_and_kill(corpus, out, after_batches=1), "the run finished before it could be killed"
    assert run_and_kill(corpus, out, after_batches=15), "the run finished before it could be killed"
    partial = snapshot(out / "recoupe.duckdb")
    assert 0 < partial["counts"]["articles"] < N_DOCS  # type: ignore[index]
    finished = subprocess.run(command(corpus, out), capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert snapshot(out / "recoupe.duckdb") == expected
    assert (out / "articles.jsonl").read_text() == (reference / "articles.jsonl").read_text()
