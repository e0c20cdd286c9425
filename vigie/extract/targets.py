"""Who an attack struck: ACLED codes violence against armed people as a battle and keeps
violence against civilians for unarmed victims. The words that name armed targets, the doer after
"by", the persons a possessive names, and sources that speak live in `lang/<code>/triggers.yaml`.
"""
from __future__ import annotations

from .actors import find_actors
from .casualties import rules as casualty_rules
from .triggers import Rule, Trigger, rules

# Types of armed actors (CODEBOOK "actors"): fighting between two of them is a battle.
ARMED = ("State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces")
# Sub-types that are one-sided only when their targets are unarmed: ACLED codes an attack on,
# or the capture of, fighters by another armed group as a battle.
ONE_SIDED = ("Attack", "Abduction/forced disappearance", "Arrests")
CIVILIAN_GROUPS = {"civilians", "children", "women", "protesters", "journalists"}


def armed_target(text: str, low: str, trig: Trigger, rule: Rule, groups: set, lang: str,
                 by_actor: bool = True) -> Rule:
    """An attack whose targets are armed ("gunmen shot and killed a QSD fighter", "attacked a
    regime checkpoint, killing one soldier", "HTS detained four IS members") is an Armed clash for
    ACLED: violence against civilians needs unarmed victims. `by_actor`: an armed actor named after
    the cue may be its target (not after a bare death toll, where it is as often the killer)."""
    if rule.sub_event_type not in ONE_SIDED:
        return rule
    actors = find_actors(text, lang, None)
    r = rules(lang)
    if groups & CIVILIAN_GROUPS or any(a.type not in ARMED for _, a in actors):
        # civilians or protesters are named: still a clash when the first one the cue strikes is
        # armed and the civilians come after ("shot a regime officer and a civilian with him",
        # "killing 13 soldiers and 2 civilians"): ACLED codes the attack on the armed side and
        # counts the bystanders in it; so for detentions ("detained 25 IS members including nine
        # women") (Syria development file: 61 of 4,000 clashes read as attacks, 44 as arrests)
        # (not when the toll itself counts civilians: they are the dead)
        if groups & CIVILIAN_GROUPS or rule.sub_event_type not in ("Attack", "Arrests") \
                or not _armed_first(low, trig, actors, lang):
            return rule
    # the target is what follows the cue ("shot and killed a QSD fighter", "attacked a regime
    # vehicle"); 80 characters hold the object and its qualifiers. An actor after "by" is the doer.
    end = trig.start + 80
    armed_after = by_actor and any(trig.end <= off < end and a.type in ARMED and not doer(low, off, lang)
                                   and not speaks(low, off, len(a.mention or ""), lang) for off, a in actors)
    words = armed_word(low, trig.end, end, lang) \
        or named_member(text, trig.end, end, lang)
    if words and speaks(low, words.start(), len(words.group(0)), lang):
        words = None                     # "..., police said": the police report, they are no target
    # a cue that names its doer ("..., killed by an unknown armed group") tells of the dead named
    # before it, however far: "3 bodies of IS members were found near the hospital in Menbij city,
    # killed by an unknown armed group"
    words_of_cue = low[trig.start:trig.end].split()
    by_cue = bool(r["agent"] and len(words_of_cue) > 1 and r["agent"].match(words_of_cue[-1]))
    # an armed doer named after "by" ("survived an assassination attempt ... by unknown gunmen")
    # tells the clause's voice too: its target is named before the cue
    by_cue = by_cue or bool(r["agent"] and any(
        trig.end <= off < end and a.type in ARMED and r["agent"].search(low[max(0, off - 30):off])
        for off, a in actors))
    if not words and (by_cue or r["passive"] is not None and r["passive"].search(
            low, max(0, trig.start - 60), trig.end + 30)):
        # "a QSD fighter was shot and killed by unidentified gunmen", "a YPG member was found
        # killed": the target comes first
        reach = trig.start - (200 if by_cue else 100)
        words = armed_word(low, max(0, reach), trig.start, lang) \
            or named_member(text, max(0, reach), trig.start, lang) \
            or any(reach <= off < trig.start and a.type in ARMED for off, a in actors)
    if rule.sub_event_type == "Attack":
        victim = bool(groups & {"soldiers", "rebels"}) or bool(words) or armed_after
    else:
        # the capture of fighters by armed men is a battle (ACLED's Syria notes code "QSD detained
        # four IS members" so); an arrest needs someone armed to do it
        # (a state's forces arresting militants make an arrest: "Iraqi security forces arrested
        # three IS members")
        # the doer is the clause's subject, the first actor before the cue; helpers named as its
        # support ("QSD, supported by Coalition helicopters, detained") do not make it a state's
        # arrest (Syria development file, first 4,000 rows: 49 clashes read as arrests)
        support = r["support_before"]
        doers = [a.type for off, a in actors if off < trig.start
                 and not (support and support.search(low[max(0, off - 60):off]))]
        victim = bool(words or armed_after) and bool(doers) and doers[0] in ARMED \
            and doers[0] != "State forces"
    return r["by_sub"]["Armed clash"] if victim else rule


def armed_word(low: str, start: int, end: int, lang: str):
    """The first word naming armed people in low[start:end], not one that qualifies another
    ("the commander's son" is no commander), nor the doer after "by" ("a farmer was killed by
    gunmen")."""
    r = rules(lang)
    if r["armed_targets"] is None:
        return None
    owner = r["possessive_after"]
    return next((m for m in r["armed_targets"].finditer(low, start, end)
                 if not (owner and owner.match(low, m.end())) and not doer(low, m.start(), lang)), None)


def doer(low: str, off: int, lang: str) -> bool:
    """Do the words before `off` name the doer there: the agent of a passive ("killed by gunmen"),
    or whom an act is blamed on ("the monitor blamed the massacre on militiamen")?"""
    r = rules(lang)
    return bool((r["agent"] and r["agent"].search(low[max(0, off - 30):off]))
                or (r["blame"] and r["blame"].search(low[max(0, off - 60):off])))


def _armed_first(low: str, trig: Trigger, actors: list, lang: str) -> bool:
    """Is the first victim named after the cue armed, before any civilian word?"""
    end = trig.start + 80
    armed = armed_word(low, trig.end, end, lang)
    if not armed or speaks(low, armed.start(), len(armed.group(0)), lang):
        return False
    civil = [off for off, a in actors if a.type not in ARMED and off >= trig.end]
    return not civil or armed.start() < min(civil)


def named_member(text: str, start: int, end: int, lang: str):
    """A member of a group named by its proper name ("a member of Hurras al Deen", "a Sultan Murad
    Division member"): in these notes a named group is an armed one, unless the words name a party,
    council or community (`civil_bodies`)."""
    r = rules(lang)
    m = r["named_members"] and r["named_members"].search(text, start, end)
    low = text.lower()
    if m is None or (r["civil_bodies"] and r["civil_bodies"].search(low, m.start(), min(len(text), m.end() + 40))):
        return None
    # "a former FARC member" is no fighter now; "killed by a member of the CV" names the killer
    if r["member_not_before"] and r["member_not_before"].search(low[max(0, m.start() - 20):m.start()]):
        return None
    return m


def speaks(low: str, off: int, length: int, lang: str) -> bool:
    """Is the actor named at `off` a source ("..., police said", "according to police")?"""
    r = casualty_rules(lang)
    return bool(r["speaks_after"].match(low, off + length)
                or r["speaks_before"].search(low[max(0, off - 40):off]))
