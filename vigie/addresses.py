"""Street addresses across reports: two reports of one town that give one block ('the 800 block of
19th Street', '812 19th St.') within a few days tell one incident, whatever day or kind each reads.

Local news gives the block of a shooting in nearly every report, while the day each infers differs
(a report published days later is dated by its publication) and the place each geocodes differs
(a neighbourhood, a suburb's name). Keys are indexed with the people keys (article_people) under
ADDRESS: '#800|19th street'. A house number is rounded to its block of a hundred.
"""
from __future__ import annotations

import functools
import re

from . import lang as langdata
from .models import Event
from .people import linked_reports

ADDRESS = "#"
# A block where shootings recur (a bar, a housing complex) is named by many reports of different
# incidents; within a week, at most 4 stored articles naming it tell one incident.
ADDRESS_ARTICLES = 4
# A report published days later (a death in hospital, a vigil, an arrest) names the same block.
ADDRESS_DAYS = 7


@functools.lru_cache(maxsize=None)
def _rules(lang: str) -> tuple[list[re.Pattern], dict[str, str], re.Pattern | None]:
    """(address regexes with number and street, street-type word -> its full form, leading
    direction words)."""
    data = langdata.load(lang, "places")
    types = {w.casefold(): full for full, words in (data.get("street_types") or {}).items()
             for w in [full, *words]}
    kind = "|".join(sorted(map(re.escape, types), key=len, reverse=True)) or "(?!)"
    res = [re.compile(p.replace("{street_type}", kind)) for p in data.get("street_address") or []]
    dirs = data.get("street_directions") or []
    lead = re.compile(r"^(?:" + "|".join(map(re.escape, dirs)) + r")\.?\s+", re.I) if dirs else None
    return res, types, lead


def _street(name: str, lang: str) -> str:
    """'N. 19th St.' -> '19th street': case, dots, a leading direction and the type's spelling folded."""
    _, types, lead = _rules(lang)
    words = re.sub(r"[.,]", " ", name).split()
    s = " ".join(words)
    if lead:
        s = lead.sub("", s + " ").strip() or s
    words = s.casefold().split()
    for i, w in enumerate(words):
        if w in types:
            words[i] = types[w].casefold()
    return " ".join(words)


def address_keys(text: str, lang: str) -> list[str]:
    """'#block|street' of every street address a text gives, '#|street' of every street it names
    (places.yaml street_address; a street named without a number has only the latter)."""
    res, _, _ = _rules(lang)
    out = set()
    for r in res:
        for m in r.finditer(text or ""):
            street = _street(m.group("street"), lang)
            if not street:
                continue
            out.add(f"{ADDRESS}|{street}")
            if m.groupdict().get("number"):
                out.add(f"{ADDRESS}{int(m.group('number')) // 100 * 100}|{street}")
    return sorted(out)


def _blocks(keys) -> dict[str, set[str]]:
    """street -> the blocks the keys give on it."""
    out: dict[str, set[str]] = {}
    for k in keys:
        block, street = k[len(ADDRESS):].split("|", 1)
        if block:
            out.setdefault(street, set()).add(block)
    return out


def linked_articles(store, keys: list[str], lang: str) -> list[str]:
    """Stored articles that give one of these blocks, or name one of these streets without giving
    another block on it ('on Trailer Park Court' and 'the 4900 block of Trailer Park Court')."""
    found = store.people_articles(keys, ADDRESS_ARTICLES) if keys else {}
    mine = _blocks(keys)
    out: set[str] = set()
    for key, ids in found.items():
        block, street = key[len(ADDRESS):].split("|", 1)
        if block:
            out.update(ids)
            continue
        for a in ids:
            if a in out:
                continue
            theirs = _blocks(address_keys(store.article_text(a)[0] or "", lang)) if street in mine else {}
            if not (mine.get(street) and theirs.get(street) and not mine[street] & theirs[street]):
                out.add(a)
    return sorted(out)


def same_block(a: Event, b: Event, lang: str, family) -> bool:
    """Reports that give one block: both violent, in one province (or one without one), at most
    ADDRESS_DAYS apart."""
    return linked_reports(a, b, lang, family, ADDRESS_DAYS, same_admin1=True)
