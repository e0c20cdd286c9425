"""Writers: JSON Lines, ACLED-style CSV, the terminal table."""
from __future__ import annotations

import csv
import io
import json

from conftest import make_event
from vigie.export import (ACLED_COLUMNS, acled_row, format_table, interaction, unique_events,
                          write_csv, write_jsonl)


def test_csv_has_acled_header_and_mapping():
    events = [make_event("a1").to_json(), make_event("a2", best=None, day=None).to_json()]
    out = io.StringIO()
    assert write_csv(events, out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS
    first = dict(zip(rows[0], rows[1]))
    assert first["event_date"] == "2016-03-03" and first["year"] == "2016"
    assert first["time_precision"] == "1"
    assert (first["inter1"], first["inter2"], first["interaction"]) == ("1", "7", "17")
    assert first["civilian_targeting"] == "Civilian targeting"
    assert first["iso"] == "760" and first["country"] == "Syria"
    assert (first["latitude"], first["longitude"], first["geo_precision"]) == ("36.2", "37.16", "1")
    assert first["source"] == "Reuters" and first["fatalities"] == "17"
    assert first["disorder_type"] == "Political violence"
    second = dict(zip(rows[0], rows[2]))
    assert second["fatalities"] == "0"  # ACLED codes an unknown toll as 0
    assert second["event_date"] == "" and second["time_precision"] == ""


def test_acled_header_matches_acled_export(shared):
    with open(shared / "data/acled/global_sample_2022.dev.csv", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert tuple(header) == ACLED_COLUMNS


def test_interaction_codes():
    assert interaction(1, 0) == 10
    assert interaction(7, 2) == 27
    assert interaction(0, 0) == 0
    assert acled_row({"actor1": {"name": "Protesters (Syria)", "type": "Protesters"},
                      "event_type": "Protests",
                      "sub_event_type": "Excessive force against protesters"})["disorder_type"] \
        == "Political violence; Demonstrations"


def test_sources_joined_once():
    event = make_event("a1").to_json()
    event["sources"] += [dict(event["sources"][0], outlet="AFP"), dict(event["sources"][0])]
    assert acled_row(event)["source"] == "Reuters; AFP"


def test_jsonl_round_trip_and_unique():
    e1, e2 = make_event("a1"), make_event("a2")
    events = list(unique_events([(None, [e1]), (None, [e1, e2])]))
    assert [e["event_id"] for e in events] == [e1.event_id, e2.event_id]
    out = io.StringIO()
    write_jsonl(events, out)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == events


def test_table_fits_the_width():
    events = [make_event("a1").to_json()]
    for width in (40, 80, 200):
        lines = format_table(events, width)
        assert len(lines) == 2 and all(len(line) <= width for line in lines)
    wide = format_table(events, 200)
    assert wide[0].startswith("date") and "2016-03-03" in wide[1] and "Aleppo" in wide[1]
    assert "Military Forces of Syria" in wide[1] and " 17 " in wide[1]
