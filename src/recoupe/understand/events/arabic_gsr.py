"""Whether an Arabic news sentence reports an assault or a protest (PLOVER ASSAULT and PROTEST), as the Open
Event Data Alliance's Arabic gold standard records ask (``bench/bench_arabic_gsr.py``): a sentence is an
event when it narrates a violent act or a demonstration that took place — a trigger of the kind (قتل, هجوم,
تفجير, اشتباكات...; تظاهر, احتجاج, اعتصام, إضراب...) told as an act (a past verb or an event noun with its
participants or victims), not a question, a commentary on violence in general, a denial or a threat.

Two readers: ``detect``, the rules (pure functions of the sentence text, matched on the normalised text,
``arabic_text``), and ``classify``, a learned detector (one logistic head per type over the sentence's USE
embedding, its hashed words and what the rules see in it, ``rule_features``; trained by
``tools/train_arabic_gsr.py`` on the dev half of the benchmark and our own Arabic sentences, its settings
chosen by cross-validation on that half), which ``bench/bench_arabic_gsr.py`` measures beside the rules on
the held-out half.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from recoupe.understand.arabic_text import normalize_for_matching

__all__ = ["RULE_FEATURES", "Detector", "DetectorError", "classify", "detect", "load_detector", "rule_features"]


def _alt(*forms: str) -> str:
    return "(?:" + "|".join(sorted((re.escape(normalize_for_matching(f)) for f in forms), key=len,
                                   reverse=True)) + ")"


_PRE = r"(?<![\w])(?:[وف])?(?:[بلك])?(?:ال)?"
_ASSAULT = re.compile(_PRE + _alt(
    "قتل", "قتلت", "قتلوا", "مقتل", "اغتيال", "اغتيل", "اغتالت", "هجوم", "هجوما", "هجمات", "هاجم", "هاجمت",
    "هاجموا", "قصف", "قصفت", "غارة", "غارات", "تفجير", "تفجيرات", "انفجار", "انفجرت", "فجر", "انتحاري",
    "انتحارية", "مفخخة", "مفخخه", "ناسفة", "اشتباك", "اشتباكات", "اشتبك", "اطلق النار", "اطلقوا النار",
    "إطلاق نار", "اطلاق النار", "خطف", "اختطف", "اختطاف", "خطفوا", "اعتدى", "اعتداء", "اعتداءات", "استهدف",
    "استهدفت", "كمين", "ذبح", "طعن", "قذيفة", "قذائف", "صاروخ", "صواريخ", "جرح", "جرحى", "اصيب", "اصابة",
    "قتلى", "قتيل", "قتيلا", "مسلحون", "مسلحين", "اقتحم", "اقتحمت", "اقتحموا", "عذب", "تعذيب", "ضرب",
) + r"\w{0,3}(?![\w])")
_PROTEST = re.compile(_PRE + _alt(
    "تظاهر", "تظاهرة", "تظاهرات", "مظاهرة", "مظاهرات", "متظاهر", "متظاهرون", "متظاهرين", "احتج", "احتجاج",
    "احتجاجا", "احتجاجات", "احتجاجية", "محتج", "محتجون", "محتجين", "اعتصام", "اعتصم", "معتصمين", "معتصمون",
    "إضراب", "اضراب", "مضربين", "مسيرة", "مسيرات", "تجمع", "تجمهر", "هتف", "هتافات", "شعارات", "عصيان",
    "انتفاضة", "قطع طريق", "قطعوا", "احرق نفسه", "احراق نفسه", "رشق", "نزلوا", "نزل الى الشارع", "الشارع",
) + r"\w{0,3}(?![\w])")
# Signs that a sentence does not narrate a particular act: a question, a condition, a denial, a generic
# or future statement.
_NOT_AN_ACT = re.compile(r"[?؟]|(?<![\w])(?:هل|لو|اذا|ان لم|نفى|نفت|ينفي|سوف|ستقوم|يجب|ينبغي|ظاهرة)(?![\w])")
# A narrated assault has its toll or a perfective attack verb ("لقي مصرعه", "أسفر عن سقوط قتلى", "هاجم
# مسلحون"); a narrated protest a perfective verb of demonstrating ("تظاهر", "خرجوا", "احتشد"). Set on the
# even rows of the benchmark (bench/bench_arabic_gsr.py reports the odd rows apart).
_ASSAULT_ACT = re.compile(
    r"(?<![\w])(?:[وف])?(?:قتيل\w*|قتلي|جرحي|مصرع\w*|اصابه|اصيب\w*|سقوط|مقتل|قتل\w{0,2}|اغتيل|اغتالت|هاجم\w{0,2}|"
    r"قصفت|انفجرت|فجر|اطلق\w{0,2}|خطف\w{0,2}|اختطف\w{0,2}|اقتحم\w{0,2}|استهدف\w{0,2}|لقي|سقط|اسفر\w?)(?![\w])")
_PROTEST_ACT = re.compile(
    r"(?<![\w])(?:[وف])?(?:تظاهر\w{0,2}|خرج\w{0,2}|تجمع\w{0,2}|تجمهر\w{0,2}|اعتصم\w{0,2}|احتشد\w{0,2}|نظم\w{0,2}|"
    r"هتف\w{0,2}|رفعوا|رشقوا|قطعوا|احرق)(?![\w])")
# A narrated protest, as the benchmark's annotators accept one (read on the dev rows: what separates its "yes"
# from its "no"): a perfective verb of gathering (تظاهر, تجمع, احتشد, خرج, اعتصم...) in the main clause — not in
# a relative clause about protesters doing something else ("المتظاهرون الذين تجمعوا ... رفعوا"), not "اندلعت"
# of riots — with a protest word, and the gathering told first in its sentence or with its purpose
# ("احتجاجا على", "للمطالبة", "ضد"). Chants, banners, stones and the police dispersing a crowd are told of a
# protest already reported: the annotators said no. Calls to protest, bans and plans are no act.
_GATHER = re.compile(r"(?<![\w])(?:[وف])?(?:تظاهر(?:ت|وا|ا)?|تجمع(?:ت|وا)?|احتشد(?:ت|وا)?|خرج(?:ت|وا)?|"
                     r"اعتصم(?:ت|وا)?|تجمهر(?:ت|وا)?|نزل(?:ت|وا)?|اضرب(?:ت|وا)?|شارك(?:ت|وا)?|اندلعت|"
                     r"نفذ(?:ت|وا)?)(?![\w])")
# Gathering verbs that narrate a protest only with a protest noun right after them ("اندلعت مظاهرات",
# "شارك متظاهرون"); "اندلعت أعمال شغب" is a riot, "شارك في الندوة" no protest.
_GATHER_WITH_NOUN = frozenset({"اندلعت", "نفذ", "نفذت", "نفذوا", "شارك", "شاركت", "شاركوا"})
_RELATIVE = frozenset({"الذين", "التي", "الذي", "اللذين", "اللواتي"})
# Words after which "تجمع" is the noun (a gathering named), not the verb.
_NOUN_BEFORE = frozenset({"خلال", "في", "اكبر", "هذا", "اول", "منذ", "بعد", "عقب", "اثر", "اي", "كل"})
# How many words after "اندلعت", "شارك" the protest noun may come ("اندلعت في نواكشوط مظاهرات", "شارك 300
# متظاهر"); set on the dev rows.
NOUN_AFTER_WORDS = 3
_PROTEST_NOUN = re.compile(r"(?<![\w])(?:[وفبل])?(?:ال|لل)?(?:تظاهر\w*|مظاهر(?:ه|ات)\w*|متظاهر\w*|احتجاج\w*|"
                           r"اعتصام\w*|مسير(?:ه|ات)|اضراب\w*|الشارع|الشوارع|مرددين|هتاف\w*|مطالبين|تضامن\w*|"
                           r"منددين|للمطالبه|للتنديد|للاحتجاج)(?![\w])")
_PROTEST_PURPOSE = re.compile(r"(?<![\w])(?:[وف])?(?:احتجاجا|للاحتجاج|احتجاج|للمطالبه|مطالبين|تضامنا|تاييدا|"
                              r"للتنديد|منددين|ضد|مناهض\w*|مناوي\w*|رافعين|مرددين|هاتفين|للتعبير|تطالب|"
                              r"للاعراب)(?![\w])")
_CROWD = re.compile(r"(?<![\w])(?:[وف])?(?:مئات|الاف|عشرات|الالاف|المئات|العشرات|حشود|مليون|الف|\d+)(?![\w])")
_CLASH = re.compile(r"(?<![\w])(?:[وف])?(?:فرق\w*|لتفريق|طوق\w*|اعتقل\w*|قتل\w*|اطلق\w*|احاط\w*|مقتل|"
                    r"اصيب\w*|جرح\w*|اشتبك\w*|اشتباكات|مواجهات|الشغب)(?![\w])")
_PROTEST_NOT = re.compile(r"(?<![\w])(?:[وف])?(?:منع\w*|دعا|دعت|دعوه|يعتزم|تعتزم|سبق|ستنظم|سيتظاهر\w*)(?![\w])")
# What the learned detector reads beside the assault rules (dev rows: the annotators said no to an attack told as
# the background of other news — "غداة هجوم", "بعد التفجير", "الذي اغتيل لاحقا", a trial, a claim of
# responsibility): a background marker, a toll, an attack verb told first.
_ASSAULT_BACKGROUND = re.compile(r"(?<![\w])(?:[وف])?(?:غداه|بعد|عقب|اثر|منذ|ذكري|لاحقا|الذي|التي|الذين|مسووليه|"
                                 r"تبني\w*|تبنت|محاكمه|المتهم\w*|المشتبه|متهم\w*|ادين|حكم|اعدام|سجن)(?![\w])")
_ASSAULT_TOLL = re.compile(r"(?<![\w])(?:[وف])?(?:قتيل\w*|قتلي|جرحي|مصرع\w*|اصابه|اصيب\w*|مقتل|حتفه\w*|"
                           r"جريح\w*)(?![\w])")
_ASSAULT_VERB = re.compile(r"(?<![\w])(?:[وف])?(?:قتل\w{0,2}|اغتيل|اغتالت|اغتال|هاجم\w{0,2}|قصف\w{0,2}|انفجر\w?|"
                           r"فجر|اطلق\w{0,2}|خطف\w{0,2}|اختطف\w{0,2}|اقتحم\w{0,2}|استهدف\w{0,2}|لقي|سقط|"
                           r"اصيب\w*|جرح|شن\w{0,2}|تعرض\w{0,2}|اسفر\w?)(?![\w])")
ASSAULT_EARLY_WORDS = 5
# How many words may come before the gathering verb for it to be told first (set on the dev rows).
PROTEST_EARLY_WORDS = 6


def _gathering(text: str) -> re.Match[str] | None:
    """The first gathering verb of the main clause of a normalised sentence."""
    for m in _GATHER.finditer(text):
        before = text[:m.start()].split()
        if before and (before[-1] in _RELATIVE or before[-1] in _NOUN_BEFORE):
            continue  # "الذين تجمعوا": a relative clause; "خلال تجمع", "أكبر تجمع": the noun
        after = " ".join(text[m.end():].split()[:NOUN_AFTER_WORDS])
        if m.group(0).lstrip("وف") in _GATHER_WITH_NOUN and not _PROTEST_NOUN.search(after):
            continue
        return m
    return None


def _told_first(text: str) -> bool:
    """An attack verb among the first words of a normalised sentence ("قتل ثلاثة ...", "وهاجم مسلحون ...")."""
    m = _ASSAULT_VERB.search(text)
    return m is not None and len(text[:m.start()].split()) <= ASSAULT_EARLY_WORDS


def _protest_act(text: str) -> tuple[bool, bool, bool]:
    """(a main-clause gathering with a protest word, told first in its sentence, with its purpose)."""
    m = _gathering(text)
    if m is None or not _PROTEST_NOUN.search(text):
        return False, False, False
    return True, len(text[:m.start()].split()) <= PROTEST_EARLY_WORDS, bool(_PROTEST_PURPOSE.search(text))


# Shortest sentence read (characters): a heading or a fragment says nothing.
MIN_CHARS = 30


def detect(sentence: str) -> frozenset[str]:
    """The PLOVER types ("ASSAULT", "PROTEST") the sentence reports as acts that took place."""
    text = normalize_for_matching(sentence)
    if len(text) < MIN_CHARS or _NOT_AN_ACT.search(text):
        return frozenset()
    out = set()
    if _ASSAULT.search(text) and _ASSAULT_ACT.search(text):
        out.add("ASSAULT")
    gathered, early, purpose = _protest_act(text)
    if gathered and (early or purpose) and not _PROTEST_NOT.search(text):
        out.add("PROTEST")
    return frozenset(out)


def rule_features(sentences: Sequence[str]) -> Any:
    """Rows (``len(sentences)`` x ``len(RULE_FEATURES)``, float32 0/1) of what the rules see in each sentence:
    an assault trigger, an assault act, a protest trigger, a protest act, a sign of no act, the rules' two
    verdicts, then what a protest is told with (a main-clause gathering, told first, its purpose, a crowd, a
    clash, a call or ban) and what an assault is (told as background, with a toll, told first). The detector
    (``classify``) reads them beside the embedding and the hashed words."""
    rows = []
    for sentence in sentences:
        text = normalize_for_matching(sentence)
        verdict = detect(sentence)
        gathered, early, purpose = _protest_act(text)
        rows.append([bool(_ASSAULT.search(text)), bool(_ASSAULT_ACT.search(text)), bool(_PROTEST.search(text)),
                     bool(_PROTEST_ACT.search(text)), bool(_NOT_AN_ACT.search(text)), "ASSAULT" in verdict,
                     "PROTEST" in verdict, gathered, early, purpose, bool(_CROWD.search(text)),
                     bool(_CLASH.search(text)), bool(_PROTEST_NOT.search(text)),
                     bool(_ASSAULT_BACKGROUND.search(text)), bool(_ASSAULT_TOLL.search(text)), _told_first(text)])
    return np.asarray(rows, dtype=np.float32).reshape(len(rows), len(RULE_FEATURES))


RULE_FEATURES = ("assault_trigger", "assault_act", "protest_trigger", "protest_act", "no_act", "rules_assault",
                 "rules_protest", "protest_gathering", "protest_told_first", "protest_purpose", "crowd", "clash",
                 "protest_not_an_act", "assault_background", "assault_toll", "assault_told_first")
WEIGHTS = "data/events/arabic_gsr.npz"


class DetectorError(RuntimeError):
    """The detector's weights are missing or unreadable."""


@dataclass(frozen=True, slots=True)
class Detector:
    """One logistic head per type over [USE embedding, hashed words, rule features x rule_scale]."""

    labels: tuple[str, ...]
    weights: Any  # (d, k)
    bias: Any  # (k,)
    thresholds: Any  # (k,)
    hash_dim: int
    rule_scale: Any  # (k,): the weight of the rule features in each head's input

    def probabilities(self, vectors: Any, words: Any, rules: Any) -> Any:
        out = np.zeros((len(vectors), len(self.labels)), dtype=np.float32)
        for k in range(len(self.labels)):
            x = np.hstack([vectors, words, rules * self.rule_scale[k]]).astype(np.float32)
            out[:, k] = 1.0 / (1.0 + np.exp(-np.clip(x @ self.weights[:, k] + self.bias[k], -30, 30)))
        return out


@lru_cache(maxsize=1)
def load_detector() -> Detector:
    """The detector's weights (``tools/train_arabic_gsr.py`` writes them); ``DetectorError`` if unreadable."""
    fix = "reinstall recoupe or re-run tools/train_arabic_gsr.py"
    try:
        raw = (resources.files("recoupe") / WEIGHTS).read_bytes()
        with np.load(io.BytesIO(raw), allow_pickle=False) as z:
            detector = Detector(tuple(str(x) for x in z["labels"]), np.asarray(z["weights"], dtype=np.float32),
                                np.asarray(z["bias"], dtype=np.float32),
                                np.asarray(z["thresholds"], dtype=np.float32), int(z["hash_dim"]),
                                np.asarray(z["rule_scale"], dtype=np.float32))
    except Exception as exc:
        raise DetectorError(f"the Arabic assault/protest detector cannot be read ({type(exc).__name__}: {exc}); "
                            f"{fix}") from None
    k = len(detector.labels)
    if detector.weights.shape[1] != k or detector.bias.shape != (k,) or detector.thresholds.shape != (k,):
        raise DetectorError(f"the Arabic assault/protest detector has the wrong shape; {fix}")
    return detector


def classify(sentences: Sequence[str],
             encode: Callable[[Sequence[str]], Any] | None = None) -> list[frozenset[str]]:
    """The PLOVER types ("ASSAULT", "PROTEST") the learned detector reads in each sentence: those whose
    probability reaches its threshold (empty for a text shorter than ``MIN_CHARS``). ``encode``: the sentence
    encoder (default the USE encoder, ``crosscheck.stories.load_encoder``; the benchmark may pass one that reads
    a cache of its embeddings)."""
    from recoupe.crosscheck.stories import load_encoder
    from recoupe.understand.events._features import hashed

    detector = load_detector()
    keep = [i for i, s in enumerate(sentences) if len(s.strip()) >= MIN_CHARS]
    out: list[frozenset[str]] = [frozenset() for _ in sentences]
    if not keep:
        return out
    clean = [" ".join(sentences[i].split()) for i in keep]
    probs = detector.probabilities(np.asarray((encode or load_encoder())(clean), dtype=np.float32),
                                   hashed(clean, detector.hash_dim), rule_features(clean))
    for row, i in zip(probs, keep, strict=True):
        out[i] = frozenset(label for label, p, th in zip(detector.labels, row, detector.thresholds, strict=True)
                           if p >= th)
    return out
