"""`vigie geocode` and `vigie gazetteer import` from the command line, on a cache directory of the
test's own whose index is the real one (a link)."""
from __future__ import annotations

import io
import json
import sys

from test_cli import run_main, vigie
from test_gazetteer_import import CSV, TABLE, write
from vigie.geocode_batch import FIELDS, locate
from vigie.gazetteer_import import IMPORTS_FILE

QUERIES = [{"id": 1, "name": "Alep", "country": "Syria"},
           {"id": "q2", "name": "Saida", "admin1": "Deraa", "country": "SY"},
           {"id": 3, "name": "Nowhereville", "country": "Syria"},
           {"id": 4, "name": "Damascus - Nowhere Quarter", "admin1": "Damascus", "country": "Syria"},
           {"id": 5, "name": "Goma", "country": "Democratic Republic of Congo"}]


def jsonl(rows) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def answers(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_geocode_file(gz_cache, tmp_path, capsys):
    src = write(tmp_path / "q.jsonl", jsonl(QUERIES))
    assert run_main(["geocode", str(src)]) == 0
    out = answers(capsys.readouterr().out)
    assert [a["id"] for a in out] == [1, "q2", 3, 4, 5] and all(list(a) == list(FIELDS) for a in out)
    alep, saida, nowhere, quarter, goma = out
    assert (alep["name"], alep["matched"], alep["country"], alep["geo_precision"]) == ("Alep", "Aleppo", "Syria", 1)
    assert abs(alep["lat"] - 36.2) < 0.1 and alep["geonames_id"] == 170063
    assert (saida["admin1"], saida["country"]) == ("Dara", "Syria")
    assert nowhere == {"id": 3, "name": "Nowhereville", "lat": None, "lon": None, "geonames_id": None,
                       "admin1": None, "country": "Syria", "geo_precision": None, "matched": None}
    # an ACLED 'City - Quarter' vigie does not know: the city, near it (precision 2)
    assert (quarter["matched"], quarter["geo_precision"]) == ("Damascus", 2)
    assert (goma["country"], goma["admin1"]) == ("Democratic Republic of the Congo", "Nord-Kivu")   # ACLED's name


def test_geocode_stdin_and_output_file(gz_cache, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(jsonl(QUERIES[:2]).encode())))
    out = tmp_path / "answers.jsonl"
    assert run_main(["geocode", "-", "-o", str(out)]) == 0
    assert [a["matched"] for a in answers(out.read_text(encoding="utf-8"))] == ["Aleppo", "Saida"]
    err = capsys.readouterr()
    assert err.out == "" and "2 queries, 2 found, 0 errors" in err.err


def test_geocode_bad_lines_reported_and_skipped(gz_cache, tmp_path, capsys):
    src = write(tmp_path / "q.jsonl", jsonl(QUERIES[:1]) + "{not json\n\n" + '{"id": 9}\n["a list"]\n'
                + jsonl(QUERIES[1:2]))
    assert run_main(["geocode", str(src), "--quiet"]) == 1
    got = capsys.readouterr()
    assert [a["id"] for a in answers(got.out)] == [1, "q2"]
    assert f"{src}:2: not valid JSON" in got.err and f"{src}:4: no \"name\"" in got.err
    assert f"{src}:5: a query is a JSON object" in got.err


def test_locate_country_unknown_to_vigie_does_not_filter(gazetteer_index):
    place, relation = locate(gazetteer_index, "Alep", "Atlantis")
    assert place.name == "Aleppo" and relation == "in"


def test_gazetteer_import_then_geocode(gz_cache, tmp_path, capsys):
    assert run_main(["gazetteer", "import", str(write(tmp_path / "SY.txt", TABLE)),
                     str(write(tmp_path / "extra.csv", CSV))]) == 0
    err = capsys.readouterr().err
    assert "SY.txt (geonames): 2 new places, 1 known to the index" in err and "0 bad rows" in err
    assert str(gz_cache / IMPORTS_FILE) in err
    q = write(tmp_path / "q.jsonl", jsonl([{"id": 1, "name": "Kfar Zaytouna", "country": "Syria"},
                                           {"id": 2, "name": "Tadamon al-Jadid", "admin1": "Damascus"}]))
    assert run_main(["geocode", str(q), "-q"]) == 0
    a, b = answers(capsys.readouterr().out)
    assert (a["matched"], a["geonames_id"], a["admin1"]) == ("Kafr Zaytunat", 99000001, "Idleb")
    assert (b["matched"], b["lat"], b["lon"]) == ("Hay al-Tadamoun Jadid", 33.4821, 36.3112)


def test_gazetteer_import_errors(gz_cache, tmp_path, capsys):
    bad = write(tmp_path / "bad.csv", CSV + "Qarya,,north,36.2,,Syria\n")
    assert run_main(["gazetteer", "import", str(bad), "-q"]) == 1
    assert f"vigie: {bad}:4: latitude 'north'" in capsys.readouterr().err
    notes = write(tmp_path / "notes.txt", "Some notes\n")
    assert run_main(["gazetteer", "import", str(notes), str(tmp_path / "missing.zip"), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"vigie: {notes}: unknown format" in err and "missing.zip: no such file" in err
    assert run_main(["gazetteer", "import", str(notes), "--feature-classes", "XZ"]) == 2
    assert run_main(["gazetteer"]) == 2


def test_gazetteer_import_place_list_options(gz_cache, tmp_path, capsys):
    src = write(tmp_path / "hara.tsv", "hara\tgovernorate\tY_DD\tX_DD\nHarat Jasminat\tHoms\t34.73\t36.71\n")
    args = ["gazetteer", "import", str(src), "-q", "--country", "SY", "--column", "name=hara"]
    assert run_main(args + ["--column", "lat=Y_DD", "--column", "lon=X_DD"]) == 0
    from vigie.geocode import Gazetteer
    assert Gazetteer.open(gz_cache).lookup("Harat Jasminat", "Syria")[0].admin1 == "Homs"
    assert run_main(["gazetteer", "import", str(src), "--column", "height=Z"]) == 2


def test_extract_uses_imported_places(gz_cache, tmp_path):
    """A later `vigie extract` (a new process) places the event in the imported village."""
    assert run_main(["gazetteer", "import", str(write(tmp_path / "SY.txt", TABLE)), "-q"]) == 0
    art = write(tmp_path / "a.txt", "Idleb, 4 mars (Reuters) - Au moins cinq civils ont été tués mardi "
                "dans un bombardement sur Kafr Zeitouneh, selon l'Observatoire syrien des droits de l'homme.\n")
    proc = vigie("extract", str(art), "--published", "2016-03-05", "--quiet", env={"VIGIE_CACHE": str(gz_cache)})
    [event] = answers(proc.stdout)
    assert (event["location"]["name"], event["location"]["geonames_id"]) == ("Kafr Zaytunat", 99000001)
