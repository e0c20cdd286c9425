"""Clock times the reports give (told_times.py): one city's two shootings of one day stay two."""
from __future__ import annotations

from datetime import date

from vigie.models import Event, Fatalities, Location, Source
from vigie.told_times import clock_times, times_differ

RICHMOND = Location("Richmond", "United States", 1, "California", None, "USA", 37.9, -122.3, geonames_id=1)


def ev(article, text, day=date(2016, 9, 16)) -> Event:
    return Event(event_date=day, date_precision="day", event_type="Violence against civilians",
                 sub_event_type="Attack", location=RICHMOND, fatalities=Fatalities(),
                 sources=(Source(article, text, 0, len(text), published=day),)).with_id()


def test_clock_times_in_english_and_french():
    assert clock_times("about 10:15 a.m. Friday, then at 10:33 p.m.", "en") == {615, 1353}
    assert clock_times("shortly after 5:30p.m. and around 11 pm, before midnight", "en") == {1050, 1380, 0}
    assert clock_times("Two men were shot on 12th Street.", "en") == set()
    assert clock_times("vers 22h30, puis à 4 heures du matin", "fr") == {1350, 240}
    assert clock_times("pendant 3 heures", "fr") == set()


def test_two_reports_of_one_day_whose_hours_are_all_far_apart_tell_two_shootings():
    morning = ev("a1", "A baby was shot in the leg at about 10:15 a.m. on Second Street.")
    night = ev("a2", "Residents called police with reports of shots fired at 10:33 p.m.")
    assert times_differ(morning, night, "en")


def test_an_aftermath_hour_near_the_shooting_or_no_hour_keeps_them_one():
    shot = ev("a1", "Police responded to a reported shooting about 1:27 a.m. Saturday.")
    died = ev("a2", "She was pronounced dead at 2:12 a.m. at the hospital.")
    late = ev("a3", "Shots were fired just before midnight.")
    assert not times_differ(shot, died, "en")
    assert not times_differ(shot, late, "en")       # 1:27 a.m. and midnight: 87 minutes apart
    assert not times_differ(shot, ev("a4", "A woman was killed early Saturday."), "en")
    assert not times_differ(shot, ev("a5", "Shots at 3 p.m.", day=date(2016, 9, 17)), "en")
