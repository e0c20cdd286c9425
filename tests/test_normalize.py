"""normalize: cleaning, boilerplate, repeated paragraphs, dateline, language, sentences."""
import hashlib
from datetime import date

import pytest

from vigie.models import Article
from vigie.normalize import normalize

BODY = ("Des frappes aériennes ont tué douze civils dans un village du nord du pays, selon une ONG "
        "qui dispose d'un réseau de militants sur le terrain depuis le début du conflit.")
BODY2 = ("Les rebelles ont affirmé avoir repris deux quartiers de la ville après des combats qui ont "
         "duré toute la nuit, une information démentie par la télévision officielle du régime.")


def norm(text, **kw):
    return normalize(Article(id="t", text=text, **kw))


def test_mojibake_and_spaces_fixed():
    doc = norm("L'armÃ©e a bombardÃ© la ville\u00a0: 1\u00a0600 morts et 2\u202f300 blessés.\x07", lang="fr")
    assert doc.text == "L'armée a bombardé la ville : 1 600 morts et 2 300 blessés."


def test_newlines_apostrophes_and_blank_lines():
    doc = norm("Première ligne l’armée.\r\n\r\n  Deuxième   ligne.\rTroisième.", lang="fr")
    assert doc.text == "Première ligne l'armée.\nDeuxième ligne.\nTroisième."


def test_boilerplate_lines_dropped_content_kept():
    text = "\n".join([
        "Les sites éditoriaux", "Nos journaux et magazines", "Par Jean Dupont", "Publié le 3 mars",
        BODY, "Partager", "Par ailleurs, les rebelles ont été repoussés vers le sud de la ville.",
        "(Rédigé par Jean Dupont ; édité par Marie Durand)", "Avec Reuters", "(avec AFP)",
        "Abonnez-vous", BODY2])
    doc = norm(text, lang="fr")
    assert doc.text.split("\n") == [
        BODY, "Par ailleurs, les rebelles ont été repoussés vers le sud de la ville.", BODY2]


def test_teasers_after_the_body_dropped_headline_kept():
    text = "\n".join(["Bombardements meurtriers dans le nord du pays", BODY,
                      "Arabie saoudite : plusieurs blessés dans un attentat à Djeddah", BODY2])
    doc = norm(text, lang="fr")
    assert doc.text.split("\n") == ["Bombardements meurtriers dans le nord du pays", BODY, BODY2]


def test_menu_before_the_headline_dropped():
    menu = ["Budget européen : un deal à 1 800 milliards d'euros", "Colombie : le mystère du galion",
            "Violences à Compiègne : un lycéen blessé porte plainte Abonnés",
            "Gagner la présidentielle ? Embauchez une actrice !", "Le chiffre du jour",
            "Bombardements meurtriers dans le nord du pays"]
    doc = norm("\n".join(menu + [BODY, BODY2]), lang="fr")
    assert doc.text.split("\n") == menu[-3:] + [BODY, BODY2]


def test_comments_after_end_marker_dropped():
    comment = ("Ce régime ne tiendra plus longtemps, les puissances étrangères le savent bien et "
               "elles attendent simplement que tout le monde soit lassé de cette guerre.")
    doc = norm("\n".join([BODY, BODY2, "Réagir", comment]), lang="fr")
    assert comment not in doc.text and BODY2 in doc.text


def test_end_marker_near_the_top_cuts_nothing():
    doc = norm("\n".join(["Réagir", BODY, BODY2]), lang="fr")
    assert doc.text == BODY + "\n" + BODY2


def test_repeated_paragraphs_kept_once():
    near = BODY.replace("douze", "treize")
    doc = norm("\n".join([BODY, BODY2, BODY, "  " + BODY2.upper() + " ", near]), lang="fr")
    assert doc.text == BODY + "\n" + BODY2


def test_short_repeated_lines_and_distinct_paragraphs_kept():
    other = BODY.replace("nord du pays", "sud de la province voisine, près de la frontière")
    doc = norm("\n".join([BODY, other]), lang="fr")
    assert doc.text == BODY + "\n" + other


@pytest.mark.parametrize("head, place, day, outlet", [
    ("BEYROUTH, 6 avril (Reuters) - ", "BEYROUTH", date(2012, 4, 6), "Reuters"),
    ("ALEP (Syrie), 3 mars (AFP) - ", "ALEP", date(2012, 3, 3), "AFP"),
    ("DAMAS, 12 mars 2011 (AFP) - ", "DAMAS", date(2011, 3, 12), "AFP"),
    ("Damas, 12 mars 2012 (AFP) -", "Damas", date(2012, 3, 12), "AFP"),
    ("(Reuters) - ", None, None, "Reuters"),
    ("MOSCOU - ", "MOSCOU", None, None),
    ("TRIPOLI, Libye (Reuters) - ", "TRIPOLI", None, "Reuters"),
])
def test_dateline(head, place, day, outlet):
    doc = norm(head + BODY, lang="fr", published=date(2012, 4, 6))
    dl = doc.dateline
    assert (dl.place, dl.day, dl.outlet) == (place, day, outlet)
    assert doc.text[dl.end:].startswith("Des frappes")
    assert doc.ref_date == (day or date(2012, 4, 6))


def test_dateline_day_year_from_published_allows_one_day_late():
    doc = norm("BEYROUTH, 6 avril (Reuters) - " + BODY, lang="fr", published=date(2012, 4, 5))
    assert doc.dateline.day == date(2012, 4, 6)
    doc = norm("BEYROUTH, 6 avril (Reuters) - " + BODY, lang="fr", published=date(2012, 4, 3))
    assert doc.dateline.day == date(2011, 4, 6)


def test_dateline_without_published_date():
    assert norm("BEYROUTH, 6 avril (Reuters) - " + BODY, lang="fr").dateline.day is None
    assert norm("BEYROUTH, 6 avril (Reuters) - " + BODY, lang="fr").ref_date is None
    assert norm("BEYROUTH, 6 avril 2012 (Reuters) - " + BODY, lang="fr").ref_date == date(2012, 4, 6)


def test_dateline_in_a_later_paragraph_and_on_its_own_line():
    doc = norm("Titre de l'article sans point\nà Le Caire (AFP)\n" + BODY, lang="fr")
    assert (doc.dateline.place, doc.dateline.outlet) == ("Le Caire", "AFP")
    assert doc.text[doc.dateline.end:].lstrip().startswith("Des frappes")


def test_rubric_is_not_a_dateline():
    assert norm("VIDÉO - " + BODY, lang="fr").dateline is None
    assert norm(BODY, lang="fr", published=date(2012, 1, 2)).ref_date == date(2012, 1, 2)


def test_english_dateline_and_language_detection():
    text = ("BEIRUT, April 6 (Reuters) - Syrian government forces shelled the city on Tuesday, "
            "killing at least a dozen people, activists said.")
    doc = norm(text, published=date(2012, 4, 6))
    assert doc.lang == "en"
    assert (doc.dateline.place, doc.dateline.day, doc.dateline.outlet) == ("BEIRUT", date(2012, 4, 6), "Reuters")


def test_language_order():
    assert norm(BODY).lang == "fr"
    assert normalize(Article(id="t", text=BODY), lang="en").lang == "en"
    assert normalize(Article(id="t", text=BODY, lang="fr"), lang="en").lang == "fr"


def test_sentences_and_offsets():
    text = ("M. Dupont a parlé à Mme Durand. Le général A. Martin a confirmé le bilan de 1.600 morts ! "
            "« C'est un massacre. » Il a ajouté : « Nous partons… » 32 civils ont fui (...) vers le nord. "
            "Quelle horreur ? Oui.\nDeuxième paragraphe, en 300 av. J.-C. Rome existait.")
    doc = norm(text, lang="fr")
    got = [s.text for s in doc.sentences]
    assert got == [
        "M. Dupont a parlé à Mme Durand.",
        "Le général A. Martin a confirmé le bilan de 1.600 morts !",
        "« C'est un massacre. »",
        "Il a ajouté : « Nous partons… »",
        "32 civils ont fui (...) vers le nord.",
        "Quelle horreur ?",
        "Oui.",
        "Deuxième paragraphe, en 300 av. J.-C. Rome existait.",
    ]
    assert [s.paragraph for s in doc.sentences] == [0] * 7 + [1]
    assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)


def test_long_unpunctuated_text_is_cut():
    doc = norm(" ".join(["mot"] * 3000), lang="fr")
    assert len(doc.sentences) > 1 and all(len(s.text) <= 2000 for s in doc.sentences)
    assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)


def test_text_hash_and_title_kept_out():
    doc = norm(BODY, lang="fr", title="Un titre")
    assert doc.text == BODY
    assert doc.text_hash == hashlib.sha1(BODY.encode("utf-8")).hexdigest()
    assert norm(BODY + "\n\n" + BODY, lang="fr").text_hash == doc.text_hash


def test_empty_article():
    doc = norm("")
    assert (doc.text, doc.sentences, doc.dateline, doc.lang) == ("", (), None, "fr")


def test_glued_sentences_split():
    doc = norm("L'armée a pris d'assaut la ville, tuant un civil.Enfin, un adolescent a été tué.", lang="fr")
    assert [s.text for s in doc.sentences] == ["L'armée a pris d'assaut la ville, tuant un civil.",
                                                "Enfin, un adolescent a été tué."]


def test_post_ending_on_hashtags_is_prose_not_a_teaser():
    post = "@temoin: Une journée noire à Idleb. Trente morts aujourd'hui. #Syrie #Idleb"
    doc = norm("\n".join([BODY, post, "#Syrie #Idleb", BODY2]), lang="fr")
    assert doc.text.split("\n") == [BODY, post, BODY2]
