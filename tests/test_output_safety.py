"""What recoupe writes never carries an input's payload (issue 15, items 6, S1, S2, S4, S5): the terminal gets
outside strings literally, CSV cells start no formula, timeline.md holds no live Markdown or HTML, and export's
temporary files are its own."""

from __future__ import annotations

import csv
import io
import logging
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recoupe.cli import _LiteralFormatter, app, literal
from recoupe.dossier import graphml, timeline_md
from recoupe.dossier.export import _atomic_write, csv_cell, csv_text, export
from recoupe.store import Store

GML = "{http://graphml.graphdrawing.org/xmlns}"
A = "Le ministre de la Défense a reçu mardi à Rabat une délégation venue signer un accord de coopération."


# --- 6, S5: the terminal ---------------------------------------------------------------------------------------


def test_literal_escapes_what_would_command_the_terminal() -> None:
    assert literal("a\x1b[2Jb\x07\x9b\n") == "a\\x1b[2Jb\\x07\\x9b\\n"
    assert literal("x\u202ey\ud800") == "x\\u202ey\\ud800"
    assert literal("[/x] [red]é[/red] :smile: الرباط") == "[/x] [red]é[/red] :smile: الرباط"


def test_paths_with_markup_and_escapes_are_printed_literally(tmp_path: Path) -> None:
    folder = tmp_path / "in[" / "x]"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(f"Titre\n\n{A}", encoding="utf-8")
    (folder / "e\x1b[2Jmpty[red] :x:.txt").write_bytes(b"")
    out = tmp_path / "o[/x]"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in[/x]"), "--out", str(out)], terminal_width=400)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    (error,) = [line for line in result.output.splitlines() if line.startswith("error ")]
    assert error == f"error E101 {folder}/e\\x1b[2Jmpty[red] :x:.txt: empty input (0 bytes)"


def test_one_line_errors_are_printed_literally(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--db", str(tmp_path / "no[/x]\x1b[2J.duckdb")])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit | None)
    assert result.output == f"recoupe: no store at {tmp_path}/no[/x]\\x1b[2J.duckdb\n"


def test_serve_and_users_print_outside_strings_literally(tmp_path: Path) -> None:
    """recoupe serve and recoupe users print paths as the other commands do: controls escaped, no markup."""
    for command in (["serve", "--db"], ["users", "list", "--db"]):
        result = CliRunner().invoke(app, [*command, str(tmp_path / "no[/x]\x1b[2J:x:.duckdb")])
        assert result.exit_code == 2, result.output
        assert result.output == f"recoupe: no store at {tmp_path}/no[/x]\\x1b[2J:x:.duckdb\n"


def test_log_lines_are_literal() -> None:
    record = logging.LogRecord("recoupe.x", logging.WARNING, __file__, 1, "read %s", ("a\x1b[2J[/x]\nFAKE",), None)
    assert _LiteralFormatter("%(levelname)s %(message)s").format(record) == "WARNING read a\\x1b[2J[/x]\\nFAKE"
    try:
        raise ValueError("bad\x1b[2J")
    except ValueError:
        record.exc_info, record.exc_text = sys.exc_info(), None
    lines = _LiteralFormatter("%(message)s").format(record).split("\n")
    assert lines[0] == "read a\\x1b[2J[/x]\\nFAKE" and lines[-1] == "ValueError: bad\\x1b[2J"


# --- S1: CSV -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "cell"), [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+33 1 23", "'+33 1 23"),
    ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\nx"), ("a\rb\r\nc", "a\nb\nc"),
    ("Rabat = capitale", "Rabat = capitale"), (-3, -3), (2.5, 2.5), (None, ""),
])
def test_csv_cells_never_start_a_formula(value: object, cell: object) -> None:
    assert csv_cell(value) == cell


def test_csv_export_neutralises_formula_titles() -> None:
    article = {"id": "a1", "published": {"value": None, "basis": "unknown", "reason": "r"}, "outlet": "@outlet",
               "title": "=cmd|' /C calc'!A0", "author": None, "lang": "fr", "source": "s.txt", "dropped": 0,
               "warnings": [], "text": A}
    (row,) = list(csv.DictReader(io.StringIO(csv_text("articles", [article]))))
    assert (row["title"], row["outlet"], row["text"]) == ("'=cmd|' /C calc'!A0", "'@outlet", A)


# --- S2: timeline.md -----------------------------------------------------------------------------------------


def test_timeline_escapes_markdown_and_html_in_every_outside_string() -> None:
    articles = [{"id": "a1", "published": {"value": "2022-03-04", "basis": "metadata"}, "outlet": "<b>Gazette</b>",
                 "title": "Titre\n# Faux titre <img src=x onerror=alert(1)> [lien](javascript:x) *gras*",
                 "text": A}]
    events = [{"id": "ev:1", "date": {"start": "2022-03-03", "end": None}, "category": "VISIT",
               "factuality": "asserted", "n_sources": 1, "source": [{"name": "Rur_itania*"}],
               "recipient": [{"name": "<script>x</script>"}],
               "mentions": [{"article": "a1", "quote": "- > # cité\r\n| table |"}]}]
    md = timeline_md(articles, events)
    assert md == (
        "# recoupe timeline\n\n## Events\n\n"
        "- **2022-03-03** — VISIT: Rur\\_itania\\* → &lt;script&gt;x&lt;/script&gt; — 1 source(s): "
        "&lt;b&gt;Gazette&lt;/b&gt;, `ev:1`\n"
        "  > \\- &gt; # cité \\| table \\| (`a1`)\n\n"
        "## Articles by publication date\n\n"
        "- **2022-03-04** — Titre # Faux titre &lt;img src=x onerror=alert(1)&gt; \\[lien\\](javascript:x) \\*gras\\* "
        "(&lt;b&gt;Gazette&lt;/b&gt;; `a1`)\n"
    )
    assert "<" not in md and all(line.startswith(("#", "-", "  >", "")) for line in md.splitlines())


# --- S4, 14: export's files ----------------------------------------------------------------------------------


def test_a_failed_write_leaves_the_previous_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("previous", encoding="utf-8")

    def chunks() -> object:
        yield "<html>half"
        raise RuntimeError("the writer failed")

    with pytest.raises(RuntimeError):
        _atomic_write(target, chunks())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_export_never_writes_through_a_planted_link(tmp_path: Path) -> None:
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    out.mkdir()
    victim.write_text("mine", encoding="utf-8")
    for name in ("timeline.md", "report.html", "articles.jsonl", "run.json", "articles.csv"):
        (out / f".{name}.tmp").symlink_to(victim)
    with Store.open(tmp_path / "s.duckdb") as store:
        export(store, out)
        export(store, out, format="csv")
        export(store, out, format="parquet")
    assert victim.read_text(encoding="utf-8") == "mine"
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp") and not p.is_symlink()]
    assert (out / "timeline.md").read_text(encoding="utf-8").startswith("# recoupe timeline")


# --- graph.graphml -------------------------------------------------------------------------------------------


def test_graphml_stays_well_formed_with_characters_xml_forbids() -> None:
    event = {"id": "ev:1", "category": "VISIT", "date": {"start": None}, "n_sources": 1, "factuality": "asserted",
             "source": [{"entity": 'e\x0c"1\'', "name": "Rur\x0citania\x1b[2J", "country": None}],
             "recipient": [], "participants": [], "mentions": []}
    root = ET.fromstring(graphml([event]))
    names = [d.text for d in root.iter(f"{GML}data") if d.get("key") == "label"]
    assert "Rur itania [2J" in names
    assert {n.get("id") for n in root.iter(f"{GML}node")} == {"ev:1", 'e "1\''}
