"""The optional spaCy model: both paths tested here without a model installed (a fake stands in
for spaCy's pipeline), the default path (no model) being the one CI runs."""
from dataclasses import dataclass
from datetime import date

import pytest

from vigie import nlp
from vigie.cli import version_text
from vigie.models import Article
from vigie.pipeline import Resources, process


@dataclass
class Ent:
    start_char: int
    end_char: int
    label_: str


class FakeModel:
    """Tags every given phrase with a label, as a spaCy pipeline's `.ents` would."""

    def __init__(self, phrases: dict[str, str]):
        self.phrases, self.calls = phrases, 0

    def __call__(self, text):
        self.calls += 1
        ents = []
        for phrase, label in self.phrases.items():
            i = text.find(phrase)
            if i >= 0:
                ents.append(Ent(i, i + len(phrase), label))
        return type("Doc", (), {"ents": ents})()


def test_inside_vetoes_only_within_a_longer_name():
    assert nlp.inside([(0, 20)], 4, 10)
    assert not nlp.inside([(4, 10)], 4, 10)          # the name is the place itself: kept
    assert not nlp.inside([(0, 20)], 18, 25)         # overlapping, not inside


def test_installed_follows_the_yaml_order():
    have = {"spacy", "en_core_web_md", "en_core_web_sm"}
    spec = lambda name: object() if name in have else None      # noqa: E731
    assert nlp.installed("en", find_spec=spec) == "en_core_web_md"
    assert nlp.installed("en", find_spec=lambda name: None) is None
    # French lists no model (measured worse on the French gold): nothing is loaded
    assert nlp.candidates("fr") == [] and nlp.installed("fr", find_spec=spec) is None


def test_names_keep_only_the_language_labels():
    model = FakeModel({"Aleppo Media Center": "ORG", "Tuesday": "DATE"})
    names = nlp.Names("en", "en_core_web_md", loader=lambda name: model)
    text = "The Aleppo Media Center said on Tuesday."
    assert names.find(text) == [(4, 23)]


def text_events(res, text):
    art = Article(id="n1", text=text, lang="en", published=date(2019, 5, 10))
    return process(art, res)[1]


@pytest.fixture(scope="module")
def plain():
    return Resources.default()


def test_a_model_vetoes_a_place_inside_a_name(plain):
    text = ("Two civilians were killed on Thursday in an airstrike on Maarat al-Numan, "
            "the Idlib Media Office said.")
    model = FakeModel({"Idlib Media Office": "ORG"})
    names = {"en": nlp.Names("en", "en_core_web_md", loader=lambda name: model)}
    gz = plain.gazetteer
    with_model = Resources(gazetteer=nlp.NameVetoed(gz, names), names=names)
    mentions = with_model.gazetteer.find(text, "en")
    assert "Idlib" not in [m.text for m in mentions]
    assert "Idlib" in [m.text for m in gz.find(text, "en")]
    # the veto wraps the gazetteer: every other call reaches it unchanged
    assert with_model.gazetteer.lookup("Aleppo") == gz.lookup("Aleppo")
    events = text_events(with_model, text)
    assert events and events[0].location.lat and abs(events[0].location.lat - 35.65) < 0.05
    assert with_model.models_line() == ", with en_core_web_md (en)"
    assert plain.models_line() == ""


def test_version_says_which_models_are_in_use():
    # CI installs no spaCy model: the default path says so
    assert "spaCy models: " in version_text()
    assert nlp.describe(["fr"]) == "none in use"
