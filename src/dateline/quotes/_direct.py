"""Direct quotes: quoted words and the cue that attributes them — a speech verb after them
or before them, a source phrase, or a speech verb whose clause holds them; a quote with no
cue of its own can carry on the quote before it."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..nlp import sentence_of
from ._article import VERBAL, Article
from ._marks import Marked
from ._speakers import Cue, phrase_cue, verb_cue

AUXILIARIES = frozenset({"aux", "auxpass", "neg"})

_WORD = re.compile(r"\w+")


def direct_quotes(article: Article) -> list[tuple[int, int, Cue | None]]:
    """(start, end, cue) of the quoted words that are speech, in text order: those with a
    cue, those carrying on the quote before them, and those long enough to be speech."""
    found: list[tuple[int, int, Cue | None]] = []
    previous: tuple[Marked, Cue] | None = None
    for marked in article.marked:
        cue = _direct_cue(article, marked)
        if cue is None and previous is not None and _continues(article, previous[0], marked):
            cue = previous[1]
        words = len(_WORD.findall(article.text[marked.start : marked.end]))
        if cue is None and words < article.cues.unattributed_min_words:
            previous = None
            continue
        found.append((marked.start, marked.end, cue))
        previous = (marked, cue) if cue is not None else None
    return found


def _direct_cue(article: Article, marked: Marked) -> Cue | None:
    text = article.text
    inner = text[marked.start : marked.end].rstrip()
    # "“…,” X said": a comma inside the marks hands the sentence on to its cue.
    trailing = text[marked.end : marked.close] + text[marked.close + 1 : marked.close + 3]
    ends_clause = trailing.strip().startswith((",", "—", "–"))
    ended = bool(inner) and inner[-1] in ".!?…"
    if ends_clause:
        cue = _cue_after(article, marked) or _cue_before(article, marked)
    else:
        cue = _cue_before(article, marked) or _cue_after(article, marked, short=ended)
    return cue or _governing_cue(article, marked)


def _is_cue_verb(token: Token, lemmas: frozenset[str]) -> bool:
    return token.pos_ in VERBAL and token.lemma_.lower() in lemmas


def _cue_after(article: Article, marked: Marked, short: bool = False) -> Cue | None:
    """ "“…,” Sabatini said", "“…,” said the White House", "“…,” according to X".

    ``short``: the quote ended its sentence ("“We will win.” Gonzalez said."), so the
    cue must be a clause of its own, not the start of the next sentence.
    """
    window = article.words_after(marked.close + 1)
    for n, token in enumerate(window):
        phrase = article.source_phrase(token)
        if phrase is not None:
            if any(not t.is_punct for t in window[:n]):
                return None
            return phrase_cue(article, token, phrase)
        if _is_cue_verb(token, article.cues.direct_verbs):
            if short and _clause_goes_on(window[n + 1 :]):
                return None
            return verb_cue(article, token, before=window[:n], after=window[n + 1 :])
        if token.pos_ in VERBAL and token.dep_ not in AUXILIARIES:
            return None  # "“…” is what he wanted": another verb comes first
    return None


def _cue_before(article: Article, marked: Marked) -> Cue | None:
    """ "Regan added: “…”", "Sabatini said, adding: “…”", "According to X, “…”"."""
    window = article.words_before(marked.open)
    for n, token in enumerate(window):
        between = window[:n]
        if _is_cue_verb(token, article.cues.direct_verbs):
            if sum(1 for t in between if not t.is_punct) > 6:
                return None
            return verb_cue(article, token, before=[], after=list(reversed(between)))
        if token.pos_ in VERBAL and token.dep_ not in AUXILIARIES and token.lower_ != "according":
            return None  # "… he was “not in love”": the quote is inside a clause
        phrase = article.source_phrase(token)
        if phrase is not None:
            return phrase_cue(article, token, phrase)
    return None


def _governing_cue(article: Article, marked: Marked) -> Cue | None:
    """A speech verb whose clause holds the quoted words ("said he was “not in love”")."""
    first = article.token_at(marked.start)
    if first >= len(article.doc):
        return None
    inside = article.doc[first]
    best: Token | None = None
    for token in sentence_of(article.doc, inside.i):
        if (
            _is_cue_verb(token, article.cues.speech_verbs)
            and not article.quoted(token.idx)
            and token.left_edge.i <= inside.i <= token.right_edge.i
            and (best is None or token.right_edge.i - token.left_edge.i
                 < best.right_edge.i - best.left_edge.i)
        ):  # fmt: skip
            best = token
    return verb_cue(article, best, [], []) if best is not None else None


def _continues(article: Article, previous: Marked, marked: Marked) -> bool:
    """Whether a quote with no cue carries on the quote before it: it opens its own
    sentence (no words outside the marks) and follows in the same paragraph, or opens
    the paragraph after an unclosed quote."""
    if marked.carries_on:
        return not article.text[previous.close + 1 : marked.open].strip()
    if article.paragraph(previous.open) != article.paragraph(marked.open):
        return False
    before = article.words_before(marked.open)
    after = article.words_after(marked.close + 1)
    return all(t.is_punct for t in before + after)


def _clause_goes_on(tokens: list[Token]) -> bool:
    """Words after a cue verb other than its own complements: a new sentence's content."""
    return any(t.pos_ in VERBAL for t in tokens) or sum(1 for t in tokens if t.is_alpha) > 4
