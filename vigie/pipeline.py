"""The whole chain on one screen: article -> document -> events."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .models import Article, Document, Event


@dataclass
class Resources:
    """What the stages need, built once per run and passed in."""
    gazetteer: object = None

    @classmethod
    def default(cls) -> "Resources":
        from .geocode import Gazetteer
        return cls(gazetteer=Gazetteer.default())


def process(article: Article, res: Resources) -> tuple[Document, list[Event]]:
    """Normalize one article and extract its events."""
    from .normalize import normalize
    from .extract.events import extract_events
    doc = normalize(article)
    return doc, extract_events(doc, res.gazetteer)


def run(articles: Iterable[Article], res: Resources | None = None,
        progress: Callable[[int], None] | None = None) -> Iterator[tuple[Document, list[Event]]]:
    """Process every article of a run; `progress(1)` after each."""
    res = res or Resources.default()
    for article in articles:
        yield process(article, res)
        if progress:
            progress(1)
