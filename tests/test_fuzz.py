"""Fuzzing of the JSONL reader, the cleaners, the time tagger and the dossier's writers (issue 15), with few
examples so that the suite stays fast; bench/bench_fuzz.py runs the same checks much longer."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz_targets import (
    check_clean_html,
    check_clean_text,
    check_dossier,
    check_jsonl,
    check_tag,
    dct,
    dossier_strings,
    hostile_text,
    html_page,
    jsonl_line,
    timex_text,
)

# Examples per property in the test suite: enough to hit each kind of hostile piece a few times in about a
# second per property on the 2-core machine; the bench runs thousands.
EXAMPLES = 60
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(jsonl_line)
def test_fuzz_jsonl_reader(line: bytes) -> None:
    check_jsonl(line)


@FAST
@given(hostile_text, st.one_of(st.none(), hostile_text), st.one_of(st.none(), hostile_text))
def test_fuzz_clean_text(text: str, url: str | None, declared: str | None) -> None:
    check_clean_text(text, url, declared)


@settings(max_examples=EXAMPLES // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_page, st.one_of(st.none(), hostile_text))
def test_fuzz_clean_html(html: str, url: str | None) -> None:
    check_clean_html(html, url)


@FAST
@given(timex_text, st.sampled_from(["fr", "en"]), dct)
def test_fuzz_time_tagger(text: str, lang: str, when: str | None) -> None:
    check_tag(text, lang, when)


@FAST
@given(dossier_strings)
def test_fuzz_dossier_writers(strings: tuple[str, str, str, str]) -> None:
    check_dossier(strings)
