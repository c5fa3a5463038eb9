"""Quotes: who says so, in their words or reported.

**Direct quotes** are words in quote marks (“curly” or "straight") with a cue next to
them: a speech verb after them ("“…,” Sabatini said", "“…,” said the White House"), before
them ("Regan added: “…”", "X said, adding: “…”"), a source phrase ("“…,” according to X"),
or a speech verb whose clause holds them ("X said the plan was “a mistake”"). A quote
that is a sentence of its own with no cue continues the speaker of the quote before it in
the same paragraph (or of the unclosed quote the paragraph carries on). Other quoted words
are kept with no speaker when they are long enough to be speech, and dropped when they are
a title or a scare quote.

**Indirect quotes** are the complement clause of a speech verb that has a subject ("X said
(that) …", "X told Reuters …") and the sentence a source phrase belongs to ("according to
X, …"; the rest of the sentence when the phrase opens or closes it).

The **speaker** is the cue's subject (or the noun after "according to"), resolved to an
actor through the document's mentions — names (full, surname, title + name) are linked by
the actor resolver; organisations are names too ("the White House said"); a source noun
speaks for what follows it ("a spokesman for the State Department"); a pronoun is the
nearest mention of a fitting kind before it in the same paragraph, outside quotes. The cue
words and pronouns are data (``quotes/data/quotes.yaml``).

Modules: ``_cues`` (the word lists), ``_marks`` (where quote marks open and close),
``_article`` (the document and lookups by position), ``_speakers`` (cues and who speaks),
``_direct`` and ``_indirect`` (the two kinds of quote), ``_extract`` (putting them
together).
"""

from ._cues import QuoteCues, load_cues
from ._extract import extract_quotes

__all__ = ["QuoteCues", "extract_quotes", "load_cues"]
