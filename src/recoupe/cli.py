"""The ``recoupe`` command: parses arguments, calls the library, prints the summary.

Exit codes: 0 when the run produced articles, 2 when it produced none (every input bad or empty),
1 on an internal error.

Every string that comes from outside (paths, URLs, messages that quote them, server reasons) is printed
literally: the consoles interpret no Rich markup or emoji codes, and ``literal`` escapes control characters
(an ESC in a file name reaches the terminal as ``\x1b``, not as a command).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import duckdb
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from recoupe import __version__
from recoupe.dossier.export import export as export_store
from recoupe.errors import RecoupeError
from recoupe.serve import commands as serve_commands
from recoupe.serve.owner import held_message, holder
from recoupe.settings import Settings, describe
from recoupe.store import Store, store_problem
from recoupe.terminal import literal

if TYPE_CHECKING:
    from recoupe.pipeline import RunReport

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="recoupe: a sourced, cross-checked record of defence relations between states, from the press.",
)
console = Console(markup=False, emoji=False, highlight=False)
err_console = Console(stderr=True, markup=False, emoji=False, highlight=False)
app.command("serve")(serve_commands.serve)
app.add_typer(serve_commands.users_app, name="users")
_HELP = describe()

# Runs with at least this many inputs show a progress bar (when the terminal is interactive).
PROGRESS_MIN_INPUTS = 20


def _fail(message: object) -> None:
    """One line on standard error, however long: ``recoupe: <message>``."""
    err_console.print(f"recoupe: {literal(message)}", soft_wrap=True)


class _LiteralFormatter(logging.Formatter):
    """Log records with every outside string literal: the message on one line, each line of a traceback (whose
    last line quotes the exception's message) escaped on its own."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return literal(super().formatMessage(record))

    def formatException(self, ei: Any) -> str:
        return "\n".join(literal(line) for line in super().formatException(ei).split("\n"))

    def formatStack(self, stack_info: str) -> str:
        return "\n".join(literal(line) for line in super().formatStack(stack_info).split("\n"))


def _version(value: bool) -> None:
    if value:
        console.print(f"recoupe {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More log output (-vv: debug).")] = 0,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """recoupe turns a pile of news articles into one sourced, cross-checked record."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LiteralFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])


def _summary(report: RunReport, out: Path, counts: dict[str, int], store: Store) -> None:
    table = Table(title=f"recoupe {__version__} — run {report.run_id}", show_header=False)
    table.add_row("inputs", str(report.inputs))
    table.add_row("new articles", str(report.new_articles))
    table.add_row("already stored", str(report.known_articles + report.duplicates))
    if report.reread:
        table.add_row("read again (stored by another build)", str(report.reread))
    table.add_row("errors", str(len(report.errors)))
    langs = ", ".join(f"{lang} {n}" for lang, n in sorted(report.languages.items())) or "—"
    table.add_row("languages (new)", langs)
    table.add_row("dated (new)", f"{report.dated} of {report.new_articles}")
    table.add_row("dated from their story (all)", str(report.inferred))
    table.add_row("articles in the dossier", str(counts.get("articles", 0)))
    table.add_row("stories / entities / events / arms transfers / conflicts",
                  " / ".join(str(counts.get(k, 0)) for k in ("stories", "entities", "events", "arms_transfers",
                                                             "conflicts")))
    table.add_row("dossier", literal(out))
    table.add_row("store", literal(store.path))
    console.print(table)
    for error in report.errors:
        console.print(Text.assemble(("error", "red"), f" {error.code} {literal(error.message)}"), soft_wrap=True)


def _settings(batch_size: int, workers: int, kb: list[Path] | None = None, en_model: str | None = None,
              *, follow_links: bool = False, feed_max_items: int | None = None) -> Settings:
    settings = Settings(batch_size=batch_size, workers=workers, kb_dirs=tuple(str(p) for p in kb or ()),
                        follow_links=follow_links)
    if feed_max_items is not None:
        settings = replace(settings, feed_max_items=feed_max_items)
    return replace(settings, en_model=en_model) if en_model else settings


def _execute(paths: list[Path], urls: list[str], feeds: list[str], out: Path, db: Path | None,
             settings: Settings, quiet: bool) -> int:
    store_path = db or out / "recoupe.duckdb"
    if found := holder(store_path):
        _fail(held_message(store_path, found))
        return 1
    from recoupe.pipeline import Pipeline  # spaCy and the encoder load only for the commands that run it

    try:
        with Store.open(store_path) as store:
            pipeline = Pipeline(store, settings, release_models=True)
            show = not quiet and console.is_terminal
            with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), console=err_console, disable=not show, transient=True) as bar:
                task = bar.add_task("reading inputs", total=None)

                def tick(done: int, total: int | None) -> None:
                    if done >= PROGRESS_MIN_INPUTS:
                        bar.update(task, completed=done, total=total)

                report = pipeline.run(paths, urls=urls, feeds=feeds, progress=tick)
            counts = export_store(store, out)
            if not quiet:
                _summary(report, out, counts, store)
    except RecoupeError as exc:
        _fail(exc)
        return 1
    except duckdb.Error as exc:  # the store failed outside a transaction (a damaged block read late)
        _fail(store_problem(store_path, exc))
        return 1
    return 0 if report.articles > 0 else 2


@app.command()
def run(
    inputs: Annotated[list[Path] | None, typer.Argument(help="Files or folders (.txt, .html, .htm, .jsonl).")] = None,
    urls: Annotated[Path | None, typer.Option("--urls", help="File of URLs to fetch, one per line.")] = None,
    feed: Annotated[list[str] | None, typer.Option("--feed", help="RSS or Atom feed URL (repeatable).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder (the dossier).")] = Path("dossier"),
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB store shared between runs "
                                                          "(default: OUT/recoupe.duckdb).")] = None,
    batch_size: Annotated[int, typer.Option(help=_HELP["batch_size"][1])] = 32,
    workers: Annotated[int, typer.Option(help=_HELP["workers"][1])] = 1,
    kb: Annotated[list[Path] | None, typer.Option("--kb", help=_HELP["kb_dirs"][1] + " (repeatable)")] = None,
    en_model: Annotated[str | None, typer.Option("--en-model", help=_HELP["en_model"][1])] = None,
    follow_links: Annotated[bool, typer.Option("--follow-links", help=_HELP["follow_links"][1])] = False,
    feed_max_items: Annotated[int, typer.Option("--feed-max-items", min=0, help=_HELP["feed_max_items"][1])]
    = int(_HELP["feed_max_items"][0]),  # type: ignore[call-overload]
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary, no progress bar.")] = False,
) -> None:
    """Read articles, clean, annotate and store them, and write the dossier.

    Example: recoupe run ~/veille/ --urls urls.txt --feed https://example.org/rss --out dossier/
    """
    url_list: list[str] = []
    if urls is not None:
        from recoupe.read.downloads import read_url_list

        try:
            url_list = read_url_list(urls.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
            _fail(f"cannot read the URL list {urls}: {reason or exc}")
            raise typer.Exit(2) from None
    if not inputs and not url_list and not feed:
        _fail("nothing to read; give files or folders, --urls or --feed")
        raise typer.Exit(2)
    code = _execute(list(inputs or []), url_list, list(feed or []), out, db,
                    _settings(batch_size, workers, kb, en_model, follow_links=follow_links,
                              feed_max_items=feed_max_items), quiet)
    raise typer.Exit(code)


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", help="Output folder (the dossier).")] = Path("dossier"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Run recoupe on the bundled demo corpus (Morocco–Israel defence relations, 2020–2023).

    Example: recoupe demo --out dossier/
    """
    with resources.as_file(resources.files("recoupe") / "data" / "demo") as corpus:
        code = _execute([Path(corpus)], [], [], out, None, Settings(), quiet)
    raise typer.Exit(code)


class ExportFormat(StrEnum):
    contract = "contract"
    plover = "plover"
    csv = "csv"
    parquet = "parquet"


@app.command()
def export(
    store_path: Annotated[Path | None, typer.Argument(metavar="[DB]", help="The DuckDB store to read "
                                                      "(or --db).")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="The DuckDB store to read.")] = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("dossier"),
    format: Annotated[ExportFormat, typer.Option(
        "--format", help="contract: the JSONL files, run.json, timeline.md, report.html, graph.graphml; "
        "plover: events.plover.jsonl (PLOVER/POLECAT field names); csv: one CSV per JSONL file; "
        "parquet: one Parquet file per JSONL file.")] = ExportFormat.contract,
) -> None:
    """Rewrite the dossier's files from a store, or export it as PLOVER JSON, CSV or Parquet.

    Example: recoupe export --db dossier/recoupe.duckdb --out dossier/ --format csv
    """
    path = db or store_path
    if path is None:
        _fail("which store? give --db DB")
        raise typer.Exit(2)
    if not path.exists():
        _fail(f"no store at {path}")
        raise typer.Exit(2)
    try:
        with Store.open(path) as store:
            counts = export_store(store, out, format=format.value)
    except RecoupeError as exc:
        _fail(exc)
        raise typer.Exit(1) from None
    except duckdb.Error as exc:
        _fail(store_problem(path, exc))
        raise typer.Exit(1) from None
    what = "events" if format is ExportFormat.plover else "articles"
    console.print(f"wrote {counts.get(what, 0)} {what} to {literal(out)} ({format.value})", soft_wrap=True)


@app.command()
def timex(
    file: Annotated[str, typer.Argument(help="A text file, or a JSONL file with --jsonl; '-' reads standard input.")]
    = "-",
    jsonl: Annotated[bool, typer.Option("--jsonl", help='One JSON object per line: {"id", "text", "dct", "lang"}.')]
    = False,
    dct: Annotated[str | None, typer.Option("--dct", help="Document creation time (2022-09-20, 2022-07...).")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the text: fr, en or ar.")] = "fr",
) -> None:
    """Tag and normalise the temporal expressions of texts (TIMEX3 values), one JSON line per text.

    Example: recoupe timex --jsonl - < texts.jsonl > timexes.jsonl
    """

    from recoupe.understand.timex.cli import dumps, run_jsonl, tag_one

    try:
        content = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
        _fail(f"cannot read {file}: {reason or exc}")
        raise typer.Exit(2) from None
    if jsonl:
        for line in run_jsonl(content.splitlines()):
            print(line)
    else:
        print(dumps({"id": file, "timexes": tag_one(content, dct, lang)}))


@app.command()
def stages() -> None:
    """List the registered stages, what each requires and produces, in run order.

    Example: recoupe stages
    """
    from recoupe import registry
    from recoupe.pipeline import PLAN

    for stage in registry.check(PLAN):
        console.print(f"{stage.name}: {stage.doc}\n  requires {', '.join(stage.requires)}; "
                      f"produces {', '.join(stage.produces)}", soft_wrap=True)
