"""HTML → main text + metadata, offline: nothing is ever fetched.

trafilatura finds the main text; when it finds nothing (very short or unusual pages) a
simpler lxml extractor keeps the article's paragraphs and drops scripts, navigation and
other page furniture. Metadata comes from the page's own tags; the
publication date from htmldate, looking only at markup (original date, not updates).
"""

from __future__ import annotations

import copy
import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from dateline.model import RawDocument
from dateline.sources.base import ReadError
from dateline.sources.decode import decode_bytes

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_FURNITURE = ("script", "style", "noscript", "template", "head", "nav", "header", "footer",
              "aside", "form", "iframe", "svg", "button", "select")  # fmt: skip
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
                     "td", "th", "dd", "dt", "figcaption"})  # fmt: skip
_LOWER = "translate(@{0}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_META = f"//meta[{_LOWER.format('name')} = $key or {_LOWER.format('property')} = $key]"


def html_to_raw(data: bytes | str, source: str) -> RawDocument:
    """A raw document from an HTML page: extracted text, title, author, publisher, url, date."""
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8"))
    try:
        page = decode_bytes(data) if isinstance(data, bytes) else data
    except ReadError as exc:
        return RawDocument(source=source, error=str(exc), size=size)
    page = _XML_DECLARATION.sub("", page, count=1)  # lxml refuses str with an encoding
    try:
        tree = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):  # empty or not HTML at all
        return RawDocument(source=source, text="", size=size)
    meta = _metadata(tree)
    published = _publication_date(copy.deepcopy(tree))
    extracted = _trafilatura_extract(page)
    text = extracted.get("text") or _main_text(tree)
    return RawDocument(
        source=source,
        text=text,
        title=extracted.get("title") or meta["title"],
        url=meta["url"] or extracted.get("url"),
        publisher=extracted.get("sitename") or meta["publisher"],
        author=extracted.get("author") or meta["author"],
        published=published,
        published_origin="metadata" if published else "unknown",
        size=size,
    )


def _trafilatura_extract(page: str) -> dict[str, Any]:
    document = trafilatura.bare_extraction(
        page, url=None, with_metadata=True, include_comments=False, include_tables=True
    )
    if document is None:
        return {}
    return document if isinstance(document, dict) else dict(document.as_dict())


def _publication_date(tree: Any) -> str | None:
    from htmldate import find_date

    try:
        # A parsed tree, never a string: htmldate downloads strings that look like URLs.
        found = find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # a date is optional; a quirky page must not lose its text
        return None
    return str(found) if found else None


def _metadata(tree: Any) -> dict[str, str | None]:
    author = _meta(tree, "author", "article:author", "dc.creator", "byl")
    if author and author.lower().startswith(("http://", "https://")):
        author = None  # article:author is often a profile URL, not a name
    if author and author.lower().startswith("by "):
        author = author[3:].strip()
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    return {
        "title": _meta(tree, "og:title", "twitter:title")
        or _first_text(tree, "//title")
        or _first_text(tree, "//h1"),
        "author": author,
        "url": (canonical[0].strip() if canonical else None) or _meta(tree, "og:url"),
        "publisher": _meta(tree, "og:site_name", "publisher", "dc.publisher"),
    }


def _meta(tree: Any, *keys: str) -> str | None:
    for key in keys:
        for element in tree.xpath(_META, key=key):
            content = (element.get("content") or "").strip()
            if content:
                return content
    return None


def _first_text(tree: Any, path: str) -> str | None:
    for element in tree.xpath(path):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def _main_text(tree: Any) -> str:
    """Paragraph-level text of the article (or main, or body), one block per line."""
    for element in list(tree.iter(*_FURNITURE)):
        element.drop_tree()
    candidates = tree.xpath("//article") or tree.xpath("//main | //*[@role='main']")
    root = max(candidates, key=lambda e: len(e.text_content())) if candidates else tree
    lines = [
        " ".join(element.text_content().split())
        for element in root.iter(*_BLOCKS)
        if not any(a.tag in _BLOCKS for a in element.iterancestors())
    ]
    lines = [line for line in lines if line] or [" ".join(root.text_content().split())]
    return "\n".join(lines)
