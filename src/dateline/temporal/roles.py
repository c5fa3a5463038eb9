"""Dating by the roles people hold, as the actor knowledge base records them.

Two uses. An event that ends a role ("the operation that removed President Maduro",
"Maduro's ouster") happened on the day the knowledge base says that role ended, when the
text leaves it undated. And a text that calls someone "former President" was written after
that role ended, one that presents "President Trump" or "the Biden administration" as
current was written while the role was held: clues for dating an undated document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from dateline.actors.kb import load_kb
from dateline.actors.people import POSSESSIVES, best_title, title_phrase_start
from dateline.model import Actor, DateValue, DatingEvidence, EventMention, Mention, Role
from dateline.nlp import sentence_of
from dateline.temporal.anchoring import trigger_token
from dateline.temporal.dating_lexicon import load_dating_lexicon
from dateline.temporal.intervals import DayRange, iso_ranges, of_value, parse_day
from dateline.temporal.links import dated_by_text
from dateline.temporal.tense import governing_verb


def _title_words(doc: Doc, name: Span) -> list[str]:
    start = title_phrase_start(doc, name.start, load_kb())
    return [t.text for t in doc[start : name.start] if t.text not in POSSESSIVES]


def _matching(roles: Iterable[Role], title: str | None) -> list[Role]:
    """Roles whose title begins with the title the text uses ("president" → "President
    of Venezuela", not "Vice President of Venezuela")."""
    if not title:
        return []
    wanted = title.lower()
    return [role for role in roles if role.title.lower().startswith(wanted)]


def _name_span(doc: Doc, mention: Mention) -> Span | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _role_people(mention: EventMention, doc: Doc) -> list[str]:
    """Actor ids whose role the mention's event ends, by its trigger's lemma."""
    lexicon = load_dating_lexicon()
    token = trigger_token(doc, mention)
    if token is None or mention.modality != "asserted":
        return []
    lemma = token.lemma_.lower()
    if lemma in lexicon.ends_role_of_recipient or token.lower_ in lexicon.ends_role_of_recipient:
        return [ref.actor_id for ref in mention.recipients]
    if lemma in lexicon.ends_role_of_actor:
        return [ref.actor_id for ref in mention.actors]
    return []


def _within(day: date, value: DateValue) -> bool:
    (first, last), *_ = of_value(value)
    return (first is None or first <= day) and (last is None or day <= last)


def date_role_changes(
    doc: Doc, event_mentions: Sequence[EventMention], mentions: Sequence[Mention],
    actors: dict[str, Actor],
) -> int:  # fmt: skip
    """Date undated events that end a recorded role; returns how many were dated."""
    dated = 0
    for event in event_mentions:
        if dated_by_text(event) and event.date.value is not None:
            continue
        for actor_id in _role_people(event, doc):
            actor = actors.get(actor_id)
            if actor is None or actor.kind != "person":
                continue
            ended = [role for role in actor.roles if role.end]
            named = _title_in_sentence(doc, event, actor_id, mentions)
            # The title the text gives, else a government role ("Saddam's ouster" ended his
            # rule in 2003, not his later life as a defendant), else any.
            governing = [role for role in ended if role.sector == "GOV"]
            chosen = _matching(ended, named) or governing or ended
            # A report cannot be of a change after its publication date.
            bounds = event.date if dated_by_text(event) else DateValue(latest=event.date.latest)
            days = [d for role in chosen if (d := parse_day(role.end)) and _within(d, bounds)]
            if not days:
                continue
            day = max(days).isoformat()
            event.date = DateValue(day, day, day, "day", "inferred")
            event.date_basis = "role"
            event.date_span = None
            dated += 1
            break
    return dated


def _title_in_sentence(
    doc: Doc, event: EventMention, actor_id: str, mentions: Sequence[Mention]
) -> str | None:
    for mention in mentions:
        if mention.actor_id != actor_id:
            continue
        if not event.sentence_start <= mention.start < event.sentence_end:
            continue
        name = _name_span(doc, mention)
        if name is not None:
            found = best_title(_title_words(doc, name), load_kb())
            if found:
                return found[0]
    return None


def _government_word(doc: Doc, name: Span, words: Sequence[str]) -> bool:
    """ "the Trump administration", "Maduro's government", "under Biden"."""
    lexicon = load_dating_lexicon()
    after = doc[name.end : name.end + 2]
    nouns = [t.lower_ for t in after if t.text not in POSSESSIVES]
    if nouns and nouns[0] in lexicon.government_nouns:
        return True
    before = title_phrase_start(doc, name.start, load_kb()) - 1
    return before >= 0 and doc[before].lower_ in lexicon.government_prepositions and not words


def _role_ranges(roles: Iterable[Role]) -> list[DayRange]:
    """The recorded periods of the roles (a title learned from the text has none)."""
    return [(parse_day(role.start), parse_day(role.end)) for role in roles if role.start]


def told_as_past(token: Token) -> bool:
    """A simple-past clause ("President Obama signed"): its titles are of that time. The
    present perfect ("under President Trump has intensified") reports from now."""
    verb = governing_verb(token)
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lemma_ == "have" and a.tag_ in {"VBZ", "VBP"} for a in auxiliaries):
        return False
    return "VBD" in {verb.tag_, *(a.tag_ for a in auxiliaries)}


def role_evidence(
    doc: Doc, mentions: Sequence[Mention], actors: dict[str, Actor],
    event_mentions: Sequence[EventMention],
) -> list[DatingEvidence]:  # fmt: skip
    """What the roles the text gives people say about when it was written."""
    lexicon = load_dating_lexicon()
    kb = load_kb()
    # A title on the person an event removes is the title of the time of that event.
    removed = {
        (event.sentence_start, actor_id)
        for event in event_mentions
        for actor_id in _role_people(event, doc)
    }
    evidence: list[DatingEvidence] = []
    seen: set[tuple[str, str]] = set()
    for mention in mentions:
        actor = actors.get(mention.actor_id)
        name = _name_span(doc, mention)
        if actor is None or actor.kind != "person" or not actor.roles or name is None:
            continue
        sentence_start = sentence_of(doc, name.start).start_char
        if (sentence_start, actor.id) in removed:
            continue
        words = _title_words(doc, name)
        lowered = {w.lower().rstrip("-") for w in words}
        if lowered & {w.rstrip("-") for w in lexicon.then}:
            continue
        found = best_title(words, kb)
        title = found[0] if found else None
        matching = _matching(actor.roles, title)
        kind: str | None = None
        ranges: list[DayRange] = []
        if lowered & {w.rstrip("-") for w in lexicon.former}:
            ends = [d for role in matching if (d := parse_day(role.end))]
            if ends:
                kind, ranges = "former", [(max(ends) + timedelta(days=1), None)]
        elif not told_as_past(name.root):
            if _role_ranges(matching):
                kind, ranges = "holder", _role_ranges(matching)
            elif title is None and _government_word(doc, name, words):
                heads = [r for r in actor.roles if r.title.lower().startswith(lexicon.head_titles)]
                if _role_ranges(heads):
                    kind, ranges = "holder", _role_ranges(heads)
        if kind is None:
            continue
        key = (kind, repr(ranges))
        if key in seen:
            continue
        seen.add(key)
        phrase = doc[title_phrase_start(doc, name.start, kb) : name.end]
        evidence.append(
            DatingEvidence(kind, phrase.text, phrase.start_char, phrase.end_char,
                           iso_ranges(ranges))
        )  # fmt: skip
    return evidence
