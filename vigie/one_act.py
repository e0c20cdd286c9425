"""One act coded as two kinds: a shooting told as an attack by one report and as a clash by
another ("a suspect dead" reads as an exchange of fire), or as force against a crowd.

Kinds are read from each report's words, so two reports of one shooting disagree on them (GVA:
about 300 pairs of one incident's reports differed in kind, most an attack against an armed
clash). Within one town and day, a person's act of violence told with the same toll, or with a
victim of the same age, is one act whatever its kind; strikes and bombs keep their kinds apart.
"""
from __future__ import annotations

import functools
import re

from . import lang as langdata
from .models import Event

# Two reports that each state their day may still tell one shooting a day or two apart: one
# counts from the night it began, one from the death in hospital or the first police statement.
VICTIM_DAYS = 2
# Acts of people on the ground; air strikes, shelling and bombs are told alike by every report.
PERSON_FAMILIES = ("attack", "battle", "protest", "riot")
# The kinds one shooting is told as: an attack by one report, an exchange of fire by another ("a
# suspect opened fire, officers fired back"). With no death told by either, one act at one town and
# day (GVA: B-cubed F1 0.8998 -> 0.9007; ACLED Syria and global default runs unchanged to three
# decimals: their notes tell a clash and an attack of one village and day with deaths); told in
# the same words, one story (story.py).
ONE_SHOOTING = frozenset({"attack", "battle"})


@functools.lru_cache(maxsize=None)
def _age_res(lang: str) -> tuple:
    return tuple(re.compile(p) for p in langdata.load(lang, "casualties").get("victim_age", []))


def ages(text: str, lang: str) -> frozenset[int]:
    """The ages a text gives (casualties.yaml victim_age)."""
    return frozenset(int(m.group("age")) for r in _age_res(lang) for m in r.finditer(text or ""))


def _ages(e: Event, lang: str) -> frozenset[int]:
    return frozenset().union(*(ages(s.quote, lang) for s in e.sources))


def one_act(a: Event, b: Event, lang: str, family, same_name) -> bool:
    """Two kinds of personal violence at one town (by name) that share a toll above zero or a
    victim's age, or an attack and a clash neither of which killed; the caller checks the day."""
    fa, fb = family(a, lang), family(b, lang)
    if fa not in PERSON_FAMILIES or fb not in PERSON_FAMILIES:
        return False
    if a.location.geo_precision != 1 or b.location.geo_precision != 1 or not same_name(a.location, b.location):
        return False
    ka, kb = a.fatalities.best, b.fatalities.best
    if ka and kb and ka == kb:
        return True
    if not ka and not kb and {fa, fb} <= ONE_SHOOTING:
        return True
    return bool(_ages(a, lang) & _ages(b, lang))


def one_victim(a: Event, b: Event, lang: str, family, same_name) -> bool:
    """Personal violence at one town (by name), at most VICTIM_DAYS apart, with a victim of the
    same age in both reports' sentences: one act whatever day each states."""
    if family(a, lang) not in PERSON_FAMILIES or family(b, lang) not in PERSON_FAMILIES:
        return False
    if a.event_date is None or b.event_date is None or abs((a.event_date - b.event_date).days) > VICTIM_DAYS:
        return False
    if a.location.geo_precision != 1 or b.location.geo_precision != 1 or not same_name(a.location, b.location):
        return False
    return bool(_ages(a, lang) & _ages(b, lang))


# ACLED's sub-type for a building destroyed with no violence told.
DESTRUCTION = "Looting/property destruction"


def one_destruction(a: Event, b: Event, lang: str, family, by_sub) -> bool:
    """A building destroyed, told with no toll ("après avoir détruit le mausolée"), and a strike or
    fight whose own report says it destroyed one ("le mausolée a été bombardé et détruit"): the
    destruction is that strike's damage, one event; the caller checks the place and the day."""
    rule = by_sub.get(DESTRUCTION)
    if rule is None or rule.pattern is None:
        return False
    for ruin, act in ((a, b), (b, a)):
        if ruin.sub_event_type == DESTRUCTION and not ruin.fatalities.best \
                and family(act, lang) in ("remote", "bomb", "battle") \
                and any(rule.pattern.search(s.quote.lower()) for s in act.sources):
            return True
    return False
