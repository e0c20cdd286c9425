"""Actors of a sentence: aliases in `lang/<code>/actors.yaml` -> ACLED-style normalized actors."""
from __future__ import annotations

import functools
import re

from .. import lang as langdata
from ..models import Actor


@functools.lru_cache(maxsize=None)
def _entries(lang: str) -> tuple[list[tuple[re.Pattern, dict]], list[str]]:
    data = langdata.load(lang, "actors")
    entries = []
    for e in data.get("actors", []):
        rx = re.compile(r"(?<!\w)(?:" + "|".join(e.get("aliases", [])) + r")(?!\w)")
        entries.append((rx, e))
    return entries, data.get("perpetrator_order", [])


def find_actors(text: str, lang: str, country: str | None) -> list[tuple[int, Actor]]:
    """Every actor named in a text with its offset, one per normalized name, in text order."""
    entries, _ = _entries(lang)
    low = text.lower()
    found: dict[str, tuple[int, Actor]] = {}
    taken: list[tuple[int, int]] = []
    for rx, e in entries:
        for m in rx.finditer(low):
            if any(s < m.end() and m.start() < t for s, t in taken):
                continue                 # "l'aviation russe" is Russia's, not also the regime's
            c = country or "Unknown"
            name = e["name"].format(country=c)
            if name not in found:
                found[name] = (m.start(), Actor(name=name, type=e.get("type"),
                                                country=e.get("country") or country,
                                                mention=text[m.start():m.end()]))
            taken.append((m.start(), m.end()))
            break
    return sorted(found.values(), key=lambda x: x[0])


def roles(actors: list[tuple[int, Actor]], lang: str, victims: tuple[str, ...] = ()
          ) -> tuple[Actor | None, Actor | None]:
    """actor1 (who acts) and actor2 (who is acted upon) among the actors of a sentence."""
    _, order = _entries(lang)
    rank = {t: i for i, t in enumerate(order)}
    ranked = sorted((a for _, a in actors), key=lambda a: rank.get(a.type, 99))
    acting = [a for a in ranked if a.type not in victims]
    target = [a for a in ranked if a.type in victims]
    actor1 = acting[0] if acting else None
    rest = [a for a in acting[1:] if a.type != (actor1.type if actor1 else None)] + target
    return actor1, (rest[0] if rest else None)
