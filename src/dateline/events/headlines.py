"""Headlines in title case, re-read in sentence case.

"US Joint Chiefs Visit Post-Maduro Venezuela" parses as one long proper name: the tagger
takes every capitalised word for part of a name, so the headline's verb is lost. A
title-case sentence is parsed a second time with its common words in lower case (the
words of the actor names the resolver found keep their capitals), padded with spaces so
that every character offset is the document's own; the events of the headline are read
off that parse.
"""

from __future__ import annotations

from spacy.tokens import Span

from dateline.events.arguments import ActorIndex
from dateline.nlp import doc_text, parse_at, token_columns

#: Shortest and longest headline worth re-reading, in words.
MIN_WORDS = 4
MAX_WORDS = 30
#: Share of a sentence's words (of more than three letters) that start with a capital
#: for it to be in title case.
TITLE_SHARE = 0.7


def is_title_case(sentence: Span) -> bool:
    """True for a headline written in title case."""
    if doc_text(sentence.doc)[sentence.start_char : sentence.end_char].rstrip().endswith("."):
        return False  # first: it rules out most sentences
    columns = token_columns(sentence.doc)
    words = [k for k in range(sentence.start, sentence.end) if columns.is_alpha[k]]
    long_words = [k for k in words if len(columns.text[k]) > 3]
    if not MIN_WORDS <= len(words) <= MAX_WORDS or not long_words:
        return False
    capitalised = sum(
        1 for k in long_words if columns.text[k][0].isupper() and not columns.is_upper[k]
    )
    return capitalised / len(long_words) >= TITLE_SHARE


def sentence_case_reparse(sentence: Span, index: ActorIndex) -> Span | None:
    """The sentence parsed again in sentence case, at its own character offsets; None
    when nothing would change."""
    chars = list(doc_text(sentence.doc)[sentence.start_char : sentence.end_char])
    changed = False
    for token in sentence[1:]:
        if not token.is_alpha or token.is_upper or not token.text[0].isupper():
            continue
        if index.mention_at(token) is not None:
            continue  # a name: "Joint Chiefs", "Venezuela"
        offset = token.idx - sentence.start_char
        chars[offset] = chars[offset].lower()
        changed = True
    if not changed:
        return None
    parsed = parse_at("".join(chars), sentence.start_char)
    first = next((t.i for t in parsed if not t.is_space), None)
    return None if first is None else parsed[first:]
