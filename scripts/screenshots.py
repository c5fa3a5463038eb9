"""Screenshots of each page of the web app over the demo store, for docs/screenshots/.

    .venv/bin/python scripts/screenshots.py [--db dateline.db]

Builds the demo store in a temporary folder unless ``--db`` names one. Uses the browser
tests' harness (``tests/browser/harness.py``): the app on 127.0.0.1, Debian's chromium.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "dateline_browser_harness", ROOT / "tests" / "browser" / "harness.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


def _demo_store(folder: Path) -> Path:
    from dateline.pipeline import ingest
    from dateline.store import Store

    path = folder / "demo.db"
    with Store(path) as store:
        ingest([ROOT / "examples" / "venezuela"], store)
    return path


def _event_ids(db: Path) -> tuple[str, str]:
    """The Maduro-removal operation (COERCE, most sources) and the Ratcliffe meeting."""
    from dateline.store import Store

    with Store(db, create=False) as store:
        coerce = max(store.events(types=["COERCE"]), key=lambda e: e.num_sources)
        consult = next(e for e in store.events(actor="John Ratcliffe", types=["CONSULT"]))
        return coerce.id, consult.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a store to show (default: the demo)")
    args = parser.parse_args()
    harness = _harness()
    if not harness.CHROMIUM.exists():
        print(f"{harness.CHROMIUM} is missing: run scripts/ensure_chromium.sh", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _demo_store(Path(tmp))
        coerce_id, consult_id = _event_ids(db)
        shots = {
            "overview": "/",
            "timeline": "/timeline?actor=USA&type=CONSULT&type=ASSAULT&from=2026",
            "event": f"/events/{coerce_id}",
            "actor": "/actors/person:john-ratcliffe",
            "graph": "/graph",
            "reader": f"/documents/{_reader_id(db, consult_id)}",
            "search": "/search?q=strikes",
        }
        with harness.serve(db) as base, sync_playwright() as playwright:
            browser = harness.launch(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in shots.items():
                page.goto(base + path)
                page.screenshot(path=str(OUT / f"{name}.png"), full_page=name != "reader")
                print(f"{OUT / name}.png")
            browser.close()
    return 0


def _reader_id(db: Path, event_id: str) -> str:
    from dateline.store import Store

    with Store(db, create=False) as store:
        return store.event_mentions(event_id)[0].mention.doc_id


if __name__ == "__main__":
    raise SystemExit(main())
