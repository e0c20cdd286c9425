"""Events of one normalized article: cues -> typed events with date, place, actors and claims.

Per sentence: triggers (what happened), figures (how many), dates (when), places (where), actors
(who), attribution (who says so). Sentences that only add to an event already told ("ces
bombardements", "Une chaîne d'opposition parle de plus de dix morts") extend it; events of one
family at one place on one day are merged (CODEBOOK: one event = one action, one place, one day).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import permutations
from datetime import date, timedelta

from ..geocode_focus import admin1_focus
from ..models import Claim, DateMention, Document, Event
from ..person_places import person_vetoed
from . import casualties as cas
from . import coding, coding_battle, coding_toll
from .actors import find_actors, roles
from . import attribution as attr
from .classify import background, blocked, in_clause, one_sided, violent_rule
from .dates import find_dates, incident_days
from .drafts import MAX_AGE_DAYS, SPECIFICITY, VICTIM_TYPES, Draft, Sentence, previous
from .freeze import freeze, merge
from .numbers import find_numbers
from .placing import (across_border, antecedent, at_home, country_focus, dated_at_place, found_in_focus, listed, nearest,
                       outlet_countries, placed_by_focus, places_of, seat, standing)
from .triggers import VIOLENT_FAMILIES, Rule, Trigger, find_triggers, has, is_anaphoric, rules, tags_of

# Below this an event is not emitted: measured on the French development set, 0.5 keeps the
# cue-only events that carry a date or a figure and drops bare mentions in commentary.
MIN_CONFIDENCE = 0.5
QUOTES = "«\"“„"
# How far back a follow-up's named day may lie: GVA's follow-ups (charges, funerals) come weeks
# after the shooting; a day named a season earlier is background, not the article's news.
FOLLOW_UP_DAYS = 60
# A follow-up tells an incident up to a year old (a trial); one that writes its day out, three.
INCIDENT_DAYS, TRIAL_DAYS = 366, 3 * 366


def extract_events(doc: Document, gazetteer) -> list[Event]:
    """Every event an article reports, merged within the article, main (most confident) first."""
    lang = doc.lang
    # a victim's surname used alone is no town ('Gibson did not live there'): person_places.py
    gazetteer = person_vetoed(gazetteer, doc.text, lang)
    read = [c for i in range(len(doc.sentences)) for c in _read(doc, i, gazetteer)]
    countries, told = country_focus(doc, read, gazetteer, outlet := outlet_countries(doc, gazetteer))
    countries.update(outlet)    # told: the text's own, by which a place abroad is context (freeze)
    # the article's province beside its country: (ISO3, admin1) keys, each worth at most its
    # country's count (GVA: articles placed in the wrong US state 1,036 -> 817); `names`: towns
    names: dict = {}        # the report qualifies somewhere ('Tyrone, Mo.'), with their province
    countries.update(admin1_focus(doc, gazetteer, countries, names))
    found_in_focus(read, gazetteer, countries, lang)
    told = at_home(told, countries)
    drafts: list[Draft] = []
    # what later sentences read from earlier ones: the news day, each sentence's source, and per
    # paragraph the last day told
    said = attr.said(doc, lang)
    ctx: dict = {"news": _news_day(doc, read), "said": said, "gazetteer": gazetteer, "names": names,
                 "countries": countries}
    for s in read:
        for d in _drafts_of(s, doc, lang, gazetteer, countries, drafts, ctx):
            drafts.append(d)
    drafts = coding.protest_sequels(drafts, doc, lang)
    coding_battle.answered(drafts, doc, lang)
    coding_battle.remote_in_battle(drafts)
    placed_by_focus(drafts)
    dated_at_place(drafts)
    coding.place_unknown(drafts, lang, gazetteer, countries, doc, names)
    deniers = attr.deniers(doc, said, lang)
    merged = merge(drafts)
    events = _frozen(merged, doc, lang, told, deniers, ctx["news"])
    if not events and any(d.place is None for d in drafts):
        # the places told were of no event (a follow-up's old days, a venue read as a town): the
        # sentences with no place tell the report's, found as for a report that names none
        coding.place_unknown([d for d in drafts if d.place is None], lang, gazetteer, countries, doc, names)
        merged = merge(drafts)
        events = _frozen(merged, doc, lang, told, deniers, ctx["news"])
    if not events and (day := _incident_day(merged, doc.ref_date)):
        # nothing new is told: the article follows the incident of the day it names
        events = _frozen(merged, doc, lang, told, deniers, day)
    return coding_toll.shared([e for _, e in sorted(events, key=lambda x: x[0])], doc.text, lang)


def _frozen(merged, doc, lang, countries, deniers, news) -> list[tuple[tuple, Event]]:
    """The drafts frozen into events, each with its rank: most confident first, then, among
    equally confident ones, those at a place its text qualifies ('Waterloo (Ontario)')."""
    out = []
    for d in merged:
        e = freeze(d, doc, lang, countries, deniers, news)
        if e is not None and e.confidence >= MIN_CONFIDENCE:
            out.append(((-e.confidence, standing(d)), e))
    return out


def _incident_day(drafts: list[Draft], ref: date | None) -> date | None:
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


def _read(doc: Document, i: int, gazetteer) -> list[Sentence]:
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


def _read_clause(doc: Document, i: int, sent, a: int, b: int, gazetteer) -> Sentence | None:
    text = sent.text[a:b]
    low = text.lower()
    trig = sorted((t for t in find_triggers(low, doc.lang) + coding.captures(text, low, doc.lang)
                   if not background(low, t, doc.lang)), key=lambda t: (-t.rule.priority, t.start))
    trig = coding.attempted(low, trig, doc.lang)
    trig = coding_battle.not_struck(low, trig, doc.lang)
    if i == 0 and a == 0:
        trig = coding.label(low, doc.lang) + trig
    nums = find_numbers(text, doc.lang)
    dates = find_dates(text, doc.ref_date, doc.lang)
    conceded = attr.conceded(low, doc.lang, dates)
    if conceded:
        # what a concession grants of another day is background, not the sentence's news
        trig = [t for t in trig if not conceded(t.start)]
        nums = [n for n in nums if not conceded(n.start)]
    # "A child was killed by a stray bullet.": one death with no figure, told of the event before
    bare = not trig and not nums
    if bare and not coding.bare_toll(low, doc.lang):
        return None
    dates = [m for m in dates if not (conceded and conceded(m.start))]
    figs = cas.figures(text, nums, doc.lang, skip=[(d.start, d.end) for d in dates])
    figs += coding.unknown_toll(low, figs, doc.lang)
    trig = coding_toll.victim_nouns(trig, figs, low, doc.lang)
    trig = coding_battle.told_earlier(low, trig, figs, doc.lang)
    if not trig and not any(f.kind == "killed" and not f.cumulative for f in figs):
        return None
    mentions = gazetteer.find(text, doc.lang) if gazetteer else []
    if bare and mentions and i > 0:
        # at a place of its own: not surely the event before; the first sentence has no event
        # before it, and its death is the article's news ("gunmen killed a QSD member in Basira":
        # 23 of 4,000 Syria development rows made no event so)
        return None
    return Sentence(i, sent.start + a, text, low, sent.paragraph, trig, dates, figs, mentions, None,
                     (sent.start, sent.text))


def _news_day(doc: Document, read: list[Sentence]) -> date | None:
    """The day the article's news happened: its most named day within two days of its date (a
    dispatch filed the next morning tells "jeudi" once, then goes on without day words)."""
    ref = doc.ref_date
    if ref is None:
        return None
    if told := incident_days(doc.sentences, ref, doc.lang, FOLLOW_UP_DAYS, TRIAL_DAYS):
        # "the incident happened about 10:30 a.m. Sunday" over an arrest or publication day
        return max(told, key=lambda d: (told[d], d))
    named = Counter(m.day for s in read for m in s.dates
                    if m.precision == "day" and m.day and 0 <= (ref - m.day).days <= FOLLOW_UP_DAYS)
    days = Counter({d: n for d, n in named.items() if (ref - d).days <= 2})
    if not days:
        # a follow-up (charges, a funeral, a trial) names no recent day but the day of the events
        # it follows ("the March 3 shooting"): its untimed sentences tell of that day, not of its
        # publication (GVA: 509 pairs of reports of one incident were 15+ days apart)
        return max(named, key=lambda d: (named[d], d)) if named else _told_day(doc) or ref
    return max(days, key=lambda d: (days[d], d))


def _told_day(doc: Document) -> date | None:
    """The calendar day a follow-up names anywhere, within a year: its incident's.

    A follow-up often gives the incident's day in a sentence with no cue of its own ("He called
    Corbin's Jan. 19 death tragic", "On February 2nd, the Davie resident woke up in pain"), while
    its cue sentences ("No charges will be filed after ...") name none: dated by its publication,
    it misses the incident's reports (GVA B-cubed F1 +0.002). Only written-out days count: a
    weekday in a report published weeks later is counted from the wrong week. An article that
    names a day of its own two days ("a meeting on Friday evening"), other than the day a source
    spoke, is the day's news, whatever background days it recalls ("le 15 mars 2011, début de la
    révolte": French gold recall 0.884 -> 0.872 before this check); so is one whose only days are
    of the last two weeks."""
    ref = doc.ref_date
    found = [(s, m) for s in doc.sentences for m in find_dates(s.text, ref, doc.lang)
             if m.precision == "day" and m.day]
    if any(0 <= (ref - m.day).days <= 2 and not attr.spoken_on(s.text.lower(), m, doc.lang)
           for s, m in found):
        return None
    named = Counter(m.day for _, m in found
                    if _calendar(m) and MAX_AGE_DAYS < (ref - m.day).days <= INCIDENT_DAYS)
    return max(named, key=lambda d: (named[d], d)) if named else None


def _drafts_of(s: Sentence, doc: Document, lang: str, gazetteer, countries: Counter,
               drafts: list[Draft], ctx: dict) -> list[Draft]:
    """The new events of one sentence; claims that only add to an earlier event are given to it."""
    s.source = attr.source_of(s, lang, ctx["said"])
    claims = cas.claims_of(s.figures, s.quote[1], s.source, doc.id)
    killed = [f for f in s.figures if f.kind == "killed" and not f.subgroup and not f.cumulative
              and not f.total]
    places = across_border(doc, s, places_of(s, gazetteer, countries, lang, ctx.get("names")), gazetteer, lang)
    ana = rules(lang)["place_anaphora"]
    m = ana.search(s.low) if ana and gazetteer else None
    if m and not any(off < m.start() and rel == "in" for off, _, rel in places):
        # "dans cette localité de la banlieue de Damas": the place named before, not Damascus
        before = antecedent(doc, s, gazetteer, countries)
        if before is not None:
            places = [(m.start(), before, "in")] + [p for p in places if p[0] < m.start()]
    violent = violent_rule(s, lang, killed)
    talk = next((t for t in s.triggers if t.rule.family == "talks"), None)
    out: list[Draft] = []

    if violent is None and talk is None:
        target = previous(drafts, s, VIOLENT_FAMILIES)
        if target and claims and not places:
            _attach(target, s, claims)
        return out
    # a battle just told, named again ("during the clashes") by a sentence with other cues
    fighting = previous(drafts, s, ("battle",)) if violent and any(
        t.rule.family == "battle" and is_anaphoric(s.low, t, lang) for t in s.triggers) else None
    if violent:
        trig, rule = violent
        if fighting and trig.rule.requires_actor:
            fighting = None              # "as the result of the clash the village was liberated"
        if (blocked(s, trig, lang) or has(s.low, lang, "hearsay")) and not killed:
            violent = None
        elif (rule.inferred or all(is_anaphoric(s.low, t, lang) for t in s.triggers
                                   if t.rule.family in VIOLENT_FAMILIES) or fighting) and not places:
            # "Une chaîne d'opposition parle de plus de dix morts", "ces raids ont tué ...":
            # another report of the event just told, not a new event; "civilians were killed by
            # shelling during the clashes": deaths in the fighting told before, its toll
            target = fighting or previous(drafts, s, VIOLENT_FAMILIES if rule.inferred
                                           else (rule.family,)) \
                or previous(drafts, s, coding.SUPPORTED.get(rule.family, ()))
            if target is None and not rule.inferred and not fighting:
                # "ces bombardements ont tué plus d'une centaine de personnes", six sentences of
                # reactions after the attack: a demonstrative names the last such event told
                target = previous([d for d in drafts if d.place is not None], s, (rule.family,),
                                   reach=len(doc.sentences))
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
        place, relation = nearest(places, 0) if places else (None, "in")
        parent = next((f for f in reversed(s.figures) if f.start < causes[0][0].start and not
                       (f.subgroup or f in (c for c, _ in causes))), None)
        for f, trig in causes:
            whole = replace(f, subgroup=False, group=f.group or (parent.group if parent else None))
            _, rule = violent_rule(replace(s, triggers=[trig]), lang, [whole])
            d = _draft(s, rule, f.start, place, relation, doc, lang, ctx, drafts)
            d.claims = cas.claims_of([whole], s.quote[1], s.source, doc.id)
            out.append(d)
        violent = None
    towns = listed(doc, s, gazetteer, countries) if violent and killed and not places and \
        previous([d for d in drafts if d.place is not None], s, VIOLENT_FAMILIES) is None else []
    for town in towns:   # "Homs et Deir El-Zour. Plus de 45 tués": each town's event, none's total
        d = _draft(s, one_sided(s, violent[1], killed, lang), violent[0].start, town, "in", doc, lang, ctx, drafts)
        d.claims = [c for c in claims if c.kind != "killed"]
        out.append(d)
    violent = None if towns else violent
    if violent:
        trig, rule = violent
        for place, relation, figs in _split(s, rule, places, killed, lang):
            anchor = figs[0].start if figs else trig.start    # each toll dated by its own words
            d = _draft(s, one_sided(s, rule, figs or killed, lang), anchor, place, relation, doc,
                       lang, ctx, drafts)
            keep = {id(f) for f in figs} if figs is not None else None
            pairs = list(zip(claims, [f for f in s.figures if f.kind and not f.cumulative]))
            d.claims = [c for c, f in pairs
                        if keep is None or id(f) in keep or c.role == "part"]
            out.append(d)
            early = [c for c, f in pairs
                     if c in d.claims and in_clause(s.low, f.start, lang, "day_before")]
            if early and d.day:
                # "Au lendemain du pilonnage qui a fait sept morts, l'armée a bombardé Rastane
                # lundi": the seven died on Sunday, in an event of their own
                d.claims = [c for c in d.claims if c not in early]
                e = _day_before(s, d, early, places, lang, doc, ctx, drafts)
                if e is not None:
                    out.append(e)
    if talk and not blocked(s, talk, lang) and (s.dates or violent is None):
        place, relation = nearest(places, talk.start) if places else (None, "in")
        told = [p for p in places if SPECIFICITY.get(p[1].kind, 9) == 0
                and any(m.start == p[0] and not m.bare for m in s.mentions)]
        opening = [p for p in told if p[0] <= 3]
        meets = seat(s.low, lang, gazetteer)
        if opening:
            # "À Moscou, M. Annan a dit que le Conseil de sécurité devait ...": the sentence opens
            # on where it happens, not on the seat of the body it names
            place, relation = opening[0][1], opening[0][2]
        elif meets is not None:
            place, relation = meets, "in"
        d = _draft(s, talk.rule, talk.start, place, relation, doc, lang, ctx, drafts)
        d.tags |= set(tags_of(s.low, lang)) | set(talk.rule.tags)
        town = (opening or meets is None) and any(p[1] is place for p in told)
        if not s.dates and doc.ref_date is not None and not town:
            # talks are everywhere in comment; a day makes them news (a text with no date of its
            # own, a bare snippet, could tell none), and so does the city they were held in
            # ("Lors d'une visite à Téhéran, M. Brahimi a appelé ...")
            d.confidence -= 0.15
        out.append(d)
    return out


def _causes(s: Sentence, lang: str) -> list[tuple[cas.Figure, Trigger]]:
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


def _day_before(s: Sentence, d: Draft, early: list[Claim], places, lang: str, doc: Document,
                ctx: dict, drafts: list[Draft]) -> Draft | None:
    """The event of the day before that a clause "au lendemain de ..." tells, with its own cue and
    place; a trailing clause that names no place of its own ("au lendemain d'un attentat suicide
    ... dans le centre du pays") is not at the sentence's place, and is left out."""
    m = rules(lang)["day_before"].search(s.low)
    start = m.start() if m else 0
    own = [p for p in places if p[0] > start]
    if own:
        place, relation = nearest(own, start)
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


def _split(s: Sentence, rule: Rule, places, killed, lang: str):
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
    place, relation = nearest(places, killed[0].start if killed and rule.inferred else 0)
    return [(place, relation, None)]


def _draft(s: Sentence, rule: Rule, anchor: int, place, relation, doc: Document, lang: str,
           ctx: dict, drafts: list[Draft]) -> Draft:
    d = Draft(rule=rule, sentence=s, anchor=anchor, place=place, relation=relation,
               sentences=[s], confidence=rule.strength)
    if place is None:
        talks = rule.family == "talks"
        # a draft placed nowhere in between ("« Des snipers ont pris position »") does not break
        # the thread back to the place told before
        placed = [e for e in drafts if e.place is not None]
        prev = previous(placed, s, ("talks",) if talks else VIOLENT_FAMILIES + ("arrest",))
        if prev and prev.place.kind != "country":
            d.place, d.relation = prev.place, prev.relation
        elif not talks and _killed(s) and ctx.get("gazetteer"):
            # "Deraa a été investie ... « Des snipers ... » « Au moins 25 martyrs sont tombés »":
            # a toll told right after a place is named, with no event there yet, is there
            d.place = antecedent(doc, s, ctx["gazetteer"], ctx["countries"])
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


def _killed(s: Sentence) -> bool:
    return any(f.kind == "killed" and not f.cumulative for f in s.figures)


def _date(d: Draft, s: Sentence, doc: Document, ctx: dict, drafts: list[Draft] = ()) -> None:
    """The event's day: the date words nearest its cue, else the paragraph's, else the article's."""
    limit = doc.article.published or doc.ref_date
    said_on = cas.rules(doc.lang)["said_on"]
    usable = [m for m in s.dates if (m.day is None or limit is None or m.day <= limit)
              and not said_on.search(s.low[max(0, m.start - 60):m.start])]
    occurred = rules(doc.lang)["occurred_on"]
    bound = [m for m in usable if occurred and d.rule.family != "talks" and m.start > d.anchor
             and occurred.search(s.low[max(0, m.start - 40):m.start])]
    if usable:
        # "a condamné dimanche les bombardements, survenus dans la nuit de vendredi à samedi":
        # the day bound to the event, not the statement's
        m = bound[0] if bound else min(usable, key=lambda m: abs(m.start - d.anchor))
        if m.day is not None:
            d.day, d.days, d.precision = m.day, m.days or (m.day,), m.precision
            d.named = _calendar(m)
            if not in_clause(s.low, m.start, doc.lang, "relative_clause"):
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
        d.named = _calendar(earlier)
    elif ctx["news"] is not None:
        d.day, d.days, d.precision, d.news_day = ctx["news"], (ctx["news"],), "day", True


def _calendar(m: DateMention) -> bool:
    """Is the date a calendar day written out ("le 25 mai", "June 6"), not a weekday or "hier"?"""
    return m.precision == "day" and any(ch.isdigit() for ch in m.text)


def _earlier_date(doc: Document, s: Sentence, limit) -> DateMention | None:
    """The date of a short heading sentence just before, in the same paragraph ("Treimsa, 12
    juillet."); a date inside a longer sentence belongs to that sentence's own events."""
    j = s.index - 1
    if j < 0 or doc.sentences[j].paragraph != s.paragraph or len(doc.sentences[j].text.split()) > 8:
        return None
    found = [m for m in find_dates(doc.sentences[j].text, doc.ref_date, doc.lang)
             if m.day is not None and (limit is None or m.day <= limit)]
    return found[-1] if found else None


def _attach(d: Draft, s: Sentence, claims: list[Claim]) -> None:
    if s not in d.sentences:
        d.sentences.append(s)
    d.claims.extend(claims)


