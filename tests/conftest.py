"""Shared fixtures: fake documents and events (no extraction needed), and ../shared when present."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from vigie.models import (Actor, Article, Claim, Dateline, Document, Event, Fatalities, Location,
                          Sentence, Source)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data and eval folder beside the repository; tests using it skip without it."""
    path = ROOT.parent / "shared"
    if not (path / "eval" / "score.py").is_file():
        pytest.skip("../shared is absent")
    return path


def make_doc(article_id: str = "a1", text: str = "Some text about an event.",
             published: date | None = date(2016, 3, 5), outlet: str | None = "Reuters") -> Document:
    """A Document as normalize would make it, for tests that need no extraction."""
    article = Article(id=article_id, text=text, published=published, lang="fr", outlet=outlet,
                      origin=f"{article_id}.txt")
    return Document(article=article, text=text, lang="fr", ref_date=published,
                    dateline=Dateline(place="Aleppo", day=published, outlet=outlet, end=0),
                    sentences=(Sentence(0, len(text), text),),
                    text_hash=hashlib.sha1(text.encode()).hexdigest())


def make_event(article_id: str = "a1", start: int = 0, end: int = 10, best: int | None = 17,
               day: date | None = date(2016, 3, 3), kind: str = "Air/drone strike",
               etype: str = "Explosions/Remote violence", country: str = "Syria",
               outlet: str | None = "Reuters") -> Event:
    """An Event with one source, two claims and two actors."""
    return Event(
        event_date=day, date_precision="day" if day else "unknown", event_type=etype,
        sub_event_type=kind,
        location=Location(name="Aleppo", country=country, geo_precision=1, admin1="Aleppo",
                          iso3="SYR" if country == "Syria" else None, lat=36.2, lon=37.16),
        fatalities=Fatalities(best=best, low=best, high=best and best + 5, children=4),
        sources=(Source(article_id, "Seventeen civilians were killed.", start, end,
                        outlet=outlet, published=date(2016, 3, 5)),),
        claims=(Claim("killed", best or 0, "at_least", "civilians", "OSDH", article_id, "q"),
                Claim("injured", 20, "about", None, None, article_id, "q")),
        tags=("claimed",),
        actor1=Actor("Military Forces of Syria", "State forces", "Syria", "le régime"),
        actor2=Actor("Civilians (Syria)", "Civilians", "Syria"),
        notes="Air strike on Aleppo.", confidence=0.8,
    ).with_id()


@pytest.fixture(scope="session")
def schema_validator():
    """A validator of vigie's output contract, event.schema.json, with format checks."""
    import json

    import jsonschema
    schema = json.loads((ROOT / "vigie" / "data" / "event.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="session")
def gazetteer_index():
    """The real gazetteer index alone (built once into the user's cache or $VIGIE_CACHE)."""
    from vigie.geocode import Gazetteer
    return Gazetteer(Gazetteer.default().path)


@pytest.fixture
def gz_cache(tmp_path, monkeypatch, gazetteer_index) -> Path:
    """$VIGIE_CACHE set to a directory of the test's own whose index is the real one (a link, not
    a 15 s build): imports land there, never in the user's cache."""
    from vigie.gazetteer_build import fingerprint
    d = tmp_path / "cache"
    d.mkdir()
    (d / f"gazetteer-{fingerprint()}.sqlite").symlink_to(gazetteer_index.path)
    monkeypatch.setenv("VIGIE_CACHE", str(d))
    return d
