"""Indirect quotes: the complement clause of a speech verb that has a subject ("X said
(that) …") and what a source phrase attributes ("according to X, …")."""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp import sentence_of, token_columns
from ._article import Article, end_of
from ._speakers import Cue, phrase_cue, phrase_object, subject, verb_cue

#: (start, end, cue, span of the cue's words inside the clause) of a reported clause.
Reported = tuple[int, int, Cue, tuple[int, int] | None]


def indirect_quotes(article: Article) -> list[Reported]:
    """Every reported clause outside quote marks, in text order of its cue."""
    found: list[Reported] = []
    columns = token_columns(article.doc)
    starts, verbs = article.phrase_starts, article.cues.speech_verbs
    for i, lower in enumerate(columns.lower):
        # Only a source phrase's first word or a speech verb starts a reported clause.
        if lower not in starts and (columns.pos[i] != "VERB" or columns.lemma[i] not in verbs):
            continue
        token = article.doc[i]
        if token.is_space or article.quoted(token.idx):
            continue
        phrase = article.source_phrase(token)
        if phrase is not None:
            clause = _phrase_clause(article, token, phrase)
            if clause is not None:
                cue = phrase_cue(article, token, phrase)
                head = phrase_object(article, token, phrase)
                last = head.right_edge if head is not None else token
                found.append((*clause, cue, (token.idx, end_of(last))))
            continue
        if token.pos_ != "VERB" or token.lemma_.lower() not in article.cues.speech_verbs:
            continue
        clauses = [c for c in token.children if c.dep_ == "ccomp" and not article.quoted(c.idx)]
        if not clauses or subject(article, token) is None:
            continue
        for clause_head in clauses:
            span = _clause_span(article, clause_head, token)
            if span is not None:
                found.append((*span, verb_cue(article, token, [], []), None))
    return found


def _clause_span(article: Article, head: Token, verb: Token) -> tuple[int, int] | None:
    """The characters of a complement clause, without its "that" and end punctuation."""
    tokens = list(head.subtree)
    if verb in tokens:
        return None
    while tokens and (
        (tokens[0].dep_ == "mark" and tokens[0].head == head)  # "that", not "if"
        or tokens[0].is_punct
        or tokens[0].is_space
    ):
        tokens = tokens[1:]
    return _trimmed(article, tokens)


def _phrase_clause(
    article: Article, token: Token, phrase: tuple[str, ...]
) -> tuple[int, int] | None:
    """What a source phrase attributes: the rest of its sentence when it opens or closes
    the sentence, else the whole sentence."""
    head = phrase_object(article, token, phrase)
    if head is None:
        return None
    sentence = [t for t in sentence_of(token.doc, token.i) if not t.is_space]
    phrase_end = max(head.right_edge.i, token.i + len(phrase) - 1)
    before = [t for t in sentence if t.i < token.i]
    after = [t for t in sentence if t.i > phrase_end]
    if all(t.is_punct for t in before):
        return _trimmed(article, after)
    if all(t.is_punct for t in after):
        return _trimmed(article, before)
    return _trimmed(article, sentence)


def _trimmed(article: Article, tokens: list[Token]) -> tuple[int, int] | None:
    """The span of ``tokens`` without punctuation at either end; None when short."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if sum(1 for t in tokens if t.is_alpha) < 3:
        return None
    start, end = tokens[0].idx, end_of(tokens[-1])
    if "\n" in article.text[start:end]:
        return None
    return start, end
