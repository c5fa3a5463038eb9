"""Cues and who speaks through them: the subject of a speech verb or the noun of a source
phrase, resolved to an actor through the article's mentions — a source noun speaks for
what follows it, a pronoun for the nearest fitting mention before it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..model import Mention
from ._article import VERBAL, WINDOW, Article, end_of

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
NOUNISH = frozenset({"PROPN", "NOUN", "PRON"})
#: Dependencies along which a speech verb without a subject takes its governor's
#: ("Sabatini said, adding: …" — adding's speaker is said's).
CLIMB = frozenset({"advcl", "conj", "xcomp", "ccomp", "parataxis", "dep", "acl"})
#: Modifiers of a speaker word that can carry its name ("host Trish Regan").
NAME_PARTS = frozenset({"compound", "flat", "appos"})


@dataclass(slots=True)
class Speaker:
    name: str | None = None
    actor_id: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Cue:
    word: str
    start: int
    end: int
    speaker: Speaker


def phrase_object(article: Article, token: Token, phrase: tuple[str, ...]) -> Token | None:
    """The noun a source phrase names: "according to [Christopher Sabatini]"."""
    doc = article.doc
    last = doc[token.i + len(phrase) - 1]
    objects = [c for c in last.children if c.dep_ == "pobj"]
    if objects:
        return objects[0]
    head: Token | None = None
    for candidate in doc[last.i + 1 : last.i + 1 + WINDOW]:
        if candidate.is_punct or candidate.is_space or candidate.pos_ in VERBAL:
            break
        if candidate.pos_ in NOUNISH:
            head = candidate
    return head


def phrase_cue(article: Article, token: Token, phrase: tuple[str, ...]) -> Cue:
    last = article.doc[token.i + len(phrase) - 1]
    head = phrase_object(article, token, phrase)
    return Cue(" ".join(phrase), token.idx, end_of(last), _speaker_of(article, head))


def verb_cue(article: Article, verb: Token, before: list[Token], after: list[Token]) -> Cue:
    """A speech verb's cue; ``before``/``after`` are the tokens between it and the quote
    or after it, where a subject the parser missed can be ("“…,” said Sabatini")."""
    doc = article.doc
    head = subject(article, verb, allow_climb=False)
    if head is None:
        nouns = [t for t in before if t.pos_ in NOUNISH]
        if nouns:
            head = nouns[-1]
    if head is None:
        following = [t for t in after if t.pos_ in NOUNISH and t.dep_ not in {"dobj", "pobj",
                     "dative"}]  # fmt: skip
        if following:
            head = following[0]
            while head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN":
                head = doc[head.i + 1]  # "said Christopher Sabatini"
    if head is None:
        head = subject(article, verb)
    return Cue(verb.lower_, verb.idx, end_of(verb), _speaker_of(article, head))


def subject(article: Article, verb: Token, allow_climb: bool = True) -> Token | None:
    """The verb's subject outside quotes, else (``allow_climb``) its governor's."""
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in SUBJECTS and not article.quoted(c.idx)]
        if subjects:
            found = subjects[0]
            if found.dep_ == "nsubjpass" and found.lower_ in {"it", "there"}:
                return None  # "it was reported that …": no one is named
            return found
        head = node.head
        if not allow_climb or head.i == node.i or node.dep_ not in CLIMB:
            return None
        if head.pos_ not in VERBAL or article.quoted(head.idx):
            return None
        node = head
    return None


def _speaker_of(article: Article, head: Token | None) -> Speaker:
    return _speaker(article, head) if head is not None else Speaker()


def _speaker(article: Article, head: Token) -> Speaker:
    """Who a speaker word stands for: a pronoun's antecedent, a source noun's owner
    ("a spokesman for the State Department"), a mention's actor, or just its words."""
    cues, actors = article.cues, article.actors
    kinds = cues.pronouns.get(head.lower_)
    if kinds is not None and head.pos_ == "PRON":
        return _antecedent(article, head, kinds)
    words = _phrase(head)
    text = article.text[words[0] : words[1]]
    owner: Token | None = None
    if head.lemma_.lower() in cues.source_nouns:
        owner = next(
            (g for c in head.children if c.dep_ == "prep" and c.lower_ in {"for", "from",
             "of", "by"} for g in c.children if g.dep_ == "pobj"), None,
        )  # fmt: skip
    mention = article.mention_at(owner if owner is not None else head)
    if mention is None and owner is None:
        parts = [c for c in head.children if c.dep_ in NAME_PARTS]
        named = [m for m in (article.mention_at(c) for c in parts) if m is not None]
        people = [m for m in named if actors[m.actor_id].kind == "person"]
        mention = (people or named)[0] if named else None
    if mention is None:
        return Speaker(text, None, text, words[0], words[1])
    actor = actors[mention.actor_id]
    if owner is not None:  # "a spokesman for the State Department"
        words = (words[0], max(words[1], end_of(owner.right_edge)))
        text = article.text[words[0] : words[1]]
    elif mention.start <= head.idx < mention.end:
        text, words = mention.text, (mention.start, mention.end)
    return Speaker(actor.name, actor.id, text, words[0], words[1])


def _antecedent(article: Article, pronoun: Token, kinds: tuple[str, ...]) -> Speaker:
    """The nearest mention of a fitting kind before the pronoun in its paragraph,
    outside quotes; the pronoun itself (no actor) when there is none."""
    span = (pronoun.idx, end_of(pronoun))
    start, _ = article.paragraph(pronoun.idx)
    best: Mention | None = None
    for mention in article.mentions_starting(start, pronoun.idx):
        if mention.end > pronoun.idx or article.quoted(mention.start):
            continue
        if article.actors[mention.actor_id].kind not in kinds:
            continue
        if best is None or (mention.end, mention.end - mention.start) >= (
            best.end, best.end - best.start,
        ):  # fmt: skip
            best = mention
    if best is None:
        return Speaker(pronoun.text, None, pronoun.text, *span)
    actor = article.actors[best.actor_id]
    return Speaker(actor.name, actor.id, pronoun.text, *span)


def _phrase(head: Token) -> tuple[int, int]:
    """The characters of a speaker's noun phrase: its words up to the head (back to any
    punctuation, so "Gonzalez, Biden's adviser" keeps to "Gonzalez") and the names right
    after it ("said Christopher Sabatini")."""
    doc = head.doc
    first = head.i
    while first > head.left_edge.i and not (doc[first - 1].is_punct or doc[first - 1].is_space):
        first -= 1
    last = head.i
    while last + 1 < len(doc) and doc[last + 1].head == head and doc[last + 1].dep_ in NAME_PARTS:
        last += 1
    return doc[first].idx, end_of(doc[last])
