"""Quality gate: event coding must not fall below the pinned floors on the bundled sets.

The floors sit a little under the figures measured when they were pinned (docs/quality.md):
dev F1 0.967, held-out F1 0.850, status accuracy 1.0 on both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.eval.events import bundled_gold, score_events

FLOORS = {"dev": (0.93, 0.95), "heldout": (0.80, 0.90)}  # (F1, status accuracy)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_event_coding_stays_above_its_floor(name: str) -> None:
    scores = score_events(bundled_gold(name))
    f1_floor, status_floor = FLOORS[name]
    assert scores.f1 >= f1_floor, scores.report() + "\n" + "\n".join(scores.errors)
    assert scores.modality_accuracy >= status_floor, scores.report()


def test_scorer_counts_misses_and_extras(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    item = {
        "id": "x",
        "text": "Iran delivered gunboats to Venezuela.",
        "events": [
            {"type": "ASSAULT", "modality": "asserted", "actors": ["IRN"], "recipients": ["VEN"]}
        ],
    }
    gold.write_text(json.dumps(item) + "\n", encoding="utf-8")
    scores = score_events(gold)
    assert (scores.gold, scores.matched) == (1, 0)
    assert scores.predicted >= 1 and scores.f1 == 0.0
    assert any("missed ASSAULT" in e for e in scores.errors)
