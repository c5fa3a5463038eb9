"""Shards made here (as Ray's actors make them) and loaded: the store of a local ingest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.pipeline import IngestOptions
from dateline.shards import ShardWriter, load_shards, shard_files, shard_rows
from dateline.sources import iter_raw_documents
from dateline.store import Store

from .conftest import store_records

pytestmark = pytest.mark.slow

Records = tuple[list[dict[str, Any]], list[dict[str, Any]]]


def write_shards(corpus: Path, folder: Path, parquet: bool = False) -> list[Path]:
    """The corpus as shards of two records, annotated three documents at a time (batches
    that do not match the local ingest's, as an actor's would not)."""
    raws = list(iter_raw_documents([corpus]))
    options = IngestOptions(batch_size=3)
    with ShardWriter(folder, shard_size=2, parquet=parquet) as writer:
        for start in range(0, len(raws), 3):
            chunk = raws[start : start + 3]
            for row in shard_rows(chunk, range(start, start + len(chunk)), options):
                writer.write(row)
    return writer.paths


@pytest.fixture(scope="module")
def shards(news_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shards") / "run"
    write_shards(news_corpus, folder, parquet=True)
    return folder


def load(paths: list[Path], db: Path) -> Any:
    with Store(db) as store:
        return load_shards(paths, store)


def test_loaded_shards_give_the_store_of_a_local_ingest(
    shards: Path, local_records: Records, tmp_path: Path
) -> None:
    report = load([shards], tmp_path / "b.db")
    assert store_records(tmp_path / "b.db") == local_records
    assert (report.stored, report.unchanged, report.duplicates) == (5, 1, 1)
    assert [reason for _, reason in report.skipped] == ["empty document"]


def test_loading_the_same_shards_again_changes_nothing(
    shards: Path, local_records: Records, tmp_path: Path
) -> None:
    load([shards], tmp_path / "b.db")
    again = load([shards], tmp_path / "b.db")
    assert (again.stored, again.event_mentions) == (0, 0)
    # All but the input that failed, which is tried again (and fails again), as a local
    # ingest run twice does.
    assert again.unchanged == 7
    assert [reason[:12] for _, reason in again.failed] == ["invalid JSON"]
    assert store_records(tmp_path / "b.db") == local_records


def test_shards_are_merged_back_into_input_order(
    shards: Path, local_records: Records, tmp_path: Path
) -> None:
    # Names that sort against the run's order: the records' order indexes still rule.
    folder = tmp_path / "renamed"
    folder.mkdir()
    files = shard_files(shards)
    for n, file in enumerate(files):
        (folder / f"part-{len(files) - n:05d}.jsonl").write_bytes(file.read_bytes())
    load([folder], tmp_path / "b.db")
    assert store_records(tmp_path / "b.db") == local_records


def test_parquet_shards_load_like_the_jsonl_ones(
    shards: Path, local_records: Records, tmp_path: Path
) -> None:
    parquet = sorted(shards.glob("*.parquet"))
    assert len(parquet) == len(shard_files(shards)) > 1
    load(parquet, tmp_path / "b.db")
    assert store_records(tmp_path / "b.db") == local_records


def test_a_corrupt_line_is_recorded_as_a_failure_and_the_load_goes_on(
    shards: Path, tmp_path: Path
) -> None:
    first = shard_files(shards)[0]
    lines = first.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken"
    broken.mkdir()
    for file in shard_files(shards)[1:]:
        (broken / file.name).write_bytes(file.read_bytes())
    lost = json.loads(lines[0])["document"]["source"]
    (broken / first.name).write_text('{"shard_version": 1, "order": \n' + lines[1] + "\n")
    report = load([broken], tmp_path / "b.db")
    failures = dict(report.failed)
    assert failures[f"{broken / first.name}#1"].startswith("bad shard record: invalid JSON")
    with Store(tmp_path / "b.db") as store:
        stored = {d.source: d for d, _ in store.documents()}
    assert stored[f"{broken / first.name}#1"].status == "failed"
    assert lost not in stored
    # The rest is loaded; the wire copy of the lost article is no longer a copy of anything
    # stored, so it is stored in its place.
    assert lost.endswith("#harbour-1") and stored[lost.replace("harbour-1", "wire-3")]
    assert (report.stored, report.unchanged) == (5, 0)


def test_a_record_of_another_shard_version_is_refused(shards: Path, tmp_path: Path) -> None:
    line = json.loads(shard_files(shards)[0].read_text(encoding="utf-8").splitlines()[0])
    line["shard_version"] = 99
    shard = tmp_path / "part-00000.jsonl"
    shard.write_text(json.dumps(line) + "\n", encoding="utf-8")
    report = load([shard], tmp_path / "b.db")
    assert report.failed == [(f"{shard}#1", "bad shard record: shard version 99, not 1")]


def test_shards_are_not_written_over_a_previous_run(shards: Path) -> None:
    with pytest.raises(FileExistsError, match="already holds shards"):
        ShardWriter(shards)
