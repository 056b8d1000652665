"""The person in one role named differently by two outlets: "le capitaine Paul Martin Diallo, chef du détachement"
in one article, "le capitaine Marc Martin Diallo, chef du détachement des sapeurs" in another of the same story.
One office, one family name, two given names: the outlets disagree on who holds it (a conflict on the story's
news, field ``participants``).

Not a disagreement: two spellings of one given name ("Gilberto" and "Gilbero", "Kihara" and "Kihira": same
first letter, ``SPELLING_RATIO``), an initial or a given name one outlet leaves out ("H. Lawrence Culp" and
"Lawrence Culp"), two offices ("chef d'état-major" and "chef du détachement": neither's words hold the other's),
two persons of two known states (a minister and his counterpart), or two articles of one outlet. A pure helper of
``figures.with_figure_conflicts``."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from typing import Any

from recoupe.crosscheck.conflicts import PAST_ROLE, claims, conflict, fold, sentence_at

__all__ = ["SPELLING_RATIO", "namesake_conflicts", "office_words", "same_given_name"]

# Two given names with the same first letter are one name spelt two ways when difflib's ratio reaches this
# ("Gilberto"/"Gilbero" 0.93, "Kihara"/"Kihira" 0.83, "Mohamed"/"Mohammed" 0.93; "Fabrice"/"Frédéric" 0.40).
# Set by hand on the press dev persons; re-measured by bench/bench_press.py (conflicts found/precision).
SPELLING_RATIO = 0.75

# Words of a role that name no office: articles, prepositions, conjunctions (French, English).
_GLUE = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "a", "au", "aux", "en", "et", "of", "the", "and",
                   "for", "to", "in", "at", "on"})
# A suffix of a name that is no family name.
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Roles that are a rank or a title alone ("capitaine", "General"): they say no office two persons could share.
_RANK_ONLY = frozenset({"capitaine", "captain", "colonel", "lieutenant", "general", "generale", "commandant",
                        "major", "sergent", "sergeant", "amiral", "admiral", "marechal", "cheikh", "sheikh", "m",
                        "mr", "mme", "mrs", "ms", "dr", "president", "presidente", "minister", "ministre",
                        "secretary", "chief", "chef",
                        # the words of a rank of several ("général de brigade", "vice-amiral", "capitaine de frégate",
                        # "rear admiral", "air marshal"): a rank, not an office, as "capitaine" alone
                        "brigade", "brigadier", "division", "corps", "armee", "vice", "contre", "fregate", "vaisseau",
                        "corvette", "rear", "marshal", "air"})


def office_words(role: str) -> frozenset[str]:
    """The words of an office as written, folded, without glue words ("chef du détachement" -> {chef,
    detachement}); empty for a rank or a title alone ("capitaine", "President") and for a past office
    ("former chief of staff")."""
    if PAST_ROLE.search(role.strip()):
        return frozenset()  # a past holder ("l'ancien chef du détachement") is not the one in office
    words = frozenset(w for w in re.split(r"[^\w]+", fold(role)) if w and w not in _GLUE)
    return frozenset() if words <= _RANK_ONLY else words


def _split_name(name: str) -> tuple[str, tuple[str, ...]] | None:
    """(family name, given names) of a person's name, folded; None for a single word."""
    words = [w for w in re.split(r"\s+", fold(name).strip()) if w]
    while words and words[-1].rstrip(",") in _SUFFIXES:
        words.pop()
    if len(words) < 2:
        return None
    return words[-1], tuple(words[:-1])


def same_given_name(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two lists of given names may name one person: each word of the shorter list is a word of the longer
    one (a given name left out: "H. Lawrence" and "Lawrence"), its initial, or one spelling of it (same first
    letter, ``SPELLING_RATIO``), or both are one name in one word or two ("Abdelaziz", "Abdel Aziz"). "Paul Martin"
    and "Marc Martin" are two persons."""
    def one(x: str, y: str) -> bool:
        x, y = x.rstrip("."), y.rstrip(".")
        if not x or not y or x[0] != y[0]:
            return False
        return len(x) == 1 or len(y) == 1 or SequenceMatcher(None, x, y).ratio() >= SPELLING_RATIO

    if a and re.sub(r"[-\s]", "", "".join(a)) == re.sub(r"[-\s]", "", "".join(b)):
        return True  # one name in one word or two: "Abdelaziz" and "Abdel Aziz", "Jean-Marc" and "Jean Marc"
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return bool(short) and all(any(one(x, y) for y in long_) for x in short)


def namesake_conflicts(entities: Sequence[Mapping[str, Any]], news_of: Mapping[str, str],
                       story_of: Mapping[str, str], outlet_of: Mapping[str, str | None],
                       text_of: Mapping[str, str]) -> list[dict[str, Any]]:
    """Persons of one story who hold one office under one family name with different given names, told by
    different outlets: a conflict on the story's news (``news_of``: each article's news event) whose claims are
    the names as written, each with the role and the sentence."""
    # (story, family name) -> (entity, full name, given names, office words, role, article, sentence, state, start)
    held: dict[tuple[str, str], list[tuple[str, str, tuple[str, ...], frozenset[str], str, str, str, str, int]]] = \
        defaultdict(list)
    for e in entities:
        if e.get("type") != "PERSON":
            continue
        for m in e.get("mentions", []):
            article = str(m["article"])
            role, story = m.get("role"), story_of.get(article)
            name = str(m.get("text") or e.get("name") or "")
            split = _split_name(name) or _split_name(str(e.get("name") or ""))
            words = office_words(str(role)) if role else frozenset()
            if not (story and split and words and article in news_of):
                continue
            quote = sentence_at(text_of.get(article, ""), int(m["start"]), int(m["end"]))
            held[(story, split[0])].append((str(e["id"]), str(e.get("name") or name), split[1], words, str(role),
                                            article, quote, str(e.get("country") or ""), int(m["start"])))
    out: list[dict[str, Any]] = []
    for (_story, _family), told in sorted(held.items()):
        pairs = [(a, b) for i, a in enumerate(told) for b in told[i + 1:]
                 if a[0] != b[0] and (a[3] <= b[3] or b[3] <= a[3]) and not same_given_name(a[2], b[2])
                 and (outlet_of.get(a[5]) or a[5]) != (outlet_of.get(b[5]) or b[5])
                 # two states' officials of one family name (a minister and his counterpart) are two persons
                 and (not a[7] or not b[7] or a[7] == b[7])]
        if not pairs:
            continue
        involved = {x for pair in pairs for x in pair}
        subjects = {news_of[x[5]] for x in involved}
        if len(subjects) != 1:
            continue
        # in text order: a person named twice in one article speaks through its first mention (not a set's order)
        stated = sorted(involved, key=lambda x: (x[5], x[1], x[8], x[4]))
        found = conflict(subjects.pop(), "participants", claims([(x[1], x[5], x[6]) for x in stated]),
                         f"one office named by different persons: {'; '.join(sorted({x[4] for x in stated}))}")
        for claim in found["claims"]:
            claim["role"] = next(x[4] for x in stated if x[1] == claim["value"])
        out.append(found)
    return out
