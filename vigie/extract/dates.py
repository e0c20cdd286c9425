"""Date expressions in a sentence, resolved against the article's reference date.

Relative expressions (weekdays, "hier", "la semaine dernière", "il y a trois jours") never resolve
after the reference date; with no reference date their `day` is None. Absolute dates with a year
are returned as written. A day and month without a year take the reference year, or the year
before when that would put them more than FUTURE_SLACK days after the reference (so "le 19 juin"
in a March dispatch is last June, while "le 5 mars" in a 3 March dispatch stays a future day that
the caller drops). All words live in `lang/<code>/dates.yaml`.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from datetime import date, timedelta

from .. import lang as langdata
from ..models import DateMention

# A day-month without a year up to a month after the reference is an announcement in this year,
# not last year's date: "réunion le 30 juin" in a 6 June dispatch.
FUTURE_SLACK = 31
# "Au cours des récentes semaines", "in recent weeks": a span that ends on the reference date and
# that a coder codes at month precision (ACLED time_precision 3); a month's days, as resolve.py
# reads a month-precision event's span (SPAN_DAYS["month"] = 31), so its last day is the reference.
RECENT_DAYS = 31
# "En début de semaine", "early in the week": its Monday or Tuesday.
WEEK_START = 2


def _alt(words, space: str = r"\s+") -> str:
    """Alternation of phrases, longest first; "'" matches both apostrophes, inner spaces any."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+")
        out.append(p)
    return "(?:" + "|".join(out) + ")" if out else "(?!)"


def _prefixed(words) -> str:
    """Prefix phrases then their gap: none after "mi-" or "l'", a space otherwise."""
    tight = [w for w in words if w.endswith(("-", "'"))]
    loose = [w for w in words if w not in tight]
    parts = []
    if loose:
        parts.append(_alt(loose) + r"\s+")
    if tight:
        parts.append(_alt(tight))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@functools.lru_cache(maxsize=None)
def _data(lang: str) -> dict:
    return langdata.load(lang, "dates")


def _months(lang: str) -> dict[str, int]:
    return {k.casefold(): int(v) for k, v in _data(lang).get("months", {}).items()}


def day_month_pattern(lang: str) -> str:
    """Regex (no groups) for '6 avril', '1er mars 2012', 'April 6', 'June 19, 2012'."""
    d = _data(lang)
    months = "(?i:" + _alt(_months(lang)) + r")(?![\w])"  # "April" and "avril" alike
    suffix = _alt(d.get("day_suffix", []))
    day = rf"(?<!\d)(?:[12]\d|3[01]|0?[1-9]){suffix}?"
    pat = rf"{day}\s+{months}(?:\s+(?:19|20)\d\d)?"
    if d.get("month_first"):
        pat += rf"|{months}\s+{day}(?!\d)(?:,?\s+(?:19|20)\d\d)?"
    return f"(?:{pat})"


def parse_day_month(text: str, lang: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of a string matching day_month_pattern."""
    months = _months(lang)
    day = month = year = None
    for tok in re.findall(r"\d+|[^\W\d]+\.?", text):
        if tok.isdigit():
            if len(tok) == 4:
                year = int(tok)
            elif day is None:
                day = int(tok)
        elif month is None:
            low = tok.casefold()
            month = months.get(low) or months.get(low.rstrip("."))
    if day is None or month is None:
        return None
    return day, month, year


def past_day(day: int, month: int, ref: date) -> date | None:
    """The latest date with this day and month on or before `ref` (None if none in 8 years)."""
    for year in range(ref.year, ref.year - 8, -1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= ref:
            return d
    return None


def _year_for(day: int, month: int, ref: date, weekday: int | None) -> date | None:
    """The day-month in the reference year, or the year before when > FUTURE_SLACK days ahead;
    a weekday written with it ('mardi 6 mars') picks the year where it matches."""
    cands = []
    for year in (ref.year, ref.year - 1, ref.year + 1):
        try:
            cands.append(date(year, month, day))
        except ValueError:
            pass
    if not cands:
        return None
    best = [c for c in cands[:2] if c <= ref + timedelta(days=FUTURE_SLACK)]
    pick = best[0] if best else cands[0]
    if weekday is not None and pick.weekday() != weekday:
        matching = [c for c in cands if c.weekday() == weekday and c <= ref + timedelta(days=FUTURE_SLACK)]
        if matching:
            pick = max(matching)
    return pick


def _past_weekday(wd: int, ref: date) -> date:
    """The most recent `wd` on or before `ref` (the same day counts)."""
    return ref - timedelta(days=(ref.weekday() - wd) % 7)


def _shift_month(d: date, months: int) -> date:
    """First day of the month `months` away from d's."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@functools.lru_cache(maxsize=None)
def _patterns(lang: str) -> list[tuple[str, re.Pattern]]:
    """(kind, compiled regex) for every date form of a language."""
    d = _data(lang)
    wd = _alt(d.get("weekdays", {})) + r"(?!\w)"
    months = _alt(_months(lang)) + r"(?!\w)"
    suffix = _alt(d.get("day_suffix", []))
    day = r"(?:[12]\d|3[01]|0?[1-9])"
    year = r"(?:19|20)\d\d"
    b = r"(?<![\w'’])"
    # 'on Friday August 19th': the words before a weekday belong to the day-month after it too,
    # else the weekday alone, starting earlier, wins and resolves against the publication day
    pre = _alt(d.get("weekday_before", []))
    pats = [
        ("night_abs", rf"{b}{_alt(d.get('night_prefix', []))}\s+(?P<d1>{day}){suffix}?\s+"
                      rf"{_alt(d.get('night_joiner', []))}\s+(?P<d>{day}){suffix}?\s+(?P<m>{months})"
                      rf"(?:\s+(?P<y>{year}))?(?!\d)"),
        ("absolute", rf"{b}(?:(?:{pre}\s+)?(?P<wd>{wd}),?\s+)?(?<!\d)(?P<d>{day}){suffix}?\s+(?P<m>{months})"
                     rf"(?:\s+(?P<y>{year}))?(?!\d)"),
        ("night", rf"{b}{_alt(d.get('night_prefix', []))}\s+(?P<w1>{wd})"
                  rf"(?:\s+{_alt(d.get('night_joiner', []))}\s+(?P<w2>{wd}))?"),
        ("weekday", rf"{b}(?:(?P<pre>{_alt(d.get('weekday_before', []) + d.get('weekday_past_before', []) + d.get('weekday_future_before', []))})\s+)?"
                    rf"(?P<w>{wd})(?:\s+(?P<post>{_alt(d.get('weekday_after', []) + d.get('weekday_past', []) + d.get('weekday_future', []))})(?!\w))?"),
        ("relday", rf"{b}(?P<r>{_alt(d.get('relative_days', {}))})(?!\w)"),
        ("span", rf"{b}(?P<r>{_alt(d.get('relative_spans', {}))})(?!\w)"),
        ("month", rf"{b}(?:{_prefixed(d.get('month_prefix', []))}(?P<m>{months})(?:\s+(?P<y>{year}))?"
                  rf"|(?P<m2>{months})\s+(?P<y2>{year}))(?!\d)"),
        ("year", rf"{b}{_prefixed(d.get('year_prefix', []))}(?P<y>{year})(?![\d,.]\d|\s*%)"),
    ]
    if d.get("month_first"):
        pats.insert(2, ("absolute", rf"{b}(?:(?:{pre}\s+)?(?P<wd>{wd}),?\s+)?(?P<m>{months})\s+(?P<d>{day}){suffix}?(?!\d)"
                                    rf"(?:,?\s+(?P<y>{year}))?(?!\d)"))
    if d.get("numeric_dmy"):
        pats.append(("numeric", r"(?<![\d/.-])(?P<d>[0-3]?\d)([/.-])(?P<m>[01]?\d)\2(?P<y>(?:19|20)?\d\d)(?![\d/.-]\d)"))
    units = _alt(d.get("ago_units", {}))
    count = r"(?P<n>[\w'’-]+(?:\s+[\w'’-]+){0,2}?)"
    if d.get("ago_prefix"):
        pats.append(("ago", rf"{b}{_alt(d['ago_prefix'])}\s+{count}\s+(?P<u>{units})(?!\w)"))
    if d.get("ago_suffix"):
        pats.append(("ago", rf"{b}{count}\s+(?P<u>{units})\s+{_alt(d['ago_suffix'])}(?!\w)"))
    return [(kind, re.compile(p, re.I)) for kind, p in pats]


def find_dates(text: str, ref_date: date | None, lang: str) -> list[DateMention]:
    """Every date expression of `text`, non-overlapping, in order (longest at a start wins)."""
    found = []
    before, after = _appointments(lang)
    for kind, rx in _patterns(lang):
        for m in rx.finditer(text):
            mention = _resolve(kind, m, ref_date, lang)
            if mention is not None and not (before and before.search(text, max(0, m.start() - 80), m.start())) \
                    and not (after and after.match(text, m.end())):
                found.append(mention)
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out, last = [], -1
    for mention in found:
        if mention.start >= last:
            out.append(mention)
            last = mention.end
    return out


@functools.lru_cache(maxsize=None)
def _appointments(lang: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(words just before, words just after) a date that make it an appointment ('a hearing is
    scheduled for March 14', 'his June 17 hearing'): a day to come, no day of the events. Resolved
    against the publication day it would be last year's (GVA: 145 such dates in 6,335 reports)."""
    d = _data(lang).get("appointment") or {}
    before, after = d.get("before") or [], d.get("after") or []
    return (re.compile(r"(?:" + "|".join(before) + r")\s+$", re.I) if before else None,
            re.compile(r"(?:,?\s+(?:19|20)\d\d)?\s+(?:" + "|".join(after) + r")(?!\w)", re.I) if after else None)


def _lookup(table: dict, phrase: str):
    """Value of a yaml phrase, matching apostrophes and spaces loosely, case-folded."""
    key = " ".join(phrase.replace("’", "'").casefold().split())
    for k, v in table.items():
        if " ".join(k.casefold().split()) == key:
            return v
    return None


def _resolve(kind: str, m: re.Match, ref: date | None, lang: str) -> DateMention | None:
    """A DateMention for one match, or None when it does not make a date."""
    d = _data(lang)
    g = m.groupdict()
    mk = lambda day, precision, days=(): DateMention(m.start(), m.end(), day, precision, m.group(), tuple(days))
    weekdays = {k.casefold(): v for k, v in d.get("weekdays", {}).items()}
    months = _months(lang)
    name = g.get("m") or g.get("m2") or ""
    if d.get("months_capitalized") and name[:1].islower():
        return None  # "they may 5 times"
    if kind in ("absolute", "night_abs", "numeric"):
        month = int(g["m"]) if kind == "numeric" else months.get(g["m"].casefold())
        dd, y = int(g["d"]), g.get("y")
        year = (int(y) + (2000 if len(y) == 2 else 0)) if y else None
        wd = weekdays.get(g["wd"].casefold()) if g.get("wd") else None
        try:
            if year:
                day = date(year, month, dd)
            elif ref is None:
                return mk(None, "day")
            else:
                day = _year_for(dd, month, ref, wd)
            if day is None:
                return None
            if kind == "night_abs":
                first = date(day.year, day.month, int(g["d1"])) if int(g["d1"]) <= dd else day - timedelta(days=1)
                return mk(first, "day", (first, day))
        except (ValueError, TypeError):
            return None
        return mk(day, "day", (day,))
    if kind == "night":
        if ref is None:
            return mk(None, "day")
        w1 = weekdays[g["w1"].casefold()]
        if g.get("w2"):
            second = _past_weekday(weekdays[g["w2"].casefold()], ref)
            first = _past_weekday(w1, second - timedelta(days=1))
            return mk(first, "day", (first, second))
        first = _past_weekday(w1, ref)
        return mk(first, "day", (first,))
    if kind == "weekday":
        pre = (g.get("pre") or "").casefold()
        post = (g.get("post") or "").casefold()
        future = {w.casefold() for w in d.get("weekday_future", []) + d.get("weekday_future_before", [])}
        past = {w.casefold() for w in d.get("weekday_past", []) + d.get("weekday_past_before", [])}
        if pre in future or post in future:
            return None  # "lundi prochain": an announcement, never after the reference
        if ref is None:
            return mk(None, "day")
        day = _past_weekday(weekdays[g["w"].casefold()], ref)
        if (pre in past or post in past) and day == ref:
            day -= timedelta(days=7)
        return mk(day, "day", (day,))
    if kind == "relday":
        offsets = _lookup(d.get("relative_days", {}), g["r"])
        if offsets is None:
            return None
        if ref is None:
            return mk(None, "day")
        days = [ref + timedelta(days=o) for o in offsets]
        return mk(days[0], "day", days)
    if kind == "span":
        unit, offset = _lookup(d.get("relative_spans", {}), g["r"]) or (None, 0)
        return _span(mk, unit, offset, ref)
    if kind == "month":
        month = months.get((g.get("m") or g.get("m2")).casefold())
        y = g.get("y") or g.get("y2")
        if y:
            return mk(date(int(y), month, 1), "month")
        if ref is None:
            return mk(None, "month")
        start = date(ref.year, month, 1)
        return mk(start if start <= ref else date(ref.year - 1, month, 1), "month")
    if kind == "year":
        return mk(date(int(g["y"]), 1, 1), "year")
    if kind == "ago":
        n = _count(g["n"], lang)
        unit = _lookup(d.get("ago_units", {}), g["u"])
        if n is None or unit is None:
            return None
        if ref is None:
            return mk(None, "day" if unit == "day" else unit)
        if unit == "day":
            day = ref - timedelta(days=n)
            return mk(day, "day", (day,))
        if unit == "week":
            return mk(ref - timedelta(days=7 * n), "week")
        return _span(mk, unit, -n, ref)
    return None


def _span(mk, unit: str | None, offset: int, ref: date | None) -> DateMention | None:
    """A week / month / year `offset` units from the reference: its first day. A weekend is its
    Saturday, with its Sunday as the other possible day (never after the reference). Recent weeks
    are the RECENT_DAYS up to the reference, every one of them an acceptable day."""
    if unit not in ("weekend", "week", "weekstart", "month", "year", "recent"):
        return None
    if ref is None:
        return mk(None, {"weekend": "week", "recent": "month", "weekstart": "day"}.get(unit, unit))
    if unit == "weekstart":
        # "en début de semaine": the week's first WEEK_START days before the reference; a Monday
        # report tells a past act of the week before ("l'armée était parvenue samedi ..., après
        # avoir détruit en début de semaine le mausolée", in a Monday dispatch)
        monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7 * offset)
        days = [monday + timedelta(days=i) for i in range(WEEK_START) if monday + timedelta(days=i) < ref]
        if not days:
            monday -= timedelta(days=7)
            days = [monday + timedelta(days=i) for i in range(WEEK_START)]
        return mk(days[0], "day", days)
    if unit == "recent":
        first = ref - timedelta(days=RECENT_DAYS - 1)
        return mk(first, "month", [first + timedelta(days=i) for i in range(RECENT_DAYS)])
    if unit == "weekend":
        sat = ref - timedelta(days=(ref.weekday() - 5) % 7 - 7 * offset)
        return mk(sat, "week", [x for x in (sat, sat + timedelta(days=1)) if x <= ref])
    if unit == "week":
        return mk(ref - timedelta(days=ref.weekday()) + timedelta(days=7 * offset), "week")
    if unit == "month":
        return mk(_shift_month(ref, offset), "month")
    return mk(date(ref.year + offset, 1, 1), "year")


def _count(text: str, lang: str) -> int | None:
    """The count of 'il y a trois jours': the yaml's own counts, else the one figure in it."""
    own = _lookup(_data(lang).get("ago_counts", {}), text)
    if own is not None:
        return int(own)
    from .numbers import find_numbers
    nums = find_numbers(text, lang)
    if len(nums) == 1 and nums[0].start == 0 and nums[0].end == len(text) and nums[0].qualifier == "exact":
        return nums[0].value
    return None


@functools.lru_cache(maxsize=None)
def _incident_cues(lang: str) -> re.Pattern | None:
    """dates.yaml incident_time as one regex (None: no cue in that language)."""
    cues = _data(lang).get("incident_time") or []
    return re.compile(r"(?<!\w)(?:" + "|".join(cues) + ")") if cues else None


def incident_days(sentences, ref: date | None, lang: str, within: int, written_within: int = 0) -> Counter:
    """Days that the sentences telling when the incident happened name ('The shooting occurred
    around 5:30 p.m. Thursday'), with how often: at most `within` days before `ref`, or
    `written_within` for a calendar day written out ('a shooting that occurred on Mar. 4, 2014',
    told by a report of the trial two years later)."""
    cue = _incident_cues(lang)
    out: Counter = Counter()
    if cue is None or ref is None:
        return out
    for s in sentences:
        if cue.search(s.text.lower()):
            for m in find_dates(s.text, ref, lang):
                limit = max(within, written_within) if any(ch.isdigit() for ch in m.text) else within
                if m.precision == "day" and m.day and 0 <= (ref - m.day).days <= limit:
                    out[m.day] += 1
    return out
