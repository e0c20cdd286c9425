"""A person named in full then by last name is no town; 'Mt.', 'Ft.', 'St.' open a town's name
(sentences written for these tests)."""
import pytest

from vigie.geocode import Gazetteer
from vigie.person_places import person_vetoed, surnames


@pytest.fixture(scope="module")
def gz():
    return Gazetteer.default()


def test_a_surname_used_alone_after_the_full_name(gz):
    text = ("Lawyers for Marcus Stafford said the deputies feared for their lives. "
            "Stafford was in the passenger seat when the shots were fired.")
    assert {"stafford", "marcus"} <= surnames(text, gz)
    wrapped = person_vetoed(gz, text, "en")
    assert not [m for m in wrapped.find("Stafford was in the passenger seat.", "en") if m.text == "Stafford"]


def test_two_words_of_a_place_or_a_common_word_are_no_person(gz):
    text = ("The man was shot in Fort Worth on Friday. The Chicago Tribune reported it; "
            "Chicago police said the Tribune was wrong. Columbus Police said Police arrived at 9.")
    words = surnames(text, gz)
    assert "worth" not in words and "fort" not in words
    assert "chicago" not in words and "columbus" not in words and "the" not in words


def test_no_surname_without_the_name_alone(gz):
    assert surnames("Officers said Jamal Reed, a neighbour, called police.", gz) == frozenset()


@pytest.mark.parametrize("text, name, admin1", [
    ("A man was shot in Mt. Pleasant on Friday night.", "Mount Pleasant", None),
    ("The boy was shot in St. Louis on Friday.", "St. Louis", "Missouri"),
    ("Two men were wounded in Ft. Lauderdale.", "Fort Lauderdale", "Florida"),
])
def test_an_abbreviated_first_word_opens_the_name(gz, text, name, admin1):
    (m,) = gz.find(text, "en", ["USA"])
    assert m.candidates[0].name == name
    assert admin1 is None or m.candidates[0].admin1 == admin1


def test_an_abbreviation_alone_is_no_place(gz):
    assert not [m for m in gz.find("He lives on Elm St. Police said he was shot.", "en") if m.text.startswith("St")]


def test_a_country_first_name_keeps_the_surname_and_the_country(gz):
    words = surnames("One suspect, Jordan Clay, told detectives he fired first. Clay is held.", gz)
    assert "clay" in words and "jordan" not in words


def test_a_place_in_parentheses_is_no_surname(gz):
    text = ("Members of the Trade Union Harbin branch held a press conference in front of the "
            "city office (Harbin). They demanded higher wages.")
    assert "harbin" not in surnames(text, gz)


def test_a_dateline_in_capitals(gz):
    (m,) = gz.find("ST. JOSEPH -- Two bailiffs were killed.", "en", ["USA"])
    assert m.candidates[0].name == "Saint Joseph"


def test_a_building_named_after_a_saint_is_no_town(gz):
    wrapped = person_vetoed(gz, "", "en")
    assert not wrapped.find("The girl died at St. John Hospital days later.", "en")
    (m,) = wrapped.find("The wounded were taken to Aleppo Hospital.", "en")
    assert m.candidates[0].name == "Aleppo"


def test_a_school_named_after_a_town_is_no_town(gz):
    wrapped = person_vetoed(gz, "", "en")
    assert not wrapped.find("He was a student at Lafayette High School.", "en")


def test_a_title_before_the_surname_alone(gz):
    text = "Police met Ald. Ashanti Hamilton on Monday. Alderman Hamilton said the area was calm."
    assert "hamilton" in surnames(text, gz)


def test_a_word_the_text_writes_in_lower_case_is_no_town(gz):
    text = "Sale of gun nets plea. He admitted the sale of a handgun in Mobile, police said."
    wrapped = person_vetoed(gz, text, "en")
    names = [m.text for m in wrapped.find(text, "en", ["USA"])]
    assert "Sale" not in names and "Mobile" in names


def test_a_part_of_town_is_no_person(gz):
    text = "He was shot in North Austin on Friday. Austin police said two men fled."
    assert "austin" not in surnames(text, gz, "en")


def test_a_province_name_is_no_alternate_name_of_a_town_elsewhere(gz):
    top = gz.lookup("Florida")[0]
    assert top.name != "Floridablanca"
    # a city inside the province of its alternate name keeps its rank
    assert gz.lookup("Idleb")[0].kind == "town"
