#!/usr/bin/env python3
"""Throughput of `vigie ingest` on the 469 French articles of ../shared/data/mlcrisis_fr.

Two measures of the same work, each into a fresh temporary database:
- in process, through the library (`vigie.ingest.ingest`): articles/s and words/s, model loading
  timed apart;
- the CLI in a subprocess (`vigie ingest ARTICLES.jsonl`): wall time, start-up included, and the
  child's peak RSS (getrusage ru_maxrss).

    python benchmarks/throughput.py [--shared ../shared] [--limit N]

Prints a small table, then one JSON line. Skips (exit 0) when ../shared is absent.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ("syria", "libya", "egypt", "yemen")   # the `reference` folder is not articles


def corpus(shared: Path, limit: int | None = None) -> list:
    """The articles, published on their folder's date, ids unique across folders."""
    from vigie.ingest import read_articles
    articles = []
    for country in COUNTRIES:
        for folder in sorted((shared / "data/mlcrisis_fr/fr" / country).iterdir()):
            if not folder.is_dir():
                continue
            day = date.fromisoformat(folder.name)
            files = sorted(str(p) for p in folder.glob("*.txt"))
            for a in read_articles(files, published=day, lang="fr", errors=lambda e: None):
                # file names repeat across folders (ext_137.txt): qualify the id
                articles.append(replace(a, id=f"{country}/{folder.name}/{a.id}"))
    return articles[:limit] if limit else articles


def in_process(articles: list) -> dict:
    """Ingest through the library; model loading timed apart from the articles."""
    from vigie.ingest import ingest
    from vigie.pipeline import Resources
    from vigie.store import Store
    t0 = time.perf_counter()
    res = Resources.default()
    load_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        t1 = time.perf_counter()
        summary = ingest(articles, store, res)
        seconds = time.perf_counter() - t1
        counts = store.counts()
    words = sum(len(a.text.split()) for a in articles)
    return {"articles": len(articles), "stored": summary.articles,
            "duplicates_skipped": summary.skipped, "events": counts["events"],
            "load_s": round(load_s, 2), "seconds": round(seconds, 2),
            "articles_per_s": round(len(articles) / seconds, 2),
            "words_per_s": round(words / seconds), "words": words,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def cli(articles: list) -> dict:
    """`vigie ingest` in a subprocess: wall time and the child's peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        with open(source, "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({"id": a.id, "text": a.text, "lang": a.lang,
                                    "published": a.published.isoformat()}, ensure_ascii=False) + "\n")
        cmd = [sys.executable, "-m", "vigie.cli", "ingest", str(source),
               "--db", str(Path(tmp) / "cli.db"), "--quiet"]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"vigie ingest failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    # ru_maxrss is in KiB on Linux; RUSAGE_CHILDREN: the largest child waited for so far
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"wall_s": round(wall, 2), "articles_per_s": round(len(articles) / wall, 2),
            "peak_rss_mb": round(rss_kb / 1024)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder")
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick look)")
    parser.add_argument("--no-cli", action="store_true", help="skip the subprocess measure")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "data/mlcrisis_fr/fr").is_dir():
        print(f"skipped: {shared}/data/mlcrisis_fr is absent")
        return 0
    articles = corpus(shared, args.limit)
    lib = in_process(articles)
    run = None if args.no_cli else cli(articles)
    rows = [("articles", lib["articles"], "words", lib["words"]),
            ("stored", lib["stored"], "dup. skipped", lib["duplicates_skipped"]),
            ("events stored", lib["events"], "model load (s)", lib["load_s"]),
            ("library: articles/s", lib["articles_per_s"], "words/s", lib["words_per_s"]),
            ("library: seconds", lib["seconds"], "peak RSS (MB)", lib["peak_rss_mb"])]
    if run:
        rows.append(("CLI: wall (s)", run["wall_s"], "articles/s", run["articles_per_s"]))
        rows.append(("CLI: peak RSS (MB)", run["peak_rss_mb"], "", ""))
    for a, b, c, d in rows:
        print(f"{a:<22}{b!s:>10}    {c:<16}{d!s:>10}")
    print(json.dumps({"benchmark": "throughput", "machine": platform.machine(),
                      "python": platform.python_version(), "library": lib, "cli": run}))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
