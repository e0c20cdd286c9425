"""`vigie evaluate` gives the figures of shared/eval/score.py gold, on the same predictions."""
from __future__ import annotations

import io
import json
import random
import subprocess
import sys

import pytest

from vigie.evaluate import evaluate, gold_articles, load_gold, read_predictions, score


def score_py(shared, gold_path, pred_path, detail=False) -> tuple[dict, str]:
    """The figures (last line) and the full output of score.py gold."""
    cmd = [sys.executable, str(shared / "eval/score.py"), "gold", str(gold_path), str(pred_path)]
    out = subprocess.run(cmd + (["--detail"] if detail else []), capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out.splitlines()[-1]), out


def synthetic_predictions(gold: dict, seed: int) -> list[dict]:
    """Events near the gold ones, right or wrong in every way the scorer checks."""
    rng = random.Random(seed)
    events = []
    for n, g in enumerate(gold["events"]):
        if rng.random() < 0.2:
            continue  # a miss
        gf = g.get("fatalities") or {}
        best = rng.choice([gf.get("best"), None, 3]) if gf else None
        events.append({
            "event_id": f"ev-{seed}-{n}",
            "event_type": g["event_type"] if rng.random() < 0.9 else "Battles",
            "sub_event_type": rng.choice(g["sub_event_type"] + ["Armed clash"]),
            "event_date": rng.choice(g["dates"] + [None, "2099-01-01"]),
            "date_precision": "day",
            "tags": rng.choice([[], ["negotiations"], ["claimed"]]),
            "location": {"name": "x", "country": "Syria", "geo_precision": 1,
                         "lat": g["lat"] + rng.choice([0, 0, 2]), "lon": g["lon"]},
            "fatalities": {"best": best, "low": best, "high": best,
                           "children": rng.choice([gf.get("children"), None, 1])},
            "claims": [{"kind": "killed", "count": best or 1, "qualifier": "exact",
                        "attributed_to": rng.choice((g.get("claim_sources") or [None]) + ["SOHR", None])}],
            "sources": [{"article_id": g["article"], "quote": "q", "start": 0, "end": 1}],
        })
    # events merged across the articles of a merge group, and forbidden figures
    groups: dict[str, list[str]] = {}
    for g in gold["events"]:
        if g.get("merge_group"):
            groups.setdefault(g["merge_group"], []).append(g["article"])
    for name, arts in list(groups.items())[::2]:
        events.append({"event_id": f"merge-{name}", "event_type": "Battles",
                       "sub_event_type": "Armed clash", "event_date": None,
                       "sources": [{"article_id": a, "quote": "q"} for a in arts]})
    for rule in gold.get("forbidden_fatalities", [])[::3]:
        events.append({"event_id": f"forbid-{rule['article']}", "event_type": "Battles",
                       "sub_event_type": "Armed clash", "event_date": "2011-01-01",
                       "fatalities": {"best": rule["values"][0]},
                       "sources": [{"article_id": rule["article"], "quote": "q"}]})
    rng.shuffle(events)
    return events


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_figures_as_score_py(shared, tmp_path, seed):
    gold_path = shared / "data/fr_dev_gold/gold.json"
    gold = load_gold(gold_path)
    pred = tmp_path / "pred.jsonl"
    lines = [json.dumps(e) for e in synthetic_predictions(gold, seed)] + ["{broken", "[1, 2]"]
    pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
    theirs, their_out = score_py(shared, gold_path, pred, detail=True)
    events, bad = read_predictions(pred)
    detail = io.StringIO()
    ours = score(gold, events, bad, detail=detail)
    assert ours == theirs
    assert detail.getvalue() + json.dumps(ours) + "\n" == their_out


def test_gold_articles_are_read(shared):
    gold_path = shared / "data/fr_dev_gold/gold.json"
    articles = gold_articles(load_gold(gold_path), gold_path.parent)
    assert len(articles) == 33 and all(a.text and a.published and a.lang == "fr" for a in articles)


def test_evaluate_end_to_end_matches_score_py(shared, tmp_path):
    """Runs the real pipeline on the 33 gold articles (needs the extraction)."""
    gold_path = shared / "data/fr_dev_gold/gold.json"
    pred = tmp_path / "pred.jsonl"
    out = io.StringIO()
    with open(pred, "w", encoding="utf-8") as f:
        ours = evaluate(gold_path, out=out, pred_out=f)
    assert json.loads(out.getvalue().splitlines()[-1]) == ours
    theirs, _ = score_py(shared, gold_path, pred)
    assert ours == theirs
