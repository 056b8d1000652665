"""Write a store's content as files: the contract's (shared/contract.md, v1) and the other formats.

Reads the store; never writes it. Each file is written to a temporary name and renamed into place, so a
reader never sees half a file and an interrupted export leaves the previous files intact.

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
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import duckdb

from recoupe import __version__
from recoupe.dossier import graphml, report_html, timeline_md
from recoupe.dossier.formats import COLUMNS, flat_rows, plover_records
from recoupe.store import Store

CONTRACT_VERSION = 1
JSONL_FILES = ("articles", "entities", "events", "arms_transfers", "conflicts", "stories")
FORMATS = ("contract", "plover", "csv", "parquet")
Format = Literal["contract", "plover", "csv", "parquet"]


def _atomic_write(path: Path, chunks: Iterable[str]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for chunk in chunks:
            fh.write(chunk)
    os.replace(tmp, path)


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
    out.mkdir(parents=True, exist_ok=True)
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


def csv_text(name: str, records: Iterable[dict[str, Any]]) -> str:
    """The CSV of contract file ``name``: a header, then one row per record (None as an empty cell)."""
    header, rows = flat_rows(name, records)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
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
    tmp = path.with_name(f".{path.name}.tmp")
    source = path.with_name(f".{path.name}.jsonl.tmp")
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
    finally:
        con.close()
        source.unlink(missing_ok=True)
    os.replace(tmp, path)
