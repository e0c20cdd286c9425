#!/usr/bin/env python3
"""Incremental resolution on the GVA gun-violence articles: 10 batches against one run.

Ingests ../shared/data/gva_incidents/gva_articles_by_incident.jsonl (6,335 local-news reports of
3,659 incidents) three times, each into a fresh temporary database:
- in one run, resolution on;
- in 10 batches of equal size, resolution on: time per batch and time spent resolving per article,
  against the number of events already stored;
- in one run, resolution off: the throughput it costs.

Then scores the grouping of articles by shared events as `score.py gva` does (B-cubed F1 against the
incidents, incident_killed_exact) for the one run and for the batches.

    python benchmarks/gva_batches.py [--shared ../shared] [--limit N] [--batches 10]

Prints a table, then one JSON line. Skips (exit 0) when ../shared is absent.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(path: Path, limit: int | None = None) -> list:
    """The articles as `score.py gva-prepare` writes them: title, blank line, content."""
    from vigie.models import Article
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out.append(Article(id=r["doc_id"], text=(r.get("title") or "") + "\n\n" + (r.get("content") or ""),
                                   published=date.fromisoformat(r["dct"]) if r.get("dct") else None,
                                   lang="en", title=r.get("title"), url=r.get("uri")))
    return out[:limit] if limit else out


class Timed:
    """Wraps resolve.resolve to add up the time spent resolving (reads and decisions, no extraction)."""

    def __init__(self, fn):
        self.fn, self.seconds, self.calls = fn, 0.0, 0

    def __call__(self, *args):
        t = time.perf_counter()
        try:
            return self.fn(*args)
        finally:
            self.seconds += time.perf_counter() - t
            self.calls += 1


def run(articles: list, res, batches: int, resolve: bool = True) -> tuple[list[dict], list[dict]]:
    """Ingest in `batches` equal parts; the stored events and one row of timings per batch."""
    from vigie import resolve as resolve_module
    from vigie.ingest import ingest
    from vigie.store import Store
    rows = []
    original = resolve_module.resolve
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "gva.db") as store:
        size = -(-len(articles) // batches)
        try:
            for i in range(batches):
                part = articles[i * size:(i + 1) * size]
                before = store.counts()["events"]
                timed = resolve_module.resolve = Timed(original)
                t = time.perf_counter()
                ingest(part, store, res, resolve=resolve)
                seconds = time.perf_counter() - t
                rows.append({"batch": i + 1, "articles": len(part), "events_stored_before": before,
                             "seconds": round(seconds, 2), "articles_per_s": round(len(part) / seconds, 1),
                             "resolve_ms_per_article": round(1000 * timed.seconds / max(timed.calls, 1), 2)})
        finally:
            resolve_module.resolve = original
        return store.events(), rows


def score(events: list[dict], gva_articles: Path, gva_incidents: Path, score_py: Path) -> dict:
    """`score.py gva`'s figures for these events."""
    sys.path.insert(0, str(score_py.parent))
    import score as shared_score
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for e in events:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    ns = argparse.Namespace(articles=str(gva_articles), incidents=str(gva_incidents), pred=f.name)
    import contextlib
    import io
    with contextlib.redirect_stdout(io.StringIO()):
        figures = shared_score.score_gva(ns)
    Path(f.name).unlink()
    return figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--batches", type=int, default=10)
    args = ap.parse_args()
    shared = Path(args.shared)
    data = shared / "data" / "gva_incidents"
    if not (data / "gva_articles_by_incident.jsonl").is_file():
        print(f"{data}: absent, nothing to measure")
        return 0
    sys.path.insert(0, str(ROOT))
    from vigie.pipeline import Resources
    res = Resources.default()
    articles = corpus(data / "gva_articles_by_incident.jsonl", args.limit)
    from vigie import pipeline
    for _ in pipeline.run(articles, res):
        pass    # warm the gazetteer's caches once, so that the three runs are timed alike
    _, off_rows = run(articles, res, 1, resolve=False)
    one, one_rows = run(articles, res, 1)
    batched, rows = run(articles, res, args.batches)
    figs = [score(ev, data / "gva_articles_by_incident.jsonl", data / "gva_incidents.jsonl",
                  shared / "eval" / "score.py") for ev in (one, batched)]
    same_ids = sorted(e["event_id"] for e in one) == sorted(e["event_id"] for e in batched)

    print(f"{len(articles)} articles, {platform.machine()} {platform.python_version()}\n")
    print("| batch | articles | events stored before | seconds | articles/s | resolve ms/article |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['batch']} | {r['articles']} | {r['events_stored_before']:,} | {r['seconds']} | "
              f"{r['articles_per_s']} | {r['resolve_ms_per_article']} |")
    print()
    print("| run | events | B-cubed P | B-cubed R | B-cubed F1 | incident_killed_exact | articles/s |")
    print("|---|---|---|---|---|---|---|")
    for name, ev, f, r in (("one run", one, figs[0], one_rows[0]), (f"{args.batches} batches", batched, figs[1], None)):
        speed = r["articles_per_s"] if r else round(len(articles) / sum(x["seconds"] for x in rows), 1)
        print(f"| {name} | {len(ev):,} | {f['bcubed_precision']} | {f['bcubed_recall']} | {f['bcubed_f1']} | "
              f"{f['incident_killed_exact']} | {speed} |")
    print(f"\nresolution off: {off_rows[0]['articles_per_s']} articles/s; same event ids in both runs: {same_ids}")
    print(json.dumps({"articles": len(articles), "one_run": figs[0], "batches": figs[1], "batch_rows": rows,
                      "same_event_ids": same_ids, "articles_per_s_resolution_on": one_rows[0]["articles_per_s"],
                      "articles_per_s_resolution_off": off_rows[0]["articles_per_s"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
