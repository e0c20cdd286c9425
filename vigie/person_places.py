"""A person's name or a street's is no place: the words of a name the article gives with an age ('Rashawn
Gibson, 17', '33-year-old Melissa Randolph') are not read as towns where the article uses them
alone ('Gibson did not live at the home', 'Randolph, 33, Paoli').

Local news names its victims by first and last name with an age, then by last name alone; GeoNames
holds a town of nearly every common surname and first name (Gibson, Arkansas; Randolph,
Massachusetts; Sutton, England). The gazetteer's own rule (a word beside another capitalized word
needs 100,000 people) misses the surname used alone. A name word told as a place ('in Lee',
'Gibson County') keeps its place: only bare mentions, with no place cue, are dropped.

A town's name followed by a street type ('the 6300 block of Woodstock Street', 'Oxford Drive')
or, in French, after one ('rue de Verdun') names the street (places.yaml street_types): GVA put
US reports in Woodstock, Ontario and Oxford, England so. A name followed by a neighbourhood word
('the Austin neighborhood' of Chicago's West Side) names a part of the report's city: a GeoNames
town of that name (Austin, Texas) is not meant; curated places and districts stay.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from . import lang as langdata
from .people import _person_res, _short


@functools.lru_cache(maxsize=None)
def _street_res(lang: str) -> tuple[re.Pattern, re.Pattern] | None:
    """(a capitalized street type right after a name, a street type right before one)."""
    types = langdata.load(lang, "places").get("street_types") or {}
    words = sorted({w for full, abbr in types.items() for w in [full, *abbr]}, key=len, reverse=True)
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in words)
    after = re.compile(r"\s+(?:" + "|".join(re.escape(w[:1].upper() + w[1:]) for w in words) + r")(?![\w-])")
    before = re.compile(r"(?<![\w-])(?i:" + alt + r")\.?\s+(?:d[eu]s? |de la |d['’])?$")
    return after, before


@functools.lru_cache(maxsize=None)
def _quarter_re(lang: str) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None]:
    """(a neighbourhood word after a name, any case; a building's capitalized word after a
    saint's name; a school's after any name)."""
    data = langdata.load(lang, "places")
    words = data.get("neighbourhood_after") or []
    after = lambda key: re.compile(r"\s+(?:" + "|".join(map(re.escape, data[key])) + r")(?!\w)") \
        if data.get(key) else None  # noqa: E731
    return (re.compile(r"\s+(?i:" + "|".join(map(re.escape, words)) + r")(?!\w)") if words else None,
            after("facility_after"), after("school_after"))


def _saintly(name: str, lang: str) -> bool:
    """Does the name open with a word places.yaml abbreviates ('St.', 'Saint', 'Mount'), as a
    building named after a saint or a hill does ('St. John Hospital', 'Mount Sinai Hospital')? A
    building named after its town ('Aleppo Hospital') stands in it."""
    words = {w.casefold() for k, v in (langdata.load(lang, "places").get("name_abbreviations") or {}).items()
             for w in (k, v)}
    first = name.split()[0].rstrip(".").casefold() if name.split() else ""
    return first in words


def neighbourhood(text: str, m, lang: str):
    """The mention without its GeoNames towns when a neighbourhood word or a building's follows
    it, else itself; None when nothing is left."""
    quarter, building, school = _quarter_re(lang)
    if (building is not None and building.match(text, m.end) and _saintly(m.text, lang)) or \
            (school is not None and school.match(text, m.end)):
        # a building's name: none of GeoNames' places of the name, its parishes included
        kept = tuple(c for c in m.candidates if c.geonames_id is None)
        return replace(m, candidates=kept) if kept else None
    if quarter is None or not quarter.match(text, m.end):
        return m
    kept = tuple(c for c in m.candidates if not (c.kind == "town" and c.geonames_id is not None))
    return replace(m, candidates=kept) if kept else None


def street_named(text: str, m, lang: str) -> bool:
    """Is the mention (a town by its first candidate) the name of a street ('Woodstock Street')?"""
    rx = _street_res(lang)
    if rx is None or not m.candidates or m.candidates[0].kind != "town":
        return False
    return bool(rx[0].match(text, m.end) or rx[1].search(text[max(0, m.start - 30):m.start]))


def name_words(text: str, lang: str) -> frozenset[str]:
    """Case-folded first and last names of every person the text names with an age."""
    # a double surname is used alone by either part ('Carlos Rodriguez-Espinoza, 22': 'Rodriguez')
    return frozenset(w.casefold() for r in _person_res(lang) for m in r.finditer(text or "")
                     for w in re.split(r"[\s-]+", _short(m.group("name"))) if w)


# Two capitalized words in a row, overlapping ('Judge Christopher Feliciani': both pairs).
_PAIR = re.compile(r"(?<![\w'’.-])(?=([A-ZÀ-Ö][a-zà-ÿ]{2,}) ([A-ZÀ-Ö][a-zà-ÿ'’-]{2,})(?![\w'’-]))")


@functools.lru_cache(maxsize=None)
def _directions(lang: str) -> frozenset[str]:
    """The compass words places.yaml lists before a place ('north', 'east'), case-folded."""
    return frozenset(w.casefold() for w in langdata.load(lang, "places").get("near_before") or [])


def surnames(text: str, gazetteer, lang: str = "en", common: frozenset[str] | None = None) -> frozenset[str]:
    """Case-folded last names of people the text names in full, then by the last name alone ('the
    attorneys for Derrick Stafford [...] including Stafford as the passenger', 'Ann Ridley said
    [...] Ridley believes'), and their first names where the text never uses them alone. News
    style names a person so; a town's name is not cut to its last word ('Fort Worth', 'Baton
    Rouge': two words the gazetteer knows together are skipped), and a word the text also writes
    in lower case is a common word ('Columbus Police [...] Police said', 'The Chicago'). GVA: 'Stafford'
    (England), 'Rosario' (Argentina), 'Ann' (Myanmar) placed US reports abroad so."""
    text = text or ""
    common = common_words(text) if common is None else common
    out: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for m in _PAIR.finditer(text):
        first, last = m.group(1), m.group(2)
        if (first, last) in seen or last.casefold() in out or first.casefold() in _directions(lang):
            continue                # 'North Austin', 'East Oakland': the city, not a person
        seen.add((first, last))
        alone = [a for a in re.finditer(r"(?<![\w'’-])" + re.escape(last) + r"(?![\w'’-])", text)
                 if _alone(text, a.start(), a.end(), first)]
        if not alone or any(_lower_in(w, text, common) for w in (first, last)) \
                or _place_words(gazetteer, f"{first} {last}"):
            continue
        # a province's or country's name is not vetoed ('Louisiana News'; 'Jordan Clay': Clay is)
        if not _place_words(gazetteer, last, province=True):
            out.add(last.casefold())
        if not re.search(r"(?<![\w'’-])" + re.escape(first) + r"(?! " + re.escape(last) + r")(?![\w'’-])", text) \
                and not _place_words(gazetteer, first, province=True):
            out.add(first.casefold())
    for m in _NICKNAMED.finditer(text):
        # 'Jamal "Moo Moo" Hamilton': a nickname in quotes between first and last name
        if not _lower_in(m.group(1), text, common) and not _place_words(gazetteer, m.group(1), province=True):
            out.add(m.group(1).casefold())
    for m in _INITIALED.finditer(text):
        # 'Sheriff T. Walton', then 'Walton said': a surname after a first name's initial
        last = m.group(2)
        if m.group(1) in _initials_not(lang) or last.casefold() in out or _lower_in(last, text, common):
            continue
        if any(_alone(text, a.start(), a.end(), m.group(1) + ".") for a in
               re.finditer(r"(?<![\w'’-])" + re.escape(last) + r"(?![\w'’-])", text)) \
                and not _place_words(gazetteer, last, province=True):
            out.add(last.casefold())
    return frozenset(out)


# A first name, a nickname in quotes and a surname ('Jamal "Moo Moo" Hamilton').
_NICKNAMED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+ [\"“][^\"“”\n]{1,25}[\"”] ([A-Z][a-z'’-]{2,})(?![\w'’-])")
# A first name's initial and a surname ('T. Walton'), not inside an abbreviation ('U.S. Army').
_INITIALED = re.compile(r"(?<![\w.])([A-Z])\. ([A-ZÀ-Ö][a-zà-ÿ'’-]{2,})(?![\w'’-])")


@functools.lru_cache(maxsize=None)
def _initials_not(lang: str) -> frozenset[str]:
    """Capital letters that abbreviate a compass word before a place ('N. Hollywood')."""
    return frozenset(langdata.load(lang, "places").get("street_directions") or [])


def _lower_in(word: str, text: str, common: frozenset[str]) -> bool:
    """Does the text write the word in lower case too? `common` holds its plain words; one with
    an apostrophe or hyphen ('Dell'Anno') is sought in the text."""
    if word.isalpha():
        return word.lower() in common
    return bool(re.search(r"(?<![\w'’-])" + re.escape(word.lower()) + r"(?![\w'’-])", text))


def _alone(text: str, start: int, end: int, first: str) -> bool:
    """Is the word at start:end used alone, as a person's last name is ('Stafford was', 'said
    Ridley.'), not inside a longer name ('Derrick Stafford', 'Pohang Branch') nor as the place
    ACLED's notes give in parentheses ('(Pohang)', '(Naivasha, Nakuru)', '(Gwangju - Gwangsan)')?"""
    before, after = text[max(0, start - 30):start], text[end:end + 30]
    # a title may come before ('Alderman Hamilton', 'Sgt. Grebb'), not the first name
    return not (re.search(r"\(\s*$", before) or before.endswith(first + " ")
                or re.match(r"\s*\)|\s*,\s*[A-ZÀ-Ö]|\s+-|\s+[A-ZÀ-Ö]", after))


def _place_words(gazetteer, words: str, province: bool = False) -> bool:
    """Do the words name a place ('Baton Rouge'), or with `province` a country or province
    ('Louisiana', 'Jordan')?"""
    if gazetteer is None:
        return False
    if not province:
        return bool(gazetteer.lookup(words))
    return any(p.kind in ("admin1", "country") for p in gazetteer.lookup(words)[:1])


class PersonVetoed:
    """A gazetteer whose `find` drops bare one-word mentions that are a named person's first or
    last name or a word the text writes in lower case, and streets; every other call goes to the gazetteer itself (as nlp.NameVetoed)."""

    def __init__(self, gazetteer, words: frozenset[str], common: frozenset[str] = frozenset()):
        self._gz, self._words, self._common = gazetteer, words, common

    def __getattr__(self, attr):
        return getattr(self._gz, attr)

    def find(self, text: str, lang: str | None = None, *args, **kwargs):
        mentions = [n for m in self._gz.find(text, lang, *args, **kwargs)
                    if (n := neighbourhood(text, m, lang)) is not None]
        return [m for m in mentions if not (m.bare and " " not in m.text and m.text.casefold() in self._words)
                and not (m.bare and m.text[1:].islower() and m.text.casefold() in self._common)
                and not street_named(text, m, lang)]


def person_vetoed(gazetteer, text: str, lang: str):
    """The gazetteer, wrapped to veto people's and streets' names."""
    if gazetteer is None:
        return None
    common = common_words(text)
    return PersonVetoed(gazetteer, name_words(text, lang) | surnames(text, gazetteer, lang, common), common)


def common_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case: the same word capitalized with no place cue
    ('Shooting At Home', 'Sale of gun', 'Justice was served') is that word, not Home
    (Washington), Salé or Justice (Illinois), as the report's own use shows ('at his home', 'the
    sale'). A cue keeps a town ('in Mobile' beside 'a mobile app'); words in capitals are left."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-zà-ÿ]{3,}(?![\w'’-])", text or ""))
