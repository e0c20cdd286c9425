"""Read articles from `.txt` files, JSON Lines files or stdin into `Article`s, and store them.

Input errors never stop a run: each is reported as `FILE:LINE: message` through the `errors`
callback (stderr by default) and the other articles are read.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .models import Article

# A wire dispatch is 2-10 KB and the longest real page in the French collection we test on is
# about 100 KB, except one 2.1 MB live-blog dump. Past this cap the rest is archive or comments,
# and spaCy's parser needs about 1 GB of memory per 100,000 characters of one doc, so a 5 MB
# paste would exhaust a small machine: we keep the first 200,000 characters and warn.
MAX_CHARS = 200_000

# Bytes sampled to decide whether a file is text: enough to catch a binary header.
SNIFF_BYTES = 8192

JSONL_SUFFIXES = (".jsonl", ".ndjson")
STDIN = "-"


class InputError(Exception):
    """A problem with one input: a file, or one line of a JSON Lines file."""

    def __init__(self, message: str, path: str, line: int | None = None, warning: bool = False):
        super().__init__(message)
        self.message, self.path, self.line = message, path, line
        self.warning = warning  # the input was read anyway (e.g. cut to MAX_CHARS)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


ErrorHandler = Callable[[InputError], None]


def print_error(err: InputError) -> None:
    """Default error handler: one line on stderr."""
    print(f"vigie: {err}", file=sys.stderr)


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM dropped), else Windows-1252, else Latin-1 (never fails)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # cp1252 leaves 5 bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): then Latin-1.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: a NUL byte, or many control bytes, in its first 8 KB."""
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return True
    # Text has tabs and newlines but few other C0 controls; 10% of them is an image or archive.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls > len(head) // 10


def parse_day(value, where: str, line: int | None) -> date | None:
    """'YYYY-MM-DD' (a timestamp's date part is accepted) to a date; None stays None."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"published {value!r} is not a YYYY-MM-DD date", where, line) from None


def cap(article: Article, errors: ErrorHandler, max_chars: int = MAX_CHARS) -> Article:
    """Cut a very long article to `max_chars` characters, with a warning (see MAX_CHARS)."""
    if len(article.text) <= max_chars:
        return article
    errors(InputError(f"article {article.id!r} has {len(article.text):,} characters; "
                      f"only the first {max_chars:,} are read", *split_origin(article.origin),
                      warning=True))
    return replace(article, text=article.text[:max_chars])


def split_origin(origin: str) -> tuple[str, int | None]:
    """'FILE:LINE' -> (FILE, LINE); 'FILE' -> (FILE, None)."""
    head, _, tail = origin.rpartition(":")
    if head and tail.isdigit():
        return head, int(tail)
    return origin, None


def read_bytes(path: str) -> bytes:
    """The bytes of a file, or of stdin for '-'."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object with a `text`."""
    for line in text.splitlines():
        if line.strip():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                return False
            return isinstance(obj, dict) and "text" in obj
    return False


def jsonl_articles(text: str, where: str, lang: str | None,
                   errors: ErrorHandler) -> Iterator[Article]:
    """One Article per line of a JSON Lines articles file; a bad line is reported and skipped."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield jsonl_article(line, where, number, lang)
        except InputError as err:
            errors(err)


def jsonl_article(line: str, where: str, number: int, lang: str | None) -> Article:
    """One line of an articles file (shared/eval/README.md) to an Article."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON ({err.msg}, column {err.colno})", where, number) from None
    if not isinstance(obj, dict):
        raise InputError("a line must be a JSON object", where, number)
    missing = [k for k in ("id", "text") if obj.get(k) in (None, "")]
    if missing:
        raise InputError(f"missing {' and '.join(missing)}", where, number)
    if not isinstance(obj["text"], str):
        raise InputError("text must be a string", where, number)
    return Article(id=str(obj["id"]), text=obj["text"],
                   published=parse_day(obj.get("published"), where, number),
                   lang=lang or obj.get("lang"), title=obj.get("title"),
                   outlet=obj.get("outlet"), url=obj.get("url"), origin=f"{where}:{number}")


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Paths as given; a directory stands for its .txt and .jsonl files, sorted."""
    for path in paths:
        p = Path(path)
        if path != STDIN and p.is_dir():
            yield from sorted(str(f) for f in p.rglob("*")
                              if f.is_file() and f.suffix in (".txt",) + JSONL_SUFFIXES)
        else:
            yield path


def read_articles(paths: Iterable[str], published: date | str | None = None,
                  lang: str | None = None, errors: ErrorHandler | None = None,
                  max_chars: int = MAX_CHARS) -> Iterator[Article]:
    """Articles from `.txt` files (one each), `.jsonl` files (one a line) and '-' (stdin).

    `published` applies to plain-text articles and `lang` to every article: the user's --lang
    overrides a JSON line's own lang (a feed mislabelled as a whole); a line's missing date stays
    unknown rather than guessed.
    """
    errors = errors or print_error
    day = parse_day(published, "--published", None)
    for path in expand(paths):
        where = "<stdin>" if path == STDIN else path
        try:
            data = read_bytes(path)
        except OSError as err:
            errors(InputError(f"cannot read: {err.strerror or err}", where))
            continue
        if not data.strip():
            errors(InputError("empty file, no article read", where))
            continue
        if looks_binary(data):
            errors(InputError("binary file (not text), skipped", where))
            continue
        text = decode(data)
        if path.endswith(JSONL_SUFFIXES) or (path == STDIN and looks_like_jsonl(text)):
            articles = jsonl_articles(text, where, lang, errors)
        else:
            stem = "stdin" if path == STDIN else Path(path).stem
            articles = iter([Article(id=stem, text=text, published=day, lang=lang, origin=where)])
        for article in articles:
            yield cap(article, errors, max_chars)


# --- ingest into a store ----------------------------------------------------------------------

@dataclass
class IngestSummary:
    """What one `ingest` run did."""
    articles: int = 0    # new articles stored
    skipped: int = 0     # already stored (same id)
    events: int = 0      # events the new articles wrote: new ones and stored ones they extended
    errors: int = 0      # input errors reported

    def line(self) -> str:
        return (f"{self.articles} new articles, {self.skipped} skipped (already stored), "
                f"{self.events} events stored, {self.errors} input errors")


def ingest(articles: Iterable[Article], store, res=None,
           progress: Callable[[int], None] | None = None, resolve: bool = True) -> IngestSummary:
    """Extract and store articles not stored yet; each article commits on its own.

    With `resolve` (the default) each article's events are resolved against the stored ones
    (resolve.py): a re-published copy, an update or another outlet's report of a stored event
    extends it instead of adding one.
    """
    from . import pipeline
    from .resolve import resolve as resolver
    summary = IngestSummary()
    seen_ids: set[str] = set()

    def new(article: Article) -> bool:
        """Cheap check by id before any work; duplicates inside this run count too."""
        if article.id in seen_ids or store.has_article(article.id):
            summary.skipped += 1
            if progress:
                progress(1)
            return False
        seen_ids.add(article.id)
        return True

    todo = (a for a in articles if new(a))
    for doc, events in pipeline.run(todo, res, progress=progress):
        if doc is None or events is None:
            continue
        if store.add(doc, events, resolve=resolver if resolve else None):
            summary.articles += 1
            summary.events += len(events)
        else:
            summary.skipped += 1
    return summary
