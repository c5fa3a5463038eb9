"""Summary sentences for a date: the most central of the sentences about it.

A date's candidates are the sentences that mention it and those that report its events.
Each distinct sentence becomes a TF-IDF vector (document frequencies counted over the
candidates of every date being summarised, so words every date shares weigh little and
what sets a date apart weighs most); its centrality is its mean cosine to the date's
other candidates (each a report of the date: a sentence naming it or reporting one of its
events; copies in other articles included) — the sentence that says what most reports of
the day say. A second sentence is added only when it says something
the first does not (cosine below ``redundancy``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str
    doc_id: str
    source: str


@dataclass(slots=True)
class SummarySentence:
    text: str
    doc_id: str
    source: str
    articles: int  # distinct articles carrying this sentence
    centrality: float


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = resources.files(__package__).joinpath("data/stopwords.txt").read_text("utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#") and w.isalpha())


def normalise(text: str) -> str:
    return " ".join(text.split())


def terms(text: str) -> Counter[str]:
    stop = stopwords()
    return Counter(w for w in WORD.findall(text.lower()) if len(w) > 1 and w not in stop)


Vector = dict[str, float]


def _vector(counts: Counter[str], idf: Mapping[str, float]) -> Vector:
    raw = {w: (1 + math.log(c)) * idf[w] for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in raw.values()))
    return {w: v / norm for w, v in raw.items()} if norm else {}


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def pick_sentences(
    pools: Mapping[str, Sequence[Candidate]], k: int = 2, redundancy: float = 0.5
) -> dict[str, list[SummarySentence]]:
    """Up to ``k`` summary sentences for each date's pool of candidates."""
    # Identical sentences (wire copy, the same article twice) are one sentence carried by
    # several articles: counted once for document frequency, by articles for centrality.
    groups: dict[str, dict[str, list[Candidate]]] = {}
    for key, pool in pools.items():
        grouped: dict[str, list[Candidate]] = {}
        for candidate in pool:
            text = normalise(candidate.text)
            if text:
                grouped.setdefault(text, []).append(candidate)
        groups[key] = grouped
    counts = {text: terms(text) for grouped in groups.values() for text in grouped}
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    total = len(counts)
    idf = {w: math.log((1 + total) / (1 + n)) + 1 for w, n in df.items()}
    vectors = {text: _vector(c, idf) for text, c in counts.items()}
    return {key: _choose(grouped, vectors, k, redundancy) for key, grouped in groups.items()}


def _choose(
    grouped: Mapping[str, list[Candidate]], vectors: Mapping[str, Vector], k: int, redundancy: float
) -> list[SummarySentence]:
    # Each candidate is one report of the date (a sentence naming it, an event mention on
    # it): a sentence that names the date and reports its events, or that other articles
    # repeat, stands for several reports.
    weight = {text: len(found) for text, found in grouped.items()}
    # The weighted sum of all vectors: a sentence's summed cosine to every candidate is
    # one dot product with it, so a date with thousands of reports stays linear.
    centroid: Vector = {}
    for text, w in weight.items():
        for term, v in vectors[text].items():
            centroid[term] = centroid.get(term, 0.0) + w * v
    others = sum(weight.values()) - 1
    ranked = []
    for text, found in grouped.items():
        own = _dot(vectors[text], vectors[text])  # 1, or 0 for a sentence of stopwords
        centrality = (_dot(vectors[text], centroid) - own) / others if others > 0 else 0.0
        first = min(found, key=lambda c: (c.source, c.doc_id))
        articles = len({c.doc_id for c in found})
        ranked.append(SummarySentence(text, first.doc_id, first.source, articles, centrality))
    ranked.sort(key=lambda s: (-s.centrality, -s.articles, len(s.text), s.source))
    chosen: list[SummarySentence] = []
    for sentence in ranked:
        if len(chosen) == k:
            break
        if all(_dot(vectors[sentence.text], vectors[c.text]) < redundancy for c in chosen):
            chosen.append(sentence)
    return chosen
