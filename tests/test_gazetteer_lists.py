"""Place lists for `vigie gazetteer import`: CSV/TSV/JSON/JSON Lines/GeoJSON with their own column
names, `--column FIELD=HEADER`, `--country CODE`, coordinates in degrees-minutes-seconds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from vigie.gazetteer_import import IMPORTS_FILE, SourceError, import_source
from vigie.gazetteer_lists import ListOptions, mapping, parse_column_option, parse_coordinate
from vigie.geocode import Gazetteer

# invented neighbourhoods and villages
OCHA_LIKE = ("NAME_EN,NAME_AR,PCODE,ADM1_EN,ADM0_PCODE,LATITUDE,LONGITUDE\n"
             "Hay Zanbaqat,حي الزنبقة,N9001,Aleppo,SY,36.2101,37.1402\n"
             "Hay Sawsanat,حي السوسنة,N9002,Damascus,SY,33.5012,36.3011\n")


def run(src: Path, cache: Path, index: Gazetteer, options=None, errors=None):
    return import_source(str(src), cache / IMPORTS_FILE, index, errors=errors or (lambda e: None),
                         options=options)


def test_headers_recognised():
    m = mapping(["NAME_EN", "NAME_AR", "NAM_EN_REF", "LATITUDE", "LONGITUDE", "ADM1_EN", "ADM0_PCODE"],
                ListOptions())
    assert m["name"] == ["NAME_EN"] and m["lat"] == ["LATITUDE"] and m["lon"] == ["LONGITUDE"]
    assert m["alternate_names"] == ["NAME_AR", "NAM_EN_REF"] and m["admin1"] == ["ADM1_EN"]
    assert m["country"] == ["ADM0_PCODE"]
    m = mapping(["label", "town", "y", "x"], ListOptions({"name": "town"}))
    assert m["name"] == ["town"] and "label" not in m.get("alternate_names", [])
    with pytest.raises(ValueError, match="no such column"):
        mapping(["name", "lat", "lon"], ListOptions({"admin1": "wilaya"}))


def test_column_option_and_coordinates():
    assert parse_column_option("lat=Y_COORD") == ("lat", "Y_COORD")
    with pytest.raises(ValueError, match="FIELD=HEADER"):
        parse_column_option("height=Z")
    assert parse_coordinate("36°11'19\"N", "N") == pytest.approx(36.18861, abs=1e-4)
    assert parse_coordinate("37 6 8 W", "E") == pytest.approx(-37.10222, abs=1e-4)
    assert parse_coordinate("-12.5", "N") == -12.5
    with pytest.raises(ValueError, match="not a number"):
        parse_coordinate("north", "N")


def test_csv_with_own_headers(gz_cache, gazetteer_index, tmp_path):
    src = tmp_path / "neighbourhoods.csv"
    src.write_text(OCHA_LIKE, encoding="utf-8")
    s = run(src, gz_cache, gazetteer_index)
    assert (s.format, s.added, s.bad) == ("csv", 2, 0)
    gz = Gazetteer.open(gz_cache)
    [p] = gz.lookup("Hay Zanbaqat", "Syria")
    assert (p.admin1, p.lat, p.lon, p.country) == ("Aleppo", 36.2101, 37.1402, "Syria")
    again = run(src, gz_cache, gazetteer_index)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_tsv_geonames_extract_names_index_places(gz_cache, gazetteer_index, tmp_path):
    src = tmp_path / "extract.tsv"
    src.write_text("geonameid\tname\tlatitude\tlongitude\tcountrycode\tadmin1code\tpopulation\talternatenames\n"
                   "170063\tAleppo\t36.20124\t37.16117\tSY\t09\t2098210\tHalab Shahbaa Test|Alepo\n",
                   encoding="utf-8")
    s = run(src, gz_cache, gazetteer_index)
    assert (s.known, s.added, s.bad) == (1, 0, 0)
    assert Gazetteer.open(gz_cache).lookup("Halab Shahbaa Test")[0].geonames_id == 170063


def test_json_jsonl_geojson_and_country_option(gz_cache, gazetteer_index, tmp_path):
    lst = tmp_path / "archive.json"
    lst.write_text(json.dumps([{"id": 1, "name": "Qaryat Nakhlat", "arabic_name": "قرية نخلة",
                                "latitude": "35°30'0\"N", "longitude": "36°40'0\"E", "region": "Idlib"}]),
                   encoding="utf-8")
    s = run(lst, gz_cache, gazetteer_index, ListOptions(country="SY"))
    assert (s.format, s.added, s.bad) == ("json", 1, 0)
    lines = tmp_path / "places.jsonl"
    lines.write_text('{"place": "Tall Tuffahat", "lat": 35.9, "lng": 38.9}\nnot json\n', encoding="utf-8")
    seen = []
    s = run(lines, gz_cache, gazetteer_index, ListOptions(country="Syria"), errors=seen.append)
    assert (s.added, s.bad) == (1, 1) and seen[0].line == 2
    geo = tmp_path / "camps.geojson"
    geo.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"NAME": "Mukhayyam Zaytun"},
         "geometry": {"type": "Polygon", "coordinates": [[[36.0, 35.0], [36.2, 35.0], [36.2, 35.2], [36.0, 35.2]]]}}]}),
        encoding="utf-8")
    assert run(geo, gz_cache, gazetteer_index, ListOptions(country="SY")).added == 1
    gz = Gazetteer.open(gz_cache)
    p = gz.lookup("Qaryat Nakhlat", "Syria")[0]
    assert (round(p.lat, 2), round(p.lon, 2)) == (35.5, 36.67)
    assert gz.lookup("Tall Tuffahat", "Syria")[0].country == "Syria"
    c = gz.lookup("Mukhayyam Zaytun", "Syria")[0]
    assert (round(c.lat, 2), round(c.lon, 2)) == (35.1, 36.1)


def test_list_without_coordinates_or_country(gz_cache, gazetteer_index, tmp_path):
    src = tmp_path / "names.csv"
    src.write_text("name;aliases\nQarya;Qaria\n", encoding="utf-8")
    with pytest.raises(SourceError, match="needs columns for lat, lon"):
        run(src, gz_cache, gazetteer_index)
    src.write_text("name,lat,lon\nQarya,35,36\n", encoding="utf-8")
    with pytest.raises(SourceError, match="--country Atlantis: unknown country"):
        run(src, gz_cache, gazetteer_index, ListOptions(country="Atlantis"))
