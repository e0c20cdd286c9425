"""A coder's note on the toll, as ACLED-style notes write it, read as the event's fatalities.

ACLED notes often end on how the toll was coded: "Unknown fatalities coded as 10", "Total
fatalities of 28 are split, 14 each, between the two locations", "Fatalities distributed over the
activities in A, B and C". One report of fighting at several places is several events, each with
its share of the toll: the share, not the whole, is the event's figure. On the Syria development
file 1,371 of 3,749 fatality misses were rows whose note splits the toll this way.
The cues live in `lang/<code>/casualties.yaml` (`coded_total`, `toll_split`, `split_each`,
`split_count`, `split_list`).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import replace

from .. import lang as langdata
from ..models import Claim
from . import casualties as cas
from .numbers import find_numbers


class _Any:
    """Patterns that each name their groups alike ("n", "k"): one regex each, the first match wins."""

    def __init__(self, patterns):
        self.rxs = [re.compile(r"(?<!\w)(?:" + p + r")(?!\w)") for p in patterns or ()]

    def search(self, text: str):
        found = [m for m in (rx.search(text) for rx in self.rxs) if m]
        return min(found, key=lambda m: m.start()) if found else None

    def finditer(self, text: str):
        return sorted((m for rx in self.rxs for m in rx.finditer(text)), key=lambda m: m.start())


@functools.lru_cache(maxsize=None)
def rules(lang: str) -> dict:
    """Compiled cues of a coder's note on the toll."""
    c = langdata.load(lang, "casualties")
    return {k: _Any(c.get(k)) for k in ("coded_total", "toll_split", "split_each", "split_count",
                                       "split_list")}


def _value(text: str, lang: str) -> int | None:
    """The figure a short phrase gives ("10", "two", "both" is read by the caller)."""
    nums = find_numbers(text, lang)
    return int(nums[0].value) if nums else None


def note_toll(text: str, best: int | None, lang: str) -> int | None:
    """The toll a coder's note gives the event, or None when the text has no such note.

    `best` is the toll read from the report itself, the whole to share when the note names no
    total ("Distributed fatalities over the activities in A and B")."""
    r = rules(lang)
    low = text.lower()
    coded = r["coded_total"].search(low)
    total = _value(coded.group("n"), lang) if coded else None
    split = r["toll_split"].search(low)
    if split is None:
        return total
    # the note's sentence, from the split cue to its end: "split between 5 events, with 8 each"
    end = low.find(". ", split.end())
    tail = low[split.end():end if end >= 0 else len(low)]
    head = low[max(0, low.rfind(". ", 0, split.start()) + 1):split.start()]
    if total is None:
        # "Eight fatalities distributed over two locations", "These 42 total fatalities are split"
        nums = find_numbers(head, lang)
        total = int(nums[-1].value) if nums else best
    each = r["split_each"].finditer(tail)
    shares = {_value(m.group("n"), lang) for m in each} - {None}
    if len(shares) == 1 and not r["split_list"].search(tail):
        return shares.pop()              # "14 each", "spread evenly with each allocated 2"
    count = r["split_count"].search(tail)
    k = (_value(count.group("k"), lang) or 2) if count else None
    # the figures given to places, not the count of places ("between the 3 events with 3 coded
    # to Rahjan, 3 to Shakkushiyah, and 4 to Ithariyah")
    parts = [int(n.value) for n in find_numbers(tail, lang)
             if not (count and count.start() <= n.start < count.end())]
    if total and k and not parts:
        return total // k                # "coded as 10 and split between the 5 locations"
    if len(parts) >= 2:
        # "2 Jobas, 2 Turnabah, 5 Saraqab, 2 Fleifel": without knowing which place is this
        # event's, the share most places got is the likeliest
        return Counter(parts).most_common(1)[0][0]
    if total and not count:
        # "over the activities in Yarmouk Camp, Hajar Aswad, Al-Qadam, Al-Midan", "divided on Ein
        # Terma and Jobar": one share for each place named
        m = r["split_list"].search(tail)
        places = [p for p in re.split(r",|\band\b|&", tail[m.end():] if m else tail) if p.strip(" .")]
        if len(places) >= 2:
            return total // len(places)
    return total


def shared(events: list, text: str, lang: str) -> list:
    """The article's main event with the toll its coder's note gives it."""
    if not events:
        return events
    first = events[0]
    toll = note_toll(text, first.fatalities.best, lang)
    if toll is None or toll == first.fatalities.best:
        return events
    fat = replace(first.fatalities, best=toll, low=toll, high=max(toll, first.fatalities.high or 0))
    # the note's figure becomes the event's one killed claim, so that merging reports across
    # articles, which recomputes the toll from claims, keeps it
    article = first.sources[0].article_id if first.sources else ""
    note = Claim(kind="killed", count=toll, qualifier="exact", article_id=article,
                 quote=_note_sentence(text, lang))
    claims = tuple(c for c in first.claims if c.kind != "killed") + (note,)
    return [replace(first, fatalities=fat, claims=claims)] + events[1:]


def _note_sentence(text: str, lang: str) -> str:
    """The sentence of the coder's note, quoted as the claim's evidence."""
    r = rules(lang)
    m = r["toll_split"].search(text.lower()) or r["coded_total"].search(text.lower())
    if m is None:
        return ""
    start = text.rfind(". ", 0, m.start()) + 1
    end = text.find(". ", m.end())
    return text[start:end + 1 if end >= 0 else len(text)].strip()


def victim_nouns(triggers: list, figs: list, low: str, lang: str) -> list:
    """Attack cues that are the noun a toll counts ("1 gunman was killed", "two snipers died")
    name the victims, not the act: they are dropped, so the toll joins the event told before it rather than
    making an attack of its own (Syria development rows: 9 of 25 sampled clashes whose toll came
    out as a second event)."""
    group = cas.rules(lang)["group"]
    spans = []
    for f in figs:
        # and the detained ("detained two gunmen": no shooting is told)
        m = group.match(low[f.end:]) if f.kind in ("killed", "injured", "arrested") else None
        if m:
            spans.append((f.end, f.end + m.end()))
    # protesters killed still tell a protest ("deux manifestants tués"): only an attacker's noun
    return [t for t in triggers
            if t.rule.family != "attack" or not any(a <= t.start < b for a, b in spans)]
