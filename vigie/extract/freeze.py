"""Drafts of one article -> schema events: merged by the CODEBOOK unit, then frozen."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from ..models import Document, Event, Location, Place, Source
from . import casualties as cas
from . import coding
from .drafts import BACKGROUND_PENALTY, EXPLOSIVE, MAX_AGE_DAYS, Draft
from .triggers import VIOLENT_FAMILIES

# ACLED sub-types: force against a crowd told once as such and once as a bare attack is one act.
FORCE, ATTACK = "Excessive force against protesters", "Attack"


def merge(drafts: list[Draft]) -> list[Draft]:
    """Events of one family at one place on one day are one event (CODEBOOK 'The unit')."""
    out: list[Draft] = []
    for d in drafts:
        if d.place is None:
            out.append(d)
            continue
        # looked up by the places events have now: a city's event moves to its district below
        here = [e for e in out if e.place is not None and (e.place.name, e.day) == (d.place.name, d.day)]
        first = next((e for e in here if e.rule.family == d.rule.family), None)
        if first is None:
            # "ce week-end" (Saturday or Sunday) and "dimanche" at one place: one event
            first = next((e for e in out if e.rule.family == d.rule.family and e.place is not None
                          and e.place.name == d.place.name and max(len(e.days), len(d.days)) > 1
                          and set(e.days or (e.day,)) & set(d.days or (d.day,))), None)
        if first is None:
            # "raids sur Alep" in the title, "le quartier de Boustane al-Qasr" in the body: the
            # city and its district on one day are one event, placed at the district
            first = next((e for e in out if e.rule.family == d.rule.family and e.day == d.day
                          and e.place is not None and _contains(e.place, d.place)), None)
            if first is not None and first.place.name == d.place.parent:
                first.place, first.relation = d.place, d.relation
        if first is None and d.rule.family in VIOLENT_FAMILIES:
            # a toll with no cue of its own ("25 personnes ont été tuées hier à Deraa") is the toll
            # of the violent event told at the same place on the same day, whatever its kind
            first = next((e for e in here if e.rule.family in VIOLENT_FAMILIES
                          and (e.rule.inferred or d.rule.inferred) and _same_victims(e, d)), None)
        if first is None and d.rule.family in EXPLOSIVE:
            # "une double explosion" at the university, "deux roquettes" per Sana, "un raid
            # aérien" per activists: versions of one blast's cause, not three events
            first = next((e for e in here if e.rule.family in EXPLOSIVE
                          and not (tolls(e) and tolls(d))), None)
        crowd = None
        if first is None:
            # "the crowd was praying when soldiers opened fire" beside "40 protesters were killed by
            # gunfire" at the same place that day: one act of force against the crowd, told twice
            first = next((e for e in here if _fired_on_crowd(e, d)), None)
            crowd = first.rule if first is not None and first.rule.sub_event_type == FORCE else d.rule
        if first is None:
            out.append(d)
            continue
        if first.rule.inferred and not d.rule.inferred:
            first.rule = d.rule
        for s in d.sentences:
            if s not in first.sentences:
                first.sentences.append(s)
        first.claims.extend(c for c in d.claims if c not in first.claims)
        first.tags |= d.tags
        if d.rule.priority > first.rule.priority and d.rule.family not in ("protest",):
            first.rule = d.rule
        if crowd is not None:
            first.rule = crowd
        first.confidence = max(first.confidence, d.confidence)
        first.actor1 = first.actor1 or d.actor1
        first.actor2 = first.actor2 or d.actor2
    return out


def _fired_on_crowd(a: Draft, b: Draft) -> bool:
    """Is one draft force against protesters that killed protesters ("40 manifestants tués par des
    tirs"), and the other an attack by state forces, or by no one named, with no toll of its own
    ("la foule priait quand des soldats ont ouvert le feu"), told in sentences of its own? A sentence
    that tells both ("attacked civilians ... while in a demonstration") tells two acts (ACLED global
    file: an attack so merged lost its toll sentence to another event)."""
    kinds = {a.rule.sub_event_type: a, b.rule.sub_event_type: b}
    if FORCE not in kinds or ATTACK not in kinds or tolls(kinds[ATTACK]):
        return False
    if not any(c.kind == "killed" and c.group == "protesters" for c in kinds[FORCE].claims):
        # a vigil read as a protest, for a victim killed ("a vigil for her son who was killed"),
        # is no crowd fired on (GVA, first 1,500 articles: B-cubed recall 0.847 -> 0.846 so)
        return False
    shooter = kinds[ATTACK].actor1
    if shooter is not None and shooter.type != "State forces":
        return False             # force against protesters is the state's
    quotes = {s.quote for s in kinds[FORCE].sentences}
    return not any(s.quote in quotes for s in kinds[ATTACK].sentences)


def _contains(a: Place, b: Place) -> bool:
    """Is one place the district of the other?"""
    return bool((a.parent and a.parent == b.name) or (b.parent and b.parent == a.name))


def _foreign(place: Place, countries: Counter) -> bool:
    """Is the place outside the article's focus (its country named half as often as the top one)?"""
    if not countries or not place.iso3:
        return False
    return countries.get(place.iso3, 0) < max(countries.values()) / 2


def _same_victims(a: Draft, b: Draft) -> bool:
    """Could two tolls be reports of one event? "82 martyrs" and "au moins 83 morts" could; 16
    protesters shot and 10 policemen killed at Homs that day could not: two reports of one toll
    differ by a quarter at most (the alternative reports of the French development set: 82/83,
    40/42, 8/9)."""
    def low(d):
        return min((c.count for c in d.claims if c.kind == "killed"
                    and c.role != "part"), default=0)
    fa, fb = low(a), low(b)
    if not fa or not fb:
        return True
    return min(fa, fb) / max(fa, fb) >= 0.75


def tolls(d: Draft) -> bool:
    return any(c.kind == "killed" for c in d.claims)


def freeze(d: Draft, doc: Document, lang: str, countries: Counter, deniers: frozenset,
            news: date | None = None) -> Event | None:
    """The schema event of a draft; None for an event with neither place nor toll."""
    claims = tuple(replace(c, role="denied") if c.role is None and c.attributed_to in deniers else c
                   for c in d.claims)
    fat = cas.fatalities(claims, lang)
    if d.place is None or (d.place.kind == "country" and d.relation != coding.UNKNOWN_PLACE):
        # No place: "the fighting goes on", or a toll over the whole country ("au moins 26
        # manifestants ont été tués vendredi"), which CODEBOOK forbids as one event's deaths.
        return None
    ref = doc.ref_date
    # an old day is background unless it is the day of the news a follow-up article follows
    # a span of recent weeks lists its days up to the reference: its last day says how old it is
    recent = bool(d.day and ref and d.precision == "month" and ref in d.days)
    last = max(d.days) if recent else d.day
    old = bool(d.day and ref and (ref - last).days > MAX_AGE_DAYS and d.day != news)
    if (old and not d.named) or (d.day and ref and d.precision in ("month", "year") and not recent):
        # a month or year before the news ("en mars") is background; the weeks up to it are news
        # that a coder codes at month precision ("au cours des récentes semaines, ils ont pris X")
        return None
    if d.rule.family in VIOLENT_FAMILIES and d.rule.family != "protest" and not tolls(d) \
            and _foreign(d.place, countries):
        # "Washington a déployé des missiles Patriot", "la liaison Moscou-Damas" in a Syrian story:
        # violence told with no toll, away from the countries the article is about, is context
        # (not a protest: one abroad against the war is where its marchers are)
        return None
    loc = _location(d)
    if fat.best is None and cas.rules(lang)["no_deaths"].search(" ".join(s.low for s in d.sentences)):
        fat = type(fat)(best=0, low=0, high=0)
    a = doc.article
    outlet = (doc.dateline.outlet if doc.dateline and doc.dateline.outlet else None) or a.outlet
    quotes = sorted({s.quote for s in d.sentences})
    sources = tuple(Source(a.id, text, start, start + len(text), outlet, a.url, a.published)
                    for start, text in quotes)
    precision = d.precision if d.day else "unknown"
    conf = max(0.0, min(1.0, d.confidence + (0.05 if loc.geo_precision == 1 else 0)
                        - (BACKGROUND_PENALTY if old else 0)))
    ev = Event(event_date=d.day, date_precision=precision, event_type=d.rule.event_type,
               sub_event_type=d.rule.sub_event_type, location=loc, fatalities=fat,
               sources=sources, claims=claims, tags=tuple(sorted(d.tags)), actor1=d.actor1,
               actor2=d.actor2, confidence=conf,
               notes=_notes(d, loc, fat))
    return ev.with_id()


def _location(d: Draft) -> Location:
    p = d.place
    precision = 3 if p.kind in ("admin1", "country") or d.relation == "admin1" else \
        2 if d.relation in ("near", "around") or p.kind == "region" else 1
    return Location(name=p.name, country=p.country, geo_precision=precision, admin1=p.admin1,
                    admin2=p.admin2, iso3=p.iso3, lat=p.lat, lon=p.lon, geonames_id=p.geonames_id)


def _notes(d: Draft, loc: Location, fat) -> str:
    """A short English line, ACLED-style."""
    when = f"On {d.day.isoformat()}" if d.day else "On an unknown date"
    who = f"{d.actor1.name}: " if d.actor1 else ""
    where = loc.name + (f" ({loc.country})" if loc.country else "")
    toll = f" {fat.best} killed." if fat.best is not None else ""
    by = {c.attributed_to for c in d.claims if c.attributed_to}
    src = f" Figures per {', '.join(sorted(by))}." if by else ""
    return f"{when}, {who}{d.rule.sub_event_type.lower()} in {where}.{toll}{src}"
