"""Date references read straight from article texts, without a store or a parser.

The scorer needs the time expressions of a few thousand articles and nothing else, so it
runs the rule-based tagger alone (no spaCy parse: weekdays and months without a year then
point back from the publication date, as they mostly do in news). Each article's
references are the day- and month-precise dates its expressions resolve to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .salience import Published
from .t17 import Article

#: Expression types that can name a calendar day or month ("on Tuesday", "Tuesday night").
_DATED_TYPES = {"DATE", "TIME"}


@dataclass(frozen=True, slots=True)
class TaggedArticle:
    article: Article
    references: tuple[str, ...]  # ISO days and months its time expressions name


def references_in(text: str, published: str | None) -> list[str]:
    """The days ("2010-01-12") and months ("2010-01") that ``text`` refers to."""
    from ..temporal import tag_timexes

    found = []
    for timex in tag_timexes(text, published, None):
        if timex.type not in _DATED_TYPES or not timex.earliest:
            continue
        if timex.precision == "day":
            found.append(timex.earliest)
        elif timex.precision == "month":
            found.append(timex.earliest[:7])
    return found


def tag_articles(
    articles: Iterable[Article], progress: Callable[[], None] | None = None
) -> list[TaggedArticle]:
    tagged = []
    for article in articles:
        refs = references_in(article.text, article.published.isoformat())
        tagged.append(TaggedArticle(article, tuple(refs)))
        if progress:
            progress()
    return tagged


def salience_inputs(
    tagged: Sequence[TaggedArticle],
) -> tuple[list[tuple[str, str]], dict[str, Published]]:
    """(article, date) references and publication days, as ``date_salience`` takes them."""
    references = [(t.article.id, key) for t in tagged for key in t.references]
    published: dict[str, Published] = {
        t.article.id: (t.article.published, t.article.published) for t in tagged
    }
    return references, published
