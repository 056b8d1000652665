"""Names in Arabic text: the knowledge base's Arabic forms found through the clitics that Arabic writes onto
a word (و "and", ف "so", ب "in/by", ل "for", ك "as", and ال "the", which ل turns into لل), person names
introduced by a title ("وزير الخارجية التركي هاكان فيدان"), surnames that repeat a name of the same article,
and transliteration-aware keys that link an Arabic name to a Latin-script one ("عبد المجيد تبون" and
"Abdelmadjid Tebboune" share the key ``bdlmjdtbn``).

spaCy's Arabic tokenizer keeps clitics on their word ("وإيران", "بالرياض", "للجامعة"), so the phrase
matcher of the entity stage misses those; this module matches on its own tokens. Pure functions of the text
and the knowledge base; the entity stage (``entities.extract``) calls them for Arabic articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from recoupe.kb import KnowledgeBase

__all__ = [
    "ArabicIndex",
    "arabic_index",
    "fold",
    "has_arabic",
    "kb_matches",
    "quoted_outlets",
    "surname_repeats",
    "titled_names",
    "translit_key",
]

_ARABIC = re.compile(r"[\u0621-\u064A\u066E-\u06D3]")
# A token: letters and digits with the marks written on them (short vowels, shadda, tatweel).
_TOKEN = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640]+")
_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي",
                       **{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}})
# Proclitics tried before a name, longest first: و/ف (and, so), then ب/ل/ك (in, for, as).
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك", "")
# Longest name the index holds, in tokens ("القائد الأعلى للقوات المسلحة الملكية" has 5).
MAX_NAME_TOKENS = 7
# Shortest folded token that a clitic may be stripped to (a letter or two is a word of its own).
MIN_STEM = 3


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def fold(token: str) -> str:
    """The matching form of one token: short vowels, shadda and tatweel removed, hamza seats and alef
    madda to bare alef, alef maqsura to ya, ta marbuta to ha, Arabic-Indic digits to ASCII, lower case."""
    text = unicodedata.normalize("NFC", token)
    return _MARKS.sub("", text).translate(_FOLD).lower()


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text)]


def _key_tokens(surface: str) -> tuple[str, ...]:
    words = [fold(m.group()) for m in _TOKEN.finditer(surface)]
    return _join_abd(words)


def _join_abd(words: Sequence[str]) -> tuple[str, ...]:
    """"عبد المجيد" and "عبدالمجيد" are one name part: join "عبد" (and "أبو") to an article-headed word."""
    out: list[str] = []
    for w in words:
        if out and out[-1] == "عبد" and w.startswith("ال"):
            out[-1] += w
        else:
            out.append(w)
    return tuple(out)


def _stems(token: str) -> Iterator[tuple[int, str]]:
    """(characters stripped, stem) of a token without its proclitics; the token itself first."""
    yield 0, token
    if not has_arabic(token):
        return
    for clitic in _PROCLITICS[:-1]:
        if token.startswith(clitic) and len(token) - len(clitic) >= MIN_STEM:
            rest = token[len(clitic):]
            if clitic.endswith("ل") and rest.startswith("ل") and len(rest) > MIN_STEM:
                # ل + ال is written لل: "للجامعة" is "ل" + "الجامعة"
                yield len(clitic) + 1, "ا" + rest
            yield len(clitic), rest
    yield from _article_free(token)


def _article_free(token: str) -> Iterator[tuple[int, str]]:
    """The token without its article, for forms the knowledge base lists bare ("الفرنسي" as "فرنسي"); the
    span keeps the article."""
    for clitic in ("", "و", "ف", "ب", "وب", "فب", "ك"):
        if token.startswith(clitic + "ال") and len(token) - len(clitic) - 2 >= MIN_STEM:
            yield len(clitic), token[len(clitic) + 2:]


@dataclass(frozen=True, slots=True)
class ArabicIndex:
    """The knowledge base's Arabic-script name forms by their first folded token."""

    by_first: dict[str, list[tuple[tuple[str, ...], str, str]]]
    persons_by_key: dict[str, frozenset[str]]


@lru_cache(maxsize=4)
def arabic_index(kb: KnowledgeBase) -> ArabicIndex:
    by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    seen: set[tuple[tuple[str, ...], str, str]] = set()
    persons: dict[str, set[str]] = {}
    for surface, entry, how in kb.surfaces():
        if entry.type == "PERSON":
            key = translit_key(surface)
            if len(key) >= MIN_TRANSLIT_KEY:
                persons.setdefault(key, set()).add(entry.id)
        if not has_arabic(surface):
            continue
        tokens = _key_tokens(surface)
        variants = {tokens}
        if tokens and tokens[0].startswith("ال") and len(tokens[0]) > MIN_STEM + 1:
            variants.add((tokens[0][2:], *tokens[1:]))  # "الجزائري" as "جزائري" is listed: both forms count
        for variant in variants:
            item = (variant, entry.id, how)
            if variant and len(variant) <= MAX_NAME_TOKENS and item not in seen:
                seen.add(item)
                by_first.setdefault(variant[0], []).append(item)
    return ArabicIndex(by_first, {k: frozenset(v) for k, v in persons.items()})


def kb_matches(text: str, kb: KnowledgeBase) -> list[tuple[int, int, str, str]]:
    """(start, end, entry id, how) of every Arabic-script knowledge-base form in ``text``, clitics left
    outside the span ("وإيران" gives "إيران"; "للجامعة العربية" gives "لجامعة العربية", the span after
    the preposition)."""
    index = arabic_index(kb)
    tokens = _tokens(text)
    folded = [t[2] for t in tokens]
    out: list[tuple[int, int, str, str]] = []
    for i, (start, _end, token) in enumerate(tokens):
        for cut, stem in _stems(token):
            best: tuple[int, list[tuple[str, str]]] | None = None
            for variant, entry_id, how in index.by_first.get(stem, []) + _abd_candidates(index, stem, folded, i):
                n = _match_length(variant, stem, folded, i)
                if n and (best is None or n > best[0]):
                    best = (n, [(entry_id, how)])
                elif n and best is not None and n == best[0]:
                    best[1].append((entry_id, how))
            if best is not None:
                end = tokens[i + best[0] - 1][1]
                offset = cut if cut <= len(token) else 0
                span_start = start + _char_offset(text, start, offset)
                for entry_id, how in best[1]:
                    out.append((span_start, end, entry_id, how))
                break
    return out


def _abd_candidates(index: ArabicIndex, stem: str, folded: Sequence[str],
                    i: int) -> list[tuple[tuple[str, ...], str, str]]:
    """A name written "عبد المجيد" in the text is indexed as "عبدالمجيد"."""
    if stem == "عبد" and i + 1 < len(folded) and folded[i + 1].startswith("ال"):
        return index.by_first.get(stem + folded[i + 1], [])
    return []


def _match_length(variant: tuple[str, ...], stem: str, folded: Sequence[str], i: int) -> int:
    """How many text tokens from ``i`` (the first read as ``stem``) spell ``variant``; 0 when they do not."""
    first = variant[0]
    j = i
    if first == stem:
        j = i + 1
    elif stem == "عبد" and i + 1 < len(folded) and stem + folded[i + 1] == first:
        j = i + 2
    else:
        return 0
    for part in variant[1:]:
        if j >= len(folded):
            return 0
        if folded[j] == part:
            j += 1
        elif part.startswith("عبدال") and folded[j] == "عبد" and j + 1 < len(folded) and \
                "عبد" + folded[j + 1] == part:
            j += 2
        else:
            return 0
    return j - i


def _char_offset(text: str, start: int, folded_chars: int) -> int:
    """Characters of the raw token that the first ``folded_chars`` folded characters cover (marks and
    tatweel are dropped by folding; they stay with the letter before them)."""
    if folded_chars == 0:
        return 0
    count = 0
    k = start
    while k < len(text) and count < folded_chars:
        if not _MARKS.match(text[k]):
            count += 1
        k += 1
    while k < len(text) and _MARKS.match(text[k]):
        k += 1
    return k - start


# --------------------------------------------------------------------------------------------------
# transliteration-aware keys

# Arabic letters to the Latin consonant they are written with; vowels, weak letters (ا و ي), hamza, ain and
# h-sounds (ح ه, which French transliteration often drops) give nothing.
_AR_TO_LATIN = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
    "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "j", "ف": "f", "ق": "k",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "", "و": "", "ي": "", "ا": "", "ء": "", "ئ": "", "ؤ": "",
    "پ": "b", "چ": "s", "ڤ": "f", "گ": "j",
}
_LATIN_DIGRAPHS = (("kh", "k"), ("gh", "j"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("dj", "j"),
                   ("ph", "f"), ("ck", "k"), ("tch", "s"))
_LATIN_LETTERS = str.maketrans({"q": "k", "c": "k", "g": "j", "v": "f", "p": "b", "x": "k"})
# Keys shorter than this link nothing: "Wang Yi" and "وانغ يي" share "nj", as do many names.
MIN_TRANSLIT_KEY = 5
_PARTICLES = frozenset({"al", "el", "ال"})


def translit_key(name: str) -> str:
    """A key that an Arabic name and its Latin transliterations share: the consonant skeleton, with the
    letters that transliterations spell differently (q/k, g/j/dj, sh/ch/s, kh/k, th/t, v/f, p/b) folded
    together, vowels and h dropped, doubled letters written once, the article "al-"/"el-"/"ال" of a name
    part dropped. "عبد المجيد تبون", "Abdelmadjid Tebboune" and "Abdelmajid Tebbounne" all give
    ``bdlmjdtbn``; "محمد بن زايد" (``mmdbnzd``) and "محمد بن سلمان" (``mmdbnslmn``) stay apart."""
    parts: list[str] = []
    words = [fold(w) if has_arabic(w) else w for w in re.split(r"[\s\-‐–—'’.]+", name) if w]
    for word in _join_abd(words):  # "عبد المجيد" keeps its article, as "Abdelmadjid" does
        if has_arabic(word):
            w = word
            if w.startswith("ال") and len(w) > 3:
                w = w[2:]
            parts.append("".join(_AR_TO_LATIN.get(c, "") for c in w))
        else:
            w = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
            if w in _PARTICLES:
                continue
            for a, b in _LATIN_DIGRAPHS:
                w = w.replace(a, b)
            w = w.translate(_LATIN_LETTERS)
            parts.append(re.sub(r"[^a-z]|[aeiouyhw]", "", w))
    return re.sub(r"(.)\1+", r"\1", "".join(parts))


def linked_person(name: str, kb: KnowledgeBase) -> str | None:
    """The one knowledge-base person whose name (in any script) has the transliteration key of ``name``."""
    key = translit_key(name)
    if len(key) < MIN_TRANSLIT_KEY:
        return None
    ids = arabic_index(kb).persons_by_key.get(key, frozenset())
    return next(iter(ids)) if len(ids) == 1 else None


# --------------------------------------------------------------------------------------------------
# names introduced by a title

# Title heads after which a person's name follows (with a demonym, a state or an organisation between).
_TITLE_HEADS = (
    "الرئيس", "رئيس", "الملك", "العاهل", "الأمير", "أمير", "ولي العهد", "الشيخ", "السلطان", "وزير", "الوزير",
    "وزيرة", "الوزيرة", "نائب", "مستشار", "المستشار", "الأمين العام", "أمين عام", "المتحدث",
    "الناطق", "المتحدثة", "السفير", "سفير", "المبعوث", "الممثل", "قائد", "القائد", "رئيس أركان", "اللواء",
    "الفريق", "العميد", "العقيد", "المشير", "الجنرال", "الأدميرال", "السيد", "السيدة", "النائب", "الإعلامي",
    "الإعلامية", "الكاتب", "الصحفي", "الدكتور", "د.", "المدير", "مدير", "عضو", "الخبير", "زوجة", "عقيلة",
    "حرم", "السيناتور", "المحلل",
)
_HEADS = frozenset(fold(h) for h in _TITLE_HEADS if " " not in h)
# Words that are never part of a name after a title: prepositions, conjunctions, common verbs and nouns of
# news prose.
_NOT_NAME = frozenset(fold(w) for w in (
    "في", "من", "إلى", "عن", "مع", "أن", "إن", "أنه", "إنه", "قال", "قالت", "أكد", "أكدت", "أعلن",
    "أعلنت", "خلال", "بعد", "قبل", "الذي", "التي", "الذين", "ان", "كان", "كانت", "يوم", "اليوم", "أمس", "هذا",
    "هذه", "ذلك", "لدى", "عبر", "حول", "بين", "و", "أو", "ثم", "لا", "لم", "لن", "قد", "وقال", "وقالت",
    "وأكد", "وأعلن", "وزير", "وزيرة", "رئيس", "الرئيس", "باسم", "العام", "الأعلى", "السابق", "الحالي",
    "الجديد", "المصري", "الأمريكي", "الروسي", "بلاده", "حكومة", "الحكومة", "وزارة", "الخارجية", "الدفاع",
    "الداخلية", "الجمهورية", "الدولة", "دولة", "أيضا", "كما", "حيث", "إذ", "عندما", "بأن", "لقد", "وفد",
    "يزور", "زار", "زيارة", "استقبل", "التقى", "وصل", "وقع", "اتفاق", "اجتماع", "لقاء", "الشؤون", "شؤون",
    "ووزير", "ورئيس", "والرئيس", "نظيره", "نظيرها", "مجلس", "المجلس", "القوات", "قوات", "الجيش", "جيش",
    "المسلحة", "العربية", "الإسلامية", "المتحدة", "الأمن", "القومي", "الوطني", "الشعب", "الشعبية",
    "قوله", "قولها", "تصريحه", "تصريحها", "تأكيده", "تأكيدها",
))
# Prepositions after which a title's words name its field ("الخبير في مجال الطيران"), not a person.
_PREPOSITIONS = frozenset(fold(w) for w in ("في", "من", "عن", "مع", "إلى", "على", "لدى"))
_LINKERS = frozenset(fold(w) for w in ("بن", "بنت", "ابن", "أبو", "أبي", "آل", "عبد", "ولد", "بو"))
# Longest name taken after a title, in tokens.
MAX_PERSON_TOKENS = 5


def _looks_like_descriptor(token: str) -> bool:
    """A demonym, an office word or a genitive noun that sits between a title and a name: "التركي",
    "الخارجية", "باسم", "لجامعة"."""
    return token.startswith(("ال", "لل", "بال", "وال")) or token in _NOT_NAME


def titled_names(text: str, kb: KnowledgeBase, taken: Iterable[tuple[int, int]] = (),
                 person_spans: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of person names that follow a title in Arabic text: "وزير الخارجية التركي هاكان فيدان" gives
    "هاكان فيدان"; "المتحدث باسم الجامعة جمال رشدي" gives "جمال رشدي". The words between the title and the name
    are descriptors (article-headed words, "باسم", the spans of entities already found); the name is the run
    of words after them, up to punctuation or a function word, and ends where an article-headed word ends
    it ("أحمد الصحاف"), unless that word follows "بن", "أبو" or "عبد"."""
    spans = sorted(set(taken) - set(person_spans))
    tokens = _tokens(text)
    heads = _HEADS
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        _s, _e, tok = tokens[i]
        if not _is_head(tok, heads):
            i += 1
            continue
        j = i + 1
        # skip descriptors: article-headed words, entity spans, "باسم", "لشؤون"; at most 8 words
        while j < len(tokens) and j - i <= 8 and (
                (_looks_like_descriptor(tokens[j][2]) and not _hamza_lam(text, tokens[j][0]))
                or _inside(tokens[j][0], spans)) and \
                not _gap_has_punct(text, tokens[j - 1][1], tokens[j][0]) and \
                not _inside(tokens[j][0], person_spans):
            j += 1
        if j > i + 1 and tokens[j - 1][2] in _PREPOSITIONS and not _inside(tokens[j - 1][0], spans):
            i += 1  # "الخبير في مجال الطيران": the title's field after a preposition, no name
            continue
        if j < len(tokens) and (_inside(tokens[j][0], person_spans) or _is_head(tokens[j][2], heads)):
            i = j  # the title is that of the person named next, or of a second title
            continue
        if j < len(tokens) and j > i + 1 and text[tokens[j - 1][1]:tokens[j][0]].strip() in ("،", ","):
            pass  # apposition: "المتحدث باسم وزارة الدفاع الأردنية، سامي الخطيب"
        elif j >= len(tokens) or _gap_has_punct(text, tokens[j - 1][1], tokens[j][0]):
            i += 1
            continue
        k = _name_end(text, tokens, j, spans, person_spans)
        if k - j >= 2:  # one word after a title is too often a noun: names of two words or more
            out.append((tokens[j][0], tokens[k - 1][1]))
        i = max(k, i + 1)
    return out


def _name_end(text: str, tokens: Sequence[tuple[int, int, str]], start: int, spans: Sequence[tuple[int, int]],
              person_spans: Sequence[tuple[int, int]]) -> int:
    """Index after the last token of a name starting at token ``start``. A name part with the article ends
    the name ("أيمن الصفدي") unless it follows "بن", "أبو" or "عبد"; a person's surname already found ends
    it too ("انتصار السيسي"); a third plain word counts only when punctuation or a function word follows it
    ("محمد حمدان دقلو،"), not in "سامح شكري ضرورة إيجاد"."""
    k = start
    plain = 0
    while k < len(tokens) and k - start < MAX_PERSON_TOKENS:
        word = tokens[k][2]
        if k > start and _gap_has_punct(text, tokens[k - 1][1], tokens[k][0]):
            break
        if _inside(tokens[k][0], person_spans) and k > start:
            return k + 1
        if word in _NOT_NAME or word.isdigit() or not has_arabic(word) or _inside(tokens[k][0], spans) or \
                word in _HEADS:
            break
        if word.startswith("ال") and k > start and tokens[k - 1][2] not in _LINKERS and \
                not _hamza_lam(text, tokens[k][0]):
            return k + 1
        if word not in _LINKERS and (k == start or tokens[k - 1][2] not in _LINKERS):
            plain += 1
            if plain == 3:
                after = k + 1
                ends = after >= len(tokens) or _gap_has_punct(text, tokens[k][1], tokens[after][0]) or \
                    tokens[after][2] in _NOT_NAME
                return k + 1 if ends else k
        k += 1
    return k


def _hamza_lam(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins with a hamza-seated alef and lam ("ألكسي", "إلهام"): a name, not
    the article "ال" that folding makes it look like."""
    return text[start:start + 2] in ("أل", "إل")


def _is_head(token: str, heads: frozenset[str] | set[str]) -> bool:
    return any(stem in heads for _cut, stem in _stems(token))


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _gap_has_punct(text: str, a: int, b: int) -> bool:
    return bool(re.search(r"[^\s\u200f\u200e]", text[a:b]))


def surname_repeats(text: str, names: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Other places where the last word of a full name found in the article stands alone ("فيدان" after
    "هاكان فيدان"), with the key (the name's own id) it belongs to. A last word shared by two names of the
    article is left out (two people, "أردوغان" and "أمينة أردوغان", would be confused)."""
    by_last: dict[str, set[str]] = {}
    for start, end, key in names:
        words = _tokens(text[start:end])
        if len(words) >= 3 and words[-2][2] in _LINKERS:  # "أبو الغيط" of "أحمد أبو الغيط"
            by_last.setdefault(words[-2][2] + " " + words[-1][2], set()).add(key)
        elif len(words) >= 2 and len(words[-1][2]) >= MIN_STEM and words[-1][2] not in _LINKERS:
            by_last.setdefault(words[-1][2], set()).add(key)
    covered = [(s, e) for s, e, _k in names]
    out: list[tuple[int, int, str]] = []
    tokens = _tokens(text)
    for n, (start, end, token) in enumerate(tokens):
        if _inside(start, covered):
            continue
        for cut, stem in _stems(token):
            pair = stem + " " + tokens[n + 1][2] if n + 1 < len(tokens) else ""
            keys, stop = (by_last.get(pair), tokens[n + 1][1]) if pair in by_last else (by_last.get(stem), end)
            if keys:
                if len(keys) == 1:
                    out.append((start + _char_offset(text, start, cut), stop, next(iter(keys))))
                break
    return out


# --------------------------------------------------------------------------------------------------
# media named in quotes after their kind

# "موقع “إكسبرت أونلاين”", "صحيفة «الأهرام»", "وكالة "سبوتنيك"": the quoted words name the outlet.
_OUTLET = re.compile(r"(?<![\w])(?:[وف])?(?:[بل])?(?:ال|لل)?(?:موقع|صحيفة|صحيفه|جريدة|جريده|وكالة|وكاله|مجلة|مجله|"
                     r"قناة|قناه|إذاعة|اذاعة|شبكة|شبكه)\s*[“«\"]([^”»\"\n.،,؟!]{2,40})[”»\"]")


def quoted_outlets(text: str) -> list[tuple[int, int]]:
    """Spans of media names written in quotes after their kind ("نقلا عن موقع “إكسبرت أونلاين”" gives
    "إكسبرت أونلاين")."""
    out = []
    for m in _OUTLET.finditer(text):
        start, end = m.start(1), m.end(1)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if has_arabic(text[start:end]):
            out.append((start, end))
    return out
