"""The ingest stage: what counts as text, how it is decoded, what is refused and why."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoupe.errors import BadJSONLine, BinaryInput, EmptyInput, NotADocument, RecoupeInputError
from recoupe.read.ingest import decode, iter_paths, parse_jsonl_line
from recoupe.records import IngestError, RawDocument
from recoupe.settings import Settings

FRENCH = "Le ministre délégué a reçu la délégation à Rabat, où l'accord-cadre a été évoqué."


def raw(data: bytes, media: str = "text", source: str = "x.txt") -> RawDocument:
    return RawDocument(source=source, origin="file", media=media, content=data)  # type: ignore[arg-type]


def test_decode_utf8_exact() -> None:
    decoded = decode(raw(FRENCH.encode("utf-8")))
    assert decoded.text == FRENCH
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ()


def test_decode_utf8_bom_and_crlf() -> None:
    decoded = decode(raw(b"\xef\xbb\xbf" + b"Titre\r\nCorps du texte.\r"))
    assert decoded.text == "Titre\nCorps du texte.\n"


@pytest.mark.parametrize("encoding, name", [("cp1252", "Windows-1252"), ("latin-1", "Windows-1252")])
def test_decode_single_byte_french(encoding: str, name: str) -> None:
    decoded = decode(raw(FRENCH.encode(encoding)))
    assert decoded.text == FRENCH
    assert decoded.warnings == (f"not UTF-8: decoded as {name}",)


def test_decode_cp1252_curly_quotes() -> None:
    text = "l’armée « royale » – été"
    assert decode(raw(text.encode("cp1252"))).text == text


def test_decode_invalid_utf8_bytes_replaced() -> None:
    data = FRENCH.encode("utf-8") + b" \xff\xfe " + FRENCH.encode("utf-8")
    decoded = decode(raw(data))
    assert decoded.text == FRENCH + " \ufffd\ufffd " + FRENCH
    assert decoded.warnings == ("invalid UTF-8: 2 byte sequence(s) replaced by U+FFFD",)


def test_decode_html_declared_charset() -> None:
    page = '<html><head><meta charset="iso-8859-15"></head><body><p>Défense €</p></body></html>'
    decoded = decode(raw(page.encode("iso-8859-15"), media="html"))
    assert "Défense €" in decoded.text
    assert decoded.encoding == "iso-8859-15"


@pytest.mark.parametrize(
    "data, error, words",
    [
        (b"", EmptyInput, "empty input"),
        (b"  \n\t \n", EmptyInput, "empty input"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), BinaryInput, "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3", BinaryInput, "a PDF document"),
        (b"abc\x00def" * 20, BinaryInput, "NUL bytes"),
        (bytes(range(1, 32)) * 50, BinaryInput, "control characters"),
    ],
)
def test_decode_refuses(data: bytes, error: type[RecoupeInputError], words: str) -> None:
    with pytest.raises(error) as info:
        decode(raw(data, source="bad.txt"))
    assert info.value.message.startswith("bad.txt: ")
    assert words in info.value.message
    assert "\n" not in str(info.value)


def test_decode_cuts_monster_text_at_a_line() -> None:
    text = ("Une ligne de texte assez longue pour compter.\n" * 1000).encode()
    decoded = decode(raw(text), max_chars=1000)
    assert len(decoded.text) <= 1000 and decoded.text.endswith("compter.")
    assert decoded.warnings == (f"input cut to {len(decoded.text):,} characters (limit 1,000)",)


@given(st.binary(max_size=2000))
def test_decode_never_crashes(data: bytes) -> None:
    try:
        decoded = decode(raw(data))
    except RecoupeInputError:
        return
    assert isinstance(decoded.text, str) and decoded.text.strip()


def test_jsonl_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": FRENCH, "url": "https://ex.org/2021/11/24/a", "title": "T", "outlet": "Ex"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        "",
        json.dumps({"html": "<html><body><p>x</p></body></html>", "published": "2022-07-21"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_paths([path], Settings()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "IngestError", "IngestError", "IngestError",
                                                 "RawDocument"]
    first, bad, listed, nobody, page = items
    assert isinstance(first, RawDocument) and first.source == f"{path}#L1"
    assert first.declared.url == "https://ex.org/2021/11/24/a" and first.declared.outlet == "Ex"
    assert decode(first).text == FRENCH
    assert isinstance(bad, IngestError) and bad.code == BadJSONLine.code
    assert bad.message.startswith(f"{path}#L2: not a JSON line")
    assert isinstance(listed, IngestError) and "must be an object, got list" in listed.message
    assert isinstance(nobody, IngestError) and nobody.code == NotADocument.code
    assert isinstance(page, RawDocument) and page.media == "html" and page.source == f"{path}#L6"


def test_parse_jsonl_line_keeps_bytes() -> None:
    line = json.dumps({"text": "é"}, ensure_ascii=False).encode()
    assert parse_jsonl_line("f#L1", line).content == line


def test_folder_walk_sorted_and_filtered(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.html").write_text("<html><body><p>deux</p></body></html>")
    (tmp_path / "1.txt").write_text("un")
    (tmp_path / "notes.md").write_text("ignored in folders")
    (tmp_path / "page.txt").write_text("<!DOCTYPE html><html><body><p>sniffed</p></body></html>")
    items = [i for i in iter_paths([tmp_path], Settings()) if isinstance(i, RawDocument)]
    assert [Path(i.source).name for i in items] == ["1.txt", "2.html", "page.txt"]
    assert [i.media for i in items] == ["text", "html", "html"]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    (item,) = list(iter_paths([tmp_path / "nope.txt"], Settings()))
    assert isinstance(item, IngestError) and item.code == "E109"
    assert item.message == f"{tmp_path / 'nope.txt'}: no such file or folder"


def test_huge_file_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    (item,) = list(iter_paths([path], Settings()))
    assert isinstance(item, IngestError) and item.code == "E103"
    assert item.message == f"{path}: 209,715,200 bytes is over the 50,000,000-byte limit"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x")
    path.chmod(0)
    (item,) = list(iter_paths([path], Settings()))
    assert isinstance(item, IngestError) and item.code == "E109"
