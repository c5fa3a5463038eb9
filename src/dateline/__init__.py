"""dateline: news articles in, a sourced and dated record of events out."""

__version__ = "0.1.0"
