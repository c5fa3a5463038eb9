"""Which reports become one event: the merge key's treatment of dates."""

from __future__ import annotations

from dateline.linking import event_key
from dateline.model import ActorRef, DateValue, EventMention


def mention(doc_id: str, date: DateValue, basis: str | None) -> EventMention:
    usa = ActorRef("United States", "USA", "USA", None, "USA")
    return EventMention(
        doc_id=doc_id, sentence_index=0, sentence_start=0, sentence_end=10, trigger_start=3,
        trigger_end=8, trigger="sent", type="AID", actors=[usa], date=date, date_basis=basis,
    )  # fmt: skip


def test_a_guessed_publication_date_merges_within_one_article_only() -> None:
    guessed = DateValue("2026-01", "2026-01-15", "2026-12-01", "month", "inferred")
    a, b = mention("doc_a", guessed, "publication"), mention("doc_b", guessed, "publication")
    assert event_key(a) != event_key(b)
    assert event_key(a) == event_key(mention("doc_a", guessed, "publication"))


def test_a_date_from_the_text_merges_across_articles() -> None:
    day = DateValue("2026-01-15", "2026-01-15", "2026-01-15", "day", "explicit")
    assert event_key(mention("doc_a", day, "timex")) == event_key(mention("doc_b", day, "timex"))
    inferred = DateValue("2026-01-03", "2026-01-03", "2026-01-03", "day", "inferred")
    assert event_key(mention("doc_a", inferred, "role")) == event_key(
        mention("doc_b", inferred, "role")
    )
