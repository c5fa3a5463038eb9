"""Ingesting on Ray (a local instance of two CPUs) then loading: the local ingest's store."""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.executors import ray as ray_executor
from dateline.executors.ray import RayMissing, import_ray, start_ray
from dateline.pipeline import IngestOptions, prepare
from dateline.shards import load_shards
from dateline.sources import input_files, iter_raw_documents
from dateline.store import Store

from .conftest import store_records

pytestmark = [
    pytest.mark.slow,
    # Ray Data's DataContext sets options it deprecated itself (use_push_based_shuffle,
    # use_polars, use_arrow_tensor_v2) every time one is made: nothing dateline can change.
    pytest.mark.filterwarnings(r"ignore:`use_\w+` is deprecated:DeprecationWarning:ray"),
]

Records = tuple[list[dict[str, Any]], list[dict[str, Any]]]
runner = CliRunner()


def said(result: Any) -> str:
    """A command's output with the console's line wrapping undone."""
    return " ".join(result.output.split())


@pytest.fixture(scope="module")
def ray_session() -> Iterator[Any]:
    """One local Ray instance for the module (starting one takes about ten seconds),
    started as ``dateline ingest --executor ray`` starts it."""
    ray = import_ray(local=True)
    start_ray(ray, None, workers=2)
    yield ray
    ray.shutdown()


def test_local_ray_listens_on_this_machine_only(ray_session: Any) -> None:
    # The address every Ray process of the instance binds to and advertises.
    assert ray_session.util.get_node_ip_address() == "127.0.0.1"
    assert ray_session.cluster_resources()["CPU"] == 2


@pytest.fixture(scope="module")
def ray_run(
    ray_session: Any, news_corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """The corpus ingested on Ray by the command (once: a run takes about 20 seconds),
    with Parquet shards too; the shard folder and what the command said."""
    shards = tmp_path_factory.mktemp("ray") / "shards"
    ingest = runner.invoke(
        app, ["ingest", str(news_corpus), "--executor", "ray", "--workers", "2",
              "--batch-size", "2", "--shards", str(shards), "--parquet"],
    )  # fmt: skip
    assert ingest.exit_code == 0, ingest.output
    assert ray_session.is_initialized()  # a session the run did not start is left running
    return shards, said(ingest)


def test_a_ray_run_writes_every_document_to_shards(ray_run: tuple[Path, str]) -> None:
    shards, output = ray_run
    assert "8 documents (1 failed, 6 ok, 1 skipped) written to 1 shards" in output
    assert [p.name for p in sorted(shards.iterdir())] == ["part-00000.jsonl", "part-00000.parquet"]
    lines = (shards / "part-00000.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["order"] for line in lines] == list(range(8))


def test_loaded_ray_shards_give_the_store_of_a_local_ingest(
    ray_run: tuple[Path, str], local_records: Records, tmp_path: Path
) -> None:
    shards, _ = ray_run
    for shard in (shards, shards / "part-00000.parquet"):
        db = tmp_path / f"{shard.name}.db"
        with Store(db) as store:
            loaded = load_shards([shard], store)
        assert (loaded.stored, loaded.duplicates, loaded.unchanged) == (5, 1, 1)
        assert store_records(db) == local_records


def test_the_load_command_merges_ray_shards_once(
    ray_run: tuple[Path, str], local_records: Records, tmp_path: Path
) -> None:
    shards, db = ray_run[0], str(tmp_path / "b.db")
    load = runner.invoke(app, ["load", str(shards), "--db", db])
    # The input that could not be read is a failure, as in a local ingest (exit code 1).
    assert load.exit_code == 1, load.output
    assert "8 documents read: 5 stored, 1 already stored, 1 skipped, 1 failed" in said(load)
    assert "articles.jsonl#4: invalid JSON on line 4" in said(load)
    assert store_records(Path(db)) == local_records

    again = runner.invoke(app, ["load", str(shards), "--db", db])
    assert "0 stored, 7 already stored" in said(again), again.output
    assert store_records(Path(db)) == local_records


def test_load_reports_a_corrupt_shard_line_and_goes_on(tmp_path: Path) -> None:
    shard = tmp_path / "part-00000.jsonl"
    shard.write_text("not a record\n", encoding="utf-8")
    result = runner.invoke(app, ["load", str(shard), "--db", str(tmp_path / "b.db")])
    assert result.exit_code == 1
    # Without whitespace: the console wraps the long path anywhere.
    assert f"failed{shard}#1:badshardrecord:invalidJSON" in "".join(result.output.split())


def test_ray_runs_need_a_shard_folder_and_shard_options_need_ray(tmp_path: Path) -> None:
    no_folder = runner.invoke(app, ["ingest", str(tmp_path), "--executor", "ray"])
    assert no_folder.exit_code == 2 and "--shards DIR" in said(no_folder)
    no_ray = runner.invoke(app, ["ingest", str(tmp_path), "--shards", str(tmp_path / "s")])
    assert no_ray.exit_code == 2 and "are for --executor ray" in said(no_ray)
    missing = runner.invoke(app, ["load", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "no such shard file or folder" in said(missing)


def test_without_ray_installed_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # what an absent package looks like
    with pytest.raises(RayMissing, match=r"install dateline\[ray\]"):
        import_ray(local=True)


def write_many_files(root: Path) -> list[Path]:
    """A corpus of many small files (and one file of several documents) in nested
    folders; the paths to ingest, given in an order that is not the sorted one."""
    for folder, first in (("a", 0), ("b/nested", 10)):
        (root / folder).mkdir(parents=True)
        for i in range(first, first + 10):
            (root / folder / f"{i:02d}.txt").write_text(
                f"Officials in Caracas said on March {i + 1}, 2025 that talks with "
                f"Colombia would resume in Bogota (report {i}).\n",
                encoding="utf-8",
            )
    (root / "a" / ".hidden.txt").write_text("Not read.\n", encoding="utf-8")
    (root / "a" / "notes.md").write_text("# not read\n", encoding="utf-8")
    records = [
        {"id": f"wire-{i}", "published": "2025-03-20",
         "text": f"Brazil said on Friday that Venezuela moved {i} battalions toward Guyana."}
        for i in range(5)
    ]  # fmt: skip
    (root / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    (root / "z.txt").write_text("Guyana asked the United Nations to meet.\n", "utf-8")
    return [root / "b", root / "c.jsonl", root / "missing.txt", root / "a", root / "z.txt"]


class StreamedRun(NamedTuple):
    paths: list[Path]
    records: list[dict[str, Any]]  # the shards' records, in order
    plan: ray_executor.ReadPlan
    read_here: int  # documents this process read
    put_types: list[type]  # what it put in the object store


@pytest.fixture(scope="module")
def streamed_run(ray_session: Any, tmp_path_factory: pytest.TempPathFactory) -> StreamedRun:
    """Many small files ingested on Ray in read tasks of four files, two at a time, in
    blocks of two documents or so, with what the driver read and put meanwhile."""
    root = tmp_path_factory.mktemp("many")
    paths = write_many_files(root / "corpus")
    sources = importlib.import_module("dateline.sources")
    read, put, plan_reads = sources._read, ray_session.put, ray_executor.plan_reads
    read_here, put_types, plans = [], [], []

    def reading_here(path: Path, limits: Any) -> Iterator[Any]:
        read_here.append(path)
        return read(path, limits)

    def putting(value: Any, *args: Any, **kwargs: Any) -> Any:
        put_types.append(type(value))
        return put(value, *args, **kwargs)

    def planning(*args: Any, **kwargs: Any) -> ray_executor.ReadPlan:
        plans.append(plan_reads(*args, **kwargs))
        return plans[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ray_executor, "FILES_PER_READ", 4)
        patch.setattr(ray_executor, "WORKERS_PER_READER", 1)  # two read tasks at a time
        patch.setattr(ray_executor, "BLOCK_DOCUMENTS", 2)
        patch.setattr(ray_executor, "BLOCK_BYTES", 500)
        patch.setattr(ray_executor, "plan_reads", planning)
        patch.setattr(sources, "_read", reading_here)
        patch.setattr(ray_session, "put", putting)
        report = ray_executor.ingest_to_shards(
            paths, root / "shards", IngestOptions(workers=2, batch_size=2), shard_size=10
        )
    records = [
        json.loads(line)
        for shard in report.shards
        for line in shard.read_text(encoding="utf-8").splitlines()
    ]
    return StreamedRun(paths, records, plans[0], len(read_here), put_types)


def test_a_ray_run_reads_its_inputs_in_ray_workers_not_in_the_driver(
    streamed_run: StreamedRun,
) -> None:
    assert len(streamed_run.records) == 27
    # The driver lists the files and reads none of them...
    assert streamed_run.read_here == 0
    # ... and puts no documents in the object store: only Ray Data's read tasks (each
    # holding the paths of its files) and the actors' arguments.
    put_types = streamed_run.put_types
    assert "ReadTask" in {t.__name__ for t in put_types}
    assert not [t for t in put_types if t.__module__.startswith("pyarrow")]


def test_a_streamed_ray_run_keeps_the_input_order_across_files_and_read_tasks(
    streamed_run: StreamedRun,
) -> None:
    paths, records, plan = streamed_run.paths, streamed_run.records, streamed_run.plan
    # Several read tasks, two at a time (on a machine of two CPUs or more).
    assert len(plan.groups) == 6 and plan.readers == min(2, os.cpu_count() or 1)
    options = IngestOptions(workers=2, batch_size=2)
    local = [prepare(raw, options) for raw in iter_raw_documents(paths)]
    assert [r["order"] for r in records] == list(range(len(local)))
    assert [(r["document"]["source"], r["document"]["id"], r["document"]["status"])
            for r in records] == [(d.source, d.id, d.status) for d in local]  # fmt: skip
    # Folders walked in sorted order, in the order the paths were given.
    assert [Path(r["document"]["source"]).name for r in records[:3]] == [
        "10.txt", "11.txt", "12.txt",
    ]  # fmt: skip
    assert [r["annotation"] is not None for r in records] == [d.status == "ok" for d in local]
    assert sum(d.status == "ok" for d in local) == 26  # all but the missing file


def test_a_ray_run_goes_on_past_read_tasks_that_find_no_document(
    ray_session: Any, tmp_path: Path
) -> None:
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "none.urls").write_text("# nothing to fetch\n", encoding="utf-8")
    (tmp_path / "one.txt").write_text("Guyana asked the United Nations to meet.\n", "utf-8")
    paths = [tmp_path / "empty.jsonl", tmp_path / "none.urls", tmp_path / "one.txt"]
    plan = ray_executor.plan_reads(list(input_files(paths)), workers=2)
    assert plan.groups[0] == [(str(p), False) for p in paths[:2]]  # yields nothing
    # Fewer blocks than actors: Ray Data's warning about it is no error (-W error).
    report = ray_executor.ingest_to_shards(paths, tmp_path / "shards", IngestOptions(workers=2))
    assert (report.written, [p.name for p in report.shards]) == (1, ["part-00000.jsonl"])
    record = json.loads((tmp_path / "shards" / "part-00000.jsonl").read_text("utf-8"))
    assert (record["order"], record["document"]["source"]) == (0, str(paths[2]))
