"""Roles learned from the text: a title said before a person's name, dated by the document.

The resolver records the title phrase it finds ("interim leader Delcy Rodríguez",
"Venezuelan opposition leader ...", "former President Nicolás Maduro") as a role without a
period, marked with the document's id in ``Role.sources``. Once the document's publication
date is final, ``learn_roles`` turns each into an observation (see ``dateline.model.Role``):

- a title presented as held: the role was held on or around the publication date, so
  ``seen_from``/``seen_to`` are the date's earliest and latest bounds (not a start or end);
- a "former" title: the role had ended by the date, so ``ended_by`` is its latest bound;
- a "then-" title: held at some earlier time the document does not give; no bound.

The title is cleaned of those words, of a leading country ("Venezuelan", "U.S.") and of a
possessor ("Biden's"): "Venezuelan President" becomes "President" of VEN. A cleaned title
that names one of the knowledge base's roles of the person ("President" of VEN and
"President of Venezuela") adds its observation to that role instead of a new one; the
knowledge base's ``start``/``end`` are never changed, and an observation that contradicts
them (held after the recorded end, "former" before it) keeps only its source. Titles of one
document with the same cleaned title and country become one role.
"""

from __future__ import annotations

from dateline.actors.kb import KnowledgeBase, load_kb
from dateline.model import Actor, DateValue, Role
from dateline.textnorm import fold

#: Words that make a title one the person no longer holds.
FORMER_WORDS = frozenset({"former", "ex", "ex-", "ousted", "deposed", "onetime", "erstwhile"})
#: Words that put a title at an earlier, unstated time.
PAST_WORDS = frozenset({"then", "then-"})
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")


def learn_roles(actors: dict[str, Actor], published: DateValue, doc_id: str) -> None:
    """Date the titles the resolver read in document ``doc_id`` by its publication date."""
    kb = load_kb()
    for actor in actors.values():
        said = [role for role in actor.roles if _said_here(role, doc_id)]
        if not said:
            continue
        actor.roles = [role for role in actor.roles if not _said_here(role, doc_id)]
        for role in said:
            observed = observation(role, published, doc_id, kb)
            target = _matching_role(actor.roles, observed, kb)
            if target is None:
                actor.roles.append(observed)
            else:
                widen(target, observed)


def _said_here(role: Role, doc_id: str) -> bool:
    """A title the resolver read in this document and that is not dated yet."""
    return (
        role.sources == [doc_id]
        and role.start is None
        and role.end is None
        and role.seen_from is None
        and role.ended_by is None
    )


def observation(role: Role, published: DateValue, doc_id: str, kb: KnowledgeBase) -> Role:
    """The role a title read in a document dated ``published`` shows."""
    words = role.title.split()
    lowered = {word.lower() for word in words}
    title = clean_title(role.title, kb)
    observed = Role(title, role.country, role.sector, sources=[doc_id])
    if lowered & FORMER_WORDS:
        observed.ended_by = published.latest
    elif not lowered & PAST_WORDS:
        observed.seen_from, observed.seen_to = published.earliest, published.latest
    return observed


def clean_title(title: str, kb: KnowledgeBase) -> str:
    """ "former Venezuelan President" -> "President"; "Biden's senior adviser" ->
    "senior adviser"; "CIA Director" stays (an organisation is part of the title)."""
    words = title.split()
    for i in range(len(words) - 1, -1, -1):
        if i < len(words) - 1 and words[i].endswith(POSSESSIVE_ENDINGS):
            words = words[i + 1 :]
            break
    words = [word for word in words if word.lower() not in FORMER_WORDS | PAST_WORDS]
    for size in range(len(words) - 1, 0, -1):
        entry = kb.lookup(" ".join(words[:size]))
        if entry is not None and entry.kind == "country":
            words = words[size:]
            break
    return " ".join(words) or title


def title_key(title: str, country: str | None, kb: KnowledgeBase) -> str:
    """A title's comparison key: folded; "of <its country>" dropped, and the organisation
    it belongs to written one way ("CIA Director" and "Director of the Central Intelligence
    Agency" -> "director@org:cia")."""
    key = fold(title)
    head, of, tail = key.rpartition(" of ")
    if of and head:
        entry = kb.lookup(tail)
        if entry is not None and entry.kind == "country" and entry.country == country:
            return head
        if entry is not None and entry.kind == "organisation":
            return f"{head}@{entry.actor_id}"
    words = title.split()
    for size in range(len(words) - 1, 0, -1):
        entry = kb.lookup(" ".join(words[:size]))
        if entry is not None and entry.kind == "organisation":
            return f"{fold(' '.join(words[size:]))}@{entry.actor_id}"
    return key


def _matching_role(roles: list[Role], observed: Role, kb: KnowledgeBase) -> Role | None:
    """The person's role the observation is about: the same title and country, the one
    whose recorded period agrees with it first."""
    key = title_key(observed.title, observed.country, kb)
    same = [
        role
        for role in roles
        if title_key(role.title, role.country, kb) == key
        and (observed.country is None or role.country in (None, observed.country))
    ]
    agreeing = [role for role in same if _agrees(role, observed)]
    if agreeing:
        return agreeing[0]
    if same:
        # Contradicts the recorded period: the knowledge base wins, only the source stays.
        observed.seen_from = observed.seen_to = observed.ended_by = None
        return same[-1]
    return None


def _agrees(role: Role, observed: Role) -> bool:
    """Whether an observation fits a role's recorded period (open ends fit anything)."""
    if observed.seen_from and observed.seen_to:
        if role.start and observed.seen_to < role.start:
            return False
        if role.end and observed.seen_from > role.end:
            return False
    if observed.ended_by:
        if role.start and observed.ended_by < role.start:
            return False
        if role.end and observed.ended_by < role.end:
            return False
    return True


def widen(role: Role, other: Role) -> None:
    """Add another observation of the same role: the period seen widens, the earliest
    "former" bound wins, the sources add up. The recorded start and end stay."""
    role.seen_from = min(filter(None, [role.seen_from, other.seen_from]), default=None)
    role.seen_to = max(filter(None, [role.seen_to, other.seen_to]), default=None)
    role.ended_by = min(filter(None, [role.ended_by, other.ended_by]), default=None)
    role.sources = list(dict.fromkeys([*role.sources, *other.sources]))
