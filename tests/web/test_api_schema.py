"""The API against its own OpenAPI schema: generated requests (valid and malformed
parameters, every documented operation) never get a server error, and every response
matches the schema the API publishes (status codes, content types, bodies).

Runs on a copy of the demo store, with browser ingest on (token-protected), so the
ingest operation is exercised too; the example count per operation is bounded to keep
``make test`` fast — ``SCHEMA_EXAMPLES`` raises it for a longer run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from dateline.web import create_app

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("SCHEMA_EXAMPLES", "25"))


#: The app is made when the schema is loaded (at collection); the store it reads is set
#: by the fixture below once the demo store exists (the app opens it per request).
APP = create_app(Path("unset.db"), ingest_token="schema-token")
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(autouse=True, scope="module")
def demo_store_copy(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    store = tmp_path_factory.mktemp("schema") / "store.db"
    shutil.copy(demo_store_path, store)
    APP.state.db_path = store


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_the_api_keeps_to_its_schema(case: Any) -> None:
    case.call_and_validate()
