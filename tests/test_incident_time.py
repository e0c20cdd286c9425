"""The day an article says its incident happened (dates.incident_days, events._news_day)."""
from __future__ import annotations

from datetime import date

import pytest

from vigie.extract.dates import incident_days
from vigie.models import Article
from vigie.normalize import split_sentences
from vigie.pipeline import Resources, process

REF = date(2015, 10, 8)      # a Thursday


def days(text, lang="en"):
    return dict(incident_days(split_sentences(text, lang), REF, lang, 60))


def test_a_sentence_telling_when_the_incident_happened_gives_its_day():
    assert days("Deputies said the incident happened about 10:30 a.m. Sunday at a home.") == {date(2015, 10, 4): 1}
    assert days("Officers responding to a call around 11:50 p.m. Saturday found two men.") == {date(2015, 10, 3): 1}
    assert days("Les faits se sont produits dimanche vers 22 heures, selon les gendarmes.", "fr") == {date(2015, 10, 4): 1}


def test_other_sentences_and_days_after_the_article_give_none():
    assert days("A man was arrested Tuesday, police said.") == {}
    assert days("The trial is set to begin Oct. 20, the court said; it happened to be raining.") == {}


def test_a_written_out_day_of_the_incident_counts_years_later_a_weekday_only_weeks():
    plea = ("The charges stemmed from a shooting that occurred on Mar. 4, 2014 at the bar. "
            "Three men were charged in connection with a shooting on July 25 2014, police said.")
    found = incident_days(split_sentences(plea, "en"), REF, "en", 60, 3 * 366)
    assert dict(found) == {date(2014, 3, 4): 1, date(2014, 7, 25): 1}
    assert dict(incident_days(split_sentences(plea, "en"), REF, "en", 60)) == {}
    # a weekday is counted from the article's own week: never a year back
    assert days("The shooting on Main Street happened Friday night.") == {date(2015, 10, 2): 1}
    assert days("A man was charged in a shooting on Main Street, police said.") == {}


def test_a_time_glued_to_its_abbreviation_does_not_end_the_sentence():
    (s,) = split_sentences("The shooting occurred around 5:30p.m. Thursday at the bridge.", "en")
    assert s.text.endswith("at the bridge.")


@pytest.fixture(scope="module")
def res():
    return Resources.default()


def test_an_untimed_report_takes_the_day_its_incident_happened(res):
    text = ("A 4-year-old boy was shot in the head by his brother in Memphis, Tennessee, deputies said.\n"
            "Deputies said the incident happened about 10:30 a.m. Sunday at a home on Oak Street.\n"
            "The boy was flown to a hospital, where he remains.")
    _, events = process(Article("t1", text, REF, "en"), res)
    assert events and events[0].event_date == date(2015, 10, 4)
