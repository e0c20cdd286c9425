"""Street addresses across reports (addresses.py) and near-duplicates' days (resolve.copy_days)."""
from dataclasses import replace
from datetime import date

from conftest import make_event
from vigie.addresses import address_keys, same_block
from vigie.resolve import copy_days, family


def test_one_block_however_written():
    block = ["#400|elm street", "#|elm street"]
    assert address_keys("A man was shot in the 400 block of Elm Street on Monday.", "en") == block
    assert address_keys("Officers found him at 417 N. Elm St. after midnight.", "en") == block
    assert address_keys("The shooting happened on Elm Street.", "en") == ["#|elm street"]
    assert address_keys("Two men were shot on Monday.", "en") == []
    assert address_keys("Un homme a été blessé au 8, rue des Lilas.", "fr") == ["#0|rue des lilas", "#|rue des lilas"]
    assert address_keys("Un homme a été blessé dans la rue des Lilas.", "fr") == ["#|rue des lilas"]


class _Store:
    """Articles and their address keys, as Store.people_articles and article_text read them."""
    def __init__(self, texts):
        self.texts = texts

    def people_articles(self, keys, limit):
        out = {k: [a for a, t in self.texts.items() if k in address_keys(t, "en")] for k in keys}
        return {k: v for k, v in out.items() if 0 < len(v) <= limit}

    def article_text(self, a):
        return self.texts[a], None, "en"


def test_a_street_named_links_unless_another_block_is_given():
    from vigie.addresses import linked_articles
    store = _Store({"a": "A boy was shot on Elm Street.", "b": "A man was shot in the 900 block of Elm Street."})
    assert linked_articles(store, address_keys("The 400 block of Elm Street.", "en"), "en") == ["a"]
    assert linked_articles(store, address_keys("Shots were fired on Elm Street.", "en"), "en") == ["a", "b"]


def _ev(day, admin1="Aleppo", article="a1"):
    e = make_event(article_id=article, day=day, kind="Attack", etype="Violence against civilians")
    return replace(e, location=replace(e.location, admin1=admin1))


def test_one_block_within_a_week():
    a = _ev(date(2016, 3, 3))
    assert same_block(a, _ev(date(2016, 3, 8), article="a2"), "en", family)
    assert not same_block(a, _ev(date(2016, 4, 8), article="a2"), "en", family)
    assert not same_block(a, _ev(date(2016, 3, 4), admin1="Idlib", article="a2"), "en", family)


def _pub(e, day, outlet):
    return replace(e, sources=tuple(replace(s, published=day, outlet=outlet) for s in e.sources))


def test_copies_of_a_dispatch_are_days_apart_at_most():
    def mentions(article_id):
        return []      # no report states its day: each is dated by its publication
    a = _pub(make_event(article_id="a1"), date(2019, 1, 2), "SOHR")
    assert copy_days(a, _pub(make_event(article_id="a2"), date(2019, 1, 3), "Other"), mentions)
    assert not copy_days(a, _pub(make_event(article_id="a2"), date(2019, 1, 3), "SOHR"), mentions)
    assert not copy_days(a, _pub(make_event(article_id="a2"), date(2019, 9, 3), "Other"), mentions)
    assert copy_days(a, _pub(make_event(article_id="a2"), date(2019, 1, 2), "SOHR"), mentions)


def test_a_town_and_a_place_near_another_are_two_places():
    from vigie.models import Location
    from vigie.resolve import places_agree
    town = Location(name="Beit Sahm", country="Syria", geo_precision=1, admin1="Rif Dimashq", lat=33.46, lon=36.33, geonames_id=1)
    near = Location(name="Harasta", country="Syria", geo_precision=2, admin1="Rif Dimashq", lat=33.56, lon=36.36, geonames_id=2)
    close = replace(near, lat=33.47, lon=36.34)        # about 1.4 km from the town: one spot
    assert not places_agree(town, near) and places_agree(town, close)
