"""Disambiguation in context, the part of `Gazetteer` that chooses among a mention's candidates:
the article's country focus, a province named nearby, the sentence's other places, population;
and a chosen place as an event Location.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable

from .gazetteer_build import PRIOR, UNKNOWN_POP_PRIOR
from .models import Location, Place, PlaceMention

FOCUS_WEIGHT = 4.0      # an article all about Syria lifts a Syrian village of 500 above a city of 5,000 elsewhere
BESIDE_ADMIN1_BONUS = 3.0   # another place of the sentence in the same admin1: a 1,000-fold population ratio
BESIDE_COUNTRY_BONUS = 1.0  # ... in the same country
ADMIN1_BONUS = 6.0
ADMIN1_FOCUS_WEIGHT = 5.0   # below ADMIN1_BONUS: a province named in the sentence outweighs the article's; share 0.4 lifts a town of 1,000 over one of 100,000 elsewhere (GVA 2,500: W 3 -> 5, 1,604 -> 1,622 articles in their state)
BARE_ABROAD_MIN_POP = 100_000  # a town outside the article's country, named with no place cue
FOCUSED_SHARE = 0.5     # an article whose places are half in one country is about that country
NAMESAKE_SHARE = 0.25   # a province with a quarter of the article's place votes lends its towns to names `find` placed elsewhere (GVA 2,500: 0.5 -> 0.3, +7 articles in their state)
LOOSE_MIN_LETTERS = 6   # a province matched loosely: shorter keys are abbreviations ('Tenn.' ~ a Zambian alternate) and common words (GVA)
ANYWHERE_MIN_POP = 1000  # a named town outside the actors' country: GeoNames' villages of 500-1,000 share first names      # a province named in the sentence outweighs a 10^6 population ratio


def is_admin1_key(key) -> bool:
    """Is a focus key an (ISO3, admin1) pair (`geocode_focus`) rather than a country?"""
    return isinstance(key, tuple)


def countries_only(focus: dict | None) -> dict:
    """The country entries of a focus (ISO3 or country name -> count)."""
    return {k: v for k, v in (focus or {}).items() if not is_admin1_key(k)}


def _prior(p: Place) -> float:
    """A place's prior in log10(population) units, as the index ranks it."""
    if p.kind in PRIOR and p.kind != "town":
        return max(PRIOR[p.kind], math.log10(p.population) if p.population >= 500 else 0)
    return math.log10(p.population) if p.population >= 500 else UNKNOWN_POP_PRIOR


def km(a: Place, b: Place) -> float:
    """Great-circle distance between two places in km (haversine); inf without coordinates."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def loose_key(key: str, designations: frozenset[str]) -> str:
    """A province name's key without its designation words and with doubled letters and doubled
    digraphs merged: 'Zaporizhia region' = 'Zaporizhzhia', 'Lower Shabelle' = 'Lower Shabeelle',
    'Galgaduud' = 'Galgadud Region' (ACLED's spellings of provinces GeoNames spells otherwise)."""
    s = " ".join(t for t in key.split() if t not in designations)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"([a-z]h)\1", r"\1", s))


class Disambiguation:
    """Mixed into `Gazetteer`, whose `country`, `home` and `_admin1_names` it uses."""

    def _loose_admin1(self, text: str, toks, i: int, n: int, L: dict, initial: bool):
        """(end token, provinces) for a capitalized name after a comma or an opening parenthesis
        that no tier matched but whose `loose_key` is a province's ('Kamianske, Zaporizhia'),
        else None. Only provinces: a town so matched would be a guess, a province qualifies its
        town. (ACLED's 2022 global sample: 29 notes write 'Zaporizhia', GeoNames 'Zaporizhzhia'.)"""
        if initial or not text[:toks[i][0]].rstrip().endswith((",", "(")):
            return None
        des = L["designations"]
        if des not in self._loose:
            ids = [r[0] for r in self._q("SELECT id FROM places WHERE kind='admin1'")]
            self._prefetch(ids)
            names = self._q(f"SELECT key, place FROM names WHERE place IN ({','.join(map(str, ids))})") if ids else []
            self._loose[des] = {}
            for key, pid in names:
                if loose_key(key, des):
                    self._loose[des].setdefault(loose_key(key, des), set()).add(self._place(pid))
        for k in range(n, 0, -1):
            key = loose_key(" ".join(t[3] for t in toks[i:i + k]), des)
            places = self._loose[des].get(key) if len(key.replace(" ", "")) >= LOOSE_MIN_LETTERS else None
            if places and text[toks[i + k - 1][0]:toks[i + k - 1][1]][:1].isupper() and not toks[i][2].isupper():
                return i + k, sorted(places, key=lambda p: -p.population)
        return None

    def focus(self, countries: dict[str, float] | None) -> dict[str, float]:
        """ISO3 -> share of the article's country mentions (keys may be ISO codes or names)."""
        shares: Counter = Counter()
        for k, n in countries_only(countries).items():
            c = self.country(k) if k else None
            if c is not None and n > 0:
                shares[c.iso3] += n
        total = sum(shares.values())
        return {k: v / total for k, v in shares.items()} if total else {}

    def admin1_shares(self, focus: dict | None) -> dict[tuple[str, str], float]:
        """(ISO3, admin1) -> share of its country's mentions, from a focus's admin1 entries
        (`geocode_focus.admin1_focus`)."""
        countries = countries_only(focus)
        out = {}
        for key, n in (focus or {}).items():
            if is_admin1_key(key):
                c = next((v for k, v in countries.items() if k and self.country(k) is not None
                          and self.country(k).iso3 == key[0]), 0)
                out[key] = min(1.0, n / c) if c else 0.0
        return out

    def choose(self, mention: PlaceMention, countries: dict[str, float] | None = None,
               admin1: str | None = None, beside: Iterable[Place] = ()) -> Place | None:
        """The mention's place in context: country focus, an admin1 named nearby, the places
        `beside` it in the sentence (their admin1 and country), population."""
        if not mention.candidates:
            return None
        shares = self.focus(countries)
        top = max(shares, key=shares.get) if shares else None
        names = self._admin1_names(admin1) if admin1 else set()
        provinces = self.admin1_shares(countries)

        def score(item):
            idx, p = item
            s = _prior(p) - 0.2 * idx + FOCUS_WEIGHT * shares.get(p.iso3, 0.0) + (1.0 if p.iso3 == top else 0)
            s += ADMIN1_FOCUS_WEIGHT * provinces.get((p.iso3, p.admin1), 0.0)
            if names and p.admin1 in names:
                s += ADMIN1_BONUS
            if mention.relation == "admin1" and p.kind == "admin1":
                s += 10
            if p.admin1 and (p.iso3, p.admin1) in near_admin1:
                s += BESIDE_ADMIN1_BONUS
            elif p.iso3 in near_iso3:
                s += BESIDE_COUNTRY_BONUS
            return s
        candidates = list(enumerate(mention.candidates + self._focused_namesakes(mention, provinces)))
        if mention.bare and top and shares[top] >= FOCUSED_SHARE and top not in self.home:
            # 'Police said' in a US report is not Police, Poland (33,000 people), nor 'Paul'
            # Cabo Verde's Paul: a common word or first name abroad is a place only when told so.
            # Reports about a home country keep their rules: on the French gold, dropping 'le
            # Mahan' (a destroyer read as Iran's Mahan) let a false Damascus event through
            candidates = [(i, p) for i, p in candidates if not self._bare_abroad(p, top)]
            if not candidates:
                return None
        near_admin1 = {(b.iso3, b.admin1) for b in beside if b is not None and b.admin1}
        near_iso3 = {iso3 for iso3, _ in near_admin1}
        if near_admin1 and all(c.kind == "district" and (c.iso3, c.admin1) not in near_admin1
                               for c in mention.candidates):
            return None     # 'Al-Zahraa' beside Aleppo is not the Zahra district of Homs
        return max(candidates, key=score)[1]

    def _focused_namesakes(self, mention: PlaceMention, provinces: dict) -> tuple[Place, ...]:
        """Towns of the mention's own name in the article's main province that `find` passed over
        (it keeps towns under 15,000 people in the home countries only): 'in Waynesboro' in a
        report about Georgia's Burke County is Georgia's Waynesboro (5,800 people), not Virginia's.
        A name a qualifier narrowed ('Springfield, Illinois') keeps to it."""
        key = max(provinces, key=provinces.get, default=None)
        if key is None or provinces[key] < NAMESAKE_SHARE or mention.relation == "admin1" or mention.qualified or \
                all(c.kind in ("admin1", "country") for c in mention.candidates) or \
                any((c.iso3, c.admin1) == key for c in mention.candidates):
            return ()
        # 'Mt. Pleasant' is named so by its first candidate's spelling, 'Mount Pleasant'
        names = dict.fromkeys([mention.text, mention.candidates[0].name])
        return tuple(p for n in names for p in self.named_in(n, *key) if p not in mention.candidates)

    @staticmethod
    def _bare_abroad(p: Place, top: str) -> bool:
        """Is the place a GeoNames town outside the focus country, too small to be named without a cue?"""
        return p.kind == "town" and p.geonames_id is not None and p.iso3 != top and p.population < BARE_ABROAD_MIN_POP

    def _as_admin1(self, places: list[Place]) -> list[Place]:
        """Candidates read as provinces: admin1 places first, then the admin1 of each town."""
        out = [p for p in places if p.kind == "admin1"]
        for p in places:
            a = self.admin1_place(p.admin1, p.iso3) if p.admin1 and p.kind != "admin1" else None
            if a is not None and a not in out:
                out.append(a)
        return out + [p for p in places if p not in out]

    def choose_all(self, mentions: list[PlaceMention], countries: dict[str, float] | None = None
                   ) -> list[Place | None]:
        """Choose every mention of one sentence; a province named in it guides the others."""
        admin1 = next((self.choose(m, countries).name for m in mentions
                       if m.relation == "admin1" and m.candidates), None)
        first = [self.choose(m, countries, admin1) for m in mentions]
        if len(mentions) < 2:
            return first
        # then each again beside the others' first choices: 'Thiban town in Deir ez Zor
        # countryside' is Syria's Dhiban, not Jordan's
        return [self.choose(m, countries, admin1, first[:i] + first[i + 1:]) for i, m in enumerate(mentions)]

    def place_named(self, named: Place) -> Place:
        """The town a report names after a place word ("gathered in Aleria", "in the village of
        X") when `find` passed it over: `find` asks 15,000 people of a town outside the home
        countries lest first names pass for places, a bar a place word makes needless (on 2,000
        ACLED global rows, 45 events had no coordinates for a name the gazetteer holds). Within
        the report's country when it has one, else the likeliest anywhere (1,000+ people when a
        country was given); else as written."""
        found = [p for p in self.lookup(named.name, named.iso3 or None) if p.kind not in ("admin1", "country")]
        if not found and named.iso3:
            # the country is the actors' ("Russian forces shelled the airfield in
            # Starokostiantyniv"): a town of that name anywhere, populous enough to be meant
            found = [p for p in self.lookup(named.name) if p.kind not in ("admin1", "country")
                     and p.population >= ANYWHERE_MIN_POP]
        return found[0] if found else named

    @staticmethod
    def to_location(place: Place, relation: str = "in") -> Location:
        """A Place as an event Location: precision 1 town/district, 2 near or region, 3 admin1/country."""
        if place.kind in ("admin1", "country"):
            precision = 3
        elif relation in ("near", "around") or place.kind == "region":
            precision = 2
        else:
            precision = 1
        return Location(name=place.name, country=place.country, geo_precision=precision,
                        admin1=place.admin1 if place.kind != "country" else None, admin2=place.admin2,
                        iso3=place.iso3, lat=place.lat, lon=place.lon, geonames_id=place.geonames_id)
