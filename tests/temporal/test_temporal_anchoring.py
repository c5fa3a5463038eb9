"""Dating event mentions by the time expression that governs their clause."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from dateline.model import DateValue, EventMention
from dateline.nlp import parse_one
from dateline.temporal import date_event_mentions, normalise_published, tag_timexes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "venezuela"


def example(prefix: str) -> str:
    [path] = EXAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def mention(doc: Doc, trigger: str, occurrence: int = 0) -> EventMention:
    """An event mention on the ``occurrence``-th token spelled ``trigger``."""
    token = [t for t in doc if t.text == trigger][occurrence]
    sentence = token.sent
    return EventMention(
        doc_id="doc",
        sentence_index=list(doc.sents).index(sentence),
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        trigger_start=token.idx,
        trigger_end=token.idx + len(token.text),
        trigger=token.text,
        type="CONSULT",
    )


def dated(text: str, dct: str, *triggers: str) -> list[EventMention]:
    doc = parse_one(text)
    mentions = [mention(doc, trigger) for trigger in triggers]
    published = normalise_published(dct, "metadata")
    date_event_mentions(doc, mentions, tag_timexes(text, dct, doc), published)
    return mentions


@pytest.mark.parametrize("trigger", ["visit", "meeting"])
def test_explicit_date_in_the_demo_article(trigger: str) -> None:
    text = example("001")
    [event] = dated(text, "2026-01-16", trigger)
    assert event.date == DateValue("2026-01-15", "2026-01-15", "2026-01-15", "day", "explicit")
    assert event.date_span is not None
    assert text[event.date_span[0] : event.date_span[1]] == "January 15, 2026"


def test_weekday_resolved_against_the_dct() -> None:
    [met, negotiations] = dated(example("003"), "2022-03-08", "met", "negotiations")
    assert met.date == DateValue("2022-03-05", "2022-03-05", "2022-03-05", "day", "relative")
    assert negotiations.date.value == "2022-03-05"  # "Saturday's negotiations"


def test_undated_sentence_falls_back_to_publication() -> None:
    [traveled] = dated(example("003"), "2022-03-08", "traveled")
    assert traveled.date == DateValue(
        "2022-03-08", "2022-03-08", "2022-03-08", "day", "publication"
    )
    assert traveled.date_span is None


def test_each_clause_keeps_its_own_date() -> None:
    text = "The minister said on Monday that troops had left the border in 2019."
    said, left = dated(text, "2022-03-08", "said", "left")
    assert (said.date.value, said.date.origin) == ("2022-03-07", "relative")
    assert (left.date.value, left.date.origin) == ("2019", "explicit")


def test_vague_references_do_not_date_events() -> None:
    [meeting] = dated("Officials are currently meeting in Caracas.", "2022-03", "meeting")
    assert (meeting.date.value, meeting.date.precision, meeting.date.origin) == (
        "2022-03", "month", "publication",
    )  # fmt: skip


def test_future_clause_in_a_parse() -> None:
    [meet] = dated("The envoys will meet in Caracas on Friday.", "2022-03-08", "meet")
    assert (meet.date.value, meet.date.origin) == ("2022-03-11", "relative")


def test_no_publication_date_means_unknown() -> None:
    text = "Officials met in Caracas."
    doc = parse_one(text)
    event = mention(doc, "met")
    date_event_mentions(doc, [event], tag_timexes(text, None, doc), DateValue())
    assert event.date == DateValue(origin="unknown")


def test_infinitive_inherits_the_date_of_its_noun() -> None:
    text = "Sanctions were imposed during the 2019 attempt to overthrow Maduro."
    [overthrow] = dated(text, "2022-03-08", "overthrow")
    assert (overthrow.date.value, overthrow.date.origin) == ("2019", "explicit")


def test_a_relative_clause_takes_the_date_of_the_noun_it_tells_of() -> None:
    from dateline.pipeline import annotate_text

    text = "It echoes the 2020 drone strike that eliminated Iranian General Qasem Soleimani."
    [strike] = [m for m in annotate_text(text, "2025-09-03").event_mentions]
    assert (strike.trigger, strike.date.value, strike.date_basis) == ("eliminated", "2020", "timex")
    # The clause's own date is not its noun's ("the man who fled in 2019 was arrested").
    other = annotate_text(
        "The man who fled Venezuela in 2019 was arrested by Colombian police on Monday.",
        "2025-09-03",
    )
    assert [m.date.value for m in other.event_mentions if m.trigger == "arrested"] == ["2025-09-01"]
