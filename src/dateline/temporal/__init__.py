"""Time expressions: tagging and normalising them, and dating event mentions by them."""

from dateline.temporal.anchoring import date_event_mentions
from dateline.temporal.published import normalise_published
from dateline.temporal.records import timex_records
from dateline.temporal.tagger import tag_timexes

__all__ = ["date_event_mentions", "normalise_published", "tag_timexes", "timex_records"]
