"""Line-level boilerplate filter for already-scraped plain text.

Scraped pages arrive as lines: the headline, a byline, body paragraphs, and around them the page's
furniture. The filter works in three passes, in the manner of jusText's context-sensitive
classification:

1. **Rules** mark lines that are boilerplate whatever their neighbours: "A lire :" links, share and
   follow buttons, comment widgets, subscription prompts, photo credits, font-size buttons, author/date
   strips of other articles, topic tags, lines repeated across articles of the same outlet. A
   related-articles marker ("Aller plus loin", "Ces articles devraient vous intéresser") ends the
   article: every line after it is a teaser.
2. **Shape** marks the rest as ``body`` (a long line ending like a sentence), ``heading`` (short,
   followed by body) or ``uncertain`` (long lines with no sentence ending, such as captions, and short
   fragments).
3. **Context** settles uncertain lines from their nearest non-blank neighbours: next to body only, they
   are body; next to boilerplate, they are boilerplate.

4. **Learned** (``recoupe.read.furniture_model``, a line classifier trained on public benchmark pages by
   ``tools/train_furniture.py``): short lines that open the page and that the model calls furniture are passed over
   when the headline is looked for; after the context pass, a kept line that is no sentence (a heading's or a
   fragment's shape: a byline, a caption, a menu's item, a teaser) goes when the model calls it furniture with at
   least ``MODEL_THRESHOLD``. Sentences, the headline, datelines, sub-headings and the excerpt's cut last line stay.

The rules name furniture that is known; the model generalises from its shape to pages whose templates we never
read. The filter only labels lines; ``recoupe.read.clean`` keeps the labelled ones, so no text is ever invented.
An Arabic page (mostly Arabic script, not Persian or Urdu) gets the Arabic rules of ``recoupe.read.arabic`` first
and, after the passes, its headline and header furniture settled by them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

from recoupe.read import arabic as arabic_rules
from recoupe.read import furniture_model
from recoupe.read import furniture_shapes as shapes
from recoupe.read.datelines import looks_like_dateline
from recoupe.read.furniture_rules import AGENCY_LINE, RULES, is_state_label
from recoupe.read.metadata import date_in_text

Label = Literal["title", "meta", "body", "heading", "boilerplate", "blank"]

# A line at least this long that ends like a sentence is body whatever its neighbours. Set on the
# seeds and the demo corpus (no body line shorter; captions end without a full stop); re-run
# tests/test_boilerplate.py and the seeds' line gold if changed.
MIN_BODY_CHARS = 60
# Headings and headlines are at most this long. Seeds: longest sub-heading 70 characters, longest
# headline 120.
MAX_HEADING_CHARS = 130
MAX_TITLE_CHARS = 200
# Lines shorter than this are never treated as repeated boilerplate (too many legitimate short lines
# such as "Entraînements conjoints" recur across articles).
MIN_REPEATED_CHARS = 15
# A line this long holding at least this many sentence ends inside it is a paragraph even when its end was cut
# (a scraped excerpt stopped mid-sentence: press dev fr002 was lost whole). Captions and teasers are shorter or
# hold one sentence. Re-run bench/bench_press.py (body lines kept, furniture removed) if changed.
MIN_PARAGRAPH_CHARS = 300
MIN_INNER_SENTENCES = 2
_INNER_SENTENCE_END = re.compile(r"""[.!?…»"”]\s+[«"“A-ZÀ-ÖØ-Ý]""")
# A short line ending like a sentence, after body, with at least this many words is the last sentence of the text
# (an excerpt cut before the paywall: press dev fr003), not a heading. Re-run bench/bench_press.py if changed.
MIN_CLOSING_WORDS = 4
# The learned pass drops a kept non-sentence line whose furniture probability is at least this. Set on the press dev
# split with the named rules switched off (every template new to us; bench/bench_furniture.py, section 3b): body kept
# / furniture removed fr 0.991 / 0.460 without the model, 0.667 at 0.7, 0.746 at 0.5 (en 0.154 -> 0.615 -> 0.654, ar
# 0.667 -> 0.688 -> 0.771), no body line lost at any threshold. The held-out benchmark windows pay for it in body
# lines (rules and model at 0.7: 0.843 removed / 0.878 kept; at 0.5: 0.870 / 0.842; their gold counts some
# related-article headlines as body).
MODEL_THRESHOLD = 0.5
# In the header, before the headline is chosen, a line of at most MAX_LABEL_WORDS words goes at this probability
# (higher: a headline lost costs the title). Press dev with the rules off: 0.85 removes "ADVERTISEMENT" above a
# headline and no headline; held-out benchmark windows: furniture removed +0.01, body kept unchanged against 0.95.
MODEL_HEADER_THRESHOLD = 0.85
# A heading above a body line, once the text has begun (a sub-heading), goes only at this probability (the demo
# corpus's sub-headings stay; press dev with the rules off: comment prompts and a clock above body lines go at 0.8).
MODEL_SUBHEADING_THRESHOLD = 0.8
# A line shaped like a sentence goes only at this probability, and only between furniture lines (a prompt, a notice).
MODEL_SENTENCE_THRESHOLD = 0.7
MAX_LABEL_WORDS = 5
# On an Arabic page the learned pass reads only lines this short: labels, credits, buttons. Press dev: no Arabic
# body line this short scores 0.5 or more but a text's cut last line (kept by the pass's own guard).
MAX_ARABIC_MODEL_WORDS = 8
# How many leading non-blank lines may hold the headline and the byline/dateline.
HEADER_LINES = 5

_SECTION = re.compile(
    r"^(?:aller plus loin|ces articles devraient vous intéresser|sur le même sujet|à lire également|"
    r"a lire également|articles similaires|articles liés|dans la même rubrique|nos derniers articles|"
    r"les plus lus|les plus populaires|vous aimerez aussi|vous pourriez aussi aimer|à découvrir aussi|"
    r"related (?:articles|stories|posts|news)|you may also like|more (?:from|on) |most read|"
    r"recommended for you|read next)",
    re.IGNORECASE,
)
# Headings that open a block of other articles once the article has begun (a body line seen before them): at the
# top of a page the same words head a ticker or a menu, and the article is still to come.
_LATE_SECTION = re.compile(
    r"^(?:more stories|more news|related coverage|related content|related topics|what to read next|"
    r"further reading|you might (?:also )?(?:like|be interested in)|recommended (?:stories|articles)|"
    r"more from (?:this author|our)|plus d['’]actualités|autres articles|sur le même thème|"
    r"dans la même catégorie|du même auteur|les plus partagés|les plus commentés)\s*:?$",
    re.IGNORECASE,
)
_FOREIGN_SCRIPT_LEAD = re.compile(r"^[\u0590-\u05ff\u0600-\u06ff\u0400-\u04ff][^:]{0,60}:")
# Captions often end with a parenthesis or a name; sentences end with a stop or a closing quote.
_SENTENCE_END = re.compile(r"""[.!?…»"”؟]$""")
_PREFIX = re.compile(r"^\s?date (\d{4}(?:-\d{2}(?:-\d{2})?)?)\s+")


@dataclass(frozen=True, slots=True)
class LineLabel:
    label: Label
    reason: str
    start: int  # offset of the kept part within the line (after a scraper prefix)


def normalise_line(line: str) -> str:
    """The key under which a line is compared with the lines of other articles."""
    return " ".join(unicodedata.normalize("NFC", line).lower().split())


def scraper_prefix(line: str) -> re.Match[str] | None:
    """A leading `` date YYYY-MM`` written by some scrapers before the first line of text."""
    return _PREFIX.match(line)


# A badge the page glues to the end of its headline ("...australienContenu réservé aux abonnés").
_TITLE_BADGE = re.compile(r"\s*(?:contenu réservé aux abonnés|article réservé aux abonnés|réservé aux abonnés|"
                          r"abonnés|premium|subscribers? only|exclusive|exclusif|vidéo|video|live|en direct)\s*$",
                          re.IGNORECASE)
# A headline glued to its standfirst without a space ("...radar talksParis hopes Delhi will..."): a lower-case
# letter then a capital inside a word, with several words on each side (not "McLaren", "LinkedIn" in a headline).
_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý][a-zà-ÿ])")
MIN_GLUED_WORDS = 5


def headline_of(line: str) -> str:
    """The headline in the line the page gives it: a badge glued to its end and a standfirst glued to it cut off.
    Always a prefix of the line."""
    m = _TITLE_BADGE.search(line)
    if m and m.start() > 0 and len(line[:m.start()].split()) >= MIN_GLUED_WORDS:
        line = line[:m.start()].rstrip()
    for m in _GLUED.finditer(line):
        head, rest = line[:m.start()], line[m.start():]
        if len(head.split()) >= MIN_GLUED_WORDS and len(rest.split()) >= MIN_GLUED_WORDS:
            return head
    return line


def is_section_marker(line: str, *, arabic: bool = False, after_body: bool = False) -> bool:
    """A heading that opens the related-articles block: everything after it is teasers. Some headings count only
    ``after_body`` (once a body line has been seen)."""
    line = line.strip()
    return bool(_SECTION.match(line)) or (arabic and arabic_rules.is_section_marker(line, after_body=after_body)) or (
        after_body and bool(_LATE_SECTION.match(line)))


def is_arabic_page(lines: Sequence[str]) -> bool:
    """True when the page is mostly Arabic script: it is then read with ``recoupe.read.arabic``'s rules too."""
    return arabic_rules.is_arabic_page(lines)


# Rules for scraped page text only: in a main text already extracted from HTML, a number alone is a table's cell and
# a row of cells between bars is a table's row.
_TEXT_ONLY = frozenset({"counter", "ticker"})


def rule(line: str, *, arabic: bool = False, extracted: bool = False) -> str | None:
    """The name of the first rule that makes this stripped line boilerplate, or None. On an Arabic page
    (``arabic``) the Arabic rules come first, and a colon after Arabic words is no widget's label. In a main text
    already ``extracted`` from HTML (tables kept), the rules for scraped text only (``_TEXT_ONLY``) do not apply."""
    if arabic:
        name = arabic_rules.rule(line)
        if name is not None:
            return name
    for name, pattern in RULES:
        if extracted and name in _TEXT_ONLY:
            continue
        if pattern.search(line):
            if name in ("stamp", "source") and date_in_text(line):
                return None  # a dated stamp is a dateline: the header pass reads it
            return name
    if not arabic and _FOREIGN_SCRIPT_LEAD.match(line):
        return "foreign-widget"
    if is_state_label(line):
        return "label"
    return None


def _general_shape(line: str, *, after_body: bool, next_line: str) -> str | None:
    """The furniture shapes that need no template's words (``recoupe.read.furniture_shapes``). A numbered line
    followed by a paragraph is a numbered sub-heading, not an item of a list of other articles."""
    if shapes.is_menu(line):
        return "menu shape"
    if shapes.is_captioned(line):
        return "caption shape"
    if after_body and shapes.is_ranked_item(line) and _shape(next_line) != "body":
        return "ranked list"
    return None


def _shape(line: str) -> Label | Literal["uncertain"]:
    if _SENTENCE_END.search(line) and len(line) >= MIN_BODY_CHARS:
        return "body"
    if len(line) >= MIN_PARAGRAPH_CHARS and len(_INNER_SENTENCE_END.findall(line)) >= MIN_INNER_SENTENCES:
        return "body"  # a paragraph whose last sentence the excerpt or the scraper cut off
    if len(line) <= MAX_HEADING_CHARS and not line.endswith((",", ";")):
        return "heading"
    return "uncertain"


def classify(lines: Sequence[str], *, repeated: frozenset[str] = frozenset(),
             model_threshold: float | None = None) -> list[LineLabel]:
    """Label each line of a scraped text (see the module docstring for the passes). ``model_threshold``
    overrides ``MODEL_THRESHOLD`` (benchmarks; 1.0 or more turns the model off)."""
    labels: list[str] = []
    reasons: list[str] = []
    starts = [0] * len(lines)
    in_teasers = False
    arabic = is_arabic_page(lines)
    first_content: int | None = None
    for i, raw_line in enumerate(lines):
        line = raw_line.strip()
        if not line:
            labels.append("blank")
            reasons.append("")
            continue
        if first_content is None:
            first_content = i
            prefix = scraper_prefix(raw_line)
            if prefix:
                starts[i] = prefix.end()
                line = raw_line[prefix.end():].strip()
        if in_teasers:
            labels.append("boilerplate")
            reasons.append("teasers")
            continue
        if is_section_marker(line, arabic=arabic, after_body="body" in labels):
            in_teasers = True
            labels.append("boilerplate")
            reasons.append("teasers")
            continue
        name = rule(line, arabic=arabic)
        if (name is None and i != first_content and len(line) >= MIN_REPEATED_CHARS
                and normalise_line(line) in repeated):
            name = "repeated"
        if name is None:
            nxt = next((x.strip() for x in lines[i + 1:] if x.strip()), "")
            name = _general_shape(line, after_body="body" in labels, next_line=nxt)
        if name is not None:
            labels.append("boilerplate")
            reasons.append(name)
            continue
        labels.append(_shape(line))
        reasons.append("shape")

    threshold = MODEL_THRESHOLD if model_threshold is None else model_threshold
    scores = _scores(lines, starts) if threshold < 1.0 else None
    if scores is not None and not arabic:
        _learned_header(lines, labels, reasons, starts, scores, first_content)
    _mark_header(lines, labels, reasons, starts, first_content)
    shapes.mark_strips(lines, labels, reasons)
    if not arabic:
        _late_dateline(lines, labels, reasons, starts)
    _settle(lines, labels, reasons)
    _mark_tail(lines, labels, reasons, starts, arabic=arabic)
    if not arabic:
        _mark_inline_teasers(lines, labels, reasons)
    if arabic:
        arabic_rules.settle_header(lines, labels, reasons, starts)
    if scores is not None:
        _learned(lines, labels, reasons, starts, scores, threshold,
                 max_words=MAX_ARABIC_MODEL_WORDS if arabic else None)
    return [LineLabel(cast(Label, label), reason, start) for label, reason, start in
            zip(labels, reasons, starts, strict=True)]


def _mark_header(
    lines: Sequence[str], labels: list[str], reasons: list[str], starts: list[int], first: int | None
) -> None:
    """Headline and byline/dateline among the first non-blank lines."""
    if first is None:
        return
    seen = 0
    listed = sum(1 for line in lines if shapes.is_bare_date(line)) >= 2  # the dates of a list of other articles
    for i in range(first, len(lines)):
        if labels[i] == "blank":
            continue
        seen += 1
        if seen > HEADER_LINES or (labels[i] == "body" and i != first):
            break
        line = lines[i][starts[i]:].strip()
        if listed and shapes.is_bare_date(line) and not _above_paragraph(lines, labels, starts, i):
            continue  # one of the dates of a list of other articles, not the page's dateline above its text
        if labels[i] != "boilerplate" and looks_like_dateline(line):
            labels[i] = "meta"
            reasons[i] = "dateline"
        elif reasons[i] == "credit" and _AGENCY.match(line) and i != first:
            labels[i] = "meta"  # the wire story's byline: the headline before it stays one
            reasons[i] = "byline"
    # The headline is the first line that no rule took for page chrome ("Aller au contenu principal" and
    # the like come before it on some sites).
    _mark_labels_above_headline(lines, labels, reasons, starts, first)
    head, seen = first, 1
    while labels[head] == "boilerplate" and reasons[head] != "teasers" and seen < HEADER_LINES:
        nxt = next((j for j in range(head + 1, len(lines)) if labels[j] != "blank"), None)
        if nxt is None:
            return
        head, seen = nxt, seen + 1
    first = _past_kicker(lines, labels, reasons, starts, head)
    line = lines[first][starts[first]:].strip()
    if (
        labels[first] in ("heading", "body", "uncertain")
        and len(line) <= MAX_TITLE_CHARS
        and len(re.findall(r"[.!?](?:\s|$)", line)) <= 1
    ):
        labels[first] = "title"
        reasons[first] = "first line"


# A headline has at least this many words (press dev: the shortest has 3 in any language). Shorter lines above it are
# a section's or a country's label, a button, an address, a template's variable ("Côte d'Ivoire", "ADVERTISEMENT").
MIN_TITLE_WORDS = 3


# A kicker above the headline ("Guerre en Ukraine") has at most this many words; the headline under it has more.
MAX_KICKER_WORDS = 4


# A dateline may stand below a caption or an author's line, past the header's first lines: it is looked for among
# this many lines, before the text's second paragraph (own-words tuning pages; press dev dates unchanged).
LATE_DATELINE_LINES = 10


def _above_paragraph(lines: Sequence[str], labels: list[str], starts: Sequence[int], i: int) -> bool:
    """The next non-blank line is a paragraph of the text."""
    nxt = next((j for j in range(i + 1, len(lines)) if labels[j] != "blank"), None)
    return nxt is not None and labels[nxt] == "body" and _shape(lines[nxt][starts[nxt]:].strip()) == "body"


def _late_dateline(lines: Sequence[str], labels: list[str], reasons: list[str], starts: Sequence[int]) -> None:
    """When the header gave no dated dateline, the first dateline-shaped line before the second paragraph that
    stands right above a paragraph (the dates of a list of other articles stand above their headlines)."""
    if any(label == "meta" and date_in_text(lines[i][starts[i]:]) for i, label in enumerate(labels)):
        return
    paragraphs = seen = 0
    for i, label in enumerate(labels):
        if label == "blank":
            continue
        seen += 1
        text = lines[i][starts[i]:].strip()
        if label == "body" and _shape(text) == "body":
            paragraphs += 1
        if paragraphs >= 2 or seen > LATE_DATELINE_LINES:
            return
        if (label in ("heading", "uncertain") or reasons[i] == "strip") and _above_paragraph(
                lines, labels, starts, i) and looks_like_dateline(
                text) and date_in_text(text):
            labels[i], reasons[i] = "meta", "dateline"
            for j in range(i - 1, -1, -1):  # the author's name and role just above it: "Julien Roche", "Journaliste"
                words = _words(lines[j][starts[j]:])
                if labels[j] == "blank":
                    continue
                if labels[j] != "heading" or words > MAX_LABEL_WORDS or reasons[j] != "shape":
                    break
                labels[j], reasons[j] = "boilerplate", "byline"
            return


def _past_kicker(lines: Sequence[str], labels: list[str], reasons: list[str], starts: Sequence[int],
                 head: int) -> int:
    """The headline's line: ``head``, or the line under it when ``head`` is a kicker (a short heading above a longer
    heading that is no sentence and no dateline). The kicker stays, as a heading."""
    text = lines[head][starts[head]:].strip()
    nxt = next((j for j in range(head + 1, len(lines)) if labels[j] != "blank"), None)
    if labels[head] != "heading" or _words(text) > MAX_KICKER_WORDS or nxt is None or labels[nxt] != "heading":
        return head
    below = lines[nxt][starts[nxt]:].strip()
    if _words(below) <= MAX_KICKER_WORDS or _SENTENCE_END.search(below) or looks_like_dateline(below):
        return head
    reasons[head] = "kicker"
    return nxt


def _words(line: str) -> int:
    """Words of a line, bars and bullets aside ("Asia-Pacific | Diplomacy" has two)."""
    return sum(1 for w in line.split() if any(ch.isalnum() for ch in w))


def _mark_labels_above_headline(lines: Sequence[str], labels: list[str], reasons: list[str], starts: Sequence[int],
                                first: int) -> None:
    """The kept lines of fewer than ``MIN_TITLE_WORDS`` words at the top of the page, above a longer line of the
    header (the headline's candidate), go as labels; a dateline stays for the header pass."""
    order = [i for i in range(first, len(lines)) if labels[i] != "blank"][:HEADER_LINES]
    if any(labels[i] == "body" for i in order):
        order = order[:next(n for n, i in enumerate(order) if labels[i] == "body")]
    candidate = next((i for i in order if labels[i] == "heading"
                      and _words(lines[i][starts[i]:]) >= MIN_TITLE_WORDS), None)
    if candidate is None:
        return  # no longer line to be the headline: the short one is it
    for i in order[:order.index(candidate)]:
        text = lines[i][starts[i]:].strip()
        if labels[i] == "boilerplate" or labels[i] == "meta":
            continue
        if _words(text) >= MIN_TITLE_WORDS or date_in_text(text):
            return
        labels[i] = "boilerplate"
        reasons[i] = "label above headline"


_AGENCY = re.compile(AGENCY_LINE, re.IGNORECASE)


def _scores(lines: Sequence[str], starts: Sequence[int]) -> list[float]:
    return furniture_model.load().score([line[start:].strip() for line, start in zip(lines, starts, strict=True)])


def _learned_header(lines: Sequence[str], labels: list[str], reasons: list[str], starts: Sequence[int],
                    scores: Sequence[float], first: int | None) -> None:
    """Before the headline is chosen: the short lines that open the page (a section label, a menu's items) that the
    line model calls furniture with at least ``MODEL_HEADER_THRESHOLD`` go, so the headline is looked for below
    them. The first line that is not one of them ends the pass (a byline under the headline is left to the end)."""
    if first is None:
        return
    seen = 0
    for i in range(first, len(lines)):
        if labels[i] == "blank" or (labels[i] == "boilerplate" and reasons[i] != "teasers"):
            continue  # (the chrome that the rules took)
        seen += 1
        if seen > HEADER_LINES or labels[i] not in ("heading", "uncertain"):
            break
        text = lines[i][starts[i]:].strip()
        if len(text.split()) > MAX_LABEL_WORDS or scores[i] < MODEL_HEADER_THRESHOLD or looks_like_dateline(text):
            break  # the headline's candidate: what follows it is left to the passes after the header
        labels[i] = "boilerplate"
        reasons[i] = "model"


def _learned(lines: Sequence[str], labels: list[str], reasons: list[str], starts: Sequence[int],
             scores: Sequence[float], threshold: float, *, max_words: int | None = None) -> None:
    """The learned pass: a kept line that is no sentence (a heading's or a fragment's shape) goes when the line
    model (``recoupe.read.furniture_model``) calls it furniture with at least ``threshold``. The headline, datelines
    and sentence-like lines stay with the rules; so does the excerpt's last line when body comes before it (a
    text cut mid-sentence). On an Arabic page (lines seldom end with a stop; the model learnt no Arabic words) only
    lines of at most ``max_words`` words."""
    text = [line[start:].strip() for line, start in zip(lines, starts, strict=True)]
    if not any(label == "body" and _shape(text[i]) == "body" for i, label in enumerate(labels)):
        return  # no sentence: nothing tells the article from its furniture (the rules' labels stand)
    last = max((i for i, t in enumerate(text) if t), default=-1)
    for i, label in enumerate(labels):
        if label not in ("heading", "body") or scores[i] < threshold:
            continue
        if (_shape(text[i]) == "body" and scores[i] >= MODEL_SENTENCE_THRESHOLD and max_words is None
                and _neighbour(labels, i, -1) in ("boilerplate", None)
                and _neighbour(labels, i, 1) in ("boilerplate", None)):
            labels[i] = "boilerplate"  # a prompt worded as a sentence among furniture ("Log in to comment…")
            reasons[i] = "model"
            continue
        if _shape(text[i]) == "body" or (max_words is not None and len(text[i].split()) > max_words):
            continue  # a sentence, or a paragraph cut off: the rules' call
        if shapes.is_short_sentence(text[i]) and "body" in labels[:i]:
            continue  # a short sentence of the text
        if i == last and _neighbour(labels, i, -1) == "body":
            continue
        if (label == "heading" and "body" in labels[:i] and _neighbour(labels, i, 1) == "body"
                and scores[i] < MODEL_SUBHEADING_THRESHOLD):
            continue  # a sub-heading inside the text
        labels[i] = "boilerplate"
        reasons[i] = "model"


# In a main text already extracted from HTML (trafilatura keeps few menus), a short line goes at this probability.
# Set on the held-out trafilatura_eval pages (bench/bench_furniture.py, 'with' snippets kept / 'without' dropped:
# model off 0.963 / 0.864, at 0.7 0.944 / 0.891, at 0.8 0.953 / 0.891, at 0.9 0.963 / 0.873).
MODEL_EXTRACTED_THRESHOLD = 0.8
MAX_EXTRACTED_FURNITURE_WORDS = 12


def extracted_furniture(lines: Sequence[str], *, threshold: float | None = None) -> set[int]:
    """Indices of the lines of an extracted main text that the line model calls furniture: short lines that are no
    sentence, not the first line (the headline's place) nor a sub-heading above body text."""
    threshold = MODEL_EXTRACTED_THRESHOLD if threshold is None else threshold
    if threshold >= 1.0 or not lines:
        return set()
    scores = furniture_model.load().score(lines)
    found = set()
    for i, line in enumerate(lines):
        text = line.strip()
        if i == 0 or not text or scores[i] < threshold or _shape(text) == "body":
            continue
        if len(text.split()) > MAX_EXTRACTED_FURNITURE_WORDS:
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _shape(nxt) == "body" and scores[i] < MODEL_SUBHEADING_THRESHOLD:
            continue  # a sub-heading
        found.add(i)
    return found


# A headline with its speaker after a colon ("Talks will go on: foreign minister"), standing among the body lines:
# another article's headline, linked from inside the text (press dev en014). A sub-heading does not name a speaker.
_ATTRIBUTED_HEADLINE = re.compile(r"^[^:.!?]{20,}:\s+[^\W\d][\w'’\-]*(?:\s+[^\W\d][\w'’\-]*){0,3}$")


def _mark_inline_teasers(lines: Sequence[str], labels: list[str], reasons: list[str]) -> None:
    for i, label in enumerate(labels):
        text = lines[i].strip()
        if label == "heading" and "body" in labels[:i] and _ATTRIBUTED_HEADLINE.match(text) and (
                len(text) <= MAX_HEADING_CHARS):
            labels[i] = "boilerplate"
            reasons[i] = "teaser"


def _mark_tail(lines: Sequence[str], labels: list[str], reasons: list[str], starts: Sequence[int], *,
               arabic: bool = False) -> None:
    """A label that lost its value (``furniture_shapes.is_dangling``) anywhere; and the page's tail: after the
    article's last paragraph (a body line of a paragraph's length), the kept lines that
    are no sentence (``furniture_shapes.is_short_sentence``) and have no paragraph after them are teasers, tags and
    widgets. The excerpt's last line, right after a paragraph, stays (a paragraph cut short). A paragraph ends like a
    sentence or is longer than a headline (a teaser's headline is neither); on an Arabic page, any long body line."""
    text = [line[start:].strip() for line, start in zip(lines, starts, strict=True)]
    last = max((i for i, t in enumerate(text) if t), default=-1)
    for i, label in enumerate(labels):
        if label in ("heading", "body") and i != last and (shapes.is_dangling(text[i]) or (
                shapes.is_bare_label(text[i]) and _neighbour(labels, i, 1) != "body")):
            labels[i] = "boilerplate"
            reasons[i] = "dangling"
    anchors = [i for i, label in enumerate(labels) if label == "body" and len(text[i]) >= MIN_BODY_CHARS and (
        arabic or _shape(text[i]) == "body" or len(text[i]) > MAX_HEADING_CHARS)]  # (Arabic lines seldom end so)
    if not anchors:
        return
    last_anchor = anchors[-1]
    for i in range(last_anchor + 1, len(lines)):
        if labels[i] not in ("heading", "body") or shapes.is_short_sentence(text[i]):
            continue
        if (_SENTENCE_END.search(text[i]) and len(text[i].split()) >= MIN_CLOSING_WORDS
                and _neighbour(labels, i, -1) == "body"):
            continue  # the text's closing words, cut ("D'autres industriels sont associés…")
        if i == last and _neighbour(labels, i, -1) == "body" and i == next(
                (j for j in range(last_anchor + 1, len(lines)) if labels[j] != "blank"), None):
            continue
        labels[i] = "boilerplate"
        reasons[i] = "tail"


def _neighbour(labels: list[str], i: int, step: int) -> str | None:
    j = i + step
    while 0 <= j < len(labels):
        if labels[j] != "blank":
            return labels[j]
        j += step
    return None


def _settle(lines: Sequence[str], labels: list[str], reasons: list[str]) -> None:
    """Context pass: headings need body after them; uncertain lines follow their neighbours."""
    changed = True
    while changed:
        changed = False
        for i, label in enumerate(labels):
            if label == "heading":
                nxt = _neighbour(labels, i, 1)
                if nxt == "meta":
                    pass  # a headline above its byline or dateline
                elif ((_neighbour(labels, i, -1) == "body" and _SENTENCE_END.search(lines[i].strip())
                        and len(lines[i].split()) >= MIN_CLOSING_WORDS)
                        or ("body" in labels[:i] and shapes.is_short_sentence(lines[i]))):
                    labels[i] = "body"  # a short sentence that closes the article's text ("… sont associés…")
                    reasons[i] = "context"
                    changed = True
                    continue
                elif nxt not in ("body", "uncertain", "heading"):
                    labels[i] = "uncertain"
                    changed = True
            if labels[i] != "uncertain":
                continue
            sides = (_neighbour(labels, i, -1), _neighbour(labels, i, 1))
            goodish = {"body", "heading", "title", "meta"}
            if "boilerplate" in sides or all(s is None for s in sides):
                labels[i] = "boilerplate"
                reasons[i] = "context"
                changed = True
            elif all(s in goodish or s is None for s in sides):
                labels[i] = "body"
                reasons[i] = "context"
                changed = True
    for i, label in enumerate(labels):
        if label == "uncertain":  # a run of uncertain lines between good ones: keep, cleaning never guesses
            labels[i] = "body"
            reasons[i] = "context"
