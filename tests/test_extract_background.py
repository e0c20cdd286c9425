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
