"""Article -> Document: clean text, boilerplate lines out, repeated paragraphs once, dateline,
language, sentences with offsets.

The normalized text is the article body only: `Article.title` stays out of it (it is metadata, and
titles of `.txt` articles are already the body's first line). Paragraphs are the non-empty lines
that survive cleaning, joined by one newline; the dateline stays in the text and `Dateline.end`
says where the body after it starts. Typographic apostrophes become "'" so that the language
files match one form. Every offset of later stages refers to `Document.text`, fixed here.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from datetime import date, timedelta

import ftfy

from . import lang as langdata
from .extract.dates import day_month_pattern, past_day
from .models import Article, Dateline, Document, Sentence

# Mojibake shows as these pairs ("Ã©" for "é", "â€™" for "’"); ftfy only runs when one is there,
# as it costs ~2 ms per 10 kB article and most input is clean.
_MOJIBAKE = re.compile("[ÃÂâÅÎÏÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                       "\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e"
                       "\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_SPACES = re.compile(r"[^\S\n]+")         # any run of whitespace but newlines
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATE = {**_INVISIBLE, ord("\u2019"): "'", ord("\u02bc"): "'", ord("\r"): "\n",
              ord("\u2028"): "\n", ord("\u2029"): "\n", ord("\x85"): "\n"}
_WORD = re.compile(r"\w+")
_FINAL_PUNCT = re.compile(r"[.!?…»\"]\s*$")
# Hashtags closing a post ("... Plus de 45 tués aujourd'hui.  #RamadanMassacre #Syria") follow its
# last sentence: the line's prose ends before them.
_TRAILING_TAGS = re.compile(r"(?:\s+#\w+)+\s*$")

# A dateline is looked for at the start of the first paragraphs: menus and a title line often
# come first in scraped pages, so 5 rather than the 1 of clean wire copy.
DATELINE_PARAGRAPHS = 5
DATELINE_CHARS = 300
# Near-duplicate paragraphs: long ones (>= 80 letters) compared by word trigrams through an
# inverted index, so the cost stays linear; Jaccard 0.8 on trigrams is about 0.9 on characters
# (one changed word in 40 gives 0.85). At most 2,000 indexed paragraphs bound a 5 MB article.
NEAR_DUP_MIN_CHARS = 80
NEAR_DUP_MAX = 2000
NEAR_DUP_JACCARD = 0.8
# A sentence longer than this (a page with no punctuation) is cut at a space, to keep later stages
# linear; wire sentences are under 600 chars.
MAX_SENTENCE = 2000
CONTENT_WORDS = 20
# Once the body has begun, a short line with no final punctuation is a teaser of another article
# ("Arabie Saoudite : plusieurs personnes blessées dans un attentat à Djeddah") or a subheading
# that repeats the body: on the French development set such lines gave 6 false events and no true
# one. The headline, before the body, stays.
TEASER_WORDS = 25
HEAD_LINES = 3


def clean_text(text: str) -> str:
    """Fix mojibake, unify newlines and spaces, drop control characters; lines stripped."""
    if _MOJIBAKE.search(text):
        text = ftfy.fix_text(text, normalization="NFC")
    text = unicodedata.normalize("NFC", text.translate(_TRANSLATE))
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in set(text)):
        text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _fold(line: str) -> str:
    return " ".join(line.casefold().split()).rstrip(" :")


@functools.lru_cache(maxsize=None)
def _cues(lang: str) -> dict:
    """Compiled boilerplate cues of a language."""
    data = langdata.load(lang, "normalize")
    prefixes = tuple(p.casefold() for p in data.get("boilerplate_prefixes", []))
    patterns = data.get("boilerplate_patterns", [])
    return {
        "exact": frozenset(_fold(x) for x in data.get("boilerplate_exact", [])),
        "prefixes": prefixes,
        "short": int(data.get("short_words", 8)),
        "pattern": re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None,
        "cut": tuple(_fold(x) for x in data.get("cut_markers", [])),
        "cut_after": int(data.get("cut_after_content", 2)),
    }


def is_boilerplate(line: str, lang: str) -> bool:
    """A menu, byline, editor or footer line: never a content sentence."""
    cues = _cues(lang)
    folded = _fold(line)
    if folded in cues["exact"]:
        return True
    if cues["pattern"] is not None and cues["pattern"].fullmatch(line):
        return True
    short = len(_WORD.findall(line)) < cues["short"] and not _FINAL_PUNCT.search(line)
    return short and folded.startswith(cues["prefixes"])


def _is_cut_marker(line: str, cues: dict) -> bool:
    folded = _fold(line)
    return len(folded) < 60 and any(folded == m or folded.startswith(m + " ") for m in cues["cut"])


def content_lines(text: str, lang: str) -> list[str]:
    """The non-empty lines that are content: boilerplate out, the tail after an end marker out."""
    cues = _cues(lang)
    kept: list[str] = []
    content = 0
    body = False
    for line in text.split("\n"):
        if not line:
            continue
        if content >= cues["cut_after"] and _is_cut_marker(line, cues):
            break
        if is_boilerplate(line, lang) or (body and _is_teaser(line)):
            continue
        words = len(_WORD.findall(line))
        if not body and words >= CONTENT_WORDS and _FINAL_PUNCT.search(line) \
                and not line.rstrip().endswith("?"):
            # the body begins: of the lines before it (menus, other articles' titles), the last
            # HEAD_LINES hold the headline, a date line and a dateline
            body = True
            kept = kept[-HEAD_LINES:]
        kept.append(line)
        if words >= CONTENT_WORDS:
            content += 1
    return kept


def _is_teaser(line: str) -> bool:
    """A short line without final punctuation: a headline, not prose."""
    return not _FINAL_PUNCT.search(_TRAILING_TAGS.sub("", line)) and len(_WORD.findall(line)) <= TEASER_WORDS


def dedupe(paragraphs: list[str]) -> list[str]:
    """Each paragraph once: exact repeats (spaces, case, punctuation folded) and near repeats."""
    seen: set[str] = set()
    index: dict[int, list[int]] = {}      # word-trigram hash -> ids of kept long paragraphs
    sizes: list[int] = []
    out: list[str] = []
    for p in paragraphs:
        words = _WORD.findall(p.casefold())
        key = "".join(words)
        if key in seen:
            continue
        seen.add(key)
        if len(key) >= NEAR_DUP_MIN_CHARS and len(sizes) < NEAR_DUP_MAX:
            grams = {hash(tuple(words[i:i + 3])) for i in range(len(words) - 2)}
            if _near_duplicate(grams, index, sizes):
                continue
            for g in grams:
                index.setdefault(g, []).append(len(sizes))
            sizes.append(len(grams))
        out.append(p)
    return out


def _near_duplicate(grams: set[int], index: dict[int, list[int]], sizes: list[int]) -> bool:
    """Word-trigram Jaccard >= NEAR_DUP_JACCARD with a kept paragraph (one typo in 40 words: 0.85)."""
    shared: dict[int, int] = {}
    for g in grams:
        for pid in index.get(g, ()):
            shared[pid] = shared.get(pid, 0) + 1
    return any(n / (len(grams) + sizes[pid] - n) >= NEAR_DUP_JACCARD for pid, n in shared.items())


@functools.lru_cache(maxsize=None)
def _dateline_regexes(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(full dateline 'PLACE, DAY MONTH [YEAR] (OUTLET) -', place-only 'PLACE -' / 'à PLACE (AFP)')."""
    data = langdata.load(lang, "normalize")
    outlets = "|".join(re.escape(o) for o in sorted(data.get("outlets", []), key=len, reverse=True))
    prefix = "|".join(re.escape(p) for p in data.get("place_prefix", [])) or "(?!)"
    upper = r"A-ZÀ-ÖØ-Þ"
    place = rf"(?P<place>[{upper}][\w'.-]*(?:[ -][\w'.-]+){{0,3}}?)"
    region = r"(?:\s*\((?P<region>[^()]{2,30})\))?(?:,\s*(?P<region2>[^\W\d](?:[^\W\d]|[' -]){1,29}?))?"
    day = rf"(?:,\s*(?P<date>{day_month_pattern(lang)}))?"
    outlet = rf"\s*\((?P<outlet>{outlets})\)"
    dash = r"[ \t]*(?:[-–—:]+[ \t]*|(?=\n)|$)"
    full = re.compile(rf"(?:(?:{prefix})\s+)?{place}{region}{day}{outlet}{dash}")
    bare = re.compile(rf"(?P<place>[{upper}][{upper}']+(?:[ -][{upper}']+){{0,2}})"
                      rf"(?:\s*\((?P<region>[^()]{{2,30}})\))?\s+[-–—]\s+")
    only = re.compile(rf"\((?P<outlet>{outlets})\){dash}")
    return full, bare, only


def find_dateline(text: str, starts: list[int], lang: str, published: date | None) -> Dateline | None:
    """The dateline at the start of one of the first paragraphs (offsets into `text`)."""
    full, bare, only = _dateline_regexes(lang)
    not_places = {p.casefold() for p in langdata.load(lang, "normalize").get("not_places", [])}
    for start in starts[:DATELINE_PARAGRAPHS]:
        head = text[start:start + DATELINE_CHARS]
        m = only.match(head) or full.match(head) or bare.match(head)
        if not m:
            continue
        groups = m.groupdict()
        place = groups.get("place")
        if place and place.casefold() in not_places:
            continue
        day = None
        if groups.get("date"):
            day = _dateline_day(groups["date"], lang, published)
        return Dateline(place=place, day=day, outlet=groups.get("outlet"), end=start + m.end())
    return None


def _dateline_day(text: str, lang: str, published: date | None) -> date | None:
    """'6 avril' -> the latest 6 April on or before published + 1 day (a dispatch filed late)."""
    from .extract.dates import parse_day_month
    parsed = parse_day_month(text, lang)
    if parsed is None:
        return None
    day, month, year = parsed
    if year:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if published is None:
        return None
    return past_day(day, month, published + timedelta(days=1))


@functools.lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(langdata.load(lang, "normalize").get("abbreviations", []))


# A sentence ends at . ! ? … (then closing quotes/brackets, French style with a space before "»"),
# then space, then what starts a sentence: a capital, a digit or an opening quote.
# A period glued to the next sentence ("tuant un civil.Enfin, un adolescent"), a scraping artefact,
# also ends a sentence when a word of 3+ lowercase letters precedes it.
_BOUNDARY = re.compile(r"[.!?…]+(?: ?[\"»”)\]])*(?= +[«\"“(\[]?[ ]?[A-ZÀ-ÖØ-Þ0-9«\"“])"
                       r"|(?<=[a-zà-ÿ]{3})\.(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ]{2})")
_TOKEN_BEFORE = re.compile(r"(\S+)$")


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Sentences of a normalized text: one paragraph a line, offsets into `text`."""
    abbrevs = _abbreviations(lang)
    out: list[Sentence] = []
    pos = 0
    for para, line in enumerate(text.split("\n")):
        begin = 0
        for m in _BOUNDARY.finditer(line):
            if m.group().startswith(".") and m.end() - m.start() == 1 and _is_abbrev(line, m.start(), abbrevs):
                continue
            _add(out, text, pos + begin, pos + m.end(), para)
            begin = m.end()
        _add(out, text, pos + begin, pos + len(line), para)
        pos += len(line) + 1
    return out


def _is_abbrev(line: str, dot: int, abbrevs: frozenset[str]) -> bool:
    """The period at `dot` closes an abbreviation or an initial ('M.', 'Mme.', 'A.', 'J.-C.')."""
    m = _TOKEN_BEFORE.search(line, max(0, dot - 20), dot)
    if not m:
        return False
    token = m.group(1).lstrip("(«\"“[")
    if len(token) == 1 and token.isupper():
        return True
    # a time glued to its abbreviation: '5:30p.m. Thursday'
    return token in abbrevs or token.lstrip("0123456789:") in abbrevs


def _add(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    """Append text[start:end] stripped (cut at spaces when longer than MAX_SENTENCE)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(Sentence(start, cut, text[start:cut], para))
        start = cut + 1 if text[cut:cut + 1] == " " else cut
    if end > start:
        out.append(Sentence(start, end, text[start:end], para))


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages(list(langdata.SUPPORTED))
    return ident


def detect_language(text: str, default: str = "fr") -> str:
    """The supported language of a text (py3langid on its first 2,000 chars), else `default`."""
    sample = text[:2000]
    if not langdata.SUPPORTED or len(sample.strip()) < 20:
        return default
    try:
        code = _identifier().classify(sample)[0]
    except Exception:  # a model problem must not stop ingest: the default language is a fine guess
        return default
    return code if code in langdata.SUPPORTED else default


def normalize(article: Article, lang: str | None = None) -> Document:
    """Clean an article into a Document whose text and sentence offsets later stages share."""
    cleaned = clean_text(article.text or "")
    code = article.lang or lang or detect_language(cleaned)
    paragraphs = dedupe(content_lines(cleaned, code))
    text = "\n".join(paragraphs)
    starts, pos = [], 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p) + 1
    dateline = find_dateline(text, starts, code, article.published)
    ref = dateline.day if dateline and dateline.day else article.published
    return Document(article=article, text=text, lang=code, ref_date=ref, dateline=dateline,
                    sentences=tuple(split_sentences(text, code)),
                    text_hash=hashlib.sha1(text.encode("utf-8")).hexdigest())
