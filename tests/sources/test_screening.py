"""Screening: failed, skipped or ok, with the reason; language detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.model import RawDocument
from dateline.screening import detect_language, screen
from dateline.sources import Limits, iter_raw_documents

DEMO = Path(__file__).resolve().parent.parent.parent / "examples" / "venezuela"

GERMAN = (
    "Die Regierung in Berlin hat am Dienstag weitere Gespräche mit Vertretern aus Caracas "
    "angekündigt. Nach Angaben des Ministeriums sollen die Treffen noch in diesem Monat "
    "stattfinden."
)
SPANISH = (
    "El gobierno venezolano rechazó el martes las acusaciones de Washington y afirmó que "
    "las conversaciones con los enviados estadounidenses continuarán la próxima semana."
)
FRENCH = (
    "Le ministre des Affaires étrangères a déclaré mardi que les négociations avec Caracas "
    "reprendraient la semaine prochaine, malgré les tensions des derniers mois."
)
LIMITS = Limits()


def test_demo_articles_are_english_and_pass() -> None:
    raws = list(iter_raw_documents([DEMO]))
    assert len(raws) == 5
    for raw in raws:
        assert screen(raw, LIMITS) == ("ok", None), raw.source
        assert raw.language == "en"


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (SPANISH, "es"), (FRENCH, "fr")])
def test_other_languages_are_skipped(text: str, code: str) -> None:
    raw = RawDocument(source="x.txt", text=text)
    assert screen(raw, LIMITS) == ("skipped", f"not English (detected '{code}')")
    assert detect_language(text) == code


@pytest.mark.parametrize(
    "title",
    [
        "US Joint Chiefs Visit Post-Maduro Venezuela: A New Strategic Era",
        "Gobierno Bolivariano de Venezuela",
        "Petróleos de Venezuela SA (PDVSA) said on Monday",
        "Maduro ousted",
    ],
)
def test_short_english_titles_are_not_rejected(title: str) -> None:
    assert screen(RawDocument(source="t.txt", text=title), LIMITS) == ("ok", None)


def test_detect_language_abstains_on_short_text() -> None:
    assert detect_language("Maduro ousted") is None
    assert detect_language("") is None


def test_reader_errors_fail_with_their_reason() -> None:
    raw = RawDocument(source="b.txt", error="binary file (not text)")
    assert screen(raw, LIMITS) == ("failed", "binary file (not text)")


@pytest.mark.parametrize("text", [None, "", "  \n\t \n"])
def test_empty_documents_are_skipped(text: str | None) -> None:
    assert screen(RawDocument(source="e.txt", text=text), LIMITS) == ("skipped", "empty document")


def test_too_long_and_too_short_texts() -> None:
    limits = Limits(max_chars=50, min_chars=10)
    assert screen(RawDocument(source="l", text="a" * 51), limits) == (
        "failed",
        "text too long: 51 characters (limit 50)",
    )
    assert screen(RawDocument(source="s", text="  Hi there \n"), limits) == (
        "skipped",
        "too short: 8 characters (minimum 10)",
    )
    assert screen(RawDocument(source="s", text="Hello there"), limits) == ("ok", None)


def test_a_language_given_by_the_reader_is_trusted() -> None:
    raw = RawDocument(source="x", text="Short note.", language="de")
    assert screen(raw, LIMITS) == ("skipped", "not English (detected 'de')")
