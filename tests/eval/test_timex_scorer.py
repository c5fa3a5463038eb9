"""The TempEval-3 scorer: pairing, strict and relaxed extraction, value F1, error counts."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Literal, cast

import pytest

from dateline.eval.timeml import TimeMLDocument, read_timeml
from dateline.eval.timex import TimexScores, gold_sets, pair_up, score_document, score_sets
from dateline.model import Timex

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "timeml"
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@pytest.fixture
def document() -> TimeMLDocument:
    return read_timeml(FIXTURES / "scorer.tml")


def predict(document: TimeMLDocument, text: str, type: TimexType, value: str) -> Timex:
    start = document.text.index(text)
    return Timex(start, start + len(text), text, type, value)


def test_exact_predictions_score_one_everywhere(document: TimeMLDocument) -> None:
    predicted = [
        predict(document, g.text, cast(TimexType, g.type), g.value) for g in document.timexes
    ]
    scores = score_document(document, predicted)
    assert (scores.gold, scores.predicted, scores.relaxed, scores.strict) == (4, 4, 4, 4)
    assert scores.relaxed_f1 == scores.strict_f1 == scores.value_f1 == 1.0
    assert scores.type_accuracy == 1.0 and not scores.errors


def test_relaxed_strict_value_and_type_on_a_mixed_prediction(document: TimeMLDocument) -> None:
    predicted = [
        predict(document, "on Monday", "DATE", "2025-05-12"),  # wider span, right value
        predict(document, "three days", "DATE", "P3D"),  # exact span, wrong type
        predict(document, "next month", "DATE", "2025-05"),  # exact span, wrong value
        predict(document, "deal", "DATE", "PRESENT_REF"),  # overlaps nothing
    ]
    scores = score_document(document, predicted)
    assert (scores.relaxed, scores.strict) == (3, 2)
    assert scores.relaxed_f1 == pytest.approx(0.75)  # P 3/4, R 3/4
    assert scores.strict_f1 == pytest.approx(0.5)  # P 2/4, R 2/4
    assert scores.value_accuracy == pytest.approx(2 / 3)
    assert scores.value_f1 == pytest.approx(0.75 * 2 / 3)
    assert scores.type_accuracy == pytest.approx(2 / 3)
    assert scores.error_kinds == {"span": 1, "value": 1, "missed": 1, "extra": 1}
    assert any("missed 'now'" in e for e in scores.errors)
    assert any("extra 'deal'" in e for e in scores.errors)
    assert any("gold 2025-06 got 2025-05" in e for e in scores.errors)


def test_each_gold_expression_pairs_once_with_the_largest_overlap(
    document: TimeMLDocument,
) -> None:
    gold = document.timexes[1]  # "three days"
    small = predict(document, "three", "DURATION", "P3D")
    large = predict(document, "for three days", "DURATION", "P3D")
    pairs = pair_up(document.timexes, [small, large])
    assert pairs == [(gold, large)]
    scores = score_document(document, [small, large])
    assert (scores.relaxed, scores.strict, scores.predicted) == (1, 0, 2)
    assert scores.error_kinds["extra"] == 1 and scores.error_kinds["missed"] == 3


def test_no_prediction_scores_zero_without_dividing_by_zero(document: TimeMLDocument) -> None:
    scores = score_document(document, [])
    assert scores.relaxed_f1 == scores.value_f1 == scores.type_accuracy == 0.0
    assert scores.error_kinds["missed"] == 4


def test_totals_add_up_over_documents(document: TimeMLDocument) -> None:
    total = TimexScores()
    total.add(score_document(document, [predict(document, "now", "DATE", "PRESENT_REF")]))
    total.add(score_document(document, []))
    assert (total.documents, total.gold, total.predicted, total.relaxed) == (2, 8, 1, 1)
    assert total.value_correct == 1 and total.error_kinds["missed"] == 7
    assert "relaxed  P 1.000  R 0.125" in total.report()


def test_gold_sets_are_subfolders_then_the_whole_counting_copies_once(tmp_path: Path) -> None:
    for folder in ("news", "wire", "check", "empty"):
        (tmp_path / folder).mkdir()
    shutil.copy(FIXTURES / "scorer.tml", tmp_path / "news" / "a.tml")
    shutil.copy(FIXTURES / "mixed_tags.tml", tmp_path / "wire" / "b.tml")
    shutil.copy(FIXTURES / "scorer.tml", tmp_path / "check" / "a.tml")  # a copy of news/a
    sets = gold_sets(tmp_path)
    assert list(sets) == ["check", "news", "wire", f"{tmp_path.name} (all)"]
    whole = sets[f"{tmp_path.name} (all)"]
    assert sorted(p.name for p in whole) == ["a.tml", "b.tml"]

    results = score_sets(sets, use_parser=False)
    assert results["news"].gold == results["check"].gold == 4
    assert results[f"{tmp_path.name} (all)"].gold == 4 + 3
    assert results[f"{tmp_path.name} (all)"].documents == 2


def test_a_folder_without_subfolders_or_with_one_is_one_set(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "scorer.tml", tmp_path / "a.tml")
    assert list(gold_sets(tmp_path)) == [tmp_path.name]
    (tmp_path / "only").mkdir()
    (tmp_path / "a.tml").rename(tmp_path / "only" / "a.tml")
    assert list(gold_sets(tmp_path)) == ["only"]
    (tmp_path / "only" / "a.tml").unlink()
    assert gold_sets(tmp_path) == {}
