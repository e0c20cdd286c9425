"""Where a sentence's events are: its places in the article's context, the nearest to the cue."""
from __future__ import annotations

import functools
import re
from collections import Counter

from .. import lang as langdata
from ..geocode_context import countries_only
from ..geocode_focus import OUTLET_MIN_POP, abbreviated_countries, outlet_place
from ..geocode_qualify import origin_lists, qualified
from ..models import Document, Place, PlaceMention
from . import coding
from .drafts import EXPLOSIVE, SPECIFICITY, Draft, Sentence
from .triggers import VIOLENT_FAMILIES, rules

OUTLET_COUNTRY_WEIGHT = 1.0  # one place's worth (global sample: 0.5 -> 1.0, location +6 rows net, 0.698 -> 0.699)


def country_focus(doc: Document, read: list[Sentence], gazetteer) -> Counter:
    """Countries the article's event sentences are about, by how often their places occur."""
    c: Counter = Counter()
    for s in read:
        # qualified first: 'Remedios (Antioquia)' is Colombia's, not Cuba's (and not Turkey's Antakya)
        mentions = qualified(gazetteer, s.mentions, s.text, doc.lang) if gazetteer and s.mentions else []
        for p in (gazetteer.choose_all(mentions, None) if mentions else []):
            if p is not None:
                c[p.iso3] += 1
    if doc.dateline and doc.dateline.place and gazetteer:
        for m in gazetteer.find(doc.dateline.place, doc.lang):
            if m.candidates:
                c[m.candidates[0].iso3] += 0.5
    if c and gazetteer:
        # 'PORTSMOUTH, Va. --', 'in Lunenburg County, Va.': a province abbreviated after a name
        # anywhere in the report names its country, one vote each, where the town's name alone
        # went abroad by population (GVA: 83 US reports placed in England, Canada ... so)
        c.update(abbreviated_countries(doc.text, doc.lang))
    return c


def outlet_countries(doc: Document, gazetteer) -> Counter:
    """'Daily Post (Nigeria)', 'National News Agency Lebanon', 'Quadratin Oaxaca': an outlet named
    after its country, province or city reports from there (ACLED's 2022 global sample: 121 of
    its notes placed in another country by a homonym name their country so). Each country once,
    however many of the outlets name it."""
    if not gazetteer:
        return Counter()
    if not doc.article.outlet:
        # no outlet's name: the city or province its web address spells ('kansascity.com',
        # 'abcfoxmontana.com'), a local outlet's; a country's ('france24') is a national
        # outlet's, which reports abroad too (GVA: US reports placed in Bulgaria's Montana)
        place = outlet_place(getattr(doc.article, "url", None), gazetteer)
        return Counter({place.iso3: OUTLET_COUNTRY_WEIGHT}) if place is not None and place.iso3 else Counter()
    return Counter({p.iso3: OUTLET_COUNTRY_WEIGHT for m in gazetteer.find(doc.article.outlet, doc.lang)
                    for p in m.candidates[:1] if p.kind in ("country", "admin1") or p.population >= OUTLET_MIN_POP})

def found_in_focus(read: list[Sentence], gazetteer, countries: Counter, lang: str) -> None:
    """The sentences' place names found again with the article's main country as a home country:
    its small towns ('Porto de Pedras (Alagoas)', 'Bayandy village of Munaily district') pass the
    population bar a foreign name must clear, and its homonyms are kept past the candidate cut
    ('Concepcion (Tucuman)': Argentina's, not Chile's). The country is the one most of the
    article's places and provinces lie in, once it holds more than half of them."""
    if not gazetteer:
        return
    own = countries_only(countries)
    if not own:
        # an article that names no place we admit ('demonstrated in Nogaro', 'in Seytenga
        # (Seytenga, Seno)') has no country to favour: a name told as a place ('in X', 'X town')
        # is read as any country's town of that name, the likeliest first
        everywhere = gazetteer.country_codes()
        for s in read:
            if not s.mentions:
                s.mentions = [m for m in gazetteer.find(s.text, lang, everywhere) if not m.bare]
        return
    top = max(own, key=own.get, default=None)
    if top is None or own[top] * 2 <= sum(own.values()):
        return
    for s in read:
        s.mentions = gazetteer.find(s.text, lang, [top])


# A building destroyed is told by its name, not its town's: "après avoir détruit en début de semaine
# le mausolée de Khaled Ben Walid" is near the town the article is about, like a capture.
DESTRUCTION = "Looting/property destruction"


def placed_by_focus(drafts: list[Draft]) -> None:
    """An event dated by its own words but told at no place we know ("l'armée était parvenue
    samedi à s'emparer de la mosquée Khaled Ben Walid") is near the town the article is about."""
    towns = Counter(d.place.name for d in drafts if d.place is not None
                    and SPECIFICITY.get(d.place.kind, 0) <= 1)
    if not towns:
        return
    name, n = towns.most_common(1)[0]
    main = next(d.place for d in drafts if d.place is not None and d.place.name == name)
    for d in drafts:
        if d.place is None and (d.rule.family in EXPLOSIVE + ("battle",) or d.rule.sub_event_type == DESTRUCTION) \
                and n >= 2 \
                and any(m.day and m.precision == "day" for m in d.sentence.dates):
            d.place, d.relation = main, "near"


# How far before the news day another report's day at the place may lie and still be the day of
# an event told there without one: the night of Friday to Saturday recalled on the Monday.
DAY_AT_PLACE = 3


def dated_at_place(drafts: list[Draft]) -> None:
    """A violent event told with no day of its own ("après le massacre qui a fait 108 morts à
    Houla", given the news day) is on the day the article tells for violence at that place just
    before ("les bombardements à Houla, survenus dans la nuit de vendredi à samedi")."""
    for d in drafts:
        if not d.news_day or d.place is None or d.rule.family not in VIOLENT_FAMILIES \
                or not any(c.kind == "killed" for c in d.claims):
            # a toll names the event; an untimed cue without one ("250 chars") may be the news
            continue
        days = {(e.day, e.days, e.precision) for e in drafts if e is not d and not e.news_day
                and e.day and e.place is not None and e.place.name == d.place.name
                and e.rule.family in VIOLENT_FAMILIES and e.precision == "day"
                and 0 <= (d.day - e.day).days <= DAY_AT_PLACE}
        # one earlier day told there; a violence told there on the news day too keeps the news day
        if len(days) == 1 and next(iter(days))[0] != d.day:
            d.day, d.days, d.precision = days.pop()
            d.news_day = False


def seat(low: str, lang: str, gazetteer) -> Place | None:
    """Where a named institution meets ("le Conseil de sécurité": New York), when the text is silent."""
    for rx, name in rules(lang)["seats"]:
        if rx.search(low):
            found = gazetteer.lookup(name) if gazetteer else []
            return found[0] if found else None
    return None


def places_of(s: Sentence, gazetteer, countries: Counter, lang: str) -> list[tuple[int, Place, str]]:
    """The sentence's places resolved in the article's context: (offset, place, relation)."""
    if not gazetteer:
        return []
    named = {c.name for m in s.mentions for c in m.candidates[:1]}
    mentions = []
    # a list's origins before any item is dropped: "heading to Paris and Brussels" stays a list
    # though Paris lies outside the Belgium that follows it (within_named_province)
    for m in origin_lists(s.mentions, s.text, lang):
        inside = [c for c in m.candidates if c.parent and c.parent in named]
        if inside and len(inside) < len(m.candidates):
            m = PlaceMention(m.start, m.end, m.text, tuple(inside), m.relation)   # Jobar, à Damas
        m = coding.within_named_province(m, s.mentions, s.text)
        if m is not None:
            mentions.append(m)
    mentions = qualified(gazetteer, mentions, s.text, lang)   # "Mokolo (Extreme-Nord)", "X town in Y"
    chosen = gazetteer.choose_all(mentions, dict(countries))
    based = rules(lang)["place_not_event"]
    found = [(m.start, p, m.relation) for m, p in zip(mentions, chosen) if p is not None
             and not (based and based.search(s.low[max(0, m.start - 30):m.start]))]
    landmark = rules(lang)["landmark_after"]
    if landmark and len(found) > 1:
        ends = {m.start: m.end for m in mentions}
        kept = [f for f in found if not landmark.match(s.low[ends[f[0]]:ends[f[0]] + 20])]
        found = kept if any(f[1].kind != "country" for f in kept) else found
    capital = None if found else coding.capital_named(s.text, s.low, lang, gazetteer, countries)
    found += [capital] if capital else []
    return coding.bare_aside(coding.origins_aside(found), s.text, lang)


def nearest(places, anchor: int) -> tuple[Place | None, str]:
    """The most specific place, nearest the cue (places after it slightly preferred)."""
    # a place's surroundings ('X countryside') are wider than an area named beside them ('Jabal
    # al-Akrad axis in Lattakia countryside'), not than a town ('Tal Hmis countryside in Hasakeh')
    area = any(p[1].kind == "region" and p[2] == "in" for p in places)

    def score(p):
        off, place, relation = p
        spec = SPECIFICITY.get(place.kind, 0) + (2 if relation == "admin1" else 1 if relation == "around" and area else 0)
        return spec * 300 + (abs(off - anchor) if off >= anchor else (anchor - off) * 1.3)
    off, place, relation = min(places, key=score)
    return place, relation


def antecedent(doc: Document, s: Sentence, gazetteer, countries: Counter) -> Place | None:
    """The place "cette localité" refers to: the last one named in the two sentences before (same
    paragraph), else the dateline's place for the article's first sentence."""
    for j in (s.index - 1, s.index - 2):
        if j < 0 or doc.sentences[j].paragraph != s.paragraph:
            break
        mentions = gazetteer.find(doc.sentences[j].text, doc.lang)
        chosen = [p for p in gazetteer.choose_all(mentions, dict(countries)) if p is not None
                  and p.kind != "country"] if mentions else []
        if chosen:
            return chosen[-1]
    if doc.dateline and doc.dateline.place and s.start - doc.dateline.end < 5:
        found = gazetteer.find(doc.dateline.place, doc.lang)
        chosen = gazetteer.choose_all(found, dict(countries)) if found else []
        return next((p for p in chosen if p is not None), None)
    return None


def listed(doc: Document, s: Sentence, gazetteer, countries: Counter) -> list[Place]:
    """The towns a short line just before lists ("Homs et Deir El-Zour."), when it lists two or
    more: a toll told next with no place of its own ("Plus de 45 tués aujourd'hui") is their
    total, which no one of them had (the French gold forbids such a total as any place's toll)."""
    j = s.index - 1
    if not gazetteer or j < 0 or doc.sentences[j].paragraph != s.paragraph \
            or len(doc.sentences[j].text.split()) > 8:
        return []
    mentions = gazetteer.find(doc.sentences[j].text, doc.lang)
    chosen = gazetteer.choose_all(mentions, dict(countries)) if mentions else []
    towns = [p for p in chosen if p is not None and SPECIFICITY.get(p.kind, 9) <= 1]
    return towns if len({p.name for p in towns}) >= 2 else []


@functools.lru_cache(maxsize=None)
def _border_with(lang: str) -> re.Pattern | None:
    words = langdata.load(lang, "triggers").get("border_with", [])
    return re.compile("(?:" + "|".join(words) + ")") if words else None


def across_border(doc: Document, s: Sentence, places, gazetteer, lang: str):
    """A sentence placed only at a country it names as the neighbour across a border ("un poste-
    frontière avec la Turquie"): the crossing named in the next two sentences of its paragraph
    ("à l'entrée du poste de Bab al-Hawa"), else no place; other sentences keep theirs."""
    rx = _border_with(lang)
    if not rx or not gazetteer or not places or any(p[1].kind != "country" for p in places):
        return places
    if not any(rx.search(s.low[max(0, off - 40):off]) for off, _, _ in places):
        return places
    for j in (s.index + 1, s.index + 2):
        if j >= len(doc.sentences) or doc.sentences[j].paragraph != s.paragraph:
            break
        for m in gazetteer.find(doc.sentences[j].text, doc.lang):
            crossing = next((c for c in m.candidates if c.kind == "crossing"), None)
            if crossing is not None:
                return [(0, crossing, "in")]
    return []



def standing(d: Draft) -> int:
    """0 when the text qualifies a draft's place by the province or district after its name
    ("Mokolo (Mokolo, Extreme-Nord)", "Zarichne, Donetsk"), else 1: of equally confident events of
    one article, the qualified place is where the article sets its story, a name met in passing
    ('Roum', 'University of Waterloo', 'Mysuru Road') is not (global sample: 13 rows gained, 8
    lost). A name inside the parenthesis qualifies another; a country after the comma ('Oslo,
    Norway') qualifies nothing."""
    if d.place is None:
        return 1
    s = d.sentence
    at = next((m for m in s.mentions if any(c is d.place or (c.name == d.place.name and c.iso3 == d.place.iso3)
                                            for c in m.candidates)), None)
    if at is None or s.text.rfind("(", 0, at.start) > s.text.rfind(")", 0, at.start):
        return 1
    # the qualifier is a place named right after "(" or ", " ('Petroleos Mexicanos (PEMEX)' is not)
    gap = re.match(r"\s*\(\s*|,\s*", s.text[at.end:])
    nxt = next((m for m in s.mentions if m.start == at.end + gap.end()), None) if gap else None
    if nxt is None or not nxt.candidates:
        return 1
    return 0 if "(" in gap.group() or nxt.candidates[0].kind in ("admin1", "district", "region") else 1
