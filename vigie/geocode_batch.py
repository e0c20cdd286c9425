"""Geocode a list of place names: JSON Lines queries `{"id", "name", "admin1"?, "country"?}` in,
one JSON line per query out with the place chosen by `Gazetteer.lookup`'s ranking.

Bad lines never stop a run: each is reported as `FILE:LINE: message` through the `errors` callback,
as `ingest.py` reports articles, and the other queries are answered.
"""
from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from .ingest import STDIN, InputError, decode, print_error
from .geocode_context import km
from .models import Place

# A city's quarters lie within QUARTER_KM_PER_ROOT * sqrt(population) km of its centre (at constant
# density a city's radius grows as the root of its people): Raqqa (530,000) 15 km, Algiers (2 M)
# 28 km, New York (8.8 M) 59 km; never less than MIN_QUARTER_KM.
QUARTER_KM_PER_ROOT = 0.02
MIN_QUARTER_KM = 10.0
ADMIN1_NEAR_KM = 50.0
FIELDS = ("id", "name", "lat", "lon", "geonames_id", "admin1", "country", "geo_precision", "matched")


@dataclass(frozen=True)
class Query:
    id: object
    name: str
    admin1: str | None = None
    country: str | None = None


@dataclass
class Summary:
    queries: int = 0
    found: int = 0


def read_queries(path: str, errors: Callable[[InputError], None] = print_error) -> Iterator[Query]:
    """The queries of a JSON Lines file, or of stdin for '-'; blank lines are skipped."""
    where = "<stdin>" if path == STDIN else path
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
    except OSError as err:
        errors(InputError(err.strerror or str(err), where))
        return
    for n, line in enumerate(decode(data).splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            errors(InputError(f"not valid JSON: {err.msg} (column {err.colno})", where, n))
            continue
        problem = check(obj)
        if problem:
            errors(InputError(problem, where, n))
            continue
        yield Query(obj.get("id"), obj["name"], obj.get("admin1") or None, obj.get("country") or None)


def check(obj) -> str | None:
    """What is wrong with a decoded query line, None if nothing."""
    if not isinstance(obj, dict):
        return "a query is a JSON object {\"id\", \"name\", \"admin1\"?, \"country\"?}"
    if not isinstance(obj.get("name"), str) or not obj["name"].strip():
        return "no \"name\" (a non-empty string)"
    bad = [k for k in ("admin1", "country") if obj.get(k) is not None and not isinstance(obj[k], str)]
    return f"{bad[0]!r} must be a string" if bad else None


def locate(gz, name: str, country: str | None = None, admin1: str | None = None) -> tuple[Place | None, str]:
    """The best place of that name and how it stands for the query: 'in', or 'near' when a city
    stands for one of its quarters. A country vigie cannot name does not filter."""
    if country and gz.country(country) is None:
        country = None
    place = _best(gz, name, country, admin1)
    if place is not None or " - " not in name:
        return place, "in"
    # ACLED names a city's quarter 'Damascus - Jobar' (1 in 10 of its precise Syrian battle
    # locations): the quarter within the province, else the city, near the quarter
    city, quarter = (part.strip() for part in name.split(" - ", 1))
    place = _best(gz, city, country, admin1) if city else None
    found = gz.lookup(quarter, country, admin1) if admin1 and quarter else []
    # a quarter lies within its city: ACLED's 'Aleppo - Al-Zahraa' (a district in the west) is not
    # the town of Az Zahraa 20 km north, nor 'Ar-Raqqa - Al-Mansour' the town 25 km west
    reach = max(MIN_QUARTER_KM, QUARTER_KM_PER_ROOT * math.sqrt(place.population or 0)) if place else 0
    found = [p for p in found if place is None or km(p, place) <= reach]
    if found:
        return found[0], "in"
    return place, "near"


def _best(gz, name: str, country: str | None, admin1: str | None) -> Place | None:
    """`Gazetteer.lookup`'s first place. An admin1 vigie does not know in that country (another
    spelling) filters nothing: on ACLED's 2022 global sample that finds 198 rows within 5 km for
    29 farther. A known one is kept: on both ACLED files, the same name in another province was
    within 5 km 44 times and farther 229 times."""
    for n in (name, gz.without_suffix(name)):
        places = gz.lookup(n, country, admin1) if n else []
        if not places and n and admin1:
            places = gz.lookup(n, country)
            if _known_admin1(gz, admin1, country):
                # ACLED's admin1 is often a city region that GeoNames files under its province
                # ('Bucha', Kyiv; 'Dublin', Dublin City): a place near where that name lies is kept
                refs = [r for r in gz.lookup(admin1, country) if r.lat is not None][:3]
                places = [p for p in places if any(km(p, r) <= ADMIN1_NEAR_KM for r in refs)]
        if places:
            return places[0]
    return None


def _known_admin1(gz, admin1: str, country: str | None) -> bool:
    """Does vigie know this admin1 (in that country, when given)?"""
    iso3 = (gz.country(country).iso3 if country else None)
    return any(gz.admin1_place(n, iso3) for n in gz.admin1_names(admin1))


def answer(gz, q: Query, place: Place | None, relation: str = "in") -> dict:
    """The output line of a query: the place's fields, or nulls and the query's own when not found."""
    if place is None:
        return {"id": q.id, "name": q.name, "lat": None, "lon": None, "geonames_id": None,
                "admin1": q.admin1, "country": q.country, "geo_precision": None, "matched": None}
    loc = gz.to_location(place, relation)
    return {"id": q.id, "name": q.name, "lat": loc.lat, "lon": loc.lon, "geonames_id": loc.geonames_id,
            "admin1": loc.admin1, "country": loc.country, "geo_precision": loc.geo_precision,
            "matched": place.name}


def geocode_all(gz, queries: Iterable[Query], out: IO[str],
                progress: Callable[[int], None] | None = None) -> Summary:
    """Answer every query, one JSON line each on `out`; `progress(1)` after each."""
    s = Summary()
    for q in queries:
        place, relation = locate(gz, q.name, q.country, q.admin1)
        out.write(json.dumps(answer(gz, q, place, relation), ensure_ascii=False) + "\n")
        s.queries += 1
        s.found += place is not None
        if progress:
            progress(1)
    return s
