"""Fixtures for the web tests: the app over the demo store, read-only or a copy to write."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.web import create_app

TOKEN = "test-token-5f1c"


@pytest.fixture(scope="session")
def client(demo_store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(demo_store_path)) as test_client:
        yield test_client


@pytest.fixture()
def store_copy(demo_store_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "copy.db"
    shutil.copy(demo_store_path, path)
    return path


@pytest.fixture()
def ingest_client(store_copy: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_copy, ingest_token=TOKEN)) as test_client:
        yield test_client
