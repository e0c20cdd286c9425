"""Where an event is, not where people came from: origins, month and weekday words, compass words,
towns named outside the actors' country, a place told in another clause or sentence. Short texts
written for these tests (not real news, not ACLED rows)."""
from datetime import date

import pytest

from vigie.extract import coding
from vigie.geocode import Gazetteer, not_place
from vigie.models import Article, Place
from vigie.pipeline import Resources, process


@pytest.fixture(scope="module")
def gz():
    return Gazetteer.default()


@pytest.fixture(scope="module")
def res():
    return Resources.default()


def where(res, text, lang="en"):
    art = Article(id="t1", text=text, lang=lang, published=date(2019, 5, 10))
    events = process(art, res)[1]
    assert events, text
    return events[0].location


def test_origin_cue_gives_relation_from(gz):
    ms = gz.find("Families who fled Aleppo reached Azaz on Monday.", "en")
    assert [(m.text, m.relation) for m in ms] == [("Aleppo", "from"), ("Azaz", "in")]
    ms = gz.find("Des familles déplacées de Homs sont arrivées.", "fr")
    assert [m.relation for m in ms] == ["from"]


def test_origins_aside_keeps_the_other_place():
    a, b = Place("A", 1, 1, "X", kind="town"), Place("B", 2, 2, "X", kind="town")
    assert coding.origins_aside([(0, a, "from"), (10, b, "in")]) == [(10, b, "in")]
    # the origin alone is the only place told: it stays, as an ordinary place
    assert coding.origins_aside([(0, a, "from")]) == [(0, a, "in")]


def test_event_is_not_at_the_origin(res):
    loc = where(res, "On 8 May 2019, shelling killed three people displaced from Aleppo in Azaz.")
    assert "zāz" in loc.name and loc.admin1 == "Aleppo"


def test_months_and_weekdays_are_no_places():
    assert not_place("Sunday", "en") and not_place("Mars", "fr") and not not_place("Aleppo", "en")
    assert coding.named_place("Clashes were reported on Sunday in the village of Qarqur.", "en", None).name == "Qarqur"
    assert coding.named_place("Clashes were reported on Sunday.", "en", None) is None


def test_compass_words_alone_are_no_places(gz):
    assert not gz.find("Ahrar al-Sharqiyah withdrew from its positions.", "en")
    assert [m.text for m in gz.find("fighting near al-Nashweh al-Gharbiyeh", "en")] == []
    # as a province they are one
    ms = gz.find("protests in Sharqiyah governorate", "en")
    assert ms and ms[0].relation == "admin1"


def test_named_town_outside_the_actors_country(gz):
    # the actors are Russian; the town is Ukrainian and too small for `find` outside home countries
    named = Place("Starokostiantyniv", None, None, "Russia", iso3="RUS", kind="town")
    p = gz.place_named(named)
    assert p.iso3 == "UKR" and p.lat is not None
    # a name found nowhere stays as written
    assert gz.place_named(Place("Xqzvwy", None, None, "Russia", iso3="RUS", kind="town")).lat is None


def test_place_told_in_an_earlier_sentence(res):
    loc = where(res, "On 18 March 2019, some 40 activists occupied a house in Vienna. "
                     "They asked for lower rents. Police arrested 12 people.")
    assert loc.name == "Vienna" and loc.lat is not None


def test_place_told_in_another_clause(res):
    loc = where(res, "On 2 May 2019, police detained a blogger while he was held in Nukus.")
    assert loc.name == "Nukus"


def test_items_of_an_origin_list_are_origins(gz):
    from vigie.geocode_qualify import qualified
    text = "Families from Aleppo, Homs, Hama protested in Azaz."
    ms = qualified(gz, gz.find(text, "en"), text)
    assert [m.relation for m in ms] == ["from", "from", "from", "in"]
    # a lowercase word ends the list: 'displaced from Homs in Jarablus' is in Jarablus
    text = "Gunmen displaced from Homs in Jarablus clashed."
    assert [m.relation for m in qualified(gz, gz.find(text, "en"), text)] == ["from", "in"]


def test_a_destination_list_joined_by_and_is_origins(gz, res):
    from vigie.geocode_qualify import origin_lists
    text = "On 3 March 2021, 200 people gathered in Lyon as part of a convoy heading to Paris and Brussels."
    ms = origin_lists(gz.find(text, "en"), text, "en")
    assert [(m.text, m.relation) for m in ms if m.text in ("Lyon", "Paris", "Brussels")] == \
        [("Lyon", "in"), ("Paris", "from"), ("Brussels", "from")]
    # without the language, 'and' joins nothing: Brussels stays a place of the sentence
    assert [m.relation for m in origin_lists(gz.find(text, "en"), text) if m.text == "Brussels"] == ["in"]
    art = Article(id="t1", text=text, lang="en", published=date(2021, 3, 4))
    assert [e.location.name for e in process(art, res)[1]] == ["Lyon"]
    text = "Le 3 mars 2021, 200 personnes se sont rassemblées à Lyon, à destination de Paris et Bruxelles."
    ms = origin_lists(gz.find(text, "fr"), text, "fr")
    assert [m.relation for m in ms if m.text in ("Paris", "Bruxelles")] == ["from", "from"]


def test_province_qualifier_ranked_past_the_cut(gz):
    # Australia's Victoria comes after many towns of that name: it stays a candidate
    ms = gz.find("protesters marched in Melbourne (Victoria) on Sunday", "en")
    assert any(c.kind == "admin1" and c.iso3 == "AUS" for c in ms[1].candidates)


def test_qualifier_homonyms_keep_the_qualified_town(gz):
    text = "people gathered in Saint Petersburg (Florida) for a rally organized by Florida groups"
    ms = gz.find(text, "en")
    kept = coding.within_named_province(ms[0], ms, text)
    assert kept is not None and any(c.iso3 == "USA" for c in kept.candidates)


def test_name_before_a_place_word_is_looked_up_in_the_next_province(gz):
    from vigie.geocode_qualify import qualified
    text = "gunmen abducted a soldier in Mzeireb town in Dara countryside."
    ms = qualified(gz, gz.find(text, "en"), text, "en")
    assert ms[0].text == "Mzeireb" and ms[0].candidates[0].admin1 == gz.lookup("Daraa")[0].admin1
    # a common word before the place word is no name
    text = "The town in Aleppo was shelled."
    assert [m.text for m in qualified(gz, gz.find(text, "en"), text, "en")] == ["Aleppo"]


def test_bare_town_before_an_introduced_one_is_aside():
    bath = Place("Bath", 1, 1, "United Kingdom", iso3="GBR", admin1="North", kind="town")
    keyn = Place("Keynsham", 2, 2, "United Kingdom", iso3="GBR", admin1="South", kind="town")
    same = Place("Saltford", 3, 3, "United Kingdom", iso3="GBR", admin1="South", kind="town")
    text = "Members of Rebellion Bath gathered in Keynsham to protest."
    places = [(text.index("Bath"), bath, "in"), (text.index("Keynsham"), keyn, "in")]
    assert coding.bare_aside(places, text, "en") == places[1:]
    # a smaller bare town of the same province stays (it may be the place the other qualifies)
    big = Place("Keynsham", 2, 2, "United Kingdom", iso3="GBR", admin1="South", kind="town", population=50_000)
    text2 = "Saltford residents gathered in Keynsham."
    places2 = [(0, same, "in"), (text2.index("Keynsham"), big, "in")]
    assert coding.bare_aside(places2, text2, "en") == places2
    # ... not a bigger one: 'the Saltford council met in Keynsham village'
    bigger = Place("Saltford", 3, 3, "United Kingdom", iso3="GBR", admin1="South", kind="town", population=90_000)
    places3 = [(0, bigger, "in"), (text2.index("Keynsham"), big, "in")]
    assert coding.bare_aside(places3, text2, "en") == places3[1:]
    # a bare town after the introduced one may be a list's next item
    text3 = "Protests took place in Keynsham and Bath."
    places4 = [(text3.index("Keynsham"), keyn, "in"), (text3.index("Bath"), bath, "in")]
    assert coding.bare_aside(places4, text3, "en") == places4


def test_countryside_is_around_and_wider_than_an_area_beside(gz, res):
    ms = gz.find("snipers fired on the Jabal al-Akrad axis in Lattakia countryside.", "en")
    assert [m.relation for m in ms] == ["in", "around"]
    loc = where(res, "On 5 May 2019, rebel snipers shot and killed two soldiers on the Jabal al-Akrad "
                     "axis in Lattakia countryside.")
    assert loc.name != "Latakia" and loc.geo_precision == 2


def test_qualifier_after_a_place_word(gz):
    from vigie.geocode_qualify import qualified
    text = "police clashed in Saint Petersburg city (Florida) on Sunday"
    ms = qualified(gz, gz.find(text, "en"), text, "en")
    assert [m.text for m in ms] == ["Saint Petersburg"] and ms[0].candidates[0].iso3 == "USA"


def test_countryside_is_not_wider_than_a_town_beside(res):
    loc = where(res, "On 5 May 2019, gunmen attacked a checkpoint in Tal Hmis countryside in al-Hasakeh, "
                     "killing two fighters.")
    assert "asakah" not in loc.name and loc.name.startswith("Tall") and loc.geo_precision == 2


@pytest.mark.parametrize("text, town", [
    # a town before a word for its resident is where the person lives
    ("A Brooklyn man was charged on Friday in connection with a shooting at a bar in Albany.", "Albany"),
    # the hospital the wounded were taken to is not where they were shot
    ("A boy was airlifted to Atlanta hospital after he was shot while playing with a gun in Jonesboro on Thursday.",
     "Jonesboro"),
])
def test_residents_and_hospitals_are_not_the_place_of_the_shooting(res, text, town):
    assert where(res, text).name == town


def test_a_resident_told_alone_still_places_the_event(res):
    assert where(res, "A Weatherford student was killed in a hunting accident on Thursday.").name == "Weatherford"


def test_list_gap_reads_each_name_whole():
    from vigie.geocode_qualify import LIST_GAP
    assert LIST_GAP.fullmatch(", Homs & Hama, 2 ")
    # a name that runs into a lowercase word is no list gap, found at once however long it is
    assert not LIST_GAP.fullmatch("Abc" + "DEFGHIJKLMNOPQRSTUVWXYZ" * 4 + "x y")
