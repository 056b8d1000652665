"""Which language a text in the Arabic script is written in, and whether a text mixes scripts.

Persian and Urdu share the Arabic script but not its words: read as Arabic, their dates, names and furniture
would be misread. Each has letters Arabic does not use — Persian پ چ ژ گ and the Persian forms ی ک, Urdu
also ٹ ڈ ڑ ں ے ھ and the full stop ۔ — while Arabic has ة and the Arabic ي ك that Persian keyboards do
not type. ``script_language`` counts them; the language identifier's guess is corrected when the letters
contradict it, and a text is flagged as mixed when Arabic and Latin letters both hold a real share of it.

    >>> script_language("وزیر دفاع ایران روز سه‌شنبه با همتای روسی خود دیدار کرد")
    'fa'
    >>> script_language("التقى وزير الدفاع الإيراني نظيره الروسي في طهران")
    'ar'
"""

from __future__ import annotations

from recoupe.understand.arabic_text import is_arabic_letter

_PERSIAN = frozenset("پچژگیک")  # U+067E U+0686 U+0698 U+06AF U+06CC U+06A9
_URDU = frozenset("ٹڈڑںےھۃ۔")  # U+0679 U+0688 U+0691 U+06BA U+06D2 U+06BE U+06C3 U+06D4
_ARABIC = frozenset("ةيكى")  # U+0629 U+064A U+0643 U+0649
# A text is Persian or Urdu when that many of its Arabic-script letters are the language's own and they
# outnumber the Arabic-only ones. Set on our own test sentences (tests/test_bad_input_arabic.py): Persian news
# sentences hold 8-15 % of the Persian letters, Arabic ones none (apart from a loan name, under 1 %).
MIN_OWN_LETTER_SHARE = 0.03
# A text is mixed when each script holds at least this share of its letters (an Arabic article quoting a
# French paragraph; a French one with an Arabic headline); a Latin name or acronym in Arabic text is not.
MIXED_SHARE = 0.2


def script_language(text: str) -> str | None:
    """"fa", "ur" or "ar" for a text mostly in the Arabic script, by its letters; None for other texts."""
    arabic = persian = urdu = arabic_only = letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        if is_arabic_letter(ch):
            arabic += 1
            persian += ch in _PERSIAN
            urdu += ch in _URDU
            arabic_only += ch in _ARABIC
    if letters == 0 or arabic < 0.5 * letters:
        return None
    if urdu >= MIN_OWN_LETTER_SHARE * arabic and urdu > arabic_only:
        return "ur"
    if persian + urdu >= MIN_OWN_LETTER_SHARE * arabic and persian + urdu > arabic_only:
        return "fa"
    return "ar"


def script_shares(text: str) -> tuple[float, float]:
    """(Arabic-script share, Latin share) of the letters of ``text``."""
    arabic = latin = letters = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if is_arabic_letter(ch):
                arabic += 1
            elif ch.isascii() or "\u00c0" <= ch <= "\u024f":
                latin += 1
    return (arabic / letters, latin / letters) if letters else (0.0, 0.0)


def refine_language(text: str, guess: str) -> tuple[str, list[str]]:
    """The language of ``text`` given the identifier's ``guess``, and warnings: Persian or Urdu in the Arabic
    script is flagged and never read as Arabic; a text mixing Arabic and Latin script is flagged."""
    warnings: list[str] = []
    by_letters = script_language(text)
    lang = guess
    if by_letters in ("fa", "ur") and guess == "ar":
        lang = by_letters
    elif by_letters == "ar" and guess in ("fa", "ur"):
        lang = "ar"  # Arabic letters only (ة, ي, ك): a short Arabic text the identifier took for Persian
    if lang in ("fa", "ur"):
        name = {"fa": "Persian", "ur": "Urdu"}[lang]
        warnings.append(f"{name} ({lang}) text in the Arabic script: not read as Arabic (no Arabic rules, "
                        "no entities, events or dates from its body)")
    arabic, latin = script_shares(text)
    if arabic >= MIXED_SHARE and latin >= MIXED_SHARE:
        warnings.append(f"mixed scripts: {arabic:.0%} Arabic, {latin:.0%} Latin letters; read as '{lang}', "
                        "each paragraph keeps its own language")
    return lang, warnings
