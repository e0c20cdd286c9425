"""US local gun-violence reports (written for these tests): headline counts, accidental shootings,
and a page whose body holds no story but whose headline does."""
from datetime import date

import pytest

from vigie.extract.triggers import find_triggers
from vigie.models import Article
from vigie.pipeline import Resources, process


@pytest.fixture(scope="module")
def res():
    return Resources.default()


def subs(text):
    return {t.rule.sub_event_type for t in find_triggers(text.lower(), "en")}


@pytest.mark.parametrize("text", [
    "3 shot, one fatally, on a quiet street",
    "7-year-old shot in a Midtown neighborhood",
    "Two people were shot near the highway",
    "Boy, 9, accidentally shoots himself with a handgun",
    "Teen shoots self in leg while cleaning rifle",
    "The gun went off while he was loading it",
    "A woman was hit by a stray bullet",
    "Deputies say the hunting accident left him wounded",
    "Police accuse a woman of fatally shooting a toddler",
    "Man shoots girlfriend and her son",
    "Juvenile shot in arm near a school",
    "Arrest made in double homicide",
    "Three shot on a corner in Dorchester",
    "Student shot near a high school",
    "5 People Injured By Man With A Shotgun In Fort Worth",
    "Husband and wife dead after apparent murder/suicide",
    "Student killed in hunting mishap",
])
def test_gun_injuries_are_attacks(text):
    assert "Attack" in subs(text)


@pytest.mark.parametrize("text", ["She shot a film about the city", "The photo shoot went well",
                                  "Rebels shot down a drone", "He raised two shot glasses",
                                  "She fired two shots into the air"])
def test_other_shots_are_not(text):
    assert "Attack" not in subs(text)


def test_a_shootout_is_a_clash():
    assert "Armed clash" in subs("A shootout with officers ended the chase")


def test_headline_of_a_page_without_story_is_read(res):
    art = Article(id="h1", lang="en", published=date(2017, 3, 4),
                  title="5 shot, two fatally, outside a bar in Memphis",
                  text="By submitting your registration information, you agree to our Terms of "
                       "Service and Privacy Policy and to receive our newsletters every week.\n"
                       "Already have an account? Click here to sign in and read more stories today.")
    events = process(art, res)[1]
    assert events and events[0].sub_event_type == "Attack"
    assert events[0].location.name == "Memphis"


def test_headline_is_not_read_again_when_the_body_tells_the_story(res):
    art = Article(id="h2", lang="en", published=date(2017, 3, 4),
                  title="Shooting in Memphis",
                  text="A man was shot and killed outside a bar in Memphis on Friday night, police said.")
    events = process(art, res)[1]
    assert len(events) == 1 and events[0].fatalities.best == 1


def test_follow_up_that_tells_only_an_old_shooting_takes_its_day(res):
    art = Article(id="f1", lang="en", published=date(2017, 8, 20),
                  text="Police have charged a man months after the case went cold.\n"
                       "The two victims were shot and killed at a house in Memphis on March 28.")
    events = process(art, res)[1]
    assert events and events[0].event_date == date(2017, 3, 28)


def test_old_shooting_beside_recent_news_ranks_below_it(res):
    # an old shooting named by its calendar day is one more report of that day's incident (GVA,
    # first 1,500 articles: B-cubed F1 0.767 -> 0.770), ranked below the article's news
    art = Article(id="f2", lang="en", published=date(2017, 8, 20),
                  text="A man was shot and killed in Memphis on Saturday, police said.\n"
                       "Two people were shot and killed at a house in Memphis on March 28.")
    events = process(art, res)[1]
    assert [e.event_date for e in events] == [date(2017, 8, 19), date(2017, 3, 28)]
    assert events[0].confidence > events[1].confidence


def test_old_shooting_told_by_weekday_stays_background(res):
    art = Article(id="f3", lang="en", published=date(2017, 8, 20),
                  text="A man was shot and killed in Memphis on Saturday, police said.\n"
                       "Two people were shot and killed at a house in Memphis last month.")
    events = process(art, res)[1]
    assert [e.event_date for e in events] == [date(2017, 8, 19)]


def test_headline_is_read_alone_when_the_page_pushes_it_out(res):
    art = Article(id="h3", lang="en", published=date(2017, 3, 4),
                  title="Man dead following Memphis shooting",
                  text="Sign in with your account\nWelcome back. Please sign in\nWhy are we asking this?\n"
                       "By submitting your registration information, you agree to our Terms of Service "
                       "and Privacy Policy and to the use of your data by our partners worldwide.")
    events = process(art, res)[1]
    assert events and events[0].location.name == "Memphis"


@pytest.mark.parametrize("text", [
    "Police say a man killed his girlfriend and her daughter at their home",
    "A teen was struck by several shotgun pellets while hunting",
    "A bullet ricocheted off a wall and struck her in the arm",
])
def test_a_killing_at_home_and_a_stray_pellet_are_attacks(text):
    assert "Attack" in subs(text)


def test_follow_up_dated_by_a_day_told_outside_its_cue_sentences(res):
    # the cue sentence names no day; the calendar day of the death is told in another sentence
    art = Article(id="f4", lang="en", published=date(2017, 5, 20),
                  text="No charges will be filed after a boy accidentally shot his brother in Memphis.\n"
                       "The prosecutor called the April 2 death a tragedy.")
    events = process(art, res)[1]
    assert events and events[0].event_date == date(2017, 4, 2)


def test_fresh_report_without_a_day_keeps_its_publication_day(res):
    art = Article(id="f5", lang="en", published=date(2017, 5, 20),
                  text="A man was shot and killed outside a bar in Memphis, police said.")
    events = process(art, res)[1]
    assert events and events[0].event_date == date(2017, 5, 20)


@pytest.mark.parametrize("text,killed", [
    ("One of the three people hit has died.", 1),
    ("Two of the five people shot died at the hospital.", 2),
    ("The attack killed 3 of the 5 soldiers.", 3),
    ("A man between 25 and 35 years old was shot dead near the park.", 1),
    ("The girl, who was 12 or 13 years old, was shot and killed on Sunday.", 1),
    ("Jane Roe, 29 and pregnant, was fatally shot at home.", 1),
    ("A 9-month-old baby in Ohio died Thursday after he was shot by accident.", 1),
    ("Sam Doe died of a gunshot wound on Sunday.", 1),
    ("Boy, 8, dies of gunshot wound in Reno", 1),
    ("The man was taken to a hospital, where he was pronounced dead.", 1),
    ("Toddler shot, killed in a quiet town", 1),
    ("A teen accidentally shot himself and died on Monday.", 1),
    ("Three people were pronounced dead at the scene.", 3),
    # the dead are the group: a participle or a relative clause is the group's verb
    ("Ann and Bob Roe, two of four people found dead in the house, are pictured.", 4),
    ("Four of the five people who died in the shooting were identified.", 5),
    ("The children ranged in age from 8 to 15, and it is not clear when they died.", None),
])
def test_tolls_read_from_parts_ages_and_deaths_without_figures(text, killed):
    from vigie.extract import casualties as cas
    from vigie.extract.numbers import find_numbers
    figs = cas.figures(text, find_numbers(text, "en"), "en")
    assert cas.fatalities(cas.claims_of(figs, text, None, "t"), "en").best == killed


def test_unplaced_sentences_tell_the_news_when_the_placed_ones_are_old(res):
    # the only town named is an old incident's: the news sentences, which name none, were dropped
    # with it (GVA: 17 articles of several-report incidents told no event so)
    art = Article(id="u1", lang="en", published=date(2016, 6, 8),
                  text="A 13-year-old boy was in critical condition after he was shot in the back "
                       "on Tuesday, deputies said.\n"
                       "In 2012, a man was shot and killed in Sandusky during a robbery.")
    events = process(art, res)[1]
    assert [e.event_date for e in events] == [date(2016, 6, 7)]
    assert events[0].location.admin1 == "Ohio"
