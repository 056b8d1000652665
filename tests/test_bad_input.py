"""Hostile inputs that once stopped a run or were misread (issue 15): each gives one error row with a clear
message, or is kept with a warning, and the run goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recoupe import Settings, Store
from recoupe.errors import BadJSONLine, BinaryInput
from recoupe.read.clean import clean, clean_html, clean_text
from recoupe.read.ingest import decode, parse_jsonl_line
from recoupe.read.metadata import normalise_declared
from recoupe.records import Declared, RawDocument
from tests.conftest import read_jsonl

# Our own sentences.
A = "Le ministre de la Défense a reçu mardi à Rabat une délégation venue signer un accord de coopération."
B = "Les deux délégations ont ensuite visité une base aérienne proche de la capitale."


def raw(data: bytes, media: str = "text", source: str = "x.txt") -> RawDocument:
    return RawDocument(source=source, origin="file", media=media, content=data)  # type: ignore[arg-type]


def line(**fields: object) -> bytes:
    return json.dumps(fields).encode()


# --- 1, 2, 3: JSONL lines ------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["text", "title", "outlet", "url", "published"])
def test_a_lone_surrogate_in_a_jsonl_field_is_one_error(field: str) -> None:
    fields: dict[str, object] = {"text": A, field: "x\ud800y" if field != "text" else A + "\ud800"}
    with pytest.raises(BadJSONLine) as info:
        parse_jsonl_line("b.jsonl#L3", line(**fields))
    at = len(A) if field == "text" else 1
    assert info.value.message == (f"b.jsonl#L3: '{field}' is not valid Unicode (a lone surrogate \\ud800 at "
                                  f"character {at})")


def test_a_surrogate_pair_is_valid_unicode() -> None:
    doc = parse_jsonl_line("b.jsonl#L1", b'{"text": "%s \\ud83d\\ude80", "title": "\\ud83d\\ude80"}' % A.encode())
    assert doc.declared.title == "\U0001f680"


def test_a_deeply_nested_jsonl_line_is_one_error() -> None:
    deep = b'{"text": "' + A.encode() + b'", "extra": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    with pytest.raises(BadJSONLine, match=r"^E105 b.jsonl#L1: not a JSON line \(values nested too deeply to read\)$"):
        parse_jsonl_line("b.jsonl#L1", deep)


def test_an_unparsable_jsonl_url_is_one_error() -> None:
    with pytest.raises(BadJSONLine, match=r"^E105 b.jsonl#L2: 'url' is not a usable URL \(Invalid IPv6 URL\)$"):
        parse_jsonl_line("b.jsonl#L2", line(text=A, url="http://[::1"))
    with pytest.raises(BadJSONLine, match="'url' is not a usable URL"):
        parse_jsonl_line("b.jsonl#L2", line(text=A, url="https://example.org:99999/a"))


def test_the_cleaners_ignore_an_unparsable_url() -> None:
    page = clean_text(f"Titre\n\n{A}\n{B}", url="http://[::1")
    assert page.lines == ("Titre", A, B) and page.published.basis == "unknown" and page.outlet is None
    html = f"<html><body><article><h1>Titre</h1><p>{A}</p><p>{B}</p></article></body></html>"
    assert clean_html(html, url="http://[::1/2021/11/24/x").lines == ("Titre", A, B)


@pytest.mark.parametrize("ref", ["&#x1b;", "&#27;", "&#X7F;", "&#x0000000001;", "&#0;"])
def test_a_reference_to_a_control_character_does_not_lose_the_page(ref: str) -> None:
    html = f"<html><body><article><h1>Titre</h1><p>{A}{ref}[2J {B}</p><p>{B}</p></article></body></html>"
    assert clean_html(html).lines == ("Titre", f"{A} [2J {B}", B)


# --- 5, 12: long texts ---------------------------------------------------------------------------------------


def test_a_5_mb_single_line_is_cut_at_a_sentence_end_and_kept() -> None:
    text = (A + " ") * (5_000_000 // (len(A) + 1))
    decoded = decode(raw(text.encode()), max_chars=500_000)
    assert len(decoded.text) <= 500_000 and decoded.text.endswith("coopération.")
    assert decoded.warnings == (f"input cut to {len(decoded.text):,} characters (limit 500,000)",)
    article = clean(decoded, max_chars=500_000)
    assert article.text == decoded.text.strip() and article.dropped == 0


def test_a_cut_finds_the_last_sentence_end_however_far_back() -> None:
    text = A + " " + "mot " * 200_000
    decoded = decode(raw(text.encode()), max_chars=500_000)
    assert decoded.text == A
    assert clean(decoded).text == A


def test_a_cut_falls_back_to_a_space_then_to_the_limit() -> None:
    assert decode(raw(b"mot " * 100), max_chars=50).text == "mot " * 11 + "mot"
    assert decode(raw(b"x" * 100), max_chars=50).text == "x" * 50


def test_the_text_extracted_from_html_is_held_to_the_limit() -> None:
    paragraphs = "".join(f"<p>{A} {B} ({i})</p>" for i in range(60))
    html = f"<html><body><article><h1>Titre</h1>{paragraphs}</article></body></html>"
    decoded = decode(raw(html.encode(), media="html", source="long.html"))
    article = clean(decoded, max_chars=3000)
    assert 2500 < len(article.text) <= 3000 and article.text.endswith("capitale.")
    assert article.warnings == (f"main text: input cut to {len(article.text):,} characters (limit 3,000)",)


# --- 13: NUL bytes -------------------------------------------------------------------------------------------


def test_isolated_nul_bytes_are_removed_with_a_warning_wherever_they_are() -> None:
    for data in ((A + "\x00 " + B).encode(), ((A + "\n") * 200 + "\x00" + B).encode()):
        decoded = decode(raw(data))
        assert "\x00" not in decoded.text and decoded.text.endswith(B)
        assert decoded.warnings == ("1 NUL character(s) removed",)
    decoded = decode(RawDocument(source="n.jsonl#L1", origin="jsonl", media="text", content=line(text=A + "\x00")))
    assert decoded.text == A and decoded.warnings == ("1 NUL character(s) removed",)


def test_a_few_other_control_characters_become_spaces_with_a_warning() -> None:
    decoded = decode(raw(f"Titre\x00\n\n{A}\x1b[2J\x07 {B}".encode()))
    assert decoded.text == f"Titre\n\n{A} [2J  {B}"
    assert decoded.warnings == ("1 NUL character(s) removed", "2 control character(s) replaced by spaces")


@pytest.mark.parametrize("data", [
    "Titre\n\n".encode("utf-16-le") + (A + "\n").encode("utf-16-le") * 20,  # UTF-16 without its mark
    (A + "\n").encode() * 200 + b"\x00\x01\x02\x03" * 500,  # text then binary past the first 8 KiB
])
def test_binary_content_is_refused_wherever_it_is(data: bytes) -> None:
    with pytest.raises(BinaryInput, match=r"^E102 x.txt: binary content \([\d,]+ control characters, [\d,]+ NUL"):
        decode(raw(data))


def test_declared_titles_and_outlets_are_one_line_without_nul() -> None:
    decoded = decode(RawDocument(source="t.jsonl#L1", origin="jsonl", media="text", content=line(text=A),
                                 declared=Declared(title="Un\x00 titre\n# forgé", outlet="Ga\x00zette\r")))
    article = clean(decoded)
    assert (article.title, article.outlet) == ("Un titre # forgé", "Gazette")
    assert article.text == f"Un titre # forgé\n\n{A}"
    assert article.warnings == ("NUL character(s) removed from the declared title or outlet",)


# --- 10: declared dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("2021/11/24", "2021-11-24"), ("20211124", "2021-11-24"), ("2021.11.24", "2021-11-24"),
    ("2021-11-24T10:30:00+01:00", "2021-11-24"), ("20211124T103000Z", "2021-11-24"), ("2021-11-24 10:30", "2021-11-24"),
    ("2021-11", "2021-11"), ("2021/11", "2021-11"), ("2021", "2021"), ("24/11/2021", "2021-11-24"),
    ("Wed, 24 Nov 2021 10:30:00 GMT", "2021-11-24"),
    ("12021-11-24", None), ("99999-01-01", None), ("2021-13-01", None), ("0000", None), ("2021-11-24x", None),
])
def test_declared_dates_are_read_whole_or_refused(value: str, expected: str | None) -> None:
    assert normalise_declared(value) == expected


def test_a_refused_declared_date_is_a_warning_and_the_text_dates_the_article() -> None:
    decoded = decode(RawDocument(source="d.jsonl#L1", origin="jsonl", media="text",
                                 content=line(text=f"Rabat, 24 novembre 2021\n\n{A}", published="12021-11-24"),
                                 declared=Declared(published="12021-11-24")))
    article = clean(decoded)
    assert article.warnings == ("declared publication date '12021-11-24' is not a date; ignored",)
    assert (article.published.value, article.published.basis) == ("2021-11-24", "dateline")


# --- end to end ------------------------------------------------------------------------------------------------


def test_a_run_on_hostile_inputs_records_one_error_each_and_goes_on(tmp_path: Path, run_recoupe) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        json.dumps({"text": A, "title": "t\ud800"}),
        '{"text": "' + A + '", "x": ' + "[" * 5000 + "]" * 5000 + "}",
        json.dumps({"text": B, "url": "http://[::1"}),
        json.dumps({"text": f"Une visite\n\n{A} {B}", "published": "2021/11/24"}),
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    paragraphs = "".join(f"<p>{A} {B} ({i})</p>" for i in range(40))
    (folder / "long.html").write_text(f"<html><body><article><h1>Titre</h1>{paragraphs}</article></body></html>",
                                      encoding="utf-8")
    (folder / "one-line.txt").write_text((B + " ") * 40, encoding="utf-8")
    out, report = run_recoupe(folder, settings=Settings(max_article_chars=2000, embeddings=False))
    assert [(Path(e.source).name, e.code) for e in report.errors] == [
        ("batch.jsonl#L1", "E105"), ("batch.jsonl#L2", "E105"), ("batch.jsonl#L3", "E105")]
    articles = {Path(a["source"]).name: a for a in read_jsonl(out / "articles.jsonl")}
    assert articles["batch.jsonl#L4"]["published"]["value"] == "2021-11-24"
    assert len(articles["long.html"]["text"]) <= 2000 and articles["long.html"]["warnings"][0].startswith(
        "main text: input cut to ")
    line = articles["one-line.txt"]
    assert line["text"].endswith("capitale.") and len(line["text"]) <= 2000
    assert line["warnings"][0] == f"input cut to {len(line['text']):,} characters (limit 2,000)"


def test_an_internal_error_on_one_input_costs_only_that_input(
        tmp_path: Path, run_recoupe, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected error while cleaning one input, or while parsing one article (spaCy refuses a text over its
    length limit when the cap is off): an E302 row for it, the others stored, the input tried again next run."""
    import recoupe.pipeline

    real_clean, real_annotate = recoupe.pipeline.clean, recoupe.pipeline.annotate

    def flaky_clean(decoded, **kwargs):  # type: ignore[no-untyped-def]
        if "piège" in decoded.text:
            raise RecursionError("maximum recursion depth exceeded\nin a parser")
        return real_clean(decoded, **kwargs)

    def flaky_annotate(articles, models, *, workers=1):  # type: ignore[no-untyped-def]
        if any("écueil" in a.text for a in articles):
            raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000.")
        return real_annotate(articles, models, workers=workers)

    monkeypatch.setattr(recoupe.pipeline, "clean", flaky_clean)
    monkeypatch.setattr(recoupe.pipeline, "annotate", flaky_annotate)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(f"Titre piège\n\n{A}", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(f"Titre sain\n\n{A}", encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text(f"Titre écueil\n\n{A}", encoding="utf-8")
    out, report = run_recoupe(tmp_path / "in", settings=Settings(embeddings=False))
    assert [(Path(e.source).name, e.stage, e.code) for e in report.errors] == [
        ("a.txt", "clean", "E302"), ("c.txt", "annotate", "E302")]
    assert report.errors[0].message == (
        f"{report.errors[0].source}: internal error in the clean stage (RecursionError: maximum recursion depth "
        "exceeded in a parser); the input is not stored as an article")
    assert report.errors[1].message.startswith(f"{report.errors[1].source}: internal error in the annotate stage "
                                               "(ValueError: [E088] Text of length 1000001")
    assert [Path(a["source"]).name for a in read_jsonl(out / "articles.jsonl")] == ["b.txt"]
    with Store.open(out / "recoupe.duckdb") as store:  # the failed inputs are tried again by the next run
        assert len(store.done_raw_ids()) == 1
