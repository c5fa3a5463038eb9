"""URL lists (.urls): one URL per line, ``#`` starts a comment; each is fetched politely.

This is the only reader that goes on the network, and only because the user handed it a
list of URLs to fetch (see dateline.sources.fetch for how). An HTML page becomes one
document through dateline.extract, a feed one document per entry through the feed reader.
Each URL that cannot be had (not a URL, robots.txt says no, HTTP error, timeout, too large,
not a page) becomes an error record and the list goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from dateline.model import RawDocument
from dateline.sources.base import HTML_TYPES, Limits, ReadError, readers
from dateline.sources.decode import decode_bytes, read_bytes
from dateline.sources.feeds import feed_documents, is_feed

_COMMENT = re.compile(r"(?:^|\s)#")
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
#: Types a feed is also served as; then the document itself says whether it is one.
_XML_TYPES = frozenset({"application/xml", "text/xml", ""})


@readers.register(".urls")
def read_url_list(path: Path, limits: Limits) -> Iterator[RawDocument]:
    # Imported here: httpx is only needed when the user asks for fetching.
    from dateline.sources.fetch import Fetcher, FetchError

    entries = url_lines(decode_bytes(read_bytes(path, limits)))
    with Fetcher(limits.fetch, limits.max_bytes) as fetcher:
        for number, url in entries:
            try:
                fetched = fetcher.fetch(url)
            except FetchError as exc:
                source = url if " " not in url else f"{path}#{number}"
                yield RawDocument(source=source, url=url, error=f"line {number}: {exc}")
                continue
            yield from _documents(url, fetched.url, fetched.media_type, fetched.body)


def url_lines(text: str) -> list[tuple[int, str]]:
    """(line number, URL) for each line that is not blank or a comment. A comment starts a
    line or follows a space ("#" inside a URL is its fragment, not a comment)."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        url = _COMMENT.split(line.strip(), maxsplit=1)[0].strip()
        if url:
            entries.append((number, url))
    return entries


def _documents(source: str, url: str, media_type: str, body: bytes) -> Iterator[RawDocument]:
    from dateline.extract import html_to_raw

    if media_type in _FEED_TYPES or (media_type in _XML_TYPES and is_feed(body)):
        try:
            yield from feed_documents(body, source, url)
        except ReadError as exc:
            yield RawDocument(source=source, url=url, error=str(exc), size=len(body))
    elif media_type in HTML_TYPES or media_type == "":
        raw = html_to_raw(body, source)
        raw.url = url  # where it was fetched from, as a WARC record's target
        yield raw
    else:
        reason = f"not a page or feed (Content-Type {media_type!r})"
        yield RawDocument(source=source, url=url, error=reason, size=len(body))
