"""ACLED's battle conventions across the sentences of one report, in every language.

A shelling or an air strike told beside ground fighting at the same place and day is part of that
battle: ACLED codes the clash and counts the strike's dead in it (Syria development file, all
Battles: 246 clashes were read as air strikes, 141 as shellings, 116 as IEDs). Remote fire that is
answered ("air defences intercepted the missiles", "QSD responded by shelling back") is an exchange
of fire between armed sides, a clash. The cues live in `lang/<code>/triggers.yaml`
(`answered_fire`).
"""
from __future__ import annotations

from dataclasses import replace

from .coding import armed_target
from .triggers import rules

# Remote violence that keeps its own sub-type beside fighting: a chemical attack is coded as such.
OWN_KIND = ("Chemical weapon",)
# How far below the battle a strike beside it ranks: the event confidence adds up to 0.05 for a
# precise place, so the gap must be larger than that.
BELOW = 0.1
# events.MIN_CONFIDENCE: the strike stays an event of its own, ranked after the battle.
FLOOR = 0.5


def _beside(a, b) -> bool:
    """Are two drafts at one place (or one unplaced) on one day?"""
    if a.day is not None and b.day is not None and a.day != b.day:
        return False
    return a.place is None or b.place is None or a.place.name == b.place.name \
        or a.place.name == b.place.parent or b.place.name == a.place.parent


def answered(drafts: list, doc, lang: str) -> None:
    """Remote fire answered by the other side's fire (told in its sentence) is a
    clash: both sides are armed and fight."""
    rx = rules(lang)["answered_fire"]
    if rx is None:
        return
    clash = rules(lang)["by_sub"]["Armed clash"]
    for d in drafts:
        if d.rule.family != "remote" or d.rule.sub_event_type in OWN_KIND:
            continue
        i = d.sentence.index
        if rx.search(doc.sentences[i].text.lower()):
            d.rule = clash


def remote_in_battle(drafts: list) -> None:
    """Strikes and blasts beside fighting rank below the battle and add their dead to it."""
    battles = [d for d in drafts if d.rule.family == "battle"]
    if not battles:
        return
    for d in drafts:
        if d.rule.family not in ("remote", "bomb") or d.rule.sub_event_type in OWN_KIND:
            continue
        b = next((b for b in battles if _beside(b, d)), None)
        if b is None:
            continue
        if b.sentence.paragraph != d.sentence.paragraph or abs(b.sentence.index - d.sentence.index) > 1:
            continue
        # below the battle, yet still told (an event under MIN_CONFIDENCE would be dropped)
        d.confidence = max(FLOOR, min(d.confidence, b.confidence - BELOW))
        # a figure a source of its own gives ("the Observatory said") stays that report's
        moved = [c for c in d.claims if c.kind == "killed" and c.role is None and not c.attributed_to]
        b.claims.extend(replace(c, role="besides") for c in moved)
        d.claims = [c for c in d.claims if c not in moved]


def armed_any(text: str, low: str, trig, triggers: list, groups: set, lang: str):
    """`coding.armed_target` read at every attack cue of the sentence, not only the one nearest
    the toll: "IS attacked regime positions ..., killing and injuring an unknown number of them"
    names its armed target after "attacked", none after "killing and injuring"."""
    rule = armed_target(text, low, trig, trig.rule, groups, lang)
    if rule is not trig.rule or trig.rule.sub_event_type != "Attack":
        return rule
    for t in triggers:
        # cues before the chosen one: a later cue's passive ("were shot and killed by two armed
        # men") would read the killers named before it as its target
        if t is not trig and t.rule is trig.rule and t.start < trig.start:
            other = armed_target(text, low, t, t.rule, groups, lang)
            if other is not t.rule:
                return other
    return rule


def bomb_in_fighting(violent: list, trig, low: str, lang: str):
    """A suicide bomb, car bomb or IED set off by one side within fighting told in the same clause
    ("clashed with QSD at a checkpoint, where 4 IS fighters detonated their explosive vests") is a
    weapon of that battle: ACLED codes the clash (Syria development file: 64 clashes were read as
    suicide bombs, 110 as IEDs)."""
    if trig is None or trig.rule.family != "bomb":
        return trig
    # the fighting told first, then the blast within it; not fighting only tried ("two suicide
    # bombers who attempted to infiltrate the camp"), nor a war told as the setting after the
    # blast ("bombings at two markets ..., as Iraqi forces battle IS in Mosul")
    tried = rules(lang)["attempt_before"]
    battle = [t for t in violent if t.rule.family == "battle" and not t.rule.requires_actor
              and t.start < trig.start and not (tried and tried.search(low[max(0, t.start - 45):t.start]))]
    return battle[0] if battle else trig
