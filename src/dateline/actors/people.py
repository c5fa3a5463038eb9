"""People within one document: alias clustering and titles.

Clustering is accent- and case-insensitive: "Nicolas Maduro", "Nicolás Maduro" and
"Maduro" are one person. A bare surname joins the full name it ends (or starts) with; a
known person (people.tsv) is found by any alias.

A person's country and sector come from, in this order (the first that gives one wins;
``Attribution.how`` records which):
  1. "title": the title phrase right before the name ("Venezuelan President Nicolás Maduro",
     "CIA Director John Ratcliffe" -> the CIA's country) or an appositive after it
     ("Christopher Sabatini, a senior fellow at Chatham House");
  2. "possessor": a person named in that phrase ("Biden's senior adviser Juan Gonzalez" ->
     Biden's country);
  3. "record": the person's roles in people.tsv;
  4. "sentence" / "document": only for state titles (GOV, MIL, OPP, ...) without a country,
     the most mentioned country of the sentence, else of the document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.actors.kb import Entry, KnowledgeBase, slug
from dateline.nlp import sentence_of
from dateline.textnorm import fold

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
#: Lowercase words that belong to a title phrase ("former President", "interim leader").
TITLE_MODIFIERS = frozenset(
    {"former", "interim", "acting", "senior", "deputy", "vice", "then", "chief", "top",
     "foreign", "defense", "defence", "interior", "finance", "oil", "national", "security",
     "opposition", "special", "longtime", "veteran", "exiled", "ousted", "de", "facto",
     "self-declared", "self-proclaimed", "state", "press", "general", "political", "news"}
)  # fmt: skip
#: Sectors of state actors: a title with one of these but no country takes the context's.
STATE_SECTORS = frozenset({"GOV", "MIL", "OPP", "LEG", "JUD", "COP", "SPY"})


@dataclass(slots=True)
class PersonIndex:
    """Folded names and surnames of the document's people -> person actor id.

    An unknown person's id is made from the name alone ("Ana Torres" -> "person:ana-torres",
    accents and case folded), so the same full name in two documents is one actor. A bare
    surname joins a full name only within the document, and only when one person with
    that surname is named there; a surname no full name explains gets an id of this
    document only ("person:torres@1a2b3c4d"), so two documents' "Torres" never merge.
    """

    keys: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    #: Folded surname -> the ids of the people named in full with it.
    surnames: dict[str, set[str]] = field(default_factory=dict)
    doc_id: str = ""

    def add_known(self, entry: Entry, aliases: Sequence[str]) -> None:
        for alias in [entry.name, *aliases]:
            self._register(alias, entry.actor_id)

    def add_full_name(self, text: str) -> str:
        """Register an unknown name; a shorter form of one person named in full joins it."""
        key = fold(text)
        found = self.find(text)
        if found is not None:
            self._register(text, found)
            return found
        if len(key.split()) > 1:
            actor_id = "person:" + slug(text)
        else:
            scope = self.doc_id.removeprefix("doc_")[:8]
            actor_id = f"person:{slug(text)}@{scope}" if scope else "person:" + slug(text)
        self._register(text, actor_id)
        return actor_id

    def find(self, text: str) -> str | None:
        key = fold(text)
        if key in self.keys:
            return self.keys[key]
        ids = {
            actor_id
            for known, actor_id in self.keys.items()
            if len(known.split()) > 1 and known.endswith(" " + key)
        }
        if len(key.split()) == 1:
            ids |= self.surnames.get(key, set())
        return ids.pop() if len(ids) == 1 else None

    def _register(self, text: str, actor_id: str) -> None:
        key = fold(text)
        words = key.split()
        self.keys.setdefault(key, actor_id)
        self.names.setdefault(actor_id, []).append(text)
        if len(words) > 1:
            # The surname alone ("Ratcliffe") names this person while no other has it.
            self.surnames.setdefault(words[-1], set()).add(actor_id)


def canonical_name(forms: Sequence[str]) -> str:
    """The longest full form; among equals, one with accents ("Nicolás" over "Nicolas")."""
    return max(
        forms,
        key=lambda form: (
            len(form.split()),
            form != form.encode("ascii", "ignore").decode(),
            len(form),
        ),
    )


@dataclass(slots=True)
class Attribution:
    title: str | None = None
    sector: str | None = None
    country: str | None = None
    #: How the country was decided: title, possessor, record, sentence, document.
    how: str | None = None


def title_phrase_start(doc: Doc, name_start: int, kb: KnowledgeBase) -> int:
    """Index of the first token of the title phrase right before a name (or name_start)."""
    start = name_start
    i = name_start - 1
    sentence_start = sentence_of(doc, name_start).start
    while i >= sentence_start:
        token = doc[i]
        word = token.lower_
        if token.is_space or (token.is_punct and token.text not in POSSESSIVES):
            break
        capitalised = token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ")
        if not (capitalised or word in TITLE_MODIFIERS or word in kb.titles
                or token.text in POSSESSIVES):  # fmt: skip
            break
        if token.text not in POSSESSIVES:
            start = i
        i -= 1
    return start


def best_title(words: Sequence[str], kb: KnowledgeBase) -> tuple[str, str] | None:
    """The longest (then rightmost) title in a word sequence, with its sector."""
    lowered = [word.lower() for word in words]
    for size in range(min(kb.max_title_words, len(lowered)), 0, -1):
        for begin in range(len(lowered) - size, -1, -1):
            phrase = " ".join(lowered[begin : begin + size])
            if phrase in kb.titles:
                return " ".join(words[begin : begin + size]), kb.titles[phrase]
    return None


def appositive(token: Token) -> Token | None:
    """The head of an appositive after a name ("Sabatini, a senior fellow ...")."""
    for child in token.rights:
        if child.dep_ == "appos":
            return child
    return None


def attribute_person(
    doc: Doc,
    name_start: int,
    name_end: int,
    kb: KnowledgeBase,
    countries_in: Callable[[int, int], list[tuple[str, str]]],
) -> Attribution:
    """Title, sector and country of the person named by doc[name_start:name_end].

    ``countries_in(start_char, end_char)`` gives (country, source kind) of the actors
    mentioned in a character range; source kind is "person" for a person's country.
    """
    result = Attribution()
    phrase_start = title_phrase_start(doc, name_start, kb)
    ranges: list[tuple[int, int]] = []
    if phrase_start < name_start:
        words = [t.text for t in doc[phrase_start:name_start] if t.text not in POSSESSIVES]
        found = best_title(words, kb)
        if found:
            result.title = doc[phrase_start:name_start].text.rstrip("'’s ").strip()
            result.sector = found[1]
        ranges.append((doc[phrase_start].idx, doc[name_start].idx))
    head = doc[name_start:name_end].root
    apposed = appositive(head)
    if apposed is not None:
        words = [t.text for t in doc[apposed.left_edge.i : apposed.i + 1]]
        found = best_title(words, kb)
        if found:
            result.title = result.title or found[0]
            result.sector = result.sector or found[1]
            subtree = doc[apposed.left_edge.i : apposed.right_edge.i + 1]
            ranges.append((subtree.start_char, subtree.end_char))
    for start_char, end_char in ranges:
        by_kind = countries_in(start_char, end_char)
        for country, source in by_kind:
            if source != "person":
                result.country, result.how = country, "title"
                return result
        for country, _source in by_kind:
            result.country, result.how = country, "possessor"
            return result
    return result
