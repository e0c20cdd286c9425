"""The article's admin1 focus: a town name several provinces share resolves within the province
the whole article is about, never against an explicit qualifier."""
from collections import Counter

import pytest

from vigie.geocode import Gazetteer
from vigie.geocode_context import countries_only
from vigie.geocode_focus import abbreviated, admin1_focus, votes
from vigie.geocode_qualify import qualified
from vigie.models import Article, Place, PlaceMention
from vigie.normalize import normalize


@pytest.fixture(scope="module")
def gz():
    return Gazetteer.default()


def chosen(gz, text, focus):
    mentions = qualified(gz, gz.find(text, "en"), text, "en")
    return [(p.name, p.admin1) for p in gz.choose_all(mentions, focus) if p is not None]


def test_abbreviated_province_after_a_name():
    text = "GARY, Ind. (AP) -- A man was shot in Boston, Mass., on Friday; Smith said."
    assert [a for _, a in abbreviated(text, "en", "USA")] == ["Indiana", "Massachusetts"]
    assert abbreviated(text, "en", "CAN") == [] and abbreviated(text, "fr", "USA") == []


def test_votes_split_a_shared_name_and_count_a_named_province_twice():
    town = lambda a: Place("Oakton", 0, 0, "United States", "USA", a)  # noqa: E731
    shared = PlaceMention(0, 6, "Oakton", (town("Ohio"), town("Iowa")))
    state = Place("Ohio", 0, 0, "United States", "USA", "Ohio", kind="admin1")
    named = PlaceMention(10, 14, "Ohio", (state,))
    got = votes([shared, named], [town("Ohio"), state], "USA")
    assert got == Counter({"Ohio": 2.5, "Iowa": 0.5})


def test_focus_keys_are_not_countries():
    assert countries_only({"USA": 3, ("USA", "Ohio"): 2}) == {"USA": 3}


def test_focused_province_wins_over_population(gz):
    text = "A man was shot in Springfield on Friday."
    assert chosen(gz, text, {"USA": 4})[0][1] != "Massachusetts"
    assert chosen(gz, text, {"USA": 4, ("USA", "Massachusetts"): 4})[0] == ("Springfield", "Massachusetts")


def test_an_explicit_qualifier_beats_the_focus(gz):
    text = "A man was shot in Springfield, Illinois on Friday."
    assert chosen(gz, text, {"USA": 4, ("USA", "Massachusetts"): 4}) == [("Springfield", "Illinois")]


def test_a_small_town_of_the_focused_province_find_passed_over(gz):
    text = "Deputies responded to a shooting in Waynesboro."
    assert chosen(gz, text, {"USA": 4})[0][1] == "Virginia"
    assert chosen(gz, text, {"USA": 4, ("USA", "Georgia"): 3})[0] == ("Waynesboro", "Georgia")


def test_article_focus_reads_every_sentence(gz):
    text = ("Man shot in Waynesboro\n\nThe Burke County Sheriff's Office said a man was shot. "
            "The Georgia Bureau of Investigation is looking into it.")
    doc = normalize(Article("a", text, lang="en"))
    focus = admin1_focus(doc, gz, Counter({"USA": 2}))
    assert max(focus, key=focus.get) == ("USA", "Georgia") and focus[("USA", "Georgia")] <= 2
    assert admin1_focus(doc, gz, Counter()).get(("USA", "Georgia"), 0) > 0


def test_syrian_governorate_focus(gz):
    text = "Shelling hit Khan Shaykhun in the countryside of Idlib."
    doc = normalize(Article("b", text, lang="en"))
    focus = admin1_focus(doc, gz, Counter({"SYR": 2}))
    assert max(focus, key=focus.get) == ("SYR", "Idleb")


def test_outlet_city_in_the_web_address(gz):
    from vigie.geocode_focus import outlet_province
    archived = "http://web.archive.org/web/2015/http://www.clevelandtimes.com/news/1"
    assert outlet_province(archived, gz, "USA") == "Ohio"
    assert outlet_province("http://www.wxyz.com/a", gz, "USA") is None
    assert outlet_province(None, gz, "USA") is None
