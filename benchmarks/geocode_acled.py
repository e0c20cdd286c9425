"""Geocoding against ACLED: the share of ACLED's precise locations (geo_precision 1) that
`vigie geocode` places within 5 km of ACLED's coordinates, the misses by cause, and lookups/s.

Run: python benchmarks/geocode_acled.py [ACLED.csv ...] [--strict] [--examples N] [--causes]
Default files: ../shared/data/acled/{syria_battles_2017-2023,global_sample_2022}.dev.csv, read
where they are (nothing is copied). Uses the user's gazetteer, imported places included (the
first line says whether there are any). Without the files the script says so and exits 0.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import json
import sqlite3
import math
import sys
import time
from collections import Counter
from pathlib import Path

from vigie.gazetteer_build import name_key, skeleton
from vigie.geocode import Gazetteer
from vigie.geocode_batch import locate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT.parent / "shared/data/acled/syria_battles_2017-2023.dev.csv",
           ROOT.parent / "shared/data/acled/global_sample_2022.dev.csv"]
RADIUS_KM = 5.0
CAUSES = ("not found", "found but far", "wrong country")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, R = 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def rows(path: Path) -> list[dict]:
    """ACLED rows with geo_precision 1 (a named town or village)."""
    with open(path, encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["geo_precision"].strip() == "1"]


def measure(gz: Gazetteer, data: list[dict], strict: bool) -> dict:
    """Look every row up once; outcome counts, examples and timing (and each row's answer)."""
    outcome: Counter = Counter()
    answers: list[tuple] = []
    by_loc: dict[tuple, str] = {}
    examples: dict[str, Counter] = {c: Counter() for c in CAUSES}
    far_km: list[float] = []
    t = time.perf_counter()
    for r in data:
        name, admin1, country = r["location"], r["admin1"] or None, r["country"] or None
        if strict:
            found = gz.lookup(name, country, admin1)
            place, relation = (found[0] if found else None), "in"
        else:
            place, relation = locate(gz, name, country, admin1)
        want = gz.country(country) if country else None
        if place is None:
            cause = "not found"
        elif want is None or place.iso3 != want.iso3:
            cause = "wrong country"
        elif place.lat is None or (d := km(place.lat, place.lon, float(r["latitude"]), float(r["longitude"]))) > RADIUS_KM:
            cause = "found but far"
            far_km.append(d if place.lat is not None else math.inf)
        else:
            cause = "within"
        outcome[cause] += 1
        answers.append((r, place, relation, cause))
        by_loc[(name, admin1, country)] = cause
        if cause != "within":
            examples[cause][f"{name} ({admin1}, {country})"] += 1
    elapsed = time.perf_counter() - t
    far_km.sort()
    return {"rows": len(data), "outcome": outcome, "answers": answers, "locations": Counter(by_loc.values()),
            "examples": examples, "seconds": elapsed,
            "far_median_km": far_km[len(far_km) // 2] if far_km else None}


class Nearby:
    """The index's towns, districts and regions on a 0.1-degree grid: what lies near a point."""

    def __init__(self, gz: Gazetteer):
        db = sqlite3.connect(f"file:{gz.path}?mode=ro", uri=True)
        self.grid: dict[tuple[int, int], list[tuple]] = {}
        for p in db.execute("SELECT name, lat, lon FROM places WHERE lat IS NOT NULL "
                            "AND kind NOT IN ('admin1', 'country')"):
            self.grid.setdefault((int(p[1] * 10), int(p[2] * 10)), []).append(p)
        db.close()

    def names(self, lat: float, lon: float, radius: float = RADIUS_KM) -> list[str]:
        """Main names of the places within `radius` km."""
        cells = ((int(lat * 10) + dx, int(lon * 10) + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
        return [n for c in cells for n, la, lo in self.grid.get(c, []) if km(lat, lon, la, lo) <= radius]


def cause_of(gz: Gazetteer, near: Nearby, r: dict, place, relation: str) -> str:
    """Why a row was missed: the place absent from the index, spelt otherwise there, a homonym
    chosen, a quarter vigie lacks, a big city whose GeoNames point is not ACLED's. 'Spelt
    otherwise' means a place within 5 km whose main name has a consonant skeleton at least 70%
    like the query's: an upper bound, some are neighbours of like name."""
    lat, lon = float(r["latitude"]), float(r["longitude"])
    name = r["location"].split(" - ", 1)[-1]
    sk = skeleton(name_key(name), gz.particles)
    alike = any(difflib.SequenceMatcher(None, sk, skeleton(name_key(n), gz.particles)).ratio() >= 0.7
                for n in near.names(lat, lon))
    if place is None:
        return "spelt otherwise in the index" if alike else "not in the index"
    if relation == "near":
        return "city for a quarter vigie lacks"
    if place.kind in ("admin1", "region"):
        return "province or region chosen"
    if place.kind == "town" and place.population >= 100_000 and km(place.lat, place.lon, lat, lon) <= 20:
        return "big city, GeoNames point 5-20 km from ACLED's"
    return "homonym chosen, right place in the index" if alike else "homonym chosen, right place not in the index"


def report(path: Path, res: dict, n_examples: int) -> dict:
    """Print the table of one file; its JSON summary."""
    n, o, locs = res["rows"], res["outcome"], res["locations"]
    nl = sum(locs.values())
    print(f"\n{path.name}: {n} rows with geo_precision 1, {nl} distinct (location, admin1, country)")
    print(f"  within {RADIUS_KM:g} km     {o['within']:6d} rows  {o['within'] / max(n, 1):6.1%}   "
          f"{locs['within']:5d} locations  {locs['within'] / max(nl, 1):6.1%}")
    for c in CAUSES:
        print(f"  {c:<15} {o[c]:6d} rows  {o[c] / max(n, 1):6.1%}   {locs[c]:5d} locations  {locs[c] / max(nl, 1):6.1%}")
    if res["far_median_km"] is not None:
        print(f"  found but far: median distance {res['far_median_km']:.1f} km")
    print(f"  lookups/s       {n / res['seconds']:,.0f} ({n} in {res['seconds']:.2f} s, fresh caches)")
    for c in CAUSES:
        if n_examples and res["examples"][c]:
            top = ", ".join(f"{k} x{v}" for k, v in res["examples"][c].most_common(n_examples))
            print(f"  e.g. {c}: {top}")
    return {"file": path.name, "rows": n, "within_5km": round(o["within"] / max(n, 1), 4),
            **{c.replace(" ", "_"): o[c] for c in CAUSES}, "lookups_per_s": round(n / res["seconds"])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--strict", action="store_true",
                    help="Gazetteer.lookup(name, country, admin1) alone, without geocode's fallbacks")
    ap.add_argument("--examples", type=int, default=8, help="most frequent misses shown per cause")
    ap.add_argument("--causes", action="store_true",
                    help="sort the misses by cause: not in the index, spelt otherwise, homonym, quarter, ...")
    args = ap.parse_args()
    missing = [f for f in args.files if not f.is_file()]
    if missing:
        print(f"no such file: {', '.join(map(str, missing))} (the ACLED files live in ../shared)")
        return
    base = Gazetteer.default()
    print(f"index {base.path.name}; imported places: {'yes' if base.imports else 'none'}; "
          f"{'strict lookup' if args.strict else 'vigie geocode (geocode_batch.locate)'}")
    out, near = [], None
    for f in args.files:
        data = rows(f)
        # a fresh Gazetteer per file: its lookup caches start empty, as in one `vigie geocode` run
        gz = Gazetteer(base.path, imports=base.imports)
        res = measure(gz, data, args.strict)
        out.append(report(f, res, args.examples))
        if args.causes:
            near = near or Nearby(gz)
            causes = Counter(cause_of(gz, near, r, p, rel) for r, p, rel, c in res["answers"] if c != "within")
            print("  misses by cause:")
            for c, n in causes.most_common():
                print(f"    {c:<46} {n:6d} rows  {n / max(len(data), 1):6.1%}")
            out[-1]["causes"] = dict(causes)
    print()
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
