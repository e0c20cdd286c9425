"""Place lists for `vigie gazetteer import`: CSV or TSV with a header, JSON (a list of objects),
JSON Lines and GeoJSON, whose columns are recognised by their usual names (vigie/data/place_columns.yaml:
an OCHA neighbourhood table's NAME_EN, LATITUDE, ADM1_EN; a GeoNames extract's geonameid,
alternatenames) or named with `--column FIELD=HEADER`; `--country CODE` for lists without a country.

Why not only the fixed `name,alternate_names,lat,lon,admin1,country` CSV: the lists users hold
(OCHA's, Syrian Archive's, a GeoNames extract) each name their columns otherwise, and rewriting
them by hand is where coordinates get swapped.
"""
from __future__ import annotations

import csv
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from .gazetteer_build import load_yaml

if TYPE_CHECKING:
    from .gazetteer_import import _Import
    from .models import Place

COLUMNS = Path(__file__).parent / "data" / "place_columns.yaml"
FIELDS = ("name", "alternate_names", "lat", "lon", "admin1", "admin1_code", "country", "geonames_id",
          "population")
DELIMITERS = "\t,;|"
ALT_SPLIT = re.compile(r"[|;,]")
# 36°11'19"N, 37 6 8 E: degrees, minutes, seconds and a hemisphere letter
DMS = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[°º:\s]\s*(?:(\d+(?:\.\d+)?)\s*['’′:\s]\s*)?"
                 r"(?:(\d+(?:\.\d+)?)\s*(?:\"|''|″|”)?\s*)?([NSEWnsew])?\s*$")


@dataclass(frozen=True)
class ListOptions:
    """What the user says of a place list: columns by field, a country for rows without one."""
    columns: dict[str, str] = field(default_factory=dict)
    country: str | None = None


@functools.lru_cache(maxsize=1)
def known_columns() -> dict[str, list[str]]:
    """Field -> recognised column keys, in order of preference."""
    return {f: [column_key(c) for c in names] for f, names in load_yaml(COLUMNS).items()}


def column_key(header: str) -> str:
    """A header as compared: lower case, letters and digits only ('ADM1_EN' -> 'adm1en')."""
    return re.sub(r"[\W_]+", "", str(header).casefold())


def parse_column_option(text: str) -> tuple[str, str]:
    """'name=NAME_EN' -> ('name', 'NAME_EN'); ValueError naming the fields for anything else."""
    f, sep, header = text.partition("=")
    f = f.strip().replace("-", "_")
    if not sep or f not in FIELDS or not header.strip():
        raise ValueError(f"{text!r}: expected FIELD=HEADER with FIELD among {', '.join(FIELDS)}")
    return f, header.strip()


def mapping(headers: list[str], options: ListOptions) -> dict[str, list[str]]:
    """Field -> the headers read for it (one, or every alternate-name column)."""
    by_key: dict[str, str] = {}
    for h in headers:
        by_key.setdefault(column_key(h), h)
    out: dict[str, list[str]] = {}
    for f, keys in known_columns().items():
        present = [by_key[k] for k in keys if k in by_key]
        if present:
            out[f] = present if f == "alternate_names" else present[:1]
    for f, h in options.columns.items():
        if h not in headers and column_key(h) not in by_key:
            raise ValueError(f"--column {f}={h}: no such column (columns: {', '.join(headers)})")
        out[f] = [h if h in headers else by_key[column_key(h)]]
    used = {h for f in ("name", "lat", "lon") for h in out.get(f, [])}
    out["alternate_names"] = [h for h in out.get("alternate_names", []) if h not in used]
    return out


def missing(fields: dict[str, list[str]], geojson: bool) -> list[str]:
    """The fields a list needs and lacks: a name, and coordinates unless its rows are GeoJSON."""
    need = ["name"] if geojson else ["name", "lat", "lon"]
    return [f for f in need if f not in fields]


def is_place_list(first: str) -> bool:
    """Could this first line open a place list (JSON, or a header of at least two columns)?"""
    s = first.lstrip("\ufeff").lstrip()
    return s.startswith(("[", "{")) or any(d in s for d in DELIMITERS)


def parse_coordinate(text, positive: str) -> float:
    """A decimal or degrees-minutes-seconds coordinate; ValueError when it is neither."""
    if isinstance(text, (int, float)):
        return float(text)
    s = str(text).strip()
    try:
        return float(s)
    except ValueError:
        pass
    m = DMS.match(s)
    if not m or not (m.group(2) or m.group(4)):
        raise ValueError(f"{'latitude' if positive == 'N' else 'longitude'} {text!r}: not a number")
    v = abs(float(m.group(1))) + float(m.group(2) or 0) / 60 + float(m.group(3) or 0) / 3600
    sign = -1 if m.group(1).startswith("-") or (m.group(4) and m.group(4).upper() not in positive) else 1
    return sign * v


def _centre(geometry: dict | None) -> tuple[float, float] | None:
    """(lon, lat) of a GeoJSON geometry: the point, or the mean of a shape's vertices."""
    if not geometry or "coordinates" not in geometry:
        return None
    pts: list[list[float]] = []

    def walk(c):
        if c and isinstance(c[0], (int, float)):
            pts.append(c)
        else:
            for x in c or []:
                walk(x)
    walk(geometry["coordinates"])
    if not pts:
        return None
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def records(lines: Iterator[tuple[int, str]], where: str) -> tuple[list[str], bool, Iterator[tuple[int, dict]]]:
    """(headers, is GeoJSON, rows as (line, dict)) of a place list of any of the formats."""
    _, first = next(lines)
    s = first.lstrip("\ufeff").lstrip()
    if s.startswith("{"):
        try:
            obj = json.loads(s)                                   # JSON Lines: one object a line
        except json.JSONDecodeError:
            obj = None
        if isinstance(obj, dict) and obj.get("type") not in ("FeatureCollection", "Feature"):
            return _json_lines(obj, first, lines, where)
    text = first + "".join(t for _, t in lines)
    if s.startswith(("[", "{")):
        try:
            data = json.loads(text.lstrip("\ufeff"))
        except json.JSONDecodeError as err:
            raise ValueError(f"not valid JSON: {err.msg} (line {err.lineno})") from None
        return _json_rows(data)
    return _delimited(first, text)


def _json_lines(obj: dict, first: str, lines, where: str):
    """Rows of a JSON Lines file; a line that is not an object is reported by `rows`."""
    headers = list(obj)

    def rows():
        yield 1, obj
        for n, t in lines:
            try:
                o = json.loads(t)
            except json.JSONDecodeError as err:
                o = f"not valid JSON: {err.msg}"
            yield n, o
    return headers, False, rows()


def _json_rows(data):
    """Rows of a JSON list of objects or of a GeoJSON FeatureCollection (line numbers: 0)."""
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        feats = [f for f in data.get("features") or [] if isinstance(f, dict)]
        rows = []
        for f in feats:
            props = dict(f.get("properties") or {})
            c = _centre(f.get("geometry"))
            if c is not None:
                props["\0lon"], props["\0lat"] = c
            rows.append(props)
        headers = list(dict.fromkeys(k for r in rows for k in r if not k.startswith("\0")))
        return headers, True, ((0, r) for r in rows)
    if isinstance(data, dict):                 # {"places": [...]}: the first list of objects
        data = next((v for v in data.values() if isinstance(v, list)), [])
    if not isinstance(data, list):
        raise ValueError("a JSON place list is a list of objects or a GeoJSON FeatureCollection")
    headers = list(dict.fromkeys(k for r in data if isinstance(r, dict) for k in r))
    return headers, False, ((0, r) for r in data)


def _delimited(first: str, text: str):
    """Rows of a CSV or TSV: the delimiter is the one the header line holds most of."""
    delim = max(DELIMITERS, key=lambda d: first.count(d))
    reader = csv.reader(text.lstrip("\ufeff").splitlines(), delimiter=delim)
    headers = [h.strip() for h in next(reader)]

    def rows():
        for n, row in enumerate(reader, 2):
            if not any(c.strip() for c in row):
                continue
            yield n, (dict(zip(headers, row)) if len(row) == len(headers) else
                      f"expected {len(headers)} columns separated by {delim!r}, found {len(row)}")
    return headers, False, rows()


def open_list(lines: Iterator[tuple[int, str]], where: str, options: ListOptions,
              country_of: Callable[[str], "Place | None"]) -> Callable[["_Import"], None]:
    """Check a place list's columns and `--country`; the function that imports its rows through
    an import's state (overlay, summary, errors). Nothing is written before the check passes."""
    from .gazetteer_import import SourceError
    try:
        headers, geojson, rows = records(lines, where)
        fields = mapping(headers, options)
    except ValueError as err:
        raise SourceError(where, str(err)) from None
    lack = missing(fields, geojson)
    if lack:
        raise SourceError(where, f"unknown format: a place list needs columns for {', '.join(lack)} "
                          f"(recognised: vigie/data/place_columns.yaml; or --column {lack[0]}=HEADER); "
                          f"its columns are {', '.join(headers)[:200]}")
    default_country = country_of(options.country) if options.country else None
    if options.country and default_country is None:
        raise SourceError(where, f"--country {options.country}: unknown country")
    return lambda job: _read(job, rows, fields, geojson, options, default_country)


def _read(job: "_Import", rows, fields: dict[str, list[str]], geojson: bool, options: ListOptions,
          default_country: "Place | None") -> None:
    """Import every row of a checked place list."""
    from .gazetteer_import import coords

    def one(row, f):
        return next((str(row[h]).strip() for h in fields.get(f, []) if row.get(h) not in (None, "")), "")
    for n, row in rows:
        if not isinstance(row, dict):
            job.bad(n, row if isinstance(row, str) else "a place is a JSON object")
            continue
        name = one(row, "name")
        try:
            if geojson and "\0lat" in row and "lat" not in options.columns:
                lat, lon = coords(str(row["\0lat"]), str(row["\0lon"]))
            else:
                lat, lon = coords(str(parse_coordinate(one(row, "lat"), "N")),
                                  str(parse_coordinate(one(row, "lon"), "E")))
        except ValueError as err:
            job.bad(n, str(err))
            continue
        ctext = one(row, "country")
        c = job.country(ctext) if ctext else default_country
        if not name or (ctext and c is None and default_country is None):
            job.bad(n, "empty name" if not name else f"unknown country {ctext!r} (--country CODE sets one)")
            continue
        c = c or default_country
        iso3 = c and c.iso3
        gid_text, pop_text = one(row, "geonames_id"), one(row, "population")
        gid = int(gid_text) if gid_text.isdigit() else None
        pop = int(float(pop_text)) if re.fullmatch(r"\d+(\.0*)?", pop_text) else 0
        iso2 = job.skel_iso2.get(iso3 or "")
        code, cc2 = one(row, "admin1_code"), ctext.upper() if len(ctext) == 2 else ""
        # a GeoNames extract's admin1 code names the province as the index does ('SY.09' -> Aleppo)
        admin1 = (job.admin1_of_code(cc2, code) if code and cc2 else None) or \
            job.admin1_of_name(one(row, "admin1"), iso3)
        alts = [a.strip() for h in fields.get("alternate_names", []) for a in ALT_SPLIT.split(str(row.get(h) or ""))]
        names = [(name, 0)] + [(a, 1) for a in dict.fromkeys(alts) if a and a != name]
        values = (name, lat, lon, c and c.name, iso3, admin1, gid, "town", pop)
        ukey = f"g:{gid}" if gid is not None else f"c:{name}|{lat:.5f}|{lon:.5f}|{iso3 or ''}"
        # the digest covers the fields read, so a column vigie ignores (an id) changes nothing
        line = json.dumps([[row.get(h) for h in hs] for hs in fields.values()], ensure_ascii=False, default=str)
        job.add(ukey, values, names, iso2, line)
