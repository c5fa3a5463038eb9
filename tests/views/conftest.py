"""Fixtures for the view tests: a small story ingested through the real pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.store import Store

STORY = Path(__file__).resolve().parents[1] / "fixtures" / "story" / "us_venezuela.jsonl"


@pytest.fixture(scope="session")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """March sanctions, April aid and an accusation back, a joint agreement and Russian aid
    in June, and strikes that are only being considered (dated by publication, July)."""
    from dateline.pipeline import ingest

    path = tmp_path_factory.mktemp("story") / "story.db"
    with Store(path) as store:
        report = ingest([STORY], store)
    assert report.stored == 2, report
    return path


@pytest.fixture()
def story(story_db: Path) -> Iterator[Store]:
    with Store(story_db) as store:
        yield store
