"""Who fought: when two reports' actors and acts allow one event (resolve.py).

Reports of one fight name its two sides in either order, or one of them; reports of two fights of
one day and province name different pairs (ACLED's Syrian rows: regime against IS and rebels against
IS). A capture of ground is its own act. A mediator or investigator named beside an event (actors.yaml
third_parties) is no side of it.
"""
from __future__ import annotations

import functools
from dataclasses import replace

from . import lang as langdata
from .models import Event

# Actor types that name who was hit or who gathered, not an armed side: reports of one massacre
# differ on whether the dead were civilians or fighters, not on who fought.
UNARMED = ("Civilians", "Protesters", "Rioters")
# Captures of ground (CODEBOOK): a capture is one act, a fight or an attack at the same place
# another, and the government's capture and a group's are two.
TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def captures_differ(a: Event, b: Event) -> bool:
    """A capture of ground and another act (a fight, an attack, the other side's capture) at one
    place and day: ACLED codes both (merging them took Syria's sub_event_type from 0.905 to 0.888)."""
    return a.sub_event_type != b.sub_event_type and \
        (a.sub_event_type in TERRITORY or b.sub_event_type in TERRITORY)


def actors_agree(a: Event, b: Event, lang: str = "en") -> bool:
    """Both name a first actor: the same one, or the sides swapped. Two forces of one kind are not
    one actor: Russian air strikes and regime shelling on one town on one day are two events; a
    state's government and its military are one side ('le régime', 'Damas')."""
    a, b = sides_only(a, lang), sides_only(b, lang)
    if a.actor1 is None or b.actor1 is None:
        return True
    if _armed_pair(a) and _armed_pair(b) and \
            {_side(a.actor1), _side(a.actor2)} != {_side(b.actor1), _side(b.actor2)}:
        # two fights of one day and province between different armed sides: regime against IS
        # and rebels against IS are two of ACLED's rows (Syria: 470 such merges; GVA: 5)
        return False
    if _one_side(a.actor1, b.actor1):
        return True
    return any(_one_side(x, y) for x in (a.actor1, a.actor2) if x for y in (b.actor1, b.actor2) if y)


def _one_side(x, y) -> bool:
    """One side: the same, or a state's forces one report names without their country ('police',
    'authorities' in a report that names no country): GVA, 14 pairs of one incident's reports of
    one town and day were kept apart by 'Police Forces of Unknown' against the United States'."""
    return _side(x) == _side(y) or (x.type == y.type == "State forces" and not (x.country and y.country))


@functools.lru_cache(maxsize=None)
def _third_parties(lang: str) -> frozenset:
    return frozenset(langdata.load(lang, "actors").get("third_parties") or ())


def sides_only(e: Event, lang: str) -> Event:
    """The event without a mediator or investigator named as its actor (actors.yaml third_parties)."""
    third = _third_parties(lang)
    a1, a2 = (None if x is None or x.name in third else x for x in (e.actor1, e.actor2))
    if (a1, a2) == (e.actor1, e.actor2):
        return e
    return replace(e, actor1=a1, actor2=a2 if a1 else None)


def _armed_pair(e: Event) -> bool:
    """Both sides named, and both armed."""
    return bool(e.actor1 and e.actor2 and e.actor1.type not in UNARMED and e.actor2.type not in UNARMED)


def _side(actor) -> tuple:
    """A state's forces by their country; any other actor by its name."""
    if actor.type == "State forces" and actor.country:
        return (actor.type, actor.country)
    return (actor.name,)
