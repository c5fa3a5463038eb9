"""Duplicate articles: exact copies and near copies (wire stories with small edits).

A document is a *duplicate* of the first stored document whose text is the same word for
word once case, accents and punctuation are set aside (its ``fingerprint``), or whose
word shingles overlap it by at least ``NEAR_DUPLICATE`` (Jaccard similarity: MinHash
finds the candidates, their texts decide), unless the two were published days apart
(then the later one is an update: ``REPRINT_DAYS``). Duplicates are stored with ``duplicate_of``
set to the original's id and are not annotated: their reports are the original's, so
they add no mentions and no sources to events (a wire story reprinted by fifty papers
is one account).

Finding candidates is incremental: each document's MinHash signature and its LSH band
keys are stored with it (``document_signatures``, ``document_bands``), so a new document
is looked up by its band keys in SQL; documents of the current run that are not stored
yet sit in an in-memory ``datasketch.MinHashLSH`` with the same banding.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from .model import DateValue
from .textnorm import fold

if TYPE_CHECKING:
    from datasketch import MinHashLSH

#: Shingles of this many words: short enough that a changed sentence leaves most of an
#: article's shingles intact, long enough that two articles on one story share few.
SHINGLE_WORDS = 3
#: MinHash permutations and LSH banding (BANDS x ROWS <= NUM_PERM). With 42 bands of 3
#: rows, texts of Jaccard 0.5 become candidates with probability 0.996 and texts of 0.2
#: (two articles quoting one statement) with 0.29; candidates are then checked against
#: ``NEAR_DUPLICATE`` on the full signature, so the banding only decides recall and cost.
NUM_PERM = 128
BANDS = 42
ROWS = 3
#: Jaccard similarity of shingle sets from which a text is a copy of another. A reprint
#: with a new headline and one sentence of eight rewritten keeps 0.72 (longer articles
#: more); separately written articles on one happening share under 0.1. A rolling update
#: of a story by its publisher (a new top, a quarter of the text new: 0.57 on two BBC
#: reports in Timeline17) is kept as an article of its own: its new facts are annotated.
NEAR_DUPLICATE = 0.6
#: Candidates whose MinHash estimate reaches this are checked on their text (the
#: estimate's standard error at 0.6 is 0.04 with 128 permutations: 0.45 is 3.5 of them).
CANDIDATE = 0.45
#: At most this many candidates are checked on their text (the most similar first).
MAX_CHECKED = 5
#: A reprint appears within days of its original; a text published later that repeats
#: most of an earlier one is its update (0.72 on two BBC reports of a jury selection
#: four days apart, in Timeline17) and reports what happened since. Near copies further
#: apart than this (when both dates are known to within a week) are not duplicates.
REPRINT_DAYS = 3
_KNOWN_WITHIN = 7
#: Texts with fewer shingles (a headline, one sentence) are too short to call near
#: copies: one changed word would decide. They are only matched exactly.
MIN_SHINGLES = 20
SEED = 1
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Signature:
    """What duplicate detection keeps of a text."""

    #: Hash of the folded word sequence: equal for exact copies.
    fingerprint: str
    #: MinHash values (uint32 bytes) of the word shingles; None for short texts.
    minhash: bytes | None = None
    #: LSH band keys of ``minhash`` (empty for short texts).
    bands: tuple[int, ...] = ()


class SignatureStore(Protocol):
    """The store's side of duplicate lookups (``dateline.store.Store``)."""

    def documents_with_fingerprint(self, fingerprint: str) -> list[tuple[str, str | None]]: ...

    def documents_in_bands(
        self, bands: Sequence[int]
    ) -> list[tuple[str, str | None, bytes | None]]: ...

    def document_text(self, doc_id: str) -> tuple[str, DateValue] | None: ...


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def shingles(tokens: Sequence[str]) -> list[bytes]:
    n = SHINGLE_WORDS
    return sorted({" ".join(tokens[i : i + n]).encode() for i in range(len(tokens) - n + 1)})


def _band_keys(values: np.ndarray[Any, Any]) -> tuple[int, ...]:
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "big"))
        keys.append(int.from_bytes(digest.digest(), "big", signed=True))  # an SQLite INTEGER
    return tuple(keys)


_PERMUTATIONS: Any = None


def _minhash(values: bytes | None = None, grams: Sequence[bytes] = ()) -> Any:
    """A datasketch MinHash of ``grams``, or rebuilt from stored ``values``."""
    # datasketch is imported here: it takes a second to import, and only ingesting needs it.
    from datasketch import MinHash

    global _PERMUTATIONS
    if _PERMUTATIONS is None:  # drawing them is most of the cost of a MinHash: once
        _PERMUTATIONS = MinHash(NUM_PERM, SEED, scheme="affine32").permutations
    if values is not None:
        hashvalues = np.frombuffer(values, np.uint32)
        return MinHash(NUM_PERM, SEED, hashvalues=hashvalues, permutations=_PERMUTATIONS,
                       scheme="affine32")  # fmt: skip
    minhash = MinHash(NUM_PERM, SEED, permutations=_PERMUTATIONS, scheme="affine32")
    minhash.update_batch(grams)
    return minhash


def signature(text: str) -> Signature:
    tokens = words(text)
    fingerprint = hashlib.sha256(" ".join(tokens).encode()).hexdigest()[:32]
    grams = shingles(tokens)
    if len(grams) < MIN_SHINGLES:
        return Signature(fingerprint)
    values = _minhash(grams=grams).hashvalues.astype(np.uint32)
    return Signature(fingerprint, values.tobytes(), _band_keys(values))


def jaccard(a: bytes, b: bytes) -> float:
    """Jaccard similarity of two texts' shingle sets, estimated from their MinHashes."""
    return float(np.mean(np.frombuffer(a, np.uint32) == np.frombuffer(b, np.uint32)))


def shingle_jaccard(a: str, b: str) -> float:
    """Jaccard similarity of two texts' shingle sets, exactly."""
    left, right = set(shingles(words(a))), set(shingles(words(b)))
    return len(left & right) / len(left | right) if left or right else 1.0


def _days(value: DateValue) -> tuple[date, date] | None:
    """A publication date's range when it is known to within a week."""
    try:
        first, last = (
            date.fromisoformat(value.earliest or ""),
            date.fromisoformat(value.latest or ""),
        )
    except ValueError:
        return None
    return (first, last) if (last - first).days < _KNOWN_WITHIN else None


def apart(a: DateValue, b: DateValue) -> bool:
    """Whether two texts were published too far apart for one to reprint the other."""
    ra, rb = _days(a), _days(b)
    if ra is None or rb is None:
        return False
    return (max(ra[0], rb[0]) - min(ra[1], rb[1])).days > REPRINT_DAYS


@dataclass(slots=True)
class _Pending:
    signature: Signature
    text: str
    published: DateValue
    original: str | None


class DuplicateIndex:
    """Finds the original of a document among the stored ones and those of this run."""

    def __init__(self, store: SignatureStore) -> None:
        self.store = store
        self._lsh: MinHashLSH | None = None
        #: Documents of this run not stored yet.
        self._pending: dict[str, _Pending] = {}
        self._fingerprints: dict[str, str] = {}

    def _index(self) -> MinHashLSH:
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
        return self._lsh

    def original_of(
        self, sig: Signature, text: str, published: DateValue | None = None
    ) -> str | None:
        """The id of the document ``text`` (signed ``sig``, published ``published``)
        copies (the first copy's original when it copies a copy), None when it is no
        copy."""
        published = published or DateValue()
        exact = self._fingerprints.get(sig.fingerprint)
        if exact is not None:
            return self._pending[exact].original or exact
        for doc_id, original in self.store.documents_with_fingerprint(sig.fingerprint):
            return original or doc_id
        if sig.minhash is None:
            return None
        found = list(self.store.documents_in_bands(sig.bands))
        if self._lsh is not None:
            for key in self._lsh.query(_minhash(sig.minhash)):
                mine = self._pending[key]
                found.append((key, mine.original, mine.signature.minhash))
        # Candidates whose estimate may reach the threshold are checked on their text,
        # so that whether a text is a copy does not rest on the estimate's error.
        close = sorted(
            (-jaccard(sig.minhash, values), doc_id, original)
            for doc_id, original, values in found
            if values is not None and jaccard(sig.minhash, values) >= CANDIDATE
        )
        best: tuple[float, str] | None = None
        for _, doc_id, original in close[:MAX_CHECKED]:
            entry = self._pending.get(doc_id)
            other = (entry.text, entry.published) if entry else self.store.document_text(doc_id)
            if other is None or apart(published, other[1]):
                continue
            score = shingle_jaccard(text, other[0])
            if score >= NEAR_DUPLICATE and (best is None or score > best[0]):
                best = (score, original or doc_id)
        return best[1] if best else None

    def add(
        self, doc_id: str, sig: Signature, text: str, published: DateValue | None = None,
        original: str | None = None,
    ) -> None:  # fmt: skip
        """Remember a document of this run until it is stored (then the store finds it)."""
        self._pending[doc_id] = _Pending(sig, text, published or DateValue(), original)
        self._fingerprints.setdefault(sig.fingerprint, doc_id)
        if sig.minhash is not None:
            self._index().insert(doc_id, _minhash(sig.minhash))

    def replace_original(self, old: str, new: str) -> None:
        """Make the pending copies of ``old`` (which failed) copies of ``new``."""
        for doc_id, entry in self._pending.items():
            if entry.original == old:
                entry.original = None if doc_id == new else new

    def discard(self, doc_id: str) -> None:
        """Forget a document of this run (stored now, or failed: no original then)."""
        entry = self._pending.pop(doc_id, None)
        if entry is None:
            return
        if self._fingerprints.get(entry.signature.fingerprint) == doc_id:
            del self._fingerprints[entry.signature.fingerprint]
        if entry.signature.minhash is not None and self._lsh is not None:
            self._lsh.remove(doc_id)
