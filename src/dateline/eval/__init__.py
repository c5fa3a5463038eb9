"""Scorers that measure dateline against gold data and print the figures."""
