"""An outlet named after its country, province or city ('Daily Post (Nigeria)') votes for that
country in the article's focus; an outlet naming no place votes for nothing."""
import pytest

from vigie.extract.placing import OUTLET_COUNTRY_WEIGHT, outlet_countries
from vigie.geocode import Gazetteer
from vigie.models import Article
from vigie.normalize import normalize


@pytest.fixture(scope="module")
def gz():
    return Gazetteer.default()


def focus(gz, outlet):
    doc = normalize(Article(id="t", text="Gunmen attacked a market on Monday.", lang="en", outlet=outlet), "en")
    return outlet_countries(doc, gz)


def test_outlet_naming_its_country_votes_once(gz):
    assert focus(gz, "Weekly Courier (Kenya); Morning Mail; Kenya Star") == {"KEN": OUTLET_COUNTRY_WEIGHT}


def test_outlet_naming_no_place_votes_for_nothing(gz):
    assert not focus(gz, "Morning Mail")
    assert not focus(gz, None)
