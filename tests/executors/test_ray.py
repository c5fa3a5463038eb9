"""Ingesting on Ray (a local instance of two CPUs) then loading: the local ingest's store."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.executors.ray import RayMissing, import_ray, start_ray
from dateline.shards import load_shards
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
