"""find_dates: weekdays, relative words and absolute dates resolved against the reference date."""
from datetime import date

import pytest

from vigie.extract.dates import find_dates

SAT = date(2012, 3, 3)  # a Saturday


def one(text, ref=SAT, lang="fr"):
    (m,) = find_dates(text, ref, lang)
    assert text[m.start:m.end] == m.text
    return m


@pytest.mark.parametrize("text, day", [
    ("Jeudi, l'armée a bombardé la ville.", date(2012, 3, 1)),
    ("ce vendredi", date(2012, 3, 2)),
    ("mercredi soir", date(2012, 2, 29)),
    ("lundi matin", date(2012, 2, 27)),
    ("samedi", SAT),                       # the reference day itself counts
    ("samedi dernier", date(2012, 2, 25)),  # "dernier": strictly before
    ("dans la nuit de dimanche", date(2012, 2, 26)),
    ("hier", date(2012, 3, 2)),
    ("avant-hier", date(2012, 3, 1)),
    ("la veille", date(2012, 3, 2)),
    ("aujourd'hui", SAT),
    ("il y a trois jours", date(2012, 2, 29)),
    ("le 19 juin", date(2011, 6, 19)),
    ("le 1er mars", date(2012, 3, 1)),
    ("19 juin 2012", date(2012, 6, 19)),
    ("le 25 avril", date(2011, 4, 25)),
    ("jeudi 1er mars", date(2012, 3, 1)),
    ("le 08/07/2013", date(2013, 7, 8)),
])
def test_day_precision(text, day):
    m = one(text)
    assert (m.day, m.precision) == (day, "day")
    assert m.days[0] == day


def test_night_between_two_days():
    m = one("dans la nuit de mercredi à jeudi")
    assert m.day == date(2012, 2, 29)
    assert m.days == (date(2012, 2, 29), date(2012, 3, 1))


def test_night_with_dates_and_this_night():
    assert one("dans la nuit du 3 au 4 mars", ref=date(2012, 3, 4)).days == (date(2012, 3, 3), date(2012, 3, 4))
    assert one("cette nuit").days == (date(2012, 3, 2), SAT)


@pytest.mark.parametrize("text, day, precision", [
    ("la semaine dernière", date(2012, 2, 20), "week"),
    ("il y a une semaine", date(2012, 2, 25), "week"),
    ("le mois dernier", date(2012, 2, 1), "month"),
    ("en mars", date(2012, 3, 1), "month"),
    ("en juin", date(2011, 6, 1), "month"),
    ("en mars 2011", date(2011, 3, 1), "month"),
    ("en 2011", date(2011, 1, 1), "year"),
    ("depuis le début de l'année", date(2012, 1, 1), "year"),
])
def test_spans(text, day, precision):
    m = one(text)
    assert (m.day, m.precision, m.days) == (day, precision, ())


def test_never_after_reference_for_relative_words():
    for text in ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier"):
        assert one(text).day <= SAT
    assert find_dates("lundi prochain", SAT, "fr") == []


def test_weekday_with_date_picks_the_matching_year():
    assert one("mardi 6 mars", ref=date(2013, 3, 10)).day == date(2012, 3, 6)


def test_without_reference_date():
    got = find_dates("Jeudi et hier, puis le 19 juin et le 19 juin 2012.", None, "fr")
    assert [m.day for m in got] == [None, None, None, date(2012, 6, 19)]


def test_several_mentions_in_order():
    got = find_dates("Mercredi soir puis hier, enfin le 2 mars.", SAT, "fr")
    assert [m.text for m in got] == ["Mercredi soir", "hier", "2 mars"]


@pytest.mark.parametrize("text, day, precision", [
    ("on Tuesday", date(2012, 2, 28), "day"),
    ("Tuesday night", date(2012, 2, 28), "day"),
    ("last Saturday", date(2012, 2, 25), "day"),
    ("yesterday", date(2012, 3, 2), "day"),
    ("three days ago", date(2012, 2, 29), "day"),
    ("on June 19", date(2011, 6, 19), "day"),
    ("19 June 2012", date(2012, 6, 19), "day"),
    ("last week", date(2012, 2, 20), "week"),
    ("in March", date(2012, 3, 1), "month"),
])
def test_english(text, day, precision):
    m = one(text, lang="en")
    assert (m.day, m.precision) == (day, precision)


def test_english_overnight_and_may():
    assert one("overnight", lang="en").days == (date(2012, 3, 2), SAT)
    assert find_dates("they may 5 times", SAT, "en") == []


@pytest.mark.parametrize("text, ref, days, lang", [
    ("Plus de 300 corps ont été retrouvés ce week-end.", date(2012, 8, 27), (date(2012, 8, 25), date(2012, 8, 26)), "fr"),
    ("le week-end dernier", date(2012, 8, 26), (date(2012, 8, 25), date(2012, 8, 26)), "fr"),
    ("ce week-end", SAT, (SAT,), "fr"),
    ("bodies were found over the weekend", date(2012, 8, 29), (date(2012, 8, 25), date(2012, 8, 26)), "en"),
])
def test_weekend_is_saturday_or_sunday(text, ref, days, lang):
    m = one(text, ref, lang)
    assert (m.day, m.days, m.precision) == (days[0], days, "week")


@pytest.mark.parametrize("text, lang", [("morts entre lundi et mardi", "fr"),
                                        ("killed between Monday and Tuesday", "en")])
def test_two_days_told_as_one_span(text, lang):
    m = one(text, date(2013, 7, 26), lang)
    assert (m.day, m.days) == (date(2013, 7, 22), (date(2013, 7, 22), date(2013, 7, 23)))


@pytest.mark.parametrize("text, lang", [
    ("au cours des récentes semaines", "fr"),
    ("ces dernières semaines", "fr"),
    ("in recent weeks", "en"),
    ("over the past few weeks", "en"),
])
def test_recent_weeks_are_a_month_up_to_the_reference(text, lang):
    m = one(text, lang=lang)
    assert (m.day, m.precision) == (date(2012, 2, 2), "month")
    assert m.days[0] == m.day and m.days[-1] == SAT and len(m.days) == 31
    # with no reference, only the precision is known
    (bare,) = find_dates(text, None, lang)
    assert (bare.day, bare.precision) == (None, "month")


@pytest.mark.parametrize("text, ref, days, lang", [
    # a Wednesday report: this week's Monday and Tuesday
    ("en début de semaine", date(2012, 3, 7), (date(2012, 3, 5), date(2012, 3, 6)), "fr"),
    ("early in the week", date(2012, 3, 7), (date(2012, 3, 5), date(2012, 3, 6)), "en"),
    # a Tuesday report: its Monday only (never the reference day itself)
    ("au début de la semaine", date(2012, 3, 6), (date(2012, 3, 5),), "fr"),
    # a Monday report tells the week before's start
    ("en début de semaine", date(2012, 3, 12), (date(2012, 3, 5), date(2012, 3, 6)), "fr"),
    ("early last week", date(2012, 3, 14), (date(2012, 3, 5), date(2012, 3, 6)), "en"),
])
def test_start_of_the_week_is_its_monday_or_tuesday_before_the_reference(text, ref, days, lang):
    m = one(text, ref, lang)
    assert (m.day, m.days, m.precision) == (days[0], days, "day")


def test_an_appointment_to_come_is_no_day_of_the_events():
    ref = date(2016, 4, 20)
    days = lambda text, lang="en": [m.day for m in find_dates(text, ref, lang)]
    # resolved against the publication day, each would be last year's or last week's
    assert days("A hearing is scheduled for March 14; he was shot March 3.") == [date(2016, 3, 3)]
    assert days("He is due back in court on May 28.") == []
    assert days("He awaits a June 17 hearing.") == []
    assert days("The hearing is set for Friday.") == []
    assert days("Le procès a été renvoyé au 3 juin ; il a été tué le 2 avril.", "fr") == [date(2016, 4, 2)]
    # the same words with no date after them take nothing from a date before
    assert days("He was shot on Friday and is expected to recover.") == [date(2016, 4, 15)]
