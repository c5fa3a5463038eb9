"""The Timeline17 scorer on a tiny topic folder written here, with hand-computed scores."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.tls.evaluate import (
    average,
    date_scores,
    oracle_report,
    oracle_scores,
    report,
    score_topic,
)
from dateline.tls.t17 import TopicError, read_timeline, read_topic

SEPARATOR = "-" * 32

ARTICLES = [
    ("2010-01-11", "Tensions rose in the capital ."),  # before every span: never read
    ("2010-01-13", "On January 12 , an earthquake struck Haiti ."),
    ("2010-01-13", "The earthquake on January 12 killed thousands ."),
    ("2010-01-15", "Aid arrived on January 14 ."),
    ("2010-01-15", "Aid flights landed on January 14 ."),
    ("2010-01-15", "Officials met in Port-au-Prince ."),
    ("2010-01-15", "Officials met again in Port-au-Prince ."),
    ("2010-01-15", "Officials met donors ."),
    ("2010-01-16", "A second tremor struck Haiti today ."),
    ("2010-01-17", "A second tremor struck on January 16 ."),  # after every span
]


def timeline_file(path: Path, blocks: list[tuple[str, str]]) -> None:
    path.write_text(
        "".join(f"{day}\n{text} \n{SEPARATOR}\n" for day, text in blocks), encoding="utf-8"
    )


@pytest.fixture()
def topic(tmp_path: Path) -> Path:
    folder = tmp_path / "quake"
    (folder / "timelines").mkdir(parents=True)
    with open(folder / "articles.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "text"])
        writer.writerows(ARTICLES)
    # A date may head two blocks; it is one reference date.
    timeline_file(folder / "timelines" / "a.txt", [
        ("2010-01-12", "An earthquake hits Haiti ."), ("2010-01-14", "Aid arrives ."),
        ("2010-01-14", "More aid arrives ."), ("2010-01-16", "A second tremor ."),
    ])  # fmt: skip
    timeline_file(folder / "timelines" / "b.txt", [
        ("2010-01-15", "Donors meet ."), ("2010-01-13", "The toll rises ."),
    ])  # fmt: skip
    return folder


def test_reads_the_topic(topic: Path) -> None:
    t = read_topic(topic)
    assert [a.published.isoformat() for a in t.articles][:2] == ["2010-01-11", "2010-01-13"]
    assert {name: [d.isoformat() for d in dates] for name, dates in t.timelines.items()} == {
        "a.txt": ["2010-01-12", "2010-01-14", "2010-01-16"],
        "b.txt": ["2010-01-13", "2010-01-15"],
    }


def test_a_block_must_start_with_a_date(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(f"2010-01-12\nFine .\n{SEPARATOR}\nNo date here .\n", encoding="utf-8")
    with pytest.raises(TopicError, match="line 4"):
        read_timeline(bad)


def test_date_f1_against_pubcount(topic: Path) -> None:
    a, b = score_topic(read_topic(topic))
    # Timeline a (12–16 January, 3 dates, 8 articles in span). PUBCOUNT takes the days
    # with most articles: 15 (5), 13 (2), 16 (1); only the 16th is a reference date.
    # The system: the 14th (two later articles name it, five appeared the day after),
    # the 12th (two later articles name it), then the 15th (five published on it):
    # the 12th and the 14th are reference dates.
    assert (a.articles, a.predicted) == (8, ["2010-01-12", "2010-01-14", "2010-01-15"])
    assert (a.system.precision, a.system.recall) == pytest.approx((2 / 3, 2 / 3))
    assert (a.baseline.precision, a.baseline.recall) == pytest.approx((1 / 3, 1 / 3))
    # Timeline b (13–15 January, 2 dates, 7 articles): PUBCOUNT's 15th and 13th are both
    # right; the system's 14th (named by two articles) is not a reference date.
    assert (b.articles, b.predicted) == (7, ["2010-01-14", "2010-01-15"])
    assert (b.system.precision, b.baseline.precision) == pytest.approx((1 / 2, 1.0))
    # Precision and recall averaged over the timelines, then F1 (news-tls).
    assert average([a.system, b.system]).f1 == pytest.approx(7 / 12)
    assert average([a.baseline, b.baseline]).f1 == pytest.approx(2 / 3)
    (_, row) = report([a, b]).splitlines()
    assert row.split()[:4] == ["quake", "2", "5", "15"]
    assert "0.583" in row and "0.667" in row and row.endswith("0.87")  # 0.875, in floats


def test_precision_and_recall_differ_when_fewer_dates_are_predicted() -> None:
    one = date_scores(["2010-01-01", "2010-01-02"], ["2010-01-01", "2010-01-03", "2010-01-04",
                                                    "2010-01-05"])  # fmt: skip
    two = date_scores([], ["2010-01-01"])
    assert (one.precision, one.recall) == (0.5, 0.25)
    assert (two.precision, two.recall) == (0.0, 0.0)
    mean = average([one, two])
    assert mean.f1 == pytest.approx(2 * 0.25 * 0.125 / (0.25 + 0.125))  # not the mean of F1s


def test_oracle_scores_pick_every_reachable_reference_date() -> None:
    reference = ["2010-01-01", "2010-01-02", "2010-01-03", "2010-01-04"]
    two_of_four = oracle_scores(["2010-01-01", "2010-01-03", "2010-01-09", "2010-01-10",
                                 "2010-01-11"], reference)  # fmt: skip
    assert (two_of_four.precision, two_of_four.recall) == (0.5, 0.5)
    # Fewer candidates than reference dates: only those can be predicted.
    few = oracle_scores(["2010-01-01", "2010-01-09"], reference)
    assert (few.precision, few.recall) == (0.5, 0.25)
    assert oracle_scores([], reference) == date_scores([], reference)


def test_oracle_of_each_timeline(topic: Path) -> None:
    a, b = score_topic(read_topic(topic), oracle=True)
    assert a.oracle is not None and b.oracle is not None
    # Timeline a (12, 14, 16 January; articles of the 13th, 15th and 16th). Every day of
    # the span has some evidence: the 12th and 14th are named (and the days before a
    # publication day), the 13th, 15th and 16th are publication days; "today" on the 16th
    # names it too. Among publication days only the 16th is a reference date.
    assert (a.oracle.salience.precision, a.oracle.salience.recall) == (1.0, 1.0)
    assert (a.oracle.published.precision, a.oracle.published.recall) == (1 / 3, 1 / 3)
    assert (a.oracle.published_share, a.oracle.referenced_share) == (1 / 3, 1.0)
    # Timeline b (13, 15 January): both are publication days, neither is named (the
    # articles name the 12th and the 14th).
    assert (a.oracle.salience.f1, b.oracle.salience.f1, b.oracle.published.f1) == (1, 1, 1)
    assert (b.oracle.published_share, b.oracle.referenced_share) == (1.0, 0.0)
    (header, row) = oracle_report([a, b]).splitlines()
    assert "salience" in header
    # system F1 7/12; oracles 1 and (1/3 + 1) / 2; shares the same means.
    assert row.split() == ["quake", "2", "5", "0.583", "1.000", "0.667", "0.667", "0.500"]


def test_cli(topic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    scored = runner.invoke(app, ["eval", "timeline", "--topic", str(topic), "--dates"])
    assert scored.exit_code == 0, scored.output
    assert "PUBCOUNT" in scored.stdout and "0.583" in scored.stdout
    assert "== quake/a.txt: 2010-01-12 2010-01-14 2010-01-15" in scored.stdout
    ceiling = runner.invoke(app, ["eval", "timeline", "--topic", str(topic), "--oracle"])
    assert ceiling.exit_code == 0 and "oracle:salience" in ceiling.stdout
    assert "oracle" not in scored.stdout
    root = runner.invoke(app, ["eval", "timeline", "--topic", str(tmp_path)])
    assert root.exit_code == 0 and "quake" in root.stdout  # a folder of topics
    missing = runner.invoke(app, ["eval", "timeline", "--topic", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "no Timeline17 topic" in missing.output
    monkeypatch.chdir(topic)  # no ../shared/datasets/t17-dev from here
    skipped = runner.invoke(app, ["eval", "timeline"])
    assert skipped.exit_code == 0 and "skipped" in skipped.output and not skipped.stdout
