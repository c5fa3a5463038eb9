"""Time expressions: tagging and normalising them, dating event mentions by them, by
other events and by roles, and dating documents that carry no publication date."""

from dateline.temporal.anchoring import date_event_mentions
from dateline.temporal.corpus import CorpusDating, resolve_corpus
from dateline.temporal.docdating import date_in_document
from dateline.temporal.published import normalise_published
from dateline.temporal.records import timex_records
from dateline.temporal.tagger import tag_timexes

__all__ = [
    "CorpusDating",
    "date_event_mentions",
    "date_in_document",
    "normalise_published",
    "resolve_corpus",
    "tag_timexes",
    "timex_records",
]
