"""Ingesting on a Ray cluster: the per-document stages on Ray, the results as shards.

The inputs stream through Ray Data: the driver only lists the files (folders walked as a
local ingest walks them) and hands them out in groups to read tasks, which run in Ray
worker processes on the driver's node and read each group with the local ingest's
readers, yielding small blocks as they go; a pool of actors, each loading the spaCy model
once and taking one CPU, screens and annotates the blocks (``annotate_batch``). Ray
Data's streaming executor holds back reading while the actors are busy, so memory does
not grow with the corpus. The records come back in input order and are written as shards
(``dateline.shards``); ``dateline load`` then merges them into a store through the same
path as a local ingest, so the store does not depend on where annotating ran.

Ray is imported only when a run starts, so dateline works without it installed.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ..pipeline import IngestOptions
from ..shards import ShardWriter, raw_document_from_dict, shard_rows
from ..sources import MULTI_DOCUMENT_SUFFIXES, InputFile, Limits, input_files, read_input_file
from ..sources.base import reader_suffix

#: Raw documents a read task gathers before handing them on as a block.
BLOCK_DOCUMENTS = 64
#: Bytes of raw documents (as JSON) per block: Ray Data reshapes the blocks of a read
#: task to about this size (its default, 128 MiB, would make one block of all that a
#: read task reads, for one actor). About 55 articles of 4.7k characters: enough to keep
#: per-block overhead small, few enough to spread a single large file over the actors.
BLOCK_BYTES = 256 * 1024
#: Input files per read task. The driver holds the list of files, nothing read from them.
FILES_PER_READ = 256
#: Object store memory a run may fill (Ray Data holds reading back beyond it): per actor,
#: room for the blocks it has in hand and their shard rows (several times larger), and
#: for reading to stay ahead of it; STORE_BYTES at least.
STORE_BYTES_PER_ACTOR = 32 * 1024 * 1024
STORE_BYTES = 256 * 1024 * 1024
#: Actors per concurrent read task. Reading a document costs a small fraction of
#: annotating it (0.3 ms against about a second, in benchmarks/ray_estimate.py), so a
#: few readers keep many actors busy.
WORKERS_PER_READER = 16

#: Set before Ray is imported for a local instance. Usage statistics would be reported
#: over the network; the "cluster" switch off makes every Ray process listen on
#: 127.0.0.1 only (Ray's own setting for single-machine use).
LOCAL_ENVIRONMENT = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}

#: Called once per document written, with its source and screening status.
WrittenFn = Callable[[str, str], None]


class RayMissing(RuntimeError):
    """Ray is not installed."""


@dataclass(slots=True)
class ShardReport:
    """What a Ray run wrote: records per screening status, and the shard files."""

    statuses: Counter[str] = field(default_factory=Counter)
    shards: list[Path] = field(default_factory=list)

    @property
    def written(self) -> int:
        return sum(self.statuses.values())


def import_ray(local: bool) -> ModuleType:
    """Ray, imported for a local instance (``local``) or a cluster; RayMissing if absent."""
    if local:
        for name, value in LOCAL_ENVIRONMENT.items():
            os.environ.setdefault(name, value)
    else:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise RayMissing(
            "Ray is not installed: install dateline[ray] (pip install 'dateline[ray]')"
        ) from exc
    return ray


class ShardAnnotator:
    """A Ray Data actor: loads the model once, then turns batches of raw documents into
    shard rows (screened and annotated exactly as a local ingest would).

    A row's ``record`` comes without its ``order``, which only the driver knows (a read
    task does not know how many documents the files before its own hold): the driver
    adds it (``_numbered``). ``key`` says where the document came from."""

    def __init__(self) -> None:
        from ..pipeline import warm_up

        warm_up()  # the model, and what the stages load on first use

    def __call__(self, batch: Any, options: IngestOptions) -> Any:
        import pyarrow as pa

        keys = batch.column("key").to_pylist()
        raws = [raw_document_from_dict(json.loads(r)) for r in batch.column("raw").to_pylist()]
        rows = shard_rows(raws, [0] * len(raws), options)
        for row, key in zip(rows, keys, strict=True):
            del row["order"]
            row["record"] = _without_order(row["record"])
            row["key"] = key
        return pa.Table.from_pylist(rows)


def ingest_to_shards(
    paths: Sequence[str | Path],
    folder: Path,
    options: IngestOptions | None = None,
    *,
    address: str | None = None,
    shard_size: int = 10_000,
    parquet: bool = False,
    written: WrittenFn | None = None,
) -> ShardReport:
    """Read, screen and annotate the files and folders ``paths`` on Ray (a cluster at
    ``address``, else a local instance of ``options.workers`` CPUs) and write the records
    to shards in ``folder``, in the order a local ingest of ``paths`` reads them.

    The inputs are read in Ray worker processes on this machine's node, so a cluster
    needs them nowhere else. A Ray already initialised in this process is used as it is,
    and left running.
    """
    options = options or IngestOptions()
    writer = ShardWriter(folder, shard_size, parquet)  # refuses a folder holding shards
    ray = import_ray(local=address is None)
    started = not ray.is_initialized()
    if started:
        start_ray(ray, address, options.workers)
    report = ShardReport()
    try:
        with writer:
            for row in _annotated_rows(ray, paths, options):
                writer.write(row)
                report.statuses[row["status"]] += 1
                if written:
                    written(row["source"], row["status"])
        report.shards = writer.paths
    finally:
        if started:
            ray.shutdown()
    return report


def start_ray(ray: ModuleType, address: str | None, workers: int) -> None:
    """Connect to the cluster at ``address``, or start a local instance of ``workers`` CPUs."""
    quiet = {"log_to_driver": False, "logging_level": logging.WARNING}
    if address is None:
        ray.init(num_cpus=workers, include_dashboard=False, **quiet)
    else:
        ray.init(address=address, **quiet)


@dataclass(frozen=True, slots=True)
class ReadPlan:
    """How a run reads its inputs: the input files in groups (one read task each, in
    input order), the actors annotating and the read tasks run at once."""

    groups: list[list[InputFile]]
    actors: int
    readers: int


def plan_reads(files: Sequence[InputFile], workers: int) -> ReadPlan:
    """Read tasks of at most FILES_PER_READ files, and at least as many as there are
    actors when there are files enough, so that every actor gets a block or more.

    No more actors than documents when that is known (files of one document each), as
    an actor without a block would only load the model. Readers: one per
    WORKERS_PER_READER actors, at most this machine's CPUs, one only when a .urls list
    is among the inputs: lists are fetched one after another, as in a local ingest, the
    delay between two requests to a host being kept per list by the process reading it.
    """
    suffixes = {reader_suffix(Path(path)) for path, _ in files}
    known = not suffixes & MULTI_DOCUMENT_SUFFIXES
    actors = min(workers, len(files)) if known else workers
    count = min(len(files), max(-(-len(files) // FILES_PER_READ), actors))
    size, extra = divmod(len(files), count) if count else (0, 0)
    groups, start = [], 0
    for index in range(count):  # sizes differing by one at most, the larger first
        end = start + size + (index < extra)
        groups.append(list(files[start:end]))
        start = end
    fetches = ".urls" in suffixes
    readers = 1 if fetches else max(1, min(workers // WORKERS_PER_READER, os.cpu_count() or 1))
    return ReadPlan(groups, actors, readers)


def _annotated_rows(
    ray: ModuleType, paths: Sequence[str | Path], options: IngestOptions
) -> Iterator[dict[str, Any]]:
    """The shard rows of the documents in ``paths``, in input order, annotated by a pool
    of actors from blocks that read tasks stream to them."""
    plan = plan_reads(list(input_files(paths)), options.workers)
    if not plan.groups:
        return
    # Ray Data's own progress bars would fight with the command's.
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    # Ray Data warns when the pool had fewer blocks than actors (a small input, or read
    # tasks yielding nothing): how many blocks there are is only known once all is read.
    warnings.filterwarnings(
        "ignore",
        r"The minimum number of concurrent actors for 'MapBatches\(ShardAnnotator\)'",
        UserWarning,
    )
    dataset = ray.data.read_datasource(
        _input_datasource(plan.groups, options.limits),
        # One read task per group (else Ray Data splits their blocks further), reserving
        # no CPU: on a local instance the actors hold them all, and reading waits on the
        # actors anyway (Ray Data's backpressure).
        override_num_blocks=len(plan.groups),
        num_cpus=0,
        concurrency=plan.readers,
    ).map_batches(
        ShardAnnotator,
        fn_kwargs={"options": options},
        batch_size=options.batch_size,
        batch_format="pyarrow",
        # A fixed pool (Ray 2.51 replaced ``concurrency=``): each actor loads the model
        # once, for the whole run.
        compute=ray.data.ActorPoolStrategy(size=plan.actors),
        num_cpus=1,
    )
    context = dataset.context  # this run's settings, not the process's
    context.execution_options.preserve_order = True  # shards in input order
    context.target_max_block_size = BLOCK_BYTES
    context.enable_progress_bars = False
    # Reading runs ahead of annotating only this far: within Ray Data's default budget
    # (a share of the cluster's object store) it could read most of a corpus ahead, into
    # the object store of the driver's node.
    execution = context.execution_options
    store = max(STORE_BYTES, plan.actors * STORE_BYTES_PER_ACTOR)
    execution.resource_limits = execution.resource_limits.copy(object_store_memory=store)
    batches = dataset.iter_batches(batch_size=None, batch_format="pyarrow")
    yield from _numbered(row for batch in batches for row in batch.to_pylist())


def _input_datasource(groups: list[list[InputFile]], limits: Limits) -> Any:
    """A Ray Data datasource with one read task per group of input files."""
    from ray.data import Datasource, ReadTask
    from ray.data.block import BlockMetadata
    from ray.data.context import DataContext

    class InputFiles(Datasource):
        def estimate_inmemory_data_size(self) -> int | None:
            return None  # not known before reading

        # Read tasks run on the driver's node: the inputs are there, and maybe only there.
        @property
        def supports_distributed_reads(self) -> bool:
            return False

        def get_read_tasks(
            self,
            parallelism: int,
            per_task_row_limit: int | None = None,
            data_context: DataContext | None = None,
        ) -> list[ReadTask]:
            unknown = BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None)
            read = functools.partial(_read_group, limits=limits, documents=BLOCK_DOCUMENTS,
                                     size=BLOCK_BYTES)  # fmt: skip
            return [
                ReadTask(functools.partial(read, task, group), unknown,
                         per_task_row_limit=per_task_row_limit)
                for task, group in enumerate(groups)
            ]  # fmt: skip

    return InputFiles()  # type: ignore[no-untyped-call]  # Ray's __init__ is untyped


def _read_group(
    task: int, files: list[InputFile], *, limits: Limits, documents: int, size: int
) -> Iterator[Any]:
    """A read task (in a Ray worker): the raw documents of ``files``, read as a local
    ingest reads them, as Arrow tables of ``key`` (``task`` and the document's position
    in the task) and ``raw`` (its JSON), each of at most ``documents`` rows or about
    ``size`` bytes."""
    import pyarrow as pa

    from ..model import to_dict

    keys: list[int] = []
    raws: list[str] = []
    held = 0
    raw_documents = (raw for file in files for raw in read_input_file(file, limits))
    for position, raw in enumerate(raw_documents):
        keys.append(task << 32 | position)
        raws.append(json.dumps(to_dict(raw), ensure_ascii=False))
        held += len(raws[-1])
        if len(raws) >= documents or held >= size:
            yield pa.table({"key": pa.array(keys, pa.int64()), "raw": raws})
            keys, raws, held = [], [], 0
    if raws:
        yield pa.table({"key": pa.array(keys, pa.int64()), "raw": raws})


def _numbered(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The actors' rows as shard rows, each with its index in the input order: Ray Data
    keeps them in the order of their keys, and this checks it did."""
    last = -1
    for order, row in enumerate(rows):
        key = row.pop("key")
        if key <= last:
            raise RuntimeError("Ray Data returned the documents out of input order")
        last = key
        row["record"] = _with_order(row["record"], order)
        yield {"order": order, **row}  # the columns of shards.shard_rows, in its order


def _without_order(record: str) -> str:
    data = json.loads(record)
    del data["order"]
    return json.dumps(data, ensure_ascii=False)


def _with_order(record: str, order: int) -> str:
    """``record`` (a JSON object without ``order``, never empty) with its ``order``."""
    return f'{{"order": {order}, {record[1:]}'
