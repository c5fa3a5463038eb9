"""Event arguments: from dependency tokens to the actors resolved in the document.

A token belongs to the Mention whose character span holds it; nested mentions
("President Nicolás Maduro’s government" around "Nicolás Maduro") are told apart by
preferring the mention that ends closest after the token, so a phrase's head word picks
the whole phrase and a possessor picks itself. A head word in no mention falls back to
its modifiers (compound, amod, poss, nmod) and its conjuncts, which is how compound
actors ("Hungarian and Romanian officials") come out as several actors.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from dateline.model import Actor, ActorRef, Mention

#: Modifiers of a head word that can carry its actor ("US officials", "Iran's navy").
ACTOR_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "appos"})


class ActorIndex:
    """Looks up the actors of tokens through the document's mentions."""

    def __init__(self, mentions: list[Mention], actors: dict[str, Actor]) -> None:
        self.actors = actors
        self.mentions = sorted(
            (m for m in mentions if m.actor_id in actors), key=lambda m: (m.start, -m.end)
        )
        self._starts = [m.start for m in self.mentions]
        # Only mentions starting at most this far before a token can hold it: the window
        # keeps look-ups local in long documents.
        self._longest = max((m.end - m.start for m in self.mentions), default=0)

    def _window(self, token: Token) -> list[Mention]:
        first = bisect_left(self._starts, token.idx - self._longest)
        return self.mentions[first : bisect_right(self._starts, token.idx)]

    def mention_at(self, token: Token) -> Mention | None:
        """The mention holding the token, the one ending closest after the token first."""
        token_end = token.idx + len(token.text)
        best: Mention | None = None
        for mention in self._window(token):
            if mention.end <= token.idx:
                continue
            if best is None or _closeness(mention, token_end) < _closeness(best, token_end):
                best = mention
        return best

    def mentions_at(self, token: Token) -> list[Mention]:
        """The best mention holding the token and any others over the very same span
        (a compound actor phrase is one mention per actor)."""
        best = self.mention_at(token)
        if best is None:
            return []
        return [m for m in self._window(token) if (m.start, m.end) == (best.start, best.end)]

    def ref(self, mention: Mention) -> ActorRef:
        return ActorRef.of(self.actors[mention.actor_id])

    def actors_of(self, token: Token, with_conjuncts: bool = True) -> list[ActorRef]:
        """Actors of an argument head: its own mention, else its modifiers; plus conjuncts."""
        refs = self._own_actors(token)
        if with_conjuncts:
            for conjunct in token.conjuncts:
                if conjunct.i > token.i:
                    refs.extend(self._own_actors(conjunct))
        return unique(refs)

    def _own_actors(self, token: Token) -> list[ActorRef]:
        own = self.mentions_at(token)
        if own:
            return [self.ref(m) for m in own]
        refs: list[ActorRef] = []
        for child in token.children:
            if child.dep_ not in ACTOR_MODIFIERS:
                continue
            found = self.mentions_at(child)
            if found:
                refs.extend(self.ref(m) for m in found)
            else:
                refs.extend(self._own_actors(child))
            for conjunct in child.conjuncts:
                conj_mention = self.mention_at(conjunct)
                if conj_mention is not None:
                    refs.append(self.ref(conj_mention))
        if not refs:  # "the most senior officer of the United States military"
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            refs.extend(self.ref(m) for m in self.mentions_at(obj))
        return refs


def _closeness(mention: Mention, token_end: int) -> tuple[int, int]:
    return (abs(mention.end - token_end), -(mention.end - mention.start))


def unique(refs: list[ActorRef]) -> list[ActorRef]:
    """Refs in order with repeated actors dropped."""
    seen: set[str] = set()
    out = []
    for ref in refs:
        if ref.actor_id not in seen:
            seen.add(ref.actor_id)
            out.append(ref)
    return out
