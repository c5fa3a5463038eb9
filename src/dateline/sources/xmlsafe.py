"""Screening feed XML before feedparser sees it: no entity declarations, no external refs.

feedparser strips most entity declarations itself and asks expat not to load external
ones, but it keeps "safe" ones and its prolog scan can be fooled (an entity value holding
``<b`` ends its scan early, leaving later declarations to expat). News feeds have no need
of entities beyond the predefined ones and character references, so a feed declaring any
is refused outright rather than expanded with care.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring

from dateline.sources.base import ReadError

ENTITIES = "feed declares XML entities (refused: entity expansion is unsafe)"
EXTERNAL = "feed refers to external XML entities (refused)"
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


def screen_xml(data: bytes) -> None:
    """Return if ``data`` is safe to give feedparser, else raise ReadError saying why."""
    try:
        # A well-formed document is checked exactly: expat reports every declaration.
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as exc:
        raise ReadError(ENTITIES) from exc
    except ExternalReferenceForbidden as exc:
        raise ReadError(EXTERNAL) from exc
    except DefusedXmlException as exc:
        raise ReadError(f"feed refused: {exc}") from exc
    except (ParseError, ValueError):
        # Malformed XML (common in feeds: a bare "&", a bad encoding label) goes to
        # feedparser's lenient parser. expat may have stopped before the doctype ended,
        # so declarations past that point went unchecked: refuse any that appear at all.
        if _ENTITY_DECLARATION.search(data):
            raise ReadError(ENTITIES) from None
