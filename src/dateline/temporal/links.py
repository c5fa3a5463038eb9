"""Clauses dated by other events: "five months after the operation", "a week before the vote".

``find_links`` reads them off the parse: a signal word ("after", "following", "before",
"ahead of", ...) whose object or clause is an event (the anchor), an optional duration
right before it (the offset), and the event mention whose clause the signal modifies
(the dependent). ``linked_date`` and ``anchor_date_from`` turn a known date of one side
into the date of the other; the per-document pass (``resolve_links``) and the corpus pass
(``temporal.corpus``) both use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from dateline.model import DateValue, EventMention, TemporalLink, Tense, Timex
from dateline.temporal.anchoring import trigger_token
from dateline.temporal.dating_lexicon import load_dating_lexicon
from dateline.temporal.intervals import DayRange, parse_day, shift, to_date_value
from dateline.temporal.tense import FUTURE, PAST, PRESENT, clause_tense, governing_verb

#: "P5M", "P2W", "P10D", "P1Y": whole units a link can count (time units are too fine).
OFFSET = re.compile(r"P(\d+)([YMWD])")
#: Dates a link may be counted from: from the text, not fallbacks to the publication date.
TEXT_ORIGINS = frozenset({"explicit", "relative", "inferred"})
OBJECT_LINKS = ("pobj", "dobj", "pcomp")
ARGUMENT_LINKS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_TENSES: dict[int, Tense] = {PAST: "past", PRESENT: "present", FUTURE: "future"}


def has_text_date(date_value: DateValue) -> bool:
    return date_value.origin in TEXT_ORIGINS and (
        date_value.earliest is not None or date_value.latest is not None
    )


def dated_by_text(mention: EventMention) -> bool:
    """Whether the mention's date comes from what the text says (an expression, another
    report, another event, a role change), not from the publication date."""
    return mention.date_basis not in {None, "publication"} and has_text_date(mention.date)


# -- finding links ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _signal_words() -> re.Pattern[str]:
    """The first words of the signal phrases, to find them in text without walking tokens."""
    firsts = sorted({phrase.split()[0] for phrase in load_dating_lexicon().signals})
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, firsts))})\b", re.IGNORECASE)


def _signal_at(doc: Doc, i: int) -> tuple[str, int] | None:
    """The signal phrase starting at token i and the index of its last token."""
    signals = load_dating_lexicon().signals
    token = doc[i]
    if i + 1 < len(doc):
        pair = f"{token.lower_} {doc[i + 1].lower_}"
        if pair in signals:
            return pair, i + 1
    if token.lower_ in signals and token.dep_ in {"prep", "mark", "advcl", "acl", "advmod"}:
        return token.lower_, i
    return None


def _anchor_span(doc: Doc, first: Token, last: Token) -> Span | None:
    """The anchor phrase: the signal's object ("after [the vote]") or clause ("after [he
    left]")."""
    for child in last.children:
        if child.dep_ in OBJECT_LINKS:
            return doc[child.left_edge.i : child.right_edge.i + 1]
    if first.dep_ == "mark" and first.head.pos_ in {"VERB", "AUX"}:
        clause = first.head
        start = max(clause.left_edge.i, last.i + 1)
        return doc[start : clause.right_edge.i + 1]
    return None


def _offset_before(text: str, signal_start: int, timexes: Sequence[Timex]) -> Timex | None:
    for timex in timexes:
        if timex.type != "DURATION" or timex.end > signal_start:
            continue
        if not text[timex.end : signal_start].strip():
            return timex
    return None


def _covers_date(span: Span, timexes: Sequence[Timex]) -> bool:
    """ "after January 15", "since 2019": the object is a date, not an event."""
    return any(
        t.type in {"DATE", "TIME"} and t.start < span.end_char and t.end > span.start_char
        for t in timexes
    )


def _inside(mention: EventMention, span: Span) -> bool:
    return span.start_char <= mention.trigger_start < span.end_char


def _anchor_mention(span: Span, mentions: Sequence[EventMention]) -> EventMention | None:
    inside = [m for m in mentions if _inside(m, span)]
    if not inside:
        return None
    # The phrase's head word, else a mention that names whom it was done to, else the first.
    root = span.root.idx
    for mention in inside:
        if mention.trigger_start == root:
            return mention
    return next((m for m in inside if m.recipients), inside[0])


#: Letters a noun and a verb must share to be one word's forms ("delivery", "deliver").
STEM_LETTERS = 5


def _stem(token: Token) -> str:
    return token.lemma_.lower()[:STEM_LETTERS]


def _told_before(doc: Doc, anchor: Span, mentions: Sequence[EventMention]) -> EventMention | None:
    """ "Iran delivered drones on May 3. A week before the delivery, ...": an anchor noun
    that names an event told earlier in the text, by its word."""
    if anchor.root.pos_ != "NOUN":
        return None
    stem = _stem(anchor.root)
    for mention in sorted(mentions, key=lambda m: -m.trigger_start):
        if mention.trigger_start >= anchor.start_char:
            continue
        token = trigger_token(doc, mention)
        if token is not None and len(stem) >= 4 and _stem(token) == stem:
            return mention
    return None


def _dependent(
    signal: Token, by_token: dict[int, EventMention], excluded: Span
) -> EventMention | None:
    """The mention whose clause the signal dates: up the tree, then the verbs' arguments."""
    current = signal
    while current.head.i != current.i:
        current = current.head
        if excluded.start <= current.i < excluded.end:
            continue
        if current.i in by_token:
            return by_token[current.i]
        if current.pos_ in {"VERB", "AUX"}:
            for child in current.children:
                if child.dep_ in ARGUMENT_LINKS and child.i in by_token:
                    return by_token[child.i]
    return None


def clause_tense_of(token: Token) -> Tense:
    return _TENSES.get(clause_tense(governing_verb(token)), "unmarked")


def find_links(
    doc: Doc, doc_id: str, timexes: Sequence[Timex], mentions: Sequence[EventMention],
    text: str | None = None,
) -> list[TemporalLink]:  # fmt: skip
    """Every clause of the text dated by an event, with its anchor phrase and offset.

    ``text`` is the parsed text, when the caller has it (spaCy rebuilds ``doc.text`` from
    its tokens on each access, which is slow on long documents)."""
    text = doc.text if text is None else text
    by_token: dict[int, EventMention] = {}
    for mention in mentions:
        token = trigger_token(doc, mention)
        if token is not None:
            by_token.setdefault(token.i, mention)
    links: list[TemporalLink] = []
    after_last = 0
    for match in _signal_words().finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1 or span[0].i < after_last:
            continue
        token = span[0]
        found = _signal_at(doc, token.i)
        if found is None:
            continue
        signal, last_index = found
        first, last = token, doc[last_index]
        after_last = last_index + 1
        anchor = _anchor_span(doc, first, last)
        if anchor is None or _covers_date(anchor, timexes):
            continue
        anchor_mention = _anchor_mention(anchor, mentions) or _told_before(doc, anchor, mentions)
        if anchor_mention is None and anchor.root.pos_ != "NOUN" and anchor.root.pos_ != "VERB":
            continue
        offset_timex = _offset_before(text, first.idx, timexes)
        offset = offset_timex.value if offset_timex else None
        start = offset_timex.start if offset_timex else first.idx
        dependent = _dependent(first, by_token, anchor)
        links.append(
            TemporalLink(
                doc_id=doc_id, start=start, end=last.idx + len(last.text), signal=signal,
                relation="after" if load_dating_lexicon().signals[signal] == "after" else "before",
                anchor_start=anchor.start_char, anchor_end=anchor.end_char,
                anchor_text=anchor.text, offset=offset,
                anchor_mention=anchor_mention.id if anchor_mention else None,
                dependent_mention=dependent.id if dependent else None,
                tense=clause_tense_of(first),
                timex_span=(offset_timex.start, offset_timex.end) if offset_timex else None,
            )
        )  # fmt: skip
        if offset_timex is not None and anchor_mention is not None:
            offset_timex.anchor = f"event:{anchor_mention.id}"
    return links


# -- dating across a link -----------------------------------------------------------------


def _offset_parts(offset: str) -> tuple[int, int, str] | None:
    """(months, days, unit letter) of an offset such as "P5M"; None if it has none."""
    match = OFFSET.fullmatch(offset)
    if not match:
        return None
    count, unit = int(match.group(1)), match.group(2)
    months = {"Y": 12 * count, "M": count}.get(unit, 0)
    days = {"W": 7 * count, "D": count}.get(unit, 0)
    return months, days, unit


def _moved(value: DateValue, offset: str | None, sign: int) -> list[DayRange] | None:
    first, last = parse_day(value.earliest), parse_day(value.latest)
    if offset is None:
        return None
    parts = _offset_parts(offset)
    if parts is None:
        return None
    months, days, unit = parts
    first, last = shift(first, sign * months, sign * days), shift(last, sign * months, sign * days)
    # "Five months after" is as precise as its unit: the whole month it lands in.
    if unit in {"M", "Y"}:
        first = first.replace(day=1) if first else None
        if last is not None:
            last = shift(last.replace(day=1), 1, -1)
        if unit == "Y":
            first = first.replace(month=1) if first else None
            last = last.replace(month=12, day=31) if last else None
    return [(first, last)]


def linked_date(link: TemporalLink, anchor: DateValue) -> DateValue | None:
    """When the dated clause happened, given the anchor event's date."""
    if not has_text_date(anchor):
        return None
    sign = 1 if link.relation == "after" else -1
    moved = _moved(anchor, link.offset, sign)
    if moved is not None:
        return to_date_value(moved, "relative")
    return None


def anchor_date_from(link: TemporalLink, dependent: DateValue) -> DateValue | None:
    """When the anchor event happened, given the dated clause's date: exact with an
    offset; otherwise only a bound ("following the operation, the meeting of January 15"
    puts the operation on or before January 15)."""
    if not has_text_date(dependent):
        return None
    sign = -1 if link.relation == "after" else 1
    moved = _moved(dependent, link.offset, sign)
    if moved is not None:
        return to_date_value(moved, "relative")
    if link.offset is not None and not link.offset.startswith("PX"):
        return None  # an offset in units a date cannot be counted in ("PT48H")
    bound: DayRange
    if link.relation == "after":
        bound = (None, parse_day(dependent.latest))
    else:
        bound = (parse_day(dependent.earliest), None)
    return to_date_value([bound], "relative")


def _better(new: DateValue, mention: EventMention) -> bool:
    """Whether ``new`` should replace the mention's date."""
    old = mention.date
    if old.origin == "explicit":
        return False
    if not dated_by_text(mention):
        return True
    width_new = _width(new)
    return width_new is not None and (_width(old) is None or width_new < (_width(old) or 0))


def _width(value: DateValue) -> int | None:
    first, last = parse_day(value.earliest), parse_day(value.latest)
    return (last - first).days if first and last else None


def set_if_better(mention: EventMention, value: DateValue | None, basis: str) -> bool:
    """Give the mention ``value`` if it dates it better; True if it changed."""
    if value is None or value == mention.date or not _better(value, mention):
        return False
    mention.date = value
    mention.date_basis = basis
    mention.date_span = None
    return True


def resolve_links(
    links: Iterable[TemporalLink], mentions: Sequence[EventMention], rounds: int = 3
) -> int:
    """Date the mentions of one document across its links; returns how many changed."""
    by_id = {m.id: m for m in mentions}
    changed = 0
    for _ in range(rounds):
        before = changed
        for link in links:
            anchors = anchors_in(link, mentions)
            dependent = by_id.get(link.dependent_mention or "")
            best = best_anchor_date(anchors)
            if dependent is not None and best is not None:
                changed += set_if_better(dependent, linked_date(link, best), "link")
            # "the operation to remove Maduro": the phrase's head reports the same happening.
            head = by_id.get(link.anchor_mention or "")
            if head is not None and best is not None and not dated_by_text(head):
                changed += set_if_better(head, best, "coreference")
            if dependent is not None and dated_by_text(dependent):
                for anchor in anchors:
                    value = anchor_date_from(link, dependent.date)
                    changed += set_if_better(anchor, value, "link")
        if changed == before:
            break
    return changed


def anchors_in(link: TemporalLink, mentions: Iterable[EventMention]) -> list[EventMention]:
    """The event mentions coded inside the link's anchor phrase."""
    return [
        m
        for m in mentions
        if link.anchor_start <= m.trigger_start < link.anchor_end or m.id == link.anchor_mention
    ]


def best_anchor_date(anchors: Iterable[EventMention]) -> DateValue | None:
    """The narrowest date from the text among the anchor phrase's mentions."""
    dates = [m.date for m in anchors if dated_by_text(m)]
    return min(dates, key=lambda d: _width(d) or 10**6) if dates else None


def happened(link: TemporalLink, mentions: Sequence[EventMention]) -> DateValue | None:
    """When the linked clause happened, from its anchor mentions in the same document."""
    anchor = best_anchor_date(anchors_in(link, mentions))
    return linked_date(link, anchor) if anchor is not None else None
