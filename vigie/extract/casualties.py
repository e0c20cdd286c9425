"""Casualty figures of a sentence: kind, group, qualifier, who states them, cumulative or not.

The cues live in `lang/<code>/casualties.yaml` and `attribution.yaml`; this module only reads the
words around each figure that `numbers.find_numbers` found.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from .. import lang as langdata
from ..models import LOWER_BOUNDS, Claim, Fatalities, NumberMention

PART_GROUPS = ("children", "women")
# A sentence that counts the killed or jailed by the ten thousand ("plus de 200.000 personnes ont
# été emprisonnées ... et des centaines sont mortes sous la torture") tells statistics of a war, not
# an event: no single clash, strike or massacre of the conflicts we code comes near that figure.
STATISTICS_SCALE = 10_000
QUOTES = "\"«“'"


@dataclass(frozen=True)
class Figure:
    """A figure of a sentence with what the words around it say."""
    start: int            # offsets in the sentence
    end: int
    count: int
    qualifier: str
    kind: str | None      # None: not a count of casualties
    group: str | None
    subgroup: bool        # "dont quatre enfants": a part of the figure before it
    cumulative: bool      # a toll since a date, or over the whole country
    total: bool = False   # "cinq civils, un à Idleb, deux à Deraa": the sum of the figures after it
    more: bool = False    # "six autres civils": victims besides those told before, not another report
    besides: bool = False  # "une femme a été tuée dans un autre secteur de la ville": adds to the toll


def _alt(patterns) -> str:
    return "(?:" + "|".join(patterns) + ")" if patterns else "(?!x)x"


@functools.lru_cache(maxsize=None)
def rules(lang: str) -> dict:
    """Compiled casualty and attribution cues of a language."""
    c = langdata.load(lang, "casualties")
    a = langdata.load(lang, "attribution")
    of = r"(?:" + "|".join(re.escape(w) + ("" if w.endswith("'") else " ") for w in c.get("of", [])) + r")?"
    tail = "|".join(re.escape(w) for w in c.get("group_tail_before", []))
    joiners = "|".join(re.escape(w) if not w.isalpha() else rf"\b{w}\b" for w in c.get("joiners", []))
    more = r"(?:" + _alt(c.get("additional", [])) + r"\s+)?"
    group_words = sorted(((w, g) for g, ws in c.get("groups", {}).items() for w in ws),
                         key=lambda x: -len(x[0]))
    return {
        "after": {k: re.compile(r"\b" + _alt(v) + r"\b") for k, v in c.get("after", {}).items()},
        "nominal": {k: re.compile(r"^\s*" + of + _alt(v) + r"\b")
                    for k, v in c.get("nominal", {}).items()},
        "before": {k: re.compile(r"\b" + _alt(v) + r"\s*$") for k, v in c.get("before", {}).items()},
        "group": re.compile(r"^\s*" + of + more + "(" + "|".join(re.escape(w) for w, _ in group_words)
                            + r")\b(?:\s+(?:[\w-]+(?=\s*(?:" + tail + r")(?!\w)))?)?"),
        "group_of": {w: g for w, g in group_words},
        "not_people": re.compile(r"^\s*" + of + _alt(c.get("not_people", []))),
        "not_people_before": re.compile(_alt(c.get("not_people_before", [])) + r"\s*$"),
        "apposition_before": re.compile(_alt(c.get("apposition_before", [])) + r"\s*$"),
        "apposition_after": re.compile(_alt([re.escape(w) for w in c.get("apposition_after", [])])),
        "relative_before": re.compile(r"\b" + _alt(c.get("relative_pronouns", [])) + r"\s+$"),
        "part_of": re.compile(r"^\s*" + _alt([re.escape(w) for w in c.get("part_of", [])]) + r"\s*$")
        if c.get("part_of") else None,
        "subgroup": re.compile(_alt([re.escape(w) for w in c.get("subgroup", [])]) + r"\s*$"),
        "subgroup_any": re.compile(r"\b" + _alt([re.escape(w) for w in c.get("subgroup", [])]) + r"\b"),
        "coordinated": re.compile(r"^[\w\s'-]{0,30}(?:" + joiners + r")(?:\s+" + _alt(c.get("possessives", []))
                                  + r")?\s*$"),
        "subgroup_join": re.compile(r"^[\w\s'-]{0,20}(?:" + joiners + r")\s*$"),
        # "74 regime and allied militia forces and 59 IS fighters": the first group's words, then a joiner
        "group_join": re.compile(r"^[\w\s'’-]{0,45}(?:" + joiners + r")\s*$"),
        "cumulative": re.compile(_alt(c.get("cumulative", []))),
        "cumulative_before": re.compile(_alt(c.get("cumulative_before", []))),
        "cumulative_breaks": re.compile(_alt([re.escape(w) for w in c.get("cumulative_breaks", [])])),
        "one_killed": re.compile(r"\b" + _alt(c.get("one_killed", [])) + r"\b"),
        "unknown_toll": re.compile(_alt(c["unknown_toll"])) if c.get("unknown_toll") else None,
        "no_deaths": re.compile(_alt([re.escape(w) for w in c.get("no_deaths", [])])),
        "civilian_groups": set(c.get("civilian_groups", [])),
        "additional": re.compile(r"^\s*" + _alt(c.get("additional", [])) + r"\s+"
                                 + _alt(c.get("distributive", [])) + r"\b"),
        "distributive": re.compile(r"^\s*" + _alt(c.get("distributive", [])) + r"\b"),
        "more": re.compile(r"^\s*" + _alt(c.get("additional", [])) + r"\b"),
        "elsewhere": re.compile(_alt(c["elsewhere"])) if c.get("elsewhere") else None,
        "attr_before": re.compile(r"\b" + _alt(a.get("cues_before", [])) + r"\s+"),
        "attr_after": re.compile(r"(?:,|«|»|\"|\))\s*" + _alt(a.get("cues_after", [])) + r"\s+"),
        # ", a rapporté une ONG vendredi": the day a source spoke, not the day of the event (but
        # "ont fait état d'un massacre mercredi" dates the massacre)
        "said_on": re.compile(r"(?:,|«|»|\"|\))\s*" + _alt(a.get("cues_after", []))
                              + r"(?:\s+[\w'-]+){0,4}\s*$"),
        "attr_subject": re.compile(r"^(.{2,80}?)\s+" + _alt(a.get("subject_verbs", [])) + r"\b"),
        "relay": re.compile(r"\W*" + _alt(a.get("relays", []))),
        "concession": re.compile(r"\W*" + _alt(a["concessions"]) + r"\b") if a.get("concessions") else None,
        # a concessive clause runs to its comma: "même si un attentat a fait 44 morts la semaine
        # dernière, un étudiant a ouvert le feu"
        "conceded": re.compile(r"\b" + _alt(a["concessions"]) + r"\b[^,;]*") if a.get("concessions") else None,
        "attr_clause": re.compile(r"\b" + _alt(a["clause_openers"]) + r"\s+(.{2,60}?)\s+"
                                  + _alt(a.get("subject_verbs", [])) + r"\b") if a.get("clause_openers") else None,
        # an actor named as a source is no party to the event: "police said", "selon l'armée"
        "speaks_after": re.compile(r"\s*,?\s*" + _alt(a.get("subject_verbs", [])) + r"\b"),
        "speaks_before": re.compile(r"\b" + _alt(a.get("cues_before", [])) + r"\s+(?:[\w']+\s+)?$"),
        "attr_stop": re.compile(_alt([re.escape(w) for w in a.get("stop", [])])),
        "back_reference": set(a.get("back_reference", [])),
        "pronouns": set(a.get("pronouns", [])),
        "demonstratives": set(a.get("demonstratives", [])),
        "complementizer": re.compile(_alt([re.escape(w) + ("" if w.endswith("'") else r"\b")
                                           for w in a.get("complementizers", [])])),
        "canonical": sorted(a.get("canonical", {}).items(), key=lambda kv: -len(kv[0])),
    }


def figures(text: str, numbers: list[NumberMention], lang: str,
            skip: list[tuple[int, int]] = ()) -> list[Figure]:
    """Read each figure of a sentence: its kind, group, and whether it is a part or a total."""
    r = rules(lang)
    low = text.lower()
    nums = [n for n in numbers if not any(s <= n.start < e or s < n.end <= e for s, e in skip)]
    out: list[Figure] = []
    ages: set[NumberMention] = set()     # ages, durations, objects: no subject of a death verb
    parent: Figure | None = None
    for i, n in enumerate(nums):
        window = low[n.end:_window_end(low, n, nums[i + 1:], r)]
        before = low[max(0, n.start - 30):n.start]
        # "Eric Whitaker, 52, died on the scene": a figure set off by commas after a name is an age;
        # so is one after a capitalized name and before "and" ("Alexis Mungin, 29 and pregnant")
        age = r["apposition_before"].search(before) and (
            low[n.end:n.end + 1] == "," or (r["apposition_after"].match(low, n.end)
                                            and re.search(r"[A-Z][\w'’.-]*,\s*$", text[:n.start])))
        if age or r["not_people"].match(window) or r["not_people_before"].search(before):
            parent = None
            ages.add(n)
            continue
        prev = nums[i - 1] if i else None
        kind = _part_verb(window, r) if prev is not None and prev not in ages and r["part_of"] \
            and r["part_of"].match(low[prev.end:n.start]) else None
        if kind:
            # "one of three people shot has died": three is the group, one its dead (the verb is
            # the first figure's: "two of four people found dead" names two of the four dead)
            had = next((f for f in out if f.start == prev.start), None)
            if had is None or had.kind is None:
                out = [f for f in out if f.start != prev.start]
                out.append(Figure(prev.start, prev.end, prev.value, prev.qualifier, kind, None, False,
                                  bool(had and had.cumulative)))
            parent = None
            ages.add(n)
            continue
        between = low[out[-1].end:n.start] if out else ""
        is_sub = bool(parent and (r["subgroup"].search(low[max(0, n.start - 30):n.start])
                                  or (out[-1].subgroup and r["subgroup_join"].match(between[-25:]))))
        g = r["group"].match(window)
        group = r["group_of"].get(g.group(1)) if g else None
        if is_sub:
            out.append(Figure(n.start, n.end, n.value, n.qualifier, parent.kind, group, True,
                              parent.cumulative))
            continue
        kind, how = _kind(low[max(0, n.start - 45):n.start], window, window[g.end():] if g else window, r)
        if kind is None and not group and parent and r["additional"].match(window):
            # "quatre civils ont péri à Hama et un autre à Alep": one more of the same kind
            out.append(Figure(n.start, n.end, n.value, n.qualifier, parent.kind, parent.group,
                              False, parent.cumulative))
            continue
        if kind is None and not group and parent and r["distributive"].match(window):
            # "cinq civils, un dans la province d'Idleb, deux à Deraa": each town's own toll
            head = next(k for k in range(len(out) - 1, -1, -1) if out[k] is parent)
            out[head] = parent = replace(parent, total=True)
            out.append(Figure(n.start, n.end, n.value, n.qualifier, parent.kind, parent.group,
                              False, parent.cumulative))
            continue
        if n.value == 1 and not group and how == "after":
            continue                     # "un raid a tué": an article, not a count
        # the cue before a figure is looked for in its own clause after the figure before it: "5.000
        # morts en neuf mois, ont encore coûté la vie à cinq civils" is no cumulative five, but "En
        # six jours, 31 personnes ont trouvé la mort" is cumulative
        lo = max(0, n.start - 90, out[-1].end if out else 0)
        if out:
            lo += low[lo:n.start].rfind(",") + 1
        before = r["cumulative_before"].search(low[lo:n.start])
        cumulative = bool(r["cumulative"].search(low[n.end:_clause_end(low, n.end)])
                          or (before and not r["cumulative_breaks"].search(low[lo + before.end():n.start])))
        clause = low[n.end:_clause_end(low, n.end)]
        fig = Figure(n.start, n.end, n.value, n.qualifier, kind, group, False, cumulative,
                     more=bool(r["more"].match(window)),
                     besides=bool(r["elsewhere"] and r["elsewhere"].search(clause)))
        out.append(fig)
        parent = fig if kind else None
    out = _following(_coordinated(_enumerations(out), low, r), low, r)
    if any(f.kind in ("killed", "arrested") and f.count >= STATISTICS_SCALE for f in out):
        out = [replace(f, cumulative=True) for f in out]
    if not any(f.kind == "killed" for f in out):
        # "Mechaal Tamo a été assassiné vendredi": one person killed, with no figure to say so
        m = r["one_killed"].search(low)
        # a figure just before the verb may be its toll, told otherwise; not when it is one ("One
        # militia fighter was killed") or counts people with no death of theirs, the killers ("2
        # IS fighters assassinated a QSD fighter"): 40 Syria development rows read no death so
        doers = {(f.start, f.end) for f in out if f.kind is None and f.group}
        if m and not any(m.start() - 60 < n.end <= m.start() for n in nums
                         if n not in ages and n.value != 1 and (n.start, n.end) not in doers):
            # one death told of one person ("a man was fatally shot") is at least the event's toll:
            # another report's "three dead" is the whole of it, not a rival figure
            out.append(Figure(m.start(), m.end(), 1, "at_least", "killed", None, False, False))
    return out


def _part_verb(window: str, r) -> str | None:
    """The kind a verb with its auxiliary gives the figure before "of": the group's own verb in a
    relative clause ("four of the five people who died were identified") is not it."""
    found = [(m.start(), kind) for kind, rx in r["after"].items() for m in [rx.search(window)] if m]
    if not found:
        return None
    at, kind = min(found)
    return None if r["relative_before"].search(window[:at]) else kind


def _coordinated(out: list[Figure], low: str, r) -> list[Figure]:
    """"Trois soldats et cinq rebelles ont été tués", "une femme et ses deux enfants ... ont été
    tués": figures joined before one verb share its kind."""
    for k in range(len(out) - 2, -1, -1):
        f, nxt = out[k], out[k + 1]
        if f.kind is None and f.group and nxt.kind and not nxt.subgroup \
                and r["coordinated"].match(low[f.end:nxt.start]):
            out[k] = replace(f, kind=nxt.kind, cumulative=nxt.cumulative)
    return out


def _following(out: list[Figure], low: str, r) -> list[Figure]:
    """"Killing at least 74 regime forces and 59 IS fighters": a group figure joined right after
    a toll, with no verb of its own, is more of that toll's kind (a group of its own, so the two
    add up)."""
    for k in range(1, len(out)):
        f, prev = out[k], out[k - 1]
        if f.kind is None and f.group and prev.kind and not prev.subgroup and prev.group != f.group \
                and r["group_join"].match(low[prev.end:f.start]):
            out[k] = replace(f, kind=prev.kind, cumulative=prev.cumulative)
    return out


def _enumerations(out: list[Figure]) -> list[Figure]:
    """"Au moins 29 personnes, dix soldats, huit rebelles et onze civils, ont été tuées": a figure
    with no cue of its own followed by figures that add up to it is their total, of their kind."""
    for i, f in enumerate(out):
        if f.kind is not None or f.cumulative:
            continue
        acc = 0
        for j in range(i + 1, len(out)):
            acc += out[j].count
            if acc >= f.count:
                break
        else:
            continue
        kind = out[j].kind
        if acc == f.count and j > i + 1 and kind and not any(g.subgroup for g in out[i + 1:j + 1]):
            out[i] = replace(f, kind=kind)
            for k in range(i + 1, j + 1):
                out[k] = replace(out[k], kind=kind, subgroup=True)
    return out


def _window_end(low: str, n: NumberMention, following: list[NumberMention], r) -> int:
    """Where a figure's cue may stand: before the next figure that is not one of its parts."""
    end = min(len(low), n.end + 140)
    for m in following:
        if r["subgroup_any"].search(low[n.end:m.start]) or r["not_people"].match(low[m.end:m.end + 20]):
            continue                     # "17 civils, dont 4 enfants, ont été tués": cue after parts
        return min(end, m.start)
    return end


def _clause_end(low: str, start: int) -> int:
    m = re.compile(r"[;:]|\. ").search(low, start)
    return m.start() if m else len(low)


def _kind(before: str, window: str, rest: str, r) -> tuple[str | None, str]:
    """The kind a figure's neighbouring words give it (or None), and which words gave it."""
    # the noun right after a figure is more specific than a verb before it: "faisant neuf blessés"
    for kind, rx in r["nominal"].items():
        if rx.match(window):
            return kind, "nominal"
    for kind, rx in r["before"].items():
        if rx.search(before):
            return kind, "before"
    for kind, rx in r["nominal"].items():
        if rx.match(rest):
            return kind, "nominal"
    best, where = None, None
    for kind, rx in r["after"].items():
        m = rx.search(rest)
        if m and (where is None or m.start() < where):
            best, where = kind, m.start()
    return best, "after"


def attribution(text: str, lang: str, last: str | None = None) -> str | None:
    """Who the sentence says states its figures ("selon l'OSDH"), canonical where known."""
    r = rules(lang)
    low = text.lower()
    # the last source named wins: "Ces violences, qui ont fait 5.000 morts selon l'ONU, ont coûté
    # la vie à cinq civils, selon l'OSDH" gives the OSDH's figures
    found = []
    for rx in (r["attr_before"], r["attr_after"]):
        for m in rx.finditer(low):
            # ", a-t-il dit, en affirmant ...": the pronoun in the cue is the source
            pronoun = next((w for w in re.findall(r"\w+", m.group(0)) if w in r["pronouns"]), None)
            name = pronoun or _source_name(text, m.end(), r)
            if name:
                found.append((m.start(), name))
    # the subject of a reporting verb opening the sentence, or a clause ("puisque les opposants
    # ont accusé Damas ..., évoquant 1 300 victimes")
    m = r["attr_subject"].match(low)
    if m and r["concession"] and r["concession"].match(low):
        # "Même si le régime a démenti ... et que l'OSDH a évoqué 100 morts": a conceded denial
        # does not state the figures; the clause after it may name who does
        m = None
    m = m or (r["attr_clause"] and r["attr_clause"].search(low))
    # a quotation opening the sentence is what is said, not who says it
    subject = _canonical(text[m.start(1):m.end(1)].strip(), r, last) \
        if m and not re.search(r"\d", m.group(1)) and m.group(1)[:1] not in QUOTES else None
    # "Abdallah Abazid, militant, cité par l'AFP": the agency relays, the one it quotes speaks
    spoke = [f for f in found if not r["relay"].match(low[f[0]:])] or found
    if spoke:
        name = max(spoke)[1]
        if name.lower().split()[0] in r["pronouns"] and subject:
            return subject               # "Sana a annoncé l'assassinat ..., tué selon elle": Sana
        return _canonical(name, r, last)
    return subject


def _source_name(text: str, start: int, r) -> str | None:
    """The words naming a source, from `start` to the first stop word (at most 10 words).

    An apposition after a comma is kept ("Abdallah Abazid, autre militant des droits de
    l'homme"): it often says who the named person speaks for.
    """
    chunk = text[start:start + 200]
    if r["complementizer"].match(chunk.lower()):
        return None                      # "affirme que plusieurs dizaines de cadavres ..."
    m = r["attr_stop"].search(chunk.lower())
    name = chunk[:m.start()] if m else chunk
    if m and chunk[m.start()] == "," and name.strip()[:1].isupper():
        rest = chunk[m.end():].lstrip()
        m2 = r["attr_stop"].search(rest.lower())
        appos = rest[:m2.start()] if m2 else rest
        if appos[:1].islower() and len(appos.split()) <= 10:
            name = f"{name.strip()}, {appos.strip()}"
    words = name.split()
    return " ".join(words[:16]) if words else None


def _transposed_acronym(name: str, r) -> str | None:
    """The known source whose acronym (four letters or more) the name writes with two adjacent
    letters swapped, the commonest typing slip; None otherwise."""
    m = re.search(r"(?<![\w])([A-Z]{4,})(?![\w])", name)
    if m is None or len(name.split()) > 2:
        return None
    word = m.group(1).lower()
    for key, canon in r["canonical"]:
        if len(key) == len(word) and key.isalpha() and key != word and sorted(key) == sorted(word):
            diff = [i for i in range(len(key)) if key[i] != word[i]]
            if len(diff) == 2 and diff[1] == diff[0] + 1:
                return canon
    return None


def opening_source(text: str, lang: str) -> str | None:
    """A known source that opens the sentence as its subject, whatever its verb ("L'OSDH, autre
    ONG, n'a pas confirmé ..."): the one a pronoun in the next sentence takes up ("Elle affirme")."""
    r = rules(lang)
    head = re.split(r"[,;:]", text, maxsplit=1)[0]
    if len(head.split()) > 10:
        return None
    low = head.lower()
    return next((canon for key, canon in r["canonical"]
                 if re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", low)), None)


def _canonical(name: str, r, last: str | None) -> str | None:
    low = name.lower().strip()
    words = low.split()
    if words and words[0] in r["pronouns"]:
        return last              # "a-t-il précisé": the source named before
    for key, canon in r["canonical"]:
        if re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", low):
            return canon         # "l'agence Sana" is Sana, not a reference to the agency named before
    swapped = _transposed_acronym(name, r)
    if swapped:
        return swapped           # "selon l'ODSH": the OSDH, two letters swapped
    if low in r["back_reference"] or (len(words) <= 2 and words and words[0] in r["back_reference"]) \
            or (len(words) <= 3 and words and words[0] in r["demonstratives"]):
        return last              # "ajoute l'organisation": the source named before
    return name.strip()


def claims_of(figs: list[Figure], sentence_text: str, source: str | None, article_id: str,
              ) -> list[Claim]:
    """Claims (schema objects) for the casualty figures of one sentence."""
    out = []
    for f in figs:
        if f.kind is None or f.cumulative:
            continue
        out.append(Claim(kind=f.kind, count=f.count, qualifier=f.qualifier, group=f.group,
                         attributed_to=source, article_id=article_id, quote=sentence_text.strip(),
                         role="part" if f.subgroup else "besides" if f.besides else None))
    return out


def fatalities(claims: list[Claim], lang: str) -> Fatalities:
    """ACLED's conservative rule over an event's killed claims (CODEBOOK.md).

    A figure from a party that denies the event ("le gouvernement a démenti ... un crime qui a
    fait 9 victimes") is kept as a claim and in low/high, but it tells another version of the
    event: it sets `best` only when no one else gives a figure.
    """
    civilian_groups = rules(lang)["civilian_groups"]
    killed = [c for c in claims if c.kind == "killed"]
    besides = [c for c in killed if c.role == "besides"]
    everyone = [c for c in killed if c.role not in ("part", "besides")]
    if not everyone:
        everyone, besides = besides, []
    if not everyone:
        return Fatalities()
    totals = [c for c in everyone if c.role != "denied"] or everyone
    # "Quatre civils y ont péri. Une femme et ses deux enfants ont été tués ...": figures about
    # women or children only, told beside a figure about everyone, are its parts, not other reports.
    wider = [c for c in totals if c.group not in PART_GROUPS]
    if wider:
        totals = wider
    # Figures about different groups in one sentence add up ("3 soldats et 5 rebelles");
    # figures from different sentences or sources are alternative reports of one toll.
    by_quote: dict[str, list[Claim]] = {}
    for c in totals:
        by_quote.setdefault(c.quote, []).append(c)
    alternatives = []
    for cs in by_quote.values():
        groups = {c.group for c in cs}
        if len(cs) > 1 and len(groups) == len(cs) and None not in groups:
            q = "exact" if all(c.qualifier not in LOWER_BOUNDS for c in cs) else "at_least"
            alternatives.append(replace(cs[0], count=sum(c.count for c in cs), qualifier=q, group=None))
        else:
            alternatives.extend(cs)
    firm = [c.count for c in alternatives if c.qualifier not in LOWER_BOUNDS]
    bounds = [c.count for c in alternatives if c.qualifier in LOWER_BOUNDS]
    # victims told in another part of the town add to the toll told before
    extra = sum(c.count for c in besides)
    best = (min(firm) if firm else max(bounds)) + extra
    values = [v + extra for v in firm + bounds] + [c.count for c in everyone if c not in totals]
    part = {g: None for g in ("children", "women", "civilians")}
    for c in claims:
        if c.kind != "killed" or not c.group:
            continue
        g = c.group
        if g in ("children", "women") and part[g] is None:
            part[g] = c.count
        if g in civilian_groups and c.role != "part" and part["civilians"] is None:
            part["civilians"] = c.count
    if part["civilians"] is not None and best is not None:
        part["civilians"] = min(part["civilians"], best)
    return Fatalities(best=best, low=min(values), high=max(values), **part)
