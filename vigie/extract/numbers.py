"""Figures in text, in digits and in words, with their qualifier ('au moins', 'plus de', 'environ').

`find_numbers` returns every figure that could be a count: years next to a month or after "en",
days of a date, clock times, ordinals, plain decimals and percentages are left out; ages,
distances and populations are returned, the caller judges them by context. "un"/"une" are
returned as 1 (the language file lists them under `indefinite`, for the caller). Vague plurals
follow CODEBOOK.md: "des dizaines" = 12, "des centaines" = 100, with qualifier `about`.
All words live in `lang/<code>/numbers.yaml`; regexes are compiled once per language.
"""
from __future__ import annotations

import functools
import re

from text_to_num import text2num

from .. import lang as langdata
from ..models import NumberMention

_SPACE = "[ \u00a0\u202f]"


def _alt(words) -> str:
    """Alternation of phrases, longest first, "'" matching both apostrophes, spaces loose."""
    parts = [re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+")
             for w in sorted(set(words), key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _gap_alt(words) -> str:
    """Phrases followed by their gap: none after an elided "d'", spaces otherwise."""
    tight = [w for w in words if w.endswith(("'", "-"))]
    loose = [w for w in words if w not in tight]
    parts = ([_alt(loose) + r"\s+"] if loose else []) + ([_alt(tight) + r"\s*"] if tight else [])
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _fold(s: str) -> str:
    return " ".join(s.replace("’", "'").casefold().split())


@functools.lru_cache(maxsize=None)
def _grammar(lang: str) -> dict:
    """Compiled patterns and folded tables of a language."""
    d = langdata.load(lang, "numbers")
    thousands = "|".join(_SPACE if s == " " else re.escape(s) for s in d.get("thousands_sep", []))
    dec = re.escape(d.get("decimal_sep", "."))
    w = _alt(d.get("words", [])) + r"(?![\w])"
    joiner = re.escape(d.get("joiner", ""))
    seq = rf"{w}(?:(?:\s*-\s*{joiner}\s*-\s*|\s+{joiner}\s+|[\s-]+){w})*" if joiner else rf"{w}(?:[\s-]+{w})*"
    nouns = {k.casefold(): v for k, v in d.get("approx_nouns", {}).items()}
    plural = {k.casefold(): v for k, v in d.get("approx_plural", {}).items()}
    scales = {k.casefold(): v for k, v in d.get("scales", {}).items()}
    ascales = {k.casefold(): v for k, v in d.get("approx_scales", {}).items()}
    digits = (rf"(?<![\w.,/:])(?<!\d-)(?:\d{{1,3}}(?:(?:{thousands})\d{{3}})+(?!\d)|\d+(?:{dec}\d+)?)"
              rf"(?![\w/:]|-\d|[.,]\d)")
    tail = lambda k: rf"(?:\s+{_gap_alt(d.get('scale_joiner', []))}(?P<ascale{k}>{_alt(ascales)})(?!\w))?"
    figure = (
        rf"(?P<as_det>{_alt(d.get('singular_determiners', []))})\s+(?P<as_noun>{_alt(nouns)})(?!\w){tail(1)}"
        rf"|(?P<an_num>\d+|{seq})\s+(?P<an_noun>{_alt(plural)})(?!\w){tail(2)}"
        rf"|(?:(?P<av_det>{_alt(d.get('vague_determiners', []))})\s+)?(?P<av_noun>{_alt(plural)})(?!\w){tail(3)}"
        rf"|(?P<num>{digits})(?:\s+(?P<dscale>{_alt(scales)})(?!\w))?"
        rf"|(?P<words>{seq})(?:\s+(?P<wscale>{_alt(scales)})(?!\w))?"
    )
    qb = d.get("qualifiers_before", {})
    qa = d.get("qualifiers_after", {})
    master = re.compile(rf"(?<![\w])(?:(?P<qual>{_gap_alt(qb)}))?(?:{figure})", re.I)
    months = langdata.load(lang, "dates").get("months", {})
    return {
        "master": master,
        "after": re.compile(rf"\s+(?P<q>{_alt(qa)})(?!\w)", re.I) if qa else None,
        "qb": {_fold(k): v for k, v in qb.items()},
        "qa": {_fold(k): v for k, v in qa.items()},
        "nouns": nouns, "plural": plural, "scales": scales, "ascales": ascales,
        "thousands": re.compile(thousands) if thousands else None,
        "dec": d.get("decimal_sep", "."),
        "percent": re.compile(rf"\s*{_alt(d.get('percent', []))}(?!\w)", re.I),
        "time": re.compile(rf"\s?{_alt(d.get('time_suffix', []))}(?:\s?\d\d)?(?![\w])", re.I),
        "month_after": re.compile(rf"\s+{_alt(months)}(?!\w)", re.I),
        "month_before": re.compile(rf"(?<![\w]){_alt(months)}\s+$", re.I),
        "year_before": re.compile(rf"(?:(?<![\w]){_alt(list(months) + d.get('year_before', []))})\s*$", re.I),
        "word_token": re.compile(w, re.I),
    }


def _words_value(span: str, lang: str, g: dict) -> tuple[int, int] | None:
    """(value, length used) of a word sequence: the longest prefix text2num reads."""
    tokens = list(g["word_token"].finditer(span))
    for k in range(len(tokens), 0, -1):
        end = tokens[k - 1].end()
        try:
            return text2num(span[:end].replace("-", " ").lower(), lang), end
        except (ValueError, TypeError):
            continue
    return None


def _digits_value(s: str, g: dict) -> float:
    """'1.600' / '1 600' / '1,600' -> 1600; '1,5' -> 1.5 (decimal mark of the language)."""
    if g["thousands"] is not None and g["thousands"].search(s) and not re.search(
            rf"{re.escape(g['dec'])}\d{{1,2}}$", s):
        return int(g["thousands"].sub("", s))
    return float(s.replace(g["dec"], ".")) if g["dec"] in s else int(s)


def find_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every figure of `text` with its qualifier, non-overlapping, in order of appearance."""
    g = _grammar(lang)
    out: list[NumberMention] = []
    pos = 0
    while True:
        m = g["master"].search(text, pos)
        if not m:
            return out
        pos = m.end()
        value, qualifier, end = _value(m, text, lang, g)
        pct = g["percent"].match(text, end)
        if value is None or pct:
            pos = max(pos, end, pct.end() if pct else 0)  # skip "h 30", "pour cent" too
            continue
        if g["after"] is not None and qualifier == "exact":
            a = g["after"].match(text, end)
            if a:
                qualifier, end = g["qa"].get(_fold(a.group("q")), qualifier), a.end()
        if m.group("qual"):
            qualifier = g["qb"].get(_fold(m.group("qual")), qualifier)
        pos = end  # a word sequence read only in part: the rest is scanned again
        if _in_name(text, m.start(), end):
            continue
        out.append(NumberMention(m.start(), end, int(value), qualifier, text[m.start():end]))


def _in_name(text: str, start: int, end: int) -> bool:
    """Digits that end a proper name ("France 2, il a été tué", "Apollo 11."): a capitalised word
    just before, not opening the sentence, and no word after."""
    if not text[start:start + 1].isdigit():
        return False
    before = re.search(r"(?:^|[.!?:]\s+|(\S))\s*(\w+)\s+$", text[max(0, start - 40):start])
    return bool(before and before.group(1) and before.group(2)[:1].isupper()
                and re.match(r"\s*(?:[,.;:)]|$)", text[end:]))


def _value(m: re.Match, text: str, lang: str, g: dict) -> tuple[float | None, str, int]:
    """(value, qualifier, end) of a master match; value None (and where to go on) if no count."""
    lower = lambda k: (m.group(k) or "").casefold()
    scale = g["ascales"].get(lower("ascale1") or lower("ascale2") or lower("ascale3"), 1)
    if m.group("as_noun"):
        return g["nouns"][lower("as_noun")] * scale, "about", m.end()
    if m.group("an_noun"):
        noun = lower("an_noun")
        unit = g["nouns"].get(noun) or g["nouns"].get(noun[:-1]) or g["plural"][noun]
        n = int(m.group("an_num")) if m.group("an_num").isdigit() else \
            (_words_value(m.group("an_num"), lang, g) or (None,))[0]
        exact = noun in g["scales"]  # "deux millions" is a figure; "deux centaines" is about
        return (n * unit * scale if n else None), "exact" if exact else "about", m.end()
    if m.group("av_noun"):
        return g["plural"][lower("av_noun")] * scale, "about", m.end()
    if m.group("num"):
        s, start = m.group("num"), m.start("num")
        value = _digits_value(s, g)
        if m.group("dscale"):
            return value * g["scales"][lower("dscale")], "exact", m.end()
        end = m.end("num")
        if isinstance(value, float):
            return None, "", end  # a decimal: a rate or a distance, not a count
        clock = g["time"].match(text, end)
        if clock:
            return None, "", clock.end()  # "14 h 30"
        if value <= 31 and (g["month_after"].match(text, end) or g["month_before"].search(text, max(0, start - 20), start)):
            return None, "", end  # the day of "18 février", "June 19"
        if 1900 <= value <= 2100 and s.isdigit() and g["year_before"].search(text, max(0, start - 30), start):
            return None, "", end  # "mars 2012", "en 2011"
        return value, "exact", end
    got = _words_value(m.group("words"), lang, g)
    if got is None:
        return None, "", m.end()
    value, used = got
    start = m.start("words")
    if m.group("wscale") and used == len(m.group("words")):
        return value * g["scales"][lower("wscale")], "exact", m.end()
    return value, "exact", start + used
