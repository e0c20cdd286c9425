"""ACLED event typing of English notes: who was struck, what a weapon did (reports written here)."""
from datetime import date

import pytest

from vigie.models import Article
from vigie.pipeline import Resources, process


@pytest.fixture(scope="module")
def res():
    return Resources.default()


def main_type(res, text):
    art = Article(id="t1", text=text, lang="en", published=date(2021, 6, 3))
    events = process(art, res)[1]
    assert events, text
    return events[0].sub_event_type


@pytest.mark.parametrize("text, sub", [
    # a death told with no cue in the first sentence is the report's event; its victim is armed
    ("On 2 June 2021, unknown gunmen killed a regime army division member in Mayadin.", "Armed clash"),
    ("On 2 June 2021, the body of a Hamza Brigade fighter showing bullet wounds was found in Azaz.",
     "Armed clash"),
    ("On 2 June 2021, the body of a shepherd was found in Azaz.", "Attack"),
    # the first target struck is armed; the civilian with him is a bystander
    ("On 2 June 2021, gunmen opened fire on a member of the regime's military intelligence and a "
     "civilian in Jasim.", "Armed clash"),
    ("On 2 June 2021, gunmen opened fire on a civilian and a soldier in Jasim.", "Attack"),
    # the toll names armed dead first
    ("On 2 June 2021, militants attacked a bus on the road near Palmyra, killing 8 soldiers and "
     "1 civilian.", "Armed clash"),
    ("On 2 June 2021, militants attacked a bus on the road near Palmyra, killing 8 civilians and "
     "1 soldier.", "Attack"),
    # detained fighters with others among them
    ("On 2 June 2021, the Asayish detained ten IS members including four women in Hasakah.",
     "Armed clash"),
    # the detaining side is the subject, not the aircraft that supports it; a state's own
    # detention of fighters stays an arrest
    ("On 2 June 2021, SDF fighters, supported by Coalition helicopters, detained two IS members in "
     "Shadadi.", "Armed clash"),
    ("On 2 June 2021, Iraqi security forces arrested three IS members in Mosul.", "Arrests"),
])
def test_armed_targets(res, text, sub):
    assert main_type(res, text) == sub


@pytest.mark.parametrize("text, sub", [
    # aircraft in support of a ground operation strike nothing
    ("On 2 June 2021, SDF fighters supported by Coalition helicopters raided a house in Shadadi, "
     "killing an IS leader.", "Armed clash"),
    ("On 2 June 2021, Coalition helicopters struck a house in Shadadi.", "Air/drone strike"),
    # a bomb a detainee carried is no blast
    ("On 2 June 2021, the Asayish detained an IS member who was carrying an IED in Hasakah.",
     "Armed clash"),
    ("On 2 June 2021, an IED exploded in Hasakah.", "Remote explosive/landmine/IED"),
    # a blast or a strike that the other side answers, or that sets off fighting, is a clash
    ("On 2 June 2021, an IED exploded near an army checkpoint in Jasim, which led to clashes "
     "between the two sides.", "Armed clash"),
    ("On 2 June 2021, regime forces shelled Atarib with artillery. In response, rebels shelled "
     "regime positions near the town.", "Armed clash"),
    ("On 2 June 2021, Israeli warplanes struck positions near Damascus. Regime air defences "
     "intercepted some of the missiles.", "Armed clash"),
    ("On 2 June 2021, Israeli warplanes struck positions near Damascus. Air defence systems will "
     "be delivered later.", "Air/drone strike"),
])
def test_weapons_in_context(res, text, sub):
    assert main_type(res, text) == sub


@pytest.mark.parametrize("text, sub", [
    # weapons seized in a detention are its haul
    ("On 2 June 2021, the Asayish detained four IS members in Hasakah and confiscated their "
     "weapons.", "Armed clash"),
    ("On 2 June 2021, police seized a cache of weapons in Hasakah.", "Disrupted weapons use"),
    # armed men of families fight a clash, unarmed ones a mob
    ("On 2 June 2021, clashes broke out between armed members of two families in Manbij.",
     "Armed clash"),
    ("On 2 June 2021, clashes broke out between members of two families in Manbij.", "Mob violence"),
    # an abduction told before the death it led to
    ("On 2 June 2021, the body of a farmer was found in Jasim, killed by gunmen after he was "
     "kidnapped.", "Attack"),
    ("On 2 June 2021, gunmen kidnapped a farmer in Jasim.", "Abduction/forced disappearance"),
    # a word qualifying another is no target
    ("On 2 June 2021, gunmen shot dead the commander's son in Jasim.", "Attack"),
    ("On 2 June 2021, gunmen shot dead a commander in Jasim.", "Armed clash"),
    # the doer after "by" is no target; the dead named before it are
    ("On 2 June 2021, a farmer was killed by gunmen in Jasim.", "Attack"),
    ("On 2 June 2021, the bodies of two IS members were found on the road near the hospital in "
     "Manbij, killed by an unknown armed group.", "Armed clash"),
])
def test_what_the_clause_tells(res, text, sub):
    assert main_type(res, text) == sub


@pytest.mark.parametrize("text, sub", [
    # a place taken whole changes hands; partly held, the fighting goes on
    ("On 2 June 2021, rebels took control of Kafr Nabuda after clashes with regime forces.",
     "Non-state actor overtakes territory"),
    ("On 2 June 2021, rebels captured most of Kafr Nabuda after clashes with regime forces.",
     "Armed clash"),
    ("On 2 June 2021, regime forces achieved partial control of Kafr Nabuda.", "Armed clash"),
])
def test_partial_capture(res, text, sub):
    assert main_type(res, text) == sub


@pytest.mark.parametrize("text, sub", [
    # people captured are detained: fighters taken by another armed group are a clash, by a
    # state's own forces an arrest; a place captured is territory
    ("On 2 June 2021, YPG units captured two IS members near Hasakah.", "Armed clash"),
    ("On 2 June 2021, Iraqi troops captured two IS fighters near Mosul.", "Arrests"),
    # the detained named by a noun that also cues shootings: no shooting is told
    ("On 2 June 2021, SDF fighters raided a house in Shiheil where they detained two gunmen.",
     "Armed clash"),
    ("On 2 June 2021, the bodies of two members of the armed opposition were found near Harim.",
     "Armed clash"),
    ("On 2 June 2021, rebels captured the village of Kafr Nabuda.",
     "Non-state actor overtakes territory"),
])
def test_people_captured(res, text, sub):
    assert main_type(res, text) == sub


def test_support_told_again_later(res):
    """Air strikes a battle's sentence names as its support, told again two sentences on, are
    that battle's: their dead are counted in it."""
    text = ("On 2 June 2021, clashes, supported by Coalition aerial bombardment, took place between "
            "the SDF and IS in Raqqa. IS also set off explosives in the area. Coalition warplanes "
            "killed 8 civilians in Raqqa.")
    art = Article(id="t2", text=text, lang="en", published=date(2021, 6, 3))
    first = process(art, res)[1][0]
    assert first.sub_event_type == "Armed clash" and first.fatalities.best == 8


@pytest.mark.parametrize("text, sub", [
    # two sides shelling each other trade fire: a clash
    ("On 2 June 2021, regime forces shelled Atarib with artillery, amid rebels shelling regime "
     "positions near the town.", "Armed clash"),
    ("On 2 June 2021, regime forces traded shelling with rebels near Atarib.", "Armed clash"),
    ("On 2 June 2021, regime forces shelled Atarib with artillery.",
     "Shelling/artillery/missile attack"),
])
def test_mutual_shelling(res, text, sub):
    assert main_type(res, text) == sub
