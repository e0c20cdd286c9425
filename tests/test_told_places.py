"""Settlements as told, and one newsroom's two same-day reports (resolution's vetoes)."""
from dataclasses import replace
from datetime import date

from conftest import make_event
from vigie.models import Claim, Fatalities, Source
from vigie.resolve import same_event
from vigie.told_places import one_newsroom_twice, settlements, settlements_differ, tolls_differ


def test_settlements_named_with_their_kind():
    assert settlements("Shelling hit the village of Tal al-Sultan and Kafr Nabl city on Monday.", "en") \
        == {"tal al sultan", "kafr nabl"}
    assert settlements("On 3 May, forces shelled Al-Bughaz town in Aleppo countryside.", "en") == {"bughaz"}
    assert settlements("In Tal Abu Dhahab village, two men were killed.", "en") == {"tal abu dhahab"}
    assert settlements("Clashes on the Kabashin axis in Aleppo countryside.", "en") == {"kabashin"}
    assert settlements("Treize civils ont péri dans la localité d'Aïn Larose.", "fr") == {"ain larose"}
    assert settlements("Two people were killed in Aleppo on Friday.", "en") == frozenset()


def with_quote(event, article_id, quote, best=None, outlet="SOHR", published=date(2016, 3, 3)):
    src = Source(article_id, quote, 0, len(quote), outlet=outlet, published=published)
    fat = Fatalities(best=best, low=best, high=best)
    return replace(event, sources=(src,), fatalities=fat, claims=()).with_id()


def test_two_villages_on_one_day_are_two_events():
    base = make_event("a1")
    a = with_quote(base, "a1", "Regime aircraft struck the village of Sruj, killing two.", 2, outlet="AFP")
    b = with_quote(base, "b1", "An air strike hit Maarzaf town, killing five.", 5, outlet="Reuters")
    c = with_quote(base, "c1", "Air strikes on the village of Sruj killed three people.", 3, outlet="Reuters")
    assert settlements_differ(a, b, "en") and not settlements_differ(a, c, "en")
    assert not same_event(a, b, "en") and same_event(a, c, "en")
    # a report that names no settlement is not kept apart by this rule
    d = with_quote(base, "d1", "Air strikes on Aleppo province killed four.", 4, outlet="Reuters")
    assert not settlements_differ(a, d, "en")


def test_one_newsroom_tells_two_events_in_one_day_unless_they_share_a_toll():
    base = make_event("a1")
    a = with_quote(base, "a1", "Clashes broke out between regime forces and rebels, killing 3.", 3)
    b = with_quote(base, "b1", "Rebels attacked regime positions, killing one soldier.", 1)
    assert one_newsroom_twice(a, b, "en") and not same_event(a, b, "en")
    same_toll = with_quote(base, "c1", "Rebels and regime forces fought; three were killed.", 3)
    assert not one_newsroom_twice(a, same_toll, "en")
    other_outlet = with_quote(base, "d1", "Fighting killed one soldier.", 1, outlet="AFP")
    assert not one_newsroom_twice(a, other_outlet, "en")
    next_day = with_quote(base, "e1", "Fighting killed one soldier.", 1, published=date(2016, 3, 4))
    assert not one_newsroom_twice(a, next_day, "en")


def test_an_outlet_field_may_list_several_sources():
    base = make_event("a1")
    a = with_quote(base, "a1", "Clashes broke out, killing 3.", 3, outlet="SOHR; Liveuamap")
    b = with_quote(base, "b1", "Rebels attacked a checkpoint, killing one.", 1, outlet="Jisr; SOHR")
    assert one_newsroom_twice(a, b, "en")


def test_spots_named_with_their_kind():
    # a spot on the steppe or a front line is named as a settlement is: two such spots, two events
    assert settlements("Gunmen attacked a post in Kharita badia in Deir ez Zor countryside.", "en") == {"kharita"}
    assert settlements("A sniper shot a fighter on the Tadaf frontline.", "en") == {"tadaf"}
    assert settlements("Des combats ont eu lieu sur la route d'Ithariyah.", "fr") == {"ithariyah"}
    assert settlements("Des tirs sur la ligne de front de Tadaf.", "fr") == {"tadaf"}


def test_one_outlet_two_tolls_one_day():
    def ev(n, outlet="SOHR", day=date(2016, 3, 5), qualifier="exact"):
        e = make_event(article_id=f"{outlet}{n}{day}", best=n, outlet=outlet)
        return replace(e, claims=(Claim("killed", n, qualifier, None, None, e.sources[0].article_id, "q"),),
                       sources=(replace(e.sources[0], published=day),))
    one = ev(1)
    assert tolls_differ(one, ev(2))
    assert not tolls_differ(one, ev(2, outlet="Other"))             # two outlets: not this rule
    assert not tolls_differ(one, ev(2, day=date(2016, 3, 6)))       # a later day: an update
    assert not tolls_differ(one, ev(2, qualifier="at_least"))       # 'at least 2' bounds the same toll
    assert not tolls_differ(one, ev(1))
    assert not same_event(one, ev(2), "en")


def test_one_newsroom_at_one_settlement_with_a_toll_and_without_tells_two_events():
    base = make_event("a1")
    a = with_quote(base, "a1", "Clashes took place in Kafr Zita town, killing 2 rebels.", 2)
    b = with_quote(base, "b1", "Regime forces shelled Kafr Zita town with rockets.", None)
    assert one_newsroom_twice(a, b, "en")
    c = with_quote(base, "c1", "Rebels attacked a checkpoint in Kafr Zita town.", None)
    assert not one_newsroom_twice(b, c, "en")


def test_two_reports_placed_at_one_town_are_not_kept_apart_by_the_names_around_it():
    town = replace(make_event("a1").location, name="Tal Rifaat")
    base = replace(make_event("a1"), location=town)   # placed at the town itself (precision 1)
    a = with_quote(base, "a1", "Rebels took Tal Rifaat, on a road west of the city of Marea.", outlet="AFP")
    b = with_quote(base, "b1", "Rebels seized the town of Tal Rifaat in recent weeks.", outlet="Reuters")
    assert not settlements_differ(a, b, "en")
    # a transliteration with a doubled letter is the same town
    c = with_quote(base, "c1", "Rebels seized the town of Tal Riffaat.", outlet="Reuters")
    assert not settlements_differ(a, c, "en")
    # two villages that neither is placed at still keep two reports apart
    d = with_quote(base, "d1", "Rebels seized the village of Kafr Naya.", outlet="Reuters")
    assert settlements_differ(a, d, "en")
    # the same words at a place known only by its province keep them apart too
    wide = replace(town, geo_precision=3)
    assert settlements_differ(replace(a, location=wide), replace(b, location=wide), "en")
