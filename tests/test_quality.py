"""Quality gate: the French development figures are pinned; a change that lowers one fails.

Runs the whole pipeline on ../shared/data/fr_dev_gold (33 articles, about 1 s) and scores it with
vigie's own scorer, which gives the same figures as ../shared/eval/score.py (test_evaluate.py).
Raise a pin when a change raises its figure; lower one only in a trade for another issue's bar,
recorded beside the pins (as tests/test_quality_gva.py does), never to make a change pass.
"""
import io
import json

import pytest

from vigie.evaluate import evaluate, load_gold, merged_event_to_event, read_predictions

# Measured on this code with `vigie evaluate ../shared/data/fr_dev_gold/gold.json`.
# One trade is recorded here (issue 5, stop 17): a town stormed told in the passive ("Deraa a été
# investie tôt dans la matinée de lundi par 3 000 hommes") is now the assault of that Monday, and
# joins fr-0002's "l'armée avait investi la ville le 25 avril": the last merge group (Deraa) is
# held, merged 8 -> 9 of 9, which issue 5 asks for while recall and precision hold (0.884, and
# 0.776 -> 0.777). That event also matches the gold's optional attack of fr-0001, which carries
# the toll (25) and its two sources; they stay with the article's shelling event of the same
# assault, dated by "hier". So fatalities_exact 0.925 -> 0.907 and attribution 0.836 -> 0.821,
# one optional gold event each; issue 2's bars (0.85, 0.80) hold.
PINS_AT_LEAST = {
    "recall": 0.884,
    "precision": 0.777,
    "fatalities_exact": 0.907,
    "group_counts_exact": 0.96,
    "attribution": 0.821,
    # merge groups of the gold whose every article one event holds, as the scorer counts (any event)
    "merged": 9,
}
# ... and held by the group's own event (evaluate.merged_event_to_event): 9 of 9
MERGED_EVENT_TO_EVENT = 9
PINS_AT_MOST = {"forbidden_figures": 0, "dated_after_published": 0, "unparsable_lines": 0}


@pytest.fixture(scope="module")
def figures(shared, tmp_path_factory):
    pred = tmp_path_factory.mktemp("gold") / "pred.jsonl"
    with open(pred, "w", encoding="utf-8") as f:
        figs = evaluate(shared / "data" / "fr_dev_gold" / "gold.json", out=io.StringIO(), pred_out=f)
    return figs, pred


@pytest.mark.parametrize("name", sorted(PINS_AT_LEAST))
def test_figure_does_not_drop(figures, name):
    assert figures[0][name] >= PINS_AT_LEAST[name], f"{name} fell below its pin"


@pytest.mark.parametrize("name", sorted(PINS_AT_MOST))
def test_count_does_not_rise(figures, name):
    assert figures[0][name] <= PINS_AT_MOST[name]


def test_every_gold_run_line_is_valid(figures, schema_validator):
    lines = figures[1].read_text(encoding="utf-8").splitlines()
    assert lines
    for line in lines:
        schema_validator.validate(json.loads(line))


def test_merge_groups_are_held_by_their_own_events(shared, figures):
    events, _ = read_predictions(figures[1])
    gold = load_gold(shared / "data" / "fr_dev_gold" / "gold.json")
    assert merged_event_to_event(gold, events) >= MERGED_EVENT_TO_EVENT
