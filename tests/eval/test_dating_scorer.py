"""The document-dating scorer on a small topic folder written for the test."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from dateline.eval.dating import score_dating


def test_scores_inferred_ranges_against_real_dates(tmp_path: Path) -> None:
    topic = tmp_path / "topic"
    topic.mkdir()
    rows = [
        ("2024-05-06", "Venezuela held talks with Colombia on May 5, 2024, officials said."),
        ("2026-02-01", "Former President Nicolás Maduro appeared in a New York court."),
        # A date ahead that has already passed: the range is wrong and must count so.
        ("2026-03-10", "Officials will meet in Havana on March 3, 2026."),
        ("2025-07-01", "Officials met in Havana."),
    ]
    with open(topic / "articles.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "text"])
        writer.writerows(rows)
    results = score_dating(tmp_path, 0, date(2026, 12, 1))
    scores = results["topic"]
    assert scores.articles == 4
    assert scores.bounded == 2
    assert scores.sound == 3
    assert sorted(scores.gaps) == [1, 28]  # 2024-05-06 − 05-05; 2026-02-01 − 01-04
    assert scores.within(7) == 1 and scores.within(31) == 2
    assert results["all"].articles == 4
    assert "range holds date    0.750 (3)" in scores.report()
