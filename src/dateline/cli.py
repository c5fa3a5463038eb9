"""The ``dateline`` command line: parses arguments, calls the library, prints results."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from rich.console import Console

from . import __version__
from ._console import DEFAULT_DB, DbOption, err, progress_bar
from ._console import fail as _fail
from .cli_eval import eval_app
from .cli_scale import ExecutorName, print_report
from .cli_scale import register as register_scale
from .cli_serve import register as register_serve
from .cli_story import register as register_story
from .model import MODALITIES, PLOVER_TYPES

if TYPE_CHECKING:
    from .views.timeline import TimelineEntry

app = typer.Typer(
    help="dateline: news articles in, a sourced and dated record of events out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

InputOption = Annotated[
    str | None, typer.Option("--input", "-i", help="JSONL to read (default: standard input).")
]
OutputOption = Annotated[
    str | None, typer.Option("--output", "-o", help="File to write (default: standard output).")
]


class TimelineFormat(StrEnum):
    text = "text"
    json = "json"
    timelinejs = "timelinejs"


class ListFormat(StrEnum):
    text = "text"
    json = "json"


def _open_store(db: Path, must_exist: bool = False) -> Any:
    """The store; read-only commands (``must_exist``) never create or adopt a file."""
    from .store import Store, StoreError

    if must_exist and not db.exists():
        raise _fail(f"no store at {db} (run `dateline ingest` first, or pass --db)")
    try:
        return Store(db, create=not must_exist)
    except StoreError as exc:
        raise _fail(str(exc)) from exc


@contextmanager
def _read_store(db: Path) -> Iterator[Any]:
    """The store of a command that reads it, with the cyclic garbage collector paused
    while the command runs (``bulk_decoding``): such a command decodes tens of thousands
    of stored records, small objects in no reference cycle, which the collector would
    only rescan again and again (a third of a large timeline's time)."""
    from .store import bulk_decoding

    with bulk_decoding(), _open_store(db, must_exist=True) as store:
        yield store


_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _date_bound(value: str | None, option: str) -> str | None:
    if value is not None and not _PARTIAL_DATE.match(value):
        raise _fail(f"{option} {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path in (None, "-"):
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise _fail(f"cannot write {path}: {exc.strerror}") from exc
    with handle:
        yield handle


def _read_jsonl(path: str | None) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, object) per input line, or (line number, error message)."""
    try:
        handle = sys.stdin if path in (None, "-") else open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise _fail(f"cannot read {path}: {exc.strerror}") from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, f"invalid JSON on line {number}: {exc.msg}"
                continue
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                yield number, f"line {number}: expected an object with a string 'text'"
                continue
            bad = [k for k in ("published", "dct") if item.get(k) is not None
                   and not isinstance(item[k], str)]  # fmt: skip
            if bad:
                yield number, f'line {number}: {bad[0]!r} must be a date string like "2026-01-15"'
                continue
            yield number, item


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read.")],
    db: DbOption = DEFAULT_DB,
    published: Annotated[
        str | None, typer.Option(help="Publication date for inputs that carry none.")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Parser processes.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 16,
    max_bytes: Annotated[int, typer.Option(min=1, help="Largest input file (bytes).")] = 5_000_000,
    max_chars: Annotated[
        int, typer.Option(min=1, max=1_000_000, help="Longest document text (characters).")
    ] = 200_000,
    max_seconds: Annotated[
        float,
        typer.Option(min=0, help="Time limit per document, to parse and to annotate (s; 0: none)."),
    ] = 60.0,
    fetch_delay: Annotated[
        float, typer.Option(min=0, help="Seconds between requests to one host (.urls lists).")
    ] = 1.0,
    executor: Annotated[
        ExecutorName, typer.Option(help="ray: annotate on Ray into --shards, not the store.")
    ] = ExecutorName.local,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster to use (default: a local one of --workers).")
    ] = None,
    shards: Annotated[
        Path | None, typer.Option(help="Empty folder for the Ray run's shards.")
    ] = None,
    parquet: Annotated[bool, typer.Option(help="Parquet shards beside the JSONL ones.")] = False,
) -> None:
    """Read files or folders and process them fully into the store (with --executor ray:
    into shards, merged into a store by `dateline load`)."""
    from .pipeline import IngestOptions
    from .pipeline import ingest as run_ingest
    from .sources import FetchPolicy, Limits, expected_documents
    from .store import StoreBusy, StoreError
    from .temporal import normalise_published

    if published and normalise_published(published, "user").value is None:
        raise _fail(f"--published {published!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    limits = Limits(
        max_bytes=max_bytes, max_chars=max_chars, max_seconds=max_seconds or None,
        fetch=FetchPolicy(fetch_delay),
    )  # fmt: skip
    options = IngestOptions(published, workers, batch_size, limits=limits)
    if executor is ExecutorName.ray:
        from .cli_scale import ingest_on_ray

        return ingest_on_ray(paths, options, shards, address, parquet)
    if shards or address or parquet:
        raise _fail("--shards, --address and --parquet are for --executor ray")
    with _open_store(db) as store, progress_bar("ingest") as bar:
        task = bar.add_task("", total=expected_documents(paths))

        def progress(source: str, outcome: str) -> None:
            bar.update(task, advance=1, description=f"{outcome}: {Path(source).name[:40]}")

        try:
            report = run_ingest([str(p) for p in paths], store, options, progress)
        except StoreBusy as exc:
            raise _fail(str(exc)) from exc
        except StoreError as exc:
            raise _fail(
                f"{exc}; everything stored before this point is kept, and the same command"
                " resumes where this run stopped"
            ) from exc
    print_report(report, db)


@app.command()
def export(
    kind: Annotated[str, typer.Argument(help="What to write: events, documents, ...")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv")] = "jsonl",
    output: OutputOption = None,
) -> None:
    """Write one record per event (after merging), per document, or of another kind."""
    from .export import exporters
    from .export.records import record_kinds

    if kind not in record_kinds:
        raise _fail(f"unknown kind {kind!r} (available: {', '.join(record_kinds.names())})")
    if format not in exporters:
        raise _fail(f"unknown format {format!r} (available: {', '.join(exporters.names())})")
    writer = exporters.get(format)
    with _read_store(db) as store, _output(output) as out:
        count = writer(record_kinds.get(kind)(store), out, kind)
    if output not in (None, "-"):
        err.print(f"{count} {kind} written to {output}")


@app.command()
def timeline(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Only events with this actor.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest date.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date.")] = None,
    format: Annotated[TimelineFormat, typer.Option("--format", "-f")] = TimelineFormat.text,
    include: Annotated[
        str, typer.Option(help="Statuses besides asserted, e.g. planned,hypothetical,negated.")
    ] = "",
    type: Annotated[
        str | None, typer.Option("--type", help="PLOVER types, comma-separated.")
    ] = None,
    summary: Annotated[
        bool, typer.Option("--summary", help="The most important dates, each summarised.")
    ] = False,
    dates: Annotated[int, typer.Option(min=1, help="How many key dates (--summary).")] = 10,
) -> None:
    """The dated events in order, or with --summary the most important dates.

    A date's importance comes from the corpus: how many articles refer to it (those
    published after it most), how many were published on it and the day after, and the
    sources of its events; each key date gets its most central sentences.
    """
    from .views import timeline as view

    extra = [m.strip() for m in include.split(",") if m.strip()]
    unknown = [m for m in extra if m not in MODALITIES]
    if unknown:
        raise _fail(f"unknown status {', '.join(unknown)} (use {', '.join(MODALITIES)})")
    modalities = ["asserted", *[m for m in extra if m != "asserted"]]
    types = [t.strip().upper() for t in type.split(",") if t.strip()] if type else None
    bad_types = [t for t in types or [] if t not in PLOVER_TYPES]
    if bad_types:
        raise _fail(f"unknown type {', '.join(bad_types)} (use {', '.join(PLOVER_TYPES)})")
    date_from, date_to = _date_bound(date_from, "--from"), _date_bound(date_to, "--to")
    with _read_store(db) as store:
        if summary:
            chosen = view.key_dates(
                store, dates, actor=actor, date_from=date_from, date_to=date_to,
                modalities=modalities, types=types,
            )  # fmt: skip
            if not chosen:
                err.print("no dates to summarise: no dated events or references match")
            if format is TimelineFormat.text:
                if chosen:
                    print(view.render_summary(chosen))
            elif format is TimelineFormat.json:
                for key in chosen:
                    print(json.dumps(view.summary_record(key), ensure_ascii=False))
            else:
                print(json.dumps(view.summary_timelinejs(chosen), ensure_ascii=False, indent=1))
            return
        # Text and TimelineJS show one mention per event; JSON records carry them all.
        # Undated events cannot fall in a date range, so they are only counted without one.
        hidden = 0 if date_from or date_to else view.undated(store, modalities, actor, types)
        # No name holds the entries: they are freed once printed, while the collector is
        # still paused (see ``_read_store``), instead of being rescanned when it resumes.
        _print_timeline(
            view.timeline(
                store, actor=actor, date_from=date_from, date_to=date_to,
                modalities=modalities, types=types,
                first_mention_only=format is not TimelineFormat.json,
            ),
            format, hidden,
        )  # fmt: skip


def _print_timeline(entries: Sequence[TimelineEntry], format: TimelineFormat, hidden: int) -> None:
    from .views import timeline as view

    if format is TimelineFormat.text:
        print(view.render_text(entries, hidden))
    elif format is TimelineFormat.json:
        from .export.records import event_record

        for entry in entries:
            print(json.dumps(event_record(entry.event, entry.mentions), ensure_ascii=False))
    else:
        print(json.dumps(view.timelinejs(entries), ensure_ascii=False, indent=1))


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[
        str | None, typer.Option(help="Only quotes by this speaker (name, alias or id).")
    ] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> None:
    """Direct and reported quotes with their speakers, by publication date."""
    from .export.records import quote_record
    from .views.quotes import render_quotes

    with _read_store(db) as store:
        found = store.quotes(speaker)
    if format is ListFormat.text:
        print(render_quotes(found))
    else:
        for stored in found:
            print(json.dumps(quote_record(stored), ensure_ascii=False))


@app.command()
def actors(
    name: Annotated[
        str | None, typer.Argument(help="An actor's name, alias or id: show its details.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> None:
    """The actors in the store, or one actor's aliases, roles and events."""
    from .export.records import actor_record
    from .views import actors as view

    with _read_store(db) as store:
        if name is None:
            rows = view.actor_table(store)
            if format is ListFormat.text:
                print(view.render_table(rows))
                return
            profiles = [view.ActorProfile(row, store.actor_events(row.actor.id)) for row in rows]
        else:
            profiles = view.actor_profiles(store, name)
    if not profiles and name is not None:
        raise _fail(f"no actor named {name!r} (`dateline actors` lists them)", code=1)
    for n, profile in enumerate(profiles):
        row = profile.row
        if format is ListFormat.json:
            record = actor_record(row.actor, row.counts, profile.events)
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(("\n" if n else "") + view.render_profile(profile))


def _run_jsonl(
    input: str | None,
    output: str | None,
    process: Callable[[Iterable[dict[str, Any]]], Iterable[dict[str, Any]]],
    chunk_size: int = 256,
) -> None:
    """Feed the well-formed input lines to ``process`` in chunks and write its records; a
    malformed line becomes an error record in its place (output keeps input order) and
    sets exit code 1, the rest go on."""
    failed = False
    with _output(output) as out:
        chunk: list[dict[str, Any]] = []

        def flush() -> None:
            nonlocal failed
            for record in process(chunk):
                failed = failed or "error" in record
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            chunk.clear()

        for number, item in _read_jsonl(input):
            if isinstance(item, str):
                flush()
                failed = True
                out.write(json.dumps({"id": None, "line": number, "error": item}) + "\n")
            else:
                chunk.append(item)
                if len(chunk) >= chunk_size:
                    flush()
        flush()
    if failed:
        raise typer.Exit(1)


@app.command()
def code(input: InputOption = None, output: OutputOption = None) -> None:
    """Code sentences without a store: {"id", "text", "published"?} per line."""
    from .export.records import mention_as_event
    from .pipeline import annotate_text

    def code_items(items: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for number, item in enumerate(items, 1):
            ann = annotate_text(item["text"], item.get("published"), str(item.get("id", number)))
            if ann.document.status != "ok":
                yield {"id": item.get("id"), "error": ann.document.error}
                continue
            yield {
                "id": item.get("id"),
                "events": [mention_as_event(m) for m in ann.event_mentions],
            }

    _run_jsonl(input, output, code_items)


@app.command()
def timex(input: InputOption = None, output: OutputOption = None) -> None:
    """Tag time expressions: {"id", "text", "dct"} per line."""
    from .temporal import timex_records

    _run_jsonl(input, output, timex_records)


@app.command()
def summary(db: DbOption = DEFAULT_DB) -> None:
    """Documents, events by type and status, and the most active actors."""
    from rich.table import Table

    from .views.summary import summarise

    with _read_store(db) as store:
        s = summarise(store)
    console = Console()
    docs = ", ".join(f"{n} {status}" for status, n in sorted(s.documents.items()))
    console.print(f"[bold]Documents:[/bold] {docs or 'none'}", highlight=False)
    table = Table(title="Events by type and status", show_lines=False)
    table.add_column("type")
    for modality in MODALITIES:
        table.add_column(modality, justify="right")
    for type_, counts in s.events.items():
        table.add_row(type_, *[str(counts.get(m, 0)) for m in MODALITIES])
    console.print(table)
    total = sum(sum(c.values()) for c in s.events.values())
    console.print(
        f"{total} events from {s.event_mentions} mentions; {s.dated_events} dated", highlight=False
    )
    actors = Table(title="Top actors")
    actors.add_column("actor")
    actors.add_column("id")
    actors.add_column("events", justify="right")
    for actor_id, name, count in s.top_actors:
        actors.add_row(name, actor_id, str(count))
    console.print(actors)
    for source, status, error in s.problems:
        console.print(f"{status}: {source}: {error}", highlight=False)


app.add_typer(eval_app, name="eval")
register_story(app)  # graph, dyad
register_scale(app)  # load
register_serve(app)  # serve


@app.callback(invoke_without_command=True)
def _version(
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    if version:
        print(f"dateline {__version__}")
        raise typer.Exit()


def main() -> None:
    app()
