"""Events: extraction from the dependency parse, PLOVER typing, modality, attribution.

Lexicons and cue words are data files under events/data (see events/lexicon.py).
"""

from dateline.events.extract import extract_events
from dateline.events.lexicon import load_lexicon, plover_info
from dateline.events.modality import modality_of

__all__ = ["extract_events", "load_lexicon", "modality_of", "plover_info"]
