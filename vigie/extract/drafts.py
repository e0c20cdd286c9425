"""The working records of extraction: what one sentence says, and an event being assembled."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..models import Actor, Claim, DateMention, Place, PlaceMention
from . import casualties as cas
from .triggers import Rule, Trigger


# Events told as background ("le massacre de Houla, le 25 mai") are not the news of the article;
# ACLED codes them from the reports of their own days. 14 days keeps a week's recap.
MAX_AGE_DAYS = 14
# ... unless its calendar day is written out ("Al-Koubeir, 6 juin.", "le 5 juin, l'armée avait pris
# Qousseir"): then it is one more report of that day's event, for resolution to join to the reports
# of its own day (French gold: 4 of 9 merge groups join a report to such a recap); it ranks below
# the article's news, 0.15 being the gap between a cue with a toll and one without.
BACKGROUND_PENALTY = 0.15
SPECIFICITY = {"district": 0, "town": 0, "crossing": 0, "region": 1, "admin1": 2, "country": 3}
VICTIM_TYPES = ("Civilians", "Protesters")
EXPLOSIVE = ("remote", "bomb")


@dataclass
class Sentence:
    """What the reading of one sentence found."""
    index: int
    start: int
    text: str
    low: str
    paragraph: int
    triggers: list[Trigger]
    dates: list[DateMention]
    figures: list[cas.Figure]
    mentions: list[PlaceMention]
    source: str | None
    quote: tuple[int, str] = (0, "")              # the whole sentence: (offset, text), for sources


@dataclass
class Draft:
    """An event being assembled; frozen into an `Event` at the end."""
    rule: Rule
    sentence: Sentence
    anchor: int                                   # offset of the cue in the sentence
    place: Place | None = None
    relation: str = "in"
    day: date | None = None
    days: tuple = ()
    precision: str = "unknown"
    named: bool = False                           # its day is a calendar date the text names
    news_day: bool = False                        # its day is the article's news day, told nowhere near it
    claims: list[Claim] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tags: set = field(default_factory=set)
    confidence: float = 0.5
    actor1: Actor | None = None
    actor2: Actor | None = None


def previous(drafts: list[Draft], s: Sentence, families, reach: int = 3) -> Draft | None:
    """The latest event of these families told in the `reach` sentences before this one."""
    for d in reversed(drafts):
        if s.index - d.sentences[-1].index > reach:
            return None
        if families is None or d.rule.family in families:
            return d
    return None
