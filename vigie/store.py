"""SQLite store of articles and their events; all of vigie's SQL lives here.

One article and its events are written in one transaction, so an interrupted ingest (Ctrl-C,
kill -9) leaves every article either fully stored or absent, and running it again completes it.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .models import Document, Event

# resolve.resolve: (store, doc, events) -> Changes (events to write, aliases, signature, bands)
Resolver = Callable[["Store", Document, list[Event]], "object"]

# Migrations, in order: the database's `PRAGMA user_version` is the number already applied.
# Append new ones; never edit one that has shipped.
MIGRATIONS: list[str] = [
    # 1: articles, events, their sources and claims
    """
    CREATE TABLE articles (
        id             TEXT PRIMARY KEY,
        text_hash      TEXT NOT NULL UNIQUE,
        text           TEXT NOT NULL,
        published      TEXT,
        lang           TEXT,
        title          TEXT,
        outlet         TEXT,
        url            TEXT,
        dateline_place TEXT,
        ingested_at    TEXT NOT NULL
    );
    CREATE TABLE events (
        event_id        TEXT PRIMARY KEY,
        event_date      TEXT,
        date_precision  TEXT NOT NULL,
        event_type      TEXT NOT NULL,
        sub_event_type  TEXT NOT NULL,
        country         TEXT,
        admin1          TEXT,
        location_name   TEXT,
        lat             REAL,
        lon             REAL,
        geo_precision   INTEGER,
        fatalities_best INTEGER,
        confidence      REAL,
        json            TEXT NOT NULL
    );
    CREATE INDEX events_date ON events (event_date);
    CREATE INDEX events_country ON events (country);
    -- no foreign key to articles: an event merged across articles cites articles that may be
    -- stored in a later transaction of the same run
    CREATE TABLE event_sources (
        event_id   TEXT NOT NULL REFERENCES events (event_id),
        article_id TEXT NOT NULL,
        start      INTEGER,
        "end"      INTEGER,
        quote      TEXT,
        PRIMARY KEY (event_id, article_id, start, "end")
    );
    CREATE INDEX event_sources_article ON event_sources (article_id);
    CREATE TABLE claims (
        event_id      TEXT NOT NULL REFERENCES events (event_id),
        kind          TEXT NOT NULL,
        count         INTEGER NOT NULL,
        qualifier     TEXT NOT NULL,
        grp           TEXT,
        attributed_to TEXT,
        article_id    TEXT,
        quote         TEXT
    );
    CREATE INDEX claims_event ON claims (event_id);
    """,
    # 2: resolution across articles. A re-published copy (same text, another id) is stored as a
    # source of its own, so text_hash is no longer unique (SQLite drops a UNIQUE constraint only by
    # rebuilding the table); events are looked up by area and day; an event absorbed by another
    # leaves an alias; MinHash signatures and LSH band keys find near-duplicate articles.
    """
    CREATE TABLE articles_v2 (
        id             TEXT PRIMARY KEY,
        text_hash      TEXT NOT NULL,
        text           TEXT NOT NULL,
        published      TEXT,
        lang           TEXT,
        title          TEXT,
        outlet         TEXT,
        url            TEXT,
        dateline_place TEXT,
        ingested_at    TEXT NOT NULL
    );
    INSERT INTO articles_v2 SELECT id, text_hash, text, published, lang, title, outlet, url,
        dateline_place, ingested_at FROM articles;
    DROP TABLE articles;
    ALTER TABLE articles_v2 RENAME TO articles;
    CREATE INDEX articles_hash ON articles (text_hash);
    CREATE INDEX events_area_day ON events (country, admin1, event_date);
    CREATE TABLE event_aliases (
        absorbed_id TEXT PRIMARY KEY,
        event_id    TEXT NOT NULL,
        at          TEXT NOT NULL
    );
    CREATE TABLE article_signatures (
        article_id TEXT PRIMARY KEY,
        signature  BLOB NOT NULL
    );
    CREATE TABLE article_bands (
        band_key   BLOB NOT NULL,
        article_id TEXT NOT NULL
    );
    CREATE INDEX article_bands_key ON article_bands (band_key);
    """,
    # 3: named people with their age ("Jane Doe, 23"), by article: a follow-up report (an arrest,
    # a trial) weeks after an incident finds its earlier reports through the victim it names.
    """
    CREATE TABLE article_people (
        person_key TEXT NOT NULL,
        article_id TEXT NOT NULL
    );
    CREATE INDEX article_people_key ON article_people (person_key);
    """,
    # 4: events by place name and day: two reports of one shooting that name one town, read as
    # homonyms in two states ('Pasadena', Texas and California), find each other.
    """
    CREATE INDEX events_name_day ON events (location_name, event_date);
    """,
]


def utc_now() -> str:
    """The current time, ISO 8601 in UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class Store:
    """A vigie database: `Store(path)` creates or migrates it."""

    def __init__(self, path: str | Path, clock: Callable[[], str] = utc_now):
        self.path = str(path)
        self.clock = clock
        # isolation_level=None: we open transactions ourselves (BEGIN IMMEDIATE), so that the
        # duplicate check and the writes of one article happen under one write lock.
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.db.row_factory = sqlite3.Row
        # WAL: readers (`vigie events`) never block the writer; a crash rolls back only the
        # transaction in flight. synchronous=FULL: a commit survives a power cut too, at the
        # price of one fsync per article (about a millisecond, next to ~50 ms of extraction).
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")
        self.db.execute("PRAGMA foreign_keys = ON")
        self.migrate()

    # --- plumbing -------------------------------------------------------------------------

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception (KeyboardInterrupt too)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        """Apply the migrations this database lacks, each in its own transaction."""
        with self.transaction() as db:
            current = self.version
            if current > len(MIGRATIONS):
                raise sqlite3.DatabaseError(
                    f"{self.path}: schema version {current} is newer than this vigie knows "
                    f"({len(MIGRATIONS)}); upgrade vigie")
            for number, script in enumerate(MIGRATIONS[current:], current + 1):
                for statement in split_sql(script):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")

    # --- writing --------------------------------------------------------------------------

    def has_article(self, article_id: str | None = None, text_hash: str | None = None) -> bool:
        """True when an article with this id, or this normalized-text hash, is stored."""
        row = self.db.execute("SELECT 1 FROM articles WHERE id = ? OR text_hash = ? LIMIT 1",
                              (article_id, text_hash)).fetchone()
        return row is not None

    def add(self, doc: Document, events: Iterable[Event], resolve: Resolver | None = None) -> bool:
        """Store one article and its events in one transaction; False when its id is stored.

        `resolve(store, doc, events)` (resolve.py) decides, under the write lock, which events are
        new and which extend stored ones; without it every event is stored as it is.
        """
        events = list(events)
        with self.transaction() as db:
            # checked again under the write lock: another process may have stored it meanwhile
            if self.has_article(doc.id):
                return False
            a = doc.article
            db.execute(
                "INSERT INTO articles (id, text_hash, text, published, lang, title, outlet, url,"
                " dateline_place, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, doc.text_hash, doc.text, iso(a.published), doc.lang, a.title,
                 a.outlet or (doc.dateline.outlet if doc.dateline else None), a.url,
                 doc.dateline.place if doc.dateline else None, self.clock()))
            if resolve is None:
                for event in events:
                    self._add_event(db, event if event.event_id else event.with_id())
                return True
            changes = resolve(self, doc, events)
            for absorbed, survivor in changes.aliases.items():
                self._absorb(db, absorbed, survivor)
            for event in changes.events:
                self._put_event(db, event)
            if changes.signature is not None:
                db.execute("INSERT OR REPLACE INTO article_signatures (article_id, signature)"
                           " VALUES (?, ?)", (doc.id, changes.signature))
                db.executemany("INSERT INTO article_bands (band_key, article_id) VALUES (?, ?)",
                               [(key, doc.id) for key in changes.bands])
            db.executemany("INSERT INTO article_people (person_key, article_id) VALUES (?, ?)",
                           [(key, doc.id) for key in changes.people])
        return True

    def _add_event(self, db: sqlite3.Connection, event: Event) -> None:
        """Insert one event with its sources and claims, unless its id is stored already."""
        obj = event.to_json()
        loc, fat = obj["location"], obj["fatalities"]
        cur = db.execute(
            "INSERT OR IGNORE INTO events (event_id, event_date, date_precision, event_type,"
            " sub_event_type, country, admin1, location_name, lat, lon, geo_precision,"
            " fatalities_best, confidence, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (obj["event_id"], obj["event_date"], obj["date_precision"], obj["event_type"],
             obj["sub_event_type"], loc["country"], loc["admin1"], loc["name"], loc["lat"],
             loc["lon"], loc["geo_precision"], fat["best"], obj["confidence"],
             json.dumps(obj, ensure_ascii=False)))
        if cur.rowcount == 0:
            return  # same id = same evidence: stored by an earlier article of a merged event
        self._add_sources_claims(db, event)

    def _add_sources_claims(self, db: sqlite3.Connection, event: Event) -> None:
        db.executemany(
            'INSERT OR IGNORE INTO event_sources (event_id, article_id, start, "end", quote)'
            " VALUES (?, ?, ?, ?, ?)",
            [(event.event_id, s.article_id, s.start, s.end, s.quote) for s in event.sources])
        db.executemany(
            "INSERT INTO claims (event_id, kind, count, qualifier, grp, attributed_to,"
            " article_id, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(event.event_id, c.kind, c.count, c.qualifier, c.group, c.attributed_to,
              c.article_id, c.quote) for c in event.claims])

    def _put_event(self, db: sqlite3.Connection, event: Event) -> None:
        """Write an event, replacing the stored version of the same id (sources and claims too).

        Updated in place, so that the event keeps its rowid: `events(order="stored")` lists events
        in the order they were first stored, which `vigie extract` keeps (articles in input order,
        each article's events most confident first).
        """
        obj = event.to_json()
        loc, fat = obj["location"], obj["fatalities"]
        cur = db.execute(
            "UPDATE events SET event_date = ?, date_precision = ?, event_type = ?, sub_event_type = ?,"
            " country = ?, admin1 = ?, location_name = ?, lat = ?, lon = ?, geo_precision = ?,"
            " fatalities_best = ?, confidence = ?, json = ? WHERE event_id = ?",
            (obj["event_date"], obj["date_precision"], obj["event_type"], obj["sub_event_type"],
             loc["country"], loc["admin1"], loc["name"], loc["lat"], loc["lon"], loc["geo_precision"],
             fat["best"], obj["confidence"], json.dumps(obj, ensure_ascii=False), obj["event_id"]))
        if cur.rowcount == 0:
            self._add_event(db, event)
            return
        db.execute("DELETE FROM event_sources WHERE event_id = ?", (event.event_id,))
        db.execute("DELETE FROM claims WHERE event_id = ?", (event.event_id,))
        self._add_sources_claims(db, event)

    def _drop_event(self, db: sqlite3.Connection, event_id: str) -> None:
        db.execute("DELETE FROM event_sources WHERE event_id = ?", (event_id,))
        db.execute("DELETE FROM claims WHERE event_id = ?", (event_id,))
        db.execute("DELETE FROM events WHERE event_id = ?", (event_id,))

    def _absorb(self, db: sqlite3.Connection, absorbed: str, survivor: str) -> None:
        """Remove an event joined into another; its id, and ids it had absorbed, point to the survivor."""
        self._drop_event(db, absorbed)
        db.execute("UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (survivor, absorbed))
        db.execute("INSERT OR REPLACE INTO event_aliases (absorbed_id, event_id, at) VALUES (?, ?, ?)",
                   (absorbed, survivor, self.clock()))

    # --- what resolution reads (inside the transaction of `add`) ------------------------------

    def nearby(self, first: str, last: str, country: str | None, admin1: str | None) -> list[dict]:
        """Events of one area (country and admin1, None matching None) dated first..last."""
        rows = self.db.execute(
            "SELECT json FROM events WHERE country IS ? AND admin1 IS ? AND event_date BETWEEN ? AND ?"
            " ORDER BY event_date, event_id", (country, admin1, first, last))
        return [json.loads(r[0]) for r in rows]

    def namesakes(self, first: str, last: str, name: str) -> list[dict]:
        """Events of any area at a place of this name dated first..last."""
        rows = self.db.execute(
            "SELECT json FROM events WHERE location_name = ? AND event_date BETWEEN ? AND ?"
            " ORDER BY event_date, event_id", (name, first, last))
        return [json.loads(r[0]) for r in rows]

    def article_events(self, article_ids: Iterable[str], first: str | None = None,
                       last: str | None = None) -> list[dict]:
        """Events that cite any of these articles, each once (dated from `first` to `last` when given)."""
        out, seen = [], set()
        days = " AND e.event_date BETWEEN ? AND ?" if first and last else ""
        for article_id in article_ids:
            for row in self.db.execute(
                    "SELECT e.event_id, e.json FROM event_sources s JOIN events e USING (event_id)"
                    " WHERE s.article_id = ?" + days + " ORDER BY e.event_id",
                    (article_id, first, last) if days else (article_id,)):
                if row[0] not in seen:
                    seen.add(row[0])
                    out.append(json.loads(row[1]))
        return out

    def similar_articles(self, band_keys: Iterable[bytes]) -> dict[str, bytes]:
        """Articles sharing an LSH band key with these, and their MinHash signatures."""
        out: dict[str, bytes] = {}
        for key in band_keys:
            for row in self.db.execute(
                    "SELECT s.article_id, s.signature FROM article_bands b JOIN article_signatures s"
                    " USING (article_id) WHERE b.band_key = ?", (key,)):
                out[row[0]] = row[1]
        return out

    def people_articles(self, keys: Iterable[str], limit: int) -> dict[str, list[str]]:
        """Stored articles naming each person key; a key named by more than `limit` articles is
        left out (a public figure, not a victim), as is a key no article names."""
        out: dict[str, list[str]] = {}
        for key in keys:
            rows = self.db.execute("SELECT DISTINCT article_id FROM article_people WHERE person_key = ?"
                                   " ORDER BY article_id LIMIT ?", (key, limit + 1)).fetchall()
            if 0 < len(rows) <= limit:
                out[key] = [r[0] for r in rows]
        return out

    def article_text(self, article_id: str) -> tuple[str | None, date | None, str | None]:
        """A stored article's normalized text, publication day and language (Nones when unknown)."""
        row = self.db.execute("SELECT text, published, lang FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
        if row is None:
            return None, None, None
        return row[0], date.fromisoformat(row[1]) if row[1] else None, row[2]

    def event_id_now(self, event_id: str) -> str | None:
        """The id an event has now: its own, the one that absorbed it, or None if unknown."""
        row = self.db.execute("SELECT event_id FROM event_aliases WHERE absorbed_id = ?",
                              (event_id,)).fetchone()
        if row:
            return row[0]
        row = self.db.execute("SELECT 1 FROM events WHERE event_id = ?", (event_id,)).fetchone()
        return event_id if row else None

    # --- reading --------------------------------------------------------------------------

    def events(self, since: str | None = None, until: str | None = None,
               type: str | None = None, country: str | None = None,
               limit: int | None = None, order: str = "date") -> list[dict]:
        """Stored events (event.schema.json objects), oldest first (`order="stored"`: in the
        order they were first stored), filtered.

        `since`/`until` are inclusive ISO dates (undated events are left out when given);
        `type` matches event_type or sub_event_type, `country` the name or ISO3, ignoring case.
        """
        where, args = [], []
        if since:
            where.append("event_date >= ?")
            args.append(str(since))
        if until:
            where.append("event_date <= ?")
            args.append(str(until))
        if type:
            where.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
            args += [type, type]
        if country:
            where.append("(lower(country) = lower(?) OR upper(json_extract(json,"
                         " '$.location.iso3')) = upper(?))")
            args += [country, country]
        sql = "SELECT json FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        # undated events last, then by id so that the order is the same on every run
        sql += " ORDER BY rowid" if order == "stored" else \
            " ORDER BY event_date IS NULL, event_date, event_id"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        return [json.loads(row[0]) for row in self.db.execute(sql, args)]

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, events, event_sources, claims."""
        return {table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "events", "event_sources", "claims")}

    def aliases(self) -> dict[str, str]:
        """Ids of events joined into others -> the id of the event that has them now."""
        return dict(self.db.execute("SELECT absorbed_id, event_id FROM event_aliases").fetchall())

    def article_ids(self) -> set[str]:
        """Ids of every stored article."""
        return {row[0] for row in self.db.execute("SELECT id FROM articles")}

    def check(self) -> list[str]:
        """Integrity problems: SQLite's own check, then events without sources ([] when sound)."""
        problems = [r[0] for r in self.db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        orphans = self.db.execute(
            "SELECT count(*) FROM events e WHERE NOT EXISTS"
            " (SELECT 1 FROM event_sources s WHERE s.event_id = e.event_id)").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} events without sources")
        return problems


def iso(day) -> str | None:
    """A date as YYYY-MM-DD, None kept."""
    return day.isoformat() if day else None


def split_sql(script: str) -> list[str]:
    """Statements of a migration script (no ';' inside a statement, by convention)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
