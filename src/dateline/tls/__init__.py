"""Timeline summarisation: which dates of a story matter most, and what to say about them.

``salience`` scores dates from the corpus (references across articles, publications,
events); ``sentences`` picks each chosen date's most central sentences; ``evaluate``
measures date selection on Timeline17 with the news-tls protocol.
"""

from .salience import WEIGHTS, DateSalience, Weights, date_salience, pubcount, top_dates
from .sentences import Candidate, SummarySentence, pick_sentences

__all__ = [
    "WEIGHTS",
    "Candidate",
    "DateSalience",
    "SummarySentence",
    "Weights",
    "date_salience",
    "pick_sentences",
    "pubcount",
    "top_dates",
]
