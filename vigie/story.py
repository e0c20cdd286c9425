"""One story told in other words: reports of one incident whose event sentences share rare words.

Two outlets write their own sentences about one shooting, yet name the same street, victim, venue
and weapon ("the Broad River bridge", "a father-son fishing trip"). Weighting each word by its
rarity in the language at large (wordfreq's Zipf scale, a fixed table shipped with the package, so
that a word weighs the same whatever is stored and in whatever order), two reports' event
sentences are compared by cosine. Two reports a geocoder placed apart (one town read in two
states, a report placed abroad) still find each other (GVA: event pairs of cosine >= 0.5 within
3 days, not merged otherwise, were 77 of one incident for 8 of two; B-cubed F1 +0.005).

Each article is indexed by the rarest words of its event sentences ('$newsome'), beside the
people keys in the store (article_people): the reports sharing one are its candidates.
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from datetime import timedelta

from .models import Event
from .one_act import ONE_SHOOTING   # told in the same words, one story (GVA: F1 +0.0005)

# A word as frequent as 'police' (Zipf 5.3) weighs 0.7; a surname (Zipf 2.5) 3.5; a word at or
# above Zipf 6 ('the', 'was', 'le') nothing.
RARITY_CEIL = 6.0
# Keys per article: its rarest words, found again in another report's sentences.
KEYS = 8
# A key in more stored articles than this is a common word of the feed ('gunshot'), not a story's.
KEY_ARTICLES = 30
# Cosine of two reports' event sentences from which they tell one story (GVA: 0.4 -> 75% of the
# new links right, 0.5 -> 91%, 0.6 -> 91% but half as many; B-cubed F1 at 0.40, 0.42, 0.45, 0.50:
# 0.8977, 0.8980, 0.8974, 0.8965).
SAME_STORY = 0.42
# Days apart two reports of one story may date it (GVA: 3 -> F1 +0.005, 7 -> +0.004, 30 -> -0.004).
STORY_DAYS = 3
# Acts of violence one incident of which outlets tell in their own words.
STORY_FAMILIES = ("remote", "bomb", "battle", "attack", "abduction", "riot")
# Words from which an article is a story, told in the outlet's own words. A monitor's note of a
# few dozen words (ACLED: median 29 words in Syria, 36 in the global sample, 99% under 125) is
# mostly its template ('IS gunmen shot and killed a QSD member in X'): linked by their words, one
# day's notes merged (ACLED Syria default fatalities 0.851 -> 0.846, date 0.982 -> 0.973). Local
# reports run longer (GVA: median 206 words; 90% over 42).
STORY_MIN_WORDS = 50
KEY = "$"
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]{2,}")


@functools.lru_cache(maxsize=200_000)
def rarity(word: str, lang: str) -> float:
    """How rare a word is in the language: RARITY_CEIL minus its Zipf frequency, at least 0."""
    from wordfreq import zipf_frequency
    return max(0.0, RARITY_CEIL - zipf_frequency(word, lang))


def vector(texts, lang: str) -> dict[str, float]:
    """The unit vector of a text's words, each (1 + log count) times its rarity."""
    return _vector(tuple(texts), lang)


@functools.lru_cache(maxsize=20_000)
def _vector(texts: tuple[str, ...], lang: str) -> dict[str, float]:
    # a stored event is compared with each new report near it: its vector is computed once
    counts = Counter(w for t in texts for w in _WORD.findall(t.lower()))
    v = {w: (1 + math.log(n)) * rarity(w, lang) for w, n in counts.items()}
    v = {w: x for w, x in v.items() if x > 0}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items()}


def is_story(text: str | None) -> bool:
    """Is the article long enough to tell its story in its own words?"""
    return len((text or "").split()) >= STORY_MIN_WORDS


def _sentences(e: Event) -> list[str]:
    return [s.quote for s in e.sources if s.quote]


def similarity(a: Event, b: Event, lang: str) -> float:
    """Cosine of two events' report sentences."""
    va, vb = vector(_sentences(a), lang), vector(_sentences(b), lang)
    if len(va) > len(vb):
        va, vb = vb, va
    return sum(x * vb.get(w, 0.0) for w, x in va.items())


def keys(events: list[Event], lang: str) -> list[str]:
    """The article's story keys: the KEYS rarest words of each of its events' sentences."""
    out: set[str] = set()
    for e in events:
        v = vector(_sentences(e), lang)
        out |= {KEY + w for w, _ in sorted(v.items(), key=lambda x: (-x[1], x[0]))[:KEYS]}
    return sorted(out)


def linked_events(store, story_keys: list[str], events: list[Event]) -> list[Event]:
    """Stored events, within STORY_DAYS of the article's, of the articles that share a story key."""
    found = store.people_articles(story_keys, KEY_ARTICLES) if story_keys else {}
    ids = sorted({a for ids in found.values() for a in ids})
    days = [e.event_date for e in events if e.event_date]
    if not ids or not days:
        return []
    # read only the days a story link may join: an article's keys find ~190 stored events (GVA)
    first, last = min(days) - timedelta(days=STORY_DAYS), max(days) + timedelta(days=STORY_DAYS)
    return [Event.from_json(o) for o in store.article_events(ids, first.isoformat(), last.isoformat())]


def same_story(a: Event, b: Event, lang: str, family) -> bool:
    """Two reports of one kind, dated at most STORY_DAYS apart, whose sentences tell one story."""
    if a.event_date is None or b.event_date is None or abs((a.event_date - b.event_date).days) > STORY_DAYS:
        return False
    fa, fb = family(a, lang), family(b, lang)
    if fa not in STORY_FAMILIES or fb not in STORY_FAMILIES:
        # protests of one campaign are told alike in each town ('BJP members staged protests in
        # Nashik city ... demanding the removal of Minister X', and in Thane): one event each
        return False
    if a.event_type != b.event_type and fa != fb and not {fa, fb} <= ONE_SHOOTING:
        return False
    return similarity(a, b, lang) >= SAME_STORY


def names_own_place(e: Event) -> bool:
    """Does a sentence of the event's reports name its place (accents aside)?"""
    name = f" {_fold(e.location.name)} "
    return any(name in f" {_fold(s.quote or '')} " for s in e.sources)


def _fold(text: str) -> str:
    """Lower case without accents, hyphens or apostrophes: 'Deir ez-Zor' is 'deir ez zor'."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain))
