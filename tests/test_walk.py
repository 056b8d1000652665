"""Walking the inputs given on the command line: every path that cannot be used is one error, the rest is read.

Permission tests run in a child process without the right to bypass file permissions: as root, the child drops
CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from its bounding set before it starts (prctl), so chmod 000 holds.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from pathlib import Path

from recoupe.read.ingest import iter_paths
from recoupe.records import IngestError, RawDocument
from recoupe.settings import Settings
from tests.conftest import read_jsonl

SRC = Path(__file__).resolve().parents[1] / "src"
BODY = "Le chef d'état-major a reçu mardi une délégation venue d'Amman pour parler de formation des pilotes.\n"
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def _drop_dac() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def walk_without_privileges(paths: list[Path], settings: str = "") -> list[tuple[str, str, str]]:
    """(kind, source, code or media) of what iter_paths yields, computed in a child that permissions bind."""
    code = (
        "import json, sys\nfrom pathlib import Path\nfrom recoupe.read.ingest import iter_paths\n"
        "from recoupe.records import IngestError\nfrom recoupe.settings import Settings\n"
        f"items = iter_paths([Path(p) for p in sys.argv[1:]], Settings({settings}))\n"
        "print(json.dumps([('error', i.source, i.code + ' ' + i.message) if isinstance(i, IngestError) else "
        "('doc', i.source, i.media) for i in items]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(SRC)},
                          preexec_fn=_drop_dac if os.geteuid() == 0 else None, check=False)
    assert proc.returncode == 0, proc.stderr
    return [tuple(row) for row in json.loads(proc.stdout)]


def test_unreadable_subfolder_and_files_are_one_error_each(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "closed").mkdir(parents=True)
    (folder / "closed" / "hidden.txt").write_text(BODY)
    (folder / "open.txt").write_text(BODY)
    (folder / "zlast.txt").write_text(BODY)
    (tmp_path / "locked.txt").write_text(BODY)
    (tmp_path / "shut").mkdir()
    (tmp_path / "shut" / "named.txt").write_text(BODY)
    for path in (folder / "closed", tmp_path / "locked.txt", tmp_path / "shut"):
        path.chmod(0)
    try:
        items = walk_without_privileges([folder, tmp_path / "locked.txt", tmp_path / "shut" / "named.txt",
                                         tmp_path / "good.txt"])
    finally:
        for path in (folder / "closed", tmp_path / "locked.txt", tmp_path / "shut"):
            path.chmod(0o755)
    assert items == [
        ("error", f"{folder}/closed", f"E109 {folder}/closed: folder cannot be read (Permission denied)"),
        ("doc", f"{folder}/open.txt", "text"),
        ("doc", f"{folder}/zlast.txt", "text"),
        ("error", f"{tmp_path}/locked.txt", f"E109 {tmp_path}/locked.txt: cannot be read (Permission denied)"),
        ("error", f"{tmp_path}/shut/named.txt",
         f"E109 {tmp_path}/shut/named.txt: cannot be read (Permission denied)"),
        ("error", f"{tmp_path}/good.txt", f"E109 {tmp_path}/good.txt: no such file or folder"),
    ]


def test_a_name_that_is_not_utf8_is_one_error_and_the_run_goes_on(tmp_path: Path, run_recoupe) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Visite à Amman\n\n" + BODY)
    bad = os.fsdecode(bytes(folder) + b"/caf\xe9.txt")
    Path(bad).write_text("Une autre visite\n\n" + BODY.replace("mardi", "jeudi"))
    items = list(iter_paths([folder], Settings()))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("RawDocument", f"{folder}/a.txt"), ("IngestError", f"{folder}/caf\\xe9.txt")]
    error = items[1]
    assert isinstance(error, IngestError)
    assert (error.code, error.message) == ("E109", f"{folder}/caf\\xe9.txt: the name is not valid UTF-8; rename it")
    out, report = run_recoupe(folder)
    assert (report.new_articles, [e.source for e in report.errors]) == (1, [f"{folder}/caf\\xe9.txt"])
    assert [a["source"] for a in read_jsonl(out / "articles.jsonl")] == [f"{folder}/a.txt"]


def test_links_that_leave_the_folder_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "dir").mkdir(parents=True)
    (outside / "secret.txt").write_text("not an input of this run\n")
    (outside / "dir" / "more.txt").write_text(BODY)
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "real.txt").write_text(BODY)
    (folder / "notes.txt").symlink_to(outside / "secret.txt")
    (folder / "alias.txt").symlink_to(folder / "sub" / "real.txt")
    (folder / "elsewhere").symlink_to(outside / "dir")
    (folder / "loop").symlink_to(folder)

    def walk(settings: Settings) -> list[tuple[str, str]]:
        return [(i.source, i.code if isinstance(i, IngestError) else "doc") for i in iter_paths([folder], settings)
                if isinstance(i, (IngestError, RawDocument))]

    assert walk(Settings()) == [
        (f"{folder}/alias.txt", "doc"),
        (f"{folder}/elsewhere", "E109"),
        (f"{folder}/notes.txt", "E109"),
        (f"{folder}/sub/real.txt", "doc"),
    ]
    (error,) = [i for i in iter_paths([folder], Settings()) if isinstance(i, IngestError) and "notes" in i.source]
    assert error.message == f"{folder}/notes.txt: a link to outside {folder}, not followed (--follow-links follows it)"
    assert walk(Settings(follow_links=True)) == [
        (f"{folder}/alias.txt", "doc"),
        (f"{folder}/elsewhere/more.txt", "doc"),
        (f"{folder}/notes.txt", "doc"),
        (f"{folder}/sub/real.txt", "doc"),
    ]
