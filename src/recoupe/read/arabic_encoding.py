"""Arabic text in the wrong encoding: Windows-1256 bytes, and the two common kinds of mojibake.

* **Windows-1256 bytes** (older Arabic sites and Windows exports): not valid UTF-8; read as Windows-1252
  they give Latin letters with accents ("ÇáÌÒÇÆÑ"). When most of their non-ASCII bytes are Arabic letters
  in Windows-1256, they are decoded as such (with a warning). Windows-1256 keeps the French letters é, è, à,
  ç, ê, ô at the Windows-1252 places, so French text never reads as Arabic this way.
* **Mojibake saved as UTF-8**: Arabic UTF-8 read as Windows-1252 and saved again ("Ø§Ù„Ø¬Ø²Ø§Ø¦Ø±"), or
  Windows-1256 read as Windows-1252 and saved ("ÇáÌÒÇÆÑ"). The text is valid UTF-8 but has no Arabic
  letter; when undoing the wrong step gives Arabic, it is repaired (with a warning); when it looks like
  such mojibake but cannot be undone, the input is refused with a message that says what to do.
"""

from __future__ import annotations

from recoupe.errors import Unreadable
from recoupe.understand.arabic_text import is_arabic_letter

# Share of the non-ASCII characters that must be Arabic letters (or Arabic punctuation) for bytes to be read
# as Windows-1256. Arabic text in Windows-1256: above 0.9 (our test texts); French in Windows-1252 read as
# Windows-1256: under 0.1 (only its capitals with accents land on Arabic letters).
MIN_ARABIC_SHARE = 0.6
# A UTF-8 text with no Arabic letter is suspect when at least this share of its visible characters are from
# the Latin-1 block or Windows-1252's extra signs ("Ø", "§", "Ù", "„", "Ç", "á"): mojibake of Arabic is nearly
# all such characters (above 0.8 in our test texts), French or German text holds a few accents (under 0.1).
MIN_MOJIBAKE_SHARE = 0.3
MIN_MOJIBAKE_CHARS = 12
_LATIN1_EXTRA = frozenset("\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a"
                          "\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
_ARABIC_PUNCTUATION = frozenset("،؛؟")


def arabic_share(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are Arabic letters or punctuation."""
    non_ascii = [ch for ch in text if ord(ch) >= 0x80 and not ch.isspace()]
    if not non_ascii:
        return 0.0
    return sum(is_arabic_letter(ch) or ch in _ARABIC_PUNCTUATION for ch in non_ascii) / len(non_ascii)


def decode_cp1256(data: bytes) -> str | None:
    """``data`` decoded as Windows-1256 when that gives Arabic text, else None."""
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    return text if arabic_share(text) >= MIN_ARABIC_SHARE else None


def repair_mojibake(source: str, text: str) -> tuple[str, list[str]]:
    """``text`` as it was before a wrong decoding step, with a warning; the text itself when it is not
    Arabic mojibake. Raises Unreadable when it is mojibake that cannot be undone."""
    if not _looks_like_mojibake(text):
        return text, []
    for right in ("utf-8", "cp1256"):
        try:
            repaired = _bytes_back(text).decode(right)
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if arabic_share(repaired) >= MIN_ARABIC_SHARE:
            return repaired, [f"garbled Arabic repaired: {right} bytes had been read as Windows-1252 or Latin-1"]
    raise Unreadable(f"{source}: garbled Arabic text (mojibake such as 'Ø§Ù„' or 'ÇáÌ') that cannot be "
                     "repaired: save the page again as UTF-8")


def _looks_like_mojibake(text: str) -> bool:
    sample = text[:20000]
    if any(is_arabic_letter(ch) for ch in sample):
        return False
    visible = [ch for ch in sample if not ch.isspace()]
    odd = sum(0x80 <= ord(ch) <= 0xFF or ch in _LATIN1_EXTRA for ch in visible)
    return odd >= MIN_MOJIBAKE_CHARS and odd >= MIN_MOJIBAKE_SHARE * len(visible)


def _bytes_back(text: str) -> bytes:
    """The bytes that a wrong Windows-1252 reading turned into ``text``: Windows-1252 where it has the
    character, Latin-1 for the five bytes it leaves undefined (which some tools pass through as C1 controls)."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            out += ch.encode("latin-1")
    return bytes(out)
