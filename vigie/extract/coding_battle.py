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

from .targets import armed_target, armed_word
from .triggers import rules

# Remote violence that keeps its own sub-type beside fighting: a chemical attack is coded as such.
OWN_KIND = ("Chemical weapon",)
# Casualty groups (`casualties.yaml` `groups`) of armed dead.
ARMED_GROUPS = ("soldiers", "rebels")
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
    """Remote fire or a blast answered by the other side's fire, or that sets off fighting ("an
    IED exploded targeting a regime convoy, which led to clashes"), told in its sentence or the
    next, is a clash: both sides are armed and fight (Syria development file, first 4,000 rows:
    23 clashes read as shellings, 27 as IEDs)."""
    rx = rules(lang)["answered_fire"]
    if rx is None:
        return
    clash = rules(lang)["by_sub"]["Armed clash"]
    for d in drafts:
        if d.rule.family not in ("remote", "bomb") or d.rule.sub_event_type in OWN_KIND:
            continue
        i = d.sentence.index
        # the answer may come in the next sentence of the paragraph ("Israeli warplanes struck
        # ... . Regime air defences intercepted some of the missiles.")
        # when it tells the answer's act ("... will be delivered" tells none)
        told = [doc.sentences[i].text.lower()]
        verbs = rules(lang)["answer_verbs"]
        if i + 1 < len(doc.sentences) and doc.sentences[i + 1].paragraph == doc.sentences[i].paragraph \
                and verbs and verbs.search(doc.sentences[i + 1].text.lower()):
            told.append(doc.sentences[i + 1].text.lower())
        if any(rx.search(t) for t in told):
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
        if b.sentence.paragraph != d.sentence.paragraph:
            continue
        # further on in the paragraph, remote fire of the family the battle's own sentence named as its
        # support ("clashes, supported by Coalition aerial bombardment, ... . Coalition warplanes
        # killed 8 civilians") is that support again
        named = any(t.rule.family == d.rule.family for t in b.sentence.triggers)
        if abs(b.sentence.index - d.sentence.index) > (3 if named else 1):
            continue
        # below the battle, yet still told (an event under MIN_CONFIDENCE would be dropped)
        d.confidence = max(FLOOR, min(d.confidence, b.confidence - BELOW))
        # a figure a source of its own gives ("the Observatory said") stays that report's
        moved = [c for c in d.claims if c.kind == "killed" and c.role is None and not c.attributed_to]
        b.claims.extend(replace(c, role="besides") for c in moved)
        d.claims = [c for c in d.claims if c not in moved]


def armed_any(text: str, low: str, trig, triggers: list, groups: set, lang: str):
    """`targets.armed_target` read at every attack cue of the sentence, not only the one nearest
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


def armed_toll_first(rule, killed: list, low: str, lang: str):
    """An attack whose toll names armed dead first and bystanders after ("attacked a regime bus,
    killing 13 soldiers and 2 civilians"), or whose one death is told of a fighter ("the body of a
    QSD commander was found ... with gunshot wounds"), struck the armed side: a clash, its
    bystanders counted in it (ACLED codes the attack on the armed; Syria development file, first
    4,000 rows: 5 and 8 such clashes read as attacks)."""
    if rule.sub_event_type != "Attack" or not killed:
        return rule
    first = min(killed, key=lambda f: f.start)
    # the toll's own noun, not a word qualifying another ("killing the commander's son")
    own = armed_word(low, first.start, first.end, lang) is not None
    return rules(lang)["by_sub"]["Armed clash"] if first.group in ARMED_GROUPS or own else rule


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


def not_struck(low: str, triggers: list, lang: str) -> list:
    """Weapon cues that tell no strike nor blast: aircraft named as the support of a ground
    operation ("QSD supported by Coalition helicopters detained four IS members"), and weapons a
    detainee carried, made or planned ("detained an IS member who makes IEDs"). Dropped when the
    operation is then told by its other cues or its toll."""
    r = rules(lang)
    support, trait = r["support_before"], r["trait_between"]
    arrests = [t for t in triggers if t.rule.family == "arrest"]
    # beside fighting, support is the battle's (coding.battle_amid_remote reads it there)
    fighting = any(t.rule.family == "battle" for t in triggers)
    out = []
    for t in triggers:
        if t.rule.sub_event_type == "Air/drone strike" and support is not None and not fighting \
                and support.search(low[max(0, t.start - 60):t.start]):
            continue
        if t.rule.family in ("bomb", "remote") and trait is not None and any(
                a.end <= t.start and t.start - a.end <= 120 and trait.search(low, a.end, t.start)
                for a in arrests):
            continue
        out.append(t)
    return out


def told_earlier(low: str, triggers: list, figures: list, lang: str) -> list:
    """An abduction told as what came before a death ("found killed ... after he was kidnapped
    two days earlier") is the killing's past: the killing is the event (Syria development file,
    first 4,000 rows: 7 clashes read as abductions)."""
    rx = rules(lang)["earlier_before"]
    if rx is None or not any(f.kind == "killed" for f in figures):
        return triggers
    return [t for t in triggers if not (t.rule.sub_event_type == "Abduction/forced disappearance"
                                        and rx.search(low[max(0, t.start - 40):t.start]))]
