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
yet sit in an in-memory index of the same band keys.

The MinHash is datasketch's "affine32" scheme (SHA-1 of each shingle, the MurmurHash3
finalizer, then ``a * h + b`` modulo 2**32 for each of ``NUM_PERM`` permutations drawn
from ``numpy.random.RandomState(SEED)``), computed here with numpy: the values are the
ones ``datasketch.MinHash(NUM_PERM, SEED, scheme="affine32")`` gives (tests hold them
equal), without importing datasketch, which takes a second.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from .model import DateValue
from .textnorm import fold

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
    return sorted(_shingle_set(tokens))


def _shingle_set(tokens: Sequence[str]) -> set[bytes]:
    n = SHINGLE_WORDS
    return {" ".join(tokens[i : i + n]).encode() for i in range(len(tokens) - n + 1)}


def _band_keys(values: np.ndarray[Any, Any]) -> tuple[int, ...]:
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "big"))
        keys.append(int.from_bytes(digest.digest(), "big", signed=True))  # an SQLite INTEGER
    return tuple(keys)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The affine permutations (a odd, b) as datasketch draws them for ``SEED``."""
    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The MurmurHash3 finalizer on uint32 values (multiplication wraps: mod 2**32)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    mixed: np.ndarray[Any, Any] = values ^ (values >> np.uint32(16))
    return mixed


def minhash_values(grams: Iterable[bytes]) -> np.ndarray[Any, Any]:
    """The MinHash values (uint32, ``NUM_PERM`` of them) of a non-empty set of shingles
    (in any order: each value is a minimum over them all)."""
    # The first four bytes of each SHA-1, little-endian: datasketch's ``sha1_hash32``.
    first = b"".join([hashlib.sha1(gram).digest()[:4] for gram in grams])
    hashes = np.frombuffer(first, dtype="<u4").astype(np.uint32)
    a, b = _permutations()
    permuted = _fmix32(hashes).reshape(-1, 1) * a + b
    smallest: np.ndarray[Any, Any] = permuted.min(axis=0)
    return smallest


def signature(text: str) -> Signature:
    tokens = words(text)
    fingerprint = hashlib.sha256(" ".join(tokens).encode()).hexdigest()[:32]
    grams = _shingle_set(tokens)  # unsorted: the MinHash does not care
    if len(grams) < MIN_SHINGLES:
        return Signature(fingerprint)
    values = minhash_values(grams)
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


class _BandIndex:
    """Documents by their LSH band keys: those sharing a band with a signature."""

    def __init__(self) -> None:
        self._documents: dict[int, set[str]] = {}
        self._bands: dict[str, tuple[int, ...]] = {}

    def insert(self, doc_id: str, bands: tuple[int, ...]) -> None:
        if doc_id in self._bands:
            raise ValueError(f"{doc_id} is in the index already")
        self._bands[doc_id] = bands
        for band in bands:
            self._documents.setdefault(band, set()).add(doc_id)

    def query(self, bands: Sequence[int]) -> set[str]:
        found: set[str] = set()
        for band in bands:
            found |= self._documents.get(band, set())
        return found

    def remove(self, doc_id: str) -> None:
        for band in self._bands.pop(doc_id):
            holders = self._documents[band]
            holders.discard(doc_id)
            if not holders:
                del self._documents[band]


class DuplicateIndex:
    """Finds the original of a document among the stored ones and those of this run."""

    def __init__(self, store: SignatureStore) -> None:
        self.store = store
        #: Documents of this run not stored yet, by their band keys, and all of them.
        self._bands = _BandIndex()
        self._pending: dict[str, _Pending] = {}
        self._fingerprints: dict[str, str] = {}

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
        for key in self._bands.query(sig.bands):
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
            self._bands.insert(doc_id, sig.bands)

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
        if entry.signature.minhash is not None:
            self._bands.remove(doc_id)
