"""Which ACLED sub-type a sentence's violent cues settle on, and cues that report nothing."""
from __future__ import annotations

from . import coding, coding_battle
from .actors import find_actors
from .drafts import VICTIM_TYPES, Sentence
from .triggers import VIOLENT_FAMILIES, Rule, Trigger, has, rules


def violent_rule(s: Sentence, lang: str, killed) -> tuple[Trigger, Rule] | None:
    """The violent cue of a sentence and the ACLED sub-type it settles on."""
    r = rules(lang)
    by_sub = r["by_sub"]
    violent = [t for t in s.triggers if t.rule.family in VIOLENT_FAMILIES]
    today = [t for t in violent if not in_clause(s.low, t.start, lang, "day_before")]
    violent = today or violent           # "les attaques à la bombe, au lendemain d'un attentat suicide"
    trig = coding.named_weapon(s.low, violent[0] if violent else None, violent, lang)
    trig = coding.battle_amid_remote(violent, trig, s.low, lang)
    trig = coding_battle.bomb_in_fighting(violent, trig, s.low, lang)
    if trig and killed:
        # the cue nearest the death toll: "après l'offensive le 31 juillet contre Hama, l'armée a
        # envoyé dimanche ses chars à l'assaut de Deir Ezzor tuant 42 civils" is about the assault
        same = [t for t in violent if t.rule is trig.rule]
        trig = min(same, key=lambda t: abs(t.start - killed[0].start))
    label = next((t for t in s.triggers if t.rule.priority >= coding.LABEL_PRIORITY), None)
    if label is not None:
        return label, label.rule          # "Property destruction: ...": the note says its kind
    stopped = coding.disrupted(s.triggers, killed)
    if stopped is not None:
        return stopped, stopped.rule      # "police defused an explosive device": no explosion
    groups = {f.group for f in killed}
    protest = next((t for t in s.triggers if t.rule.family == "protest"), None)
    arrest = next((t for t in s.triggers if t.rule.family in coding.STRATEGIC), None)
    riot = next((t for t in s.triggers if t.rule.family == "riot"), None)
    if riot and protest:
        # protesters who throw stones riot; forces who beat protesters use force on them
        force = coding.protest_force(s.low, killed, lang)
        if force and coding.beaten(riot.rule, by_sub[force]):
            return protest, by_sub[force]
        return riot, by_sub["Violent demonstration"]
    if riot and trig is not None and trig.rule.family == "attack":
        return riot, riot.rule           # "a mob attacked and killed a man": mob violence
    if protest and arrest and not killed and r["setting"] and \
            r["setting"].search(s.low[max(0, protest.start - 15):protest.start]):
        return arrest, arrest.rule        # "arrêté ... lors d'une manifestation": the arrest
    if protest and (trig is None or trig.rule.family in ("protest", "attack") or "protesters" in groups):
        force = coding.protest_force(s.low, killed, lang)
        return protest, by_sub[force] if force else protest.rule
    if coding.accident(s.low, trig, lang):
        return None                       # "89 died after flash floods", "a gas tank exploded"
    if trig is None:
        if not killed:
            return (arrest, coding.armed_target(s.text, s.low, arrest, arrest.rule, groups, lang)) \
                if arrest else None
        anchor = Trigger(killed[0].start, killed[0].end, by_sub["Attack"])
        return anchor, weaker(coding.armed_target(s.text, s.low, anchor, by_sub["Attack"], groups,
                                                   lang, by_actor=False))
    if trig.rule.requires_actor:
        return trig, _territory(s, lang, trig, by_sub)
    return trig, coding.unarmed_clash(s.text, coding_battle.armed_any(s.text, s.low, trig, s.triggers,
                                                                        groups, lang), lang)


def one_sided(s: Sentence, rule: Rule, killed, lang: str) -> Rule:
    """An assault whose toll is only civilians, with no armed side named, is one-sided violence
    ("l'armée a envoyé ses chars à l'assaut de Deir Ezzor tuant 42 civils")."""
    groups = {f.group for f in killed}
    if rule.sub_event_type != "Armed clash" or not killed or not groups <= {"civilians", "children", "women"}:
        return rule
    types = {a.type for _, a in find_actors(s.text, lang, None)}
    if types & {"Rebel group", "Political militia", "Identity militia"}:
        return rule
    return rules(lang)["by_sub"]["Attack"]


def weaker(rule: Rule) -> Rule:
    """A rule inferred from a death toll alone is less sure than one named by its cue."""
    return Rule(rule.event_type, rule.sub_event_type, rule.family, rule.priority,
                rule.strength - 0.15, None, rule.tags, inferred=True)


def _territory(s: Sentence, lang: str, trig: Trigger, by_sub) -> Rule:
    """Who took the place decides between the two territorial sub-types: the subject, i.e. the
    first actor of the clause the cue ends ("des djihadistes combattant les troupes du régime ont
    pris le contrôle"), else the first actor before the cue, else any actor of the sentence."""
    actors = find_actors(s.text, lang, None)
    before = [(off, a) for off, a in actors if off < trig.start and a.type not in VICTIM_TYPES]
    opened = s.low.rfind(",", 0, trig.start)
    subject = [a for off, a in before if off > opened]
    # an apposition between commas ("regime forces, supported by pro-regime militias, captured")
    # leaves the clause with no actor: the subject is then the sentence's first
    pool = subject[:1] or [a for _, a in before[:1]] or [a for _, a in actors]
    types = {a.type for a in pool}
    # foreign forces are not the government that regains its land (ACLED: Turkish forces
    # capturing a Syrian village is a non-state actor's overtaking)
    state = bool(types & {"State forces"})
    rebel = bool(types & {"Rebel group", "Political militia", "Identity militia", "External/Other forces"})
    if rebel and not state:
        return by_sub["Non-state actor overtakes territory"]
    if state and not rebel:
        return by_sub["Government regains territory"]
    return trig.rule


def blocked(s: Sentence, trig: Trigger, lang: str) -> bool:
    """Is the cue announced, planned or hoped for rather than reported (CODEBOOK)?"""
    window = s.low[max(0, trig.start - 60):trig.end + 10]
    return has(window, lang, "irrealis")


def background(low: str, trig: Trigger, lang: str) -> bool:
    """Is the cue a reminder ("théâtre d'intenses bombardements", "le bruit d'explosions")?"""
    back = rules(lang)["background_before"]
    return bool(back and back.search(low[max(0, trig.start - 40):trig.start]))


def in_clause(low: str, at: int, lang: str, key: str) -> bool:
    """Is offset `at` inside a clause opened by a cue of `key` ("day_before": "au lendemain de";
    "relative_clause": ", où", ", qui")?"""
    rx = rules(lang)[key]
    # 200 characters: "au lendemain d'un attentat suicide à la voiture piégée qui avait infligé un rude
    # coup à l'armée en tuant au moins 50 combattants" opens its clause 130 characters before
    return bool(rx and rx.search(low[max(0, at - 200):at]))
