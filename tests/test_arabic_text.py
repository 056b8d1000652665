"""The shared Arabic normaliser: forms for matching, offsets back into the text as written."""

from __future__ import annotations

import doctest

from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.understand import arabic_text
from recoupe.understand.arabic_text import (
    fold_digits,
    is_arabic_letter,
    normalize_for_matching,
    normalize_with_offsets,
    original_span,
)
from recoupe.understand.timex import tag


def test_doctests() -> None:
    assert doctest.testmod(arabic_text).failed == 0


def test_fold_digits_keeps_length() -> None:
    text = "في ١٥ أيلول ۱۴۰۱ و2022"
    assert fold_digits(text) == "في 15 أيلول 1401 و2022"
    assert len(fold_digits(text)) == len(text)


def test_tatweel_diacritics_and_controls_dropped() -> None:
    assert normalize_for_matching("وزيـــر الدِّفاع\u200f") == "وزير الدفاع"
    assert normalize_for_matching("\u202bالجزائر\u202c") == "الجزاير"


def test_letter_variants_fold_to_one_form() -> None:
    assert normalize_for_matching("إتفاقية") == normalize_for_matching("اتفاقيه")
    assert normalize_for_matching("مصطفى") == normalize_for_matching("مصطفي")
    assert normalize_for_matching("آذار") == "اذار"
    # Persian keyboard letters in Arabic text.
    assert normalize_for_matching("کتاب یوم") == "كتاب يوم"


def test_presentation_forms_become_letters() -> None:
    # Isolated lam-alef ligature and final-form letters as some old pages store them.
    assert normalize_for_matching("\ufefb") == "لا"
    assert normalize_for_matching("\ufe8d\ufedf\ufee8\ufe92\ufe8e") == normalize_for_matching("النبا")


def test_offsets_map_a_match_back_to_the_text_as_written() -> None:
    text = "أعلنت وزارةُ الدفــاع يوم ٢٠ سبتمبر"
    norm, origin = normalize_with_offsets(text)
    assert len(origin) == len(norm)
    i = norm.index("الدفاع")
    start, end = original_span(origin, i, i + len("الدفاع"))
    assert text[start:end] == "الدفــاع"
    j = norm.index("20 سبتمبر")
    start, end = original_span(origin, j, j + len("20 سبتمبر"))
    assert text[start:end] == "٢٠ سبتمبر"


def test_latin_lower_cased_and_arabic_letter_test() -> None:
    assert normalize_for_matching("Rafale رافال") == "rafale رافال"
    assert is_arabic_letter("ج") and is_arabic_letter("پ") and not is_arabic_letter("j")
    assert not is_arabic_letter("٣")


ALPHABET = "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةىئؤ ٠١٢٣٤٥٦٧٨٩0123456789ـًٌٍَُِّْ\u200f\u200e\u061c،؟.:-/ "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_offsets_property(text: str) -> None:
    norm, origin = normalize_with_offsets(text)
    assert len(norm) == len(origin)
    assert list(origin) == sorted(origin) and all(0 <= i < len(text) for i in origin)
    assert normalize_for_matching(text) == norm
    assert len(fold_digits(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET + "أمسالأحدمايوأيلولسبتمبرعام2023منتصفأواخر", max_size=120))
def test_tagged_spans_index_the_text_as_written(text: str) -> None:
    for t in tag(text, lang="ar", dct="2023-05-07"):
        assert text[t.start:t.end] == t.text and t.text.strip() == t.text and t.text
