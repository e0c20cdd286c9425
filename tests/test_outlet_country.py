"""An outlet named after its country, province or city ('Daily Post (Nigeria)') votes for that
country in the article's focus; an outlet naming no place votes for nothing."""
import pytest

from vigie.extract.placing import OUTLET_COUNTRY_WEIGHT, country_focus
from vigie.geocode import Gazetteer
from vigie.models import Article
from vigie.normalize import normalize


@pytest.fixture(scope="module")
def gz():
    return Gazetteer.default()


def focus(gz, outlet):
    doc = normalize(Article(id="t", text="Gunmen attacked a market on Monday.", lang="en", outlet=outlet), "en")
    return country_focus(doc, [], gz)


def test_outlet_naming_its_country_votes(gz):
    assert focus(gz, "Weekly Courier (Kenya); Morning Mail") == {"KEN": OUTLET_COUNTRY_WEIGHT}


def test_outlet_naming_no_place_votes_for_nothing(gz):
    assert not focus(gz, "Morning Mail")
    assert not focus(gz, None)
