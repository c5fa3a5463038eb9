"""Article text with its spans marked inline: actors, time expressions, event triggers.

The text is untrusted. It is cut at every span boundary and each piece is escaped here;
the only markup emitted is our own ``<mark>``/``<a>``/``<span>`` tags with escaped
attribute values, so nothing in an article can open a tag or an attribute.

Spans may overlap (a trigger inside an actor mention, a date inside a sentence); the
pieces between boundaries carry every span that covers them, so no tags need nesting.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from markupsafe import Markup


@dataclass(slots=True, frozen=True)
class Span:
    """A stretch of text to mark: ``kind`` becomes the class ``hl-<kind>``, ``title`` the
    tooltip, ``href`` a link (the first linked span covering a piece wins)."""

    start: int
    end: int
    kind: str
    title: str = ""
    href: str | None = None


def highlight(
    text: str,
    spans: Sequence[Span],
    *,
    start: int = 0,
    end: int | None = None,
    anchors: Iterable[int] = (),
) -> Markup:
    """``text[start:end]`` as HTML with ``spans`` (offsets into the whole text) marked.

    Every span start, and every offset in ``anchors``, gets an element with the id
    ``span-<offset>`` so ``#span-<offset>`` links land on it.
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, end))
    inside = [s for s in spans if s.start < s.end and s.end > start and s.start < end]
    anchor_at = {s.start for s in inside if s.start >= start} | {
        a for a in anchors if start <= a < end
    }
    cuts = sorted({start, end} | anchor_at | {max(start, s.start) for s in inside}
                  | {min(end, s.end) for s in inside})  # fmt: skip
    out: list[str] = []
    for left, right in pairwise(cuts):
        if left in anchor_at:
            out.append(f'<span class="anchor" id="span-{left}"></span>')
        piece = escape(text[left:right], quote=False)
        covering = [s for s in inside if s.start <= left and s.end >= right]
        out.append(_wrap(piece, covering) if covering else piece)
    return Markup("".join(out))


def _wrap(piece: str, covering: list[Span]) -> str:
    kinds = list(dict.fromkeys(f"hl-{s.kind}" for s in covering))
    classes = escape(" ".join(["hl", *kinds]))
    title = escape(" · ".join(dict.fromkeys(s.title for s in covering if s.title)))
    href = next((s.href for s in covering if s.href), None)
    if href is not None:
        return f'<a class="{classes}" href="{escape(href)}" title="{title}">{piece}</a>'
    return f'<mark class="{classes}" title="{title}">{piece}</mark>'
