"""Events told as background, and the days of past events (short French texts written here)."""
from datetime import date

import pytest

from vigie.models import Article
from vigie.pipeline import Resources, process


@pytest.fixture(scope="module")
def res():
    return Resources.default()


def extract(res, text, published="2016-08-27", lang="fr"):
    art = Article(id="b1", text=text, published=date.fromisoformat(published), lang=lang)
    return process(art, res)[1]


def test_old_event_named_by_its_calendar_day_is_kept_below_the_news(res):
    events = extract(res, "Au moins douze civils ont été tués vendredi à Alep par des bombardements.\n"
                          "Le 3 juin, au moins 40 personnes avaient été tuées à Homs.")
    assert [(e.event_date, e.location.name) for e in events][0] == (date(2016, 8, 26), "Aleppo")
    old = [e for e in events if e.event_date == date(2016, 6, 3)]
    assert old and old[0].confidence < events[0].confidence


def test_old_event_without_a_calendar_day_stays_background(res):
    events = extract(res, "Au moins douze civils ont été tués vendredi à Alep par des bombardements.\n"
                          "En juin, au moins 40 personnes avaient été tuées à Homs.")
    assert [e.event_date for e in events] == [date(2016, 8, 26)]


def test_chemical_gas_used_in_an_attack_is_a_chemical_weapon(res):
    events = extract(res, "Des gaz chimiques ont été utilisés lors d'une attaque près de Douma "
                          "dans la nuit de mardi à mercredi, selon des opposants.", published="2016-08-24")
    assert [e.sub_event_type for e in events] == ["Chemical weapon"]


def test_source_of_a_clause_opened_by_et_que():
    from vigie.extract import casualties as cas
    text = ("Même si le gouvernement a démenti toute attaque et que l'OSDH a évoqué un bilan de "
            "trente morts, la région reste tendue.")
    assert cas.attribution(text, "fr", None).startswith("OSDH")


def test_a_conceded_denial_states_no_figure():
    from vigie.extract import casualties as cas
    assert cas.attribution("Même si le régime a démenti avoir frappé, trente personnes sont mortes.",
                           "fr", None) is None
    assert cas.attribution("Although the army denied the raid, thirty people died.", "en", None) is None


def test_a_concession_of_another_day_is_background(res):
    events = extract(res, "À Alep, même si un attentat a fait 30 morts la semaine dernière, un homme "
                          "a ouvert le feu dans un marché vendredi, faisant un mort, selon l'OSDH.")
    assert [(e.event_date, e.fatalities.best) for e in events] == [(date(2016, 8, 26), 1)]


def test_pendant_que_breaks_no_word_that_contains_it():
    from vigie.extract.triggers import rules
    brk = rules("fr")["clause_break"]
    assert not brk.search("elle affirme cependant que les tirs ont tué dix personnes")
    assert brk.search("des civils ont fui pendant que les tirs continuaient")


def test_a_pronoun_takes_up_the_source_that_opened_the_sentence_before():
    from vigie.extract import casualties as cas
    assert cas.opening_source("L'OSDH, une ONG basée à Londres, n'a pas confirmé ces faits.",
                              "fr").startswith("OSDH")
    assert cas.opening_source("Des tirs ont été entendus à Alep, selon des témoins.", "fr") is None


def test_a_known_acronym_with_two_letters_swapped_is_that_source():
    from vigie.extract import casualties as cas
    assert cas.attribution("Dix civils ont été tués, selon l'ODSH.", "fr", None).startswith("OSDH")
    assert cas.attribution("Dix civils ont été tués, selon la NASA.", "fr", None) == "la NASA"


def test_a_demonstrative_names_the_last_event_of_its_kind_however_far(res):
    text = ("Des bombardements ont frappé Douma vendredi, selon des militants.\n"
            "Le gouvernement a réagi. Les diplomates se sont réunis. L'ONU a appelé au calme. "
            "Les pays voisins ont fermé leurs frontières. La Ligue arabe a publié un texte.\n"
            "L'OSDH affirme que ces bombardements ont tué vingt personnes.")
    events = extract(res, text)
    douma = [e for e in events if e.location.name.startswith("D")]
    assert douma and douma[0].fatalities.best == 20


def test_talks_held_in_a_named_city_are_news_without_a_day(res):
    events = extract(res, "Des combats ont eu lieu vendredi à Alep, selon l'OSDH.\n"
                          "Lors d'une visite à Téhéran, l'émissaire a appelé les autorités iraniennes "
                          "à soutenir un cessez-le-feu.")
    assert any(e.event_type == "Strategic developments" and e.location.name == "Tehran" for e in events)


def test_a_sentence_opening_on_its_city_places_talks_there_not_at_a_seat(res):
    events = extract(res, "À Moscou, l'émissaire a affirmé vendredi que le Conseil de sécurité devait "
                          "agir, à l'occasion d'entretiens avec le président russe.")
    talks = [e for e in events if e.event_type == "Strategic developments"]
    assert talks and talks[0].location.name == "Moscow"


def test_a_border_post_with_a_neighbour_is_the_crossing_told_next(res):
    events = extract(res, "Des combats ont eu lieu vendredi à Alep et à Idleb.\n"
                          "Les rebelles ont pris le contrôle vendredi d'un poste-frontière avec la Turquie. "
                          "Des camions brûlent encore devant le poste de Bab al-Hawa.")
    assert "Bab al-Hawa" in [e.location.name for e in events if e.event_type == "Battles"]


def test_a_border_post_with_no_crossing_told_is_not_in_the_neighbour(res):
    events = extract(res, "Des combats ont eu lieu vendredi à Alep et à Idleb.\n"
                          "Les rebelles ont pris le contrôle vendredi d'un poste-frontière avec la Turquie. "
                          "Des camions brûlent encore.")
    assert not [e for e in events if e.location.country == "Turkey"]


def test_a_date_bound_by_survenus_dates_the_event_not_the_statement(res):
    events = extract(res, "L'ONU a condamné dimanche les bombardements de quartiers résidentiels à Homs, "
                          "survenus dans la nuit de jeudi à vendredi.", published="2016-08-29")
    shelling = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert shelling and shelling[0].event_date == date(2016, 8, 25)


def test_an_earlier_act_told_after_the_news_has_its_own_day_and_leaves_the_paragraphs(res):
    # a Monday dispatch: "samedi" is the 27th; "en début de semaine" the 22nd or 23rd
    text = ("Les combats ont repris lundi à Khaldiyé, un quartier de Homs, selon l'OSDH. "
            "Les rebelles avaient été chassés lundi de Khaldiyé, à Homs, par l'armée. "
            "L'armée était parvenue samedi à s'emparer de la vieille mosquée du quartier, après avoir "
            "détruit en début de semaine le mausolée d'un saint. Des obus sont tombés sur Homs.")
    events = extract(res, text, "2013-07-29")
    ruin = [e for e in events if e.sub_event_type == "Looting/property destruction"]
    assert [(e.event_date, e.location.name) for e in ruin] == [(date(2013, 7, 22), "Khaldiyeh")]
    # the capture keeps its Saturday
    assert date(2013, 7, 27) in {e.event_date for e in events if e.event_type == "Battles"}
