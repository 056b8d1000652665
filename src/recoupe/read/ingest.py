"""Inputs from the file system, and the ``ingest`` stage that turns raw bytes into a Python string.

Reading (``iter_paths``) does I/O; ``decode`` is the pure stage. Accepted files: ``.txt``, ``.html``,
``.htm`` and ``.jsonl`` (one article per line: ``text`` or ``html``, optional ``url``, ``title``,
``published``, ``outlet``). Folders are walked recursively in sorted order; other suffixes inside a
folder are skipped silently, but a file named explicitly is always tried. Links that leave a folder are not
followed unless ``Settings.follow_links`` (see ``iter_paths``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from recoupe.errors import (
    BadJSONLine,
    BinaryInput,
    EmptyInput,
    NotADocument,
    RecoupeInputError,
    TooLarge,
    Unreadable,
)
from recoupe.read.arabic_encoding import decode_cp1256, repair_mojibake
from recoupe.records import Declared, Decoded, IngestError, Media, RawDocument
from recoupe.registry import register
from recoupe.settings import Settings

log = logging.getLogger(__name__)

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}

# Share of control characters (other than tab, newline, carriage return, form feed) above which a
# decoded text is treated as binary. Real scraped pages have none or a handful; set on the seeds and
# the trafilatura_eval pages (0 of 213 refused) and on random bytes (all refused).
MAX_CONTROL_SHARE = 0.01
# ... and at least this many: a short text with a stray escape sequence or two is a text (the share alone would
# refuse a 100-character line holding two). The binary inputs of the tests have 20 control characters or more.
MIN_BINARY_CONTROLS = 16
# When bytes are not valid UTF-8 but at most this share of their non-ASCII bytes belong to invalid
# sequences, the text is UTF-8 with a few broken bytes (replaced, with a warning) rather than a
# single-byte encoding. Windows-1252 French text has nearly every non-ASCII byte invalid as UTF-8.
MAX_INVALID_UTF8_SHARE = 0.2

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Where a text over the length limit may be cut: after a sentence's final punctuation (and any closing
# quote or bracket), or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”’)\]]*(?=\s)|\n")
# How far back from the limit a cut looks first for a sentence end (then anywhere before it, then for a space):
# far enough for any real sentence (the longest in the seeds and the press corpus is under 2,000 characters), near
# enough that the search stays cheap on a 50 MB text.
CUT_LOOKBACK_CHARS = 20_000
# The fields of a JSONL line that recoupe reads; each must be valid Unicode when it is a string.
JSONL_FIELDS = ("text", "html", "title", "outlet", "url", "published")


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be parsed as a URL ("Invalid IPv6 URL"), or None when it can."""
    try:
        _ = urlsplit(url).port  # the port is parsed only when asked for: "http://h:99999" raises there
    except ValueError as exc:
        return str(exc) or "unparsable"
    return None


def _file_error(path: Path, exc: RecoupeInputError) -> IngestError:
    return IngestError(source=shown(path), stage="ingest", code=exc.code, message=exc.message)


def shown(path: Path | str) -> str:
    """A path as text that any store or terminal takes: bytes of a name that are not UTF-8 as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes of the name, kept by Python as lone surrogates
        return False
    return True


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def iter_paths(paths: Iterable[Path], settings: Settings) -> Iterator[RawDocument | IngestError]:
    """Every article found under ``paths`` (files or folders), or an error for each unusable input.

    A path that cannot be read (missing, no permission, a name that is not UTF-8) gives one error and the
    others go on; so does a sub-folder that cannot be listed. In a folder, a symbolic link whose target lies
    outside that folder is not followed (one error says so) unless ``settings.follow_links``; links to
    sub-folders are walked only with ``follow_links`` (their files are in the walk already otherwise).
    """
    for path in paths:
        if not _utf8(str(path)):
            yield _file_error(path, Unreadable(f"{shown(path)}: the name is not valid UTF-8; rename it"))
            continue
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except FileNotFoundError:
            yield _file_error(path, Unreadable(f"{path}: no such file or folder"))
            continue
        except OSError as exc:
            yield _file_error(path, Unreadable(f"{path}: cannot be read ({exc.strerror or exc})"))
            continue
        if is_dir:
            root = os.path.realpath(path)
            yield from _walk(path, root, settings, (root,))
        else:
            yield from _read_file(path, settings)


def _walk(folder: Path, root: str, settings: Settings, ancestors: tuple[str, ...]
          ) -> Iterator[RawDocument | IngestError]:
    """Files of ``folder`` and its sub-folders with an accepted suffix, depth first, names in sorted order (the
    order of sorting the full paths)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield _file_error(folder, Unreadable(f"{folder}: folder cannot be read ({exc.strerror or exc})"))
        return
    for entry in entries:
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
            wanted = is_dir or (entry.is_file() and path.suffix.lower() in SUFFIXES)
            link = entry.is_symlink()
        except OSError as exc:
            yield _file_error(path, Unreadable(f"{shown(path)}: cannot be read ({exc.strerror or exc})"))
            continue
        if not wanted:
            continue  # other suffixes, dangling links, sockets...
        if not _utf8(entry.name):
            yield _file_error(path, Unreadable(f"{shown(path)}: the name is not valid UTF-8; rename it"))
            continue
        target = os.path.realpath(path) if link or is_dir else ""
        if link and not settings.follow_links:
            if not _inside(target, root):
                yield _file_error(path, Unreadable(
                    f"{path}: a link to outside {shown(root)}, not followed (--follow-links follows it)"))
                continue
            if is_dir:
                continue
        if is_dir:
            if target in ancestors:
                log.warning("%s: a link back to a folder above it, not walked again", shown(path))
                continue
            yield from _walk(path, root, settings, (*ancestors, target))
        else:
            yield from _read_file(path, settings)


def _read_file(path: Path, settings: Settings) -> Iterator[RawDocument | IngestError]:
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            raise TooLarge(f"{path}: {size:,} bytes is over the {settings.max_input_bytes:,}-byte limit")
        data = path.read_bytes()
    except RecoupeInputError as exc:
        yield _file_error(path, exc)
        return
    except OSError as exc:
        yield _file_error(path, Unreadable(f"{path}: cannot be read ({exc.strerror or exc})"))
        return
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    if kind == "jsonl":
        yield from _read_jsonl(path, data)
        return
    media: Media = "html" if kind == "html" else "text"
    if media == "text" and data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        media = "html"
    yield RawDocument(source=str(path), origin="file", media=media, content=data)


def _read_jsonl(path: Path, data: bytes) -> Iterator[RawDocument | IngestError]:
    for number, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        source = f"{path}#L{number}"
        try:
            yield parse_jsonl_line(source, line)
        except RecoupeInputError as exc:
            yield IngestError(source=source, stage="ingest", code=exc.code, message=exc.message)


def parse_jsonl_line(source: str, line: bytes) -> RawDocument:
    """One JSONL line as a raw document; the bytes of the line are kept exactly as received."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
        raise BadJSONLine(f"{source}: not a JSON line ({reason})") from None
    except RecursionError:
        raise BadJSONLine(f"{source}: not a JSON line (values nested too deeply to read)") from None
    if not isinstance(obj, dict):
        raise BadJSONLine(f"{source}: a JSON line must be an object, got {type(obj).__name__}")
    for key in JSONL_FIELDS:
        value = obj.get(key)
        if isinstance(value, str) and (bad := _SURROGATE.search(value)):
            raise BadJSONLine(f"{source}: '{key}' is not valid Unicode (a lone surrogate "
                              f"\\u{ord(bad.group()):04x} at character {bad.start():,})")
    url = obj.get("url")
    if isinstance(url, str) and url.strip() and (problem := url_problem(url)):
        raise BadJSONLine(f"{source}: 'url' is not a usable URL ({problem})")
    body = obj.get("html") if isinstance(obj.get("html"), str) else obj.get("text")
    if not isinstance(body, str):
        raise NotADocument(f"{source}: the object has no 'text' or 'html' string")

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return value if isinstance(value, str) and value.strip() else None

    declared = Declared(url=opt("url"), title=opt("title"), published=opt("published"), outlet=opt("outlet"))
    media: Media = "html" if isinstance(obj.get("html"), str) else "text"
    return RawDocument(source=source, origin="jsonl", media=media, content=line, declared=declared)


# --- the ingest stage -------------------------------------------------------------------------------


@register("ingest.v1", requires=["input"], produces=["decoded"])
def decode(raw: RawDocument, *, max_chars: int = 0) -> Decoded:
    """Turn a raw document into text, refusing what is not text (pure; raises RecoupeInputError).

    ``max_chars`` > 0 cuts longer texts (with a warning) so one monster page cannot stall a run.
    """
    warnings: list[str] = []
    if raw.origin == "jsonl":
        obj = json.loads(raw.content)
        text = obj["html"] if raw.media == "html" else obj["text"]
        encoding = "utf-8"
    else:
        text, encoding, warnings = _decode_bytes(raw.source, raw.content, raw.media)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, repaired = repair_mojibake(raw.source, text)
    warnings.extend(repaired)
    if not text.strip():
        raise EmptyInput(f"{raw.source}: empty input (no text)")
    # One rule for NUL and other control characters wherever they are: a text with more than
    # MAX_CONTROL_SHARE of them (and at least MIN_BINARY_CONTROLS) is binary and refused; the few of a text are
    # taken out, with a warning: NULs removed, the others (an escape sequence, a vertical tab) made spaces.
    controls = _count_controls(text)
    nuls = text.count("\x00")
    if controls > MAX_CONTROL_SHARE * len(text) and controls >= MIN_BINARY_CONTROLS:
        raise BinaryInput(f"{raw.source}: binary content ({controls:,} control characters, {nuls:,} NUL bytes), "
                          "not an article")
    if nuls:
        text = text.replace("\x00", "")
        warnings.append(f"{nuls:,} NUL character(s) removed")
    if controls > nuls:
        text = _CONTROL.sub(" ", text)
        warnings.append(f"{controls - nuls:,} control character(s) replaced by spaces")
    if controls and not text.strip():
        raise EmptyInput(f"{raw.source}: empty input (no text)")
    if max_chars and len(text) > max_chars:
        text, warning = cut_text(text, max_chars)
        warnings.append(warning)
    return Decoded(
        raw_id=raw.raw_id,
        source=raw.source,
        media=raw.media,
        text=text,
        encoding=encoding,
        declared=raw.declared,
        warnings=tuple(warnings),
    )


def _count_controls(text: str, chunk: int = 1 << 20) -> int:
    return sum(len(_CONTROL.findall(text, i, i + chunk)) for i in range(0, len(text), chunk))


def cut_text(text: str, max_chars: int) -> tuple[str, str]:
    """``text`` cut to at most ``max_chars`` at the last sentence end or line break before the limit (else at
    the last space; a hard cut only in a text with no space), and the warning that says so. A cut mid-sentence
    would leave a line that the boilerplate rules drop whole."""
    cut = 0
    for start in (max(0, max_chars - CUT_LOOKBACK_CHARS), 0):  # near the limit first, then anywhere before it
        for m in _SENTENCE_END.finditer(text, start, max_chars):
            cut = m.end()
        if cut > 0:
            break
    if cut <= 0:
        cut = text.rfind(" ", 0, max_chars)
    if cut <= 0:
        cut = max_chars
    kept = text[:cut].rstrip()
    return kept, f"input cut to {len(kept):,} characters (limit {max_chars:,})"


def _decode_bytes(source: str, data: bytes, media: Media) -> tuple[str, str, list[str]]:
    if not data.strip():
        raise EmptyInput(f"{source}: empty input ({len(data)} bytes)")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInput(f"{source}: {what}, not an article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            raise BinaryInput(f"{source}: broken UTF-16, not an article") from None
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data) if media == "html" else None
    if declared:
        try:
            return data.decode(declared), declared, [f"decoded as {declared} (declared by the page)"]
        except (LookupError, UnicodeDecodeError):
            pass
    non_ascii = sum(1 for b in data if b >= 0x80)
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    if invalid <= MAX_INVALID_UTF8_SHARE * non_ascii:
        return text, "utf-8", [f"invalid UTF-8: {invalid} byte sequence(s) replaced by U+FFFD"]
    arabic = decode_cp1256(data)
    if arabic is not None:
        return arabic, "cp1256", ["not UTF-8: decoded as Windows-1256 (Arabic)"]
    try:
        return data.decode("cp1252"), "cp1252", ["not UTF-8: decoded as Windows-1252"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", ["not UTF-8: decoded as Latin-1"]


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None
