"""The pipeline's own helpers: line-aware sentence starts, the token columns and the
sentence look-up, each the same as spaCy's token-by-token answer."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dateline.nlp import BULLETS, line_breaks, parse_at, parse_one, sentence_of, token_columns

TEXTS = [
    "",
    "\n",
    "One line only.",
    "US Joint Chiefs Visit Venezuela\nThe chairman arrived on Tuesday. He met officials.",
    "Support came from:\n- Cuba, with bodyguards;\n- China—radar systems\n\n• Iran\n  * Russia",
    "\n\nHeadline\nBody text. More text.\n> a quoted line\n-\n-\n- last",
]


def _line_breaks_by_token(doc: Doc) -> Doc:
    """The component as first written, one Token at a time: the reference."""
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


def test_line_breaks_sets_the_sentence_starts_of_the_token_by_token_reading() -> None:
    nlp = spacy.blank("en")
    for text in TEXTS:
        expected = [t.is_sent_start for t in _line_breaks_by_token(nlp.make_doc(text))]
        assert [t.is_sent_start for t in line_breaks(nlp.make_doc(text))] == expected, text


def test_token_columns_and_sentences_are_what_the_tokens_say() -> None:
    for text in TEXTS[2:]:
        doc = parse_one(text)
        columns = token_columns(doc)
        assert columns.text == [t.text for t in doc]
        assert columns.whitespace == [t.whitespace_ for t in doc]
        assert columns.lower == [t.lower_ for t in doc]
        assert columns.is_space == [t.is_space for t in doc]
        assert columns.is_punct == [t.is_punct for t in doc]
        assert columns.pos == [t.pos_ for t in doc]
        assert columns.lemma == [t.lemma_.lower() for t in doc]
        assert columns.is_alpha == [t.is_alpha for t in doc]
        assert columns.is_upper == [t.is_upper for t in doc]
        assert columns.idx == [t.idx for t in doc]
        for token in doc:
            sentence = sentence_of(doc, token.i)
            assert (sentence.start, sentence.end) == (token.sent.start, token.sent.end)
        assert sentence_of(doc, -1).end == len(doc)


def test_parse_at_parses_as_the_padded_text_would() -> None:
    from spacy import attrs

    columns = [
        attrs.ORTH, attrs.NORM, attrs.SPACY, attrs.TAG, attrs.POS, attrs.HEAD, attrs.DEP,
        attrs.LEMMA, attrs.MORPH, attrs.ENT_IOB, attrs.ENT_TYPE, attrs.SENT_START,
    ]  # fmt: skip
    for text in ["Iran Won't Back Down As Talks Resume", "Haiti: U.N. Sends 3,000 Troops", "X"]:
        for offset in (0, 1, 2, 9, 4000):
            padded, placed = parse_one(" " * offset + text), parse_at(text, offset)
            assert placed.text == padded.text
            assert placed.to_array(columns).tolist() == padded.to_array(columns).tolist()
    assert parse_at(" a line", 3).text == "    a line"
