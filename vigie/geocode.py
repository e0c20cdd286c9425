"""Gazetteer and disambiguation: place names in a sentence, ranked candidates, the chosen place.

`Gazetteer.default()` opens (building on first use, ~15 s) an SQLite index in the user's cache
directory made by `gazetteer_build.build`; lookups read it lazily, so a warm load costs
milliseconds and little memory. Places the user imported (`vigie gazetteer import`,
`gazetteer_import.py`) sit in a second file beside it that no rebuild touches; both are read.
Language knowledge (stop names, cue words, country names) lives in `lang/<code>/places.yaml`.
Choosing among a mention's candidates in context (`choose`, `choose_all`, `focus`, `to_location`)
is `geocode_context.Disambiguation`, mixed into `Gazetteer`.
"""
from __future__ import annotations

import difflib
import functools
import re
import sqlite3
import threading
import urllib.parse
import warnings
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import lang as lang_data
from .gazetteer_build import (DATA, TOKEN, article_free, build, cache_dir, fingerprint, fold_key,
                              fold_token, folds_of, load_yaml, name_key, skeleton)
from .gazetteer_import import FOLD_PREFIX, ID_OFFSET, IMPORT_FORMAT, IMPORTS_FILE
from .geocode_context import Disambiguation, _prior
from .geocode_cues import abbreviation, after_title, beside, capitalized, cued, expanded, initial_before, place_relation, sentence_initial
from .models import Place, PlaceMention

MAX_CANDIDATES = 10
MAX_CACHED_PLACES = 100_000
ADMIN_KINDS = frozenset({"admin1", "country", "region"})
MIN_SIMILARITY = 0.67   # fold-key likeness a skeleton hit needs (difflib ratio): on ACLED Syria 0.6 -> 0.67 drops 16 far answers for 5 right ones
# Score offsets (log10 population units) for how a key matched the place.
RANK_BONUS = {0: 0.5, 1: 0.0, 2: -0.3, 3: -1.0}   # own name, alternate, article dropped, skeleton
ALIEN_ALTERNATE = 3.0   # a town by an alternate name that is a province's own name elsewhere: a 1,000-fold population
SENTENCE_START_MIN_PRIOR = 3.0   # sentence-initial single words: only places of 1,000+ people
GAP = re.compile(r"^[ \-'’‘ʼ]{1,2}$")            # what may sit between two tokens of one name
PLACE_FIELDS = "name, lat, lon, country, iso3, admin1, admin2, geonames_id, kind, population, parent"


@functools.lru_cache(maxsize=None)
def _lang(code: str) -> dict:
    """The language's place knowledge, folded once: stop names, fillers and cues as token tuples."""
    raw = lang_data.load(code, "places")
    cues = lambda key: [tuple(name_key(c).split()) for c in raw.get(key, [])]  # noqa: E731
    return {"stop": {name_key(w) for w in raw.get("not_places", [])},
            "fillers": {name_key(w) for w in raw.get("fillers", [])},
            "name_stop": {name_key(w) for w in raw.get("name_stop", [])}, "directions_short": frozenset(raw.get("street_directions", [])),
            "admin1_before": cues("admin1_before"), "admin1_after": cues("admin1_after"),
            "near_after": cues("near_after"), "group_after": cues("group_after") + cues("resident_after"),
            "near_before": cues("near_before"), "origin_before": cues("origin_before"),
            "cue_before": cues("place_cues_before") + cues("settlement_before"),
            "cue_after": cues("place_words_after"),
            "directions": {name_key(w) for w in raw.get("direction_names", [])},
            "designations": frozenset(name_key(w) for w in raw.get("admin1_designations", [])),
            "endings": tuple(name_key(e) for e in raw.get("transliteration_endings", [])),
            "fallbacks": tuple(raw.get("transliteration_fallbacks", ["skeleton"])),
            "short_alternate": int(raw.get("foreign_alternate_short_below", 0)),
            "abbreviations": {name_key(k): name_key(v) for k, v in (raw.get("name_abbreviations") or {}).items()},
            "titles": frozenset(name_key(w) for w in raw.get("person_titles", []))}


def not_place(name: str, lang: str) -> bool:
    """Is the name one places.yaml lists as no place (a month, a weekday, a person, a common word)?"""
    return name_key(name) in _lang(lang)["stop"]


class Gazetteer(Disambiguation):
    """Place names to places, over the SQLite index at `path` and the imported places at `imports`."""

    def __init__(self, path: Path, lang_of: Callable[[str], dict] = _lang, imports: Path | None = None):
        self.path = Path(path)
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()       # one connection shared by threads: serialize reads
        self._imp = self._open_imports(Path(imports)) if imports else None
        self.imports = Path(imports) if self._imp else None
        self._lang = lang_of
        data = load_yaml(DATA)
        self.particles = frozenset(data.get("particles", []))
        self.folds = folds_of(data)
        self.suffixes = frozenset(name_key(x) for x in data.get("name_suffixes", []))
        self.home = frozenset(data.get("home_countries", []))
        self._ids = functools.lru_cache(maxsize=200_000)(self._ids_uncached)
        self._head = functools.lru_cache(maxsize=200_000)(self._head_uncached)
        self._loose: dict = {}      # designation words -> loose province key -> provinces (`_loose_admin1`)
        self._places: dict[int, Place] = {}     # row id -> Place; `_prefetch` fills it a batch at a time
        self._gid = functools.lru_cache(maxsize=50_000)(self._gid_uncached)
        self._merged = functools.lru_cache(maxsize=50_000)(self._merged_uncached)
        # a batch repeats its names (ACLED Syria: 10,387 rows, 2,278 distinct queries) and a lookup
        # tries up to three tiers with filters: answers are kept whole
        self._lookup = functools.lru_cache(maxsize=100_000)(self._lookup_uncached)
        self._country = functools.lru_cache(maxsize=10_000)(self._country_uncached)
        rows = self._q(f"SELECT id, {PLACE_FIELDS} FROM places WHERE kind IN ('country', 'admin1')")
        self._iso2 = dict(self._q("SELECT iso2, iso3 FROM codes"))
        self._countries: dict[str, Place] = {}
        self._admin1: dict[str, list[Place]] = {}
        for r in rows:
            p = Place(*r[1:])
            if p.kind == "country":
                self._countries[p.iso3] = p
            else:
                self._admin1.setdefault(p.name, []).append(p)

    @classmethod
    @functools.lru_cache(maxsize=None)
    def default(cls) -> "Gazetteer":
        """The process-wide gazetteer, built into the cache directory on first use."""
        return cls.open()

    @classmethod
    def open(cls, directory: Path | None = None) -> "Gazetteer":
        """The gazetteer whose index sits in `directory` (default `cache_dir()`), built if missing,
        with the places imported there."""
        directory = Path(directory or cache_dir())
        path = directory / f"gazetteer-{fingerprint()}.sqlite"
        if not path.exists():
            build(path)
        imports = directory / IMPORTS_FILE
        return cls(path, imports=imports if imports.exists() else None)

    def _open_imports(self, path: Path) -> sqlite3.Connection | None:
        """The imported places, read-only; None (with a warning) for a file of another format."""
        db = sqlite3.connect(f"file:{urllib.parse.quote(str(path))}?mode=ro", uri=True,
                             check_same_thread=False)
        try:
            fmt = db.execute("SELECT v FROM meta WHERE k='format'").fetchone()
        except sqlite3.DatabaseError:
            fmt = None
        if fmt is None or fmt[0] != str(IMPORT_FORMAT):
            warnings.warn(f"{path}: not an imports file of format {IMPORT_FORMAT}; ignored")
            db.close()
            return None
        return db

    # ----- index access -----
    def _q(self, sql: str, args: tuple = ()) -> list[tuple]:
        """Run one read query."""
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def _qi(self, sql: str, args: tuple = ()) -> list[tuple]:
        """Run one read query on the imported places ([] when there are none)."""
        if self._imp is None:
            return []
        with self._lock:
            return self._imp.execute(sql, args).fetchall()

    def _ids_uncached(self, key: str, table: str = "names") -> tuple[tuple[int, int], ...]:
        """(place id, match rank) of a key, imported places included; rank 3 for the skeleton and
        fold tables (the imports file keeps its fold keys in skel, behind FOLD_PREFIX)."""
        ikey = key
        if table == "skel":
            sql = isql = "SELECT place, 3 FROM skel WHERE key=?"
        elif table == "fold":
            sql, isql, ikey = "SELECT place, 3 FROM fold WHERE key=?", "SELECT place, 3 FROM skel WHERE key=?", FOLD_PREFIX + key
        else:
            sql = isql = "SELECT place, rank FROM names WHERE key=?"
        return tuple(self._q(sql, (key,))) + tuple((self._merged(ID_OFFSET + pid), rank)
                                                   for pid, rank in self._qi(isql, (ikey,)))

    def _head_uncached(self, head: str) -> int:
        """How many tokens the longest name starting with this token has (0: none)."""
        sql = "SELECT maxlen FROM heads WHERE head=?"
        return max([r[0] for r in self._q(sql, (head,)) + self._qi(sql, (head,))], default=0)

    def _place(self, pid: int) -> Place:
        """The Place of a row id, cached."""
        p = self._places.get(pid)
        if p is None:
            p = self._keep(pid, self._place_uncached(pid))
        return p

    def _keep(self, pid: int, p: Place) -> Place:
        """Cache one Place; the cache starts afresh past MAX_CACHED_PLACES (about 30 MB)."""
        if len(self._places) >= MAX_CACHED_PLACES:
            self._places.clear()
        self._places[pid] = p
        return p

    def _prefetch(self, pids: Iterable[int]) -> None:
        """Read the index rows of these ids not yet cached in one query per 500: a common name
        ('San Isidro', 'Saida') has dozens of places, each a query otherwise (a third of the
        time of ACLED's global sample)."""
        missing = [pid for pid in pids if pid < ID_OFFSET and pid not in self._places]
        for i in range(0, len(missing) if len(missing) > 1 else 0, 500):
            chunk = missing[i:i + 500]
            sql = f"SELECT id, {PLACE_FIELDS} FROM places WHERE id IN ({','.join('?' * len(chunk))})"
            for row in self._q(sql, tuple(chunk)):
                self._keep(row[0], Place(*row[1:]))

    def _place_uncached(self, pid: int) -> Place:
        """The Place of an index row, or of an imported row (ids from ID_OFFSET up)."""
        if pid >= ID_OFFSET:
            sql, pid = f"SELECT {PLACE_FIELDS} FROM places WHERE id=?", pid - ID_OFFSET
            return Place(*self._qi(sql, (pid,))[0])
        return Place(*self._q(f"SELECT {PLACE_FIELDS} FROM places WHERE id=?", (pid,))[0])

    def _gid_uncached(self, gid: int) -> int | None:
        """The index row of a GeoNames id (None: not in the index)."""
        r = self._q("SELECT id FROM places WHERE geonames_id=? ORDER BY id LIMIT 1", (gid,))
        return r[0][0] if r else None

    def _merged_uncached(self, pid: int) -> int:
        """An imported place the index also has (same GeoNames id) is the index's: its curated
        coordinates and kind win, the import only brings more names."""
        gid = self._place(pid).geonames_id
        known = self._gid(gid) if gid is not None else None
        return pid if known is None else known

    def _ranked_hits(self, hits: Iterable[tuple[int, int]]) -> list[tuple[Place, int]]:
        """(place, match rank) of (id, rank) hits, best first: prior plus how well the name matched."""
        best: dict[int, int] = {}
        for pid, rank in hits:
            best[pid] = min(rank, best.get(pid, 9))
        self._prefetch(best)
        # a province's or country's own name names it, not a town elsewhere that has the name as
        # an alternate one: 'Florida' is not Floridablanca (Colombia), 'Victoria' not Hong Kong.
        # A town inside the province keeps its rank ('Idleb' the city, in Idlib governorate)
        named = {(p.iso3, p.name if p.kind == "admin1" else None) for pid, rank in best.items() if rank == 0
                 and (p := self._place(pid)).kind in ("admin1", "country")}
        scored = sorted(((_prior(p := self._place(pid)) + RANK_BONUS[rank]
                          - (ALIEN_ALTERNATE if rank and named and p.kind == "town" and (p.iso3, p.admin1) not in named
                             and (p.iso3, None) not in named else 0), pid) for pid, rank in best.items()),
                        key=lambda s: (-s[0], s[1]))
        return [(self._place(pid), best[pid]) for _, pid in scored]

    def _ranked(self, hits: Iterable[tuple[int, int]]) -> list[Place]:
        """Places of (id, rank) hits, best first."""
        return [p for p, _ in self._ranked_hits(hits)]

    def _hits(self, key: str) -> tuple[tuple[int, int], ...]:
        """Hits of a key: exact, then without a leading article, then by fold key, then by skeleton."""
        return next((h for h in self._tiers(key, False) if h), ())

    def _tiers(self, key: str, scoped: bool) -> Iterator[tuple[tuple[int, int], ...]]:
        """Hits of a key, tier by tier, loosest last. Exact names; when they are all provinces or
        regions ('Ar-Raqqa', 'As-Sweida'), the town of that name without its article joins them as
        an alternate name (ranking then reads the name as the city, as PRIOR does for 'Idleb'); the transliteration-folded key; the
        consonant skeleton (3+ letters when `scoped`, the caller keeping one admin1 only, else 5+; fold
        keys 3+ and 4+)."""
        hits = self._ids(key)
        bare = article_free(key, self.particles)
        if bare != key and not self._prefetch(pid for pid, _ in hits) and all(self._place(pid).kind in ADMIN_KINDS for pid, _ in hits):
            hits = hits + tuple((pid, max(rank, 1)) for pid, rank in self._ids(bare))
        yield hits
        fk = fold_key(key, self.particles, self.folds)
        yield self._ids(fk, "fold") if len(fk) >= (3 if scoped else 4) else ()
        sks = {skeleton(key, self.particles), skeleton(bare, self.particles)}
        yield tuple(h for sk in sorted(sks) if len(sk) >= (3 if scoped else 5) for h in self._ids(sk, "skel"))

    # ----- public API -----
    def lookup(self, name: str, country: str | None = None, admin1: str | None = None) -> list[Place]:
        """Places called `name`, best first, optionally within a country (name or ISO) and admin1."""
        return list(self._lookup(name, country, admin1))

    def _lookup_uncached(self, name: str, country: str | None, admin1: str | None) -> tuple[Place, ...]:
        """Places called `name`, best first, optionally within a country (name or ISO) and admin1.
        Each tier of `_tiers` is filtered before the next is tried: 'Thiban' in Syria is not
        hidden by Dhiban in Jordan. Skeleton hits are ranked by how close their name's fold key is
        to the query's, then by population."""
        key = name_key(name)
        c = self.country(country) if country else None
        names = self._admin1_names(admin1) if admin1 else set()
        for tier, hits in enumerate(self._tiers(key, bool(names))):
            places = self._ranked(hits)
            if country:
                places = [p for p in places if c is not None and p.iso3 == c.iso3]
            if admin1:
                places = [p for p in places if p.admin1 in names]
            if tier == 2 and places:
                places = self._closest(key, places)
            if places:
                return tuple(places)
        return ()

    def own_name(self, name: str) -> list[Place]:
        """Places whose own name (no alternate, fold or skeleton match) is `name`, best first."""
        return [p for p, rank in self._ranked_hits(self._ids(name_key(name))) if rank == 0]

    def named_in(self, name: str, iso3: str, admin1: str) -> list[Place]:
        """Towns, districts and counties whose own name is `name` (no alternate, fold or skeleton
        match) in one province, best first."""
        return [p for p, rank in self._ranked_hits(self._ids(name_key(name))) if rank == 0
                and p.iso3 == iso3 and p.admin1 == admin1 and p.kind not in ADMIN_KINDS - {"region"}]

    def _closest(self, key: str, places: list[Place]) -> list[Place]:
        """Skeleton hits whose main name's fold key is at least MIN_SIMILARITY like the query's,
        most alike first (a stable sort keeps the population order among equals)."""
        fk = fold_key(key, self.particles, self.folds)
        scored = [(difflib.SequenceMatcher(None, fk, fold_key(name_key(p.name), self.particles, self.folds)).ratio(), p)
                  for p in places]
        return [p for r, p in sorted(scored, key=lambda s: -s[0]) if r >= MIN_SIMILARITY]

    def without_suffix(self, name: str) -> str | None:
        """The name without a trailing designation of places.yaml's name_suffixes ('Seoul City' ->
        'Seoul'); None when it has none."""
        toks = name.split()
        if len(toks) > 1 and name_key(toks[-1]) in self.suffixes:
            return " ".join(toks[:-1])
        return None

    def by_geonames_id(self, gid: int) -> Place | None:
        """The index's place with this GeoNames id (imported places not included)."""
        pid = self._gid(gid)
        return None if pid is None else self._place(pid)

    def country(self, name_or_iso: str) -> Place | None:
        """The country Place of an ISO2/ISO3 code or a country name in any supported language."""
        return self._country(name_or_iso)

    def _country_uncached(self, name_or_iso: str) -> Place | None:
        """`country` without its cache."""
        s = name_or_iso.strip()
        if s.upper() in self._countries:
            return self._countries[s.upper()]
        if s.upper() in self._iso2:
            return self._countries.get(self._iso2[s.upper()])
        return next((p for p in self._ranked(self._ids(name_key(s))) if p.kind == "country"), None)

    def country_codes(self) -> frozenset[str]:
        """The ISO3 codes of every country the index knows."""
        return frozenset(self._countries)

    def admin1_place(self, name: str, iso3: str | None = None) -> Place | None:
        """The admin1 Place of a canonical admin1 name (in a country when given)."""
        return next((p for p in self._admin1.get(name, []) if iso3 in (None, p.iso3)), None)

    def find(self, text: str, lang: str, countries: Iterable[str] = ()) -> list[PlaceMention]:
        """Every place name in `text`, left to right, longest match first, with ranked candidates.
        Small towns are kept only in the home countries (places.yaml) and in `countries` (ISO3)."""
        L = self._lang(lang)
        countries = frozenset(countries)
        home = self.home | countries
        toks = [(m.start(), m.end(), m.group(), fold_token(m.group())) for m in TOKEN.finditer(text)]
        if L["abbreviations"]:
            toks = expanded(text, toks, L["abbreviations"])
        out: list[PlaceMention] = []
        i = 0
        while i < len(toks):
            hit = self._match_at(text, toks, i, L, home)
            if hit is None:
                i += 1
                continue
            j, places = hit
            if not places:
                i = j
                continue
            start, end = toks[i][0], toks[j - 1][1]
            relation = place_relation(text, toks, i, j, L)
            if relation != "admin1" and article_free(" ".join(t[3] for t in toks[i:j]), self.particles) in L["directions"]:
                i = j                       # 'Ahrar al-Sharqiyah', 'Nashweh al-Gharbiyeh': a compass word
                continue
            if relation == "admin1":
                places = self._as_admin1(places)
            # provinces ranked past the cut stay ('Melbourne (Victoria)': Australia's Victoria is 20th
            # of the name), and homonyms in the caller's countries ('Concepcion' of Argentina, 12th)
            keep = places[:MAX_CANDIDATES] + [p for p in places[MAX_CANDIDATES:] if p.kind in ADMIN_KINDS][:2] \
                + [p for p in places[MAX_CANDIDATES:] if p.iso3 in countries and p.kind not in ADMIN_KINDS][:3]
            bare = relation == "in" and not cued(text, toks, i, j, L)
            out.append(PlaceMention(start, end, text[start:end], tuple(keep), relation, bare))
            i = j
        return out

    def _match_at(self, text, toks, i, L, home) -> tuple[int, list[Place]] | None:
        """The longest name starting at token i: (end token index, places) or None."""
        raw, fold = toks[i][2], toks[i][3]
        nxt_cap = i + 1 < len(toks) and toks[i + 1][2][:1].isupper() and self._joined(text, toks, i)
        if fold in self.particles and raw.islower():
            # 'al-Qusayr' yes; 'al' alone, or French 'et Paris' / 'en Syrie' (a space, not a hyphen) no
            if not nxt_cap or text[toks[i][1]:toks[i + 1][0]] != "-":
                return None
        elif not raw[:1].isupper() or (raw.isupper() and len(raw) <= 3 and not self._caps_name(text, toks, i)) or \
                (not raw.isupper() and not raw[1:].islower() and len(raw) > 1 and
                 not (raw[1:2].islower() and text[toks[i][1]:toks[i][1] + 1] == "-")):
            # lowercase word, acronym (ONU, ASL), mixed case (XXe, McDonald, DeAndre: names of
            # people in US news); 'KwaZulu-Natal' is tried whole, not as Brazil's Natal
            return None
        if after_title(text, toks, i, L["titles"]):
            return i + 2, []                # 'Officer Paul Metcalf': a person
        n = 1
        while i + n < len(toks) and n < 6 and self._joined(text, toks, i + n - 1):
            n += 1
        maxlen = max(self._head(fold), self._head(toks[i + 1][3]) + 1 if nxt_cap else 0)
        initial = sentence_initial(text, toks[i][0])
        for k in range(min(n, maxlen), 0, -1):
            if k == 1 and ((raw.isupper() and len(raw) <= 3) or abbreviation(text, toks, i)):
                break                       # 'NEW' alone is no place: only 'NEW ORLEANS' was tried
            key = " ".join(t[3] for t in toks[i:i + k])
            # 'At New York': the language's preposition, not the article 'at-' of 'at-Tall'
            if self._stopped(key, L, k == 1 or fold not in L["name_stop"] or text[toks[i][1]:toks[i + 1][0]] != " "):
                return i + k, []            # 'Croix-Rouge', 'al-Jazira': the whole name is no place
            if k > 1 and not toks[i + k - 1][2][:1].isupper() and self._stopped(fold, L) and \
                    text[toks[i][1]:toks[i + 1][0]] == " ":
                continue                    # 'Sana a annoncé': the agency and a verb, not "Sana'a"
            hits = self._ids(key)
            if k > 1 and abbreviation(text, toks, i):
                # the abbreviation as GeoNames writes it too: 'St. Louis' is Missouri's own name
                hits = hits + self._ids(" ".join([fold_token(raw)] + key.split()[1:]))
            if k > 1 and key.split()[0] in self.particles and text[toks[i][1]:toks[i + 1][0]] == "-" \
                    and all(self._place(pid).kind in ADMIN_KINDS for pid, _ in hits):
                # 'al-Qusayr' = 'Qusayr'; 'Ar-Raqqa' names the governorate and, as 'Raqqa', its city
                hits = hits + tuple((pid, max(rank, 1)) for pid, rank in self._ids(key.split(" ", 1)[1]))
            if k == 1 and initial_before(text, toks, i, L["directions_short"]):
                hits = tuple(h for h in hits if (p := self._place(h[0])).kind != "town" or p.geonames_id is None)
            places = self._plausible(hits, text, toks, i, k, initial, home, L["short_alternate"])
            if places:
                return i + k, places
        if abbreviation(text, toks, i):
            return None                     # 'Mt.' with no name after it that we know
        for end in L["endings"]:
            # an ending the language's transliteration adds ('Midane' for Midan): the name without
            # it, for a place of the article's countries or one vigie lists itself
            if fold.endswith(end) and len(fold) >= 4 + len(end) and not initial:
                stem = fold[:-len(end)]
                places = [p for p in self._plausible(self._ids(stem), text, toks, i, 1, False, home, L["short_alternate"])
                          if p.iso3 in home or p.geonames_id is None]
                if places:
                    return i + 1, places
        # transliteration fallbacks ('Thiban' for Dhiban, 'Qousseir' for Qusayr): the fold key, then the
        # consonant skeleton of Arabic-country names, capitalized and never sentence-initial tokens
        for kind in L["fallbacks"]:
            table = "fold" if kind == "fold" else "skel"
            for k in range(n, 0, -1):
                key = " ".join(t[3] for t in toks[i:i + k])
                if initial or self._stopped(key, L) or not capitalized(text, toks, i + k - 1):
                    continue
                fk = fold_key(key, self.particles, self.folds) if kind == "fold" else skeleton(key, self.particles)
                if len(fk) >= 5 and (places := self._plausible(self._ids(fk, table), text, toks, i, k, False, home,
                                                                L["short_alternate"])):
                    return i + k, places
        return self._loose_admin1(text, toks, i, n, L, initial)

    def _caps_name(self, text: str, toks, i: int) -> bool:
        """Is a short all-capital word the start of a longer all-capital name ('NEW ORLEANS --',
        'LOS ANGELES (AP)': datelines in capitals), not an acronym?"""
        return self._joined(text, toks, i) and toks[i + 1][2].isupper() and len(toks[i + 1][2]) > 3

    def _plausible(self, hits, text, toks, i: int, k: int, initial: bool, home: frozenset[str], short=0) -> list[Place]:
        """Ranked places of the hits that can be meant here. GeoNames holds 230,000 towns whose
        names and alternate names include first names and French words ('Point', 'Celle',
        'Martin', 'Valls'): outside the home countries a town needs 15,000 people by its own name,
        100,000 by an alternate one; a sentence-initial word or a word beside another capitalized
        word (a person's first or last name) needs 100,000."""
        if not hits:
            return []
        lower_inside = any(not capitalized(text, toks, j) and len(toks[j][2]) > 3 for j in range(i + 1, i + k))
        person = k == 1 and (beside(text, toks, i, i - 1) or beside(text, toks, i, i + 1))
        out = []
        for p, rank in self._ranked_hits(hits):
            curated = p.kind != "town" or p.geonames_id is None
            if curated:
                if not (k == 1 and initial and p.kind == "admin1" and p.iso3 not in home):
                    out.append(p)
                continue
            if lower_inside:                 # 'La ville', 'Et bien': only curated names have lowercase words
                continue
            pop = p.population
            if p.iso3 not in self.home and i > 0 and text[toks[i - 1][1]:toks[i][0]] == "-" and \
                    toks[i - 1][2][:1].islower() and toks[i - 1][3] not in self.particles:
                continue        # the end of a compound word: 'a vehicle-Borne IED' is not Borne, Netherlands
            if short and p.iso3 not in home and rank != 0 and k == 1 and (len(toks[i][3]) < short or toks[i][2].isupper()):
                continue        # a word or first name: 'Ben' for Bern, 'SIAN' for Xi'an (places.yaml)
            if (initial and k == 1) or person:
                ok = pop >= 100_000 or (p.iso3 in home and pop >= 1000 and not person)
            elif p.iso3 in self.home:
                # three-letter alternate names ('Sam' for Damascus) are first names in French prose
                ok = rank == 0 or len(toks[i][3]) >= 4 or k > 1
            elif p.iso3 in home:
                # the caller's country: a small town by its own name only, a town of 15,000 by
                # an alternate one ('Trostyanets' for Trostianets)
                ok = rank == 0 or pop >= 15_000
            else:
                ok = pop >= (15_000 if rank == 0 else 100_000)
            if ok:
                out.append(p)
        return out

    def _joined(self, text: str, toks, i: int) -> bool:
        """Do tokens i and i+1 belong to one name (only a space, hyphen or apostrophe between)?"""
        return i + 1 < len(toks) and bool(GAP.match(text[toks[i][1]:toks[i + 1][0]]))

    def _stopped(self, key: str, L: dict, article: bool = True) -> bool:
        """Is the key a known non-place (a person, a month, a common word), alone or (`article`: its first word may be an article) after a particle?"""
        if key in L["stop"]:
            return True
        toks = key.split()
        return article and len(toks) > 1 and toks[0] in self.particles and " ".join(toks[1:]) in L["stop"]

    def admin1_names(self, admin1: str) -> set[str]:
        """Canonical admin1 names a province or city name stands for (empty: one vigie does not know)."""
        return self._admin1_names(admin1)

    def _admin1_names(self, admin1: str) -> set[str]:
        """Canonical admin1 names meant by a province or city name ('Deraa', 'Dara', 'Alep')."""
        if admin1 in self._admin1:
            return {admin1}
        places = self._ranked(self._hits(name_key(admin1)))[:3]
        return {p.admin1 for p in places if p.admin1}
