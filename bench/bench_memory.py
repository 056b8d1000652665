"""Memory in the number of inputs: peak RSS of a whole run on 2,000 and on 20,000 tiny articles (target: the
larger within 1.2x of the smaller).

The articles are generated (seeded) from our own sentence templates, in French and English: a title, an
outlet and date line, two or three sentences about a visit, an agreement or a delivery between two states of
the knowledge base, and the outlet's footer (so the repeated-lines pass has furniture to find). Each carries its
number, so each is a distinct article. Each size runs in a fresh subprocess: a fresh store,
``Pipeline(store, Settings(...), release_models=True).run([folder])`` (as the CLI runs it) then ``export``;
recorded: ``ru_maxrss`` after the run and after the export, the seconds, and the report's counts. The ratio is
the larger size's peak over the smaller's.

Sentence embeddings are off by default (``--embeddings`` turns them on): encoding 20,000 leads costs about half
an hour on one core, and the vectors (1.5 KB an article) are not what this benchmark is about.

Usage: ``python bench/bench_memory.py [--sizes 2000,20000] [--embeddings] [--no-append]``. For a quick check on a
shared machine: ``--sizes 200,2000``. Appends one line ``"bench": "memory"`` to bench/results.jsonl.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import append, local_now  # noqa: E402

TARGET_RATIO = 1.2
SEED = 15

STATES_FR = (("du Maroc", "Rabat"), ("de la France", "Paris"), ("de l'Espagne", "Madrid"),
             ("de la Tunisie", "Tunis"), ("de l'Égypte", "Le Caire"), ("de la Turquie", "Ankara"),
             ("du Sénégal", "Dakar"), ("de l'Inde", "New Delhi"), ("du Portugal", "Lisbonne"),
             ("de la Grèce", "Athènes"), ("du Japon", "Tokyo"), ("de la Jordanie", "Amman"))
STATES_EN = (("Morocco", "Rabat"), ("France", "Paris"), ("Spain", "Madrid"), ("Tunisia", "Tunis"),
             ("Egypt", "Cairo"), ("Turkey", "Ankara"), ("Senegal", "Dakar"), ("India", "New Delhi"),
             ("Portugal", "Lisbon"), ("Greece", "Athens"), ("Japan", "Tokyo"), ("Jordan", "Amman"))
OUTLETS = ("Le Guetteur", "La Vigie du Sud", "Defence Notes", "The Harbour Post")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
# Sentences are put together from slots with many values, so that two articles seldom share five words in a row
# (as two real articles of different outlets): the near-copy search then sees what it sees on real text.
FR = {
    "who": ("Le ministre de la Défense", "Le chef d'état-major", "Le secrétaire d'État aux armées",
            "Le commandant de la marine", "Le directeur de l'armement", "Le conseiller militaire du président",
            "L'inspecteur général des armées", "Le chef de la cellule de coopération"),
    "did": ("a reçu", "s'est entretenu avec", "a accueilli", "a rencontré", "a déjeuné avec", "a visité avec"),
    "what": ("un accord de formation", "un contrat de maintenance", "une lettre d'intention", "un protocole d'échange",
             "un plan de manœuvres", "un programme de recherche", "une convention logistique"),
    "gear": ("drones de surveillance", "vedettes rapides", "radars côtiers", "hélicoptères légers",
             "blindés de reconnaissance", "systèmes de brouillage", "avions d'entraînement", "camions tout-terrain"),
    "why": ("pour renforcer la sécurité des frontières", "afin de moderniser la flotte", "dans le cadre du plan "
            "quinquennal", "après deux années de négociation", "sans que le montant soit publié",
            "selon une source proche du dossier", "d'après le communiqué officiel"),
}
EN = {
    "who": ("The defence minister", "The army chief of staff", "The navy commander", "The head of procurement",
            "The deputy defence secretary", "The president's military adviser", "The air force chief",
            "The director of the joint staff"),
    "did": ("hosted", "met", "held talks with", "welcomed", "had lunch with", "toured a base with"),
    "what": ("a training agreement", "a maintenance contract", "a letter of intent", "an exchange protocol",
             "a joint exercise plan", "a research programme", "a logistics arrangement"),
    "gear": ("surveillance drones", "patrol boats", "coastal radars", "light helicopters", "scout vehicles",
             "jamming systems", "trainer aircraft", "field trucks"),
    "why": ("to tighten border security", "to modernise the fleet", "under the five-year plan",
            "after two years of talks", "with no price made public", "a source close to the talks said",
            "the official statement said"),
}


def article(n: int, rng: random.Random) -> str:
    """One tiny article of our own words; number ``n`` makes it distinct."""
    outlet = OUTLETS[n % len(OUTLETS)]
    year, month, day = 2018 + rng.randrange(6), rng.randrange(12), 1 + rng.randrange(28)
    french = outlet in ("Le Guetteur", "La Vigie du Sud")
    (a, city), (b, _) = rng.sample(STATES_FR if french else STATES_EN, 2)
    w = {k: rng.choice(v) for k, v in (FR if french else EN).items()}
    units = 2 + rng.randrange(400)
    if french:
        date = f"{day} {MONTHS_FR[month]} {year}"
        lines = [f"{w['what'].capitalize()} entre deux armées ({n})", f"{outlet} — {date}", "",
                 f"{w['who']} {a} {w['did']} son homologue {b} à {city} le {date}.",
                 f"Ils ont signé {w['what']} prévoyant {units} {w['gear']}, {w['why']}.",
                 f"Référence {n} de nos archives.", "",
                 f"© {outlet} — reproduction interdite sans accord écrit de la rédaction."]
    else:
        date = f"{MONTHS_EN[month]} {day}, {year}"
        lines = [f"{w['what'].capitalize()} between two armies ({n})", f"{outlet} — {date}", "",
                 f"{w['who']} of {a} {w['did']} a delegation from {b} in {city} on {date}.",
                 f"They signed {w['what']} covering {units} {w['gear']}, {w['why']}.",
                 f"Reference {n} of our archive.", "",
                 f"© {outlet} — no part of this page may be copied without our written consent."]
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int) -> int:
    """``count`` tiny article files in ``folder``; returns the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    total = 0
    for n in range(count):
        data = article(n, rng).encode("utf-8")
        (folder / f"{n:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def child(folder: Path, work: Path, embeddings: bool) -> dict[str, Any]:
    """One run into a fresh store, then export (inside a fresh subprocess)."""
    sys.path.insert(0, str(ROOT / "src"))
    from recoupe import Pipeline, Settings, Store, export

    t0 = time.perf_counter()
    with Store.open(work / "recoupe.duckdb") as store:
        # as the CLI runs it: the parsers unloaded before the cross-document stages
        report = Pipeline(store, Settings(embeddings=embeddings), release_models=True).run([folder])
        rss_run = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        export(store, work / "export")
    return {
        "inputs": report.inputs, "articles": report.articles, "new_articles": report.new_articles,
        "errors": len(report.errors), "seconds": round(time.perf_counter() - t0, 1),
        "peak_rss_run_mb": round(rss_run, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def measure(size: int, embeddings: bool, tmp: Path) -> dict[str, Any]:
    folder = tmp / f"in{size}"
    input_bytes = generate(folder, size)
    work = tmp / f"out{size}"
    work.mkdir()
    result = work / "result.json"
    command = [sys.executable, __file__, "--child", str(folder), "--child-work", str(work),
               "--child-result", str(result)] + (["--embeddings"] if embeddings else [])
    print(f"[bench_memory] {size} inputs ({input_bytes / 1e6:.1f} MB): running", flush=True)
    proc = subprocess.run(command, check=False)
    if proc.returncode != 0:
        return {"size": size, "failed": f"exit {proc.returncode}"}
    record: dict[str, Any] = {"size": size, "input_bytes": input_bytes,
                              **json.loads(result.read_text(encoding="utf-8"))}
    print(f"[bench_memory] {size} inputs: peak RSS {record['peak_rss_mb']:.0f} MB "
          f"({record['seconds']:.0f} s)", flush=True)
    return record


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="2000,20000", help="comma-separated input counts (default 2000,20000)")
    parser.add_argument("--embeddings", action="store_true", help="compare leads with sentence embeddings too")
    parser.add_argument("--no-append", action="store_true", help="print the record, do not append it")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-work", help=argparse.SUPPRESS)
    parser.add_argument("--child-result", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        out = child(Path(args.child), Path(args.child_work), args.embeddings)
        Path(args.child_result).write_text(json.dumps(out), encoding="utf-8")
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="recoupe-bench-memory-") as tmp:
        runs = [measure(size, args.embeddings, Path(tmp)) for size in sizes]
    record: dict[str, Any] = {
        "date": local_now(), "bench": "memory",
        "embeddings": args.embeddings, "runs": runs, "target_ratio": TARGET_RATIO,
    }
    ok = [r for r in runs if "peak_rss_mb" in r]
    if len(ok) >= 2:
        small, large = min(ok, key=lambda r: r["size"]), max(ok, key=lambda r: r["size"])
        record["ratio"] = round(large["peak_rss_mb"] / small["peak_rss_mb"], 3)
        print(f"[bench_memory] peak RSS {large['size']} / {small['size']} inputs = {record['ratio']:.2f} "
              f"(target <= {TARGET_RATIO})")
    if args.no_append:
        print(json.dumps(record, indent=1))
    else:
        append(record)


if __name__ == "__main__":
    main()
