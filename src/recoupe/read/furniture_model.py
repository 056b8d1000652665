"""A learned line classifier for page furniture: how likely a line of a page is *not* the article's text.

The rules of ``recoupe.read.boilerplate`` name the furniture they have seen; this model scores any line from its
shape and its place in the page, as jusText-style filters do, with weights learnt from public benchmark pages
(``tools/train_furniture.py``: the scrapinghub article-extraction benchmark, whose gold article bodies say which
visible lines are the article, and trafilatura's evaluation pages, whose snippets say which lines must be kept or
dropped). No sentence of those pages is shipped: only the weights of a logistic regression over

* dense features of the line: length, word count, sentence end, inner sentence ends, share of function words
  (French, English, Arabic), of capitalised and upper-case words, of digits, separators (``|``, ``»``), a
  link or an address, a date, whether the page repeats it, its place from the top;
* its topic: the share of its content words that the page's sentence-like lines also use (a teaser of another
  article shares few words with the article; a sub-heading shares many);
* its neighbours: the shape of the nearest non-blank lines above and below, and how far the nearest sentence-like
  line is;
* hashed words of the line (lower-cased, Arabic in its matching form), its first word and its last word marked
  apart (``Share``, ``Lire``, ``صورة`` open furniture).

``load()`` reads the packaged weights once; a missing or corrupt file raises ``FurnitureModelError`` with one line
that says how to repair it. ``score(lines)`` gives, for each line, the probability that it is furniture (0.0 for a
blank line).
"""

from __future__ import annotations

import bisect
import json
import math
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from recoupe.errors import RecoupeError
from recoupe.understand.arabic_text import normalize_for_matching

FORMAT = "recoupe-furniture-lines/1"
# Buckets of the hashed words. 4,096 keeps the weights file at 30 kB; 16,384 gave the same held-out F1 (0.908
# against 0.907 at 0.5, 0.867 against 0.860 at 0.7: tools/train_furniture.py with BUCKETS changed).
BUCKETS = 4096
# A sentence-like line: at least this long and ending like a sentence (``boilerplate.MIN_BODY_CHARS``).
SENTENCE_CHARS = 60

_FUNCTION_TEXT = """
le la les un une des du de d l au aux et ou en dans sur pour par avec sans sous que qui quoi dont est sont a ont
été être ce cette ces son sa ses leur leurs il elle ils elles on nous vous se ne pas plus mais comme aussi après
avant entre vers contre selon lors depuis si y n s c qu j m
the a an and or of to in on at for from by with without as is are was were be been has have had that which who
this these those it its his her their they he she we you not but also after before between into over under than
then there will would could should can may might said says
في من على إلى الى عن مع أن ان إن التي الذي الذين هذا هذه ذلك تلك كان كانت قد لم لن ما لا كما بين بعد قبل حيث
عند أو او ثم وقد وفي ومن وعلى التى
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
_FUNCTION_NORM = frozenset(normalize_for_matching(w) for w in _FUNCTION_WORDS)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"""[.!?…؟»"”)]$""")
_INNER_END = re.compile(r"""[.!?؟…]["”»]?\s+\S""")
_SEPARATORS = re.compile(r"\s[|»›•·/]\s|^[|»›•·>\-–—*]\s|\s[|»›•·]$")
_LINK = re.compile(r"https?://|www\.|@\w|#\w|\.(?:com|fr|org|net)\b", re.IGNORECASE)
_MONTHS = re.compile(
    r"\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|"
    r"march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|aug|sep|sept|oct|nov|dec|"
    r"يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|"
    r"آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين)\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b\d{1,2}:\d{2}\b", re.IGNORECASE)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_QUOTE = re.compile(r"""["“”«»'‘’]""")

DENSE = (
    "bias", "log_chars", "log_words", "sentence_end", "colon_end", "digit_end", "inner_ends", "function_share",
    "capital_share", "upper_share", "digit_share", "separators", "link", "date", "repeated", "log_position",
    "first_line", "topic_share", "no_content_words", "comma_share", "quote", "lower_start",
    "arabic_share", "sentence_like", "words_le3", "words_4_8", "prev_sentence_like", "next_sentence_like",
    "prev_log_chars", "next_log_chars", "prev_function_share", "next_function_share", "prev_none",
    "log_distance_sentence", "sentence_before", "sentence_after", "short_run",
)


class FurnitureModelError(RecoupeError):
    """The furniture model's weights are missing or unreadable (a broken install)."""

    code = "E303"


_FIX = "reinstall recoupe or re-run tools/train_furniture.py"


@dataclass(frozen=True, slots=True)
class LineModel:
    """The weights of the logistic regression: one per dense feature, one per hashed-word bucket."""

    dense: tuple[float, ...]
    hashed: tuple[float, ...]
    version: str

    def probability(self, features: tuple[list[float], list[int]]) -> float:
        values, buckets = features
        z = sum(w * v for w, v in zip(self.dense, values, strict=True))
        z += sum(self.hashed[b] for b in buckets)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def score(self, lines: Sequence[str]) -> list[float]:
        """The probability that each line is furniture (0.0 for a blank line)."""
        feats = features(lines)
        return [self.probability(f) if f is not None else 0.0 for f in feats]


def read_model(raw: bytes) -> LineModel:
    """A model from the bytes of its JSON file; ``FurnitureModelError`` when they are not one."""
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise FurnitureModelError(f"the furniture model's weights are not in the format {FORMAT!r}; {_FIX}")
        names = tuple(data["dense_names"])
        dense = tuple(float(x) for x in data["dense"])
        hashed = tuple(float(x) for x in data["hashed"])
    except FurnitureModelError:
        raise
    except Exception as exc:
        raise FurnitureModelError(f"the furniture model's weights cannot be read ({type(exc).__name__}: "
                                  f"{str(exc)[:80]}); {_FIX}") from None
    if names != DENSE or len(dense) != len(DENSE) or len(hashed) != BUCKETS or not all(
            math.isfinite(x) for x in dense + hashed):
        raise FurnitureModelError(f"the furniture model's weights do not fit this version ({len(dense)} dense, "
                                  f"{len(hashed)} hashed weights; expected {len(DENSE)} and {BUCKETS}); {_FIX}")
    return LineModel(dense, hashed, str(data.get("version", "")))


def model_path() -> Traversable:
    """Where the packaged weights lie."""
    return resources.files("recoupe") / "data" / "furniture" / "line_model.json"


@lru_cache(maxsize=1)
def load() -> LineModel:
    """The packaged model, read once; ``FurnitureModelError`` with one clear line when missing or corrupt.
    ``Pipeline.run`` calls it before reading any input, so a broken install stops a run at its start."""
    path = model_path()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FurnitureModelError(f"the furniture model's weights are missing ({exc.strerror}: {path}); "
                                  f"{_FIX}") from None
    return read_model(raw)


# --- features ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Shape:
    chars: int
    words: list[str]  # lower-cased, Arabic in its matching form
    sentence_like: bool
    function_share: float


def _words(line: str) -> list[str]:
    text = unicodedata.normalize("NFC", line)
    if _ARABIC.search(text):
        text = normalize_for_matching(text)
    return [w.lower() for w in _WORD.findall(text)]


def _shape(line: str) -> _Shape:
    words = _words(line)
    function = sum(1 for w in words if w in _FUNCTION_WORDS or w in _FUNCTION_NORM)
    return _Shape(len(line), words, len(line) >= SENTENCE_CHARS and bool(_SENTENCE_END.search(line)),
                  function / len(words) if words else 0.0)


def _bucket(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) % BUCKETS


def _content(words: list[str]) -> set[str]:
    return {w for w in words if len(w) >= 4 and w not in _FUNCTION_WORDS and w not in _FUNCTION_NORM}


def features(lines: Sequence[str]) -> list[tuple[list[float], list[int]] | None]:
    """The dense values (in the order of ``DENSE``) and the hashed-word buckets of each line; None when blank."""
    stripped = [line.strip() for line in lines]
    order = [i for i, line in enumerate(stripped) if line]
    shapes = {i: _shape(stripped[i]) for i in order}
    keys = Counter(" ".join(stripped[i].lower().split()) for i in order)
    sentence_lines = [i for i in order if shapes[i].sentence_like]
    topic: Counter[str] = Counter()
    for i in sentence_lines:
        topic.update(_content(shapes[i].words))
    out: list[tuple[list[float], list[int]] | None] = [None] * len(lines)
    sentence_ranks = [rank for rank, i in enumerate(order) if shapes[i].sentence_like]
    short = [not shapes[i].sentence_like and shapes[i].chars < 80 for i in order]
    left = [0] * len(order)  # how many short lines run just above each line
    right = [0] * len(order)
    for rank in range(1, len(order)):
        left[rank] = left[rank - 1] + 1 if short[rank - 1] else 0
    for rank in range(len(order) - 2, -1, -1):
        right[rank] = right[rank + 1] + 1 if short[rank + 1] else 0
    for rank, i in enumerate(order):
        line, shape = stripped[i], shapes[i]
        words = shape.words
        n = len(words)
        latin = [w for w in line.split() if w[:1].isalpha() and not _ARABIC.match(w)]
        content = _content(words)
        own = Counter(_content(words)) if shape.sentence_like else Counter()
        shared = sum(1 for w in content if topic[w] - own[w] > 0)
        prev = shapes[order[rank - 1]] if rank > 0 else None
        nxt = shapes[order[rank + 1]] if rank + 1 < len(order) else None
        at = bisect.bisect_left(sentence_ranks, rank)
        near = [r for r in sentence_ranks[max(0, at - 1):at + 2] if r != rank]
        distance = min((abs(rank - r) for r in near), default=50)
        before = at > 0
        after = any(r > rank for r in sentence_ranks[at:at + 2])
        run = left[rank] + right[rank]
        values = [
            1.0,
            math.log1p(shape.chars) / 5,
            math.log1p(n) / 3,
            float(bool(_SENTENCE_END.search(line))),
            float(line.endswith(":")),
            float(line[-1:].isdigit()),
            min(len(_INNER_END.findall(line)), 5) / 5,
            shape.function_share,
            sum(1 for w in latin if w[0].isupper()) / len(latin) if latin else 0.0,
            sum(1 for w in latin if len(w) > 1 and w.isupper()) / len(latin) if latin else 0.0,
            sum(ch.isdigit() for ch in line) / len(line),
            float(bool(_SEPARATORS.search(line))),
            float(bool(_LINK.search(line))),
            float(bool(_MONTHS.search(line))),
            float(keys[" ".join(line.lower().split())] > 1),
            math.log1p(rank) / 3,
            float(rank == 0),
            shared / len(content) if content else 0.0,
            float(not content),
            min(line.count(",") + line.count("،"), 10) / max(n, 1),
            float(bool(_QUOTE.search(line))),
            float(line[:1].islower()),
            len(_ARABIC.findall(line)) / len(line),
            float(shape.sentence_like),
            float(n <= 3),
            float(4 <= n <= 8),
            float(prev.sentence_like) if prev else 0.0,
            float(nxt.sentence_like) if nxt else 0.0,
            math.log1p(prev.chars) / 5 if prev else 0.0,
            math.log1p(nxt.chars) / 5 if nxt else 0.0,
            prev.function_share if prev else 0.0,
            nxt.function_share if nxt else 0.0,
            float(prev is None),
            math.log1p(distance) / 3,
            float(before),
            float(after),
            math.log1p(run) / 3,
        ]
        tokens = [f"w:{w}" for w in words[:40]]
        if words:
            tokens += [f"f:{words[0]}", f"l:{words[-1]}", f"n:{min(n, 12)}"]
        out[i] = (values, sorted({_bucket(t) for t in tokens}))
    return out
