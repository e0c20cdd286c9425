"""Resolution across articles: one event per action, place and day, with every report's claims."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from conftest import make_doc
from vigie.models import Article, Claim, Event, Fatalities, Location, Source
from vigie.resolve import days_agree, merge, places_agree, resolve, same_event
from vigie.store import Store

ALEPPO = Location("Aleppo", "Syria", 1, admin1="Aleppo", iso3="SYR", lat=36.2, lon=37.16, geonames_id=170063)
# a district about 2 km from the centre of Aleppo, and a village 12 km away, in the same province
DISTRICT = Location("Bustan al-Qasr", "Syria", 1, admin1="Aleppo", iso3="SYR", lat=36.19, lon=37.14)
VILLAGE = Location("Haritan", "Syria", 1, admin1="Aleppo", iso3="SYR", lat=36.30, lon=37.10)
PROVINCE = Location("Aleppo Governorate", "Syria", 3, admin1="Aleppo", iso3="SYR", lat=36.0, lon=37.5)
IDLEB = Location("Saraqib", "Syria", 1, admin1="Idleb", iso3="SYR", lat=35.86, lon=36.8)


def ev(article="a1", loc=ALEPPO, day=date(2016, 3, 3), kind="Air/drone strike",
       etype="Explosions/Remote violence", killed=None, qualifier="exact", published=date(2016, 3, 4),
       quote="An air strike hit the town.", source="OSDH", start=0) -> Event:
    """An event of one report, with one killed claim when `killed` is given."""
    claims = (Claim("killed", killed, qualifier, None, source, article, quote),) if killed is not None else ()
    fat = Fatalities(best=killed, low=killed, high=killed) if killed is not None else Fatalities()
    return Event(event_date=day, date_precision="day" if day else "unknown", event_type=etype,
                 sub_event_type=kind, location=loc, fatalities=fat,
                 sources=(Source(article, quote, start, start + len(quote), published=published),),
                 claims=claims).with_id()


def no_mentions(article_id):
    return []


# --- when two reports tell one event -------------------------------------------------------------

def test_same_town_same_day_is_one_event():
    assert same_event(ev("a1"), ev("a2"), "en")


def test_two_villages_on_one_day_are_two_events():
    assert not same_event(ev("a1", VILLAGE), ev("a2", ALEPPO), "en")
    assert not places_agree(VILLAGE, ALEPPO)


def test_a_district_and_its_city_agree_and_a_town_inside_the_named_province():
    assert places_agree(DISTRICT, ALEPPO)
    assert places_agree(VILLAGE, PROVINCE) and places_agree(PROVINCE, VILLAGE)
    assert not places_agree(IDLEB, PROVINCE)


def test_same_village_on_two_stated_days_are_two_events():
    a, b = ev("a1", day=date(2016, 3, 3)), ev("a2", day=date(2016, 3, 4), published=date(2016, 3, 5))
    stated = {"a1": [_mention(date(2016, 3, 3))], "a2": [_mention(date(2016, 3, 4))]}
    assert not days_agree(a, b, lambda aid: stated[aid])
    # the night of Wednesday to Thursday, told by one of them, is both days
    stated["a1"] = [_mention(date(2016, 3, 3), (date(2016, 3, 3), date(2016, 3, 4)))]
    assert days_agree(a, b, lambda aid: stated[aid])


def test_a_report_dated_by_its_publication_the_next_day_is_the_stated_day_before():
    stated = ev("a1", day=date(2016, 3, 3))
    next_morning = ev("a2", day=date(2016, 3, 4), published=date(2016, 3, 4))
    mentions = {"a1": [_mention(date(2016, 3, 3))], "a2": []}
    assert days_agree(stated, next_morning, lambda aid: mentions[aid])
    # two reports that name no day, a day apart, stay apart (ACLED's rows of consecutive days)
    assert not days_agree(ev("a1"), next_morning, no_mentions)


def test_no_report_tells_an_event_after_it_was_published():
    early = ev("a1", day=date(2016, 3, 1), published=date(2016, 3, 1))
    later = ev("a2", day=date(2016, 3, 4), published=date(2016, 3, 5))
    assert not days_agree(replace(early, date_precision="week"), later, no_mentions)


def test_kinds_and_actors_must_agree():
    assert not same_event(ev("a1"), ev("a2", kind="Arrests", etype="Strategic developments"), "en")
    # versions of one blast's cause: an air strike and a shelling at one place and day
    assert same_event(ev("a1"), ev("a2", kind="Shelling/artillery/missile attack"), "en")


def _mention(day, days=(), text="Tuesday"):
    from vigie.models import DateMention
    return DateMention(0, 5, day, "day", text, days or (day,)), "en"


def test_late_night_and_early_morning_reports_touch():
    a = ev("a1", day=date(2016, 3, 5))
    b = ev("a2", day=date(2016, 3, 6), published=date(2016, 3, 6))
    stated = {"a1": [_mention(date(2016, 3, 5), text="late Saturday night")],
              "a2": [_mention(date(2016, 3, 6), text="early Sunday")]}
    assert days_agree(a, b, lambda aid: stated[aid])
    stated["a1"] = [_mention(date(2016, 3, 5), text="Saturday afternoon")]
    stated["a2"] = [_mention(date(2016, 3, 6), text="Sunday afternoon")]
    assert not days_agree(a, b, lambda aid: stated[aid])


# --- merging ---------------------------------------------------------------------------------------

def test_merge_keeps_every_claim_and_recomputes_best_by_the_conservative_rule():
    a = ev("a1", killed=17, qualifier="at_least", source="OSDH", quote="At least 17 were killed.")
    b = ev("a2", killed=12, source="SANA", quote="Twelve people died.")
    c = ev("a3", killed=20, source="LCC", quote="Twenty were killed.")
    m = merge(merge(a, b, "en"), c, "en")
    assert m.event_id == a.event_id
    assert {c.attributed_to for c in m.claims} == {"OSDH", "SANA", "LCC"}
    # ACLED: the lowest firm figure; low and high span every report
    assert (m.fatalities.best, m.fatalities.low, m.fatalities.high) == (12, 12, 20)
    assert {s.article_id for s in m.sources} == {"a1", "a2", "a3"}


def test_merge_takes_the_finer_place():
    m = merge(ev("a1", PROVINCE), ev("a2", VILLAGE), "en")
    assert m.location == VILLAGE


def test_a_republished_sentence_counts_once():
    q = "Three soldiers and five rebels were killed."
    claims = (Claim("killed", 3, "exact", "soldiers", None, "a1", q), Claim("killed", 5, "exact", "rebels", None, "a1", q))
    a = replace(ev("a1"), claims=claims)
    b = replace(ev("a2"), claims=tuple(replace(c, article_id="a2") for c in claims))
    assert merge(a, b, "en").fatalities.best == 8


# --- against a store ---------------------------------------------------------------------------------

def doc_of(article_id, text, published=date(2016, 3, 4)):
    return replace(make_doc(article_id, text, published), lang="en")


def test_a_new_report_extends_the_stored_event_and_keeps_its_id(tmp_path):
    with Store(tmp_path / "v.db") as store:
        first = ev("a1", killed=5)
        store.add(doc_of("a1", "An air strike killed five people in Aleppo on Thursday."), [first], resolve=resolve)
        store.add(doc_of("a2", "Syrian state media said four died when jets struck the city."),
                  [ev("a2", killed=4, source="SANA")], resolve=resolve)
        store.add(doc_of("a3", "A car bomb went off in Saraqib, far to the south west."),
                  [ev("a3", IDLEB, kind="Remote explosive/landmine/IED")], resolve=resolve)
        events = store.events()
        assert len(events) == 2
        strike = next(e for e in events if e["location"]["name"] == "Aleppo")
        assert strike["event_id"] == first.event_id
        assert strike["fatalities"]["best"] == 4 and strike["fatalities"]["high"] == 5
        assert {s["article_id"] for s in strike["sources"]} == {"a1", "a2"}


def test_an_update_of_a_dispatch_extends_its_events(tmp_path):
    body = ("An air strike hit a market in the north of the city on Thursday, residents said, "
            "and rescue workers searched the rubble for survivors until the night. ")
    update = "UPDATE 2- " + body + "The toll rose to nine, a monitor said."
    with Store(tmp_path / "v.db") as store:
        store.add(doc_of("v1", body), [ev("v1", killed=5)], resolve=resolve)
        # the update is dated from a later publication and placed at the district: still its event
        later = ev("v2", DISTRICT, day=date(2016, 3, 5), killed=9, published=date(2016, 3, 5))
        store.add(doc_of("v2", update, date(2016, 3, 5)), [later], resolve=resolve)
        (event,) = store.events()
        assert {s["article_id"] for s in event["sources"]} == {"v1", "v2"}
        assert event["event_date"] == "2016-03-03"
        assert (event["fatalities"]["best"], event["fatalities"]["high"]) == (5, 9)


def test_one_stored_event_takes_one_event_of_an_article(tmp_path):
    with Store(tmp_path / "v.db") as store:
        store.add(doc_of("a1", "One strike."), [ev("a1")], resolve=resolve)
        two = [ev("a2", start=0), ev("a2", start=40, quote="Another air strike hit the town later.")]
        store.add(doc_of("a2", "Two strikes."), two, resolve=resolve)
        assert len(store.events()) == 2


# --- the pipeline: extract equals ingest, re-ingest changes nothing -----------------------------------

ARTICLES = [
    Article("wire-1", "CHICAGO (AP) - Two men were shot and killed Tuesday night on the South Side of "
            "Chicago, police said. Police said the gunman fled.", date(2016, 3, 9), "en"),
    Article("local-2", "Chicago police are looking for a gunman after two men were fatally shot on "
            "Tuesday night in Chicago. No one is in custody.", date(2016, 3, 9), "en"),
    Article("other-3", "A teenager was shot and wounded in Houston on Monday, police said.",
            date(2016, 3, 9), "en"),
]


@pytest.fixture(scope="module")
def resources():
    from vigie.pipeline import Resources
    return Resources.default()


def test_extract_equals_ingest_and_reingest_changes_nothing(tmp_path, resources):
    from vigie.ingest import ingest
    from vigie.pipeline import extract_all
    extracted = extract_all(ARTICLES, resources)
    assert extracted, "the shootings make events"
    chicago = [e for e in extracted if e["location"]["name"] == "Chicago"]
    assert len(chicago) == 1 and {s["article_id"] for s in chicago[0]["sources"]} == {"wire-1", "local-2"}
    with Store(tmp_path / "v.db") as store:
        ingest(ARTICLES[:1], store, resources)      # in two batches
        ingest(ARTICLES[1:], store, resources)
        stored = store.events()
        assert sorted(json.dumps(e, sort_keys=True) for e in stored) == \
            sorted(json.dumps(e, sort_keys=True) for e in extracted)
        before = (store.counts(), sorted(e["event_id"] for e in stored))
        summary = ingest(ARTICLES, store, resources)
        assert summary.articles == 0 and summary.skipped == len(ARTICLES)
        assert (store.counts(), sorted(e["event_id"] for e in store.events())) == before


def test_gva_subset_groups_reports_of_one_incident(shared, resources):
    """The first 300 GVA articles: resolution groups more of them than 'every article alone'."""
    import sys
    sys.path.insert(0, str(shared / "eval"))
    import score
    from vigie.pipeline import extract_all
    path = shared / "data" / "gva_incidents" / "gva_articles_by_incident.jsonl"
    rows = [json.loads(line) for line, _ in zip(open(path, encoding="utf-8"), range(300))]
    articles = [Article(r["doc_id"], (r.get("title") or "") + "\n\n" + (r.get("content") or ""),
                        date.fromisoformat(r["dct"]) if r.get("dct") else None, "en") for r in rows]
    events = json.loads(json.dumps(extract_all(articles, resources)))
    gold = {r["doc_id"]: r["incident_id"] for r in rows}
    alone = score.bcubed(gold, {d: d for d in gold})[2]
    p, r, f1 = score.bcubed(gold, score.clusters_from_events(events, list(gold)))
    assert f1 > alone + 0.03 and p > 0.9


def test_places_known_only_by_their_country_or_not_at_all_never_agree():
    usa = Location(name="United States", lat=39.76, lon=-98.5, geo_precision=3, country="United States")
    unknown = Location(name="Unknown", lat=None, lon=None, geo_precision=3, country="United States")
    assert not places_agree(usa, usa)
    assert not places_agree(unknown, unknown)


def test_police_quoted_as_the_source_are_not_the_target():
    from vigie.extract.targets import armed_target
    from vigie.extract.triggers import find_triggers
    text = "Two men were shot and killed Tuesday night on the South Side of Chicago, police said."
    trig = find_triggers(text.lower(), "en")[0]
    assert armed_target(text, text.lower(), trig, trig.rule, {"people"}, "en").sub_event_type == "Attack"


def test_merging_keeps_a_deniers_figure_out_of_best_and_parts_out_of_the_alternatives():
    # one report: 80 dead per the opposition, 9 per the government that denies the massacre
    old = ev("a1", killed=80, source="CNS")
    denial = ev("a2", killed=9, source="gouvernement", quote="Le gouvernement a démenti.")
    denial = replace(denial, claims=tuple(replace(c, role="denied") for c in denial.claims))
    fat = merge(old, denial, "fr").fatalities
    assert (fat.best, fat.low, fat.high) == (80, 9, 80)
    # the role survives the store's JSON
    assert Event.from_json(json.loads(json.dumps(denial.to_json()))).claims[0].role == "denied"


def test_a_states_government_and_its_military_are_one_side_but_two_states_are_not():
    from vigie.models import Actor
    from vigie.resolve import actors_agree
    gov = Actor("Government of Syria", "State forces", "Syria")
    army = Actor("Military Forces of Syria", "State forces", "Syria")
    russia = Actor("Military Forces of Russia", "State forces", "Russia")
    assert actors_agree(replace(ev("a1"), actor1=gov), replace(ev("a2"), actor1=army))
    assert not actors_agree(replace(ev("a1"), actor1=russia), replace(ev("a2"), actor1=army))
    # police a report names in no country are the state's forces of the country the other names
    police = Actor("Police Forces of Unknown", "State forces", None, "police")
    us_police = Actor("Police Forces of United States", "State forces", "United States", "police")
    assert actors_agree(replace(ev("a1"), actor1=police), replace(ev("a2"), actor1=us_police))
    rebels = Actor("Hayat Tahrir al-Sham", "Rebel group", None)
    assert not actors_agree(replace(ev("a1"), actor1=police), replace(ev("a2"), actor1=rebels))


def test_two_fights_between_different_armed_sides_are_two_events():
    from vigie.models import Actor
    army = Actor("Military Forces of Syria", "State forces", "Syria")
    rebels = Actor("Rebel Forces (Syria)", "Rebel group", "Syria")
    jihadists = Actor("Islamic State", "Rebel group", "Syria")
    civilians = Actor("Civilians (Syria)", "Civilians", "Syria")
    clash = dict(kind="Armed clash", etype="Battles")
    a = replace(ev("a1", **clash), actor1=army, actor2=jihadists)
    assert not same_event(a, replace(ev("a2", **clash), actor1=rebels, actor2=jihadists), "en")
    # the same two sides, named in either order, are one fight
    assert same_event(a, replace(ev("a2", **clash), actor1=jihadists, actor2=army), "en")
    # who was hit is told differently by reports of one massacre: only armed pairs are compared
    b = replace(ev("a1", kind="Attack", etype="Violence against civilians"), actor1=army, actor2=civilians)
    assert same_event(b, replace(ev("a2", kind="Attack", etype="Violence against civilians"),
                                 actor1=army, actor2=rebels), "en")


def test_a_capture_and_a_fight_are_two_acts():
    capture = ev("a1", kind="Government regains territory", etype="Battles")
    assert not same_event(capture, ev("a2", kind="Armed clash", etype="Battles"), "en")
    assert not same_event(capture, ev("a2", kind="Non-state actor overtakes territory", etype="Battles"), "en")
    assert same_event(capture, ev("a2", kind="Government regains territory", etype="Battles"), "en")


def test_a_report_placed_only_at_its_province_tells_no_particular_town():
    assert not same_event(ev("a1", PROVINCE), ev("a2", VILLAGE), "en")
    assert same_event(ev("a1", PROVINCE), ev("a2", PROVINCE), "en")


def test_a_mediator_named_as_actor_is_no_side():
    from vigie.models import Actor
    from vigie.resolve import actors_agree
    un = Actor("United Nations", "External/Other forces")
    army = Actor("Military Forces of Syria", "State forces", "Syria")
    russia = Actor("Military Forces of Russia", "External/Other forces", "Russia")
    a = replace(ev("a1"), actor1=un)
    assert actors_agree(a, replace(ev("a2"), actor1=army), "fr")
    assert not actors_agree(replace(ev("a1"), actor1=russia), replace(ev("a2"), actor1=army), "fr")
    # the merged event takes the side a report names, not the mediator
    assert merge(a, replace(ev("a2"), actor1=army), "en").actor1 == army


def test_a_floor_of_one_report_under_anothers_larger_figure_stays_the_toll():
    floor = ev("a1", killed=100, qualifier="at_least", source="OSDH", quote="At least 100 were killed.")
    claim = ev("a2", killed=1300, source="opposition", quote="1,300 died.")
    assert merge(floor, claim, "en").fatalities.best == 100
    # two firm figures: the conservative rule of casualties.fatalities
    assert merge(ev("a1", killed=4), ev("a2", killed=2, quote="Two died."), "en").fatalities.best == 2


def test_a_night_of_two_days_and_one_of_them_give_that_day(tmp_path):
    tue, wed, pub = date(2013, 8, 20), date(2013, 8, 21), date(2013, 8, 22)
    with Store(tmp_path / "v.db") as store:
        first = ev("n1", day=tue, published=pub, kind="Chemical weapon")
        store.add(doc_of("n1", "Gas was used in Aleppo in the night of Tuesday to Wednesday.", pub),
                  [first], resolve=resolve)
        store.add(doc_of("n2", "Chemical weapons were used in Aleppo on Wednesday.", pub),
                  [ev("n2", day=wed, published=pub, kind="Chemical weapon")], resolve=resolve)
        events = store.events()
    assert len(events) == 1 and events[0]["event_date"] == wed.isoformat()


def test_a_report_of_recent_weeks_joins_the_capture_told_on_a_day_within_them(tmp_path):
    capture = "Non-state actor overtakes territory"
    with Store(tmp_path / "v.db") as store:
        main = replace(ev("a1", day=date(2016, 3, 7), kind=capture, etype="Battles"), confidence=1.0)
        headline = replace(ev("a1", day=date(2016, 3, 10), kind=capture, etype="Battles", start=80,
                              quote="Rebels kill soldiers in Aleppo."), confidence=0.9)
        store.add(doc_of("a1", "Rebels took the town on Monday.", date(2016, 3, 11)), [main, headline],
                  resolve=resolve)
        # 'in recent weeks' in a dispatch of 14 March: a month's span ending that day
        recent = replace(ev("a2", day=date(2016, 2, 13), kind=capture, etype="Battles",
                            published=date(2016, 3, 14), quote="Rebels took the town in recent weeks."),
                         date_precision="month")
        store.add(doc_of("a2", "Rebels took the town in recent weeks.", date(2016, 3, 14)), [recent],
                  resolve=resolve)
        joined = [e for e in store.events() if len({s["article_id"] for s in e["sources"]}) == 2]
        # one of the two equal candidates: the stored article's most confident event, its day kept
        assert [(e["event_id"], e["event_date"], e["date_precision"]) for e in joined] == \
            [(main.event_id, "2016-03-07", "day")]


def test_a_report_of_recent_weeks_does_not_join_an_event_before_them():
    old = ev("a1", day=date(2016, 1, 20), published=date(2016, 1, 21))
    recent = replace(ev("a2", day=date(2016, 2, 13), published=date(2016, 3, 14)), date_precision="month")
    assert not days_agree(old, recent) and days_agree(ev("a1", day=date(2016, 3, 1)), recent)


def test_a_building_destroyed_is_the_damage_of_the_strike_that_says_it_destroyed_it():
    ruin = "Looting/property destruction"
    razed = ev("a2", DISTRICT, kind=ruin, etype="Strategic developments",
               quote="L'armée a pris le quartier, après avoir détruit en début de semaine le mausolée.")
    shelled = ev("a1", quote="Le mausolée du centre de la ville a été bombardé et détruit cette semaine.",
                 kind="Shelling/artillery/missile attack")
    assert same_event(shelled, razed, "fr") and same_event(razed, shelled, "fr")
    merged = merge(shelled, razed, "fr")
    assert merged.sub_event_type == "Shelling/artillery/missile attack"
    # a strike whose report tells no destruction is another act
    assert not same_event(ev("a1", kind="Shelling/artillery/missile attack",
                             quote="Des obus sont tombés sur le centre de la ville."), razed, "fr")
    # a destruction with deaths of its own is no strike's mere damage
    assert not same_event(shelled, replace(razed, fatalities=Fatalities(best=3, low=3, high=3)), "fr")
