"""The article's admin1 focus: the state, province or governorate a report is about, read from
every place it names, so that a town name several provinces share resolves within that one.

Why: a US local report about "a shooting in Jackson" names its state or county elsewhere ("Hinds
County", "Mississippi", the dateline "JACKSON, Miss."); population alone sends Jackson to
Tennessee or Michigan. On GVA's 6,335 US local reports, 1,019 were placed in another state than
their incident's. Every country alike: a Syrian governorate, a Nigerian state, an Indian state.

The focus rides in the country focus Counter (`extract.events`) as (ISO3, admin1) keys next to
the ISO3 ones, each worth at most its country's count so that readers of the countries alone
(the top country, a place's share) are not misled; `Disambiguation.focus` splits them out.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import replace
from typing import Iterable

from . import lang as lang_data
from .geocode_context import countries_only
from .geocode_qualify import qualified
from .models import Place, PlaceMention

DATELINE_WEIGHT = 2.0   # the dateline names the reporter's town ("JACKSON, Miss. (AP) --"): two mentions' worth
ADMIN1_NAMED_WEIGHT = 2.0   # a province named outright ("Ohio", "Idlib province") outweighs one town
OUTLET_WEIGHT = 2.0     # the outlet's city in its web address ('chicagotribune.com', 'dallasnews.com')
OUTLET_MIN_POP = 100_000  # ... a city this large, named by 6+ letters: shorter or smaller names hide in words
MIN_VOTES = 1.0         # less than one unambiguous mention's worth is no focus


@functools.lru_cache(maxsize=None)
def _abbreviations(lang: str) -> tuple[re.Pattern | None, dict[str, tuple[str, str]]]:
    """(', Abbr' after a capitalized word, abbreviation -> (ISO3, admin1)) of places.yaml's
    admin1_abbreviations."""
    table = {abbr: (iso3, name) for iso3, names in (lang_data.load(lang, "places").get("admin1_abbreviations") or {}).items()
             for abbr, name in names.items()}
    if not table:
        return None, {}
    alt = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(r"[A-Z][\w'’\-]*,\s+(" + alt + r")(?=[\s,;:)\]]|$)"), table


def abbreviated(text: str, lang: str, iso3: str) -> list[tuple[int, str]]:
    """(offset of the comma, admin1) of each province of `iso3` abbreviated after a name ('Gary, Ind.')."""
    pattern, table = _abbreviations(lang)
    if pattern is None:
        return []
    return [(m.start() + m.group(0).index(","), table[m.group(1)][1])
            for m in pattern.finditer(text) if table[m.group(1)][0] == iso3]


def abbreviated_countries(text: str, lang: str) -> Counter:
    """ISO3 -> votes of the provinces of that country the text abbreviates after a name
    ('Portsmouth, Va.'): news style names the country so, where the town's name alone is also
    abroad's. The name so qualified is that country's wherever the text repeats it: one vote for
    the abbreviation and one for each time the name occurs."""
    pattern, table = _abbreviations(lang)
    out: Counter = Counter()
    for m in pattern.finditer(text or "") if pattern else ():
        name = m.group(0)[:m.group(0).index(",")]
        # 'PORTSMOUTH, Va.' in a dateline, 'Portsmouth' after it: one name, whatever its case
        out[table[m.group(1)][0]] += 1 + len(re.findall(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])", text, re.I))
    return out


def outlet_province(url: str | None, gazetteer, iso3: str) -> str | None:
    """The province of the city or province an outlet's host name spells ('chicagotribune' ->
    Illinois), the longest such name in the host; None without one. The last address in the URL
    counts (an archive's copy names the outlet's after its own)."""
    place = outlet_place(url, gazetteer, iso3)
    return place.admin1 if place is not None else None


@functools.lru_cache(maxsize=None)
def _call_signs(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    """(ISO3, pattern) of places.yaml's broadcast_call_signs."""
    table = lang_data.load(lang, "places").get("broadcast_call_signs") or {}
    return tuple((iso3, re.compile(rx)) for iso3, rx in table.items())


def call_sign_country(url: str | None, lang: str, title: str | None = None) -> str | None:
    """The country whose broadcasters' call signs the outlet's host name is ('wcvb.com',
    'kare11.com': a US station's, K or W and three letters), or a word in capitals of the last
    part of the title ('... - KMSP-TV', '... | WSMV Channel 4'): a local station reporting on its
    own country; None otherwise. The last address in the URL counts (an archive's copy)."""
    hosts = re.findall(r"https?://(?:www\.)?([^/:]+)", url or "")
    labels = [hosts[-1].lower().split(".")[0]] if hosts else []
    parts = re.split(r"\s[-|:–]{1,2}\s", title or "")
    if len(parts) > 1:
        labels += [w.lower().replace("-", "") for w in re.findall(r"(?<![\w-])[A-Z][A-Z0-9-]{2,7}(?![\w-])", parts[-1])]
    return next((iso3 for label in labels for iso3, rx in _call_signs(lang) if rx.fullmatch(label)), None)


def outlet_place(url: str | None, gazetteer, iso3: str | None = None) -> Place | None:
    """The city or province (of `iso3` when given) an outlet's host name spells, the longest such
    name: a province, or a city of OUTLET_MIN_POP people, by its own name of 6+ letters."""
    hosts = re.findall(r"https?://(?:www\.)?([^/:]+)", url or "")
    if not hosts:
        return None
    labels = [x.replace("-", "") for x in hosts[-1].lower().split(".")[:-1]]
    for n in range(max((len(x) for x in labels), default=0), 5, -1):
        for label in labels:
            for i in range(len(label) - n + 1):
                found = [p for p in gazetteer.own_name(label[i:i + n]) if (iso3 is None or p.iso3 == iso3) and p.admin1
                         and (p.kind == "admin1" or p.population >= OUTLET_MIN_POP)]
                if found:
                    return found[0]
    return None


def _within(m: PlaceMention, admin1: str | None, iso3: str, gazetteer=None) -> PlaceMention:
    """The mention's homonyms in the province abbreviated after it ('Richmond, Ind.'), when any;
    else, with a gazetteer, that province: 'Tyrone, Mo.' is in Missouri though the gazetteer
    knows only Georgia's and Pennsylvania's Tyrone."""
    inside = tuple(c for c in m.candidates if admin1 and c.iso3 == iso3 and c.admin1 == admin1)
    if not inside and admin1 and gazetteer is not None:
        inside = tuple(p for p in [gazetteer.admin1_place(admin1, iso3)] if p is not None)
    return replace(m, candidates=inside, qualified=True) if inside else m


def votes(mentions: list[PlaceMention], chosen: Iterable[Place | None], iso3: str) -> Counter:
    """Admin1 votes of one sentence's places in country `iso3`: a province named counts
    ADMIN1_NAMED_WEIGHT; a town or county one vote split among the provinces of its homonyms in
    the country ('Springfield': a fifth each to five states; 'Harris County, Texas', qualified to
    Texas, a whole one), so that a common name decides nothing alone."""
    out: Counter = Counter()
    for m, p in zip(mentions, chosen):
        if p is None or p.iso3 != iso3 or not p.admin1 or p.kind == "country":
            continue
        if p.kind == "admin1":
            out[p.admin1] += ADMIN1_NAMED_WEIGHT
            continue
        provinces = {c.admin1 for c in m.candidates if c.iso3 == iso3 and c.admin1 and c.kind != "admin1"}
        provinces.add(p.admin1)
        for a in provinces:
            out[a] += 1 / len(provinces)
    return out


def named_country(doc, gazetteer) -> tuple[str, int] | None:
    """(ISO3, mentions) of the country most of the article's places lie in, from every sentence;
    None when under two of them do."""
    c = Counter(p.iso3 for s in doc.sentences for p in
                gazetteer.choose_all(gazetteer.find(s.text, doc.lang), None) if p is not None and p.iso3)
    top = max(c, key=c.get, default=None)
    return (top, c[top]) if top and c[top] >= 2 else None


def as_qualified(mentions: list[PlaceMention], names: dict, gazetteer, text: str | None = None,
                 lang: str = "en") -> list[PlaceMention]:
    """The mentions with a name the report qualifies elsewhere ('Tyrone, Mo.' in the headline,
    'Tyrone' after) narrowed to that province: news style qualifies a town once, at its first
    mention. A name qualified to several provinces, or qualified here (given `text`: a name
    before or inside a parenthesis or before a comma), keeps its own reading."""
    out = []
    for m in mentions:
        where = names.get(m.text.casefold())
        if m.qualified or where is None or (text is not None and (
                re.match(r"\s*[(,]", text[m.end:]) or text[:m.start].rstrip().endswith(("(", ",")))
                and m.end not in dict(abbreviated(text, lang, where[0]))):
            out.append(m)
            continue
        iso3, admin1, known = where
        inside = tuple(c for c in m.candidates if (c.iso3, c.admin1) == (iso3, admin1) and c.kind != "admin1") or \
            tuple(gazetteer.named_in(m.text, iso3, admin1)[:1]) or \
            tuple(p for p in [None if known else gazetteer.admin1_place(admin1, iso3)] if p is not None)
        out.append(replace(m, candidates=inside, qualified=True) if inside else m)
    return out


def _qualified_names(mentions: list[PlaceMention], names: dict) -> None:
    """Record each qualified town's (ISO3, province, known to the gazetteer there?) by its name
    (None once two provinces claim it)."""
    for m in mentions:
        where = {(c.iso3, c.admin1) for c in m.candidates if c.admin1 and c.kind != "country"}
        if m.qualified and len(where) == 1:
            key, (iso3, admin1) = m.text.casefold(), next(iter(where))
            got = (iso3, admin1, any(c.kind != "admin1" for c in m.candidates))
            names[key] = got if names.get(key, got) == got else None


def admin1_focus(doc, gazetteer, countries: Counter, names: dict | None = None) -> Counter:
    """(ISO3, admin1) -> weight of the provinces of the article's top country it names, from every
    sentence (title included) and the dateline; each weight is its share of the votes times the
    country's count. An article whose event sentences name no place (a local report names its
    town in the headline and as its police: GVA, 'DeKalb County Jail') gets its country here too,
    from all its sentences. Empty when it has no country or names no province's places."""
    if gazetteer is None:
        return Counter()
    top = max(countries_only(countries), key=countries.get, default=None)
    out: Counter = Counter()
    if top is None:
        found = named_country(doc, gazetteer)
        if found is None:
            return out
        top, count = found
        out[top] = count
    else:
        count = countries[top]
    iso3 = gazetteer.country(top).iso3 if gazetteer.country(top) else top
    total: Counter = Counter()
    texts = [(s.text, 1.0) for s in doc.sentences]
    if doc.dateline and doc.dateline.place:
        texts.append((doc.dateline.place, DATELINE_WEIGHT))
    outlet = outlet_province(getattr(doc.article, "url", None), gazetteer, iso3)
    if outlet:
        total[outlet] += OUTLET_WEIGHT
    for text, weight in texts:
        told = dict(abbreviated(text, doc.lang, iso3))
        for a in told.values():
            total[a] += weight * ADMIN1_NAMED_WEIGHT
        mentions = gazetteer.find(text, doc.lang, [iso3])
        if not mentions:
            continue
        mentions = [_within(m, told.get(m.end), iso3, gazetteer) for m in qualified(gazetteer, mentions, text)]
        if names is not None:
            _qualified_names(mentions, names)
        chosen = gazetteer.choose_all(mentions, {iso3: 1.0})
        for a, n in votes(mentions, chosen, iso3).items():
            total[a] += weight * n
    n = sum(total.values())
    if n >= MIN_VOTES:
        out.update({(iso3, a): count * v / n for a, v in total.items()})
    return out
