"""Bad input around Arabic: Windows-1256 bytes, mojibake, Persian and Urdu in the Arabic script, mixed scripts.
Texts are our own sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.errors import Unreadable
from recoupe.read.arabic import is_arabic_page
from recoupe.read.ingest import decode
from recoupe.records import CleanArticle, Published, RawDocument, article_id
from recoupe.settings import Settings
from recoupe.understand.annotate import Models, annotate
from recoupe.understand.arabic_script import refine_language, script_language
from recoupe.understand.timex import tag

from .conftest import read_jsonl

AR = "التقى وزير الدفاع الجزائري نظيره الروسي في موسكو يوم الثلاثاء وبحثا التعاون العسكري بين البلدين."
FR = "Le ministre algérien de la Défense a rencontré à Moscou son homologue russe, mardi, pour évoquer la coopération."
FA = "وزیر دفاع ایران روز سه‌شنبه با همتای روسی خود در تهران دیدار کرد و درباره همکاری‌های نظامی گفتگو کردند."
UR = "پاکستان کے وزیر دفاع نے منگل کو چینی ہم منصب سے ملاقات کی اور دفاعی تعاون پر بات چیت کی۔"


def raw(data: bytes, name: str = "page.txt") -> RawDocument:
    return RawDocument(source=name, origin="file", media="text", content=data)


def test_windows_1256_is_decoded_as_arabic() -> None:
    decoded = decode(raw(AR.encode("cp1256")))
    assert (decoded.text, decoded.encoding) == (AR, "cp1256")
    assert decoded.warnings == ("not UTF-8: decoded as Windows-1256 (Arabic)",)


def test_french_windows_1252_stays_windows_1252() -> None:
    decoded = decode(raw(FR.encode("cp1252")))
    assert (decoded.text, decoded.encoding) == (FR, "cp1252")


@pytest.mark.parametrize("garbled", [
    AR.encode("utf-8").decode("latin-1"),  # UTF-8 bytes read as Latin-1, saved as UTF-8
    AR.encode("cp1256").decode("cp1252"),  # Windows-1256 bytes read as Windows-1252, saved as UTF-8
])
def test_mojibake_is_repaired(garbled: str) -> None:
    decoded = decode(raw(garbled.encode("utf-8")))
    assert decoded.text == AR
    assert len(decoded.warnings) == 1 and decoded.warnings[0].startswith("garbled Arabic repaired")


def test_mojibake_that_lost_bytes_is_refused_with_a_clear_message() -> None:
    garbled = AR.encode("utf-8").decode("cp1252", errors="replace")  # "ف" lost its byte 0x81
    with pytest.raises(Unreadable) as err:
        decode(raw(garbled.encode("utf-8"), "broken.txt"))
    assert str(err.value) == ("E109 broken.txt: garbled Arabic text (mojibake such as 'Ø§Ù„' or 'ÇáÌ') that cannot "
                              "be repaired: save the page again as UTF-8")


def test_french_and_german_utf8_are_not_mojibake() -> None:
    text = FR + " Über die Zusammenarbeit äußerte er sich zufrieden."
    assert decode(raw(text.encode("utf-8"))).text == text


@pytest.mark.parametrize("text, lang", [(AR, "ar"), (FA, "fa"), (UR, "ur"), (FR, None)])
def test_script_language(text: str, lang: str | None) -> None:
    assert script_language(text) == lang


def test_persian_is_flagged_and_not_read_as_arabic() -> None:
    lang, warnings = refine_language(FA, "ar")  # even when the identifier says Arabic
    assert lang == "fa"
    assert warnings == ["Persian (fa) text in the Arabic script: not read as Arabic (no Arabic rules, no entities, "
                        "events or dates from its body)"]
    assert not is_arabic_page(FA.split("\n"))
    assert tag(FA + " ۱۵ سپتامبر ۲۰۲۲", lang=lang, dct="2022-09-20") == []


def test_short_arabic_taken_for_persian_is_arabic() -> None:
    assert refine_language("وزارة الدفاع", "fa") == ("ar", [])


def test_mixed_scripts_flagged() -> None:
    lang, warnings = refine_language(f"{AR}\n\n{FR}", "ar")
    assert lang == "ar"
    assert warnings == ["mixed scripts: 47% Arabic, 53% Latin letters; read as 'ar', each paragraph keeps its own "
                        "language"]
    assert refine_language(AR + " (Rafale)", "ar") == ("ar", [])


def article(text: str) -> CleanArticle:
    return CleanArticle(id=article_id(text), raw_id="r", source="s", outlet=None, title=None, author=None,
                        published=Published.unknown(), text=text, dropped=0)


def test_annotate_flags_persian_and_urdu_and_keeps_arabic() -> None:
    out = list(annotate([article(FA), article(UR), article(AR)], Models(Settings())))
    assert [a.lang for a in out] == ["fa", "ur", "ar"]
    assert out[0].warnings[0].startswith("Persian (fa) text in the Arabic script: not read as Arabic")
    assert out[1].warnings[0].startswith("Urdu (ur) text in the Arabic script: not read as Arabic")
    assert out[2].warnings == ()


@pytest.mark.slow
def test_run_records_bad_arabic_input_and_goes_on(tmp_path, run_recoupe) -> None:  # type: ignore[no-untyped-def]
    """End to end: Windows-1256 read, Persian flagged, lost-byte mojibake refused with its line, Arabic read."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    headline = "الجزائر وروسيا توسعان تعاونهما العسكري"
    (corpus / "a_cp1256.txt").write_bytes(f"{headline}\n\n{AR}".encode("cp1256"))
    (corpus / "b_persian.txt").write_text(FA, encoding="utf-8")
    (corpus / "c_broken.txt").write_bytes(AR.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    out, report = run_recoupe(corpus)
    assert [(e.code, e.message) for e in report.errors] == [
        ("E109", f"{corpus / 'c_broken.txt'}: garbled Arabic text (mojibake such as 'Ø§Ù„' or 'ÇáÌ') that cannot "
                 "be repaired: save the page again as UTF-8")]
    articles = {Path(a["source"]).name: a for a in read_jsonl(out / "articles.jsonl")}
    assert set(articles) == {"a_cp1256.txt", "b_persian.txt"}
    arabic = articles["a_cp1256.txt"]
    assert (arabic["lang"], arabic["title"], arabic["text"]) == ("ar", headline, f"{headline}\n\n{AR}")
    assert "not UTF-8: decoded as Windows-1256 (Arabic)" in arabic["warnings"]
    persian = articles["b_persian.txt"]
    assert persian["lang"] == "fa"
    assert any(w.startswith("Persian (fa) text in the Arabic script: not read as Arabic") for w in persian["warnings"])
