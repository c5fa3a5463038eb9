"""Resolve a parsed document's names and agent phrases to actors.

Three passes over the document:
1. a gazetteer scan (longest match over the knowledge base) finds countries, demonyms,
   capitals, organisations and known people, whatever label NER gave them — NER often
   calls "Maduro" an ORG or "Tren de Aragua" a PERSON; hyphenated compounds
   ("U.S.-Venezuelan") are split into their countries;
2. the remaining NER entities become people (clustered by surname, so "Ratcliffe" tagged
   ORG after "John Ratcliffe" is the person) or unknown organisations;
3. agent phrases ("Senior US officials", "the Venezuelan military", "Maduro
   representatives") become country-sector groups; the mention spans the whole phrase.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from dateline.actors.agents import CharRanges, agent_groups
from dateline.actors.kb import Entry, KnowledgeBase, load_kb, slug
from dateline.actors.people import (
    POSSESSIVES,
    STATE_SECTORS,
    PersonIndex,
    attribute_person,
    canonical_name,
)
from dateline.model import Actor, Mention, Role
from dateline.nlp import sentence_bounds, sentence_of, token_columns

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Words NER glues to the front of a name at the start of a question ("Will Rodriguez").
GLUED_WORDS = frozenset(
    {"will", "can", "could", "should", "would", "does", "did", "is", "are", "has", "have",
     "may", "might", "must", "do", "was", "were", "shall", "why", "how", "when", "where"}
)  # fmt: skip
HYPHENS = re.compile(r"[-–]")
#: NER labels that agree with a knowledge-base kind; others are NER slips and replaced.
KIND_LABELS = {
    "country": ("GPE", "NORP", "LOC"),
    "organisation": ("ORG", "FAC"),
    "person": ("PERSON",),
}
#: Prefixes that make a country or person an attitude or a time ("anti-American",
#: "pro-Maduro", "post-Maduro"), not an actor.
ATTITUDE_PREFIXES = frozenset({"anti", "pro", "post", "pre", "non"})


@dataclass(slots=True)
class Name:
    """A name found in the document, before or after it is linked to an actor."""

    start: int  # character offsets into the document text
    end: int
    text: str
    label: str
    entry: Entry | None = None
    first_token: int = -1
    last_token: int = -1  # exclusive
    actor_id: str = ""


def resolve_actors(doc: Doc, doc_id: str) -> tuple[list[Mention], dict[str, Actor]]:
    """Mentions of actors in a parsed document, and the actors they point at."""
    kb = load_kb()
    names, blocked = scan_knowledge_base(doc, kb)
    names += ner_names(doc, kb, names, blocked)
    actors: dict[str, Actor] = {}
    people = PersonIndex(doc_id=doc_id)
    for name in names:
        if name.entry is not None and name.entry.kind == "person":
            aliases = [n.text for n in names if n.entry is name.entry]
            people.add_known(name.entry, aliases)
    for name in sorted(names, key=lambda n: -len(n.text.split())):
        if name.entry is None and len(name.text.split()) > 1 and _plausible_person(name, doc):
            people.add_full_name(name.text)
    linked = [name for name in names if _link(name, doc, people, actors)]
    linked.sort(key=lambda name: name.start)
    _attribute_people(doc, kb, linked, actors, people)
    mentions = [Mention(n.start, n.end, n.text, n.label, n.actor_id, doc_id) for n in linked]
    for group_mention, actor in agent_groups(doc, kb, linked, actors):
        group_mention.doc_id = doc_id
        mentions.append(group_mention)
        actors.setdefault(actor.id, actor)
    for mention in mentions:
        aliases = actors[mention.actor_id].aliases
        if mention.text not in aliases:
            aliases.append(mention.text)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions, actors


def scan_knowledge_base(doc: Doc, kb: KnowledgeBase) -> tuple[list[Name], list[tuple[int, int]]]:
    """Longest knowledge-base matches; also the ranges of regions, which are not actors."""
    ner_label: dict[int, str] = {}
    for ent in doc.ents:
        label = ent.label_
        for k in range(ent.start, ent.end):
            ner_label[k] = label
    columns = token_columns(doc)
    texts, lowers, spaces = columns.text, columns.lower, columns.is_space
    names: list[Name] = []
    blocked: list[tuple[int, int]] = []
    i = 0
    while i < len(texts):
        text = texts[i]
        # Only a word with a capital can start a name ("islower": no capital at all).
        if spaces[i] or lowers[i] == "the" or text.islower() or not any(map(str.isupper, text)):
            i += 1
            continue
        match = None if _after_attitude_prefix(doc, i) else _longest_match(doc, i, kb, ner_label)
        if match is None:
            if HYPHENS.search(text):
                names += _hyphen_parts(doc, i, kb)
            i += 1
            continue
        span, entry = match
        if entry.kind == "person" and len(span) == 1 and _after_unknown_first_name(doc, i, kb):
            first = doc[i - 1]
            whole = doc[i - 1 : i + 1]
            names.append(Name(first.idx, whole.end_char, whole.text, "PERSON", None, i - 1, i + 1))
        elif entry.kind == "region":
            blocked.append((span.start_char, span.end_char))
        else:
            label = _label(entry, ner_label.get(i))
            names.append(
                Name(span.start_char, span.end_char, span.text, label, entry, span.start, span.end)
            )
        i = span.end
    return names, blocked


def _label(entry: Entry, ner_label: str | None) -> str:
    agreeing = KIND_LABELS.get(entry.kind, ("",))
    if ner_label in agreeing:
        return ner_label
    return "NORP" if entry.alias_kind == "demonym" else agreeing[0]


def _after_attitude_prefix(doc: Doc, i: int) -> bool:
    """ "anti-American" split into "anti", "-", "American"."""
    columns = token_columns(doc)
    if i < 2 or columns.text[i - 1] not in ("-", "–") or columns.whitespace[i - 2]:
        return False
    return columns.lower[i - 2] in ATTITUDE_PREFIXES


def _longest_match(
    doc: Doc, i: int, kb: KnowledgeBase, ner_label: dict[int, str]
) -> tuple[Span, Entry] | None:
    columns = token_columns(doc)
    word = columns.text[i]
    longest = max(kb.longest_name_from(word), kb.longest_name_from(word.upper()))
    if not longest:
        return None
    # Up to the longest name starting with this word, plus slack for punctuation tokens;
    # a name never runs over white space (a line break, a double space).
    limit = min(len(doc), i + longest + 3)
    for k in range(i, limit):
        if columns.is_space[k]:
            limit = k
            break
    # The texts of the candidate spans, built up word by word (``columns.span_text``).
    texts, built = [], ""
    for k in range(i, limit):
        texts.append(built + columns.text[k])
        built = texts[-1] + columns.whitespace[k]
    for end in range(limit, i, -1):
        last = columns.text[end - 1]
        if last in POSSESSIVES or columns.is_punct[end - 1]:
            continue
        text = texts[end - i - 1]
        entry = kb.lookup(text)
        if entry is None and end - i == 1:
            written = kb.lookup(text.upper())  # "Us" in a title-case headline is "US"
            if written is not None and is_heading(i, doc):
                entry = written
        if entry is None:
            continue
        if entry.alias_kind == "place" and ner_label.get(i) not in PLACE_LABELS:
            continue  # a city or province name counts only where NER calls it a place
        return doc[i:end], entry
    return None


def _after_unknown_first_name(doc: Doc, i: int, kb: KnowledgeBase) -> bool:
    """ "Ana Machado": a known surname after another first name is someone else."""
    if i == 0:
        return False
    before = doc[i - 1]
    return (
        before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and before.whitespace_ == " "
        and before.lower_ not in kb.titles
        and before.lower_ not in kb.agents
        and kb.lookup(before.text) is None
        and not is_heading(i, doc)
        # A sentence's first word is capitalised anyway ("Understanding Machado's role").
        and (before.i != sentence_of(doc, before.i).start or before.ent_type_ == "PERSON")
    )


def _hyphen_parts(doc: Doc, i: int, kb: KnowledgeBase) -> list[Name]:
    """Countries inside one hyphenated token: "U.S.-Venezuelan" -> USA and VEN."""
    token = doc[i]
    if not HYPHENS.search(token.text):
        return []
    parts: list[Name] = []
    offset = 0
    for part in HYPHENS.split(token.text):
        start = token.idx + offset
        offset += len(part) + 1
        if not part[:1].isupper() or part.lower() in ATTITUDE_PREFIXES:
            return []  # "anti-American", "pro-government": an attitude, not an actor
        entry = kb.lookup(part)
        if entry is not None and entry.kind == "country":
            parts.append(Name(start, start + len(part), part, "GPE", entry))
    return parts


def ner_names(
    doc: Doc, kb: KnowledgeBase, found: list[Name], blocked: list[tuple[int, int]]
) -> list[Name]:
    """NER names the gazetteer did not cover, trimmed of articles, possessives and glue."""
    taken = CharRanges(blocked + [(name.start, name.end) for name in found])
    names: list[Name] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        span = trim(ent)
        while span is not None and ent.label_ == "PERSON" and len(span) > 1:
            first = span[0].lower_  # "Paratrooper Kellie McCoy", "President Donald Trump"
            if first not in kb.titles and first not in kb.agents:
                break
            span = doc[span.start + 1 : span.end]
        if span is None or taken.overlaps(span.start_char, span.end_char):
            continue
        names.append(
            Name(span.start_char, span.end_char, span.text, ent.label_, None, span.start, span.end)
        )
    return names


def trim(ent: Span) -> Span | None:
    """The name inside an entity: no "the", quotes, possessive, glued question word."""
    doc = ent.doc
    start, end = ent.start, ent.end
    for i in range(start, end):
        if doc[i].is_space and "\n" in doc[i].text:
            end = i  # an entity never runs over a line break
            break
    while start < end and (doc[start].is_punct or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].text in POSSESSIVES):  # fmt: skip
        end -= 1
    if end - start > 1 and doc[start].lower_ in GLUED_WORDS:
        start += 1
    return doc[start:end] if end > start else None


def is_heading(token_index: int, doc: Doc) -> bool:
    """A headline or section title: mostly capitalised words, not ending with a full stop.

    Title-case questions count too ("Will a Strike Strengthen or Weaken the Regime?"):
    NER takes their capitalised words for names.
    """
    by_token = doc.user_data.setdefault("dateline_heading_tokens", {})
    found = by_token.get(token_index)
    if found is None:
        start, end = sentence_bounds(doc, token_index)
        cache = doc.user_data.setdefault("dateline_headings", {})
        if start not in cache:
            columns = token_columns(doc)
            text = columns.text
            words = [k for k in range(start, end) if columns.is_alpha[k]][1:]  # first: capital
            last = [k for k in range(start, end) if not columns.is_space[k]][-1]
            capitalised = sum(1 for k in words if text[k][:1].isupper())
            cache[start] = text[last] not in {".", '"', "”"} and capitalised >= 0.6 * max(
                len(words), 1
            )
        found = by_token[token_index] = bool(cache[start])
    return bool(found)


def _plausible_person(name: Name, doc: Doc) -> bool:
    """An unknown PERSON entity that looks like a name: not in a headline, not a plural
    ("Surgical Strikes"), not all lowercase words."""
    tokens = doc[name.first_token : name.last_token]
    return (
        name.label == "PERSON"
        and not is_heading(name.first_token, doc)
        and tokens[-1].tag_ != "NNPS"
        and all(token.text[:1].isupper() or not token.is_alpha for token in tokens)
        and any(token.is_alpha for token in tokens)
    )


def _link(name: Name, doc: Doc, people: PersonIndex, actors: dict[str, Actor]) -> bool:
    """Set the name's actor id and create its actor; False when it names no actor."""
    entry = name.entry
    if entry is not None:
        name.actor_id = entry.actor_id
        if entry.actor_id not in actors:
            kind = "organisation" if entry.kind == "organisation" else entry.kind
            actors[entry.actor_id] = Actor(
                entry.actor_id, entry.name, kind if kind != "region" else "group",
                entry.country, list(entry.sectors), [], [replace(role) for role in entry.roles],
            )  # fmt: skip
        return True
    person_id = people.find(name.text)
    heading = is_heading(name.first_token, doc)
    if person_id is None and _plausible_person(name, doc):
        person_id = people.add_full_name(name.text)
    if person_id is not None:
        name.actor_id, name.label = person_id, "PERSON"
        actors.setdefault(person_id, Actor(person_id, name.text, "person"))
        return True
    if name.label == "ORG" and not heading and any(char.isupper() for char in name.text):
        name.actor_id = "org:" + slug(name.text)
        actors.setdefault(name.actor_id, Actor(name.actor_id, name.text, "organisation"))
        return True
    return False


#: How a person's country was decided, most trusted first (see dateline.actors.people).
HOW_RANK = {"title": 0, "possessor": 1, "record": 2, "sentence": 3, "document": 4}


def _attribute_people(
    doc: Doc,
    kb: KnowledgeBase,
    names: list[Name],
    actors: dict[str, Actor],
    people: PersonIndex,
) -> None:
    """Country, sectors, roles and canonical name of every person actor."""
    decided: dict[str, int] = {
        actor.id: HOW_RANK["record"] for actor in actors.values() if actor.country
    }

    def countries_in(start: int, end: int) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for name in names:
            actor = actors[name.actor_id]
            if start <= name.start and name.end <= end and actor.country:
                found.append((actor.country, "person" if actor.kind == "person" else actor.kind))
        return found

    sentence_counts: dict[int, Counter[str]] = {}
    document_counts: Counter[str] = Counter()
    for name in names:
        actor = actors[name.actor_id]
        if actor.kind == "country" and actor.country:
            sentence = doc.char_span(name.start, name.end, alignment_mode="expand")
            if sentence is not None:
                start = sentence_of(doc, sentence.start).start
                sentence_counts.setdefault(start, Counter())[actor.country] += 1
            document_counts[actor.country] += 1
    context_sector: dict[str, int] = {}
    for name in names:
        actor = actors[name.actor_id]
        if actor.kind != "person" or name.first_token < 0:
            continue
        found = attribute_person(doc, name.first_token, name.last_token, kb, countries_in)
        if found.sector and found.sector not in actor.sectors:
            actor.sectors.insert(0, found.sector)
        if found.title:
            # Marked with the document; ``roles.learn_roles`` dates it once the date is known.
            role = Role(found.title, found.country, found.sector, sources=[people.doc_id])
            if role not in actor.roles:
                actor.roles.append(role)
        if found.country and found.how and HOW_RANK[found.how] < decided.get(actor.id, 9):
            actor.country, decided[actor.id] = found.country, HOW_RANK[found.how]
        if found.sector in STATE_SECTORS:
            context_sector.setdefault(actor.id, sentence_of(doc, name.first_token).start)
    for actor_id, sentence_start in context_sector.items():
        actor = actors[actor_id]
        if actor.country:
            continue
        # A state title without a country: the sentence's country, else the document's.
        counts = sentence_counts.get(sentence_start) or document_counts
        if counts:
            actor.country = counts.most_common(1)[0][0]
    for actor in actors.values():
        for role in actor.roles:
            if role.country is None and role.start is None:
                role.country = actor.country  # a title said in the text: the person's country
        if actor.kind == "person":
            actor.name = canonical_name([actor.name, *people.names.get(actor.id, [])])
