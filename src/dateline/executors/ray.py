"""Ingesting on a Ray cluster: the per-document stages on Ray, the results as shards.

The inputs are read here (the machine that holds them) and handed to Ray Data, which
runs screening and ``annotate_batch`` in a pool of actors, each loading the spaCy model
once and taking one CPU. The records come back in input order and are written as shards
(``dateline.shards``); ``dateline load`` then merges them into a store through the same
path as a local ingest, so the store does not depend on where annotating ran.

Ray is imported only when a run starts, so dateline works without it installed.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ..model import RawDocument, to_dict
from ..pipeline import IngestOptions
from ..shards import ShardWriter, raw_document_from_dict, shard_rows

#: Raw documents per block handed to Ray Data: enough to keep per-block overhead small,
#: few enough that every actor gets work on a small corpus.
BLOCK_DOCUMENTS = 64

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
    shard rows (screened and annotated exactly as a local ingest would)."""

    def __init__(self) -> None:
        from ..nlp import load_pipeline

        load_pipeline()

    def __call__(self, batch: Any, options: IngestOptions) -> Any:
        import pyarrow as pa

        orders = batch.column("order").to_pylist()
        raws = [raw_document_from_dict(json.loads(r)) for r in batch.column("raw").to_pylist()]
        return pa.Table.from_pylist(shard_rows(raws, orders, options))


def ingest_to_shards(
    raws: Iterable[RawDocument],
    folder: Path,
    options: IngestOptions | None = None,
    *,
    address: str | None = None,
    shard_size: int = 10_000,
    parquet: bool = False,
    written: WrittenFn | None = None,
) -> ShardReport:
    """Screen and annotate ``raws`` on Ray (a cluster at ``address``, else a local
    instance of ``options.workers`` CPUs) and write the records to shards in ``folder``.

    A Ray already initialised in this process is used as it is, and left running.
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
            for row in _annotated_rows(ray, raws, options):
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


def _annotated_rows(
    ray: ModuleType, raws: Iterable[RawDocument], options: IngestOptions
) -> Iterator[dict[str, Any]]:
    """The shard rows of ``raws``, in input order, annotated by a pool of actors."""
    blocks = [ray.put(block) for block in _blocks(raws, options.workers)]
    if not blocks:
        return
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # shards in input order
    # Ray Data's own progress bars would fight with the command's.
    context.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    dataset = ray.data.from_arrow_refs(blocks).map_batches(
        ShardAnnotator,
        fn_kwargs={"options": options},
        batch_size=options.batch_size,
        batch_format="pyarrow",
        # A pool of ``workers`` actors (Ray 2.51 replaced ``concurrency=``); no more than
        # there are blocks, as an actor without a block would only load the model.
        compute=ray.data.ActorPoolStrategy(size=min(options.workers, len(blocks))),
        num_cpus=1,
    )
    for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
        yield from batch.to_pylist()


def _blocks(raws: Iterable[RawDocument], workers: int) -> Iterator[Any]:
    """The raw documents as Arrow tables (order, raw JSON) of BLOCK_DOCUMENTS rows; an
    input too small to give every worker a block of that size is split evenly."""
    import pyarrow as pa

    rows = ((order, json.dumps(to_dict(raw), ensure_ascii=False))
            for order, raw in enumerate(raws))  # fmt: skip
    head = list(itertools.islice(rows, workers * BLOCK_DOCUMENTS))
    size = BLOCK_DOCUMENTS if len(head) == workers * BLOCK_DOCUMENTS else -(-len(head) // workers)
    rest = itertools.chain(head, rows)
    while chunk := list(itertools.islice(rest, max(size, 1))):
        yield pa.table({"order": [o for o, _ in chunk], "raw": [r for _, r in chunk]})
