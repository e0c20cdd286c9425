"""Event cues of a sentence, from `lang/<code>/triggers.yaml`."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lang as langdata

# A proper name as written: capitalised words, with the particles of transliterated names between
# them ("Kafr Nabl", "Deir al-Asafir", "Tal Abu Zaid"); 1 to 4 words.
_NAME = r"[A-Z][\w'’-]+(?:\s(?:(?:al|el|ad|as|ash|ar|az|bin|ibn|abu|um|de|du|la)[-\s])?[A-Z][\w'’-]+){0,3}"
VIOLENT_FAMILIES = ("remote", "bomb", "battle", "attack", "abduction", "protest", "riot")


@dataclass(frozen=True)
class Rule:
    event_type: str
    sub_event_type: str
    family: str
    priority: int
    strength: float
    pattern: re.Pattern | None
    tags: tuple[str, ...] = ()
    requires_actor: tuple[str, ...] = ()
    inferred: bool = False        # read from a death toll alone, with no cue of its own


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    rule: Rule


def _rx(patterns) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)")


@functools.lru_cache(maxsize=None)
def rules(lang: str) -> dict:
    """Compiled trigger rules and sentence-level cue lists of a language."""
    data = langdata.load(lang, "triggers")
    out = [Rule(e["event_type"], e["sub_event_type"], e["family"], e["priority"], e["strength"],
                _rx(e.get("patterns")), tuple(e.get("tags", ())), tuple(e.get("requires_actor", ())))
           for e in data.get("events", [])]
    force = data.get("protest_force", {})
    every = [p for e in data.get("events", []) for p in e.get("patterns") or []]
    return {
        "rules": out,
        "by_sub": {r.sub_event_type: r for r in out},
        "any": _rx(every),
        "force_excessive": _rx(force.get("excessive")),
        "force_intervention": _rx(force.get("intervention")),
        "talk_tags": {t: _rx(ps) for t, ps in data.get("talk_tags", {}).items()},
        "irrealis": _rx(data.get("irrealis")),
        "commentary": _rx(data.get("commentary")),
        "another": _rx(data.get("another")),
        "background_before": re.compile(r"(?:" + "|".join(data["background_before"]) + r")\s*$")
        if data.get("background_before") else None,
        "setting": _rx(data.get("setting")),
        "armed_targets": _rx(data.get("armed_targets")),
        "remote_in_support": _rx(data.get("remote_in_support")),
        "answered_fire": _rx(data.get("answered_fire")),
        "answer_verbs": _rx(data.get("answer_verbs")),
        "name_particle": re.compile(r"(?:" + "|".join(data["name_particle"]) + r")")
        if data.get("name_particle") else None,
        # case-sensitive: the group's name is capitalised
        "named_members": re.compile(r"(?<!\w)(?:" + "|".join(data["named_members"]) + r")(?!\w)")
        if data.get("named_members") else None,
        "civil_bodies": _rx(data.get("civil_bodies")),
        "member_not_before": re.compile(r"(?<!\w)(?:" + "|".join(data["member_not_before"]) + r")\s*(?:an? |the )?$")
        if data.get("member_not_before") else None,
        "capture_verbs": _rx(data.get("capture_verbs")),
        "protest_motive": _rx(data.get("protest_motive")),
        "motive_ends": _rx(data.get("motive_ends")),
        "crowds": _rx(data.get("crowds")),
        "armed_crowd": re.compile(r"(?<!\w)(?:" + "|".join(data["armed_crowd"]) + r")\s+$")
        if data.get("armed_crowd") else None,
        "protesting_crowds": _rx(data.get("protesting_crowds")),
        "generic_blasts": re.compile("|".join(data["generic_blasts"])) if data.get("generic_blasts") else None,
        "passive": _rx(data.get("passive")),
        "attempt_before": re.compile(r"(?<!\w)(?:" + "|".join(data["attempt_before"]) + r")\b[^,.;]*$")
        if data.get("attempt_before") else None,
        "crowd_may_fight": data.get("crowd_may_fight") or [],
        # words right before a cue: what they open ends at the cue
        "support_before": re.compile(r"(?<!\w)(?:" + "|".join(data["support_before"]) + r")\s+(?:[\w'’-]+\s+){0,4}$")
        if data.get("support_before") else None,
        "trait_between": _rx(data.get("trait_between")),
        "earlier_before": re.compile(r"(?<!\w)(?:" + "|".join(data["earlier_before"]) + r")\s*$")
        if data.get("earlier_before") else None,
        "possessive_after": re.compile("|".join(data["possessive_after"])) if data.get("possessive_after") else None,
        "note_labels": [(re.compile(r"\s*(?:" + k + r")\s*:"), v) for k, v in (data.get("note_labels") or {}).items()],
        # case-sensitive: the name after the place word is capitalised
        "place_intro": re.compile(r"(?<!\w)(?:" + "|".join(data["place_intro"]) + r")\s+(?P<name>"
                                  + _NAME + r")") if data.get("place_intro") else None,
        # the text up to a name's first letter ends with a place word: "in K", "in the village of K"
        "place_intro_end": re.compile(r"(?<!\w)(?:" + "|".join(data["place_intro"]) + r")\s+\w$")
        if data.get("place_intro") else None,
        "capture_articles": re.compile(r"(?:" + "|".join(data["capture_articles"]) + r")\s+")
        if data.get("capture_articles") else None,
        "agent": re.compile(r"(?<!\w)(?:" + "|".join(data["agent"]) + r")\b[^,.;]{0,20}$")
        if data.get("agent") else None,
        # an armed group named at most two words after a word of blame (quotes and a bracket between)
        "blame": re.compile(r"(?<!\w)(?:" + "|".join(data["blame"]) + r")\s*[\"«(]?\s*"
                            r"(?:[\w'’-]+[\"»)]?\s+[\"«(]?){0,2}$") if data.get("blame") else None,
        "hearsay": _rx(data.get("hearsay")),
        "place_not_event": re.compile(r"(?:" + "|".join(data.get("place_not_event", [])) + r")\s*$")
        if data.get("place_not_event") else None,
        "landmark_after": re.compile(r"^\s+(?:" + "|".join(data["landmark_after"]) + r")\b")
        if data.get("landmark_after") else None,
        "seats": [(re.compile(k), v) for k, v in (data.get("seats") or {}).items()],
        "clause_break": re.compile("|".join(data.get("clause_breaks", [])) or "(?!x)x"),
        "day_before": _opened_clause(data.get("day_before"), r"(?:^|,)"),
        "relative_clause": _opened_clause(data.get("relative_clause"), ","),
        "occurred_on": re.compile(r"(?:" + "|".join(data["occurred_on"]) + r")\W+(?:\w+\W+){0,2}$")
        if data.get("occurred_on") else None,
        "capital": _rx(data.get("capital")),
        "place_anaphora": re.compile(r"(?<!\w)(?:" + "|".join(data["place_anaphora"]) + r")(?!\w)")
        if data.get("place_anaphora") else None,
        "anaphora": re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(w) for w in data.get("anaphora", []))
                               + r")\s*$"),
    }


def _opened_clause(words, start: str) -> re.Pattern | None:
    """A regex for 'the text ends inside a clause opened by one of these words after `start`'."""
    return re.compile(start + r"\s*(?:" + "|".join(words) + r")\s[^,]*$") if words else None


def find_triggers(low: str, lang: str) -> list[Trigger]:
    """Every cue of the lower-cased sentence, best (highest priority) first."""
    r = rules(lang)
    if not r["any"] or not r["any"].search(low):
        return []
    found = []
    for rule in r["rules"]:
        if rule.pattern is None:
            continue
        found.extend(Trigger(m.start(), m.end(), rule) for m in rule.pattern.finditer(low))
    return sorted(found, key=lambda t: (-t.rule.priority, t.start))


def tags_of(low: str, lang: str) -> tuple[str, ...]:
    """CODEBOOK tags whose cues occur in the sentence."""
    return tuple(t for t, rx in rules(lang)["talk_tags"].items() if rx and rx.search(low))


def has(low: str, lang: str, key: str) -> bool:
    """Does the sentence carry a cue of list `key` (irrealis, commentary, ...)?"""
    rx = rules(lang)[key]
    return bool(rx and rx.search(low))


def is_anaphoric(low: str, trigger: Trigger, lang: str) -> bool:
    """Is the trigger's noun introduced by a word that refers back ('ces bombardements')?"""
    return bool(rules(lang)["anaphora"].search(low[max(0, trigger.start - 20):trigger.start]))
