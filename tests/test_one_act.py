"""One shooting coded as an attack by one report and as a clash by another (one_act.py)."""
from __future__ import annotations

from datetime import date

from test_resolve import ALEPPO, IDLEB, ev
from vigie.one_act import ages, one_act, one_victim
from vigie.resolve import family, same_event, same_name

ATTACK = dict(kind="Attack", etype="Violence against civilians")
CLASH = dict(kind="Armed clash", etype="Battles")


def test_ages_read_with_or_without_year_words():
    assert ages("A 9-year-old boy and Girl, 4, were hurt; a 2,5-year budget.", "en") == {9, 4}
    assert ages("Un garçon de 9 ans, âgé de 12 ans, vit là depuis 10 ans.", "fr") == {9, 12}


def test_same_town_and_toll_is_one_act_whatever_its_kind():
    a, b = ev("a1", killed=2, **ATTACK), ev("a2", killed=2, **CLASH)
    assert one_act(a, b, "en", family, same_name) and same_event(a, b, "en")


def test_attack_and_clash_without_deaths_are_one_shooting():
    a, b = ev("a1", **ATTACK), ev("a2", **CLASH)
    assert one_act(a, b, "en", family, same_name) and same_event(a, b, "en")
    # a death told by one report only is a toll that differs: left to the tolls' own rules
    assert not one_act(ev("a1", killed=1, **ATTACK), b, "en", family, same_name)
    # other towns, or a protest beside a shooting, stay apart
    assert not one_act(a, ev("a2", IDLEB, **CLASH), "en", family, same_name)
    protest = ev("a3", kind="Peaceful protest", etype="Protests")
    assert not one_act(a, protest, "en", family, same_name)


def test_same_victim_age_is_one_act():
    a = ev("a1", quote="A 15-year-old was shot on Friday.", **ATTACK)
    b = ev("a2", quote="Police said the 15-year-old had fired first.", **CLASH)
    assert same_event(a, b, "en")


def test_other_tolls_towns_or_days_stay_apart():
    assert not one_act(ev("a1", killed=2, **ATTACK), ev("a2", killed=3, **CLASH), "en", family, same_name)
    assert not one_act(ev("a1", killed=2, **ATTACK), ev("a2", IDLEB, killed=2, **CLASH), "en", family, same_name)
    assert not same_event(ev("a1", killed=2, **ATTACK),
                          ev("a2", ALEPPO, day=date(2016, 3, 9), killed=2, **CLASH), "en")
    # a strike and a shooting are told apart by every report
    assert not one_act(ev("a1", killed=2), ev("a2", killed=2, **CLASH), "en", family, same_name)


def test_a_victims_age_joins_reports_stating_days_two_apart():
    a = ev("a1", quote="A 3-year-old was shot at home on Saturday.", **ATTACK)
    b = ev("a2", day=date(2016, 3, 5), quote="The 3-year-old died on Monday.", **ATTACK)
    assert one_victim(a, b, "en", family, same_name)
    far = ev("a3", day=date(2016, 3, 6), quote="The 3-year-old died.", **ATTACK)
    other = ev("a4", day=date(2016, 3, 4), quote="A 40-year-old was shot.", **ATTACK)
    assert not one_victim(a, far, "en", family, same_name)
    assert not one_victim(a, other, "en", family, same_name)
