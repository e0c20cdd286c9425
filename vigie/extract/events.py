"""Events of one normalized article: cues -> typed events with date, place, actors and claims.

Per sentence: triggers (what happened), figures (how many), dates (when), places (where), actors
(who), attribution (who says so). Sentences that only add to an event already told ("ces
bombardements", "Une chaîne d'opposition parle de plus de dix morts") extend it; events of one
family at one place on one day are merged (CODEBOOK: one event = one action, one place, one day).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import permutations
from datetime import date, timedelta

from ..geocode_qualify import qualified
from ..models import Actor, Claim, DateMention, Document, Event, Location, Place, PlaceMention, Source
from . import casualties as cas
from . import coding, coding_battle, coding_toll
from .actors import find_actors, roles
from .dates import find_dates
from .numbers import find_numbers
from .triggers import VIOLENT_FAMILIES, Rule, Trigger, find_triggers, has, is_anaphoric, rules, tags_of

# Below this an event is not emitted: measured on the French development set, 0.5 keeps the
# cue-only events that carry a date or a figure and drops bare mentions in commentary.
MIN_CONFIDENCE = 0.5
# Events told as background ("le massacre de Houla, le 25 mai") are not the news of the article;
# ACLED codes them from the reports of their own days. 14 days keeps a week's recap.
MAX_AGE_DAYS = 14
SPECIFICITY = {"district": 0, "town": 0, "crossing": 0, "region": 1, "admin1": 2, "country": 3}
VICTIM_TYPES = ("Civilians", "Protesters")
EXPLOSIVE = ("remote", "bomb")
QUOTES = "«\"“„"


@dataclass
class _Sentence:
    """What the reading of one sentence found."""
    index: int
    start: int
    text: str
    low: str
    paragraph: int
    triggers: list[Trigger]
    dates: list[DateMention]
    figures: list[cas.Figure]
    mentions: list[PlaceMention]
    source: str | None
    quote: tuple[int, str] = (0, "")              # the whole sentence: (offset, text), for sources


@dataclass
class _Draft:
    """An event being assembled; frozen into an `Event` at the end."""
    rule: Rule
    sentence: _Sentence
    anchor: int                                   # offset of the cue in the sentence
    place: Place | None = None
    relation: str = "in"
    day: date | None = None
    days: tuple = ()
    precision: str = "unknown"
    claims: list[Claim] = field(default_factory=list)
    sentences: list[_Sentence] = field(default_factory=list)
    tags: set = field(default_factory=set)
    confidence: float = 0.5
    actor1: Actor | None = None
    actor2: Actor | None = None

# How far back a follow-up's named day may lie: GVA's follow-ups (charges, funerals) come weeks
# after the shooting; a day named a season earlier is background, not the article's news.
FOLLOW_UP_DAYS = 60
# An article that tells no recent event may follow one up to a year old (a trial, a sentence).
INCIDENT_DAYS = 366


def extract_events(doc: Document, gazetteer) -> list[Event]:
    """Every event an article reports, merged within the article, main (most confident) first."""
    lang = doc.lang
    read = [c for i in range(len(doc.sentences)) for c in _read(doc, i, gazetteer)]
    countries = _country_focus(doc, read, gazetteer)
    drafts: list[_Draft] = []
    # what later sentences read from earlier ones: the news day, each sentence's source, and per
    # paragraph the last day told
    said = _said(doc, lang)
    ctx: dict = {"news": _news_day(doc, read), "said": said, "gazetteer": gazetteer,
                 "countries": countries}
    for s in read:
        for d in _drafts_of(s, doc, lang, gazetteer, countries, drafts, ctx):
            drafts.append(d)
    drafts = coding.protest_sequels(drafts, doc, lang)
    coding_battle.answered(drafts, doc, lang)
    coding_battle.remote_in_battle(drafts)
    _placed_by_focus(drafts)
    coding.place_unknown(drafts, lang, gazetteer, countries, doc)
    deniers = _deniers(doc, said, lang)
    merged = _merge(drafts)
    events = [_freeze(d, doc, lang, countries, deniers, ctx["news"]) for d in merged]
    events = [e for e in events if e is not None and e.confidence >= MIN_CONFIDENCE]
    if not events and (day := _incident_day(merged, doc.ref_date)):
        # nothing new is told: the article follows the incident of the day it names
        events = [_freeze(d, doc, lang, countries, deniers, day) for d in merged]
        events = [e for e in events if e is not None and e.confidence >= MIN_CONFIDENCE]
    return coding_toll.shared(sorted(events, key=lambda e: -e.confidence), doc.text, lang)


def _incident_day(drafts: list[_Draft], ref: date | None) -> date | None:
    """The day of the violence an article tells only as past: its most told day, within a year.

    A follow-up (an arrest, a charge, a ruling) months after a shooting tells no event of its
    own days; the shooting it names ("were shot and killed ... on March 28") is its news (GVA: 43
    of 403 articles without an event told only such a day). An article that tells any recent
    event keeps its old days as background."""
    if ref is None:
        return None
    days = Counter(d.day for d in drafts if d.day and d.precision == "day" and d.place is not None
                   and d.rule.family in VIOLENT_FAMILIES
                   and MAX_AGE_DAYS < (ref - d.day).days <= INCIDENT_DAYS)
    return max(days, key=lambda x: (days[x], x)) if days else None


def _read(doc: Document, i: int, gazetteer) -> list[_Sentence]:
    """Read the clauses of one sentence that carry an event cue or a casualty figure."""
    sent = doc.sentences[i]
    if doc.dateline and sent.start < doc.dateline.end < sent.end:
        # the dateline says where the reporter is: it is not part of the sentence's evidence
        cut = doc.dateline.end - sent.start
        sent = type(sent)(doc.dateline.end, sent.end, sent.text[cut:], sent.paragraph)
    brk = rules(doc.lang)["clause_break"]
    cuts = [0] + [m.start() for m in brk.finditer(sent.text.lower()) if m.start() > 0] + [len(sent.text)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        clause = _read_clause(doc, i, sent, a, b, gazetteer)
        if clause:
            out.append(clause)
    return out


def _read_clause(doc: Document, i: int, sent, a: int, b: int, gazetteer) -> _Sentence | None:
    text = sent.text[a:b]
    low = text.lower()
    trig = sorted((t for t in find_triggers(low, doc.lang) + coding.captures(text, low, doc.lang)
                   if not _background(low, t, doc.lang)), key=lambda t: (-t.rule.priority, t.start))
    trig = coding.attempted(low, trig, doc.lang)
    if i == 0 and a == 0:
        trig = coding.label(low, doc.lang) + trig
    nums = find_numbers(text, doc.lang)
    # "A child was killed by a stray bullet.": one death with no figure, told of the event before
    bare = not trig and not nums
    if bare and not coding.bare_toll(low, doc.lang):
        return None
    dates = find_dates(text, doc.ref_date, doc.lang)
    figs = cas.figures(text, nums, doc.lang, skip=[(d.start, d.end) for d in dates])
    figs += coding.unknown_toll(low, figs, doc.lang)
    trig = coding_toll.victim_nouns(trig, figs, low, doc.lang)
    if not trig and not any(f.kind == "killed" and not f.cumulative for f in figs):
        return None
    mentions = gazetteer.find(text, doc.lang) if gazetteer else []
    if bare and mentions:
        return None                      # at a place of its own: not surely the event before
    return _Sentence(i, sent.start + a, text, low, sent.paragraph, trig, dates, figs, mentions, None,
                     (sent.start, sent.text))


def _said(doc: Document, lang: str) -> list[tuple[str | None, str | None]]:
    """Per sentence: the source it names ("ajoute l'organisation" is the one named before), and
    the last source named before it."""
    out: list[tuple[str | None, str | None]] = []
    last = None
    for sent in doc.sentences:
        own = cas.attribution(sent.text, lang, last)
        out.append((own, last))
        last = own or last
    return out


def _deniers(doc: Document, said, lang: str) -> frozenset:
    """Sources that deny what the article reports ("Le gouvernement a démenti ...")."""
    return frozenset(own for sent, (own, _) in zip(doc.sentences, said)
                     if own and "denied" in tags_of(sent.text.lower(), lang))


def _source(s: _Sentence, lang: str, said) -> str | None:
    """The source of a clause: its own words, else its sentence's, else the one quoted in the two
    sentences before (a wire paragraph names the OSDH once, then lists its figures)."""
    whole, last = said[s.index]
    own = whole if s.text == s.quote[1] else cas.attribution(s.text, lang, last)
    if own:
        return own
    return next((said[j][0] for j in range(s.index, max(-1, s.index - 3), -1) if said[j][0]), None)


def _news_day(doc: Document, read: list[_Sentence]) -> date | None:
    """The day the article's news happened: its most named day within two days of its date.

    A dispatch filed the next morning tells "jeudi" once and then goes on without day words;
    those sentences are about that Thursday, not about the publication day.
    """
    ref = doc.ref_date
    if ref is None:
        return None
    named = Counter(m.day for s in read for m in s.dates
                    if m.precision == "day" and m.day and 0 <= (ref - m.day).days <= FOLLOW_UP_DAYS)
    days = Counter({d: n for d, n in named.items() if (ref - d).days <= 2})
    if not days:
        # a follow-up (charges, a funeral, a trial) names no recent day but the day of the events
        # it follows ("the March 3 shooting"): its untimed sentences tell of that day, not of its
        # publication (GVA: 509 pairs of reports of one incident were 15+ days apart)
        return max(named, key=lambda d: (named[d], d)) if named else ref
    return max(days, key=lambda d: (days[d], d))


def _country_focus(doc: Document, read: list[_Sentence], gazetteer) -> Counter:
    """Countries the article's event sentences are about, by how often their places occur."""
    c: Counter = Counter()
    for s in read:
        for p in (gazetteer.choose_all(s.mentions, None) if gazetteer and s.mentions else []):
            if p is not None:
                c[p.iso3] += 1
    if doc.dateline and doc.dateline.place and gazetteer:
        for m in gazetteer.find(doc.dateline.place, doc.lang):
            if m.candidates:
                c[m.candidates[0].iso3] += 0.5
    return c


def _drafts_of(s: _Sentence, doc: Document, lang: str, gazetteer, countries: Counter,
               drafts: list[_Draft], ctx: dict) -> list[_Draft]:
    """The new events of one sentence; claims that only add to an earlier event are given to it."""
    s.source = _source(s, lang, ctx["said"])
    claims = cas.claims_of(s.figures, s.quote[1], s.source, doc.id)
    killed = [f for f in s.figures if f.kind == "killed" and not f.subgroup and not f.cumulative
              and not f.total]
    places = _places(s, gazetteer, countries, lang)
    ana = rules(lang)["place_anaphora"]
    m = ana.search(s.low) if ana and gazetteer else None
    if m and not any(off < m.start() and rel == "in" for off, _, rel in places):
        # "dans cette localité de la banlieue de Damas": the place named before, not Damascus
        before = _antecedent(doc, s, gazetteer, countries)
        if before is not None:
            places = [(m.start(), before, "in")] + [p for p in places if p[0] < m.start()]
    violent = _violent_rule(s, lang, killed)
    talk = next((t for t in s.triggers if t.rule.family == "talks"), None)
    out: list[_Draft] = []

    if violent is None and talk is None:
        target = _previous(drafts, s, VIOLENT_FAMILIES)
        if target and claims and not places:
            _attach(target, s, claims)
        return out
    # a battle just told, named again ("during the clashes") by a sentence with other cues
    fighting = _previous(drafts, s, ("battle",)) if violent and any(
        t.rule.family == "battle" and is_anaphoric(s.low, t, lang) for t in s.triggers) else None
    if violent:
        trig, rule = violent
        if fighting and trig.rule.requires_actor:
            fighting = None              # "as the result of the clash the village was liberated"
        if (_blocked(s, trig, lang) or has(s.low, lang, "hearsay")) and not killed:
            violent = None
        elif (rule.inferred or all(is_anaphoric(s.low, t, lang) for t in s.triggers
                                   if t.rule.family in VIOLENT_FAMILIES) or fighting) and not places:
            # "Une chaîne d'opposition parle de plus de dix morts", "ces raids ont tué ...":
            # another report of the event just told, not a new event; "civilians were killed by
            # shelling during the clashes": deaths in the fighting told before, its toll
            target = fighting or _previous(drafts, s, VIOLENT_FAMILIES if rule.inferred
                                           else (rule.family,)) \
                or _previous(drafts, s, coding.SUPPORTED.get(rule.family, ()))
            own_day = next((m.day for m in s.dates if m.day and m.precision == "day"), None)
            if target and own_day and target.day and own_day != target.day and target.place:
                # "Lundi, quatre civils y ont péri": the same place on another day, a new event
                places = [(0, target.place, target.relation)]
            elif target and any(f.more for f in killed) and target.place and gazetteer:
                # "Dans la même province, six autres civils ont péri": victims besides the ones
                # told, near that place but not in it: their own event, at the province
                wider = gazetteer.admin1_place(target.place.admin1, target.place.iso3) \
                    if target.place.kind != "admin1" else target.place
                places = [(0, wider or target.place, "in")]
            elif target:
                _attach(target, s, claims)
                violent = None
    causes = _causes(s, lang) if violent else []
    if causes:
        # "16 civils ont été tués dont 10 dans la chute d'obus et trois dans la dispersion d'une
        # manifestation": each part is its own event, with its own cause; the total is their sum
        place, relation = _nearest(places, 0) if places else (None, "in")
        parent = next((f for f in reversed(s.figures) if f.start < causes[0][0].start and not
                       (f.subgroup or f in (c for c, _ in causes))), None)
        for f, trig in causes:
            whole = replace(f, subgroup=False, group=f.group or (parent.group if parent else None))
            _, rule = _violent_rule(replace(s, triggers=[trig]), lang, [whole])
            d = _draft(s, rule, f.start, place, relation, doc, lang, ctx, drafts)
            d.claims = cas.claims_of([whole], s.quote[1], s.source, doc.id)
            out.append(d)
        violent = None
    if violent:
        trig, rule = violent
        for place, relation, figs in _split(s, rule, places, killed, lang):
            anchor = figs[0].start if figs else trig.start    # each toll dated by its own words
            d = _draft(s, _one_sided(s, rule, figs or killed, lang), anchor, place, relation, doc,
                       lang, ctx, drafts)
            keep = {id(f) for f in figs} if figs is not None else None
            pairs = list(zip(claims, [f for f in s.figures if f.kind and not f.cumulative]))
            d.claims = [c for c, f in pairs
                        if keep is None or id(f) in keep or c.role == "part"]
            out.append(d)
            early = [c for c, f in pairs
                     if c in d.claims and _in_clause(s.low, f.start, lang, "day_before")]
            if early and d.day:
                # "Au lendemain du pilonnage qui a fait sept morts, l'armée a bombardé Rastane
                # lundi": the seven died on Sunday, in an event of their own
                d.claims = [c for c in d.claims if c not in early]
                e = _day_before(s, d, early, places, lang, doc, ctx, drafts)
                if e is not None:
                    out.append(e)
    if talk and not _blocked(s, talk, lang) and (s.dates or violent is None):
        place, relation = _nearest(places, talk.start) if places else (None, "in")
        seat = _seat(s.low, lang, gazetteer)
        if seat is not None:
            place, relation = seat, "in"
        d = _draft(s, talk.rule, talk.start, place, relation, doc, lang, ctx, drafts)
        d.tags |= set(tags_of(s.low, lang)) | set(talk.rule.tags)
        if not s.dates and doc.ref_date is not None:
            # talks are everywhere in comment; a day makes them news (a text with no date of its
            # own, a bare snippet, could tell none)
            d.confidence -= 0.15
        out.append(d)
    return out


def _causes(s: _Sentence, lang: str) -> list[tuple[cas.Figure, Trigger]]:
    """The parts of a toll told each with a cause of another kind, right after the figure."""
    parts = [f for f in s.figures if f.kind == "killed" and (f.subgroup or any(
        p.total and p.start < f.start for p in s.figures))]
    out = []
    for k, f in enumerate(parts):
        end = min(parts[k + 1].start if k + 1 < len(parts) else len(s.low), f.end + 40)
        trig = next((t for t in s.triggers if f.end <= t.start < end
                     and t.rule.family in VIOLENT_FAMILIES + ("protest",)), None)
        if trig is None:
            return []
        out.append((f, trig))
    return out if len(out) >= 2 and len({t.rule.family for _, t in out}) == len(out) else []


def _day_before(s: _Sentence, d: _Draft, early: list[Claim], places, lang: str, doc: Document,
                ctx: dict, drafts: list[_Draft]) -> _Draft | None:
    """The event of the day before that a clause "au lendemain de ..." tells, with its own cue and
    place; a trailing clause that names no place of its own ("au lendemain d'un attentat suicide
    ... dans le centre du pays") is not at the sentence's place, and is left out."""
    m = rules(lang)["day_before"].search(s.low)
    start = m.start() if m else 0
    own = [p for p in places if p[0] > start]
    if own:
        place, relation = _nearest(own, start)
    elif start <= 1 and d.place is not None:
        place, relation = d.place, d.relation
    else:
        return None
    cue = next((t for t in s.triggers if t.start > start and t.rule.family in VIOLENT_FAMILIES), None)
    e = _draft(s, cue.rule if cue else d.rule, start, place, relation, doc, lang, ctx, drafts)
    e.day = d.day - timedelta(days=1)
    e.days, e.precision = (e.day,), d.precision
    e.claims = early
    return e


def _placed_by_focus(drafts: list[_Draft]) -> None:
    """An event dated by its own words but told at no place we know ("l'armée était parvenue
    samedi à s'emparer de la mosquée Khaled Ben Walid") is near the town the article is about."""
    towns = Counter(d.place.name for d in drafts if d.place is not None
                    and SPECIFICITY.get(d.place.kind, 0) <= 1)
    if not towns:
        return
    name, n = towns.most_common(1)[0]
    main = next(d.place for d in drafts if d.place is not None and d.place.name == name)
    for d in drafts:
        if d.place is None and d.rule.family in EXPLOSIVE + ("battle",) and n >= 2 \
                and any(m.day and m.precision == "day" for m in d.sentence.dates):
            d.place, d.relation = main, "near"


def _seat(low: str, lang: str, gazetteer) -> Place | None:
    """Where a named institution meets ("le Conseil de sécurité": New York), when the text is silent."""
    for rx, name in rules(lang)["seats"]:
        if rx.search(low):
            found = gazetteer.lookup(name) if gazetteer else []
            return found[0] if found else None
    return None


def _violent_rule(s: _Sentence, lang: str, killed) -> tuple[Trigger, Rule] | None:
    """The violent cue of a sentence and the ACLED sub-type it settles on."""
    r = rules(lang)
    by_sub = r["by_sub"]
    violent = [t for t in s.triggers if t.rule.family in VIOLENT_FAMILIES]
    today = [t for t in violent if not _in_clause(s.low, t.start, lang, "day_before")]
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
        return anchor, _weaker(coding.armed_target(s.text, s.low, anchor, by_sub["Attack"], groups,
                                                   lang, by_actor=False))
    if trig.rule.requires_actor:
        return trig, _territory(s, lang, trig, by_sub)
    return trig, coding.unarmed_clash(s.text, coding_battle.armed_any(s.text, s.low, trig, s.triggers,
                                                                        groups, lang), lang)


def _one_sided(s: _Sentence, rule: Rule, killed, lang: str) -> Rule:
    """An assault whose toll is only civilians, with no armed side named, is one-sided violence
    ("l'armée a envoyé ses chars à l'assaut de Deir Ezzor tuant 42 civils")."""
    groups = {f.group for f in killed}
    if rule.sub_event_type != "Armed clash" or not killed or not groups <= {"civilians", "children", "women"}:
        return rule
    types = {a.type for _, a in find_actors(s.text, lang, None)}
    if types & {"Rebel group", "Political militia", "Identity militia"}:
        return rule
    return rules(lang)["by_sub"]["Attack"]


def _weaker(rule: Rule) -> Rule:
    """A rule inferred from a death toll alone is less sure than one named by its cue."""
    return Rule(rule.event_type, rule.sub_event_type, rule.family, rule.priority,
                rule.strength - 0.15, None, rule.tags, inferred=True)


def _territory(s: _Sentence, lang: str, trig: Trigger, by_sub) -> Rule:
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


def _blocked(s: _Sentence, trig: Trigger, lang: str) -> bool:
    """Is the cue announced, planned or hoped for rather than reported (CODEBOOK)?"""
    window = s.low[max(0, trig.start - 60):trig.end + 10]
    return has(window, lang, "irrealis")


def _background(low: str, trig: Trigger, lang: str) -> bool:
    """Is the cue a reminder ("théâtre d'intenses bombardements", "le bruit d'explosions")?"""
    back = rules(lang)["background_before"]
    return bool(back and back.search(low[max(0, trig.start - 40):trig.start]))


def _places(s: _Sentence, gazetteer, countries: Counter, lang: str) -> list[tuple[int, Place, str]]:
    """The sentence's places resolved in the article's context: (offset, place, relation)."""
    if not gazetteer:
        return []
    named = {c.name for m in s.mentions for c in m.candidates[:1]}
    mentions = []
    for m in s.mentions:
        inside = [c for c in m.candidates if c.parent and c.parent in named]
        if inside and len(inside) < len(m.candidates):
            m = PlaceMention(m.start, m.end, m.text, tuple(inside), m.relation)   # Jobar, à Damas
        m = coding.within_named_province(m, s.mentions, s.text)
        if m is not None:
            mentions.append(m)
    mentions = qualified(gazetteer, mentions, s.text, lang)   # "Mokolo (Extreme-Nord)", "X town in Y"
    chosen = gazetteer.choose_all(mentions, dict(countries))
    based = rules(lang)["place_not_event"]
    found = [(m.start, p, m.relation) for m, p in zip(mentions, chosen) if p is not None
             and not (based and based.search(s.low[max(0, m.start - 30):m.start]))]
    capital = None if found else coding.capital_named(s.text, s.low, lang, gazetteer, countries)
    found += [capital] if capital else []
    return coding.bare_aside(coding.origins_aside(found), s.text, lang)


def _nearest(places, anchor: int) -> tuple[Place | None, str]:
    """The most specific place, nearest the cue (places after it slightly preferred)."""
    # a place's surroundings ('X countryside') are wider than an area named beside them ('Jabal
    # al-Akrad axis in Lattakia countryside'), not than a town ('Tal Hmis countryside in Hasakeh')
    area = any(p[1].kind == "region" and p[2] == "in" for p in places)

    def score(p):
        off, place, relation = p
        spec = SPECIFICITY.get(place.kind, 0) + (2 if relation == "admin1" else 1 if relation == "around" and area else 0)
        return spec * 300 + (abs(off - anchor) if off >= anchor else (anchor - off) * 1.3)
    off, place, relation = min(places, key=score)
    return place, relation


def _split(s: _Sentence, rule: Rule, places, killed, lang: str):
    """One (place, relation, figures) per event: lists of towns and 'N à X, M à Y' split."""
    towns = [p for p in places if SPECIFICITY.get(p[1].kind, 0) <= 1 and p[2] == "in"]
    parents = {p[1].parent for p in towns if p[1].parent}
    towns = [p for p in towns if p[1].name not in parents]   # "Midan, à Damas": Midan
    if len(killed) >= 2:
        # "42 civils à Deir Ezzor, puis à Houlé où dix civils ont péri", "cinq civils, un dans la
        # province d'Idleb, deux à Deraa": each toll to its own place, the pairing of least distance
        within = {p[1].admin1 for p in towns}     # "Khan al-Assal, dans la province d'Alep": no spot
        spots = [p for p in places if p[2] in ("in", "admin1") and p[1].name not in parents
                 and SPECIFICITY.get(p[1].kind, 0) <= 2
                 and not (p[2] == "admin1" and p[1].admin1 in within)]
        if len(killed) <= len(spots) <= 6 and len({p[1].name for p in spots}) == len(spots):
            best = min(permutations(spots, len(killed)),
                       key=lambda ps: sum(abs(p[0] - f.start) for p, f in zip(ps, killed)))
            return [(p[1], p[2], [f]) for p, f in zip(best, killed)]
    if rule.family == "protest" and not killed and len(towns) >= 2:
        return [(p[1], p[2], None) for p in towns]
    another = rules(lang)["another"]
    if not killed and len(towns) == 2 and another and another.search(s.low[towns[0][0]:towns[1][0]]):
        # "une voiture piégée a fait des blessés à Mouadamiya, et une autre des dégâts à Sayeda
        # Zeinab": two blasts
        return [(p[1], p[2], None) for p in towns]
    if not places:
        return [(None, "in", None)]
    place, relation = _nearest(places, killed[0].start if killed and rule.inferred else 0)
    return [(place, relation, None)]


def _draft(s: _Sentence, rule: Rule, anchor: int, place, relation, doc: Document, lang: str,
           ctx: dict, drafts: list[_Draft]) -> _Draft:
    d = _Draft(rule=rule, sentence=s, anchor=anchor, place=place, relation=relation,
               sentences=[s], confidence=rule.strength)
    if place is None:
        talks = rule.family == "talks"
        # a draft placed nowhere in between ("« Des snipers ont pris position »") does not break
        # the thread back to the place told before
        placed = [e for e in drafts if e.place is not None]
        prev = _previous(placed, s, ("talks",) if talks else VIOLENT_FAMILIES + ("arrest",))
        if prev and prev.place.kind != "country":
            d.place, d.relation = prev.place, prev.relation
        elif not talks and _killed(s) and ctx.get("gazetteer"):
            # "Deraa a été investie ... « Des snipers ... » « Au moins 25 martyrs sont tombés »":
            # a toll told right after a place is named, with no event there yet, is there
            d.place = _antecedent(doc, s, ctx["gazetteer"], ctx["countries"])
        d.confidence -= 0.1
    _date(d, s, doc, ctx, drafts)
    actors = find_actors(s.text, lang, d.place.country if d.place else None)
    d.actor1, d.actor2 = roles(actors, lang, VICTIM_TYPES)
    d.tags |= {t for t in tags_of(s.low, lang) if t in ("claimed", "denied", "siege", "offensive")}
    if has(s.low, lang, "commentary"):
        d.confidence -= 0.1
    if s.quote[1].lstrip()[:1] in QUOTES and not _killed(s):
        # a sentence that opens on a quotation is a voice, not the report ("«Nous sommes sûrs
        # qu'ils veulent brûler les cadavres»"): with no toll it makes no event on its own
        d.confidence -= 0.25
    if _killed(s):
        d.confidence += 0.1
    return d


def _in_clause(low: str, at: int, lang: str, key: str) -> bool:
    """Is offset `at` inside a clause opened by a cue of `key` ("day_before": "au lendemain de";
    "relative_clause": ", où", ", qui")?"""
    rx = rules(lang)[key]
    # 200 characters: "au lendemain d'un attentat suicide à la voiture piégée qui avait infligé un rude
    # coup à l'armée en tuant au moins 50 combattants" opens its clause 130 characters before
    return bool(rx and rx.search(low[max(0, at - 200):at]))


def _killed(s: _Sentence) -> bool:
    return any(f.kind == "killed" and not f.cumulative for f in s.figures)


def _date(d: _Draft, s: _Sentence, doc: Document, ctx: dict, drafts: list[_Draft] = ()) -> None:
    """The event's day: the date words nearest its cue, else the paragraph's, else the article's."""
    limit = doc.article.published or doc.ref_date
    said_on = cas.rules(doc.lang)["said_on"]
    usable = [m for m in s.dates if (m.day is None or limit is None or m.day <= limit)
              and not said_on.search(s.low[max(0, m.start - 60):m.start])]
    if usable:
        m = min(usable, key=lambda m: abs(m.start - d.anchor))
        if m.day is not None:
            d.day, d.days, d.precision = m.day, m.days or (m.day,), m.precision
            if not _in_clause(s.low, m.start, doc.lang, "relative_clause"):
                # "A Homs, où l'armée a repris le 1er mars Baba Amr": the 1er mars is a reminder,
                # not the day of the paragraph's next sentences
                ctx[s.paragraph] = ((m.day, d.days, m.precision), s.index)
            d.confidence += 0.05
            return
    last = drafts[-1] if drafts else None
    same = last if last is not None and d.place is not None and last.place is not None \
        and last.place.name == d.place.name and last.day and last.rule.family == d.rule.family \
        and s.index - last.sentences[-1].index <= 3 else None
    if same is not None:
        # "un nouveau massacre mercredi à Al-Koubeir. [...] Le CNS a parlé de 80 personnes
        # massacrées dans la localité d'Al-Koubeir": the same massacre, the same Wednesday
        d.day, d.days, d.precision = same.day, same.days, same.precision
    elif ctx.get(s.paragraph, (None, -9))[1] >= s.index - 1:
        d.day, d.days, d.precision = ctx[s.paragraph][0]
    elif (earlier := _earlier_date(doc, s, limit)) is not None:
        # "Treimsa, 12 juillet. Des bombardements font plus de 150 morts dans cette localité"
        d.day, d.days, d.precision = earlier.day, earlier.days or (earlier.day,), earlier.precision
    elif ctx["news"] is not None:
        d.day, d.days, d.precision = ctx["news"], (ctx["news"],), "day"


def _earlier_date(doc: Document, s: _Sentence, limit) -> DateMention | None:
    """The date of a short heading sentence just before, in the same paragraph ("Treimsa, 12
    juillet."); a date inside a longer sentence belongs to that sentence's own events."""
    j = s.index - 1
    if j < 0 or doc.sentences[j].paragraph != s.paragraph or len(doc.sentences[j].text.split()) > 8:
        return None
    found = [m for m in find_dates(doc.sentences[j].text, doc.ref_date, doc.lang)
             if m.day is not None and (limit is None or m.day <= limit)]
    return found[-1] if found else None


def _antecedent(doc: Document, s: _Sentence, gazetteer, countries: Counter) -> Place | None:
    """The place "cette localité" refers to: the last one named in the two sentences before (same
    paragraph), else the dateline's place for the article's first sentence."""
    for j in (s.index - 1, s.index - 2):
        if j < 0 or doc.sentences[j].paragraph != s.paragraph:
            break
        mentions = gazetteer.find(doc.sentences[j].text, doc.lang)
        chosen = [p for p in gazetteer.choose_all(mentions, dict(countries)) if p is not None
                  and p.kind != "country"] if mentions else []
        if chosen:
            return chosen[-1]
    if doc.dateline and doc.dateline.place and s.start - doc.dateline.end < 5:
        found = gazetteer.find(doc.dateline.place, doc.lang)
        chosen = gazetteer.choose_all(found, dict(countries)) if found else []
        return next((p for p in chosen if p is not None), None)
    return None


def _previous(drafts: list[_Draft], s: _Sentence, families) -> _Draft | None:
    """The latest event of these families told in the three sentences before this one."""
    for d in reversed(drafts):
        if s.index - d.sentences[-1].index > 3:
            return None
        if families is None or d.rule.family in families:
            return d
    return None


def _attach(d: _Draft, s: _Sentence, claims: list[Claim]) -> None:
    if s not in d.sentences:
        d.sentences.append(s)
    d.claims.extend(claims)


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """Events of one family at one place on one day are one event (CODEBOOK 'The unit')."""
    out: list[_Draft] = []
    for d in drafts:
        if d.place is None:
            out.append(d)
            continue
        # looked up by the places events have now: a city's event moves to its district below
        here = [e for e in out if e.place is not None and (e.place.name, e.day) == (d.place.name, d.day)]
        first = next((e for e in here if e.rule.family == d.rule.family), None)
        if first is None:
            # "ce week-end" (Saturday or Sunday) and "dimanche" at one place: one event
            first = next((e for e in out if e.rule.family == d.rule.family and e.place is not None
                          and e.place.name == d.place.name and max(len(e.days), len(d.days)) > 1
                          and set(e.days or (e.day,)) & set(d.days or (d.day,))), None)
        if first is None:
            # "raids sur Alep" in the title, "le quartier de Boustane al-Qasr" in the body: the
            # city and its district on one day are one event, placed at the district
            first = next((e for e in out if e.rule.family == d.rule.family and e.day == d.day
                          and e.place is not None and _contains(e.place, d.place)), None)
            if first is not None and first.place.name == d.place.parent:
                first.place, first.relation = d.place, d.relation
        if first is None and d.rule.family in VIOLENT_FAMILIES:
            # a toll with no cue of its own ("25 personnes ont été tuées hier à Deraa") is the toll
            # of the violent event told at the same place on the same day, whatever its kind
            first = next((e for e in here if e.rule.family in VIOLENT_FAMILIES
                          and (e.rule.inferred or d.rule.inferred) and _same_victims(e, d)), None)
        if first is None and d.rule.family in EXPLOSIVE:
            # "une double explosion" at the university, "deux roquettes" per Sana, "un raid
            # aérien" per activists: versions of one blast's cause, not three events
            first = next((e for e in here if e.rule.family in EXPLOSIVE
                          and not (_tolls(e) and _tolls(d))), None)
        if first is None:
            out.append(d)
            continue
        if first.rule.inferred and not d.rule.inferred:
            first.rule = d.rule
        for s in d.sentences:
            if s not in first.sentences:
                first.sentences.append(s)
        first.claims.extend(c for c in d.claims if c not in first.claims)
        first.tags |= d.tags
        if d.rule.priority > first.rule.priority and d.rule.family not in ("protest",):
            first.rule = d.rule
        first.confidence = max(first.confidence, d.confidence)
        first.actor1 = first.actor1 or d.actor1
        first.actor2 = first.actor2 or d.actor2
    return out


def _contains(a: Place, b: Place) -> bool:
    """Is one place the district of the other?"""
    return bool((a.parent and a.parent == b.name) or (b.parent and b.parent == a.name))


def _foreign(place: Place, countries: Counter) -> bool:
    """Is the place outside the article's focus (its country named half as often as the top one)?"""
    if not countries or not place.iso3:
        return False
    return countries.get(place.iso3, 0) < max(countries.values()) / 2


def _same_victims(a: _Draft, b: _Draft) -> bool:
    """Could two tolls be reports of one event? "82 martyrs" and "au moins 83 morts" could; 16
    protesters shot and 10 policemen killed at Homs that day could not: two reports of one toll
    differ by a quarter at most (the alternative reports of the French development set: 82/83,
    40/42, 8/9)."""
    def low(d):
        return min((c.count for c in d.claims if c.kind == "killed"
                    and c.role != "part"), default=0)
    fa, fb = low(a), low(b)
    if not fa or not fb:
        return True
    return min(fa, fb) / max(fa, fb) >= 0.75


def _tolls(d: _Draft) -> bool:
    return any(c.kind == "killed" for c in d.claims)


def _freeze(d: _Draft, doc: Document, lang: str, countries: Counter, deniers: frozenset,
            news: date | None = None) -> Event | None:
    """The schema event of a draft; None for an event with neither place nor toll."""
    claims = tuple(replace(c, role="denied") if c.role is None and c.attributed_to in deniers else c
                   for c in d.claims)
    fat = cas.fatalities(claims, lang)
    if d.place is None or (d.place.kind == "country" and d.relation != coding.UNKNOWN_PLACE):
        # No place: "the fighting goes on", or a toll over the whole country ("au moins 26
        # manifestants ont été tués vendredi"), which CODEBOOK forbids as one event's deaths.
        return None
    ref = doc.ref_date
    # an old day is background unless it is the day of the news a follow-up article follows
    if d.day and ref and (((ref - d.day).days > MAX_AGE_DAYS and d.day != news)
                          or d.precision in ("month", "year")):
        return None
    if d.rule.family in VIOLENT_FAMILIES and d.rule.family != "protest" and not _tolls(d) \
            and _foreign(d.place, countries):
        # "Washington a déployé des missiles Patriot", "la liaison Moscou-Damas" in a Syrian story:
        # violence told with no toll, away from the countries the article is about, is context
        # (not a protest: one abroad against the war is where its marchers are)
        return None
    loc = _location(d)
    if fat.best is None and cas.rules(lang)["no_deaths"].search(" ".join(s.low for s in d.sentences)):
        fat = type(fat)(best=0, low=0, high=0)
    a = doc.article
    outlet = (doc.dateline.outlet if doc.dateline and doc.dateline.outlet else None) or a.outlet
    quotes = sorted({s.quote for s in d.sentences})
    sources = tuple(Source(a.id, text, start, start + len(text), outlet, a.url, a.published)
                    for start, text in quotes)
    precision = d.precision if d.day else "unknown"
    conf = max(0.0, min(1.0, d.confidence + (0.05 if loc.geo_precision == 1 else 0)))
    ev = Event(event_date=d.day, date_precision=precision, event_type=d.rule.event_type,
               sub_event_type=d.rule.sub_event_type, location=loc, fatalities=fat,
               sources=sources, claims=claims, tags=tuple(sorted(d.tags)), actor1=d.actor1,
               actor2=d.actor2, confidence=conf,
               notes=_notes(d, loc, fat))
    return ev.with_id()


def _location(d: _Draft) -> Location:
    p = d.place
    precision = 3 if p.kind in ("admin1", "country") or d.relation == "admin1" else \
        2 if d.relation in ("near", "around") or p.kind == "region" else 1
    return Location(name=p.name, country=p.country, geo_precision=precision, admin1=p.admin1,
                    admin2=p.admin2, iso3=p.iso3, lat=p.lat, lon=p.lon, geonames_id=p.geonames_id)


def _notes(d: _Draft, loc: Location, fat) -> str:
    """A short English line, ACLED-style."""
    when = f"On {d.day.isoformat()}" if d.day else "On an unknown date"
    who = f"{d.actor1.name}: " if d.actor1 else ""
    where = loc.name + (f" ({loc.country})" if loc.country else "")
    toll = f" {fat.best} killed." if fat.best is not None else ""
    by = {c.attributed_to for c in d.claims if c.attributed_to}
    src = f" Figures per {', '.join(sorted(by))}." if by else ""
    return f"{when}, {who}{d.rule.sub_event_type.lower()} in {where}.{toll}{src}"
