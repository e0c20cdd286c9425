"""People's and streets' names are no towns; negated arrests; a weekday before a full date;
one death told of one person beside a figure (written for these tests)."""
from datetime import date

import pytest

from vigie.extract.dates import find_dates
from vigie.extract.triggers import find_triggers
from vigie.extract.classify import blocked
from vigie.person_places import name_words


def test_name_words_of_people_named_with_an_age():
    words = name_words("Police identified the man as Dwayne Kessler, 41, of the east side. "
                       "His friend, 19-year-old Tamika Orrin, was not hurt.", "en")
    assert {"dwayne", "kessler", "tamika", "orrin"} <= words
    assert name_words("Police said the shooting happened downtown.", "en") == frozenset()


def test_weekday_before_a_full_date_is_the_full_date():
    (m,) = find_dates("The shooting happened on Friday August 19th, 2016 at about 10 p.m.",
                      date(2016, 8, 30), "en")
    assert m.day == date(2016, 8, 19)
    (m,) = find_dates("on Tuesday, March 3", date(2015, 3, 20), "en")
    assert m.day == date(2015, 3, 3)


@pytest.mark.parametrize("text, arrest", [
    ("No arrests have been made in the case.", False),
    ("Police have not made any arrests.", False),
    ("No one has been arrested, police said.", False),
    ("Police arrested a 20-year-old man on Monday.", True),
])
def test_a_denied_arrest_is_no_arrest(text, arrest):
    from vigie.extract.drafts import Sentence  # noqa: F401  (the module the cue lists serve)
    low = text.lower()
    trigs = [t for t in find_triggers(low, "en") if t.rule.sub_event_type == "Arrests"]
    assert trigs
    s = type("S", (), {"low": low})()
    assert any(not blocked(s, t, "en") for t in trigs) is arrest


@pytest.fixture(scope="module")
def res():
    from vigie.pipeline import Resources
    return Resources.default()


def events(res, text, published=date(2016, 12, 21)):
    from vigie.models import Article
    from vigie.pipeline import process
    return process(Article(id="t", text=text, published=published, lang="en"), res)[1]


def test_a_victims_surname_alone_is_no_town(res):
    evs = events(res, "Teenager fatally shot in Pittsburgh\n\n"
                      "The coroner identified the victim as 17-year-old Dwayne Gibson. "
                      "Gibson was found on the porch of a home on Tuesday.\n\n"
                      "Gibson did not live at the home, relatives said.")
    assert evs and {e.location.admin1 for e in evs} == {"Pennsylvania"}


def test_a_street_named_after_a_town_is_no_town(res):
    from vigie.geocode import Gazetteer
    from vigie.person_places import person_vetoed
    gz = person_vetoed(Gazetteer.default(), "", "en")
    assert not gz.find("police were called to the 6300 block of Woodstock Street, where", "en")


def test_a_neighbourhood_is_not_the_town_of_its_name(res):
    evs = events(res, "CHICAGO — A 17-year-old boy was shot and killed in the Austin neighborhood "
                      "on Sunday morning, Chicago police said.", date(2016, 5, 2))
    assert evs and evs[0].location.admin1 == "Illinois"


def test_shot_one_fatally_is_one_death(res):
    evs = events(res, "Four people were shot, one fatally, at a park in Stockton, California "
                      "late Wednesday afternoon.", date(2014, 2, 13))
    assert evs and evs[0].fatalities.best == 1


@pytest.mark.parametrize("text", [
    "A 14 year old boy is killed and a 17 year old is wounded after a shooting in Rockford, Illinois on Friday.",
    "A shooting in Salisbury, North Carolina left a 7-year-old girl dead early Sunday morning.",
    "Burlington teen shot dead by 15-year-old in Burlington, Vermont on Thursday.",
])
def test_one_death_told_without_a_figure(res, text):
    evs = events(res, text)
    assert evs and evs[0].fatalities.best == 1


def test_one_persons_death_beside_a_whole_toll_is_part_of_it(res):
    evs = events(res, "Three people were found dead in a home in Wichita, Kansas on Sunday, police said. "
                      "A man was fatally shot in the kitchen.", date(2016, 5, 2))
    assert evs and evs[0].fatalities.best == 3


def test_abbreviated_provinces_vote_for_their_country():
    from vigie.geocode_focus import abbreviated_countries
    votes = abbreviated_countries("PORTSMOUTH, Va. - Two boys were shot in Portsmouth.", "en")
    assert votes["USA"] == 3        # the abbreviation, and each time the name it qualifies occurs
    assert abbreviated_countries("Nothing abbreviated here.", "en") == {}


def test_a_dateline_in_capitals_is_read_whole():
    from vigie.geocode import Gazetteer
    gz = Gazetteer.default()
    (m,) = gz.find("NEW ORLEANS -- A jury found the man guilty.", "en")
    assert m.text == "NEW ORLEANS" and m.candidates[0].admin1 == "Louisiana"
    assert not gz.find("The UN and the EU met.", "en")

