"""Generate ``src/recoupe/kb/data/states.toml`` from pycountry: every country of ISO 3166-1, with its English
names (name, common name, official name) and their French and Arabic translations from pycountry's gettext
catalogues (``iso3166-1``).

    .venv/bin/pip install pycountry          # build time only; recoupe does not need it to run
    .venv/bin/python tools/build_states.py            # rewrite states.toml
    .venv/bin/python tools/build_states.py --check    # exit 1 if states.toml is not what pycountry gives

ISO names are often inverted ("Korea, Republic of", "Russie, Fédération de", "إيران، الجمهوريّة ..."):
the generator adds the natural order ("Republic of Korea", "Fédération de Russie") and the head alone
("Korea", "Russie") when the part after the comma is a form of government. Parenthesised parts become
their own aliases ("Falkland Islands (Malvinas)" -> "Falkland Islands", "Malvinas"). A form that two
countries share ("Congo", "Korea", "Îles Vierges") is marked ``ambiguous`` in both. A few translations that
pycountry gets wrong, and forms that are everyday words in the corpus languages ("réunion", "grenade"), are
left out (``DROP`` below, each with its reason).

Demonyms, capitals, metonyms and usual names (Russia, Turkey, Ivory Coast...) are hand-written in
``states_overlay.toml``, which the loader merges over this file (same ids: lists extend, scalars replace).
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "recoupe" / "kb" / "data" / "states.toml"

# Forms not to emit, by alpha-3, with why.
DROP: dict[str, dict[str, str]] = {
    "MDA": {"المالديف": "pycountry's Arabic for the common name 'Moldova' is the Maldives"},
    "VAT": {"المقعد المقدّس": "pycountry's Arabic for 'Holy See' is a word-for-word mistranslation"},
    "SYR": {"Syrienne": "head of the inverted French name, but a demonym, not a name of the state"},
    "TWN": {"محافظة صينيّة": "tail of the inverted Arabic name: 'a Chinese province', not a name"},
    "REU": {"Réunion": "'réunion' (meeting) is one of the commonest words of French defence news"},
    "GRD": {"Grenade": "'grenade' is a weapon; French for Grenada only in context"},
    "CXR": {"Christmas": "head of the inverted French name; an everyday English word"},
    "CCK": {"Cocos": "head of the inverted French name; too short to name the territory alone"},
    "MAF": {"partie française": "parenthesised qualifier, not a name"},
    "SXM": {"partie néerlandaise": "parenthesised qualifier, not a name"},
}
# Canonical English name when pycountry's is one of the dropped forms.
NAME: dict[str, str] = {"REU": "Réunion Island"}
# Territories with no government of their own to code an actor by (no sector).
NO_SECTOR: dict[str, str] = {
    "ESH": "non-self-governing territory whose status is disputed between Morocco and the Polisario Front",
    "ATA": "no state: governed by the Antarctic Treaty",
}
# Parenthesised parts that are qualifiers, not names.
_QUALIFIER = re.compile(r"\b(?:part|partie)\b|القطاع|الجزء|^Keeling$")
# What follows the comma of an inverted name when it is a form of government (or "Îles").
_INVERSION_TAIL = re.compile(
    r"^(?:the\s+)?(?:republic|république|state|état|etat|islamic|democratic|federated|fédération|"
    r"îles?|united|plurinational|bolivarian|états fédérés)\b",
    re.IGNORECASE,
)
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_ARTICLE = re.compile(r"^(?:(?:le|la|les|the)\s+|l['’])(?=\S)", re.IGNORECASE)


def _translators() -> tuple[str, Callable[[str], str], Callable[[str], str]]:
    import pycountry

    locales = pycountry.LOCALES_DIR
    fr = gettext.translation("iso3166-1", locales, languages=["fr"])
    ar = gettext.translation("iso3166-1", locales, languages=["ar"])
    version = getattr(pycountry, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version

        version = dist_version("pycountry")
    return str(version), fr.gettext, ar.gettext


def _forms(name: str) -> list[str]:
    """The forms one ISO name gives: itself, without its parentheses, the parenthesised part, and for an
    inverted name its natural order and its head."""
    out = [name]
    paren = re.search(r"\s*\(([^)]*)\)", name)
    base = name
    if paren:
        base = (name[: paren.start()] + name[paren.end():]).strip()
        out.append(base)
        if not _QUALIFIER.search(paren.group(1)):
            out.append(paren.group(1).strip())
    for comma in (", ", "، "):
        if comma in base:
            head, tail = base.split(comma, 1)
            if comma == "، ":
                out.append(tail)  # Arabic: the tail is a full name ("الجمهوريّة الإسلاميّة الإيرانيّة")
            elif _INVERSION_TAIL.match(tail):
                joined = tail + head if tail.endswith("'") else f"{tail} {head}"
                out.append(re.sub(r"^the\s+", "", joined, flags=re.IGNORECASE))
            out.append(head)
            break
    return [re.sub(r"^the\s+", "", f, flags=re.IGNORECASE).strip() for f in out if f.strip()]


def _key(form: str) -> str:
    """Collision key: the loader's normalise() without importing recoupe (accents, case, dashes folded)."""
    text = "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))
    text = re.sub(r"[\-‐‑‒–—―]+", " ", text.replace("’", "'").replace("\u0640", "")).casefold()
    text = " ".join(text.split())
    return re.sub(r"^(?:(?:le|la|les|the)\s+|l')(?=\S)", "", text) or text


@dataclass
class Country:
    id: str
    name: str
    aliases: list[str]
    alpha_2: str
    numeric: str
    ambiguous: list[str] = field(default_factory=list)
    shared_with: list[str] = field(default_factory=list)


def collect() -> tuple[str, list[Country]]:
    """pycountry's version and every country with its forms."""
    import pycountry

    version, fr, ar = _translators()
    countries: list[Country] = []
    for country in sorted(pycountry.countries, key=lambda c: str(c.alpha_3)):
        code = str(country.alpha_3)
        names = [str(n) for n in (getattr(country, f, None) for f in ("name", "common_name", "official_name")) if n]
        forms: list[str] = []
        for name in names:
            forms.extend(_forms(name))
        for name in names:
            forms.extend(_forms(fr(name)))
        for name in names:
            arabic = ar(name)
            if _ARABIC.search(arabic):
                forms.extend(_forms(arabic))
        drop = DROP.get(code, {})
        aliases = list(dict.fromkeys(f for f in forms if f not in drop))
        # "L'État de Palestine" beside "État de Palestine": keep the form without its article.
        aliases = [f for f in aliases if _ARTICLE.sub("", f) == f or _ARTICLE.sub("", f) not in aliases]
        common = getattr(country, "common_name", None)
        canonical = NAME.get(code) or (str(common) if common else None) or next(
            (f for f in _forms(str(country.name))[1:] if ", " not in f and "(" not in f), str(country.name))
        countries.append(Country(id=code, name=canonical, aliases=aliases,
                                 alpha_2=str(country.alpha_2), numeric=str(country.numeric)))
    # Forms two countries share are ambiguous in both.
    owners: dict[str, set[str]] = {}
    for entry in countries:
        for form in [entry.name, *entry.aliases]:
            owners.setdefault(_key(form), set()).add(entry.id)
    for entry in countries:
        entry.ambiguous = [f for f in entry.aliases if len(owners[_key(f)]) > 1]
        entry.shared_with = sorted({o for f in entry.ambiguous for o in owners[_key(f)]} - {entry.id})
    return version, countries


def _toml(value: str | Iterable[str]) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"


def render() -> str:
    """The text of states.toml."""
    version, countries = collect()
    lines = [
        f"# GENERATED by tools/build_states.py from pycountry {version}: do not edit by hand.",
        "# Every country of ISO 3166-1 with its English names and pycountry's French and Arabic translations.",
        "# Hand-written additions (demonyms, capitals, metonyms, usual names) go in states_overlay.toml.",
        "",
    ]
    source = (f"pycountry {version}: ISO 3166-1 name, common and official names, "
              "French and Arabic from its iso3166-1 gettext translations")
    for entry in countries:
        lines += [
            "[[entity]]",
            f"id = {_toml(entry.id)}",
            'type = "GPE"',
            f"name = {_toml(entry.name)}",
            f"country = {_toml(entry.id)}",
            *([f"# no sector: {NO_SECTOR[entry.id]}"] if entry.id in NO_SECTOR else ['sector = "GOV"']),
            f"iso_alpha_2 = {_toml(entry.alpha_2)}",
            f"iso_numeric = {_toml(entry.numeric)}",
            f"aliases = {_toml(entry.aliases)}",
        ]
        if entry.ambiguous:
            lines.append(f"ambiguous = {_toml(entry.ambiguous)}  # shared with {', '.join(entry.shared_with)}")
        for form, why in DROP.get(entry.id, {}).items():
            lines.append(f"# left out: {form} ({why})")
        lines += [f"source = {_toml(source)}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file differs from what pycountry gives")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            sys.stderr.write(f"{args.output} is out of date: run tools/build_states.py\n")
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {args.output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
