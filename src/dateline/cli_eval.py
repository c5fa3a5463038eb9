"""``dateline eval``: the scorers, each a thin command over a function in ``dateline.eval``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._console import err, progress_bar
from ._console import fail as _fail

eval_app = typer.Typer(help="Measure quality against gold data.", no_args_is_help=True)


@eval_app.command("events")
def eval_events(
    gold: Annotated[
        Path | None, typer.Option(help="Gold JSONL (default: the bundled dev and held-out sets).")
    ] = None,
    show_errors: Annotated[bool, typer.Option("--errors", help="List each error.")] = False,
) -> None:
    """Score event coding: type, participants, status and date.

    A gold file of PLOVER-style records (``event``, ``source``/``target``, or sentence
    references) gets the sentence-level PLOVER scores; without --gold the bundled sets, the
    PLOVER development set and the blind held-out set are scored (--errors lists the
    held-out set's errors only when it is given with --gold).
    """
    from .eval.events import BUNDLED_SETS, bundled_gold, score_events
    from .eval.plover import is_plover_file, plover_dev_path, plover_heldout_path

    if gold is not None and not gold.is_file():
        raise _fail(f"no gold file at {gold}")
    sets = {str(gold): gold} if gold else {name: bundled_gold(name) for name in BUNDLED_SETS}
    if gold is None:
        sets["plover-dev"] = plover_dev_path()
        sets["plover-heldout"] = plover_heldout_path()
    for name, path in sets.items():
        if is_plover_file(path):
            # the held-out set stays blind: its errors are listed only when asked by --gold
            listed = show_errors and name != "plover-heldout"
            _print_plover_scores(name, path, listed)
            continue
        scores = score_events(path)
        print(f"== {name}\n{scores.report()}")
        if show_errors and scores.errors:
            print("\n".join(scores.errors))


def _print_plover_scores(name: str, path: Path, show_errors: bool) -> None:
    from .eval.plover import score_plover

    run = score_plover(path)
    if run.skipped:
        err.print(
            f"{name}: {len(run.skipped)} sentences skipped, their source is not available here"
            " (Timeline17 is read from ../shared/datasets/t17-dev next to the repository)",
            highlight=False,
        )
    for part, scores in run.scores.items():
        print(f"== {name} [{part}]\n{scores.report()}")
    if show_errors:
        last = list(run.scores.values())[-1] if run.scores else None
        if last and last.errors:
            print("\n".join(last.errors))


@eval_app.command("timex")
def eval_timex(
    gold: Annotated[Path, typer.Option(help="Folder of TimeML .tml files (subfolders too).")],
    show_errors: Annotated[bool, typer.Option("--errors", help="List each error.")] = False,
    no_parser: Annotated[
        bool, typer.Option("--no-parser", help="Tag without a spaCy parse (faster).")
    ] = False,
) -> None:
    """Score time expressions (TempEval-3): extraction, value and type."""
    from .eval.timeml import TimeMLError
    from .eval.timex import gold_sets, score_sets

    if not gold.is_dir():
        raise _fail(f"no folder at {gold}")
    sets = gold_sets(gold)
    if not sets:
        raise _fail(f"no .tml files under {gold}")
    total = len({path for files in sets.values() for path in files})
    with progress_bar("timex", described=False, transient=True) as bar:
        task = bar.add_task("", total=total)
        try:
            results = score_sets(sets, not no_parser, lambda _: bar.advance(task))
        except TimeMLError as exc:
            raise _fail(str(exc)) from exc
    for name, scores in results.items():
        print(f"== {name}\n{scores.report()}")
    last = list(results.values())[-1]  # the whole folder: every document once
    if show_errors and last.errors:
        print("\n".join(last.errors))


@eval_app.command("dating")
def eval_dating(
    gold: Annotated[
        Path, typer.Option(help="A Timeline17 topic folder (articles.csv) or a folder of them.")
    ] = Path("../shared/datasets/t17-dev"),
    docs: Annotated[int, typer.Option(help="Articles per topic (0: all).")] = 40,
) -> None:
    """Score document dating: publication dates recovered from the text alone."""
    from .eval.dating import score_dating, topic_folders
    from .pipeline import reading_day

    if not gold.is_dir() or not topic_folders(gold):
        err.print(f"skipped: no Timeline17 articles.csv under {gold}")
        return
    with progress_bar("dating", described=False, transient=True) as bar:
        task = bar.add_task("", total=None)
        results = score_dating(gold, docs, reading_day(), lambda: bar.advance(task))
    for name, scores in results.items():
        print(f"== {name}\n{scores.report()}")


@eval_app.command("plover-manual")
def eval_plover_manual(
    show_errors: Annotated[bool, typer.Option("--errors", help="List each miss.")] = False,
) -> None:
    """Code the PLOVER manual's example sentences; count those given the documented category."""
    from .eval.plover_manual import MANUAL, score_manual

    scores = score_manual()
    if scores is None:
        err.print(f"skipped: the PLOVER manual is not at {MANUAL} (relative to the repository)")
        return
    print(scores.report())
    if show_errors and scores.errors:
        print("\n".join(scores.errors))


@eval_app.command("timeline")
def eval_timeline(
    topic: Annotated[
        Path | None,
        typer.Option(
            help="A Timeline17 topic folder (articles.csv, timelines/) or a folder of them."
        ),
    ] = None,
    show_dates: Annotated[
        bool, typer.Option("--dates", help="List each timeline's predicted dates.")
    ] = False,
    oracle: Annotated[
        bool,
        typer.Option(
            "--oracle",
            help="Also the ceiling: the best F1 picking only among the salience function's"
            " candidate days or only among publication days, and the shares of reference"
            " dates that are publication days or named by an article.",
        ),
    ] = False,
) -> None:
    """Score date selection on Timeline17 (news-tls protocol) against the PUBCOUNT baseline.

    Per reference timeline: the articles within its date span, as many dates as it has,
    exact-match date precision and recall, averaged over timelines, then F1. Without
    --topic, every topic under ../shared/datasets/t17-dev.
    """
    from .tls.evaluate import articles_in_spans, oracle_report, report, score_topic
    from .tls.t17 import TopicError, read_topic, topic_folders

    root = topic or Path("../shared/datasets/t17-dev")
    folders = topic_folders(root)
    if not folders:
        if topic is not None:
            raise _fail(f"no Timeline17 topic (articles.csv) at {topic}")
        err.print(f"skipped: no Timeline17 topics under {root}")
        return
    try:
        topics = [read_topic(folder) for folder in folders]
    except (OSError, TopicError) as exc:
        raise _fail(str(exc)) from exc
    if not any(t.timelines for t in topics):
        raise _fail(f"no reference timelines (timelines/*.txt) under {root}")
    with progress_bar("timeline", described=False, transient=True) as bar:
        task = bar.add_task("", total=sum(articles_in_spans(t) for t in topics))
        results = [r for t in topics for r in score_topic(t, lambda: bar.advance(task), oracle)]
    print(report(results))
    if oracle:
        print()
        print(oracle_report(results))
    if show_dates:
        for r in results:
            print(f"== {r.topic}/{r.name}: {' '.join(r.predicted)}")
