"""The `vigie` command: parse arguments, build what is needed, call one library function.

Exit codes: 0 ok; 1 some input could not be read (the rest was processed); 2 usage error;
130 interrupted (what was committed stays committed).
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import time
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import IO

from . import __version__
from .lang import SUPPORTED

DEFAULT_DB = "vigie.db"
EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal; counts are shown
    divided by `scale` (bytes counted, MB shown)."""

    def __init__(self, total: int, enabled: bool, stream: IO[str] | None = None, width: int = 30,
                 unit: str = "articles", scale: int = 1):
        # sys.stderr looked up now, not at import: tests and callers may have replaced it
        self.total, self.enabled, self.stream, self.width = total, enabled, stream or sys.stderr, width
        self.unit, self.scale = unit, scale
        self.done = 0
        self.start = time.monotonic()
        self.drawn = 0.0

    def __call__(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        # redraw at most 10 times a second: a terminal write per article slows small runs
        if self.enabled and (now - self.drawn > 0.1 or self.done >= self.total):
            self.drawn = now
            filled = self.width * self.done // max(self.total, 1)
            rate = self.done / max(now - self.start, 1e-9)
            self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] "
                              f"{self.done // self.scale}/{self.total // self.scale} {self.unit}  "
                              f"{rate / self.scale:.1f}/s ")
            self.stream.flush()

    def close(self) -> None:
        """Erase the bar so that the summary line starts clean."""
        if self.enabled and self.drawn:
            self.stream.write("\r" + " " * (self.width + 40) + "\r")
            self.stream.flush()


class Errors:
    """Reports input errors on stderr and counts them (warnings are shown, not counted)."""

    def __init__(self, stream: IO[str] | None = None):
        self.stream, self.count = stream or sys.stderr, 0

    def __call__(self, err) -> None:
        self.count += not err.warning
        self.stream.write(f"vigie: {err}\n")


def day(text: str) -> date:
    """argparse type: a YYYY-MM-DD date."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a YYYY-MM-DD date") from None


def version_text() -> str:
    """'vigie X' and the versions of the models and data it uses."""
    from . import pipeline
    found = []
    # the pipeline may declare the distributions it really loads; else our default list
    for name in pipeline.MODELS:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    from .nlp import describe
    return f"vigie {__version__}\nmodels: " + ", ".join(found) + f"\nspaCy models: {describe()}"


class VersionAction(argparse.Action):
    """--version, printed as is (argparse's own action rewraps the lines)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_text())
        parser.exit()


@contextlib.contextmanager
def _output(args):
    """The `-o FILE` of a command, closed at the end, else stdout (left open)."""
    if not args.output:
        yield sys.stdout
        return
    with open(args.output, "w", encoding="utf-8") as out:
        yield out


def show_progress(args) -> bool:
    """The bar is for people: not with --quiet, not when stderr goes to a file or pipe."""
    return not args.quiet and sys.stderr.isatty()


def read(args, errors: Errors) -> list:
    """Every article the arguments name; a run processes them together."""
    from .ingest import read_articles
    return list(read_articles(args.paths, published=args.published, lang=args.lang,
                              errors=errors))


# --- commands ---------------------------------------------------------------------------------

def cmd_extract(args) -> int:
    from . import pipeline
    from .export import write_jsonl
    started = time.monotonic()
    errors = Errors()
    articles = read(args, errors)
    progress = Progress(len(articles), show_progress(args))
    res = pipeline.Resources.default()
    with _output(args) as out, contextlib.closing(progress):
        # resolved across the run's articles, as `ingest` stores them: written at the end
        n = write_jsonl(pipeline.extract_all(articles, res, progress=progress,
                                             resolve=not args.no_resolve), out)
    if not args.quiet:
        sys.stderr.write(f"vigie: {len(articles)} articles, {n} events, {errors.count} errors"
                         f"{res.models_line()}, {time.monotonic() - started:.1f} s\n")
    return EXIT_INPUT if errors.count else EXIT_OK


def cmd_ingest(args) -> int:
    from .ingest import ingest
    from .pipeline import Resources
    from .store import Store
    started = time.monotonic()
    errors = Errors()
    articles = read(args, errors)
    progress = Progress(len(articles), show_progress(args))
    res = Resources.default()
    with Store(args.db) as store, contextlib.closing(progress):
        summary = ingest(articles, store, res, progress=progress, resolve=not args.no_resolve)
    summary.errors = errors.count
    if not args.quiet:
        print(f"vigie: {summary.line()}{res.models_line()} into {args.db} "
              f"({time.monotonic() - started:.1f} s)")
    return EXIT_INPUT if errors.count else EXIT_OK


def cmd_events(args) -> int:
    from .export import write_csv, write_jsonl, write_table
    from .store import Store
    if not Path(args.db).exists():
        sys.stderr.write(f"vigie: {args.db}: no such database (run `vigie ingest` first)\n")
        return EXIT_INPUT
    with Store(args.db) as store:
        events = store.events(since=args.since and args.since.isoformat(),
                              until=args.until and args.until.isoformat(),
                              type=args.type, country=args.country, limit=args.limit)
    writer = {"table": write_table, "jsonl": write_jsonl, "csv": write_csv}[args.format]
    writer(events, sys.stdout)
    if args.format == "table" and not events:
        sys.stderr.write("vigie: no events match\n")
    return EXIT_OK


def cmd_geocode(args) -> int:
    from .geocode import Gazetteer
    from .geocode_batch import geocode_all, read_queries
    started = time.monotonic()
    errors = Errors()
    queries = [q for path in args.paths for q in read_queries(path, errors)]
    progress = Progress(len(queries), show_progress(args), unit="queries")
    with _output(args) as out, contextlib.closing(progress):
        summary = geocode_all(Gazetteer.open(), queries, out, progress=progress)
    if not args.quiet:
        sys.stderr.write(f"vigie: {summary.queries} queries, {summary.found} found, {errors.count} errors "
                         f"({time.monotonic() - started:.1f} s)\n")
    return EXIT_INPUT if errors.count else EXIT_OK


def cmd_gazetteer_import(args) -> int:
    from .gazetteer_build import cache_dir
    from .gazetteer_import import IMPORTS_FILE, import_sources
    started = time.monotonic()
    errors = Errors()
    enabled = show_progress(args)
    from .gazetteer_lists import ListOptions
    options = ListOptions(dict(args.column or []), args.country)
    done = import_sources(args.sources, errors=errors, classes=args.feature_classes, options=options,
                          progress=lambda total: Progress(total, enabled, unit="MB", scale=2**20))
    if not args.quiet:
        for summary in done:
            sys.stderr.write(f"vigie: {summary.line()}\n")
        sys.stderr.write(f"vigie: into {cache_dir() / IMPORTS_FILE} ({time.monotonic() - started:.1f} s)\n")
    return EXIT_INPUT if errors.count or any(s.bad for s in done) else EXIT_OK


def column_option(text: str) -> tuple[str, str]:
    """argparse type: FIELD=HEADER of a place list."""
    from .gazetteer_lists import parse_column_option
    try:
        return parse_column_option(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def feature_classes(text: str) -> str:
    """argparse type: GeoNames feature class letters, e.g. P or PS."""
    letters = text.replace(",", "").upper()
    if not letters or set(letters) - set("AHLPRSTUV"):
        raise argparse.ArgumentTypeError(f"{text!r}: GeoNames feature classes are letters among AHLPRSTUV")
    return letters


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate
    if not Path(args.gold).is_file():
        sys.stderr.write(f"vigie: {args.gold}: no such gold file\n")
        return EXIT_INPUT
    pred = open(args.output, "w", encoding="utf-8") if args.output else None
    try:
        evaluate(args.gold, out=sys.stdout, detail=args.detail, pred_out=pred)
    except (OSError, KeyError, ValueError) as err:
        sys.stderr.write(f"vigie: {args.gold}: not a usable gold file: {err}\n")
        return EXIT_INPUT
    finally:
        if pred:
            pred.close()
    return EXIT_OK


# --- parser -----------------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vigie", description="Conflict events from news articles "
                                "(ACLED-style), every figure traced to its sentence.")
    p.add_argument("--version", action=VersionAction, nargs=0,
                   help="show the version and the models in use, and exit")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    db_help = f"SQLite database (default: $VIGIE_DB or ./{DEFAULT_DB})"
    default_db = os.environ.get("VIGIE_DB") or DEFAULT_DB

    def inputs(q):
        q.add_argument("paths", nargs="+", metavar="PATH",
                       help=".txt (one article), .jsonl (one article a line), a folder, or - for stdin")
        q.add_argument("--published", type=day, metavar="YYYY-MM-DD",
                       help="publication date of .txt articles (the dateline's day wins)")
        q.add_argument("--lang", choices=SUPPORTED, help="language of every article, over a JSON "
                       "line's own lang (default: the line's lang, else detected)")
        q.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
        q.add_argument("--no-resolve", action="store_true",
                       help="keep each article's events apart (records already deduplicated, e.g. "
                            "ACLED notes); by default reports of one event are merged")

    q = sub.add_parser("extract", help="articles -> events as JSON Lines")
    inputs(q)
    q.add_argument("-o", "--output", metavar="FILE", help="write events here instead of stdout")
    q.set_defaults(run=cmd_extract)

    q = sub.add_parser("ingest", help="extract and store events (skips stored articles)")
    inputs(q)
    q.add_argument("--db", default=default_db, help=db_help)
    q.set_defaults(run=cmd_ingest)

    q = sub.add_parser("events", help="list stored events")
    q.add_argument("--db", default=default_db, help=db_help)
    q.add_argument("--since", type=day, metavar="YYYY-MM-DD", help="events on or after this day")
    q.add_argument("--until", type=day, metavar="YYYY-MM-DD", help="events on or before this day")
    q.add_argument("--type", help="event type or sub-event type, e.g. Battles")
    q.add_argument("--country", help="country name or ISO3 code, e.g. Syria or SYR")
    q.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    q.add_argument("--limit", type=int, help="at most this many events")
    q.set_defaults(run=cmd_events)

    q = sub.add_parser("geocode", help="place names (JSON Lines queries) -> coordinates as JSON Lines")
    q.add_argument("paths", nargs="+", metavar="QUERIES.jsonl",
                   help='one query a line: {"id", "name", "admin1"?, "country"?}; - for stdin')
    q.add_argument("-o", "--output", metavar="FILE", help="write the answers here instead of stdout")
    q.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    q.set_defaults(run=cmd_geocode)

    q = sub.add_parser("gazetteer", help="manage the gazetteer (in $VIGIE_CACHE or ~/.cache/vigie)")
    gsub = q.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = gsub.add_parser("import", help="add places: GeoNames dumps or a CSV, from a path or URL")
    q.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="SY.zip, cities500.zip, allCountries.zip, alternateNamesV2.zip (zipped or .txt), "
                        "or a place list (CSV, TSV, JSON, JSON Lines, GeoJSON) whose columns are named as "
                        "usual (name, alternate_names, lat, lon, admin1, country...); a path or an http(s) URL")
    q.add_argument("--column", action="append", type=column_option, metavar="FIELD=HEADER",
                   help="the column of a place list holding FIELD (name, alternate_names, lat, lon, "
                        "admin1, country, geonames_id, population); repeatable")
    q.add_argument("--country", metavar="CODE", help="the country of a place list's rows that name none")
    q.add_argument("--feature-classes", type=feature_classes, default="P", metavar="LETTERS",
                   help="GeoNames feature classes to import (default P, populated places; PS adds "
                        "spots such as airports and bases)")
    q.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    q.set_defaults(run=cmd_gazetteer_import)

    q = sub.add_parser("evaluate", help="score vigie on a gold file (shared/eval/GOLD.md)")
    q.add_argument("gold", metavar="GOLD.json")
    q.add_argument("--detail", action="store_true", help="one line per gold event and false positive")
    q.add_argument("-o", "--output", metavar="PRED.jsonl", help="also write the predicted events")
    q.set_defaults(run=cmd_evaluate)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code = args.run(args)
    except KeyboardInterrupt:
        sys.stderr.write("\nvigie: interrupted; every article already stored is complete, "
                         "run the same command again to finish\n")
        code = EXIT_INTERRUPTED
    except sqlite3.DatabaseError as err:
        sys.stderr.write(f"vigie: database {getattr(args, 'db', '')}: {err}\n")
        code = EXIT_INPUT
    except BrokenPipeError:
        # `vigie events | head`: the reader left; not an error of ours
        sys.stderr.close()
        code = EXIT_OK
    sys.exit(code)


if __name__ == "__main__":
    main()
