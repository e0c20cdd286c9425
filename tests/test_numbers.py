"""find_numbers: figures in digits and words, qualifiers, exclusions (sentences written here)."""
import pytest

from vigie.extract.numbers import find_numbers


def figures(text, lang="fr"):
    return [(m.text, m.value, m.qualifier) for m in find_numbers(text, lang)]


@pytest.mark.parametrize("text, expected", [
    ("32 morts", ("32", 32)),
    ("1.600 tués", ("1.600", 1600)),
    ("1 600 tués", ("1 600", 1600)),
    ("1\u202f600 tués", ("1\u202f600", 1600)),
    ("300.000 réfugiés", ("300.000", 300000)),
    ("350 000 habitants", ("350 000", 350000)),
    ("dix-sept civils", ("dix-sept", 17)),
    ("Trente-deux soldats", ("Trente-deux", 32)),
    ("vingt et un blessés", ("vingt et un", 21)),
    ("quatre-vingt-sept victimes", ("quatre-vingt-sept", 87)),
    ("deux cents manifestants", ("deux cents", 200)),
    ("Seize personnes", ("Seize", 16)),
    ("1,5 million de déplacés", ("1,5 million", 1500000)),
    ("deux millions de dollars", ("deux millions", 2000000)),
])
def test_exact_figures(text, expected):
    assert figures(text)[0] == (*expected, "exact")


@pytest.mark.parametrize("text, value", [
    ("une vingtaine de morts", 20), ("une dizaine de blessés", 10), ("une quinzaine de chars", 15),
    ("une trentaine de victimes", 30), ("une centaine de soldats", 100), ("des dizaines de morts", 12),
    ("des centaines de manifestants", 100), ("des milliers de personnes", 1000),
    ("plusieurs dizaines de tués", 12), ("deux centaines de civils", 200), ("un millier", 1000),
    ("des dizaines de milliers de Syriens", 12000),
])
def test_approximate_words(text, value):
    (got,) = find_numbers(text, "fr")
    assert (got.value, got.qualifier) == (value, "about")
    assert text.startswith(got.text)


@pytest.mark.parametrize("text, qualifier, value", [
    ("au moins 12 civils", "at_least", 12), ("Au moins dix-sept morts", "at_least", 17),
    ("plus de 20 morts", "more_than", 20), ("plus d'une centaine de morts", "more_than", 100),
    ("près de 50 civils", "about", 50), ("environ 300 soldats", "about", 300),
    ("quelque 40 blessés", "about", 40), ("jusqu'à 40 morts", "up_to", 40),
    ("jusqu’à 40 morts", "up_to", 40), ("moins de 10 victimes", "fewer_than", 10),
    ("32 au moins", "at_least", 32),
])
def test_qualifiers_cover_their_words(text, qualifier, value):
    (got,) = find_numbers(text, "fr")
    assert (got.qualifier, got.value, got.start) == (qualifier, value, 0)


def test_un_une_are_returned_as_one():
    text = "Un civil a été tué et une femme blessée."
    assert [(m.text, m.value) for m in find_numbers(text, "fr")] == [("Un", 1), ("une", 1)]


def test_groups_in_order_non_overlapping():
    text = "six civils dont une femme et quatre enfants"
    got = find_numbers(text, "fr")
    assert [m.value for m in got] == [6, 1, 4]
    assert all(a.end <= b.start for a, b in zip(got, got[1:]))
    assert all(text[m.start:m.end] == m.text for m in got)


@pytest.mark.parametrize("text", [
    "en 2011", "depuis 2012", "le 15 mars 2011", "le 18 février", "à 14h", "à 14h30", "vers 14 h 30",
    "le 1er mars", "le 2e jour", "la 3ème fois", "2,5 km", "45% des votants", "12 pour cent",
    "le 08/07/2013", "cinq pour cent",
])
def test_exclusions(text):
    assert find_numbers(text, "fr") == []


@pytest.mark.parametrize("text, expected", [
    ("At least 32 people", ("At least 32", 32, "at_least")),
    ("a dozen soldiers", ("a dozen", 12, "about")),
    ("dozens of civilians", ("dozens", 12, "about")),
    ("tens of people", ("tens", 10, "about")),
    ("tens of thousands", ("tens of thousands", 10000, "about")),
    ("scores of bodies", ("scores", 20, "about")),
    ("hundreds of protesters", ("hundreds", 100, "about")),
    ("1,600 dead", ("1,600", 1600, "exact")),
    ("twenty-one people", ("twenty-one", 21, "exact")),
    ("more than 300", ("more than 300", 300, "more_than")),
    ("over 100 rebels", ("over 100", 100, "more_than")),
    ("nearly 50", ("nearly 50", 50, "about")),
    ("some 200", ("some 200", 200, "about")),
    ("around 40", ("around 40", 40, "about")),
    ("up to 40", ("up to 40", 40, "up_to")),
    ("fewer than 10", ("fewer than 10", 10, "fewer_than")),
    ("one hundred and five", ("one hundred and five", 105, "exact")),
])
def test_english(text, expected):
    assert figures(text, "en")[0] == expected


@pytest.mark.parametrize("text", ["in 2011", "on June 19", "at 10 am", "50 percent", "2.5 km", "the 3rd"])
def test_english_exclusions(text):
    assert find_numbers(text, "en") == []


def test_digits_ending_a_proper_name_are_no_figure():
    assert find_numbers("Envoyé spécial de France 2, il a été tué.", "fr") == []
    assert [n.value for n in find_numbers("Mercredi 25 personnes ont été tuées.", "fr")] == [25]
