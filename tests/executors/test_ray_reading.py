"""How a Ray run reads its inputs, without Ray: the files listed on the driver, read in
groups by read tasks exactly as a local ingest reads them, numbered back in order."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dateline.executors import ray as ray_executor
from dateline.executors.ray import _numbered, _read_group, _with_order, _without_order, plan_reads
from dateline.model import to_dict
from dateline.sources import Limits, input_files, iter_raw_documents, read_input_file

pa = pytest.importorskip("pyarrow")


def write_tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("Alpha\n", encoding="utf-8")
    (root / "b" / "c.txt").write_text("Gamma\n", encoding="utf-8")
    (root / "b" / "a.htm").write_text("<p>Beta page</p>", encoding="utf-8")
    (root / "c.jsonl").write_text('{"text": "Delta"}\n{"text": "Epsilon"}\n', encoding="utf-8")
    (root / "README.md").write_text("# notes\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden\n", encoding="utf-8")
    (root / "gone.txt").symlink_to(root / "nowhere.txt")  # dangling: reported


def test_input_files_read_one_by_one_give_what_iter_raw_documents_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path / "in")
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    paths = ["in/b", "./in/c.jsonl", "missing.txt", "in", "notes.md", tmp_path / "in"]
    files = list(input_files(paths))
    assert files[:4] == [("in/b/a.htm", True), ("in/b/c.txt", True),
                         ("./in/c.jsonl", False), ("missing.txt", False)]  # fmt: skip
    limits = Limits()
    one_by_one = [raw for file in files for raw in read_input_file(file, limits)]
    assert one_by_one == list(iter_raw_documents(paths, limits))
    assert [(r.source, r.error) for r in one_by_one if r.error] == [
        ("missing.txt", "no such file or directory"),
        ("in/gone.txt", "no such file or directory"),
        ("notes.md", "unsupported file type '.md'"),
        (f"{tmp_path}/in/gone.txt", "no such file or directory"),
    ]


def test_read_tasks_take_consecutive_files_and_are_enough_for_every_actor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ray_executor, "FILES_PER_READ", 4)
    files = [(f"in/{i:02d}.txt", True) for i in range(10)]
    plan = plan_reads(files, workers=2)
    assert [len(g) for g in plan.groups] == [4, 3, 3]  # at most four, sizes even
    assert [f for group in plan.groups for f in group] == files
    assert (plan.actors, plan.readers) == (2, 1)
    # Files of one document each: no more actors than documents, a read task for each.
    few = plan_reads(files[:3], workers=8)
    assert (few.actors, [len(g) for g in few.groups]) == (3, [1, 1, 1])
    # A file of many documents may feed every actor.
    many = plan_reads([("in/big.jsonl", False)], workers=8)
    assert (many.actors, many.groups) == (8, [[("in/big.jsonl", False)]])
    assert plan_reads([], workers=2).groups == []


def test_read_tasks_run_together_for_many_actors_but_not_when_fetching(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ray_executor, "WORKERS_PER_READER", 16)
    files = [(f"in/{i:03d}.txt", True) for i in range(100)]
    assert plan_reads(files, workers=64).readers == min(4, os.cpu_count() or 1)
    assert plan_reads(files, workers=8).readers == 1
    # .urls lists are fetched one after another, as a local ingest fetches them.
    fetching = [*files, ("in/feeds.urls", True)]
    assert plan_reads(fetching, workers=64).readers == 1


def test_a_read_task_yields_small_blocks_of_keyed_raw_documents(tmp_path: Path) -> None:
    write_tree(tmp_path / "in")
    files = list(input_files([tmp_path / "in"]))
    blocks = list(_read_group(3, files, limits=Limits(), documents=2, size=10_000))
    assert [b.num_rows for b in blocks] == [2, 2, 2]
    assert [b.column_names for b in blocks] == [["key", "raw"]] * 3
    keys = [k for b in blocks for k in b.column("key").to_pylist()]
    assert keys == [3 << 32 | position for position in range(6)]
    raws = [json.loads(r) for b in blocks for r in b.column("raw").to_pylist()]
    assert raws == [to_dict(raw) for raw in iter_raw_documents([tmp_path / "in"])]
    # A block is handed on once it holds ``size`` bytes, whatever its length.
    tiny = _read_group(0, files, limits=Limits(), documents=64, size=1)
    assert [b.num_rows for b in tiny] == [1] * 6


def test_the_driver_numbers_the_rows_in_order_and_refuses_them_out_of_order() -> None:
    record = json.dumps({"shard_version": 1, "order": 0, "document": {"text": "Ünï"}})
    rows = [
        {"doc_id": f"doc_{i}", "source": "s", "status": "ok", "record": _without_order(record),
         "key": key}
        for i, key in enumerate([5, 1 << 32, 1 << 32 | 1])
    ]  # fmt: skip
    numbered = list(_numbered(dict(row) for row in rows))
    assert [list(row) for row in numbered] == [
        ["order", "doc_id", "source", "status", "record"]
    ] * 3
    assert [json.loads(row["record"]) for row in numbered] == [
        {**json.loads(record), "order": order} for order in range(3)
    ]
    assert [row["order"] for row in numbered] == [0, 1, 2]
    assert _with_order(_without_order(record), 7).startswith('{"order": 7, "shard_version": 1')
    with pytest.raises(RuntimeError, match="out of input order"):
        list(_numbered([rows[1], rows[0]]))
