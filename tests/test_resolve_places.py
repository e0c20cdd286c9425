"""A town and its county; one town read as homonyms in two states (resolve.py)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from conftest import make_doc
from vigie.models import Claim, Event, Fatalities, Location, Source
from vigie.resolve import in_county, namesakes_agree, places_agree, resolve
from vigie.store import Store

TOWN = Location("Millbrook", "United States", 1, "Ohio", "Lorne County", "USA", 40.10, -82.90, geonames_id=1)
OTHER_TOWN = Location("Ashford", "United States", 1, "Ohio", "Lorne County", "USA", 40.35, -82.60, geonames_id=2)
COUNTY = Location("Lorne County", "United States", 2, "Ohio", "Lorne County", "USA", 40.20, -82.70, geonames_id=3)
NEIGHBOUR = Location("Pike County", "United States", 2, "Ohio", "Pike County", "USA", 40.15, -82.80, geonames_id=4)
HOMONYM = Location("Millbrook", "United States", 1, "Texas", "Bell County", "USA", 31.0, -97.5, geonames_id=5)
ABROAD = Location("Millbrook", "United Kingdom", 1, "England", None, "GBR", 51.0, -1.0, geonames_id=6)


WORDS = {"a1": "outside a tavern after an argument over a pool game",
         "a2": "near the fairgrounds as deputies chased a stolen pickup",
         "a3": "behind a grain warehouse in a quarrel over unpaid rent with a neighbour"}


def ev(article, loc, day=date(2016, 5, 7), killed=None, kind="Attack") -> Event:
    claims = (Claim("killed", killed, "exact", None, None, article, "q"),) if killed is not None else ()
    fat = Fatalities(best=killed, low=killed, high=killed) if killed is not None else Fatalities()
    # each report in its own words: two alike would be one story (story.py)
    quote = f"A man was shot dead {WORDS[article]} in {loc.name} on Saturday."
    return Event(event_date=day, date_precision="day", event_type="Violence against civilians",
                 sub_event_type=kind, location=loc, fatalities=fat,
                 sources=(Source(article, quote, 0, len(quote), published=date(2016, 5, 8)),),
                 claims=claims).with_id()


def test_a_town_agrees_with_the_county_it_lies_in_only():
    assert in_county(TOWN, COUNTY) and places_agree(TOWN, COUNTY) and places_agree(COUNTY, TOWN)
    assert not in_county(TOWN, NEIGHBOUR) and not places_agree(TOWN, NEIGHBOUR)
    assert not in_county(COUNTY, COUNTY)
    # a town whose county is unknown, or a county of another state, is not inside it
    assert not in_county(replace(TOWN, admin2=None), COUNTY)
    assert not in_county(replace(TOWN, admin1="Indiana"), COUNTY)


def doc(article, text="A man was shot dead on Saturday."):
    return replace(make_doc(article, text, date(2016, 5, 8)), lang="en")


def test_a_county_report_joins_its_towns_only_report_of_that_toll(tmp_path):
    with Store(tmp_path / "v.db") as store:
        store.add(doc("a1"), [ev("a1", TOWN, killed=1)], resolve=resolve)
        store.add(doc("a2"), [ev("a2", COUNTY, killed=1)], resolve=resolve)
        assert len(store.events()) == 1
        # another report at the county, with no toll, tells one of its towns' shootings, not which
        store.add(doc("a3"), [ev("a3", COUNTY)], resolve=resolve)
        assert len(store.events()) == 2


def test_a_county_report_with_two_towns_candidates_joins_neither(tmp_path):
    with Store(tmp_path / "v.db") as store:
        store.add(doc("a1"), [ev("a1", TOWN, killed=1)], resolve=resolve)
        store.add(doc("a2"), [ev("a2", OTHER_TOWN, killed=1)], resolve=resolve)
        store.add(doc("a3"), [ev("a3", COUNTY, killed=1)], resolve=resolve)
        assert len(store.events()) == 3


def test_one_town_read_in_two_states_is_one_event_when_day_kind_and_toll_agree():
    assert namesakes_agree(ev("a1", TOWN, killed=2), ev("a2", HOMONYM, killed=2), "en")
    assert namesakes_agree(ev("a1", TOWN), ev("a2", ABROAD), "en")
    assert not namesakes_agree(ev("a1", TOWN), ev("a2", HOMONYM, day=date(2016, 5, 1)), "en")
    assert not namesakes_agree(ev("a1", TOWN), ev("a2", HOMONYM, kind="Peaceful protest"), "en")
    # the same town in the same state is the ordinary path's, and a county is no town
    assert not namesakes_agree(ev("a1", TOWN), ev("a2", TOWN), "en")
    assert not namesakes_agree(ev("a1", COUNTY), ev("a2", replace(COUNTY, admin1="Texas")), "en")


def test_the_store_finds_a_namesake_in_another_state(tmp_path):
    with Store(tmp_path / "v.db") as store:
        first = ev("a1", TOWN, killed=2)
        store.add(doc("a1"), [first], resolve=resolve)
        store.add(doc("a2"), [ev("a2", HOMONYM, killed=2)], resolve=resolve)
        (event,) = store.events()
        assert event["event_id"] == first.event_id
        assert {s["article_id"] for s in event["sources"]} == {"a1", "a2"}

