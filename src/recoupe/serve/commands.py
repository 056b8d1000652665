"""The ``recoupe serve`` and ``recoupe users`` commands (registered by ``recoupe.cli``). The web stack (FastAPI,
uvicorn, argon2) is imported only when one of them runs."""

from __future__ import annotations

import ipaddress
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from recoupe.errors import StoreError
from recoupe.serve import owner
from recoupe.terminal import literal

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def _out(text: str) -> None:
    """One line on standard output, printed literally: no Rich markup or emoji codes, controls escaped."""
    console.print(literal(text), markup=False, emoji=False)


def _err(text: str) -> None:
    """One line on standard error, printed literally."""
    err_console.print(literal(text), markup=False, emoji=False)
users_app = typer.Typer(help="Reviewer accounts of a store (for recoupe serve --allow-review).",
                        no_args_is_help=True)
# The shortest password accepted for a reviewer account (characters).
MIN_PASSWORD_CHARS = 10


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _store_path(db: Path) -> Path:
    if not db.exists():
        _err(f"recoupe: no store at {db}")
        raise typer.Exit(2)
    found = owner.holder(db)
    if found:
        _err(f"recoupe: {owner.held_message(db, found)}")
        raise typer.Exit(1)
    return db


def serve(
    db: Annotated[Path, typer.Option("--db", help="The DuckDB store to serve.")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    allow_review: Annotated[bool, typer.Option("--allow-review", help="Let signed-in reviewers confirm, reject "
                                               "and correct (accounts: recoupe users add).")] = False,
    secure_cookies: Annotated[bool, typer.Option("--secure-cookies", help="Mark the session cookie Secure (behind "
                                                 "an HTTPS proxy).")] = False,
) -> None:
    """Serve the record as a web application and an HTTP API (read-only unless --allow-review).

    Example: recoupe serve --db dossier/recoupe.duckdb
    """
    import uvicorn

    from recoupe.serve.app import create_app
    from recoupe.store import Store

    path = _store_path(db)
    try:
        store = Store.open(path)
    except StoreError as exc:
        _err(f"recoupe: {exc}")
        raise typer.Exit(1) from None
    with store:
        users = store.user_names()
        if allow_review and not users:
            _err(f"recoupe: warning: no reviewer account yet; add one with: recoupe users add NAME "
                              f"--db {path}")
        if not is_loopback(host) and not (allow_review and users):
            _err(f"recoupe: warning: serving {path} on {host}, beyond this machine, with no reviewer "
                              "account: anyone who reaches it reads the whole record")
        app = create_app(store, allow_review=allow_review, secure_cookies=secure_cookies)
        url = f"http://{host}:{port}/"
        # uvicorn shuts down on SIGTERM, then raises it again: end as on Ctrl-C, so that the marker is removed.
        previous = signal.signal(signal.SIGTERM, _stop)
        with owner.hold(path, url):
            _out(f"recoupe: serving {path} at {url} ({'review enabled' if allow_review else 'read-only'}; "
                          "Ctrl-C stops)")
            try:
                uvicorn.run(app, host=host, port=port, log_level="warning")
            finally:
                signal.signal(signal.SIGTERM, previous)


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The reviewer's name, as the review log will show it.")],
    db: Annotated[Path, typer.Option("--db", help="The DuckDB store.")],
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from standard "
                                                 "input instead of asking.")] = False,
) -> None:
    """Create a reviewer account (or set a new password); the store keeps an Argon2 hash only.

    Example: recoupe users add amina --db dossier/recoupe.duckdb
    """
    from recoupe.serve.security import hash_password
    from recoupe.store import Store

    if not name.strip() or len(name) > 100 or any(not c.isprintable() for c in name):
        _err("recoupe: a name is 1 to 100 printable characters")
        raise typer.Exit(2)
    path = _store_path(db)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD_CHARS:
        _err(f"recoupe: a password has at least {MIN_PASSWORD_CHARS} characters")
        raise typer.Exit(2)
    try:
        with Store.open(path) as store:
            store.add_user(name, hash_password(password))
    except StoreError as exc:
        _err(f"recoupe: {exc}")
        raise typer.Exit(1) from None
    _out(f"reviewer {name} can sign in to recoupe serve --db {path} --allow-review")


@users_app.command("list")
def users_list(db: Annotated[Path, typer.Option("--db", help="The DuckDB store.")]) -> None:
    """List the reviewer accounts of a store.

    Example: recoupe users list --db dossier/recoupe.duckdb
    """
    from recoupe.store import Store

    with Store.open(_store_path(db)) as store:
        for name in store.user_names():
            _out(name)
