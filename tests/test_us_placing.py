"""US local reports placed at home: a broadcaster's call sign names the country, a postal state
code or a state right after a town qualifies it, a town qualified once keeps that state, a
name several countries share votes once and shares its vote, an initial's surname and the
preposition 'At' are no places. Sentences written for these tests."""
from collections import Counter

import pytest

from vigie.extract import events as E
from vigie.extract.placing import _country_votes, country_focus, outlet_countries
from vigie.geocode import Gazetteer
from vigie.geocode_focus import abbreviated, as_qualified, call_sign_country
from vigie.geocode_qualify import qualified
from vigie.models import Article, Place, PlaceMention
from vigie.normalize import normalize
from vigie.person_places import surnames


@pytest.fixture(scope="module")
def gz():
    return Gazetteer.default()


def doc_of(text, url=None):
    return normalize(Article(id="t", text=text, lang="en", url=url), "en")


def test_call_sign_table_is_data(monkeypatch):
    import re
    from vigie import geocode_focus
    monkeypatch.setattr(geocode_focus, "_call_signs", lambda lang: (("USA", re.compile(r"[kw][a-z]{2,3}(?:tv|\d{1,2})?")),))
    assert call_sign_country("http://web.archive.org/web/2016/http://www.wxyz.com/news/a-story", "en") == "USA"
    assert call_sign_country(None, "en", "Two shot in a park - KMSP-TV") == "USA"
    assert call_sign_country("https://www.keynews.com/story", "en") is None


def test_postal_code_after_a_town():
    text = "SPRINGFIELD, IL (WXYZ) -- Police said a man, OR his friend, fired."
    assert [a for _, a in abbreviated(text, "en", "USA")] == ["Illinois"]


def test_a_shared_town_name_shares_its_country_vote():
    us = Place("Bristol", 0, 0, "United States", "USA", "Tennessee", population=30_000)
    uk = Place("Bristol", 0, 0, "United Kingdom", "GBR", "England", population=90_000)
    far = Place("Bristol", 0, 0, "Canada", "CAN", "Quebec", population=900)
    votes = _country_votes(PlaceMention(0, 7, "Bristol", (uk, us, far)), uk)
    assert set(votes) == {"GBR", "USA"} and votes["GBR"] == pytest.approx(0.75)
    state = Place("Georgia", 0, 0, "United States", "USA", "Georgia", kind="admin1")
    assert _country_votes(PlaceMention(0, 7, "Georgia", (state,)), state) == Counter({"USA": 1.0})


def test_a_repeated_shared_name_votes_once(gz):
    text = ("A man was shot dead in Hamilton on Friday. Hamilton police said the gunman fled. "
            "Hamilton officers searched all night. He was shot in Hamilton again, police said.")
    doc = doc_of(text)
    g = gz
    read = [c for i in range(len(doc.sentences)) for c in E._read(doc, i, g)]
    focus, _ = country_focus(doc, read, g)
    assert sum(focus.values()) < 2


def test_state_right_after_a_town_qualifies_it(gz):
    text = "Officers of the Bristol Tennessee Police Department responded."
    got = [(c.name, c.admin1) for m in qualified(gz, gz.find(text, "en"), text, "en") for c in m.candidates]
    assert got == [("Bristol", "Tennessee")]


def test_a_town_qualified_once_keeps_its_state(gz):
    names = {"richmond": ("USA", "Indiana", True)}
    text = "Four men were wounded in a Richmond shooting."
    got = as_qualified(gz.find(text, "en", ["USA"]), names, gz)
    assert [(c.name, c.admin1) for m in got for c in m.candidates] == [("Richmond", "Indiana")]
    # a town the gazetteer lacks in that state: the state itself
    got = as_qualified(gz.find("A shooting in Tyrone.", "en", ["USA"]), {"tyrone": ("USA", "Missouri", False)}, gz)
    assert [(c.name, c.kind) for m in got for c in m.candidates] == [("Missouri", "admin1")]


def test_at_before_a_city_is_the_preposition(gz):
    got = [m.text for m in gz.find("Mass Shooting At New York Party Leaves 2 Dead", "en")]
    assert got == ["New York"]


def test_surname_after_an_initial_is_no_town(gz):
    assert [m.text for m in gz.find("Sheriff T. Walton confirmed the deaths.", "en")] == []
    assert "walton" in surnames("Sheriff T. Walton spoke. Walton said the man fled.", gz)
    assert "hollywood" not in surnames("He drove to N. Hollywood on Friday.", gz)


def test_a_name_with_its_own_qualifier_keeps_its_reading(gz):
    text = "Protesters marched in Richmond (Virginia) on Monday."
    mentions = gz.find(text, "en", ["USA"])
    assert as_qualified(mentions, {"richmond": ("USA", "Indiana", True)}, gz, text) == mentions
    # an abbreviated state after the comma is the report's own qualifier: it applies
    text = "A man was shot in Tyrone, Mo., on Friday."
    got = as_qualified(gz.find(text, "en", ["USA"]), {"tyrone": ("USA", "Missouri", False)}, gz, text)
    assert [c.name for m in got for c in m.candidates] == ["Missouri"]


def test_other_sentences_tell_the_country_at_half_weight(gz):
    doc = doc_of("News for Nashville and Knoxville\n\nA man was shot dead in Bristol on Thursday.")
    read = [c for i in range(len(doc.sentences)) for c in E._read(doc, i, gz)]
    focus, _ = country_focus(doc, read, gz)
    assert max(focus, key=focus.get) == "USA"
