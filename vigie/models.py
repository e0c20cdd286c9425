"""The frozen records that vigie's stages pass on, from article to event.

Each stage takes some of these and returns others; none holds a reference to a stage. `Event.to_json`
gives the object of `event.schema.json`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date

# Qualifiers of a figure, as event.schema.json names them.
QUALIFIERS = ("exact", "at_least", "more_than", "about", "up_to", "fewer_than")
LOWER_BOUNDS = ("at_least", "more_than")


@dataclass(frozen=True)
class Article:
    """One article as read from input, before normalization."""
    id: str
    text: str
    published: date | None = None
    lang: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    origin: str = ""  # "FILE" or "FILE:LINE", for error messages


@dataclass(frozen=True)
class Dateline:
    """'BEYROUTH, 6 avril (Reuters) -': where the reporter is, the day, the outlet."""
    place: str | None
    day: date | None
    outlet: str | None
    end: int  # offset in the normalized text where the body starts


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Document:
    """A normalized article: offsets of every later stage refer to `text`."""
    article: Article
    text: str
    lang: str
    ref_date: date | None          # dateline day, else published: weekdays resolve against it
    dateline: Dateline | None
    sentences: tuple[Sentence, ...]
    text_hash: str                 # sha1 of the normalized text, for idempotent ingest

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True)
class NumberMention:
    """A figure in text: '(au moins) dix-sept', 'une vingtaine', '1.600'."""
    start: int
    end: int
    value: int
    qualifier: str = "exact"       # one of QUALIFIERS
    text: str = ""


@dataclass(frozen=True)
class DateMention:
    """A date expression resolved against the article's date."""
    start: int
    end: int
    day: date | None               # first day of the span
    precision: str                 # day | week | month | year
    text: str = ""
    days: tuple[date, ...] = ()    # every acceptable day ('la nuit de mercredi à jeudi': both)


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonames_id: int | None = None
    kind: str = "town"             # town | district | region | admin1 | country
    population: int = 0
    parent: str | None = None      # city of a district ('Bustan al-Qasr' -> 'Aleppo')


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]   # best first
    relation: str = "in"            # in | near (a direction or 'near' cue) | admin1 ('province of X')
    bare: bool = False              # no place cue beside it ('Police said', not 'in Police')
    qualified: bool = False         # its homonyms narrowed by a qualifier ('Springfield, Illinois')


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None
    geo_precision: int
    admin1: str | None = None
    admin2: str | None = None
    iso3: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None

    @classmethod
    def from_json(cls, o: dict) -> "Location":
        return cls(name=o["name"], country=o.get("country"), geo_precision=o["geo_precision"],
                   admin1=o.get("admin1"), admin2=o.get("admin2"), iso3=o.get("iso3"),
                   lat=o.get("lat"), lon=o.get("lon"), geonames_id=o.get("geonames_id"))

    def to_json(self) -> dict:
        return {"name": self.name, "admin1": self.admin1, "admin2": self.admin2,
                "country": self.country, "iso3": self.iso3,
                "lat": None if self.lat is None else round(self.lat, 5),
                "lon": None if self.lon is None else round(self.lon, 5),
                "geo_precision": self.geo_precision, "geonames_id": self.geonames_id}


@dataclass(frozen=True)
class Actor:
    name: str
    type: str | None = None
    country: str | None = None
    mention: str | None = None

    @classmethod
    def from_json(cls, o: dict | None) -> "Actor | None":
        return cls(o["name"], o.get("type"), o.get("country"), o.get("mention")) if o else None

    def to_json(self) -> dict:
        return {"name": self.name, "type": self.type, "country": self.country,
                "mention": self.mention}


@dataclass(frozen=True)
class Claim:
    kind: str                      # killed | injured | missing | arrested | displaced
    count: int
    qualifier: str
    group: str | None = None
    attributed_to: str | None = None
    article_id: str = ""
    quote: str = ""
    # how the figure counts towards `best` (casualties.fatalities), kept with the claim so that
    # merging reports across articles applies the same rule: None, another report of the toll;
    # "part", a part of a figure told beside it ("dont 4 enfants"); "besides", victims told in
    # addition ("une autre dans un autre secteur"); "denied", the figure of a party that denies
    # the event
    role: str | None = None

    @classmethod
    def from_json(cls, o: dict) -> "Claim":
        return cls(o["kind"], o["count"], o["qualifier"], o.get("group"), o.get("attributed_to"),
                   o.get("article_id") or "", o.get("quote") or "", o.get("role"))

    def to_json(self) -> dict:
        out = {"kind": self.kind, "count": self.count, "qualifier": self.qualifier,
               "group": self.group, "attributed_to": self.attributed_to,
               "article_id": self.article_id, "quote": self.quote}
        if self.role:
            out["role"] = self.role
        return out


@dataclass(frozen=True)
class Source:
    article_id: str
    quote: str
    start: int
    end: int
    outlet: str | None = None
    url: str | None = None
    published: date | None = None

    @classmethod
    def from_json(cls, o: dict) -> "Source":
        return cls(o["article_id"], o.get("quote") or "", o.get("start") or 0, o.get("end") or 0,
                   o.get("outlet"), o.get("url"), _day(o.get("published")))

    def to_json(self) -> dict:
        return {"article_id": self.article_id, "outlet": self.outlet, "url": self.url,
                "published": self.published.isoformat() if self.published else None,
                "quote": self.quote, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Fatalities:
    best: int | None = None
    low: int | None = None
    high: int | None = None
    civilians: int | None = None
    children: int | None = None
    women: int | None = None

    @classmethod
    def from_json(cls, o: dict) -> "Fatalities":
        return cls(**{k: o.get(k) for k in ("best", "low", "high", "civilians", "children", "women")})

    def to_json(self) -> dict:
        return {"best": self.best, "low": self.low, "high": self.high,
                "civilians": self.civilians, "children": self.children, "women": self.women}


@dataclass(frozen=True)
class Event:
    event_date: date | None
    date_precision: str
    event_type: str
    sub_event_type: str
    location: Location
    fatalities: Fatalities
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...] = ()
    tags: tuple[str, ...] = ()
    actor1: Actor | None = None
    actor2: Actor | None = None
    notes: str = ""
    confidence: float = 0.5
    event_id: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def with_id(self) -> "Event":
        """Give the event its stable id: a hash of its evidence (articles, offsets, kind)."""
        # the place is part of the evidence: one sentence may tell events in several towns
        key = "|".join([self.event_type, self.sub_event_type, self.location.name or ""] +
                       sorted(f"{s.article_id}:{s.start}:{s.end}" for s in self.sources))
        return replace(self, event_id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:16])

    @classmethod
    def from_json(cls, o: dict) -> "Event":
        """The inverse of `to_json`: a stored event back into the record the stages pass on."""
        return cls(event_date=_day(o.get("event_date")), date_precision=o["date_precision"],
                   event_type=o["event_type"], sub_event_type=o["sub_event_type"],
                   location=Location.from_json(o["location"]),
                   fatalities=Fatalities.from_json(o.get("fatalities") or {}),
                   sources=tuple(Source.from_json(s) for s in o.get("sources") or ()),
                   claims=tuple(Claim.from_json(c) for c in o.get("claims") or ()),
                   tags=tuple(o.get("tags") or ()), actor1=Actor.from_json(o.get("actor1")),
                   actor2=Actor.from_json(o.get("actor2")), notes=o.get("notes") or "",
                   confidence=o.get("confidence", 0.5), event_id=o.get("event_id") or "")

    def to_json(self) -> dict:
        return {
            "event_id": self.event_id,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "tags": list(self.tags),
            "actor1": self.actor1.to_json() if self.actor1 else None,
            "actor2": self.actor2.to_json() if self.actor2 else None,
            "location": self.location.to_json(),
            "fatalities": self.fatalities.to_json(),
            "claims": [c.to_json() for c in self.claims],
            "sources": [s.to_json() for s in self.sources],
            "notes": self.notes,
            "confidence": round(self.confidence, 3),
        }


def _day(value: str | None) -> date | None:
    """'YYYY-MM-DD' to a date; None stays None."""
    return date.fromisoformat(value) if value else None
