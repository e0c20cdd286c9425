"""Where and when a toll told in passing is: short French texts written for these tests."""
from datetime import date

import pytest

from vigie.models import Article
from vigie.pipeline import Resources, process


@pytest.fixture(scope="module")
def res():
    return Resources.default()


def extract(res, text, published, lang="fr"):
    art = Article(id="t1", text=text, published=date.fromisoformat(published), lang=lang)
    return process(art, res)[1]


def test_toll_after_a_list_of_towns_is_no_town_s_toll(res):
    # the total of two towns: an event at each, the total at neither
    text = ("Les activistes publient des vidéos chaque soir.\n"
            "@militant: Encore une journée terrible. Idleb et Hama. Plus de 30 tués aujourd'hui.")
    events = extract(res, text, "2012-04-10")
    places = sorted(e.location.name for e in events)
    assert "Idlib" in places and "Ḩamāh" in places
    assert all(30 not in {c.count for c in e.claims} for e in events)
    assert all(e.event_date == date(2012, 4, 10) for e in events)


def test_bare_foreign_capital_before_an_area_told_as_the_place_is_aside(res):
    # "Paris" is a government here; the massacre is in the Houla area
    text = ("La ministre a parlé lundi avec son homologue, alors que Paris est sous pression "
            "après le massacre qui a fait au moins 40 morts à Houla (centre).")
    events = extract(res, text, "2012-06-04")
    killed = [e for e in events if e.fatalities.best == 40]
    assert [e.location.name for e in killed] == ["Houla"]


def test_untimed_toll_takes_the_day_told_at_its_place(res):
    # the toll has no day of its own; the shelling of the same place is told on Friday night
    text = ("La Russie a critiqué l'opposition, alors que Moscou est sous pression après le "
            "massacre qui a fait au moins 40 morts à Houla (centre).\n"
            "Le Conseil de sécurité a condamné dimanche les bombardements à Houla, survenus dans "
            "la nuit de vendredi à samedi.")
    events = extract(res, text, "2012-05-28")
    killed = [e for e in events if e.fatalities.best == 40]
    assert [(e.location.name, e.event_date) for e in killed] == [("Houla", date(2012, 5, 25))]


def test_untimed_toll_keeps_the_news_day_when_that_day_is_told_there(res):
    # Monday is told at Saraqeb too: the untimed death there is Monday's, not Sunday's
    text = ("Dimanche, l'armée a tué douze civils à Saraqeb, selon l'OSDH. Lundi, trois civils y "
            "ont péri.\nUne femme a été tuée par un tireur à Saraqeb.")
    events = extract(res, text, "2012-07-10")
    by_day = {e.event_date: e.fatalities.best for e in events}
    assert by_day[date(2012, 7, 8)] == 12
    assert by_day[date(2012, 7, 9)] >= 3


def test_capture_with_an_adverb_before_the_town(res):
    text = "Dans la province d'Idleb, les rebelles ont pris notamment la ville de Saraqeb lundi."
    events = extract(res, text, "2012-11-06")
    assert [(e.sub_event_type, e.location.name) for e in events] == [
        ("Non-state actor overtakes territory", "Saraqib")]


@pytest.mark.parametrize("text, lang", [
    ("L'armée pilonne la ville de Jisr al-Choughour, prise par les rebelles la veille, selon des habitants.", "fr"),
    ("The army shelled the town of Jisr ash-Shughur, captured by the rebels the day before, residents said.", "en"),
])
def test_a_capture_told_by_a_participle_is_its_own_event(res, text, lang):
    # "..., prise par les rebelles la veille": the capture is an event of its own, beside the shelling
    subs = {e.sub_event_type for e in extract(res, text, "2012-06-08", lang)}
    assert {"Non-state actor overtakes territory", "Shelling/artillery/missile attack"} <= subs
