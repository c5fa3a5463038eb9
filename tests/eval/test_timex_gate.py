"""Quality gate: time-expression tagging must not fall below the pinned floors.

The fixture set (``fixtures/timex_gate``) is ten short news-like TimeML documents written
for dateline and annotated by the TimeML guidelines: 66 expressions (dates, weekdays,
months, relative and fuzzy dates, seasons, quarters, decades, durations, sets,
PRESENT_REF/PAST_REF/FUTURE_REF), with DCTs on week and year boundaries so that tense and
ISO weeks decide values. The floors sit a little under the figures measured when they
were pinned (docs/quality.md). The TempEval-3 training corpus is measured too, without the
parser to keep it quick, when ``../shared`` is present.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.eval.timex import score_timeml

HERE = Path(__file__).resolve().parent
GATE = HERE / "fixtures" / "timex_gate"
TEMPEVAL = HERE.parents[1].parent / "shared" / "datasets" / "tempeval3-tbaq"

#: (relaxed F1, value F1) floors.
GATE_FLOORS = (0.95, 0.95)  # measured 0.977, 0.977
TEMPEVAL_FLOORS = (0.92, 0.77)  # without the parser; measured 0.932, 0.783


def _check(report: str, measured: tuple[float, float], floors: tuple[float, float]) -> None:
    relaxed, value = measured
    assert relaxed >= floors[0], f"relaxed F1 {relaxed:.3f} < {floors[0]}\n{report}"
    assert value >= floors[1], f"value F1 {value:.3f} < {floors[1]}\n{report}"


@pytest.mark.slow
def test_timex_tagging_stays_above_its_floor_on_the_fixture_set() -> None:
    scores = score_timeml(GATE)
    assert (scores.documents, scores.gold) == (10, 66)
    report = scores.report() + "\n" + "\n".join(scores.errors)
    _check(report, (scores.relaxed_f1, scores.value_f1), GATE_FLOORS)


@pytest.mark.skipif(not TEMPEVAL.is_dir(), reason="../shared/datasets is not present")
def test_timex_tagging_stays_above_its_floor_on_tempeval3_training() -> None:
    scores = score_timeml(TEMPEVAL, use_parser=False)
    assert scores.gold > 1800
    _check(scores.report(), (scores.relaxed_f1, scores.value_f1), TEMPEVAL_FLOORS)


def test_eval_timex_command_reports_on_the_fixture_folder() -> None:
    result = CliRunner().invoke(app, ["eval", "timex", "--gold", str(GATE), "--no-parser"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("== timex_gate\ndocuments 10, gold 66, predicted ")
    for line in ("relaxed  P ", "strict   P ", "value    accuracy ", "type     accuracy "):
        assert line in result.stdout
    with_errors = CliRunner().invoke(
        app, ["eval", "timex", "--gold", str(GATE), "--no-parser", "--errors"]
    )
    assert with_errors.exit_code == 0
    # One line per error, after the report, as many as the report counts.
    counts_line = next(line for line in result.stdout.splitlines() if line.startswith("errors"))
    counted = sum(int(word) for word in counts_line.split() if word.isdigit())
    listed = with_errors.stdout.splitlines()[len(result.stdout.splitlines()) :]
    assert len(listed) == counted
    assert all(re.match(r"news\d\d\.tml: (missed|extra|span|value) ", line) for line in listed)


def _words(output: str) -> str:
    """The output with the console's line wrapping undone (it wraps long paths)."""
    return " ".join(output.split())


def test_eval_timex_command_fails_clearly_without_gold(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["eval", "timex", "--gold", str(tmp_path / "nothing")])
    assert missing.exit_code == 2 and "no folder at" in _words(missing.output)
    empty = runner.invoke(app, ["eval", "timex", "--gold", str(tmp_path)])
    assert empty.exit_code == 2 and "no .tml files under" in _words(empty.output)
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>on <TIMEX3>", encoding="utf-8")
    broken = runner.invoke(app, ["eval", "timex", "--gold", str(tmp_path), "--no-parser"])
    assert broken.exit_code == 2 and "not well-formed XML" in _words(broken.output)
