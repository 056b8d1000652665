"""Reading TimeML (French TimeBank) and scoring a tagger against it, TempEval-3 style.

Pure functions: the caller reads the files. ``read_timeml`` turns one ``.tml`` document into its plain
text (tags removed, entities unescaped), its DCT and its gold TIMEX3 with character offsets into that
text. ``score`` compares system timexes with gold ones:

* strict extraction: a system timex is correct when its span equals a gold span;
* relaxed extraction: when it overlaps a gold span (each gold matched at most once);
* value (TempEval-3 "value F1"): on relaxed matches, P = correct values / system timexes,
  R = correct values / gold timexes, F1 their harmonic mean.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'<DCT>\s*<TIMEX3[^>]*value="([^"]+)"')


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldDoc:
    doc_id: str
    dct: str | None
    text: str
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PRF:
    p: float
    r: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Scores:
    strict: PRF
    relaxed: PRF
    value: PRF
    gold: int
    system: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """What ``score`` needs from a system timex."""

    start: int
    end: int
    value: str | None


def read_timeml(doc_id: str, xml: str) -> GoldDoc:
    """The text inside ``<TEXT>``, its DCT and its TIMEX3 (offsets index the returned text)."""
    dct_match = _DCT.search(xml)
    body_start = xml.index("<TEXT>") + len("<TEXT>")
    body_end = xml.index("</TEXT>")
    body = xml[body_start:body_end]
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing and m.group(4) != "/":
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif closing and open_timex is not None:
            start, attrs = open_timex
            text = "".join(parts)[start:length]
            timexes.append(GoldTimex(start=start, end=length, text=text, type=attrs.get("type", ""),
                                     value=attrs.get("value"), mod=attrs.get("mod")))
            open_timex = None
    tail = html.unescape(body[pos:])
    parts.append(tail)
    return GoldDoc(doc_id=doc_id, dct=dct_match.group(1) if dct_match else None, text="".join(parts),
                   timexes=tuple(timexes))


def _prf(correct: int, system: int, gold: int) -> PRF:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return PRF(p=p, r=r, f1=2 * p * r / (p + r) if p + r else 0.0)


def match_relaxed(gold: Sequence[GoldTimex], system: Sequence[Span]) -> list[tuple[int, int]]:
    """Pairs (gold index, system index) of overlapping spans, each side used once (exact spans first)."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    for exact in (True, False):
        for i, g in enumerate(gold):
            if i in used_g:
                continue
            for j, s in enumerate(system):
                if j in used_s:
                    continue
                hit = (s.start == g.start and s.end == g.end) if exact else (s.start < g.end and g.start < s.end)
                if hit:
                    pairs.append((i, j))
                    used_g.add(i)
                    used_s.add(j)
                    break
    return pairs


def score(docs: Iterable[tuple[Sequence[GoldTimex], Sequence[Span]]]) -> Scores:
    """Strict, relaxed and value P/R/F1 summed over documents (micro-averaged)."""
    n_gold = n_sys = strict = relaxed = values = 0
    for gold, system in docs:
        n_gold += len(gold)
        n_sys += len(system)
        gold_spans = {(g.start, g.end) for g in gold}
        strict += sum(1 for s in system if (s.start, s.end) in gold_spans)
        pairs = match_relaxed(gold, system)
        relaxed += len(pairs)
        values += sum(1 for i, j in pairs if gold[i].value is not None and gold[i].value == system[j].value)
    return Scores(strict=_prf(strict, n_sys, n_gold), relaxed=_prf(relaxed, n_sys, n_gold),
                  value=_prf(values, n_sys, n_gold), gold=n_gold, system=n_sys)


_TOKEN = re.compile(r'<token\b[^>]*?\bsentence="(\d+)"[^>]*?\bt_id="(\d+)"[^>]*>(.*?)</token>', re.DOTALL)
_MEANTIME_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ANCHOR = re.compile(r'<token_anchor\s+t_id="(\d+)"')
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|n't|'re|'ll|'ve|'d|'m)$")


def read_meantime(doc_id: str, xml: str) -> GoldDoc:
    """A MEANTIME (NAF-like token stand-off) document: tokens joined back into text (no space before
    punctuation), its CREATION_TIME as DCT, and every TIMEX3 of the text (the dateline included).

    MEANTIME annotates only the first sentences of each article (title, dateline and about four more): the
    text stops after the last sentence that holds an annotation, so that the rest is not counted as false
    positives."""
    sentence_of = {m.group(2): int(m.group(1)) for m in _TOKEN.finditer(xml)}
    annotated = [sentence_of[i] for i in _ANCHOR.findall(xml) if i in sentence_of]
    last = max(annotated) if annotated else -1
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length = 0
    previous = ""
    for m in _TOKEN.finditer(xml):
        if int(m.group(1)) > last:
            break
        tok = html.unescape(m.group(3))
        if parts and not _NO_SPACE_BEFORE.match(tok) and previous not in ("(", "[", "$", "``"):
            parts.append(" ")
            length += 1
        offsets[m.group(2)] = (length, length + len(tok))
        parts.append(tok)
        length += len(tok)
        previous = tok
    text = "".join(parts)
    dct: str | None = None
    timexes: list[GoldTimex] = []
    for m in _MEANTIME_TIMEX.finditer(xml):
        attrs = dict(_ATTR.findall(m.group(1)))
        ids = [i for i in _ANCHOR.findall(m.group(2)) if i in offsets]
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value")
        if not ids:
            continue
        start = min(offsets[i][0] for i in ids)
        end = max(offsets[i][1] for i in ids)
        timexes.append(GoldTimex(start=start, end=end, text=text[start:end], type=attrs.get("type", ""),
                                 value=attrs.get("value"), mod=attrs.get("mod") or None))
    timexes.sort(key=lambda t: t.start)
    return GoldDoc(doc_id=doc_id, dct=dct, text=text, timexes=tuple(timexes))
