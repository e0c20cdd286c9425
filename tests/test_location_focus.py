"""Event location from text: names found again in the article's main country, fragments of longer
names, a city's part after a dash, landmarks, articles that name no country."""
import pytest

from vigie.geocode import Gazetteer
from vigie.geocode_qualify import qualified
from vigie.normalize import normalize
from vigie.models import Article
from vigie.extract.events import extract_events
from datetime import date


@pytest.fixture(scope="module")
def gz():
    return Gazetteer.default()


def places(gz, text):
    return [(m.text, m.candidates[0].iso3) for m in qualified(gz, gz.find(text, "en"), text, "en")]


def first_place(gz, text):
    doc = normalize(Article(id="t", text=text, published=date(2022, 3, 1), lang="en"))
    events = extract_events(doc, gz)
    return events[0].location if events else None


def test_city_part_after_a_dash_is_the_place(gz):
    got = places(gz, "On 2 March 2022, people demonstrated in Berlin - Spandau against rising rents.")
    assert got[0][0] == "Berlin - Spandau"
    assert qualified(gz, gz.find("in Berlin - Spandau against", "en"), "in Berlin - Spandau against", "en")[0].candidates[0].name == "Spandau"


def test_unknown_city_part_leaves_the_city(gz):
    text = "On 2 March 2022, people demonstrated in Tehran - District 1 against prices."
    assert [g for g in places(gz, text) if g[0].startswith("Tehran")][0][1] == "IRN"


def test_fragment_of_a_longer_village_name_is_no_place(gz):
    text = "On 3 March 2022, troops raided Ma Ya Kan village, Shwebo township (Shwebo district, Sagaing region)."
    assert all(iso == "MMR" for _, iso in places(gz, text))


def test_small_town_of_the_main_country_is_found(gz):
    # a village under the 15,000 people a foreign town needs, in an article set in Colombia
    loc = first_place(gz, "On 2 March 2022, in Remedios (Antioquia), armed men attacked a police station with grenades. "
                          "Police in Antioquia said the attackers fled.")
    assert loc is not None and loc.country == "Colombia"


def test_landmark_square_is_not_the_town(gz):
    loc = first_place(gz, "On 2 March 2022, retired workers staged a demonstration at Ulus square in Altindag town, "
                          "Ankara to demand higher pensions.")
    assert loc is not None and loc.name != "Ulus"


def test_article_with_no_country_reads_a_cued_name(gz):
    loc = first_place(gz, "On 2 March 2022, about 50 teachers demonstrated in Nogaro to denounce job cuts.")
    assert loc is not None and loc.lat is not None


def test_qualified_place_leads_equally_confident_events(gz):
    # the town named with its province in parentheses is where the article sets its story
    loc = first_place(gz, "On 4 March 2022, workers from Dijon and Besancon demonstrated in front of "
                          "the prefecture of Grenoble (Grenoble, Isere) against job cuts.")
    assert loc.name == "Grenoble"
    loc = first_place(gz, "On 4 March 2022, about 40 people held a march beginning in Sausalito and "
                          "ending with a rally in Oakland (California) against rent increases.")
    assert loc.name == "Oakland"


def test_short_alternate_name_of_a_foreign_city_is_no_place(gz):
    # 'Ben' (Bern) and 'Pax' (La Paz) are a first name and a word here, not foreign cities
    text = "On 4 March 2022, Ben Carter and Pax Christi members rallied in Lyon for peace."
    assert {m.candidates[0].iso3 for m in gz.find(text, "en")} == {"FRA"}


def test_institution_nouns_are_no_places(gz):
    text = "On 4 March 2022, University of Lyon students and members of the Federation of Teachers rallied in Lyon."
    assert [m.text for m in gz.find(text, "en")] == ["Lyon", "Lyon"]
