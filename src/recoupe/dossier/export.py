"""Write a store's content as files: the contract's (shared/contract.md, v1) and the other formats.

Reads the store; never writes it. Each file is written to a new temporary file of the output folder (a unique
name, created exclusively: never an existing file or a link) and renamed into place, so a reader never sees half
a file and an interrupted or failed export leaves the previous files intact and no temporary file behind.

Formats (``recoupe export --format``):
- ``contract`` (default): the JSONL files, run.json and the dossier (timeline.md, report.html, graph.graphml);
- ``plover``: events.plover.jsonl, one PLOVER/POLECAT-style record per event (``dossier.formats``);
- ``csv``: one CSV per JSONL file, nested values flattened (``dossier.formats.COLUMNS``);
- ``parquet``: one Parquet file per JSONL file, nested values kept, written by DuckDB (in memory).
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import duckdb

from recoupe import __version__
from recoupe.dossier import graphml, report_html, timeline_md
from recoupe.dossier.formats import COLUMNS, flat_rows, plover_records
from recoupe.errors import OutputError
from recoupe.store import Store

CONTRACT_VERSION = 1
JSONL_FILES = ("articles", "entities", "events", "arms_transfers", "conflicts", "stories")
FORMATS = ("contract", "plover", "csv", "parquet")
Format = Literal["contract", "plover", "csv", "parquet"]


# Flags of a temporary file: created here or not at all (never an existing file, never through a link).
_EXCLUSIVE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _temp_file(path: Path) -> tuple[int, Path]:
    """A new file beside ``path`` with a name no one can guess (``O_EXCL``): its descriptor and path."""
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
        try:
            return os.open(tmp, _EXCLUSIVE, 0o666), tmp
        except FileExistsError:
            continue


def _output_error(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {path}: {exc.strerror or exc}; free some space or check the folder's "
                       "permissions, then run `recoupe export` again (the previous files are intact)")


def _atomic_write(path: Path, chunks: Iterable[str]) -> None:
    """Write ``chunks`` to a new temporary file in ``path``'s folder, then rename it over ``path``; on any
    failure the temporary file is removed and ``path`` keeps its previous content."""
    try:
        fd, tmp = _temp_file(path)
    except OSError as exc:
        raise _output_error(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for chunk in chunks:
                fh.write(chunk)
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _output_error(path, exc) from None
        raise


def _jsonl(records: Iterable[dict[str, Any]]) -> Iterable[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n"


def _iso(value: object) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if isinstance(value, datetime) else None


def _meta(store: Store, n_articles: int) -> dict[str, Any]:
    run = store.last_run() or {}
    return {
        "contract": CONTRACT_VERSION,
        "version": __version__,
        "started": _iso(run.get("started")),
        "finished": _iso(run.get("finished")),
        "inputs": int(run.get("inputs") or 0),
        "articles": n_articles,
        "errors": int(run.get("errors") or 0),
        "run": run.get("id"),
        "stages": run.get("stages", []),
        "store": str(store.path),
        "schema": store.schema_version(),
    }


def _records(store: Store) -> dict[str, list[dict[str, Any]]]:
    records = {name: list(store.articles()) if name == "articles" else list(store.records(name))
               for name in JSONL_FILES}
    # An event an analyst rejected (recoupe serve) leaves the exports; the store keeps it, with its review.
    records["events"] = [e for e in records["events"] if (e.get("review") or {}).get("status") != "rejected"]
    return records


def export(store: Store, out: Path, *, format: Format = "contract") -> dict[str, int]:
    """Write the files of ``format`` into ``out``; returns the number of records per contract file."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; one of {', '.join(FORMATS)}")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _output_error(out, exc) from None
    records = _records(store)
    counts = {name: len(rs) for name, rs in records.items()}
    if format == "plover":
        _atomic_write(out / "events.plover.jsonl",
                      _jsonl(plover_records(records["events"], records["articles"], records["entities"])))
    elif format == "csv":
        for name, rs in records.items():
            _atomic_write(out / f"{name}.csv", [csv_text(name, rs)])
    elif format == "parquet":
        for name, rs in records.items():
            write_parquet(out / f"{name}.parquet", name, rs)
    else:
        _export_contract(store, out, records)
    return counts


def _export_contract(store: Store, out: Path, records: dict[str, list[dict[str, Any]]]) -> None:
    for name, rs in records.items():
        _atomic_write(out / f"{name}.jsonl", _jsonl(rs))
    meta = _meta(store, len(records["articles"]))
    _atomic_write(out / "run.json", [json.dumps(meta, ensure_ascii=False, indent=2) + "\n"])
    articles, events = records["articles"], records["events"]
    _atomic_write(out / "timeline.md", [timeline_md(articles, events, records["conflicts"])])
    _atomic_write(out / "report.html", [report_html(
        articles, meta, events, entities=records["entities"], arms=records["arms_transfers"],
        conflicts=records["conflicts"], stories=records["stories"])])
    _atomic_write(out / "graph.graphml", [graphml(events, records["entities"])])


# A text cell beginning with one of these is read as a formula by spreadsheets (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: None empty; a text that a spreadsheet would run as a formula ("=HYPERLINK(...)",
    "+1", "@SUM") prefixed with a single quote, as OWASP advises, so it is shown as text; a carriage return made a
    line feed (the writer quotes a cell holding a line feed, not one holding a lone carriage return, which
    spreadsheets read as the end of the row)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + text if value.startswith(_FORMULA_START) else text


def csv_text(name: str, records: Iterable[dict[str, Any]]) -> str:
    """The CSV of contract file ``name``: a header, then one row per record (None as an empty cell; text cells
    that would start a formula neutralised by ``csv_cell``)."""
    header, rows = flat_rows(name, records)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[csv_cell(v) for v in row] for row in rows])
    return buffer.getvalue()


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


_PARQUET_TYPES: dict[str, dict[str, str]] = {
    "arms_transfers": {"number_ordered": "BIGINT", "number_delivered": "BIGINT", "order_year": "BIGINT",
                       "delivery_years": "BIGINT[]", "value": "STRUCT(amount DOUBLE, currency VARCHAR)"},
}


def write_parquet(path: Path, name: str, records: list[dict[str, Any]]) -> None:
    """One Parquet file of contract file ``name`` by DuckDB's COPY (nested lists and objects kept as such).

    Types are inferred from every record (``sample_size=-1``); with no record, the file has the CSV's
    columns, all VARCHAR, so a reader still finds the table's shape.
    """
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    except OSError as exc:
        raise _output_error(path, exc) from None
    tmp, source = folder / path.name, folder / f"{name}.jsonl"
    con = duckdb.connect()
    try:
        if records:
            _atomic_write(source, _jsonl(records))
            read = f"read_json({_sql_path(source)}, format='newline_delimited', sample_size=-1)"
            # Fixed types where the data alone would vary from run to run (a column null everywhere, a value
            # amount that is sometimes whole), so files of several runs concatenate.
            fixed = _PARQUET_TYPES.get(name, {})
            select = []
            for column, kind, *_ in con.execute(f"DESCRIBE SELECT * FROM {read}").fetchall():
                if column in fixed:
                    select.append(f'TRY_CAST("{column}" AS {fixed[column]}) AS "{column}"')
                elif kind.strip('"') == "NULL":
                    select.append(f'CAST("{column}" AS VARCHAR) AS "{column}"')
                else:
                    select.append(f'"{column}"')
            query = f"SELECT {', '.join(select)} FROM {read}"
        else:
            query = "SELECT " + ", ".join(f'NULL::VARCHAR AS "{c}"' for c, _ in COLUMNS[name]) + " LIMIT 0"
        con.execute(f"COPY ({query}) TO {_sql_path(tmp)} (FORMAT PARQUET)")
        os.replace(tmp, path)
    except (OSError, duckdb.IOException) as exc:
        raise OutputError(f"cannot write {path}: {' '.join(str(exc).split())}; free some space or check the "
                          "folder's permissions, then run `recoupe export` again") from None
    finally:
        con.close()
        shutil.rmtree(folder, ignore_errors=True)
