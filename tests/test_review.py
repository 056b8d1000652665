"""The analyst's review: entries, their replay over a new fusion, the pipeline's hook, the exports, the reviewer
accounts and the one owner of a store."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recoupe import review
from recoupe.cli import app
from recoupe.dossier.export import export
from recoupe.serve import owner
from recoupe.serve.commands import is_loopback
from recoupe.serve.security import verify_password
from recoupe.store import Store

from .serve_helpers import MORE, rerun, store_copy


def _event(eid: str, *mentions: tuple[str, int, int], category: str = "VISIT") -> dict:
    return {"id": eid, "category": category, "date": {"start": "2021-11-24", "end": None},
            "mentions": [{"article": a, "start": s, "end": e, "quote": "q"} for a, s, e in mentions]}


def test_replay_follows_the_mentions_not_the_ids() -> None:
    machine = [_event("ev:1", ("a1", 0, 10), ("a2", 5, 20)), _event("ev:2", ("a3", 0, 9))]
    reject = review.make_entry("event", machine[0], "reject", "amina", note="an opinion piece")
    fix = review.make_entry("event", machine[1], "correct", "amina", field="category", value="MEETING",
                            note="they met, nobody travelled")
    # The next run renumbers both events and adds a mention from a new article to the first.
    renumbered = [_event("ev:9", ("a3", 0, 9)), _event("ev:8", ("a1", 0, 10), ("a2", 5, 20), ("a4", 1, 4)),
                  _event("ev:7", ("a5", 0, 3))]
    events, _ = review.apply(renumbered, [], [reject, fix])
    by_id = {e["id"]: e for e in events}
    assert by_id["ev:8"]["review"]["status"] == "rejected"
    assert by_id["ev:9"]["category"] == "MEETING" and by_id["ev:9"]["review"]["status"] == "corrected"
    assert by_id["ev:9"]["review"]["corrections"]["category"]["before"] == "VISIT"
    assert "review" not in by_id["ev:7"]
    assert renumbered[1].get("review") is None  # the machine's records are left as they were
    reopen = review.make_entry("event", by_id["ev:8"], "reopen", "karim")
    again, _ = review.apply(renumbered, [], [reject, fix, reopen])
    assert {e["id"]: e.get("review") for e in again}["ev:8"] is None


def test_a_sentence_that_states_two_events_carries_the_review_of_one() -> None:
    visit = _event("ev:1", ("a1", 0, 10), ("a1", 20, 40))
    agreement = _event("ev:2", ("a1", 20, 40), category="AGREEMENT")
    reject = review.make_entry("event", agreement, "reject", "amina", note="no text was signed")
    assert reject["anchor"]["category"] == "AGREEMENT"
    events, _ = review.apply([_event("ev:7", ("a1", 0, 10), ("a1", 20, 40)),
                              _event("ev:8", ("a1", 20, 40), ("a2", 0, 9), category="AGREEMENT")], [], [reject])
    assert [e.get("review", {}) and e["review"]["status"] for e in events] == [{}, "rejected"]
    assert review.history([reject], "event", visit) == [] and review.history([reject], "event", agreement) == [reject]
    # The machine files it otherwise at the next run: the event sharing most of its mentions keeps the review.
    recat, _ = review.apply([_event("ev:7", ("a1", 0, 10), ("a1", 20, 40)),
                             _event("ev:9", ("a1", 20, 40), category="COOPERATION")], [], [reject])
    assert [e.get("review", {}) and e["review"]["status"] for e in recat] == ["rejected", {}]
    # A corrected category is not the anchor: the machine's is.
    fixed = review.apply_entry(agreement, review.make_entry("event", agreement, "correct", "amina",
                                                            field="category", value="MEETING", note="talks only"))
    assert review.make_entry("event", fixed, "confirm", "karim")["anchor"]["category"] == "AGREEMENT"


def test_a_correction_stays_after_a_confirmation_and_keeps_the_machine_value() -> None:
    machine = _event("ev:1", ("a1", 0, 10))
    log = [review.make_entry("event", machine, "correct", "amina", field="date.start", value="2021-12",
                             note="the ministry's release")]
    once = review.apply_entry(machine, log[0])
    log.append(review.make_entry("event", once, "correct", "amina", field="date.start", value="2021-12-02",
                                 note="the day, from the release"))
    log.append(review.make_entry("event", once, "confirm", "karim"))
    events, _ = review.apply([machine], [], log)
    assert events[0]["date"]["start"] == "2021-12-02"
    assert events[0]["review"]["status"] == "confirmed"
    assert events[0]["review"]["corrections"]["date.start"]["before"] == "2021-11-24"


def test_conflicts_are_settled_by_field_and_articles() -> None:
    conflict = {"id": "cf:1", "subject": "ev:1", "field": "date",
                "claims": [{"value": "2021-11", "articles": ["a1"], "quote": "x"},
                           {"value": "2021-12", "articles": ["a2"], "quote": "y"}]}
    entry = review.make_entry("conflict", conflict, "settle", "amina", value="2021-11", note="the treaty text")
    moved = {**conflict, "id": "cf:2", "subject": "ev:5"}
    other = {**conflict, "id": "cf:3", "field": "value"}
    _, conflicts = review.apply([], [moved, other], [entry])
    assert conflicts[0]["review"]["status"] == "settled" and conflicts[0]["review"]["value"] == "2021-11"
    assert "review" not in conflicts[1]


def _entity(eid: str, *mentions: tuple[str, int, int, str]) -> dict:
    return {"id": eid, "name": mentions[0][3], "type": "PERSON", "aliases": sorted({m[3] for m in mentions}),
            "mentions": [{"article": a, "start": s, "end": e, "text": t, "role": None} for a, s, e, t in mentions]}


def test_entity_merges_and_splits_follow_the_mentions() -> None:
    first = [_entity("per:a", ("a1", 0, 5, "Farouk")), _entity("per:b", ("a2", 3, 9, "Belkhir"), ("a3", 0, 7,
                                                                                                   "Belkhir")),
             _entity("per:c", ("a4", 0, 4, "Dror"), ("a5", 0, 4, "Dror S."), ("a6", 0, 9, "Shalom"))]
    merge = review.make_entry("entity", first[0], "merge", "amina", value=first[1], note="same general")
    split = review.make_entry("entity", first[2], "split", "amina", value=["Shalom"], note="another man")
    # The next run names them otherwise and finds one more mention of the second.
    again = [_entity("per:x", ("a1", 0, 5, "Farouk")),
             _entity("per:y", ("a2", 3, 9, "Belkhir"), ("a3", 0, 7, "Belkhir"), ("a7", 1, 8, "Belkhir")),
             _entity("per:z", ("a4", 0, 4, "Dror"), ("a5", 0, 4, "Dror S."), ("a6", 0, 9, "Shalom"))]
    out = {e["id"]: e for e in review.apply_entities(again, [merge, split])}
    assert sorted(out) == sorted(["per:y", "per:z", next(i for i in out if i.startswith("split:"))])
    assert [m["article"] for m in out["per:y"]["mentions"]] == ["a1", "a2", "a3", "a7"]
    assert out["per:y"]["aliases"] == ["Belkhir", "Farouk"] and out["per:y"]["review"]["merged"] == ["per:x"]
    assert [m["article"] for m in out["per:z"]["mentions"]] == ["a4", "a5"]
    new = next(e for i, e in out.items() if i.startswith("split:"))
    assert new["name"] == "Shalom" and [m["article"] for m in new["mentions"]] == ["a6"]
    assert new["review"]["from"] == "per:z"
    assert again[0]["id"] == "per:x" and len(again) == 3  # the resolver's records are left as they were


@pytest.mark.parametrize(("kind", "action", "field", "value", "note", "message"), [
    ("event", "delete", None, None, None, "unknown action"),
    ("event", "correct", "category", "PARTY", "why", "category must be one of"),
    ("event", "correct", "date.start", "24/11/2021", "why", "a date is"),
    ("event", "correct", "id", "ev:2", "why", "cannot correct 'id'"),
    ("event", "correct", "category", "MEETING", None, "gives its reason"),
    ("event", "correct", "source", "Morocco", "why", "list of actors"),
    ("conflict", "settle", None, "x", None, "gives a note"),
    ("entity", "merge", None, None, "same", "names the entity"),
    ("entity", "split", None, ["Nobody"], "two men", "some of the entity's surface forms"),
    ("entity", "rename", None, None, "x", "unknown action"),
])
def test_entries_that_cannot_be_made(kind: str, action: str, field: str | None, value: object, note: str | None,
                                     message: str) -> None:
    record = {"id": "ev:1", "mentions": [], "field": "date", "claims": []}
    with pytest.raises(review.ReviewError, match=message):
        review.make_entry(kind, record, action, "amina", field=field, value=value, note=note)


@pytest.mark.slow
def test_a_rejection_survives_a_rerun_and_leaves_the_exports(tmp_path: Path) -> None:
    path = store_copy(tmp_path / "store")
    with Store.open(path) as store:
        target = next(e for e in store.records("events") if e["category"] == "AGREEMENT"
                      and any(a["country"] == "ISR" for a in e["source"] + e["recipient"]))
        entry = review.make_entry("event", target, "reject", "amina", note="test")
        store.record_review(entry, "events", review.apply_entry(target, entry))
        other = next(e for e in store.records("events") if e["category"] != target["category"])
        confirm = review.make_entry("event", other, "confirm", "karim", note="seen the communiqué")
        store.record_review(confirm, "events", review.apply_entry(other, confirm))
        general = next(e for e in store.records("entities") if e["id"] == "per:belkhir-el-farouk")
        split = review.make_entry("entity", general, "split", "amina", value=["Farouk Belkir"], note="test")
        store.record_review(split, "entities", general)
    anchor = {tuple(m) for m in entry["anchor"]["mentions"]}
    rerun(path, MORE)
    with Store.open(path) as store:
        assert store.count("articles") == 18
        events = list(store.records("events"))
        holding = [e for e in events if anchor & {(m["article"], m["start"], m["end"]) for m in e["mentions"]}
                   and e["category"] == target["category"]]
        assert holding and all(e["review"]["status"] == "rejected" for e in holding)
        assert all((e.get("review") or {}).get("status") != "rejected" for e in events if e not in holding)
        entities = {e["id"]: e for e in store.records("entities")}
        split_off = [e for e in entities.values() if e["id"].startswith("split:")]
        assert [e["aliases"] for e in split_off] == [["Farouk Belkir"]]
        assert "Farouk Belkir" not in entities["per:belkhir-el-farouk"]["aliases"]
        counts = export(store, tmp_path / "out")
    exported = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert counts["events"] == len(events) - len(holding) == len(exported)
    assert not {e["id"] for e in holding} & {e["id"] for e in exported}
    confirmed = [e for e in exported if (e.get("review") or {}).get("status") == "confirmed"]
    assert [e["review"]["by"] for e in confirmed] == ["karim"]
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert '"review":{"at":"' in report and '"by":"karim","note":"seen the communiqué","status":"confirmed"}' in report


def test_users_add_keeps_an_argon2_hash(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    runner = CliRunner()
    done = runner.invoke(app, ["users", "add", "amina", "--db", str(db), "--password-stdin"],
                         input="a long enough secret\n")
    assert done.exit_code == 0, done.output
    short = runner.invoke(app, ["users", "add", "karim", "--db", str(db), "--password-stdin"], input="short\n")
    assert short.exit_code == 2
    with Store.open(db) as store:
        assert store.user_names() == ["amina"]
        stored = store.user_hash("amina")
    assert stored and stored.startswith("$argon2id$") and "secret" not in stored
    assert verify_password(stored, "a long enough secret") and not verify_password(stored, "another one")


def test_run_on_a_store_held_by_serve_says_so_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    article = tmp_path / "a.txt"
    article.write_text("Un titre\nUn texte.\n", encoding="utf-8")
    runner = CliRunner()
    with owner.hold(db, "http://127.0.0.1:8000/"):
        done = runner.invoke(app, ["run", str(article), "--db", str(db), "--out", str(tmp_path / "o")])
        users = runner.invoke(app, ["users", "add", "amina", "--db", str(db), "--password-stdin"], input="x" * 12)
    assert done.exit_code == 1 and users.exit_code == 1
    lines = done.output.strip().splitlines()
    assert lines == [f"recoupe: the store {db} is held by recoupe serve (pid {os.getpid()}, "
                     "http://127.0.0.1:8000/); stop the server first, then run"]
    assert not owner.marker(db).exists()
    owner.marker(db).write_text(json.dumps({"pid": 2 ** 22 + 7, "url": "x"}))  # left by a killed server
    assert owner.holder(db) is None


def test_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")


@pytest.mark.slow
def test_serve_process_holds_the_store_and_lets_go_on_sigterm(tmp_path: Path) -> None:
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    server = subprocess.Popen([sys.executable, "-m", "recoupe", "serve", "--db", str(db), "--port", str(port)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert owner.holder(db) == {"pid": server.pid, "url": f"http://127.0.0.1:{port}/"}
        done = subprocess.run([sys.executable, "-m", "recoupe", "run", str(tmp_path), "--db", str(db), "--out",
                               str(tmp_path / "o")], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [
            f"recoupe: the store {db} is held by recoupe serve (pid {server.pid}, http://127.0.0.1:{port}/); "
            "stop the server first, then run"]
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    assert server.returncode == 0, err
    assert out.strip() == f"recoupe: serving {db} at http://127.0.0.1:{port}/ (read-only; Ctrl-C stops)"
    assert not owner.marker(db).exists()


def test_serving_beyond_loopback_warns_unless_reviewers_have_accounts(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    served: list[tuple[str, int]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, log_level: served.append((host, port)))
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    runner = CliRunner()
    wide = runner.invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8123"])
    assert wide.exit_code == 0 and served == [("0.0.0.0", 8123)]
    assert f"recoupe: warning: serving {db} on 0.0.0.0, beyond this machine, with no reviewer account" in wide.output
    local = runner.invoke(app, ["serve", "--db", str(db)])
    assert local.exit_code == 0 and "warning" not in local.output
    runner.invoke(app, ["users", "add", "amina", "--db", str(db), "--password-stdin"], input="a long secret here\n")
    reviewed = runner.invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0", "--allow-review"])
    assert reviewed.exit_code == 0 and "warning" not in reviewed.output
    read_only = runner.invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert "beyond this machine" in read_only.output
    missing = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "recoupe: no store at" in missing.output
    assert not owner.marker(db).exists()
