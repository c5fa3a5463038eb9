"""A parsed article as the quote finder reads it: its text, the mentions of known actors,
its quoted words, and lookups by character position."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..model import Actor, DateValue, Mention
from ..nlp import doc_text, token_columns
from ._cues import load_cues
from ._marks import Marked, find_marked

VERBAL = frozenset({"VERB", "AUX"})
#: Punctuation that ends a clause: a cue never reaches across it.
STOPS = frozenset({".", "!", "?", ";"})
WINDOW = 12
_LINE_BREAK = re.compile("\n")


def end_of(token: Token) -> int:
    """The character just after ``token``."""
    return token.idx + len(token.text)


class Article:
    """One parsed document (with its id and publication date) and what the quote finder
    looks up in it."""

    def __init__(
        self,
        doc: Doc,
        doc_id: str,
        mentions: Sequence[Mention],
        actors: dict[str, Actor],
        published: DateValue,
    ) -> None:
        self.doc = doc
        self.doc_id = doc_id
        self.published = published
        self.text = doc_text(doc)
        self.actors = actors
        self.cues = load_cues()
        #: First words of the source phrases ("according" of "according to").
        self.phrase_starts = {phrase[0] for phrase in self.cues.source_phrases}
        self.mentions = sorted(
            (m for m in mentions if m.actor_id in actors), key=lambda m: (m.start, -m.end)
        )
        self._mention_starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        self._token_starts = token_columns(doc).idx
        self._breaks = [m.start() for m in _LINE_BREAK.finditer(self.text)]
        self.marked = find_marked(self.text, self._breaks)
        self._mark_opens = [q.open for q in self.marked]

    # -- positions -----------------------------------------------------------------------

    def quoted(self, char: int) -> Marked | None:
        """The quote whose marks hold ``char`` (marks included)."""
        i = bisect_right(self._mark_opens, char) - 1
        if i >= 0 and char <= self.marked[i].close:
            return self.marked[i]
        return None

    def paragraph(self, char: int) -> tuple[int, int]:
        i = bisect_left(self._breaks, char)
        start = self._breaks[i - 1] + 1 if i > 0 else 0
        end = self._breaks[i] if i < len(self._breaks) else len(self.text)
        return start, end

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self._token_starts, char)

    def words_after(self, char: int) -> list[Token]:
        """The tokens from ``char`` to the clause end (at most ``WINDOW``), spaces left out."""
        tokens: list[Token] = []
        for token in self.doc[self.token_at(char) :]:
            if self._ends_clause(token):
                break
            tokens.append(token)
            if len(tokens) >= WINDOW:
                break
        return [t for t in tokens if not t.is_space]

    def words_before(self, char: int) -> list[Token]:
        """The tokens before ``char`` back to the clause start, nearest first, spaces left
        out."""
        tokens: list[Token] = []
        i = self.token_at(char) - 1
        while i >= 0 and len(tokens) < WINDOW + 4:
            token = self.doc[i]
            if self._ends_clause(token):
                break
            tokens.append(token)
            i -= 1
        return [t for t in tokens if not t.is_space]

    def _ends_clause(self, token: Token) -> bool:
        return "\n" in token.text or token.text in STOPS or self.quoted(token.idx) is not None

    def source_phrase(self, token: Token) -> tuple[str, ...] | None:
        """The source phrase ("according to") starting at ``token``, if one does."""
        if token.lower_ not in self.phrase_starts:
            return None
        for phrase in self.cues.source_phrases:
            end = token.i + len(phrase)
            if end <= len(self.doc) and tuple(t.lower_ for t in self.doc[token.i : end]) == phrase:
                return phrase
        return None

    # -- mentions ------------------------------------------------------------------------

    def mentions_starting(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in ``text[start:end]``, in text order."""
        starts = self._mention_starts
        return self.mentions[bisect_left(starts, start) : bisect_left(starts, end)]

    def mention_at(self, token: Token) -> Mention | None:
        """The mention holding the token, the one ending closest after it (then the
        longest) first — a phrase's head word picks the whole phrase."""
        token_end = end_of(token)
        first = bisect_left(self._mention_starts, token.idx - self._longest)
        best: Mention | None = None
        for mention in self.mentions[first : bisect_right(self._mention_starts, token.idx)]:
            if mention.end <= token.idx:
                continue
            key = (abs(mention.end - token_end), -(mention.end - mention.start))
            if best is None or key < (abs(best.end - token_end), -(best.end - best.start)):
                best = mention
        return best

    def about(self, start: int, end: int, skip: tuple[int, int] | None = None) -> list[str]:
        """Actor ids mentioned inside ``text[start:end]`` (outside ``skip``), in order."""
        ids = [
            m.actor_id
            for m in self.mentions_starting(start, end)
            if m.end <= end and not (skip and skip[0] <= m.start < skip[1])
        ]
        return list(dict.fromkeys(ids))
