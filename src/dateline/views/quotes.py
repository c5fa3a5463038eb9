"""Quotes as text: who said what, when, and where it was read."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import DateValue
from ..store import StoredQuote
from ..textnorm import fold
from .timeline import date_label

#: Precisions too coarse to show as a value ("202" for the 2020s): the range says more.
COARSE = frozenset({"decade", "century", "unknown"})


def when(date: DateValue) -> str:
    """A date as the timeline shows it, as its range when the value is coarse."""
    if date.precision in COARSE and date.earliest and date.latest:
        return f"{date.earliest}…{date.latest}"
    return date_label(date)


def speaker_label(stored: StoredQuote) -> str:
    """The speaker's name, with the words the text used when they say something else
    ("Donald Trump (he)", "government (authorities)"); "(no speaker)" when none."""
    quote = stored.quote
    if quote.speaker is None:
        return "(no speaker)"
    said = quote.speaker_text
    if said and fold(said) not in fold(quote.speaker) and fold(quote.speaker) not in fold(said):
        return f"{quote.speaker} ({said})"
    return quote.speaker


def render_quote(stored: StoredQuote, width: int = 200) -> str:
    quote = stored.quote
    text = " ".join(quote.text.split())
    if len(text) > width:
        text = text[: width - 1].rsplit(" ", 1)[0] + "…"
    words = f"“{text}”" if quote.kind == "direct" else text
    date = when(quote.date)
    cue = f" {quote.cue}" if quote.cue else ""
    return f"{date}  {speaker_label(stored)}{cue}: {words}  [{stored.source}]"


def render_quotes(quotes: Sequence[StoredQuote]) -> str:
    if not quotes:
        return "no quotes"
    return "\n".join(render_quote(q) for q in quotes)
