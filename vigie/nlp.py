"""An optional statistical model: names of people and organisations, so that a word that is also
a place ("Jordan Peterson", "the Aleppo Media Center") is not geocoded where the name is meant.

vigie runs without one (rules, gazetteer, actor names): no official English model installs from
the package registries, and third-party re-uploads are not acceptable. When the user has installed
an official spaCy model named in `lang/<code>/models.yaml` (`python -m spacy download
en_core_web_md` on a machine with internet), vigie loads it, uses its entities as vetoes on place
mentions, and says so in `vigie --version` and the run summary.

French lists no model: fr_core_news_md was measured on the French gold and lowered precision
(0.729 -> 0.724, recall unchanged at 0.826): it tags districts such as "Baba Amr" as people.
"""
from __future__ import annotations

import importlib.util
from importlib import metadata
from typing import Callable, Iterable

from . import lang as langdata


def candidates(lang: str) -> list[str]:
    """The official spaCy model packages a language may use, best first."""
    return list(langdata.load(lang, "models").get("spacy_models") or [])


def installed(lang: str, find_spec: Callable = importlib.util.find_spec) -> str | None:
    """The first model of `candidates(lang)` that is importable here (spaCy included), else None."""
    if not candidates(lang) or find_spec("spacy") is None:
        return None
    for name in candidates(lang):
        if find_spec(name) is not None:
            return name
    return None


def describe(langs: Iterable[str] = langdata.SUPPORTED) -> str:
    """'en_core_web_md 3.8.0 (en)' for each model in use, or 'none in use'."""
    found = []
    for code in langs:
        name = installed(code)
        if name:
            try:
                found.append(f"{name} {metadata.version(name)} ({code})")
            except metadata.PackageNotFoundError:
                found.append(f"{name} ({code})")
    return ", ".join(found) or "none in use"


def _spacy_load(name: str):
    """spacy.load of an installed package, with only the components NER needs."""
    import spacy
    return spacy.load(name, exclude=["parser", "lemmatizer", "attribute_ruler"])


class Names:
    """Spans of people's and organisations' names in a text, from a model loaded on first use.

    `loader(name)` returns a callable text -> doc with `.ents` (start_char, end_char, label_);
    tests pass a fake, the default loads spaCy."""

    def __init__(self, lang: str, model: str, loader: Callable = _spacy_load):
        self.lang, self.model, self._loader, self._nlp = lang, model, loader, None
        self.labels = set(langdata.load(lang, "models").get("name_labels") or [])

    @classmethod
    def for_lang(cls, lang: str) -> "Names | None":
        """The model of a language when one is installed, else None (the default)."""
        name = installed(lang)
        return cls(lang, name) if name else None

    def find(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every name the model tags with one of the language's `name_labels`."""
        if self._nlp is None:
            self._nlp = self._loader(self.model)
        return [(e.start_char, e.end_char) for e in self._nlp(text).ents if e.label_ in self.labels]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside a longer name: "Aleppo" in "Aleppo Media Center" is not a
    place, while a name tagged exactly on the place ("Jordan" alone) does not veto it."""
    return any(a <= start and end <= b and (b - a) > (end - start) for a, b in spans)


class NameVetoed:
    """A gazetteer whose `find` drops the place mentions that lie inside a longer name; every other
    call goes to the gazetteer itself. Extraction takes it as it takes the gazetteer, unchanged."""

    def __init__(self, gazetteer, names: dict[str, "Names"]):
        self._gz, self._names = gazetteer, names
        self._last: tuple[str, list] | None = None

    def __getattr__(self, attr):
        return getattr(self._gz, attr)

    def find(self, text: str, lang: str | None = None, *args, **kwargs):
        mentions = self._gz.find(text, lang, *args, **kwargs)
        names = self._names.get(lang)
        if not mentions or names is None:
            return mentions
        # an article asks for the same sentence more than once (clauses, antecedents): one pass
        if self._last is None or self._last[0] != text:
            self._last = (text, names.find(text))
        return [m for m in mentions if not inside(self._last[1], m.start, m.end)]
