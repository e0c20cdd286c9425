"""Place qualifiers: 'X (Province)', 'X (District, Province)', 'X, Province' choose X's homonym and
are not the event's place themselves."""
import pytest

from vigie.geocode import Gazetteer
from vigie.geocode_qualify import qualified


@pytest.fixture(scope="module")
def gz():
    return Gazetteer.default()


def run(gz, text):
    return [(m.text, m.candidates[0].country, m.candidates[0].admin1)
            for m in qualified(gz, gz.find(text, "en"), text)]


def run_lang(gz, text):
    return [(m.text, m.candidates[0].country, m.candidates[0].admin1)
            for m in qualified(gz, gz.find(text, "en"), text, "en")]


def test_parenthesis_picks_the_homonym_and_drops_the_qualifier(gz):
    got = run(gz, "Protesters gathered in Saint Petersburg (Florida) on Monday.")
    assert got == [("Saint Petersburg", "United States", "Florida")]


def test_comma_province_narrows(gz):
    got = run(gz, "Shelling hit Tripoli, Lebanon overnight.")
    assert [g[:2] for g in got] == [("Tripoli", "Lebanon")]


def test_a_name_find_passes_over_is_looked_up_within_the_qualifier(gz):
    got = run(gz, "Residents rallied in Aleria (Corsica) on Monday.")
    assert got[0][0] == "Aleria" and got[0][1] == "France" and len(got) == 1


def test_list_after_comma_is_kept(gz):
    got = run(gz, "Strikes hit Homs, Hama and Aleppo.")
    assert [g[0] for g in got] == ["Homs", "Hama", "Aleppo"]


def test_place_named_after_a_place_word_gets_coordinates(gz):
    from vigie.models import Place
    p = gz.place_named(Place("Aleria", None, None, "France", "FRA", kind="town"))
    assert p.lat is not None and p.admin1 == "Corse"
    q = gz.place_named(Place("Qaryat Mawhuma", None, None, "Syria", "SYR", kind="town"))
    assert q.lat is None and q.name == "Qaryat Mawhuma"


def test_a_town_of_another_province_than_the_parenthesis_is_a_namesake(gz):
    got = run(gz, "In Campinas (Sao Paulo), police clashed with gunmen near Floresta hill.")
    assert [g[0] for g in got] == ["Campinas"]


def test_loose_key_merges_doubled_digraphs_and_drops_designations():
    from vigie.geocode_context import loose_key
    des = frozenset({"region", "oblast"})
    assert loose_key("zaporizhia region", des) == loose_key("zaporizhzhia oblast", des) == "zaporizhia"
    assert loose_key("lower shabelle", des) == loose_key("lower shabeelle", des)
    assert loose_key("region", des) == ""


def test_province_spelled_loosely_after_a_comma_qualifies_the_town(gz):
    # GeoNames spells the province 'Zaporizhzhia'; news often write one 'zh'
    got = run(gz, "Artillery hit Kamianske, Zaporizhia on Tuesday.")
    assert got == [("Kamianske", "Ukraine", "Zaporizka oblast")]


def test_loose_province_needs_the_qualifier_position(gz):
    assert not [m for m in gz.find("Zaporizhia was calm.", "en") if m.text == "Zaporizhia"]


def test_an_office_seat_is_no_event_place(gz):
    found = gz.find("Hundreds, including the Mayor of Munster, demonstrated in Colmar.", "en")
    assert [(m.text, m.relation) for m in found] == [("Munster", "from"), ("Colmar", "in")]
    found = gz.find("Le maire de Munster a manifesté à Colmar.", "fr")
    assert [(m.text, m.relation) for m in found] == [("Munster", "from"), ("Colmar", "in")]


def test_a_group_named_after_a_place_is_no_event_place(gz):
    found = gz.find("Troops shelled the positions of the Kherson People's Militia near Chaplynka.", "en")
    assert ("Kherson", "from") in [(m.text, m.relation) for m in found]


def test_a_parenthesis_ends_with_its_widest_unit(gz):
    # the last item is read as a province (Somalia's Bay region, not the Philippine town of 33,000)
    got = run(gz, "Militants attacked soldiers near a village (Baydhaba, Bay) on Monday.")
    assert got == [("Bay", "Somalia", "Bay")]
    # an earlier item with no homonym inside it is a unit the gazetteer lacks, not a town abroad
    text = "Soldiers burned houses in a village (Muse district, Shan state) on Monday."
    assert [m.text for m in qualified(gz, gz.find(text, "en"), text)] == ["Shan state"]
    # a parenthesis of cities or of countries is a list, kept whole
    got = run(gz, "Rallies were held in several capitals (Paris, London, Berlin) on Sunday.")
    assert [g[:2] for g in got] == [("Paris", "France"), ("London", "United Kingdom"), ("Berlin", "Germany")]
    got = run(gz, "Refugees arrived from two countries (Syria, Iraq) on Sunday.")
    assert [g[:2] for g in got] == [("Syria", "Syria"), ("Iraq", "Iraq")]


def test_a_name_in_mixed_case_is_read_whole(gz):
    # 'KwaZulu-Natal' is South Africa's province, not Brazil's Natal
    got = run(gz, "Students barricaded the street in Umlazi (Durban, KwaZulu-Natal) on Monday.")
    assert got[-1][:2] == ("KwaZulu-Natal", "South Africa")
    # a mixed-case word alone is a person's name more often than a town ('McDonald', 'DeAndre'):
    # it is a place with a qualifier
    assert run(gz, "Officers said McDonald was shot on Monday.") == []
    assert run(gz, "Protesters gathered in McAllen, Texas on Monday.")[0][:2] == ("McAllen", "United States")
    # a word whose second letter is a capital stays no place ('XXe')
    assert run(gz, "Le XXe siècle.") == []


def test_the_first_words_of_a_qualified_name_are_no_town_abroad(gz):
    # 'San Juan Raboso, Puebla' is a Mexican village, not Puerto Rico's San Juan nor its province
    got = run(gz, "Then in San Juan Raboso, Puebla, residents caught a thief.")
    assert got[0][:2] == ("San Juan Raboso", "Mexico") and "San Juan" not in [g[0] for g in got]
    got = run_lang(gz, "In San Juan Raboso, Puebla, residents caught a thief.")
    assert got[0][:2] == ("San Juan Raboso", "Mexico")
    # a homonym inside the qualifier stays, narrowed to it
    got = run(gz, "In San Francisco Gotera, Morazan, a man was shot.")
    assert got[0][:2] == ("San Francisco", "El Salvador")
    # a name the qualifier follows directly is untouched
    assert run(gz, "Police said a man was shot in Springfield, Illinois.")[0][:3] == \
        ("Springfield", "United States", "Illinois")


def test_a_name_before_state_or_oblast_is_the_province(gz):
    ms = gz.find("Protesters demanded gasoline in Merida state on Monday.", "en")
    assert ms[0].relation == "admin1" and ms[0].candidates[0].kind == "admin1"
    assert ms[0].candidates[0].country == "Venezuela"
    ms = gz.find("Riots broke out in Borno state overnight.", "en")
    assert ms[0].candidates[0].kind == "admin1" and ms[0].candidates[0].country == "Nigeria"


def test_the_last_word_of_a_longer_qualified_name_is_no_town_abroad(gz):
    # 'Nova Buda, Zhytomyr' is not Hungary's Buda; the hyphenated whole is looked up in Sumy
    assert [g[0] for g in run_lang(gz, "Troops shelled positions near Nova Buda, Zhytomyr.")] == ["Zhytomyr"]
    got = run_lang(gz, "Troops fired mortars at Seredyna-Buda, Sumy.")
    assert got[0][:2] == ("Seredyna-Buda", "Ukraine")
    # a name of the qualifier's own country stays, as a list's next item may be
    assert [g[0] for g in run_lang(gz, "Shelling hit Eastern Ghouta, Damascus.")][0] == "Eastern Ghouta"


def test_the_end_of_a_compound_word_is_no_town(gz):
    # 'vehicle-Borne' is no Dutch town; 'al-Fashir' keeps its particle's reading
    assert [m.text for m in gz.find("A vehicle-Borne IED detonated in Kismayo.", "en")] == ["Kismayo"]
    assert [m.candidates[0].name for m in gz.find("Fighting in al-Fashir.", "en")] == ["El Fasher"]
    # an institution is no place: 'the Coast Guard' is not Tanzania's Coast region
    assert [m.text for m in gz.find("Migrants were detained by the Coast Guard Command.", "en")] == []
