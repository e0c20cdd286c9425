"""Place qualifiers: "Saint Petersburg (Florida)", "Mokolo (Mokolo, Mayo-Tsanaga, Extreme-Nord)",
"Severodonetsk, Luhansk". The places in the parenthesis, or a province after a comma, say which
of the name's homonyms is meant and are not themselves where the event is.

Why: on 2,000 rows of ACLED's 2022 global sample, 171 events were placed at another place of their
sentence, most often the province or city that qualifies the town ACLED codes.
"""
from __future__ import annotations

import functools
import re

from . import lang as lang_data
from .geocode import not_place
from .geocode_context import km
from .models import Place, PlaceMention

ADMIN_KINDS = ("admin1", "region", "country")
LIST_CITY_POP = 100_000
# a town this small outside the country a parenthesis ends with is a local unit's namesake ('Muse
# district, Shan state': Yemen's Mawza', 0 people on record); a bigger one may be the place meant
# where the province is named otherwise ('Puttalam (Puttalam, North Western)': Sri Lanka's is
# 'North Western Province', and 'North Western' reads as Sierra Leone's or Zambia's)
SMALL_ABROAD_POP = 5_000
# a capitalized name of one to four words just before the qualifier, Latin letters and hyphens
HEAD = re.compile(r"((?:[A-Z][\w'’\-]*\.? ){0,3}[A-Z][\w'’\-]*)\s*$")


def _inside(c: Place, q: Place, gz) -> bool:
    """Does place c lie within qualifier q (its country, its province, or beside its town)?"""
    if c is q or c.iso3 != q.iso3:
        return False
    if q.kind == "country":
        return True
    if q.kind in ("admin1", "region"):
        return bool(c.admin1) and (c.admin1 in gz.admin1_names(q.name) or c.parent == q.name)
    return bool(c.admin1) and c.admin1 == q.admin1


def _as_qualifier(candidates) -> tuple[Place, ...]:
    """A qualifier read as a province when its best reading is one: 'Springfield, Illinois' is
    not Springfield, Missouri though a Missouri town has 'Illinois' among its alternate names."""
    if candidates and candidates[0].kind in ADMIN_KINDS:
        return tuple(c for c in candidates if c.kind in ADMIN_KINDS)
    return tuple(candidates)


def _qualifiers(mentions: list[PlaceMention], text: str, i: int) -> tuple[int, list[int], bool | None]:
    """(offset where the qualified name ends, indices of its qualifiers, in a parenthesis? (None:
    after a space only)) for the name before mentions[i], or (-1, [], False) when mentions[i]
    qualifies nothing."""
    q = mentions[i]
    before = text[:q.start]
    opened, closed = before.rfind("("), before.rfind(")")
    if opened > closed and not re.search(r"[.;:]", before[opened:]):
        # every place inside the parenthesis that holds q; the name ends before "("
        inner = [j for j, m in enumerate(mentions) if opened < m.start and
                 ")" not in text[opened:m.start]]
        return len(text[:opened].rstrip()), inner, True
    m = re.search(r",\s*$", before)
    if m and any(c.kind in ADMIN_KINDS for c in q.candidates):
        return m.start(), [i], False
    if i > 0 and mentions[i - 1].end == q.start - 1 and text[q.start - 1] == " " and q.candidates \
            and q.candidates[0].kind == "admin1":
        # 'the Bristol Tennessee Police Department', 'HESSTON Kansas': a state right after a town
        return q.start - 1, [i], None
    return -1, [], False


# between two items of a list: commas, '&', digits, unmatched capitalized names (no lowercase word:
# "displaced from Homs in Jarablus"). Each name is read whole (the lookahead): a name that could
# end anywhere made the match exponential in a gap's length (one GVA article: over 8 s).
LIST_GAP = re.compile(r"(?:[\s,&\d]|[A-Z][\w'’\-]*(?![\w'’\-]))*")


@functools.lru_cache(maxsize=None)
def _joiner(lang: str | None):
    """The language's list conjunctions ('and'), as a pattern, or None (places.yaml list_joiners)."""
    words = lang_data.load(lang, "places").get("list_joiners") or [] if lang else []
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)") if words else None


def origin_lists(mentions: list[PlaceMention], text: str, lang: str | None = None) -> list[PlaceMention]:
    """The items of a list opened by an origin cue are origins too: 'inhabitants from the
    villages of Tourou, Ngossi, Roum, Dzalou protested in Mokolo', 'a convoy heading to Paris
    and Brussels gathered in Laval' (with `lang`, its conjunctions join a list as commas do)."""
    joiner = _joiner(lang)
    out = list(mentions)
    for i in range(1, len(out)):
        prev, m = out[i - 1], out[i]
        gap = text[prev.end:m.start]
        gap = joiner.sub(",", gap) if joiner else gap
        if prev.relation == "from" and m.relation == "in" and LIST_GAP.fullmatch(gap) and re.search(r"[,&]", gap):
            out[i] = PlaceMention(m.start, m.end, m.text, m.candidates, "from")
    return out


def typed_names(gz, mentions: list[PlaceMention], text: str, lang: str) -> list[PlaceMention]:
    """'Mzeireb town in Dara countryside', 'near A'rima town in Aleppo countryside': a name `find`
    passed over, followed by a place word (places.yaml place_words_after) and by a place named
    within 45 characters, is looked up within that place's province (as `lookup` with admin1, whose
    scoped transliteration fallbacks reach village spellings the open text match must not)."""
    words = lang_data.load(lang, "places").get("place_words_after") or []
    if not words:
        return mentions
    stops = set(lang_data.load(lang, "places").get("name_stop") or [])
    out = list(mentions)
    for m in re.finditer(r"((?:[A-Z][\w'’\-]* ){0,2}[A-Z][\w'’\-]*) (?:" + "|".join(map(re.escape, words)) + r")\b", text):
        start, end = m.span(1)
        inner = [x for x in out if x.start < end and x.end > start]
        if not_place(m.group(1).split()[0], lang):
            continue
        scope = next((x for x in mentions if x.candidates and 0 < x.start - end <= 45), None)
        if inner:
            # 'Ma Ya Kan village (Shwebo district...)', 'Hmat Taing village, Katha township': a
            # name found inside a longer name the place word types, with no homonym in the
            # country of the place named next, is a fragment (China's Kan, Syria's Hama); not one
            # whose place's name is longer ('Tuz' for Tuz Khurmatu)
            lead = text[start:min(x.start for x in inner)].split()
            home = {c.iso3 for c in scope.candidates[:1]} if scope else set()
            if home and all(x.start >= start and x.end <= end and (x.start, x.end) != (start, end)
                            and not x.qualified and not any(c.iso3 in home for c in x.candidates)
                            and not any(len(c.name.split()) > len(x.text.split()) for c in x.candidates)
                            for x in inner) and not any(w in stops or not_place(w, lang) for w in lead):
                out = [x for x in out if x not in inner]
            else:
                continue
        for q in scope.candidates[:3] if scope else ():
            admin1 = q.name if q.kind in ("admin1", "region") else q.admin1
            found = [c for c in gz.lookup(m.group(1), q.iso3, admin1 if q.kind != "country" else None)
                     if c.kind not in ADMIN_KINDS and c.name != q.name]
            if found:
                out.append(PlaceMention(start, end, m.group(1), tuple(found), "in", qualified=True))
                break
    return sorted(out, key=lambda x: x.start)


@functools.lru_cache(maxsize=None)
def _leading_stops(lang: str | None) -> re.Pattern | None:
    """Words that open a sentence, not a name ('In', 'On': places.yaml name_stop), as a pattern."""
    stops = lang_data.load(lang, "places").get("name_stop") or [] if lang else []
    return re.compile(r"(?:(?:" + "|".join(map(re.escape, stops)) + r") )*") if stops else None


def _name_start(text: str, end: int, lang: str | None) -> int | None:
    """Where the capitalized name that ends at `end` starts, its leading 'In'/'On' left out
    ('In San Juan Raboso, Puebla'); None without one."""
    name = HEAD.search(text[:end])
    if name is None:
        return None
    lead = _leading_stops(lang)
    return name.start(1) + (lead.match(name.group(1)).end() if lead else 0)


def parenthesis_lists(gz, mentions: list[PlaceMention], text: str) -> list[PlaceMention]:
    """'(Baydhaba, Bay)', '(Muse district, Shan-North state)': a parenthesis lists places from the
    narrowest to the widest, so its last item, where it can be a province or a country, is read as
    one (Somalia's Bay region, not the Philippine town of 33,000), and an earlier item keeps only
    its homonyms inside it, else in its country; a small one with none there is a unit the
    gazetteer lacks, not a town abroad (Yemen's Mawza', whose alternate name is Muse)."""
    out = list(mentions)
    drop: set[int] = set()
    i = 0
    while i < len(out):
        opened, closed = text.rfind("(", 0, out[i].start), text.rfind(")", 0, out[i].start)
        shut = text.find(")", out[i].end)
        if opened <= closed or shut < 0 or re.search(r"[.;:]", text[opened:shut]):
            i += 1
            continue
        items = [j for j in range(i, len(out)) if out[j].end <= shut]
        last = out[items[-1]]
        first = last.candidates[0] if last.candidates else None
        # a city of 100,000 people is named for itself: '(Paris, London, Berlin)' lists cities
        wide = () if first is None or (first.kind not in ADMIN_KINDS and first.population >= LIST_CITY_POP) else \
            _as_qualifier(tuple(sorted(last.candidates, key=lambda c: c.kind not in ADMIN_KINDS)))
        countries = {q.iso3 for q in wide}
        listed = any(c.kind in ADMIN_KINDS and c.iso3 not in countries or
                     c.kind not in ADMIN_KINDS and c.population >= LIST_CITY_POP
                     for j in items[:-1] for c in out[j].candidates[:1])
        if wide and wide[0].kind in ADMIN_KINDS and not listed and \
                all("," in text[out[a].end:out[b].start] for a, b in zip(items, items[1:])):
            out[items[-1]] = PlaceMention(last.start, last.end, last.text, wide, last.relation, last.bare,
                                          last.qualified)
            for j in items[:-1]:
                m = out[j]
                # a town's recorded province may be an older or another unit's ('Sidi Ifni
                # (Sidi Ifni, Guelmim-Oued Noun)' is filed under Souss-Massa): its country suffices
                inside = tuple(c for c in m.candidates if any(_inside(c, q, gz) for q in wide)) or \
                    tuple(c for c in m.candidates if c.iso3 in countries)
                if not inside and all(c.population < SMALL_ABROAD_POP for c in m.candidates):
                    drop.add(j)
                elif inside and len(inside) < len(m.candidates):
                    out[j] = PlaceMention(m.start, m.end, m.text, inside, m.relation, m.bare, m.qualified)
        i = items[-1] + 1
    return [m for j, m in enumerate(out) if j not in drop]


def qualified(gz, mentions: list[PlaceMention], text: str, lang: str | None = None) -> list[PlaceMention]:
    """The sentence's mentions with qualifiers applied: a qualified name keeps its homonyms within
    the qualifier and the qualifiers are dropped; a name `find` passed over is looked up within
    them; a name none of whose homonyms lies within them is dropped, and its qualifiers stay.
    The items of a list of origins are origins (`origin_lists`); with `lang`, names before a
    place word are looked up within the place named next (`typed_names`)."""
    mentions = origin_lists(typed_names(gz, mentions, text, lang) if lang else mentions, text, lang)
    mentions = city_parts(gz, mentions, text, lang) if lang else mentions
    mentions = parenthesis_lists(gz, mentions, text)
    words = set(lang_data.load(lang, "places").get("place_words_after") or []) if lang else set()
    out = list(mentions)
    drop: set[int] = set()
    scopes: list[Place] = []         # the provinces a parenthesis gave a town of the sentence
    for i in range(len(mentions)):
        if i in drop:
            continue
        end, quals, paren = _qualifiers(mentions, text, i)
        if end < 0 or not quals:
            continue
        # 'Belet Weyne town (Belet Weyne, Hiraan)': a place word may sit between name and qualifier
        head = next((j for j, m in enumerate(mentions) if m.end == end or
                     (m.end < end and text[m.end:end].strip() in words)), None)
        qplaces = [c for j in quals for c in _as_qualifier(mentions[j].candidates)]
        if paren is None and (head is None or head in quals):
            continue                # no comma: only a name right before is qualified
        if head is not None and head not in quals:
            h = mentions[head]
            inside = tuple(c for c in h.candidates if any(_inside(c, q, gz) for q in qplaces))
            # 'Trostianets, Sumy': a village of Lviv holds the spelling; Sumy's town has it as an
            # alternate name the open text match ranked out
            inside = inside or _within(gz, h.text, qplaces)
            if paren is None and not inside:
                continue
            if inside:
                out[head] = PlaceMention(h.start, h.end, h.text, inside, h.relation, qualified=True)
                drop.update(quals)
                if paren:
                    scopes.extend(qplaces)
            elif paren and all(c.kind not in ADMIN_KINDS for c in h.candidates):
                # 'Concepcion (Corrientes)': not Chile's Concepción. After a comma the next name
                # may be a list's next item ('Homs, Hama and Aleppo'): the name is kept
                drop.add(head)
            elif (whole := _name_start(text, end, lang)) is not None and whole < h.start and \
                    not {c.iso3 for c in h.candidates} & {q.iso3 for q in qplaces}:
                # 'near Nova Buda, Zhytomyr': the last word of a longer name is Hungary's Buda;
                # the whole name, looked up within the qualifier, or nothing
                found = _within(gz, text[whole:end], qplaces)
                out[head] = PlaceMention(whole, end, text[whole:end], found, h.relation, qualified=True)
                if not found:
                    drop.add(head)
            continue
        if head is not None:
            continue
        start = _name_start(text, end, lang)
        if start is None:
            continue
        inner = [j for j, m in enumerate(mentions) if m.start < end and m.end > start]
        if inner and all(mentions[j].start >= start and mentions[j].end < end for j in inner):
            # 'San Juan Raboso, Puebla': a name's first words hold Puerto Rico's San Juan, but the
            # qualifier places the whole name, one the gazetteer may lack, in Mexico; a homonym
            # inside the qualifier stays ('San Francisco Gotera, Morazan': GeoNames' San Francisco)
            for j in inner:
                m = mentions[j]
                kept = tuple(c for c in m.candidates if any(_inside(c, q, gz) for q in qplaces))
                if kept:
                    out[j] = PlaceMention(m.start, m.end, m.text, kept, m.relation, qualified=True)
                else:
                    drop.add(j)
        elif inner:
            continue
        found = _within(gz, text[start:end], qplaces)
        if found:
            out.append(PlaceMention(start, end, text[start:end], tuple(found), "in", qualified=True))
            drop.update(quals)
    drop.update(_namesakes_aside(out, drop, scopes, gz))
    return sorted((m for j, m in enumerate(out) if j not in drop), key=lambda m: m.start)


PART_RADIUS_KM = 40.0   # a named part lies within this of its city's point
PART = re.compile(r" - ((?:[A-Z0-9][\w'’\-]*\.? ?){1,4})")


@functools.lru_cache(maxsize=None)
def _way_after(lang: str) -> re.Pattern | None:
    """A road word after a name ('the Menbij - Sarin road'), from places.yaml settlement_after."""
    ways = lang_data.load(lang, "places").get("settlement_after") or []
    return re.compile(r"\s*(?:" + "|".join(map(re.escape, ways)) + r")\b") if ways else None


def city_parts(gz, mentions: list[PlaceMention], text: str, lang: str) -> list[PlaceMention]:
    """'Berlin - Spandau', 'New York - Bronx', 'Algiers - Rouiba': ACLED's notes name a city's part
    after a dash, and code the part's own point (Spandau is 14 km from Berlin's). A part the
    gazetteer holds within PART_RADIUS_KM of the city is the place; anything else ('Rio de Janeiro
    - North Zone', 'Tehran - District 1') leaves the city."""
    way = _way_after(lang)
    out = list(mentions)
    for i, m in enumerate(mentions):
        part = PART.match(text, m.end)
        city = m.candidates[0] if m.candidates and m.candidates[0].kind == "town" else None
        if part is None or city is None or city.lat is None or (way and way.match(text, part.end(1))):
            continue                # 'the Menbij - Sarin road': a road between two towns
        name = part.group(1).strip()
        inner = [x for x in mentions if part.start(1) <= x.start < part.end(1)]
        near = [c for x in inner for c in x.candidates if c.lat is not None and c is not city
                and km(c, city) <= PART_RADIUS_KM]
        if not near:
            near = [c for c in gz.own_name(name) if c.iso3 == city.iso3 and c.lat is not None
                    and km(c, city) <= PART_RADIUS_KM]
        if near:
            out[i] = PlaceMention(m.start, part.end(1), text[m.start:part.end(1)].rstrip(), tuple(near),
                                  m.relation, m.bare, qualified=True)
            out = [x for x in out if x not in inner]
    return out


def _within(gz, name: str, qplaces: list[Place]) -> tuple[Place, ...]:
    """The places called `name` within the first qualifier that holds any (none: empty)."""
    for q in qplaces:
        admin1 = q.name if q.kind in ("admin1", "region") else q.admin1
        found = tuple(c for c in gz.lookup(name, q.iso3, admin1 if q.kind != "country" else None)
                      if c.kind not in ADMIN_KINDS and c.name != q.name)
        if found:
            return found
    return ()


def _namesakes_aside(mentions: list[PlaceMention], drop: set[int], scopes: list[Place], gz) -> set[int]:
    """'In Nova Friburgo (Rio de Janeiro), ... in Alto do Floresta community': once a parenthesis
    has set the sentence in a province, a town named with no qualifier of its own whose every
    homonym lies in another province of that country is a namesake, not the place told."""
    countries = {q.iso3 for q in scopes}
    return {j for j, m in enumerate(mentions) if j not in drop and m.candidates
            and all(c.kind not in ADMIN_KINDS and c.iso3 in countries
                    and not any(_inside(c, q, gz) for q in scopes) for c in m.candidates)}
