"""ACLED-grade coding of English notes, on short reports written for these tests (no ACLED rows)."""
from datetime import date

import pytest

from vigie.extract.coding_toll import note_toll
from vigie.models import Article
from vigie.pipeline import Resources, process


@pytest.fixture(scope="module")
def res():
    return Resources.default()


def extract(res, text, published="2019-05-10"):
    art = Article(id="a1", text=text, lang="en", published=date.fromisoformat(published))
    return process(art, res)[1]


def main(res, text, published="2019-05-10"):
    events = extract(res, text, published)
    assert events, text
    return events[0]


@pytest.mark.parametrize("text, best, toll", [
    ("Fighters were killed. Unknown fatalities coded as 10.", None, 10),
    ("Total fatalities of 30 are split, 15 each, between the two places.", 30, 15),
    ("Unknown fatalities coded as 10 and split between the 5 locations.", None, 2),
    ("Nine fatalities distributed over three locations: Alpha, Beta and Gamma.", 9, 3),
    ("Distributed fatalities over the activities in Alpha, Beta, Gamma and Delta.", 8, 2),
    ("Twelve fatalities split as follows: 3 Alpha, 3 Beta, 6 Gamma, 3 Delta.", 15, 3),
    ("Unknown fatalities coded as 10 and split between the 3 events with 3 coded to Alpha, "
     "3 to Beta, and 4 to Gamma.", None, 3),
    ("Two fighters were killed in the clashes.", 2, None),
])
def test_coder_note_toll(text, best, toll):
    assert note_toll(text, best, "en") == toll


def test_note_share_is_the_event_toll(res):
    e = main(res, "On 8 May 2019, regime forces clashed with rebel fighters near Kafr Nabl, killing "
                  "12 fighters. Fatalities split evenly between the 3 locations.")
    assert e.fatalities.best == 4


@pytest.mark.parametrize("text, best", [
    ("On 8 May 2019, regime forces clashed with rebel fighters near Kafr Nabl, killing and wounding "
     "an unknown number of fighters.", 10),
    ("On 8 May 2019, regime forces clashed with rebel fighters near Kafr Nabl, with human losses "
     "reported.", 10),
    ("On 8 May 2019, regime forces clashed with rebel fighters near Kafr Nabl. No information about "
     "casualties reported.", 0),
])
def test_unknown_toll(res, text, best):
    assert (main(res, text).fatalities.best or 0) == best


def test_answered_air_strike_is_a_clash(res):
    e = main(res, "On 8 May 2019, foreign warplanes struck an army depot near Masyaf, while army air "
                  "defences intercepted some of the missiles, killing two soldiers.")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_strike_beside_fighting_adds_to_the_battle(res):
    events = [e for e in _all(res, "On 8 May 2019, regime forces clashed with rebel fighters in Kafr "
                                   "Nabl, killing 3 fighters. Warplanes struck Kafr Nabl, killing "
                                   "2 fighters.")]
    assert events[0].sub_event_type == "Armed clash"
    assert events[0].fatalities.best == 5


def _all(res, text):
    art = Article(id="a2", text=text, lang="en", published=date(2019, 5, 10))
    return process(art, res)[1]


def test_attack_on_positions_told_before_the_toll_is_a_clash(res):
    e = main(res, "On 8 May 2019, IS attacked regime positions near Palmyra, killing and injuring an "
                  "unknown number of soldiers.")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")
    assert e.fatalities.best == 10


def test_tribes_that_fight_are_armed(res):
    e = main(res, "On 8 May 2019, members of the Alpha tribe shot and killed 2 members of the Beta "
                  "tribe near Deir ez Zor.")
    assert e.event_type == "Battles"


@pytest.mark.parametrize("text, kind", [
    ("On 8 May 2019, unknown gunmen shot and killed a member of Alpha Brigade near Daraa.", "Battles"),
    ("On 8 May 2019, unknown gunmen shot and killed a former Alpha member near Daraa.",
     "Violence against civilians"),
    ("On 8 May 2019, unknown gunmen shot and killed a member of the Alpha Party near Daraa.",
     "Violence against civilians"),
])
def test_member_of_a_named_group(res, text, kind):
    assert main(res, text).event_type == kind


def test_fighting_under_air_cover_is_the_battle(res):
    e = main(res, "On 8 May 2019, under aerial bombardment cover, regime forces fought rebel fighters "
                  "east of Kafr Nabl.")
    assert e.sub_event_type == "Armed clash"


def test_fight_off_is_a_clash(res):
    e = main(res, "On 8 May 2019, rebel fighters managed to fight off regime forces near Kafr Nabl.")
    assert e.sub_event_type == "Armed clash"


def test_capture_of_a_name_opening_on_its_article():
    from vigie.extract.coding import captures
    text = "The army captured al-Emiriat area near Maskana."
    assert [t.rule.event_type for t in captures(text, text.lower(), "en")] == ["Battles"]


@pytest.mark.parametrize("text, sub", [
    ("On 8 May 2019, IS fighters clashed with QSD at a checkpoint near Shadadi, where two of them "
     "detonated their explosive vests.", "Armed clash"),
    ("On 8 May 2019, two suicide bombers who attempted to infiltrate a camp near Maiduguri blew "
     "themselves up, killing one person.", "Suicide bomb"),
])
def test_bomb_within_fighting(res, text, sub):
    assert main(res, text).sub_event_type == sub


def test_armed_individuals_abducting_soldiers_fight(res):
    e = main(res, "On 8 May 2019, unidentified armed individuals abducted two regime soldiers near "
                  "Daraa.")
    assert e.event_type == "Battles"


def test_group_figures_joined_after_a_toll_add_up(res):
    e = main(res, "On 8 May 2019, regime forces clashed with IS near Palmyra, killing at least 7 regime "
                  "soldiers and 5 IS fighters.")
    assert e.fatalities.best == 12


def test_militia_detaining_militia_members_is_a_clash(res):
    e = main(res, "On 8 May 2019, Fatemiyoun Brigade detained two QDW members near Deir ez Zor.")
    assert e.event_type == "Battles"


def test_a_second_toll_told_with_also_adds_up(res):
    e = main(res, "On 3 May 2020, 12 soldiers were killed when IS fighters ambushed their convoy "
                  "near Palmyra. Three shepherds nearby were also killed in the ambush.", "2020-05-04")
    assert e.fatalities.best == 15


def test_a_gunman_killed_after_a_clash_is_its_toll(res):
    events = extract(res, "On 2 May 2020, clashes broke out between two armed groups in Menbij. "
                          "1 gunman was killed.", "2020-05-04")
    assert [(e.sub_event_type, e.fatalities.best) for e in events] == [("Armed clash", 1)]


def test_deaths_told_during_the_clashes_are_the_clash_toll(res):
    events = extract(res, "On 2 May 2020, regime forces clashed with rebels in Kafr Nabl. Four civilians "
                          "were killed by shelling during the clashes.", "2020-05-04")
    assert [(e.sub_event_type, e.fatalities.best) for e in events] == [("Armed clash", 4)]


def test_one_victim_or_a_killers_count_before_the_verb_still_tells_one_death(res):
    for text in ("On 2 May 2020, one loyalist militia fighter was killed by rebels near Talbiseh.",
                 "On 2 May 2020, 2 IS fighters riding a motorcycle assassinated a QSD fighter in Hajin."):
        assert main(res, text, "2020-05-04").fatalities.best == 1, text


@pytest.mark.parametrize("text, best", [
    ("On 2 May 2020, gunmen assassinated 2 members of the police in Tafas.", 2),
    ("On 2 May 2020, IS managed to kill 14 soldiers near Sukhnah.", 14),
    ("On 2 May 2020, shelling killed between 5 to 9 civilians in Ariha.", 5),
])
def test_tolls_after_assassinated_managed_to_kill_and_a_range(res, text, best):
    assert main(res, text, "2020-05-04").fatalities.best == best


def test_the_capital_is_the_capital_of_the_country_told(res):
    events = extract(res, "Protests spread across Syria on Friday. Security forces arrested 20 protesters "
                          "in the capital on Friday.", "2020-05-04")
    assert [e.location.name for e in events] == ["Damascus"]


def test_a_bodyguard_or_a_brigade_leader_shot_is_an_armed_target(res):
    for text in ("On 2 May 2020, gunmen shot and killed a bodyguard of a faction leader in Azaz.",
                 "On 2 May 2020, gunmen shot and killed a Hamza Brigades leader in Azaz."):
        assert main(res, text, "2020-05-04").sub_event_type == "Armed clash", text
