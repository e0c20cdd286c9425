"""English extraction on short reports written for these tests (not real news, not ACLED rows)."""
from datetime import date

import pytest

from vigie.extract import coding
from vigie.extract.numbers import find_numbers
from vigie.models import Article, Place, PlaceMention
from vigie.pipeline import Resources, process


@pytest.fixture(scope="module")
def res():
    return Resources.default()


def extract(res, text, published="2019-05-10"):
    art = Article(id="e1", text=text, lang="en",
                  published=date.fromisoformat(published) if published else None)
    return process(art, res)[1]


def main(res, text, published="2019-05-10"):
    events = extract(res, text, published)
    assert events, text
    return events[0]


def test_clash_with_shelling_is_the_clash(res):
    e = main(res, "On 8 May 2019, regime forces clashed with rebel fighters near Kafr Nabl, "
                  "accompanied by heavy shelling and Russian airstrikes.")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")
    assert e.event_date == date(2019, 5, 8)


def test_exchange_of_shelling_is_a_clash(res):
    e = main(res, "On 7 May 2019, regime forces and rebel fighters exchanged artillery shelling "
                  "near Kafr Nabl.")
    assert e.sub_event_type == "Armed clash"


def test_shelling_alone_stays_remote(res):
    e = main(res, "On 7 May 2019, regime forces shelled Kafr Nabl with rockets, killing three civilians.")
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert e.fatalities.best == 3


def test_attack_on_a_fighter_is_a_clash_and_one_death(res):
    e = main(res, "On 2 May 2019, unknown gunmen shot and killed an SDF fighter in Raqqa.")
    assert e.sub_event_type == "Armed clash"
    assert e.fatalities.best == 1


def test_attack_on_a_civilian_stays_an_attack(res):
    e = main(res, "On 2 May 2019, unknown gunmen shot and killed a civilian in Raqqa.")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    assert e.fatalities.best == 1


def test_air_force_intelligence_is_no_air_strike(res):
    e = main(res, "On 4 May 2019, gunmen attacked an Air Force Intelligence checkpoint in Daraa.")
    assert e.sub_event_type != "Air/drone strike"


def test_capture_of_a_named_place_by_the_army(res):
    e = main(res, "On 6 May 2019, regime forces captured Kafr Nabl after clashes with the rebels.")
    assert e.sub_event_type == "Government regains territory"


def test_capture_by_rebels(res):
    e = main(res, "On 6 May 2019, HTS fighters captured Kafr Nabl from regime forces.")
    assert e.sub_event_type == "Non-state actor overtakes territory"


def test_several_killed_is_ten_as_acled_codes_it():
    assert [(n.value, n.qualifier) for n in find_numbers("several fighters were killed", "en")] \
        == [(10, "about")]
    assert [n.value for n in find_numbers("a dozen soldiers and scores of civilians", "en")] == [12, 20]


def test_protest_against_a_killing_is_peaceful(res):
    e = main(res, "On 3 May 2019, hundreds of residents gathered in Aleppo to protest against the "
                  "killing of a teacher.")
    assert e.sub_event_type == "Peaceful protest"


def test_protest_dispersed_in_the_next_sentence(res):
    events = extract(res, "On 3 May 2019, students staged a protest in Aleppo. Police used tear gas "
                          "and detained five students.")
    assert events[0].sub_event_type == "Protest with intervention"
    assert len(events) == 1


def test_protesters_throwing_stones_riot(res):
    e = main(res, "On 3 May 2019, protesters threw stones at the police in Aleppo.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_mob(res):
    e = main(res, "On 3 May 2019, a mob attacked and beat a man accused of theft in Aleppo.")
    assert e.sub_event_type == "Mob violence"


def test_clash_between_party_supporters_is_mob_violence(res):
    e = main(res, "On 3 May 2019, supporters of two parties clashed in Aleppo.")
    assert e.sub_event_type == "Mob violence"


def test_note_label_states_the_kind(res):
    e = main(res, "Property destruction: On 5 May 2019, soldiers burned down six houses in Aleppo.")
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", "Looting/property destruction")


def test_defused_bomb(res):
    e = main(res, "On 5 May 2019, police defused an explosive device in Aleppo.")
    assert e.sub_event_type == "Disrupted weapons use"


def test_unknown_village_is_kept_as_written(res):
    e = main(res, "On 5 May 2019, regime forces clashed with HTS in the village of Zzyxqa.")
    assert e.location.name == "Zzyxqa"
    assert (e.location.lat, e.location.lon) == (None, None)


def test_foreign_namesake_before_a_province_is_dropped():
    india = Place("Daman", 20.4, 72.8, "India", "IND", admin1="Daman", kind="town")
    deir = Place("Deir ez Zor", 35.3, 40.1, "Syria", "SYR", admin1="Deir ez Zor", kind="admin1")
    text = "Daman village in Deir ez Zor"
    daman = PlaceMention(0, 5, "Daman", (india,))
    province = PlaceMention(17, 28, "Deir ez Zor", (deir,))
    assert coding.within_named_province(daman, [daman, province], text) is None
    assert coding.within_named_province(province, [daman, province], text) is province


def test_protest_force_reads_the_motive_apart():
    assert coding.protest_force("they protested against the killing of a boy", [], "en") is None
    assert coding.protest_force("police opened fire on the protesters", [], "en") \
        == "Excessive force against protesters"
    assert coding.protest_force("police dispersed the crowd with tear gas", [], "en") \
        == "Protest with intervention"


def test_mixed_feed_needs_no_flag():
    from vigie.normalize import normalize
    en = normalize(Article(id="m1", text="Regime forces shelled the town of Kafr Nabl on Tuesday, "
                                         "killing three civilians, the monitor said."))
    fr = normalize(Article(id="m2", text="Les forces du régime ont bombardé mardi la ville de Kafr "
                                         "Nabl, tuant trois civils, selon l'ONG."))
    assert (en.lang, fr.lang) == ("en", "fr")


def test_deaths_without_a_number_are_ten_unless_nobody_died(res):
    e = main(res, "On 2 May 2019, regime forces clashed with HTS near Kafr Nabl. Casualties were "
                  "reported on both sides.")
    assert e.fatalities.best == 10
    e = main(res, "On 2 May 2019, regime forces clashed with HTS near Kafr Nabl with no injuries or "
                  "fatalities reported.")
    assert e.fatalities.best == 0


def test_disaster_deaths_are_no_violence(res):
    e = main(res, "At least 40 people died after flash floods and landslides hit the region.", None)
    assert e.event_type == "Strategic developments"
    assert "natural_disaster" in e.tags


def test_force_after_the_motive_clause_is_force_on_the_protest():
    # the motive ("demanding ...") ends where the clause telling the response begins ("as ...")
    low = "hundreds rallied in the square demanding that the governor resign as police fired tear gas"
    assert coding.protest_force(low, [], "en") == "Protest with intervention"
    assert coding.protest_force("they marched to denounce the tear gas fired last week", [], "en") is None


def test_police_chasing_protesters_is_an_intervention():
    assert coding.protest_force("police chased the demonstrators from the square", [], "en") \
        == "Protest with intervention"


def test_a_strike_told_as_the_scene_of_an_old_attack_is_no_new_one(res):
    e = main(res, "Regime forces captured three villages near the town of Kafr Nabl on Tuesday, "
                  "the scene of a deadly 2015 chemical weapons attack.")
    assert e.sub_event_type == "Government regains territory"


def test_riot_police_beating_a_protester_is_force_not_a_riot(res):
    e = main(res, "Riot police beat a student protester during a march in Tunis on Tuesday.")
    assert e.sub_event_type == "Excessive force against protesters"


def test_a_beating_told_after_brutal_force_stays_that_force(res):
    e = main(res, "Officers brutally attacked a peaceful student demonstration in Tunis on Tuesday. "
                  "Two reporters said they were beaten up.")
    assert e.sub_event_type == "Excessive force against protesters"


def test_a_chemical_spill_is_a_man_made_disaster_not_violence(res):
    e = main(res, "Forty people sought medical attention after a chemical spill at a plant in Tunis "
                  "on Tuesday.")
    assert (e.event_type, "man_made_disaster" in e.tags) == ("Strategic developments", True)


def test_a_car_crash_is_a_man_made_disaster(res):
    e = main(res, "A driver died after his car overturned in a single-vehicle crash near Tunis on Tuesday.")
    assert (e.sub_event_type, "man_made_disaster" in e.tags) == ("Other", True)


def test_a_follow_up_tells_of_the_day_it_names_not_of_its_publication(res):
    # published in June, the article names only the day of the shooting (April 16): its untimed
    # sentence about the shooting is about that day, and an event that old is still its news
    text = ("Prosecutors filed charges over the April 16 shooting in Houston. "
            "A 1-year-old girl was shot and killed in a drive-by shooting in Houston, police said.")
    events = extract(res, text, "2019-06-01")
    assert events and all(e.event_date == date(2019, 4, 16) for e in events)


def test_a_report_naming_a_recent_day_keeps_it(res):
    text = ("A man was shot and killed in Houston on Friday, police said. "
            "Police said the gunman fled. A witness said the shooting followed an argument.")
    assert {e.event_date for e in extract(res, text, "2019-06-01")} == {date(2019, 5, 31)}


def test_a_death_told_by_its_legal_or_news_name_is_one_killed(res):
    for text in ("A Houston man was charged with first-degree murder on Friday in the shooting "
                 "death of his wife, police said.",
                 "A Houston woman is dead after an accidental shooting on Friday, police said."):
        e = main(res, text, "2019-06-01")
        assert e.fatalities.best == 1, text


def test_an_age_in_apposition_and_a_street_block_are_no_tolls(res):
    e = main(res, "Eric Whitaker, 52, was shot and killed in Houston on Friday, police said.", "2019-06-01")
    assert e.fatalities.best == 1
    e = main(res, "A man of the 5100 block of Main Street was shot and killed in Houston on Friday.",
             "2019-06-01")
    assert e.fatalities.best == 1


def test_a_gunman_who_kills_himself_counts_among_the_dead(res):
    e = main(res, "A man kills self after shooting and wounding his girlfriend in Houston on Friday.",
             "2019-06-01")
    assert e.fatalities.best == 1


def test_a_named_person_who_died_at_the_hospital_is_one_death(res):
    e = main(res, "Eric Whitaker, 52, was shot in Houston on Friday and died at the hospital, police said.",
             "2019-06-01")
    assert e.fatalities.best == 1


def test_report_placed_at_the_town_it_names_most(res):
    # the shooting's sentence names no place; the headline and the police do
    e = main(res, "Muncie police investigate a shooting\n\nMuncie police were called on Friday, Indiana State Police said.\n\n"
                  "A 3-year-old girl was shot and killed, apparently by accident.")
    assert (e.location.name, e.location.admin1) == ("Muncie", "Indiana")


def test_the_militia_a_massacre_is_blamed_on_is_its_doer_not_its_target(res):
    e = main(res, "A massacre blamed on shabiha militiamen killed 30 people in Tremseh on Wednesday.")
    assert (e.sub_event_type, e.actor1.name) == ("Attack", "Shabiha Militia")
    e = main(res, "Tremseh was hit by a massacre on Wednesday that the opposition attributed to regime "
                  "soldiers, with 30 dead.")
    assert e.sub_event_type == "Attack"
    # soldiers killed by the doer stay its targets
    e = main(res, "Rebels accused of the massacre killed three soldiers in Tremseh on Wednesday.")
    assert e.sub_event_type == "Armed clash"
