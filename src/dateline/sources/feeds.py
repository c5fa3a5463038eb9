"""RSS and Atom feeds: each entry is a document, its HTML read like any other page.

The feed is parsed from bytes already read (never from a path or URL: feedparser fetches
a string that looks like a URL), after xmlsafe has refused entity declarations. An entry's
text comes from its full content when the feed carries it, else its summary, through
dateline.extract; its title, link, author and date come from the feed, which knows them
better than a fragment of markup does.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from dateline.model import RawDocument
from dateline.sources.base import HTML_TYPES, Limits, ReadError, readers, sniffers
from dateline.sources.decode import normalise_newlines, read_bytes

#: Root elements of RSS 0.9x/2.0 (rss), RSS 1.0 (rdf:RDF) and Atom (feed).
_FEED_ROOTS = frozenset({b"rss", b"rdf", b"feed"})
_SNIFF_BYTES = 4096
_COMMENT = re.compile(rb"<!--.*?(?:-->|$)", re.DOTALL)
#: The first element: "<" and a name, which skips <?xml ...?>, <!DOCTYPE ...> and <!-- -->.
_FIRST_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_TAG = re.compile(r"<[^>]*>")


def feed_root(data: bytes) -> str | None:
    """The local name of the document's first element ("rss", "feed", ...), if any."""
    head = _COMMENT.sub(b"", data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf"))
    match = _FIRST_ELEMENT.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def is_feed(data: bytes) -> bool:
    root = feed_root(data)
    return root is not None and root.encode("ascii") in _FEED_ROOTS


@sniffers.register(".xml")
def is_feed_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return is_feed(handle.read(_SNIFF_BYTES))
    except OSError:
        return True  # let the reader report what is wrong with it


@readers.register(".rss", ".atom", ".xml")
def read_feed(path: Path, limits: Limits) -> Iterator[RawDocument]:
    data = read_bytes(path, limits)
    if path.suffix.lower() == ".xml" and not is_feed(data):
        root = feed_root(data)
        found = f"its root element is <{root}>" if root else "no root element found"
        raise ReadError(f"XML file is not an RSS or Atom feed ({found})")
    yield from feed_documents(data, str(path))


def feed_documents(data: bytes, source: str, url: str | None = None) -> Iterator[RawDocument]:
    """One raw document per entry of the feed in ``data``; ``url`` is where it was fetched
    (relative entry links are resolved against it). Raises ReadError for no feed at all."""
    import feedparser

    from dateline.sources.xmlsafe import screen_xml

    screen_xml(data)
    headers = {"content-location": url} if url else {}
    parsed = feedparser.parse(
        io.BytesIO(data), response_headers=headers, sanitize_html=True,
        resolve_relative_uris=False,
    )  # fmt: skip
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom elements"
        raise ReadError(f"not a readable feed: {reason}")
    publisher = _plain(parsed.feed, "title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{number}"
        try:
            yield _entry_document(entry, where, publisher)
        except Exception as exc:  # one odd entry must not lose the rest of the feed
            yield RawDocument(
                source=where, error=f"feed entry {number}: {type(exc).__name__}: {exc}"
            )


def _entry_document(entry: Any, source: str, publisher: str | None) -> RawDocument:
    from dateline.extract import html_to_raw

    body, media_type = _body(entry)
    if media_type in HTML_TYPES and body:
        raw = html_to_raw(body, source)
    else:  # text/plain content is the text itself; nothing to extract
        text = normalise_newlines(body).strip()
        raw = RawDocument(source=source, text=text, size=len(body.encode("utf-8")))
        raw.published_origin = "unknown"
    published = _published(entry)
    raw.title = _plain(entry, "title") or raw.title
    raw.url = _field(entry, "link") or raw.url
    raw.author = _plain(entry, "author") or raw.author
    raw.publisher = publisher or raw.publisher
    if published:
        raw.published, raw.published_origin = published, "metadata"
    return raw


def _body(entry: Any) -> tuple[str, str]:
    """The entry's fullest text and its media type: content (the whole article, when the
    feed carries it) before summary (often a teaser); ("", "text/plain") when neither."""
    candidates = [c for c in _field(entry, "content") or [] if c.get("value", "").strip()]
    if candidates:
        best = max(candidates, key=lambda c: len(c["value"]))
        return best["value"], (best.get("type") or "text/html").lower()
    summary = _field(entry, "summary") or ""
    if summary.strip():
        detail = _field(entry, "summary_detail") or {}
        return summary, (detail.get("type") or "text/html").lower()
    return "", "text/plain"


def _published(entry: Any) -> str | None:
    """The entry's date in the publisher's own time zone (the day it was written there),
    as ISO 8601; feedparser's parsed dates are shifted to UTC, so they are a fallback."""
    for key in ("published", "updated", "created"):
        written = (_field(entry, key) or "").strip()
        if not written:
            continue
        when = _parse_date(written)
        if when is not None:
            return when.isoformat()
        parsed = _field(entry, f"{key}_parsed")
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
        return written  # normalise_published reads written dates ("Jan 15, 2026")
    return None


def _parse_date(written: str) -> datetime | None:
    try:
        return parsedate_to_datetime(written)  # RSS: RFC 822, "Mon, 15 Jan 2026 ..."
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(written)  # Atom: RFC 3339, "2026-01-15T10:00:00Z"
    except ValueError:
        return None


def _plain(item: Any, key: str) -> str:
    """A title or name as plain text: feeds may declare markup in titles (feedparser has
    already unescaped the plain-text ones, which may hold a literal "<")."""
    value = _field(item, key)
    if not isinstance(value, str):
        return ""
    detail = _field(item, f"{key}_detail") or {}
    if (detail.get("type") or "").lower() in HTML_TYPES:
        value = html.unescape(_TAG.sub(" ", value))
    return " ".join(value.split())


def _field(item: Any, key: str) -> Any:
    """What the feed itself gave for ``key``: plain dict access, past feedparser's aliases
    (asking for a missing "updated" hands back "published", with a DeprecationWarning)."""
    return dict.get(item, key)
