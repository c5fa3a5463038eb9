"""Corpus-level time: what one document leaves open, the others may settle.

Run after each ingest over the whole store, from what it keeps (no parsing):

1. Each clause dated by another event ("five months after the operation to remove
   Maduro") whose anchor has no date in its own document takes the date of another
   document's report of the same happening: a mention of the same type, asserted, with
   a participant in common and words in common with the anchor phrase (beyond the
   participants' names), dated by its text.
2. Each document without a publication date is dated again from its own clues plus the
   events its links now date; the undated mentions in it take that date.

Both steps feed each other (a newly dated document dates nothing else by itself, but a
newly dated anchor can date a clause that dates a document), so they repeat until nothing
changes, at most ``MAX_ROUNDS`` times. New articles change only what they touch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from dateline.model import ActorRef, DateValue, EventMention, TemporalLink
from dateline.store import Store, StoredMention
from dateline.temporal.anchoring import set_publication_date
from dateline.temporal.docdating import event_evidence, infer_published, link_evidence
from dateline.temporal.links import (
    anchor_date_from,
    anchors_in,
    best_anchor_date,
    dated_by_text,
    linked_date,
    set_if_better,
)
from dateline.textnorm import fold

MAX_ROUNDS = 4
_WORD = re.compile(r"[a-z]{4,}")
#: Words too common in news to say that two phrases report the same happening.
COMMON_WORDS = frozenset({
    "that", "this", "with", "from", "have", "been", "were", "their", "which", "after",
    "before", "following", "about", "would", "could", "said", "says", "also", "into",
    "over", "than", "them", "they", "when", "where", "while",
})  # fmt: skip
_ORIGIN_RANK = {"explicit": 3, "relative": 2, "inferred": 1}
#: Mentions whose dates date their document when it reports them as happened.
EVENT_BASES = frozenset({"timex", "role", "corpus", "link"})


@dataclass(slots=True)
class CorpusDating:
    """What a corpus pass changed."""

    links_dated: int = 0
    mentions_redated: int = 0
    documents_dated: int = 0
    rounds: int = 0


def _content_words(text: str, names: Sequence[ActorRef]) -> set[str]:
    excluded = {w for ref in names for w in _WORD.findall(fold(ref.name))}
    return {w for w in _WORD.findall(fold(text)) if w not in COMMON_WORDS | excluded}


def _same_happening(anchor: EventMention, phrase: str, candidate: StoredMention) -> int:
    """Words the anchor phrase and the candidate's sentence share, 0 when they do not
    report the same happening (no shared participant on a side both name)."""
    other = candidate.mention
    for mine, theirs in ((anchor.actors, other.actors), (anchor.recipients, other.recipients)):
        if mine and theirs and not {a.actor_id for a in mine} & {a.actor_id for a in theirs}:
            return 0
    names = [*anchor.actors, *anchor.recipients, *other.actors, *other.recipients]
    return len(_content_words(phrase, names) & _content_words(candidate.sentence, names))


def corpus_anchor_date(
    store: Store, link: TemporalLink, anchors: Sequence[EventMention]
) -> DateValue | None:
    """The date another document gives the happening the link's anchor phrase names."""
    best: tuple[tuple[int, int, int], DateValue] | None = None
    for anchor in anchors:
        participants = sorted({a.actor_id for a in [*anchor.actors, *anchor.recipients]})
        for candidate in store.reports_of(anchor.type, participants, link.doc_id):
            found = candidate.mention.date
            if not dated_by_text(candidate.mention) or found.value is None:
                continue
            shared = _same_happening(anchor, link.anchor_text, candidate)
            if shared == 0:
                continue
            width = _width_days(found)
            key = (shared, _ORIGIN_RANK.get(found.origin, 0), -width)
            if best is None or key > best[0]:
                best = (key, found)
    return replace(best[1], origin="inferred") if best else None


def _width_days(value: DateValue) -> int:
    if value.earliest and value.latest:
        return (date.fromisoformat(value.latest) - date.fromisoformat(value.earliest)).days
    return 10**6


def _anchor_date(
    store: Store, link: TemporalLink, anchors: Sequence[EventMention]
) -> tuple[DateValue | None, bool]:
    """The anchor's best date, and whether it came from another document."""
    own = best_anchor_date(anchors)
    if own is not None and own.origin in {"explicit", "relative"} and own.value:
        return own, False
    other = corpus_anchor_date(store, link, anchors)
    if other is None:
        return own, False
    if own is not None and own.value and _width_days(own) <= _width_days(other):
        return own, False
    return other, True


def _resolve_link(
    store: Store, link: TemporalLink, known: DateValue | None, report: CorpusDating,
    mentions: list[EventMention] | None = None,
) -> bool:  # fmt: skip
    """Date the link and its mentions from the corpus; True when anything changed.
    ``mentions``: those of its document as stored, when read already."""
    mentions = store.document_mentions(link.doc_id) if mentions is None else mentions
    anchors = anchors_in(link, mentions)
    dependent = next((m for m in mentions if m.id == link.dependent_mention), None)
    anchor_date, from_corpus = _anchor_date(store, link, anchors)
    changed: list[EventMention] = []
    if anchor_date is not None and from_corpus:
        changed += [m for m in anchors if set_if_better(m, anchor_date, "corpus")]
    when = linked_date(link, anchor_date) if anchor_date is not None else None
    if dependent is not None and when is not None and set_if_better(dependent, when, "link"):
        changed.append(dependent)
    if dependent is not None and dated_by_text(dependent):
        back = anchor_date_from(link, dependent.date)
        changed += [m for m in anchors if m not in changed and set_if_better(m, back, "link")]
    new_link = when is not None and when != known
    if changed or new_link:
        store.update_dating(mentions=changed, link=(link, when) if new_link and when else None)
        report.mentions_redated += len(changed)
        report.links_dated += int(new_link)
    return bool(changed) or new_link


def _redate_document(
    store: Store, doc_id: str, links: Sequence[tuple[TemporalLink, DateValue | None]],
    read_on: date, report: CorpusDating,
) -> bool:  # fmt: skip
    document = store.document(doc_id)
    if document is None:
        return False
    # Clues from events and links are worked out afresh: their dates may have moved.
    evidence = [
        clue for clue, _ in store.dating_evidence(doc_id) if clue.kind not in {"event", "linked"}
    ]
    all_mentions = store.document_mentions(doc_id)
    evidence += event_evidence(all_mentions, document.text, EVENT_BASES)
    for link, when in links:
        clue = link_evidence(link, when, document.text) if when else None
        if clue is not None:
            evidence.append(clue)
    result = infer_published(evidence, read_on)
    if result.published == document.published:
        return False
    mentions = [m for m in all_mentions if m.date_basis in {None, "publication"}]
    for mention in mentions:
        set_publication_date(mention, result.published)
    used = [any(clue is u for u in result.used) for clue in evidence]
    store.update_dating(mentions=mentions, document=(doc_id, result.published, evidence, used))
    report.documents_dated += 1
    report.mentions_redated += len(mentions)
    return True


def resolve_corpus(store: Store, read_on: date) -> CorpusDating:
    """Re-resolve event-anchored dates and undated documents over the whole store."""
    report = CorpusDating()
    for _ in range(MAX_ROUNDS):
        report.rounds += 1
        changed = False
        # Links come document by document: each document's mentions are read once for
        # its links, and again only after a link changed them.
        read: tuple[str, list[EventMention]] | None = None
        for link, known in store.temporal_links():
            if read is None or read[0] != link.doc_id:
                read = (link.doc_id, store.document_mentions(link.doc_id))
            if _resolve_link(store, link, known, report, read[1]):
                changed, read = True, None
        links_by_doc: dict[str, list[tuple[TemporalLink, DateValue | None]]] = {}
        for link, known in store.temporal_links():
            links_by_doc.setdefault(link.doc_id, []).append((link, known))
        for doc_id in store.documents_to_date():
            changed |= _redate_document(
                store, doc_id, links_by_doc.get(doc_id, []), read_on, report
            )
        if not changed:
            break
    return report
