"""The words around a place name in a sentence: how it relates to the event (in, near, around,
from, a province) and whether anything tells it is a place at all ('in Police' vs 'Police said').
`toks` are `Gazetteer.find`'s tokens (start, end, raw, folded); `L` its language's folded cues.
"""
from __future__ import annotations

import re

APOSTROPHE_CHARS = "'’‘ʼ"
OPENERS = " \t\"'«“(—–-"
STRONG_PUNCT = re.compile(r"[.;:!?()\[\]\n«»\"“”]")


def ends_with(seq: list[str], cues: list[tuple[str, ...]]) -> bool:
    """Does the token list end with one of the cues?"""
    return any(c and tuple(seq[-len(c):]) == c for c in cues)


def before(text, toks, i, L, keep_fillers: bool = False) -> list[str]:
    """Up to ten folded words before token i in its clause, trailing fillers ('the town of') dropped."""
    prev: list[str] = []
    k = i - 1
    while k >= 0 and len(prev) < 10 and not STRONG_PUNCT.search(text[toks[k][1]:toks[k + 1][0]]):
        prev.insert(0, toks[k][3])
        k -= 1
    while prev and prev[-1] in L["fillers"] and not keep_fillers:
        prev.pop()
    return prev


def cued(text, toks, i, j, L) -> bool:
    """Is the name told as a place: a locative word before ('in', 'at') or a place word after ('X village')?"""
    after = tuple(t[3] for t in toks[j:j + 2])
    prev, raw = before(text, toks, i, L), before(text, toks, i, L, True)
    told = set(raw[len(prev):])                     # the fillers: 'the town of', 'la ville de'
    return ends_with(prev, L["cue_before"]) or any(len(c) == 1 and c[0] in told for c in L["cue_before"]) \
        or any(c and after[:len(c)] == c for c in L["cue_after"])


def place_relation(text, toks, i, j, L) -> str:
    """'admin1' after 'province de', before 'province'; 'near' after a direction or proximity cue;
    'around' before a surroundings word ('Idlib countryside': near, and wider than a town beside);
    'from' after an origin cue ('fled', 'displaced from': where people came from)."""
    prev = before(text, toks, i, L)
    if ends_with(prev, L["admin1_before"]):
        return "admin1"
    after = [t[3] for t in toks[j:j + 2]]
    if after and any(tuple(after[:len(c)]) == c for c in L["admin1_after"] if c) and \
            not STRONG_PUNCT.search(text[toks[j - 1][1]:toks[j][0]]):
        return "admin1"
    if after and any(tuple(after[:len(c)]) == c for c in L["group_after"] if c):
        return "from"                               # 'the Luhansk People's Militia': a group's home
    if after and any(tuple(after[:len(c)]) == c for c in L["near_after"] if c):
        return "around"
    if ends_with(prev, L["near_before"]):
        return "near"
    return "from" if ends_with(prev, L["origin_before"]) else "in"


def beside(text: str, toks, i: int, j: int) -> bool:
    """Is token j a capitalized word (not an acronym) one space away from token i
    ('Marine Le Pen', 'Martin Schulz': a person's name, not a place)?"""
    if j < 0 or j >= len(toks):
        return False
    raw = toks[j][2]
    lo, hi = (toks[j][1], toks[i][0]) if j < i else (toks[i][1], toks[j][0])
    return raw[:1].isupper() and not raw.isupper() and len(raw) > 1 and text[lo:hi] == " "


def sentence_initial(text: str, start: int) -> bool:
    """Does the token open the text or a sentence (only quotes and spaces after . ! ? :)?"""
    head = text[:start].rstrip(OPENERS)
    return not head or head[-1] in ".!?:;\n…"


def after_title(text: str, toks, i: int, titles: frozenset[str]) -> bool:
    """Is token i a person's first name after a title, a surname after it ('Officer Paul Metcalf',
    'Police Chief Paul Blackwell')? GeoNames holds a town of most first names (Cabo Verde's Paul)."""
    return i > 0 and i + 1 < len(toks) and toks[i - 1][3] in titles and text[toks[i - 1][1]:toks[i][0]] in (" ", ". ") \
        and toks[i + 1][2][:1].isupper() and text[toks[i][1]:toks[i + 1][0]] == " "


def expanded(text: str, toks, abbreviations: dict[str, str]) -> list:
    """The tokens with a capitalized abbreviation of a name's first word ('Mt. Pleasant',
    'Ft. Myers', 'St. Louis': places.yaml name_abbreviations) read as the word, its period
    inside its token so that the name's words join. GeoNames spells most such towns out
    ('Mount Pleasant', Pennsylvania): GVA's local reports abbreviate them."""
    out = list(toks)
    for i, (a, b, raw, fold) in enumerate(toks[:-1]):
        nxt = toks[i + 1][2]
        # 'Mt. Pleasant', and in a dateline's capitals 'ST. JOSEPH --'
        if fold in abbreviations and raw[:1].isupper() and text[b:toks[i + 1][0]] == ". " \
                and nxt[:1].isupper() and (raw.isupper() or not nxt.isupper()):
            out[i] = (a, b + 1, raw, abbreviations[fold])
    return out


def abbreviation(text: str, toks, i: int) -> bool:
    """Is token i an abbreviation `expanded` read (its period inside it)? Alone it is no place."""
    return text[toks[i][1] - 1] == "."


def capitalized(text: str, toks, j: int) -> bool:
    """Does the word of token j start with a capital? After an apostrophe the word began
    before it: 'Nu'man' is capitalized, its token 'man' is not."""
    while j > 0 and toks[j][0] - toks[j - 1][1] == 1 and text[toks[j - 1][1]] in APOSTROPHE_CHARS:
        j -= 1
    return toks[j][2][:1].isupper()


def initial_before(text: str, toks, i: int, directions: frozenset[str]) -> bool:
    """Is token i a surname after a first name's initial ('Sheriff T. Walton', 'J. Smith'), not
    after a compass letter ('N. Hollywood': places.yaml street_directions) nor inside an
    abbreviation ('U.S.')? GeoNames holds a town of most surnames (Walton: Pakistan's Model Town)."""
    if i == 0:
        return False
    raw = toks[i - 1][2]
    return len(raw) == 1 and raw.isupper() and raw not in directions and text[toks[i - 1][1]:toks[i][0]] == ". " \
        and not (i > 1 and text[toks[i - 2][1]:toks[i - 1][0]] == ".")
