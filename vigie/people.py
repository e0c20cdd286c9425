"""Named people across reports: a follow-up (an arrest, a charge, a trial) weeks after an incident
finds the incident's earlier reports through the victim or suspect it names.

Three kinds of key per article, indexed in the store (article_people):
- 'Jane Doe|23': a person named with an age (casualties.yaml person_age). Two reports that name
  one person with one age tell one incident (GVA: 94% of such article pairs).
- '@Jane Doe': the same person's name alone; '~Jane Doe': any capitalized first and last name the
  text mentions. A report that names a person with an age, and another that mentions that name
  without it, are linked more weakly: they must also agree on the province (GVA: 89% of pairs).
A name in more than a few stored articles is a public figure (a police chief, a mayor), not a
victim: it links nothing.
"""
from __future__ import annotations

import functools
import re

from . import lang as langdata
from .extract.triggers import VIOLENT_FAMILIES
from .models import Event

# A person named with an age in at most this many stored articles is a victim or a suspect; a
# police chief is named in dozens. A name without its age is more common ('David Wilson' in two
# states): at most 3 articles (GVA: 89% of the pairs it links are one incident; 5: 83%).
STRONG_ARTICLES = 5
WEAK_ARTICLES = 3
# A follow-up (charges, a trial, a funeral) names its victim up to a year after the incident.
PERSON_DAYS = 366
# A capitalized first name, up to two middle names or initials, and a last name.
PERSON_NAME = r"(?P<name>[A-ZÀ-Ö][a-zà-ÿ]+(?:[ -](?:[A-Z]\.|[A-ZÀ-Ö][a-zà-ÿ]+)){0,2} [A-ZÀ-Ö][a-zà-ÿA-Z'’-]+)"
_MENTION = re.compile(r"(?<![\w'’-])([A-ZÀ-Ö][a-zà-ÿ]+(?: [A-Z]\.)? [A-ZÀ-Ö][a-zà-ÿA-Z'’-]+)(?![\w'’-])")
STRONG, PERSON, MENTION = "|", "@", "~"


@functools.lru_cache(maxsize=None)
def _person_res(lang: str) -> tuple:
    return tuple(re.compile(p.replace("{name}", PERSON_NAME))
                 for p in langdata.load(lang, "casualties").get("person_age", []))


def _short(name: str) -> str:
    """'Officer John A. Smith' -> 'John Smith': initials and a title before the name left out."""
    words = [w for w in name.split() if not w.endswith(".")]
    return " ".join(words[-2:])


def person_keys(text: str, lang: str) -> list[str]:
    """'first last|age' of every person a text names with an age (casualties.yaml person_age)."""
    return sorted({f"{_short(m.group('name'))}{STRONG}{int(m.group('age'))}"
                   for r in _person_res(lang) for m in r.finditer(text)})


def keys(text: str, lang: str) -> list[str]:
    """Every key an article is indexed by: name|age, @name (named with an age), ~name (mentioned)."""
    strong = person_keys(text, lang)
    persons = {PERSON + k.split(STRONG)[0] for k in strong}
    mentions = {MENTION + _short(m.group(1)) for m in _MENTION.finditer(text)}
    return strong + sorted(persons) + sorted(mentions)


def linked_events(store, text: str, lang: str) -> tuple[list[str], list[tuple[Event, bool]]]:
    """(the article's keys, [(stored event, strong link?)]) of the stored articles naming its people."""
    ks = keys(text, lang)
    strong = [k for k in ks if STRONG in k]
    found = store.people_articles(strong, STRONG_ARTICLES) if strong else {}
    strong_ids = {a for ids in found.values() for a in ids}
    # a person this article names with an age, mentioned by a stored one, and the other way round
    mentioned = store.people_articles([k for k in ks if k[0] == MENTION], WEAK_ARTICLES)
    wanted = [MENTION + k[1:] for k in ks if k[0] == PERSON and MENTION + k[1:] in mentioned]
    weak_ids = {a for k in wanted for a in mentioned[k]}
    named = store.people_articles([PERSON + k[1:] for k in mentioned], WEAK_ARTICLES)
    weak_ids |= {a for ids in named.values() for a in ids}
    out = []
    for obj in store.article_events(sorted(strong_ids | weak_ids)):
        e = Event.from_json(obj)
        out.append((e, any(s.article_id in strong_ids for s in e.sources)))
    return ks, out


def same_victim(a: Event, b: Event, lang: str, strong: bool, family) -> bool:
    """Reports that name one person tell one incident: both violent, in one country, within a
    year (the later report's day is often its publication's: an arrest, a trial); a name without
    its age also needs the same province (or one report without one)."""
    return linked_reports(a, b, lang, family, PERSON_DAYS, same_admin1=not strong)


def linked_reports(a: Event, b: Event, lang: str, family, days: int, same_admin1: bool) -> bool:
    """Two reports a shared detail (a person, an address) may join: both violent, dated, in one
    country (and one province when asked, or one report without one), at most `days` apart."""
    if family(a, lang) not in VIOLENT_FAMILIES or family(b, lang) not in VIOLENT_FAMILIES:
        return False
    if a.event_date is None or b.event_date is None:
        return False
    la, lb = a.location, b.location
    if la.country and lb.country and la.country != lb.country:
        return False
    if same_admin1 and not one_province(a, b):
        return False
    return abs((a.event_date - b.event_date).days) <= days


def one_province(a: Event, b: Event) -> bool:
    """Are two reports in one province, or is one without a province?"""
    la, lb = a.location, b.location
    return not la.admin1 or not lb.admin1 or (la.iso3, la.admin1) == (lb.iso3, lb.admin1)
