"""Browser fixtures: the app served on 127.0.0.1, Debian's chromium driven by Playwright.

Without /usr/bin/chromium the browser tests are skipped, unless DATELINE_REQUIRE_BROWSER=1
asks for them to fail instead (``scripts/ensure_chromium.sh`` installs it).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from playwright.sync_api import Browser, sync_playwright

HERE = Path(__file__).resolve().parent


def _load_harness() -> ModuleType:
    # Loaded by path: the test folders are not packages, and scripts/screenshots.py loads
    # the same file the same way.
    spec = importlib.util.spec_from_file_location("dateline_browser_harness", HERE / "harness.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


#: Registered as the module ``dateline_browser_harness``, so tests can import it by name.
harness = _load_harness()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not harness.CHROMIUM.exists():
        reason = f"{harness.CHROMIUM} is missing (scripts/ensure_chromium.sh installs it)"
        if os.environ.get("DATELINE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason}; DATELINE_REQUIRE_BROWSER=1 asks for the browser tests")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        launched = harness.launch(playwright)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def base_url(demo_store_path: Path) -> Iterator[str]:
    with harness.serve(demo_store_path) as url:
        yield url


@pytest.fixture(scope="session")
def hostile_url(hostile_store_path: Path) -> Iterator[str]:
    """The app over the demo store plus an article full of markup and script."""
    with harness.serve(hostile_store_path) as url:
        yield url


@pytest.fixture()
def tab(browser: Browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield harness.Tab(page, harness.watch(page))
    context.close()
