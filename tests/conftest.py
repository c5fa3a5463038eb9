"""Shared fixtures: the demo corpus processed once per test session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dateline.model import (
    Actor,
    ActorRef,
    Annotation,
    DateValue,
    Document,
    EventMention,
    Mention,
    Sentence,
    Timex,
)
from dateline.store import Store

if TYPE_CHECKING:
    from dateline.pipeline import IngestReport

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "venezuela"
SHARED = ROOT.parent / "shared"
HOSTILE = ROOT / "tests" / "fixtures" / "web" / "hostile_article.txt"


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dateline.pipeline import ingest

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(path) as store:
        report = ingest([DEMO], store)
    assert report.stored == 5, report
    return path


@pytest.fixture(scope="session")
def hostile_store_path(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store plus an article full of markup and script (read-only use: the web
    pages and the browser tests show it and check that nothing in it runs)."""
    import shutil

    from dateline.pipeline import IngestOptions, ingest

    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "hostile.db"
    shutil.copy(demo_store_path, db)
    shutil.copy(HOSTILE, folder / "hostile.txt")
    with Store(db) as store:
        report = ingest([folder / "hostile.txt"], store, IngestOptions(published="2026-03-06"))
    assert report.stored == 1
    return db


@pytest.fixture()
def demo_store(demo_store_path: Path) -> Iterator[Store]:
    with Store(demo_store_path) as store:
        yield store


@pytest.fixture(scope="session")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> IngestReport:
    from dateline.pipeline import ingest

    with Store(tmp_path_factory.mktemp("report") / "r.db") as store:
        return ingest([DEMO], store)


SAMPLE_TEXT = "On January 15, 2026, the CIA Director met Delcy Rodriguez in Caracas."


@pytest.fixture()
def make_annotation() -> Callable[..., Annotation]:
    """Builds a small hand-made annotation of SAMPLE_TEXT (no parser needed)."""
    TEXT = SAMPLE_TEXT

    def build(doc_id: str = "doc_a", publisher: str | None = None) -> Annotation:
        usa = Actor("USA", "United States", "country", "USA")
        ven = Actor(
            "person:delcy-rodriguez", "Delcy Rodriguez", "person", "VEN", ["GOV"], ["Rodriguez"]
        )
        country = Actor("VEN", "Venezuela", "country", "VEN")
        document = Document(doc_id, f"{doc_id}.txt", TEXT, title="t", publisher=publisher)
        em = EventMention(
            doc_id=doc_id, sentence_index=0, sentence_start=0, sentence_end=len(TEXT),
            trigger_start=TEXT.index("met"), trigger_end=TEXT.index("met") + 3, trigger="met",
            type="CONSULT", actors=[ActorRef.of(usa)], recipients=[ActorRef.of(ven)],
            date=DateValue("2026-01-15", "2026-01-15", "2026-01-15", "day", "explicit"),
            confidence=0.6,
        )  # fmt: skip
        return Annotation(
            document=document,
            sentences=[Sentence(doc_id, 0, 0, len(TEXT))],
            timexes=[Timex(3, 19, "January 15, 2026", "DATE", "2026-01-15", "day")],
            mentions=[Mention(42, 57, "Delcy Rodriguez", "PERSON", ven.id)],
            actors={usa.id: usa, ven.id: ven, country.id: country},
            event_mentions=[em],
        )

    return build
