"""Reports of one story in other words (story.py): rare words shared by their event sentences."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from conftest import make_doc
from vigie import story
from vigie.models import Event, Fatalities, Location, Source
from vigie.resolve import family, resolve
from vigie.store import Store

OHIO = Location("Millbrook", "United States", 1, "Ohio", None, "USA", 40.1, -82.9, geonames_id=1)
ENGLAND = Location("Millbrook", "United Kingdom", 1, "England", None, "GBR", 51.0, -1.0, geonames_id=2)
TEXAS = Location("Alvord", "United States", 1, "Texas", None, "USA", 33.3, -97.7, geonames_id=3)

ONE = ("A 15-year-old boy was killed when a rifle discharged as he and his father launched their "
       "boat at the Wabash River landing during a fishing trip near Millbrook.")
SAME = ("The teenager died at the Wabash River landing after the rifle went off while the father and "
        "son were putting their boat in for a fishing trip, deputies said.")
OTHER = "A man was shot in the leg outside a convenience store on Main Street, police said."
# the rest of a local report: a story runs to story.STORY_MIN_WORDS words and more
REST = (" The sheriff's office said the investigation was continuing and asked anyone with"
        " information to call the tip line. Neighbors said the family had lived in the area for"
        " years and described them as quiet. No other details were released on Sunday evening.")
NOTE = "A man was killed at the Wabash River landing near Millbrook during a fishing trip."


def ev(article, text, loc=OHIO, day=date(2016, 5, 7), kind="Attack",
       etype="Violence against civilians") -> Event:
    return Event(event_date=day, date_precision="day", event_type=etype,
                 sub_event_type=kind, location=loc, fatalities=Fatalities(best=1, low=1, high=1),
                 sources=(Source(article, text, 0, len(text), published=day),)).with_id()


def test_rare_words_weigh_more_than_common_ones():
    assert story.rarity("the", "en") == 0.0
    assert story.rarity("wabash", "en") > story.rarity("river", "en") > story.rarity("said", "en")
    assert story.rarity("fusillade", "fr") > story.rarity("police", "fr")


def test_two_outlets_words_for_one_story_are_close_and_another_storys_far():
    assert story.similarity(ev("a1", ONE), ev("a2", SAME), "en") >= story.SAME_STORY
    assert story.similarity(ev("a1", ONE), ev("a3", OTHER), "en") < 0.2


def test_one_story_needs_one_kind_and_close_days():
    assert story.same_story(ev("a1", ONE), ev("a2", SAME, ENGLAND), "en", family)
    assert not story.same_story(ev("a1", ONE), ev("a2", SAME, day=date(2016, 5, 20)), "en", family)
    assert not story.same_story(ev("a1", ONE), ev("a2", SAME, kind="Peaceful protest", etype="Protests"), "en", family)


def test_keys_are_each_events_rarest_words():
    keys = story.keys([ev("a1", ONE)], "en")
    assert "$wabash" in keys and "$the" not in keys and len(keys) <= story.KEYS


def test_only_a_story_is_long_enough_to_be_told_in_its_own_words():
    assert story.is_story(ONE + REST) and not story.is_story(ONE) and not story.is_story(None)


def test_a_report_placed_abroad_by_a_homonym_joins_its_story(tmp_path):
    with Store(tmp_path / "v.db") as store:
        first = ev("a1", ONE)
        store.add(replace(make_doc("a1", ONE + REST, date(2016, 5, 7)), lang="en"), [first], resolve=resolve)
        store.add(replace(make_doc("a2", SAME + REST, date(2016, 5, 8)), lang="en"),
                  [ev("a2", SAME, ENGLAND, day=date(2016, 5, 8))], resolve=resolve)
        store.add(replace(make_doc("a3", OTHER + REST, date(2016, 5, 8)), lang="en"),
                  [ev("a3", OTHER, TEXAS, day=date(2016, 5, 8))], resolve=resolve)
        events = store.events()
        assert len(events) == 2
        joined = next(e for e in events if e["event_id"] == first.event_id)
        assert {s["article_id"] for s in joined["sources"]} == {"a1", "a2"}


def test_two_notes_told_alike_stay_apart(tmp_path):
    # a monitor's notes of a few dozen words are mostly their template: their words link nothing
    with Store(tmp_path / "v.db") as store:
        store.add(replace(make_doc("n1", NOTE, date(2016, 5, 7)), lang="en"), [ev("n1", NOTE)], resolve=resolve)
        store.add(replace(make_doc("n2", NOTE, date(2016, 5, 8)), lang="en"),
                  [ev("n2", NOTE, ENGLAND, day=date(2016, 5, 8))], resolve=resolve)
        assert len(store.events()) == 2
