#!/usr/bin/env python3
"""Throughput of English extraction on ACLED's Syria notes (short texts): rows/s.

Each row's notes (minus the coder's closing "N fatalities." sentence, as `score.py acled-prepare`
cuts it) is one article, read where it is in ../shared (nothing is copied). The gazetteer is
loaded first and timed apart; then every note is normalized and extracted in process, as
`vigie extract` does. The target (issue 3) is at least 200 rows/s on a 2-core machine.

    python benchmarks/acled_throughput.py [--csv FILE] [--limit N]

Prints a small table, then one JSON line. Skips (exit 0) when the file is absent.
"""
from __future__ import annotations

import argparse
import csv
import json
import platform
import re
import resource
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "acled" / "syria_battles_2017-2023.dev.csv"
# the coder's fatality sentence, as score.py removes it ("3 fatalities.", "1 fatality.")
CODING_NOTE = re.compile(r"\bfatalit(?:y|ies)\b", re.I)


def notes(path: Path, limit: int | None) -> list:
    """One Article per ACLED row: its notes, published on its event date."""
    from vigie.models import Article
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not row.get("notes"):
                continue
            sentences = re.split(r"(?<=[.!?])\s+", row["notes"].strip())
            text = " ".join(s for s in sentences if not (CODING_NOTE.search(s) and len(s.split()) <= 8))
            day = datetime.strptime(row["event_date"], "%d %B %Y").date()
            out.append(Article(id=row["event_id_cnty"], text=text, published=day, lang="en"))
            if limit and len(out) >= limit:
                break
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    if not args.csv.is_file():
        print(f"{args.csv} is absent: nothing to measure")
        return 0
    sys.path.insert(0, str(ROOT))
    articles = notes(args.csv, args.limit)
    t = time.perf_counter()
    from vigie.pipeline import Resources, run
    res = Resources.default()
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    events = sum(len(ev or ()) for _, ev in run(articles, res))
    run_s = time.perf_counter() - t
    figures = {"rows": len(articles), "events": events, "load_s": round(load_s, 2),
               "extract_s": round(run_s, 2), "rows_per_s": round(len(articles) / run_s, 1),
               "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
               "python": platform.python_version(), "machine": platform.machine()}
    for k, v in figures.items():
        print(f"{k:>12}  {v}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
