"""Quotes: direct and reported speech, and the speaker each is resolved to."""

from __future__ import annotations

from functools import lru_cache

import pytest

from dateline.actors import resolve_actors
from dateline.model import DateValue, Quote
from dateline.nlp import parse_one
from dateline.quotes import extract_quotes, load_cues

PUBLISHED = DateValue("2026-02-03", "2026-02-03", "2026-02-03", "day", "metadata")


@lru_cache(maxsize=64)
def _quotes(text: str) -> tuple[Quote, ...]:
    doc = parse_one(text)
    mentions, actors = resolve_actors(doc, "doc_q")
    return tuple(extract_quotes(doc, "doc_q", mentions, actors, PUBLISHED))


def quotes(text: str) -> list[Quote]:
    found = list(_quotes(text))
    for quote in found:  # every span points back into the text
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None and quote.speaker_end is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text
        if quote.cue_start is not None and quote.cue_end is not None and quote.cue:
            assert text[quote.cue_start : quote.cue_end].lower() == quote.cue
    return found


def only(text: str) -> Quote:
    (quote,) = quotes(text)
    return quote


def test_direct_quote_with_the_speaker_after() -> None:
    quote = only("“The border with Venezuela will stay closed,” Rubio said on Tuesday.")
    assert quote.kind == "direct"
    assert quote.text == "The border with Venezuela will stay closed"  # no marks, no comma
    assert (quote.speaker, quote.speaker_actor_id) == ("Marco Rubio", "person:marco-rubio")
    assert quote.speaker_text == "Rubio" and quote.cue == "said"
    assert quote.about == ["VEN"]
    assert quote.date == PUBLISHED and quote.doc_id == "doc_q"


def test_inverted_cue_names_an_organisation() -> None:
    quote = only("“We will not back down,” said the White House in a statement.")
    assert quote.kind == "direct"
    assert quote.speaker_actor_id == "org:white-house"
    assert quote.speaker_text == "White House"


def test_direct_quote_with_the_speaker_before() -> None:
    quote = only("Secretary of State Marco Rubio landed in Bogotá. Rubio said: “We are ready.”")
    assert quote.kind == "direct" and quote.text == "We are ready."
    assert quote.speaker_actor_id == "person:marco-rubio" and quote.cue == "said"


def test_straight_quotes_and_title_with_name() -> None:
    quote = only('"We will win this fight," President Trump said.')
    assert quote.text == "We will win this fight"
    assert quote.speaker_actor_id == "person:donald-trump"


def test_according_to_after_a_direct_quote() -> None:
    quote = only("“The talks have failed,” according to Gustavo Petro.")
    assert quote.kind == "direct" and quote.cue == "according to"
    assert quote.speaker_actor_id == "person:gustavo-petro"


def test_according_to_opening_a_sentence_is_an_indirect_quote() -> None:
    quote = only("According to Hegseth, the ships will stay in the Caribbean until March.")
    assert quote.kind == "indirect" and quote.cue == "according to"
    assert quote.text == "the ships will stay in the Caribbean until March"
    assert quote.speaker_actor_id == "person:pete-hegseth"


def test_told_reporters_that_is_an_indirect_quote() -> None:
    quote = only("Gustavo Petro told Reuters that Colombia would not join the blockade.")
    assert quote.kind == "indirect" and quote.cue == "told"
    assert quote.text == "Colombia would not join the blockade"  # without "that"
    assert quote.speaker_actor_id == "person:gustavo-petro"  # not Reuters, the listener
    assert quote.about == ["COL"]


def test_said_with_no_that_and_a_clause_before_the_cue() -> None:
    first, second = quotes(
        "Hegseth, the defense secretary, said the strikes would continue. Petro said they must"
        " stop."
    )
    assert first.text == "the strikes would continue" and first.speaker == "Pete Hegseth"
    assert second.text == "they must stop" and second.speaker == "Gustavo Petro"
    before = only("The talks collapsed, the Cuban foreign ministry said.")
    assert before.text == "The talks collapsed" and before.speaker_actor_id == "CUB:GOV"


def test_the_clause_keeps_its_own_conditions() -> None:
    quote = only("Analysts said that if the talks fail, sanctions on Cuba will return.")
    assert quote.text == "if the talks fail, sanctions on Cuba will return"


def test_organisations_speak() -> None:
    first, second = quotes(
        "The White House said the embassy would reopen. NBC News reported that Iran had sent"
        " drones to Venezuela."
    )
    assert first.speaker_actor_id == "org:white-house"
    assert second.speaker_actor_id == "org:nbc-news" and second.cue == "reported"
    assert second.about == ["IRN", "VEN"]


def test_a_spokesman_speaks_for_the_organisation() -> None:
    quote = only("A spokesman for the State Department said the embassy would reopen.")
    assert quote.speaker_actor_id == "org:state-department"
    assert quote.speaker_text == "A spokesman for the State Department"


def test_pronoun_speaker_is_the_person_before_it_in_the_paragraph() -> None:
    quote = only(
        "President Gustavo Petro arrived in Caracas on Monday. “We are ready to talk to"
        " anyone,” he said."
    )
    assert quote.speaker_actor_id == "person:gustavo-petro"
    assert quote.speaker == "Gustavo Petro" and quote.speaker_text == "he"


def test_pronoun_does_not_reach_into_the_paragraph_before() -> None:
    quote = only(
        "President Gustavo Petro arrived in Caracas on Monday.\n“We are ready to talk to"
        " anyone,” he said."
    )
    assert quote.speaker_actor_id is None and quote.speaker == "he"


def test_pronoun_skips_names_inside_the_quote() -> None:
    quote = only("Rubio met reporters in Miami. “Petro has to decide what he wants,” he said.")
    assert quote.speaker_actor_id == "person:marco-rubio"


def test_a_sentence_long_quote_continues_the_speaker_before_it() -> None:
    first, second = quotes(
        "Petro spoke to reporters in Bogotá. “We came to listen,” he said. “We will be back"
        " next month with a new offer.”"
    )
    assert first.speaker_actor_id == second.speaker_actor_id == "person:gustavo-petro"
    assert second.text == "We will be back next month with a new offer."


def test_a_quote_with_no_speaker_is_kept_without_one() -> None:
    quote = only("“Nobody will leave this room until we agree on the text.”")
    assert quote.kind == "direct"
    assert quote.speaker is None and quote.speaker_actor_id is None and quote.cue is None


def test_a_quote_across_paragraphs_keeps_its_speaker() -> None:
    text = (
        "Rubio said: “The fleet will stay where it is for as long as it takes.\n"
        "“Nobody in Caracas should doubt that for a moment.”"
    )
    first, second = quotes(text)
    assert first.speaker_actor_id == second.speaker_actor_id == "person:marco-rubio"
    assert second.text == "Nobody in Caracas should doubt that for a moment."


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    assert quotes("Officials denounced the so-called “peace plan” on Monday.") == []
    assert quotes("Iran delivered gunboats to Venezuela.") == []


def test_a_direct_quote_is_not_also_reported() -> None:
    found = quotes("“Colombia will never join this blockade,” Petro said.")
    assert [q.kind for q in found] == ["direct"]


def test_passive_reports_name_no_speaker() -> None:
    assert quotes("It was reported that the ships had left Norfolk.") == []


@pytest.mark.parametrize(
    ("group", "word"),
    [("speech_verbs", "say"), ("speech_verbs", "tell"), ("direct_only_verbs", "continue")],
)
def test_cues_come_from_the_data_file(group: str, word: str) -> None:
    cues = load_cues()
    assert word in getattr(cues, group)
    assert ("according", "to") in cues.source_phrases
    assert cues.pronouns["he"] == ("person",)


def test_annotate_finds_quotes_dated_by_publication() -> None:
    from dateline.pipeline import annotate_text

    annotation = annotate_text("“The fleet stays,” Hegseth said.", "2026-02-03", "doc_p")
    (quote,) = annotation.quotes
    assert quote.doc_id == "doc_p" and quote.speaker_actor_id == "person:pete-hegseth"
    assert quote.date.value == "2026-02-03" and quote.date.origin == "user"
