"""Measure vigie on annotated articles: a gold file (shared/eval/GOLD.md) in, figures out.

The matching rules and figures are those of `shared/eval/score.py gold`, rewritten here so that
users can measure vigie on their own gold files without the shared scripts; a test checks that
both give the same figures on the same predictions.
"""
from __future__ import annotations

import json
import math
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import IO, Iterable

from .ingest import decode
from .models import Article

# Names under which the same claim source appears (lower case): OSDH in French, SOHR in English.
SOURCE_ALIASES = {"osdh": ("osdh", "sohr", "observatoire syrien", "syrian observatory")}
NEGOTIATION_TAGS = {"negotiations", "talks_failed", "ceasefire", "diplomacy"}
# When a gold event is missed, the reason reported is the closest near-miss, in this order.
MISS_ORDER = ("place", "tags", "date", "sub_type", "type")
EARTH_RADIUS_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(math.sqrt(min(1.0, a)))


def load_gold(path: str | Path) -> dict:
    """The gold file's object."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def gold_articles(gold: dict, base: str | Path) -> list[Article]:
    """The gold file's articles, their text read from `file` relative to `base`."""
    articles = []
    for a in gold["articles"]:
        path = Path(base) / a["file"]
        published = a.get("published")
        articles.append(Article(
            id=a["id"], text=decode(path.read_bytes()), lang=a.get("lang"),
            published=date.fromisoformat(published) if published else None,
            outlet=a.get("source"), origin=str(path)))
    return articles


# --- matching ---------------------------------------------------------------------------------

def coords(event: dict) -> tuple[float, float] | None:
    """An event's (lat, lon), or None."""
    loc = event.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        return float(lat), float(lon)
    return None


def by_article(events: list[dict]) -> dict[str, list[dict]]:
    """Article id -> the events that cite it, in emission order."""
    index = defaultdict(list)
    for event in events:
        seen = set()
        for source in event.get("sources") or []:
            article = source.get("article_id")
            if article is not None and article not in seen:
                seen.add(article)
                index[str(article)].append(event)
    return index


def mismatch(g: dict, event: dict) -> str | None:
    """Why a predicted event fails a gold event ('type', 'date', ...), or None when it matches."""
    if event.get("event_type") != g["event_type"]:
        return "type"
    if event.get("sub_event_type") not in g["sub_event_type"]:
        return "sub_type"
    if event.get("event_date") not in g["dates"]:
        return "date"
    if g.get("negotiation") and not NEGOTIATION_TAGS & set(event.get("tags") or []):
        return "tags"
    c = coords(event)
    if c is None or km(c[0], c[1], g["lat"], g["lon"]) > g["radius_km"]:
        return "place"
    return None


def source_matches(name: str | None, wanted: Iterable[str]) -> bool:
    """True when a claim's `attributed_to` names one of the wanted sources (or an alias)."""
    name = (name or "").lower()
    return any(any(alias in name for alias in SOURCE_ALIASES.get(w.lower(), (w.lower(),)))
               for w in wanted)


def killed_figures(event: dict) -> set[int]:
    """Every death figure an event states: best, low, high and its killed claims."""
    fat = event.get("fatalities") or {}
    values = {fat.get(k) for k in ("best", "low", "high")}
    values |= {c.get("count") for c in event.get("claims") or [] if c.get("kind") == "killed"}
    return {v for v in values if isinstance(v, int)}


def ratio(ok: int, total: int) -> float | None:
    """ok / total to 3 decimals; None when nothing was counted."""
    return round(ok / total, 3) if total else None


def score(gold: dict, events: list[dict], unparsable: int = 0,
          detail: IO[str] | None = None) -> dict:
    """The figures of `score.py gold` for predicted events (schema objects) against a gold file."""
    index = by_article(events)
    articles = {a["id"]: a for a in gold["articles"]}
    golds = gold["events"]

    # Greedy one-to-one matching inside each article, required gold events first; an event
    # merged across articles may match one gold event in each of its articles.
    matched: dict[str, dict] = {}
    used: set[tuple[int, str]] = set()
    misses: dict[str, str] = {}
    for g in sorted(golds, key=lambda g: not g.get("required")):
        reasons = []
        for event in index.get(g["article"], []):
            if (id(event), g["article"]) in used:
                continue
            why = mismatch(g, event)
            if why is None:
                matched[g["key"]] = event
                used.add((id(event), g["article"]))
                break
            reasons.append(why)
        else:
            misses[g["key"]] = min(reasons, key=MISS_ORDER.index) if reasons else "no event"

    required = [g for g in golds if g.get("required")]
    predicted = [(e, a) for a in articles for e in index.get(a, [])]
    false_pos = [e for e, a in predicted if (id(e), a) not in used]

    fat = [0, 0]      # ok, total
    group = [0, 0]
    attr = [0, 0]
    for g in golds:
        event = matched.get(g["key"])
        if event is None:
            continue
        gf = g.get("fatalities") or {}
        got = event.get("fatalities") or {}
        if gf.get("best") is not None:
            fat[1] += 1
            fat[0] += got.get("best") in gf.get("accept_best", [gf["best"]])
        for name in ("children", "women", "civilians"):
            if gf.get(name) is not None:
                group[1] += 1
                group[0] += got.get(name) == gf[name]
        if g.get("claim_sources"):
            attr[1] += 1
            attr[0] += any(source_matches(c.get("attributed_to"), g["claim_sources"])
                           for c in event.get("claims") or [])

    forbidden = sum(bool(killed_figures(event) & set(rule["values"]))
                    for rule in gold.get("forbidden_fatalities", [])
                    for event in index.get(rule["article"], []))

    # Compared as strings, as score.py does: an undated event ("None") sorts after every date,
    # so it counts as dated after publication there, and here too, to give the same figure.
    future = sum(str(event.get("event_date", "")) > a["published"]
                 for a in articles.values() if a.get("published")
                 for event in index.get(a["id"], []))

    groups: dict[str, set] = defaultdict(set)
    for g in golds:
        if g.get("merge_group"):
            groups[g["merge_group"]].add(g["article"])
    merged = sum(any(arts <= {s.get("article_id") for s in e.get("sources") or []} for e in events)
                 for arts in groups.values())

    if detail is not None:
        write_detail(golds, matched, misses, false_pos, detail)

    return {
        "articles": len(articles),
        "required_events": len(required),
        "recall": ratio(sum(g["key"] in matched for g in required), len(required)),
        "precision": ratio(len(predicted) - len(false_pos), len(predicted)),
        "predicted_events": len(predicted),
        "fatalities_exact": ratio(*fat),
        "group_counts_exact": ratio(*group),
        "attribution": ratio(*attr),
        "forbidden_figures": forbidden,
        "dated_after_published": future,
        "merge_groups": len(groups),
        "merged": merged,
        "unparsable_lines": unparsable,
    }


def merged_event_to_event(gold: dict, events: list[dict]) -> int:
    """Merge groups truly held: one event cites every article of the group AND is that group's
    event (matches one of its gold events: kind, day, place). The scorer's `merged` counts a group
    held by any event, so a group can pass through another event its articles both tell."""
    groups: dict[str, list] = defaultdict(list)
    for g in gold["events"]:
        if g.get("merge_group"):
            groups[g["merge_group"]].append(g)
    return sum(any({g["article"] for g in members} <= {s.get("article_id") for s in e.get("sources") or []}
                   and any(mismatch(g, e) is None for g in members) for e in events)
               for members in groups.values())


def write_detail(golds, matched, misses, false_pos, out: IO[str]) -> None:
    """One line per gold event (ok / MISS / opt, with the reason) and per false positive."""
    for g in golds:
        mark = "ok  " if g["key"] in matched else ("MISS" if g.get("required") else "opt ")
        why = "" if g["key"] in matched else f"  ({misses.get(g['key'])})"
        out.write(f"{mark} {g['key']}{why}\n")
    for e in false_pos:
        loc = (e.get("location") or {}).get("name")
        quote = (e.get("sources") or [{}])[0].get("quote", "")[:90]
        out.write(f"FP   {e.get('event_date')} {e.get('sub_event_type')} @ {loc}: {quote!r}\n")


def read_predictions(path: str | Path) -> tuple[list[dict], int]:
    """Events of a JSON Lines predictions file, and the number of lines that are not objects."""
    events, bad = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            if isinstance(obj, dict):
                events.append(obj)
            else:
                bad += 1
    return events, bad


def evaluate(gold_path: str | Path, out: IO[str] | None = None, detail: bool = False,
             pred_out: IO[str] | None = None, res=None, progress=None) -> dict:
    """Run vigie on a gold file's articles and print its figures, the JSON line last."""
    from . import pipeline
    out = out or sys.stdout
    gold = load_gold(gold_path)
    articles = gold_articles(gold, Path(gold_path).resolve().parent)
    events = pipeline.extract_all(articles, res, progress=progress)
    if pred_out is not None:
        for event in events:
            pred_out.write(json.dumps(event, ensure_ascii=False) + "\n")
    # through JSON and back, as score.py reads a predictions file: the same objects, same figures
    events = [json.loads(json.dumps(e)) for e in events]
    figures = score(gold, events, detail=out if detail else None)
    out.write(json.dumps(figures) + "\n")
    return figures
