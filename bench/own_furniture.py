"""Page furniture and publication dates on pages in our own words, in template shapes no rule was read from.

    PYTHONPATH=src /work/main/.venv/bin/python bench/own_furniture.py [--set holdout|tuning] [--verbose]

Each page of ``own_furniture_holdout.PAGES`` (frozen before the system was run on it: measured, never tuned on) or
``own_furniture_tuning.PAGES`` (the set that fixes are made on) is cleaned as a run cleans a text
(``clean.clean_text``) and scored as ``../shared/tools/score.py`` scores the press corpus: a body line (``T|``,
``B|``) is kept when the cleaned text holds it; a furniture line (``F|``) is removed when the cleaned text does not
hold it (as a line when shorter than 25 characters, anywhere otherwise); the title is right when it equals the
``T|`` line; the publication date is right when it is the page's day (or null when the page gives none) and wrong
when it is another day. The ``DATELINES`` cases are read by ``metadata.publication_date`` alone (a dateline as the
header pass hands it over). Figures by language; ``--verbose`` lists each miss.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from recoupe.read import clean, metadata  # noqa: E402

SHORT_LINE = 25  # as score.py: a shorter furniture line must not stand as a line; a longer one nowhere in the text


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def parse(text: str) -> list[tuple[str, str]]:
    """The page's lines as (tag, line); a blank line has the tag ''."""
    out: list[tuple[str, str]] = []
    for raw in text.strip("\n").split("\n"):
        if not raw.strip():
            out.append(("", ""))
            continue
        tag, _, line = raw.partition("|")
        if tag not in ("T", "B", "F"):
            raise ValueError(f"untagged line: {raw!r}")
        out.append((tag, line))
    return out


def score_pages(pages: list[tuple[str, str, str | None, str]]) -> dict[str, Any]:
    by_lang: dict[str, dict[str, Any]] = {}
    for page_id, lang, published, text in pages:
        tagged = parse(text)
        page = clean.clean_text("\n".join(line for _, line in tagged))
        out_text = norm("\n".join(page.lines))
        out_lines = {norm(x) for x in page.lines}
        f = by_lang.setdefault(lang, {"body": 0, "kept": 0, "furniture": 0, "removed": 0, "titles": 0,
                                      "titles_right": 0, "dates": 0, "dates_right": 0, "dates_wrong": 0,
                                      "misses": []})
        for tag, line in tagged:
            key = norm(line)
            if not key:
                continue
            if tag in ("T", "B"):
                f["body"] += 1
                if key in out_text:
                    f["kept"] += 1
                else:
                    f["misses"].append(f"{page_id}: body lost: {line[:70]}")
            else:
                f["furniture"] += 1
                present = key in out_lines if len(key) < SHORT_LINE else key in out_text
                if present:
                    f["misses"].append(f"{page_id}: furniture kept: {line[:70]}")
                else:
                    f["removed"] += 1
        title = next((line for tag, line in tagged if tag == "T"), None)
        if title:
            f["titles"] += 1
            if page.title and norm(page.title) == norm(title):
                f["titles_right"] += 1
            else:
                f["misses"].append(f"{page_id}: title {page.title!r}")
        f["dates"] += 1
        value = page.published.value
        if value == published:
            f["dates_right"] += 1
        else:
            f["dates_wrong"] += value is not None
            f["misses"].append(f"{page_id}: published {value!r} want {published!r}")
    return by_lang


def score_datelines(cases: list[tuple[str, str, str | None]]) -> dict[str, Any]:
    by_lang: dict[str, dict[str, Any]] = {}
    for lang, line, want in cases:
        got = metadata.publication_date(metadata=None, prefix=None, datelines=[line], url=None).value
        f = by_lang.setdefault(lang, {"n": 0, "right": 0, "wrong": 0, "misses": []})
        f["n"] += 1
        if got == want:
            f["right"] += 1
        else:
            f["wrong"] += got is not None
            f["misses"].append(f"{line!r}: {got!r} want {want!r}")
    return by_lang


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=("holdout", "tuning"), default="tuning")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    module = importlib.import_module(f"bench.own_furniture_{args.set}")
    pages = score_pages(module.PAGES)
    datelines = score_datelines(module.DATELINES)
    if args.json:
        print(json.dumps({"pages": pages, "datelines": datelines}, ensure_ascii=False))
        return 0
    total = {k: sum(f[k] for f in pages.values()) for k in ("body", "kept", "furniture", "removed", "titles",
                                                               "titles_right", "dates", "dates_right", "dates_wrong")}
    for lang, f in [*sorted(pages.items()), ("all", total)]:
        print(f"{args.set} {lang:<3} body kept {f['kept'] / max(1, f['body']):.3f} ({f['kept']}/{f['body']})  "
              f"furniture removed {f['removed'] / max(1, f['furniture']):.3f} ({f['removed']}/{f['furniture']})  "
              f"titles {f['titles_right']}/{f['titles']}  dates {f['dates_right']}/{f['dates']} "
              f"wrong {f['dates_wrong']}")
    for lang, d in sorted(datelines.items()):
        print(f"{args.set} datelines {lang}: right {d['right']}/{d['n']}  wrong {d['wrong']}")
    if args.verbose:
        for f in [*pages.values(), *datelines.values()]:
            for miss in f["misses"]:
                print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
