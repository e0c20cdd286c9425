"""Extraction on short French dispatches written for these tests (not real news)."""
from datetime import date

import pytest

from vigie.extract import casualties as cas
from vigie.extract.numbers import find_numbers
from vigie.models import Article
from vigie.pipeline import Resources, process


@pytest.fixture(scope="module")
def res():
    return Resources.default()


def extract(res, text, published="2016-03-03", lang="fr"):
    art = Article(id="t1", text=text, published=date.fromisoformat(published) if published else None,
                  lang=lang)
    return process(art, res)[1]


ALEPPO = ("ALEP, 3 mars (Reuters) - Au moins dix-sept civils, dont quatre enfants, ont été tués "
          "jeudi dans des bombardements sur le quartier de Boustane al-Qasr, selon l'Observatoire "
          "syrien des droits de l'homme (OSDH). Une chaîne d'opposition parle de plus de dix morts. "
          "Le conflit a fait plus de 300.000 morts depuis 2011.")


def test_brief_example(res):
    events = extract(res, ALEPPO)
    assert len(events) == 1
    e = events[0].to_json()
    assert e["event_type"] == "Explosions/Remote violence"
    assert e["sub_event_type"] in ("Shelling/artillery/missile attack", "Air/drone strike")
    assert e["event_date"] == "2016-03-03"          # Thursday 3 March 2016
    f = e["fatalities"]
    assert (f["best"], f["low"], f["high"], f["children"]) == (17, 10, 17, 4)
    killed = [c for c in e["claims"] if c["kind"] == "killed" and c["group"] != "children"]
    assert {c["count"] for c in killed} == {17, 10}
    assert any("OSDH" in (c["attributed_to"] or "") for c in killed)
    assert all(c["count"] != 300000 for c in e["claims"])
    assert e["location"]["name"] != "Aleppo" or e["location"]["geo_precision"] == 1
    assert abs(e["location"]["lat"] - 36.2) < 0.1 and abs(e["location"]["lon"] - 37.15) < 0.1
    s = e["sources"][0]
    assert s["quote"].startswith("Au moins dix-sept")


def test_conservative_rule():
    claims = [cas.Claim("killed", 9, "exact", attributed_to="A"),
              cas.Claim("killed", 17, "exact", attributed_to="B")]
    assert cas.fatalities(claims, "fr").best == 9
    claims = [cas.Claim("killed", 32, "exact"), cas.Claim("killed", 20, "more_than", quote="x")]
    f = cas.fatalities(claims, "fr")
    assert (f.best, f.low, f.high) == (32, 20, 32)
    assert cas.fatalities([cas.Claim("killed", 12, "at_least")], "fr").best == 12


def test_figures_kinds():
    text = "Un raid a tué 19 civils et blessé 61 autres à Saraqeb."
    figs = cas.figures(text, find_numbers(text, "fr"), "fr")
    kinds = {f.count: f.kind for f in figs}
    assert kinds[19] == "killed" and kinds[61] == "injured"


def test_cumulative_toll_is_no_event(res):
    events = extract(res, "Le conflit a fait plus de 300.000 morts depuis 2011, selon l'ONU.")
    assert all(e.fatalities.best != 300000 for e in events)


def test_violence_and_talks_are_two_events(res):
    text = ("DAMAS, 12 mars (AFP) - L'armée a bombardé lundi la ville de Rastane, tuant cinq civils, "
            "alors que l'émissaire de l'ONU s'est entretenu lundi avec le président à Damas.")
    events = extract(res, text, published="2012-03-12")
    kinds = {(e.event_type, e.sub_event_type) for e in events}
    assert ("Explosions/Remote violence", "Shelling/artillery/missile attack") in kinds
    assert any(e.event_type == "Strategic developments" for e in events)


def test_announced_meeting_is_no_event(res):
    events = extract(res, "Le négociateur doit rencontrer jeudi les représentants des rebelles à Genève.")
    assert not events


def test_no_date_anywhere(res):
    events = extract(res, "Au moins cinq civils ont été tués dans un bombardement sur Rastane.",
                     published=None)
    assert events
    assert all(e.event_date is None and e.date_precision == "unknown" for e in events)


def test_province_context_decides_homonym(res):
    text = ("Les forces gouvernementales ont bombardé mardi la ville de Saida, dans l'ouest de la "
            "province de Deraa, tuant trois personnes.")
    events = extract(res, text, published="2013-05-08")
    assert events and events[0].location.country == "Syria"


def test_stable_ids(res):
    a = [e.event_id for e in extract(res, ALEPPO)]
    b = [e.event_id for e in extract(res, ALEPPO)]
    assert a == b


def test_source_named_once_covers_the_next_sentences(res):
    text = ("Les forces gouvernementales ont mené une offensive contre plusieurs villes de la "
            "province d'Idleb, selon l'Observatoire syrien des droits de l'homme (OSDH).\n"
            "Douze civils ont été tués lundi dans des bombardements à Saraqeb, a précisé l'ONG. "
            "Dans la province de Hama, l'armée a pris d'assaut la ville de Kafr Zita, tuant trois civils.")
    events = {e.location.name: e for e in extract(res, text, published="2016-03-08")}
    for name in ("Saraqib", "Kafr Zaytā"):
        claims = events[name].claims
        assert claims and all("OSDH" in (c.attributed_to or "") for c in claims), name


def test_source_at_the_end_of_a_sentence_covers_its_clauses(res):
    text = ("Deux civils sont morts lundi dans la ville de Homs, tandis qu'à Hama trois manifestants "
            "ont été tués par des tirs des forces de sécurité, selon l'OSDH.")
    events = extract(res, text, published="2016-03-08")
    assert len(events) == 2
    assert all(c.attributed_to and "OSDH" in c.attributed_to for e in events for c in e.claims)


def test_distributed_toll_gives_one_event_per_place(res):
    # the total (five) is no town's toll; each share is, with the source named last
    text = ("Ces violences, qui ont fait au moins 5.000 morts en neuf mois selon l'ONU, ont encore "
            "coûté la vie à cinq civils, tombés mardi sous les balles, un dans la province d'Idleb, "
            "deux à Deraa et deux à Douma, selon l'OSDH.")
    events = extract(res, text, published="2011-12-27")
    got = sorted((e.location.name, e.fatalities.best) for e in events)
    assert got == [("Dar‘ā", 2), ("Dūmā", 2), ("Idleb", 1)]
    assert len({e.event_id for e in events}) == 3
    assert all("OSDH" in c.attributed_to for e in events for c in e.claims)
    assert all(5000 not in {c.count for c in e.claims} and 5 not in {c.count for c in e.claims}
               for e in events)


def test_distributive_figures():
    text = "Cinq civils ont été tués, un à Idleb et quatre à Hama."
    figs = cas.figures(text, find_numbers(text, "fr"), "fr")
    assert [(f.count, f.kind, f.total) for f in figs] == [
        (5, "killed", True), (1, "killed", False), (4, "killed", False)]


def test_this_town_is_the_place_named_before(res):
    text = ("Treimsa, 12 juillet. Des bombardements font plus de 150 morts dans cette localité de la "
            "province de Hama, selon l'OSDH.")
    events = extract(res, text, published="2012-07-13")
    assert [(e.location.name, e.event_date.isoformat()) for e in events] == [("Tremseh", "2012-07-12")]


def test_violence_abroad_without_a_toll_is_context(res):
    # a Syrian story (three Syrian places) that mentions American deployments
    text = ("Des bombardements ont tué douze civils lundi à Saraqeb, dans la province d'Idleb, selon "
            "l'OSDH. Des combats ont aussi eu lieu à Hama. Washington a déployé des missiles Patriot et des avions F-16 en Jordanie.")
    events = extract(res, text, published="2012-07-10")
    assert "Washington" not in [e.location.name for e in events]
    assert "Saraqib" in [e.location.name for e in events]


def test_one_more_elsewhere_is_its_own_toll():
    text = "Quatre civils ont péri à Hama et un autre à Alep par des tirs sur les manifestants."
    figs = cas.figures(text, find_numbers(text, "fr"), "fr")
    assert [(f.count, f.kind, f.group, f.total) for f in figs] == [
        (4, "killed", "civilians", False), (1, "killed", "civilians", False)]


def test_toll_of_the_day_before(res):
    text = ("Au lendemain du violent pilonnage qui a fait sept morts, l'armée syrienne a de nouveau "
            "bombardé Rastane lundi.")
    events = extract(res, text, published="2012-03-05")
    got = sorted((e.event_date.isoformat(), e.fatalities.best) for e in events)
    assert got == [("2012-03-04", 7), ("2012-03-05", None)]


def _figs(text):
    return [(f.count, f.kind, f.group, f.subgroup)
            for f in cas.figures(text, find_numbers(text, "fr"), "fr")]


def test_noun_after_a_figure_beats_the_verb_before():
    assert _figs("Des accrochages à Tripoli, faisant neuf blessés.") == [(9, "injured", None, False)]


def test_a_named_person_killed_is_one_death():
    assert _figs("Mechaal Tamo a été assassiné vendredi à Qamichli.") == [(1, "killed", None, False)]
    assert _figs("Trois soldats ont été tués.") == [(3, "killed", "soldiers", False)]


def test_enumeration_adds_up_to_its_total():
    text = "Au moins 29 personnes, dix soldats, huit rebelles et onze civils, ont été tuées."
    assert _figs(text) == [(29, "killed", "people", False), (10, "killed", "soldiers", True),
                           (8, "killed", "rebels", True), (11, "killed", "civilians", True)]


def test_bodies_of_are_deaths():
    assert _figs("Les corps de 26 enfants ont été retrouvés.") == [(26, "killed", "children", False)]


def test_other_victims_are_another_event(res):
    text = ("Onze civils ont été tués par des tirs à Maarret Masrin, dans la province d'Idleb, a "
            "rapporté l'OSDH. Dans la même province, six autres civils ont péri sous les balles.")
    events = extract(res, text, published="2011-12-13")
    assert sorted(e.fatalities.best for e in events) == [6, 11]


def test_assault_toll_since_it_began_is_its_own():
    text = "Au moins 12 personnes ont été tuées depuis le début de l'assaut sur Salaheddine."
    assert _figs(text)[0][1] == "killed"
    assert not cas.figures(text, find_numbers(text, "fr"), "fr")[0].cumulative


def test_source_pronoun_is_the_subject_and_que_is_no_source():
    text = "L'agence Sana a annoncé l'assassinat de l'opposant, tué selon elle par des hommes armés."
    assert cas.attribution(text, "fr").startswith("Sana")
    assert _figs(text) == [(1, "killed", None, False)]
    text = "Le comité de coordination, une ONG, affirme que dix cadavres ont été apportés."
    assert not (cas.attribution(text, "fr") or "").startswith("que")


def test_territory_taker_is_the_subject_of_the_clause(res):
    text = ("Lundi dans le nord, des djihadistes combattant les troupes du régime ont pris le contrôle "
            "d'une zone stratégique à la périphérie d'Alep, selon l'OSDH.")
    events = extract(res, text, published="2013-07-29")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_there_is_the_place_named_before(res):
    text = ("Khaldiyé a été soumis à d'intenses bombardements de l'artillerie. Les combats les plus "
            "violents en un mois s'y sont déroulés lundi matin, selon l'OSDH, en Syrie.")
    events = extract(res, text, published="2013-07-29")
    assert {e.location.name for e in events} == {"Khaldiyeh"}


def test_a_call_for_strikes_is_no_strike(res):
    text = "Le sénateur John McCain a de nouveau appelé lundi à des frappes aériennes sur Homs."
    assert extract(res, text, published="2012-03-06") == []


def test_reminders_of_past_shelling_are_no_event(res):
    text = ("Onze chars se sont retirés mardi du quartier de Baba Amro à Homs, théâtre d'intenses "
            "bombardements les jours précédents.")
    assert extract(res, text, published="2011-12-27") == []


def test_versions_of_one_blast_are_one_event(res):
    text = ("Une double explosion a frappé mardi l'université d'Alep, faisant 82 morts. "
            "L'agence Sana a fait état de deux roquettes tirées par des terroristes contre "
            "l'université d'Alep mardi.")
    events = extract(res, text, published="2013-01-15")
    assert len(events) == 1 and events[0].fatalities.best == 82


def test_toll_there_on_monday(res):
    text = ("L'armée a tué 54 civils dimanche, en grande majorité dans la ville de Deir Ezzor, selon "
            "des militants. Lundi, quatre civils y ont péri. Il y a deux ans, rien de tel.")
    events = extract(res, text, published="2011-08-08")
    assert [(e.location.name, e.event_date.isoformat(), e.fatalities.best) for e in events
            if e.fatalities.best == 4] == [("Deir ez-Zor", "2011-08-08", 4)]


def test_one_car_bomb_here_and_another_there(res):
    text = ("Mardi, une voiture piégée a fait des blessés à Douma, et une autre a fait des dégâts à "
            "Deraa, selon l'OSDH.")
    events = extract(res, text, published="2012-11-06")
    assert sorted(e.location.name for e in events) == ["Dar‘ā", "Dūmā"]


def test_day_before_clause_trailing_without_its_own_place(res):
    text = ("Mardi, des attaques à la bombe ont frappé Damas, au lendemain d'un attentat suicide à la "
            "voiture piégée qui avait tué au moins 50 soldats dans le centre du pays.")
    events = extract(res, text, published="2012-11-06")
    assert [(e.location.name, e.event_date.isoformat(), e.fatalities.best) for e in events] == [
        ("Damascus", "2012-11-06", None)]


def test_day_a_source_spoke_is_not_the_event_day(res):
    text = ("Plus de 150 soldats ont été tués dans des affrontements lundi à Khan al-Assal, a "
            "rapporté une ONG vendredi.")
    events = extract(res, text, published="2013-07-26")
    assert [e.event_date.isoformat() for e in events] == ["2013-07-22"]


def test_toll_told_next_is_the_massacre_just_told(res):
    text = ("L'OSDH a fait état d'un nouveau massacre mercredi à Al-Koubeir. Le CNS a parlé de "
            "\"80 personnes, dont 22 enfants et 20 femmes massacrés dans la localité d'Al-Koubeir\".")
    events = extract(res, text, published="2012-06-07")
    assert [(e.event_date.isoformat(), e.fatalities.best, e.fatalities.children) for e in events] == [
        ("2012-06-06", 80, 22)]


def test_figure_of_a_party_that_denies_the_event_does_not_set_best(res):
    text = ("Le CNS a parlé de 80 personnes tuées mercredi dans la localité de Kafranbel. Le "
            "gouvernement a démenti qu'un tel massacre ait eu lieu. \"Ces informations sont fausses\", "
            "a-t-il dit, en affirmant qu'un groupe terroriste a commis un crime à Kafranbel qui a fait "
            "9 victimes.")
    events = extract(res, text, published="2012-06-07")
    main = max(events, key=lambda e: e.fatalities.high or 0)
    assert (main.fatalities.best, main.fatalities.low, main.fatalities.high) == (80, 9, 80)
    nine = [c for e in events for c in e.claims if c.count == 9]
    assert nine and all(c.attributed_to == "gouvernement" or "gouvernement" in c.attributed_to for c in nine)
    assert all(c.attributed_to and c.attributed_to.startswith("CNS") for e in events
               for c in e.claims if c.count == 80)


def test_revolt_in_an_apposition_is_no_cumulative_toll(res):
    text = ("Lundi, des combats ont éclaté à Deraa, berceau de la révolte dans le sud, tuant un "
            "militant qui filmait les affrontements, selon l'OSDH.")
    events = extract(res, text, published="2012-03-05")
    assert [(e.location.name, e.fatalities.best) for e in events] == [("Dar‘ā", 1)]


def test_parts_of_a_toll_with_their_own_causes_are_two_events(res):
    text = ("Dans la province de Homs, 16 civils ont été tués vendredi dont 10 dans la chute d'obus "
            "et trois dans la dispersion d'une manifestation, selon l'OSDH.")
    events = extract(res, text, published="2012-03-09")
    got = sorted((e.sub_event_type, e.fatalities.best, e.location.geo_precision) for e in events)
    assert got == [("Excessive force against protesters", 3, 3),
                   ("Shelling/artillery/missile attack", 10, 3)]
    # a province-only event sits at the provincial capital, as ACLED codes it
    assert all(abs(e.location.lat - 34.72) < 0.05 and abs(e.location.lon - 36.73) < 0.05
               for e in events)


def test_toll_quoted_after_a_placeless_remark_is_at_the_place_named_before(res):
    text = ("Lundi, Deraa a été investie par 3 000 hommes appuyés par des blindés. « La ville est "
            "coupée du monde », a déclaré un militant. « Au moins 25 martyrs sont tombés, "
            "tués par les tirs et le pilonnage », a affirmé Abdallah Abazid, autre militant des "
            "droits de l'homme cité par l'AFP.")
    events = extract(res, text, published="2011-04-26")
    tolled = [e for e in events if e.fatalities.best == 25]
    assert [e.location.name for e in tolled] == ["Dar‘ā"]
    assert {c.attributed_to for c in tolled[0].claims} == {"militant (activist)"}   # not the AFP


def test_source_named_with_a_demonstrative_is_the_one_named_before(res):
    text = ("Le Conseil général de la révolution a affirmé mardi que l'armée avait commis un massacre "
            "à Kafranbel. Selon cette organisation rebelle, \"plus de 24 personnes ont été "
            "sommairement exécutées\".")
    events = extract(res, text, published="2013-01-15")
    claims = [c for e in events for c in e.claims if c.count == 24]
    assert claims and all(c.attributed_to == "Le Conseil général de la révolution" for c in claims)


def test_coordinated_figures_share_their_verb_and_victims_elsewhere_in_town_add_up(res):
    text = ("Dimanche, une femme et ses deux enfants qui tentaient de fuir le quartier de Houaiqa à "
            "Deir Ezzor ont été tués par une patrouille, selon l'OSDH. Une femme âgée a été tuée "
            "dans un autre secteur de la ville.")
    events = extract(res, text, published="2011-08-08")
    assert [(e.fatalities.best, e.fatalities.children) for e in events] == [(4, 2)]


def test_coordinated_groups_before_one_verb():
    from vigie.extract.numbers import find_numbers
    low = "trois soldats et cinq rebelles ont été tués"
    figs = cas.figures(low, find_numbers(low, "fr"), "fr")
    assert [(f.count, f.kind, f.group) for f in figs] == [(3, "killed", "soldiers"), (5, "killed", "rebels")]


def test_figures_beside_a_war_scale_count_are_statistics():
    from vigie.extract.numbers import find_numbers
    low = ("selon l'osdh, plus de 200.000 personnes ont été emprisonnées par les forces du régime et "
           "des centaines sont mortes sous la torture.")
    figs = cas.figures(low, find_numbers(low, "fr"), "fr")
    assert [(f.count, f.kind) for f in figs] == [(200000, "arrested"), (100, "killed")]
    assert all(f.cumulative for f in figs)


@pytest.mark.parametrize("low", [
    "6.000 morts (3.000 à tripoli, 2.000 à benghazi) depuis le début du soulèvement, selon la ligue.",
    "plus de 400 civils ont été tués à homs depuis vendredi, a déclaré l'osdh.",
    "les opérations ont fait près d'une soixantaine de morts depuis que damas a accepté le plan.",
    "les violences ayant fait en un mois plus de 100 morts.",
    "en six jours, 31 personnes, dont trois soldats, ont trouvé la mort dans ces affrontements.",
])
def test_tolls_over_several_days_are_cumulative(low):
    from vigie.extract.numbers import find_numbers
    figs = [f for f in cas.figures(low, find_numbers(low, "fr"), "fr") if f.kind == "killed"]
    assert figs and all(f.cumulative for f in figs)


def test_cue_of_the_figure_before_is_not_this_figures():
    from vigie.extract.numbers import find_numbers
    low = "ces violences, qui ont fait 5.000 morts en neuf mois, ont coûté la vie à cinq civils."
    figs = cas.figures(low, find_numbers(low, "fr"), "fr")
    assert [(f.count, f.cumulative) for f in figs] == [(5000, True), (5, False)]


def test_a_town_stormed_by_troops_is_an_assault_there_on_its_day(res):
    text = ("Les chars se retirent peu à peu de Hama, où la contestation avait commencé en mars. "
            "L'armée avait investi la ville le 12 février afin de briser la révolte.")
    events = [e.to_json() for e in extract(res, text, "2016-02-20")]
    stormed = [e for e in events if e["sub_event_type"] == "Attack"]
    assert [(e["event_date"], e["location"]["name"]) for e in stormed] == [("2016-02-12", "Ḩamāh")]
    # told in the passive, by whom it was stormed
    text = "Hama a été investie tôt dans la matinée du 12 février par 3 000 hommes appuyés par des blindés."
    stormed = [e for e in extract(res, text, "2016-02-20") if e.sub_event_type == "Attack"]
    assert [(e.event_date.isoformat(), e.location.name) for e in stormed] == [("2016-02-12", "Ḩamāh")]
    # money 'invested' in a town is no assault
    text = "Le groupe a investi dans la ville de Hama deux millions d'euros le 12 février."
    assert not [e for e in extract(res, text, "2016-02-20") if e.sub_event_type == "Attack"]


def test_recent_weeks_of_a_capture_are_kept_at_month_precision(res):
    text = ("Les rebelles avaient avancé au cours des récentes semaines dans le Nord, où ils ont pris "
            "notamment la ville de Khan al-Assal.")
    (e,) = [e.to_json() for e in extract(res, text, "2016-03-20")]
    assert (e["event_date"], e["date_precision"]) == ("2016-02-19", "month")
    assert e["sub_event_type"] == "Non-state actor overtakes territory"
    # a capture told only in an earlier month is background
    text = "Les rebelles avaient pris en janvier la ville de Khan al-Assal."
    assert not extract(res, text, "2016-03-20")


def test_the_militia_a_massacre_is_blamed_on_is_its_doer_not_its_target(res):
    # "impute ce massacre aux miliciens": the militiamen did it; the dead are civilians
    text = ("Hameau de Tremseh, 6 juin. Au moins 30 personnes sont tuées dans ce hameau, selon "
            "l'opposition, qui impute ce massacre aux \"chabbihas\" (miliciens pro-régime).")
    (e,) = extract(res, text, "2016-06-08")
    assert (e.sub_event_type, e.actor1.name) == ("Attack", "Shabiha Militia")
    (e,) = extract(res, "Mercredi, un massacre attribué aux miliciens pro-régime a fait 30 morts à Tremseh.",
                   "2016-06-09")
    assert e.sub_event_type == "Attack"
    # militiamen named as the victims of a killing remain its target
    (e,) = extract(res, "Mercredi, des rebelles ont tué trois miliciens pro-régime à Tremseh.", "2016-06-09")
    assert e.sub_event_type == "Armed clash"


def test_a_crowd_fired_on_told_twice_is_one_act_of_force(res):
    text = ("Plus de 40 manifestants ont été tués lundi à Alexandrie par des tirs. A l'aube, la foule "
            "priait devant la caserne quand des soldats ont ouvert le feu.")
    events = extract(res, text, "2016-06-07")
    assert [(e.sub_event_type, e.fatalities.best) for e in events] == \
        [("Excessive force against protesters", 40)]
    # gunmen are not the state whose force it is: their shooting is an act of its own
    text = ("Plus de 40 manifestants ont été tués lundi à Alexandrie par des tirs. Des hommes armés "
            "ont ouvert le feu lundi sur un café d'Alexandrie.")
    assert len(extract(res, text, "2016-06-07")) == 2
