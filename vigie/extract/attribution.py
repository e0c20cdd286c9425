"""Who says so: the source each sentence and clause names, the sources that deny, and the
concessive clauses whose facts are granted rather than reported."""
from __future__ import annotations

import functools
import re

from .. import lang as langdata
from ..models import DateMention, Document
from . import casualties as cas
from .drafts import Sentence
from .triggers import tags_of


def conceded(low: str, lang: str, dates: list[DateMention]):
    """A test of offsets inside a concessive clause that names its own day ("même si un attentat a
    fait 44 morts la semaine dernière, un étudiant a ouvert le feu"), or None. One without a day
    grants a fact of the sentence's own event ("même si le régime a démenti et que l'OSDH a évoqué
    100 morts, l'attaque est ...")."""
    rx = cas.rules(lang)["conceded"]
    spans = [m.span() for m in rx.finditer(low) if any(m.start() <= d.start < m.end() for d in dates)] \
        if rx else []
    return (lambda at: any(a <= at < b for a, b in spans)) if spans else None


def said(doc: Document, lang: str) -> list[tuple[str | None, str | None]]:
    """Per sentence: the source it names ("ajoute l'organisation" is the one named before), and
    the last source named before it."""
    out: list[tuple[str | None, str | None]] = []
    last = None
    for sent in doc.sentences:
        own = cas.attribution(sent.text, lang, last)
        out.append((own, last))
        last = own or cas.opening_source(sent.text, lang) or last
    return out


def deniers(doc: Document, said, lang: str) -> frozenset:
    """Sources that deny what the article reports ("Le gouvernement a démenti ...")."""
    return frozenset(own for sent, (own, _) in zip(doc.sentences, said)
                     if own and "denied" in tags_of(sent.text.lower(), lang))


def source_of(s: Sentence, lang: str, said) -> str | None:
    """The source of a clause: its own words, else its sentence's, else the one quoted in the two
    sentences before (a wire paragraph names the OSDH once, then lists its figures)."""
    whole, last = said[s.index]
    own = whole if s.text == s.quote[1] else cas.attribution(s.text, lang, last)
    if own:
        return own
    return next((said[j][0] for j in range(s.index, max(-1, s.index - 3), -1) if said[j][0]), None)


@functools.lru_cache(maxsize=None)
def _spoken(lang: str) -> re.Pattern | None:
    verbs = langdata.load(lang, "attribution").get("subject_verbs") or []
    return re.compile(r"\b(?:" + "|".join(verbs) + r")\s+$") if verbs else None


def spoken_on(low: str, m: DateMention, lang: str) -> bool:
    """Is the day the one a source spoke on ("the prosecutor's office said Thursday that ...")?"""
    rx = _spoken(lang)
    return bool(rx and rx.search(low[max(0, m.start - 40):m.start]))
