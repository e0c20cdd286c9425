"""Quality gate for resolution: the first ROWS GVA articles (local US news, several reports of one
shooting) are extracted with resolution on, as `vigie extract` does, and scored by
../shared/eval/score.py gva; a change that lowers a pinned figure fails. About 40 s on 2 cores.
Raise a pin when a change raises its figure; lower one only in a trade that raises F1, recorded at PINS.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from vigie.ingest import read_articles
from vigie.pipeline import extract_all

# 1,500 of the 6,335 articles: the file lists each incident's reports together, so the subset
# keeps whole incidents (909 of them) that one merge moves < 0.002.
ROWS = 1500

# Measured on this code (printed by the figures fixture); the bars of issue 5 (F1 0.90, killed
# 0.75) are for the whole file, see README "Benchmarks".
# One trade is recorded here, not hidden: the namesake path and the incident-time day (issue 5,
# stop 15) took this subset's F1 0.907 -> 0.910 and recall 0.849 -> 0.856 for precision 0.973 ->
# 0.971 and incident_killed_exact 0.773 -> 0.772 (one incident of 909); on the whole file F1 went
# 0.8896 -> 0.8930, precision 0.9385 -> 0.9382, killed 0.781 unchanged. F1, the figure,
# never drops.
# A second trade (stop 16: story links, clock times, a recalled incident's people): this subset's
# F1 0.910 -> 0.913 and recall 0.856 -> 0.862 for precision 0.971 -> 0.969 and
# incident_killed_exact 0.772 -> 0.771 (one incident of 909); on the whole file F1 went 0.8930 ->
# 0.8988, precision 0.9382 -> 0.9379, killed 0.781 -> 0.783.
PINS = {"bcubed_f1": 0.915, "bcubed_precision": 0.970, "bcubed_recall": 0.866, "incident_killed_exact": 0.771}


@pytest.fixture(scope="module")
def figures(shared, tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("quality_gva")
    score = shared / "eval" / "score.py"
    data = shared / "data" / "gva_incidents"
    subset = tmp / "gva_subset.jsonl"
    with open(data / "gva_articles_by_incident.jsonl", encoding="utf-8") as src, \
            open(subset, "w", encoding="utf-8") as out:
        for line, _ in zip(src, range(ROWS)):
            out.write(line)
    articles, pred = tmp / "articles.jsonl", tmp / "pred.jsonl"
    subprocess.run([sys.executable, str(score), "gva-prepare", str(subset), str(articles)],
                   check=True, capture_output=True)
    with open(pred, "w", encoding="utf-8") as f:
        for e in extract_all(read_articles([str(articles)]), None):
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(score), "gva", str(subset),
                          str(data / "gva_incidents.jsonl"), str(pred)],
                         check=True, capture_output=True, text=True).stdout
    figs = json.loads(out.strip().splitlines()[-1])
    print(json.dumps(figs))
    return figs


@pytest.mark.parametrize("name", sorted(PINS))
def test_gva_figure_does_not_drop(figures, name):
    assert figures[name] >= PINS[name], f"{name} {figures[name]} fell below its pin {PINS[name]}"


def test_gva_subset_has_no_unparsable_line(figures):
    assert figures["unparsable_lines"] == 0
