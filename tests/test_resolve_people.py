"""Reports of one incident weeks apart (an arrest, a trial) found through the person they name."""
from __future__ import annotations

from datetime import date

from test_resolve import ALEPPO, IDLEB, doc_of, ev
from vigie.people import STRONG_ARTICLES as PERSON_ARTICLES, person_keys, same_victim
from vigie.resolve import family, resolve
from vigie.store import Store


def test_person_keys_read_a_name_with_its_age_in_either_order():
    text = "Officer Jane Q. Roe, 31, said the 6-year-old girl Mia Lopez died. Tom Bell, 40, was held."
    assert person_keys(text, "en") == ["Jane Roe|31", "Mia Lopez|6", "Tom Bell|40"]
    assert person_keys("Paul Martin, âgé de 19 ans, et Léa Roux (22 ans).", "fr") == ["Léa Roux|22", "Paul Martin|19"]
    # a figure after a name is not an age: a year, a count in thousands, a street number
    assert person_keys("Mayor Ann Wells, 2016 budget; Route Nine, 1,200 cars.", "en") == []


def test_same_victim_within_a_year_in_one_country():
    first = ev("a1", day=date(2016, 3, 3))
    assert same_victim(first, ev("a2", IDLEB, day=date(2016, 5, 20)), "en", True, family)
    assert not same_victim(first, ev("a2", day=date(2017, 6, 1)), "en", True, family)
    talks = ev("a2", kind="Agreement", etype="Strategic developments")
    assert not same_victim(first, talks, "en", True, family)


def test_a_follow_up_naming_the_victim_joins_the_incident_at_its_first_day(tmp_path):
    with Store(tmp_path / "v.db") as store:
        store.add(doc_of("a1", "Sam Ortiz, 19, was shot dead on Monday."), [ev("a1", killed=1)], resolve=resolve)
        # two months later, dated by its own publication and placed elsewhere by the gazetteer
        later = ev("a2", IDLEB, day=date(2016, 5, 2), published=date(2016, 5, 2))
        store.add(doc_of("a2", "A man was charged in the death of Sam Ortiz, 19.", date(2016, 5, 2)),
                  [later], resolve=resolve)
        (event,) = store.events()
        assert {s["article_id"] for s in event["sources"]} == {"a1", "a2"}
        assert event["event_date"] == "2016-03-03"
        # another shooting with no name stays apart
        store.add(doc_of("a3", "A man was shot on Tuesday."), [ev("a3", ALEPPO, day=date(2016, 5, 2))], resolve=resolve)
        assert len(store.events()) == 2


def test_a_person_named_by_many_articles_links_none(tmp_path):
    with Store(tmp_path / "v.db") as store:
        for i in range(PERSON_ARTICLES + 1):
            store.add(doc_of(f"a{i}", f"Chief Dan Hale, 55, spoke about case {i}."), [], resolve=resolve)
        assert store.people_articles(["Dan Hale|55"], PERSON_ARTICLES) == {}
        assert store.people_articles(["Dan Hale|55"], PERSON_ARTICLES + 1) != {}


def test_a_name_without_its_age_links_only_within_one_province(tmp_path):
    with Store(tmp_path / "v.db") as store:
        store.add(doc_of("a1", "Rosa Vance, 27, was shot dead on Monday."), [ev("a1", killed=1)], resolve=resolve)
        # the same name without the age, in another province: not linked
        store.add(doc_of("a2", "Police charged a man over the death of Rosa Vance.", date(2016, 4, 2)),
                  [ev("a2", IDLEB, day=date(2016, 4, 2), published=date(2016, 4, 2))], resolve=resolve)
        assert len(store.events()) == 2
        # in the same province: one incident
        store.add(doc_of("a3", "A trial opened in the killing of Rosa Vance.", date(2016, 4, 9)),
                  [ev("a3", ALEPPO, day=date(2016, 4, 9), published=date(2016, 4, 9))], resolve=resolve)
        assert len(store.events()) == 2
        vance = next(e for e in store.events() if len(e["sources"]) == 2)
        assert {s["article_id"] for s in vance["sources"]} == {"a1", "a3"}


def test_keys_index_a_named_person_and_every_mentioned_name():
    from vigie.people import keys
    assert keys("Lt. Omar Reyes said Ella Park, 8, was hurt.", "en") == \
        ["Ella Park|8", "@Ella Park", "~Ella Park", "~Omar Reyes"]


def test_another_incident_an_article_recalls_takes_its_people_only_in_its_province(tmp_path):
    from dataclasses import replace
    with Store(tmp_path / "v.db") as store:
        store.add(doc_of("a1", "Lee Scott, 37, opened fire on Monday."), [ev("a1", killed=1)], resolve=resolve)
        # a later report of the same gunman recalls another city's shooting of that day: its main
        # event joins the gunman's, the one it recalls (another province) stays apart
        main = replace(ev("a2", killed=1, day=date(2016, 3, 8), published=date(2016, 3, 8),
                          quote="Lee Scott, 37, was charged."), confidence=0.9)
        recalled = replace(ev("a2", IDLEB, day=date(2016, 3, 8), published=date(2016, 3, 8),
                              quote="It came hours after five were killed in Saraqib.", start=40), confidence=0.6)
        store.add(doc_of("a2", "Lee Scott, 37, was charged. It came hours after five were killed in Saraqib.",
                         date(2016, 3, 8)), [recalled, main], resolve=resolve)
        by_place = {e["location"]["name"]: {s["article_id"] for s in e["sources"]} for e in store.events()}
        assert by_place == {"Aleppo": {"a1", "a2"}, "Saraqib": {"a2"}}
