"""Whole-store answers are kept until the store changes, and only until then."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dateline.model import Annotation
from dateline.store import Store
from dateline.web.cache import StoreCache


def test_kept_while_the_store_is_only_read_and_dropped_after_a_write(
    tmp_path: Path, make_annotation: Callable[..., Annotation]
) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    cache = StoreCache(path)
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        with Store(path, create=False) as store:
            return int(store.scalar("SELECT count(*) FROM events"))

    assert cache.get("n", compute) == 0
    for _ in range(3):  # readers open and close the store: nothing changes
        Store(path, create=False).close()
        assert cache.get("n", compute) == 0
    assert len(calls) == 1
    with Store(path) as store:
        store.add_annotation(make_annotation())
    assert cache.get("n", compute) == 1
    assert len(calls) == 2
