"""Clock times the reports give, for resolution: two shootings in one city on one day, one "about
10:15 a.m." and one "at 10:33 p.m.", are two events.

A big city has several shootings a day (GVA: Chicago, Baltimore, Philadelphia), each reported at
the city with the same day and often no toll to tell them apart. Local reports give the hour
("Residents called police with reports of shots fired at 10:33 p.m."); two reports whose hours are
all far apart tell two incidents. An hour of an aftermath ("pronounced dead at 2:12 a.m.") lies
near its incident's, so every pair of hours must be far apart, not one.
"""
from __future__ import annotations

import functools
import re

from . import lang as langdata
from .models import Event

# Hours apart from which two reports' clock times tell two incidents: an aftermath (a death in
# hospital, a suspect's arrest) is reported within a few hours of its shooting.
CLOCK_GAP_MINUTES = 3 * 60
DAY_MINUTES = 24 * 60


@functools.lru_cache(maxsize=None)
def _clock(lang: str) -> tuple[re.Pattern | None, dict[str, int]]:
    """(dates.yaml clock_time regex, clock_words: word -> hour)."""
    data = langdata.load(lang, "dates")
    rx = data.get("clock_time")
    words = {k.casefold(): int(v) for k, v in (data.get("clock_words") or {}).items()}
    if words:
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        rx = rf"(?:{rx})|(?<!\w)(?P<word>{alt})(?!\w)" if rx else rf"(?<!\w)(?P<word>{alt})(?!\w)"
    return (re.compile(rx, re.I) if rx else None), words


@functools.lru_cache(maxsize=50_000)
def clock_times(text: str, lang: str) -> frozenset[int]:
    """Minutes after midnight of each clock time the text names ('10:15 a.m.', 'noon', '22h30');
    cached: a stored report's sentences are read again for each new report beside it."""
    rx, words = _clock(lang)
    out: set[int] = set()
    for m in rx.finditer(text or "") if rx else ():
        g = m.groupdict()
        if g.get("word"):
            out.add(words[g["word"].casefold()] * 60)
            continue
        hour, minute = int(g["h"]), int(g.get("m") or 0)
        ampm = (g.get("ap") or "").casefold()[:1]
        if ampm:
            hour = hour % 12 + (12 if ampm == "p" else 0)
        if 0 <= hour < 24:
            out.add(hour * 60 + minute)
    return frozenset(out)


def event_times(e: Event, lang: str) -> set[int]:
    """Clock times of the event's report sentences."""
    return set().union(*(clock_times(s.quote or "", lang) for s in e.sources)) if e.sources else set()


def times_differ(a: Event, b: Event, lang: str) -> bool:
    """Do both reports give clock times of one day, every pair of them far apart?"""
    if a.event_date is None or a.event_date != b.event_date:
        return False
    ta, tb = event_times(a, lang), event_times(b, lang)
    if not ta or not tb:
        return False
    gap = min(min(abs(x - y), DAY_MINUTES - abs(x - y)) for x in ta for y in tb)
    return gap > CLOCK_GAP_MINUTES
