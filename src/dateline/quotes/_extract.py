"""The quotes of a parsed document: its direct quotes, then the reported clauses that are
not quoted words already, each with its speaker and the actors it is about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from ..model import Actor, DateValue, Mention, Quote, QuoteKind
from ._article import Article
from ._direct import direct_quotes
from ._indirect import indirect_quotes
from ._speakers import Cue, Speaker


def extract_quotes(
    doc: Doc,
    doc_id: str,
    mentions: Sequence[Mention],
    actors: dict[str, Actor],
    published: DateValue | None = None,
) -> list[Quote]:
    """Direct and indirect quotes of a parsed document, in text order."""
    article = Article(doc, doc_id, mentions, actors, published or DateValue())
    found: dict[tuple[int, int], Quote] = {}
    for start, end, cue in direct_quotes(article):
        if (start, end) not in found:
            found[start, end] = _quote(article, start, end, "direct", cue)
    direct = list(found)
    for start, end, cue, cue_words in indirect_quotes(article):
        if _mostly_inside(start, end, direct):
            continue  # the clause is quoted words: a direct quote already
        if (start, end) not in found:
            found[start, end] = _quote(article, start, end, "indirect", cue, cue_words)
    return sorted(found.values(), key=lambda q: (q.start, q.end))


def _quote(
    article: Article,
    start: int,
    end: int,
    kind: QuoteKind,
    cue: Cue | None,
    cue_words: tuple[int, int] | None = None,
) -> Quote:
    """A Quote of ``text[start:end]``; ``cue_words`` (a source phrase and its noun
    inside the sentence it attributes) are left out of what the quote is about."""
    speaker = cue.speaker if cue else Speaker()
    return Quote(
        doc_id=article.doc_id, start=start, end=end, text=article.text[start:end], kind=kind,
        speaker=speaker.name, speaker_actor_id=speaker.actor_id, speaker_text=speaker.text,
        speaker_start=speaker.start, speaker_end=speaker.end,
        cue=cue.word if cue else None, cue_start=cue.start if cue else None,
        cue_end=cue.end if cue else None, date=replace(article.published),
        about=article.about(start, end, cue_words),
    )  # fmt: skip


def _mostly_inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return covered * 2 > end - start
