"""report.html with Arabic: quotes and titles read right to left inside the left-to-right page.

The static checks read the HTML; the browser check opens the page in Debian's chromium (headless, offline),
takes a screenshot, and measures each quote where it is drawn: an Arabic quote is laid out right to left and
sits against the right edge of its box, a French one against the left edge. Texts are our own words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from recoupe.dossier import report_html

from .test_dossier import META, _actor, _article, _event
from .test_report_browser import _browse, _console_lines, _errors, _png_size, chromium  # noqa: F401

AR_TITLE = "الجزائر وروسيا توقعان إعلان شراكة استراتيجية معمقة"
AR_QUOTE = "وقع الرئيسان في موسكو إعلانا للشراكة الاستراتيجية المعمقة بين البلدين."
FR_QUOTE = "Les deux présidents ont signé à Moscou une déclaration de partenariat."
ARTICLES = [
    _article("ar1", "صحيفة الأفق", AR_TITLE, "2023-06-15", "dateline", lang="ar"),
    _article("fr1", "Gazette du Nord", "Alger et Moscou signent un partenariat", "2023-06-15", "metadata"),
]
DZA, RUS = _actor("DZA", "Algeria", "DZA"), _actor("RUS", "Russia", "RUS")
EVENTS = [_event("ev:decl", "AGREEMENT", "COOPERATE", None, [DZA], [RUS], "2023-06-15",
                 [{"article": "ar1", "start": 60, "end": 60 + len(AR_QUOTE), "quote": AR_QUOTE},
                  {"article": "fr1", "start": 45, "end": 45 + len(FR_QUOTE), "quote": FR_QUOTE}], 2)]
CONFLICTS = [{"id": "cf:1", "subject": "ev:decl", "field": "date", "claims": [
    {"value": "2023-06-15", "articles": ["ar1"], "quote": AR_QUOTE},
    {"value": "2023-06-14", "articles": ["fr1"], "quote": FR_QUOTE}]}]
PROBE = """<pre id="rtl-probe"></pre><script>
window.addEventListener("load", function () {
  var out = [];
  document.querySelectorAll("#detail blockquote, #conflicts blockquote, ol.quotes li, #articles-table td[dir]")
    .forEach(function (el) {
      var first = el.firstElementChild && el.tagName === "LI" ? el.firstElementChild : el;
      var range = document.createRange();
      range.selectNodeContents(first.firstChild);
      var text = range.getBoundingClientRect(), box = el.getBoundingClientRect(), cs = getComputedStyle(el);
      var left = box.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft);
      var right = box.right - parseFloat(cs.borderRightWidth) - parseFloat(cs.paddingRight);
      out.push({where: el.closest("section, aside").id, tag: el.tagName, text: first.firstChild.textContent,
                dir: cs.direction, left_gap: text.left - left, right_gap: right - text.right,
                bar_right: cs.borderRightWidth, bar_left: cs.borderLeftWidth});
    });
  document.getElementById("rtl-probe").textContent = JSON.stringify(out);
});
</script></body>"""


def _page() -> str:
    return report_html(ARTICLES, META, EVENTS, conflicts=CONFLICTS)


def test_quotes_and_titles_carry_dir_auto() -> None:
    page = _page()
    assert f'<td dir="auto">{AR_TITLE}</td>' in page
    assert f'<blockquote dir="auto">{AR_QUOTE}</blockquote>' in page
    assert re.search(rf'<li id="q-ar1-60" dir="auto"><span class="q">{AR_QUOTE}</span> <span class="facts" dir="ltr">',
                     page)
    assert '<html lang="en">' in page  # the page itself stays left to right
    assert "'<blockquote dir=\"auto\">'" in page  # the event panel, built by the page's script


@pytest.mark.slow
def test_arabic_quotes_render_right_to_left(chromium: Path, tmp_path: Path) -> None:  # noqa: F811
    page = tmp_path / "report.html"
    page.write_text(_page().replace("</body>", PROBE), encoding="utf-8")
    shot = tmp_path / "report.png"
    done = _browse(chromium, page.as_uri() + "#ev-ev:decl", tmp_path / "profile-shot", f"--screenshot={shot}")
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    assert _png_size(shot) == (1400, 3000) and shot.stat().st_size > 30_000
    assert _console_lines(done.stderr) == []

    done = _browse(chromium, page.as_uri() + "#ev-ev:decl", tmp_path / "profile-dom", "--dump-dom")
    assert done.returncode == 0 and _console_lines(done.stderr) == []
    dom = done.stdout
    assert _errors(dom) == ""
    probe = re.search(r'<pre id="rtl-probe">(.*?)</pre>', dom, flags=re.S)
    assert probe and probe.group(1), "the probe did not run"
    boxes = json.loads(probe.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    seen = {(b["where"], b["tag"], b["text"][:12]) for b in boxes}
    assert {("detail", "BLOCKQUOTE", AR_QUOTE[:12]), ("detail", "BLOCKQUOTE", FR_QUOTE[:12]),
            ("conflicts", "BLOCKQUOTE", AR_QUOTE[:12]), ("articles", "LI", AR_QUOTE[:12]),
            ("articles", "TD", AR_TITLE[:12])} <= seen
    for b in boxes:
        arabic = re.search(r"[\u0600-\u06ff]", b["text"][:3]) is not None
        assert b["dir"] == ("rtl" if arabic else "ltr"), b
        if arabic:  # against the right edge, room on the left
            assert abs(b["right_gap"]) <= 2 and b["left_gap"] > 20, b
        elif b["tag"] == "BLOCKQUOTE":
            assert abs(b["left_gap"]) <= 2, b
        if b["tag"] == "BLOCKQUOTE":  # the quote bar on the side the quote starts from
            assert (b["bar_right"], b["bar_left"]) == (("3px", "0px") if arabic else ("0px", "3px")), b
