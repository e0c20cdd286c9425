"""One event, many reports: near-duplicate articles and event resolution across articles.

`resolve(store, doc, events)` runs inside the transaction that stores one article (Store.add). It
reads only what can match: the events of the article's near-duplicates (MinHash/LSH band keys,
looked up by index) and the events of the same area (country, admin1) within a week of each new
event (an index on area and day), so a batch costs time with its own size, not the store's.

- Near-duplicates: the same dispatch re-published, or updated ("UPDATE 2-"), has word shingles in
  common; an event of the new version extends the old version's event of the same kind and place.
- Resolution: same kind (family; in the battle family the same sub-type), places that agree at
  their precision (one town; a district and its city; two reports placed only at one province),
  days that agree (the same day or week; a day apart when one report infers its day from its
  publication, or names the night between them), compatible actors (the same two armed sides where
  both name two; a mediator named as actor is no side) -> one event with every source and claim, `best` recomputed by ACLED's
  conservative rule over all claims, `low`/`high` spanning them.
- Identity: the stored event keeps its id; an event joined into another leaves an alias.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from . import lang as langdata
from .extract import casualties as cas
from .extract.dates import find_dates
from .extract.coding import UNKNOWN_NAME
from .extract.triggers import rules as trigger_rules
from .one_act import one_act, one_destruction, one_victim
from .told_places import one_newsroom_twice, settlements_differ, tolls_differ
from .told_times import times_differ
from .models import LOWER_BOUNDS, Event, Fatalities, Location
from .addresses import address_keys, linked_articles, same_block
from .people import linked_events, one_province, same_victim
from . import story
from .near_duplicates import NEAR_DUPLICATE, band_keys, jaccard, signature
from .sides import sides_only, actors_agree, captures_differ

# Days an event's date stands for, from its first day; two spans one day apart still agree ('the
# night of Wednesday to Thursday' is both days).
SPAN_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
# Stored events read around a new event's day: the widest tolerance of a day or week event.
WINDOW_DAYS = 7
# Two named places of precision 1 closer than this are one (a district and its city centre are
# 2-4 km apart); two villages of one strike day are usually farther apart. 'Near X' (precision 2)
# agrees with another place near or around within 25 km, ACLED's radius for precision 2; with a town
# named as the place, only within 4 km (GVA B-cubed precision 0.916 -> 0.925).
SAME_SPOT_KM = {1: 4.0, 2: 25.0}
# Families whose events are versions of one blast's cause (events.py: EXPLOSIVE).
EXPLOSIVE = ("remote", "bomb")
# A copy of a dispatch is re-published by other outlets within days; a text re-used months later
# (a monitor's template sentence) tells another event.
COPY_DAYS = 3
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


@dataclass
class Changes:
    """What storing one article does to the events: write these, alias those."""
    events: list[Event] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)   # absorbed id -> surviving id
    signature: bytes | None = None
    bands: list[bytes] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


# --- when two reports tell one event ------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _by_sub(lang: str) -> dict:
    return trigger_rules(lang)["by_sub"]


def family(e: Event, lang: str) -> str:
    """The event family of an event's sub-type (triggers.yaml), the sub-type when unknown."""
    rule = _by_sub(lang).get(e.sub_event_type)
    return rule.family if rule else e.sub_event_type


def same_kind(a: Event, b: Event, lang: str) -> bool:
    fa, fb = family(a, lang), family(b, lang)
    return fa == fb or (fa in EXPLOSIVE and fb in EXPLOSIVE)


def days_agree(a: Event, b: Event, mentions=None) -> bool:
    """Spans of days (a day, a week from its first day) at most one day apart, and neither event
    more than a day after the day the other was first published; an undated event agrees with none."""
    if a.event_date is None or b.event_date is None:
        return False
    (a0, a1), (b0, b1) = _span(a), _span(b)
    if a0 > b1 + timedelta(days=1) or b0 > a1 + timedelta(days=1):
        return False
    if a0 > b1 or b0 > a1:
        # A day apart. The night of Wednesday to Thursday is both days; a report that does not
        # name its day, dated by its publication the next morning, may tell the day before's
        # event; two reports that name different days, or name none, tell two events (ACLED's
        # rows on consecutive days at one place: merging those took its date figure from 0.80 to 0.70).
        sa, sb = (stated_days(a, mentions), stated_days(b, mentions)) if mentions else (set(), set())
        if sa and sb:
            return bool(sa & sb)
        later, stated = (a, sb) if a0 > b1 else (b, sa)
        if not stated or stated_days(later, mentions):
            return False
    # a day after publication still agrees: an undated report is dated by its publication day
    pa, pb = _published(a), _published(b)
    late = timedelta(days=1)
    return not ((pa and b0 > pa + late) or (pb and a0 > pb + late))


def copy_days(a: Event, b: Event, mentions) -> bool:
    """A near-duplicate that infers its day from its publication tells the other's event when it
    was published within COPY_DAYS of it by another outlet: one outlet's near-identical notes on two
    days are two days' events (ACLED's SOHR rows 'Clashes took place between QSD and IS in Abu Kamal
    district', one a day: merging them took the Syria file's date from 0.980 to 0.963)."""
    if stated_days(a, mentions) and stated_days(b, mentions):
        return False
    pa, pb = _published(a), _published(b)
    if pa is None or pb is None:
        return True
    if abs((pa - pb).days) > COPY_DAYS:
        return False
    return pa == pb or not (_outlets(a) & _outlets(b))


def _outlets(e: Event) -> set[str]:
    """Every outlet an event's reports name (an outlet field may list several: 'SOHR; Liveuamap')."""
    return {n.strip().casefold() for s in e.sources if s.outlet for n in re.split(r"[;,]", s.outlet) if n.strip()}


def stated_days(e: Event, mentions) -> set[date]:
    """The days that the articles of an event state for its day ('on Tuesday'; 'the night of
    Wednesday to Thursday': both days); empty when its day was inferred from a publication day.
    `mentions(article_id)` gives an article's day-precision date mentions."""
    out: set[date] = set()
    for article_id in {s.article_id for s in e.sources}:
        for m, lang in mentions(article_id):
            days = set(m.days or (m.day,))
            if e.event_date in days:
                out |= days | _edges(m, lang)
    return out


@functools.lru_cache(maxsize=None)
def _edge_cues(lang: str) -> tuple:
    """Regexes of lang/<code>/dates.yaml's edge_of_next_day and edge_of_previous_day (None: empty)."""
    data = langdata.load(lang, "dates")
    return tuple(re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data[key]) + r")\b")
                 if data.get(key) else None for key in ("edge_of_next_day", "edge_of_previous_day"))


def _edges(m, lang: str) -> set[date]:
    """'Late Saturday night' touches Sunday; 'early Sunday morning' touches Saturday."""
    nxt, prev = _edge_cues(lang)
    low = m.text.lower()
    days = m.days or (m.day,)
    out = set()
    if nxt and nxt.search(low):
        out.add(max(days) + timedelta(days=1))
    if prev and prev.search(low):
        out.add(min(days) - timedelta(days=1))
    return out


def _span(e: Event) -> tuple[date, date]:
    return e.event_date, e.event_date + timedelta(days=SPAN_DAYS.get(e.date_precision, 1) - 1)


def _published(e: Event) -> date | None:
    """The day the event was first reported: no report tells of a later day."""
    days = [s.published for s in e.sources if s.published]
    return min(days) if days else None


def km(a: Location, b: Location) -> float | None:
    """Great-circle distance in kilometres, None without coordinates."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def same_name(a: Location, b: Location) -> bool:
    if a.geonames_id and b.geonames_id and a.geonames_id == b.geonames_id:
        return True
    return a.name.casefold() == b.name.casefold() and (a.admin1 == b.admin1 or None in (a.admin1, b.admin1))


def in_county(town: Location, county: Location) -> bool:
    """A place inside the county (admin2) another report names as its place."""
    return bool(county.admin2 and county.name == county.admin2 and town.name != county.name
                and town.admin2 == county.admin2 and town.admin1 == county.admin1)


def _county_pair(a: Event, b: Event) -> bool:
    return in_county(a.location, b.location) or in_county(b.location, a.location)


def places_agree(a: Location, b: Location) -> bool:
    """One town; a town inside the province another report names; a spot near the other."""
    if a.country and b.country and a.country != b.country:
        return False
    if UNKNOWN_NAME in (a.name, b.name) or (a.geo_precision == 3 and not a.admin1) \
            or (b.geo_precision == 3 and not b.admin1):
        # "Unknown", or only a country: two shootings somewhere in the United States on one day are
        # not one event for lack of a place (GVA: 700 such reports chained into false merges)
        return False
    if same_name(a, b):
        return True
    for wide, narrow in ((a, b), (b, a)):
        if wide.geo_precision == 3 and wide.admin1 and wide.admin1 == narrow.admin1:
            return True
        if in_county(narrow, wide):
            # a town and the county (district) it lies in: a local station names the town, a
            # regional one the county ('Mooresville' and 'Iredell County', 30 km apart)
            return True
    d = km(a, b)
    if min(a.geo_precision, b.geo_precision) == 1:
        # a town named as the place, and another place named near it: two places a coder tells
        # apart ('near Harasta' and 'in Beit Sahm', 10 km apart, are two of ACLED's rows)
        return d is not None and d <= SAME_SPOT_KM[1]
    return d is not None and d <= SAME_SPOT_KM.get(max(a.geo_precision, b.geo_precision), 0.0)


def same_event(a: Event, b: Event, lang: str, mentions=None) -> bool:
    """Could two reports tell one event (CODEBOOK: one action, one place, one day)?"""
    if (a.location.geo_precision == 3) != (b.location.geo_precision == 3):
        # a report placed only at its province does not say which of the province's towns it
        # tells of: it is one event with another province-wide report only (GVA: such merges
        # were 95 right and 74 wrong; dropping them took B-cubed F1 from 0.873 to 0.879)
        return False
    if captures_differ(a, b):
        return False
    return ((same_kind(a, b, lang) or one_act(a, b, lang, family, same_name)
             or one_destruction(a, b, lang, family, _by_sub(lang)))
            and (days_agree(a, b, mentions) or one_victim(a, b, lang, family, same_name))
            and places_agree(a.location, b.location) and _nothing_differs(a, b, lang))


def _nothing_differs(a: Event, b: Event, lang: str) -> bool:
    """Sides, settlements, one newsroom's two tolls, hours: what two reports of one event never differ on."""
    return (actors_agree(a, b, lang) and not settlements_differ(a, b, lang)
            and not one_newsroom_twice(a, b, lang) and not tolls_differ(a, b) and not times_differ(a, b, lang))


def namesakes_agree(a: Event, b: Event, lang: str, mentions=None) -> bool:
    """Two reports of one kind, day and toll at towns of one name that the gazetteer put in two
    provinces or countries: one town (GVA: 'Pasadena' in Texas and California, 'York' in
    Pennsylvania and England; such pairs of events a day apart were 81% one incident)."""
    la, lb = a.location, b.location
    if la.geo_precision != 1 or lb.geo_precision != 1 or la.name.casefold() != lb.name.casefold() \
            or UNKNOWN_NAME == la.name or (la.iso3, la.admin1) == (lb.iso3, lb.admin1):
        return False
    return (not captures_differ(a, b) and same_kind(a, b, lang) and days_agree(a, b, mentions)
            and _nothing_differs(a, b, lang))


def _one_source_or_two_days(a: Event, b: Event, mentions) -> bool:
    """What keeps two reports told alike apart: one outlet in both, two days each report states
    (a monitor's notes written alike tell two events: ACLED Syria, 'Clashes took place between
    QSD and IS in Abu Kamal district', one a day: joining such notes by their words took the date
    figure from 0.982 to 0.854), or two towns of one country each report's own sentences name
    (ACLED global, a campaign's attacks or protests town by town)."""
    if _outlets(a) & _outlets(b):
        return True
    sa, sb = stated_days(a, mentions), stated_days(b, mentions)
    if sa and sb and not sa & sb:
        return True
    la, lb = a.location, b.location
    return bool(la.iso3 and la.iso3 == lb.iso3 and la.geo_precision <= 2 and lb.geo_precision <= 2
                and not places_agree(la, lb) and story.names_own_place(a) and story.names_own_place(b))


def _killed(e: Event) -> int | None:
    return e.fatalities.best


def _rank(new: Event, old: Event) -> tuple:
    """Best candidate first: same place name, same day, same sub-type, same toll, nearest, the
    most confident (a report of recent weeks agrees with every day of them: the stored report's
    main event, not its headline's re-telling, is the one it tells)."""
    d = km(new.location, old.location)
    return (not same_name(new.location, old.location), new.event_date != old.event_date,
            new.sub_event_type != old.sub_event_type, _killed(new) != _killed(old),
            d if d is not None else 1e9, -old.confidence, old.event_id)


# --- merging ------------------------------------------------------------------------------------

def fatalities(claims, parts: list[Fatalities], lang: str) -> Fatalities:
    """ACLED's conservative rule over every report's claims (casualties.fatalities), low and high
    spanning every report's own."""
    unique, seen = [], set()
    for c in claims:
        # a re-published sentence is one report, not two: its claims count once
        key = (c.kind, c.count, c.qualifier, c.group, c.quote)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    f = cas.fatalities(unique, lang)
    bests = [p.best for p in parts if p.best is not None]
    if f.best is None:
        if not bests:
            return Fatalities()
        # no killed claim but a stated toll ('no one was killed'): the smallest stated
        f = Fatalities(best=min(bests))
    floors = {c.count for c in unique if c.kind == "killed" and c.qualifier in LOWER_BOUNDS}
    if f.best is not None and bests and min(bests) < f.best and min(bests) in floors:
        # one report's own toll is a floor ('at least 100', a monitor's count) under another's
        # larger figure ('1,300', the opposition's): ACLED's conservative rule keeps the floor
        f = replace(f, best=min(bests))
    lows = [v for p in parts for v in (p.low,) if v is not None] + [f.low if f.low is not None else f.best]
    highs = [v for p in parts for v in (p.high,) if v is not None] + [f.high if f.high is not None else f.best]
    groups = {g: getattr(f, g) if getattr(f, g) is not None else
              next((getattr(p, g) for p in parts if getattr(p, g) is not None), None)
              for g in ("civilians", "children", "women")}
    return Fatalities(best=f.best, low=min(lows), high=max(highs), **groups)


def merge(old: Event, new: Event, lang: str, new_day: bool = False) -> Event:
    """One event with the sources and claims of both; the stored one's id, the finer place and day
    (`new_day`: the new report's day, stated where the stored one's was inferred)."""
    keys = {(s.article_id, s.start, s.end) for s in old.sources}
    sources = old.sources + tuple(s for s in new.sources if (s.article_id, s.start, s.end) not in keys)
    claims = old.claims + tuple(c for c in new.claims if c not in old.claims)
    fat = fatalities(claims, [old.fatalities, new.fatalities], lang)
    loc = new.location if new.location.geo_precision < old.location.geo_precision else old.location
    day, precision = old.event_date, old.date_precision
    if new_day:
        day, precision = new.event_date, new.date_precision
    elif PRECISION_RANK.get(new.date_precision, 4) < PRECISION_RANK.get(precision, 4) and \
            new.event_date and _span(old)[0] <= new.event_date <= _span(old)[1]:
        day, precision = new.event_date, new.date_precision     # 'Saturday' within 'this week'
    # the stored report's sides, unless it named only a mediator (actors.yaml third_parties)
    sides = old if sides_only(old, lang).actor1 or not sides_only(new, lang).actor1 else new
    kind = old
    ro, rn = _by_sub(lang).get(old.sub_event_type), _by_sub(lang).get(new.sub_event_type)
    if ro and rn and rn.priority > ro.priority and rn.family != "protest":
        kind = new    # a shelling that kills civilians is a shelling (events.py's rule)
    merged = replace(old, event_date=day, date_precision=precision, event_type=kind.event_type,
                     sub_event_type=kind.sub_event_type, location=loc, fatalities=fat,
                     sources=sources, claims=claims, tags=tuple(sorted(set(old.tags) | set(new.tags))),
                     actor1=sides.actor1 or new.actor1, actor2=sides.actor2 or new.actor2,
                     confidence=max(old.confidence, new.confidence))
    return replace(merged, notes=notes(merged))


def notes(e: Event) -> str:
    """The ACLED-style line of events.py, with the number of reports."""
    when = f"On {e.event_date.isoformat()}" if e.event_date else "On an unknown date"
    who = f"{e.actor1.name}: " if e.actor1 else ""
    where = e.location.name + (f" ({e.location.country})" if e.location.country else "")
    toll = f" {e.fatalities.best} killed." if e.fatalities.best is not None else ""
    by = {c.attributed_to for c in e.claims if c.attributed_to}
    src = f" Figures per {', '.join(sorted(by))}." if by else ""
    n = len({s.article_id for s in e.sources})
    return f"{when}, {who}{e.sub_event_type.lower()} in {where}.{toll}{src} {n} reports."


# --- one article against the store ---------------------------------------------------------

def resolve(store, doc, events: list[Event]) -> Changes:
    """The events to write for a new article: its own, or stored ones it reports again."""
    lang = doc.lang
    changes = Changes()
    sig = signature(doc.text)
    dup_events: list[Event] = []
    if sig is not None:
        changes.signature = sig.astype("<u8").tobytes()
        changes.bands = band_keys(sig)
        similar = store.similar_articles(changes.bands)
        dups = sorted((a for a, s in similar.items() if jaccard(sig, s) >= NEAR_DUPLICATE),
                      key=lambda a: (-jaccard(sig, similar[a]), a))
        dup_events = [Event.from_json(o) for o in store.article_events(dups)]
    changes.people, named_events = linked_events(store, doc.text, lang)
    blocks = address_keys(doc.text, lang)
    changes.people += blocks
    block_events = [Event.from_json(o) for o in store.article_events(linked_articles(store, blocks, lang))] \
        if blocks else []
    # a note of a few dozen words is mostly its template: only stories are told in their own words
    story_keys = story.keys(events, lang) if story.is_story(doc.text) else []
    changes.people += story_keys
    stories: list[Event] | None = None     # read once, when an event first needs them
    cache: dict[str, list] = {}

    def mentions(article_id: str) -> list:
        """Day-precision dates an article states (read only for events a day apart)."""
        if article_id not in cache:
            text, ref, code = (doc.text, doc.ref_date, lang) if article_id == doc.id \
                else store.article_text(article_id)
            code = code or lang
            cache[article_id] = [(m, code) for m in find_dates(text, ref, code)
                                 if m.precision == "day" and m.day] if text else []
        return cache[article_id]

    touched: dict[str, Event] = {}      # stored events this article extends, latest version
    taken: set[str] = set()              # one stored event takes one event of an article
    fresh: list[Event] = []

    def current(e: Event) -> Event:
        return touched.get(e.event_id, e)

    # the people an article names are its main event's: another incident it recalls (GVA: a
    # Bristol report recalling Dallas's shooting of that day) joins their reports only in its province
    main = max(events, key=lambda x: x.confidence, default=None)
    for e in events:
        e_main = e is main
        e = e if e.event_id else e.with_id()
        # an update or copy of a stored dispatch: its event of the same kind and place, on any
        # day unless both state theirs (a copy's inferred day comes from its own publication day)
        cands = [current(x) for x in dup_events if x.event_id not in taken
                 and x.event_id not in changes.aliases and same_kind(e, x, lang) and not captures_differ(e, x)
                 and places_agree(e.location, x.location)
                 and not settlements_differ(e, x, lang)
                 and (days_agree(e, x, mentions) or copy_days(e, x, mentions))]
        if not cands:
            cands = [current(x) for x in _nearby(store, e) if x.event_id not in taken
                     and x.event_id not in changes.aliases and same_event(e, current(x), lang, mentions)]
        if any(_county_pair(e, x) for x in cands):
            # a county holds many towns: a report at the county and one at a town in it tell one
            # shooting when it is the only candidate and both give its toll (GVA: without the toll
            # and with several candidates, 'Wayne County' reports bridging Detroit's shootings of
            # one day made 171 wrong pairs for 48 right)
            cands = [x for x in cands if not _county_pair(e, x) or (
                len(cands) == 1 and e.fatalities.best is not None and e.fatalities.best == x.fatalities.best)]
        if not cands:
            # the same town named by both, read as homonyms in two provinces or countries
            cands = [current(x) for x in _namesakes(store, e) if x.event_id not in taken
                     and x.event_id not in changes.aliases and namesakes_agree(e, current(x), lang, mentions)]
        if not cands:
            # a report that gives the block of a stored report's incident, a few days later or
            # read as another kind (GVA: one quadruple shooting dated by two reports 6 days apart)
            cands = [current(x) for x in block_events if x.event_id not in taken
                     and x.event_id not in changes.aliases
                     and same_block(e, current(x), lang, family)]
        follow_up = False
        if not cands:
            # a report that names the victim of a stored report: one incident, whatever day each
            # infers (GVA: 1,700 pairs of one incident's reports are split by day or place)
            cands = [current(x) for x, strong in named_events if x.event_id not in taken
                     and (e_main or one_province(e, current(x)))
                     and x.event_id not in changes.aliases
                     and same_victim(e, current(x), lang, strong, family)]
            follow_up = bool(cands)
        if not cands:
            # another outlet's report of the story, placed elsewhere by a homonym (story.py)
            if stories is None:
                stories = story.linked_events(store, story_keys, events)
            cands = [current(x) for x in stories if x.event_id not in taken
                     and x.event_id not in changes.aliases and story.same_story(e, current(x), lang, family)
                     and not _one_source_or_two_days(e, current(x), mentions)]
        if not cands:
            fresh.append(e)
            continue
        cands.sort(key=lambda x: _rank(e, x))
        first = cands[0]
        stated_new, stated_old = stated_days(e, mentions), stated_days(first, mentions)
        # the new report's stated day, where the stored one's was inferred, or where the stored
        # one names a night of two days and the new one the day of them both name ('the night of
        # Tuesday to Wednesday' and 'Wednesday')
        stated = first.event_date != e.event_date and bool(stated_new) and \
            (not stated_old or (e.event_date in stated_old and first.event_date not in stated_new))
        if follow_up:
            # the earlier day is the incident's; the later one a follow-up's publication
            stated = e.event_date < first.event_date
        target = merge(first, e, lang, new_day=stated)
        for other in cands[1:]:
            # the new report bridges two stored events that are one: the first absorbs the other
            if same_event(target, other, lang, mentions):
                target = merge(target, other, lang)
                changes.aliases[other.event_id] = target.event_id
                touched.pop(other.event_id, None)
                taken.add(other.event_id)
        touched[target.event_id] = target
        taken.add(target.event_id)
    changes.events = list(touched.values()) + fresh
    return changes


def _namesakes(store, e: Event) -> list[Event]:
    """Stored events at a town of the event's name, in any area, within a day of its span."""
    if e.event_date is None or e.location.geo_precision != 1:
        return []
    first = (e.event_date - timedelta(days=1)).isoformat()
    last = (_span(e)[1] + timedelta(days=1)).isoformat()
    return [Event.from_json(o) for o in store.namesakes(first, last, e.location.name)]


def _nearby(store, e: Event) -> list[Event]:
    """Stored events of the event's area within a week of its span of days (the index's read)."""
    if e.event_date is None:
        return []
    first = (e.event_date - timedelta(days=WINDOW_DAYS)).isoformat()
    # from the span's last day: a month-precision report of recent weeks reaches its publication
    last = (_span(e)[1] + timedelta(days=WINDOW_DAYS)).isoformat()
    return [Event.from_json(o) for o in store.nearby(first, last, e.location.country, e.location.admin1)]

