"""Duplicate articles: exact copies and wire copies are stored as duplicates of their
original and add nothing to its events; an unrelated article is not flagged."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.dedupe import NEAR_DUPLICATE, DuplicateIndex, jaccard, shingle_jaccard, signature
from dateline.model import DateValue
from dateline.pipeline import IngestOptions, ingest
from dateline.store import Store

ORIGINAL = (
    "US forces seize oil tanker off Venezuela\n"
    "On March 2, 2026, United States forces seized an oil tanker off the coast of Venezuela, "
    "officials said. The tanker was carrying crude oil to Cuba in breach of American "
    "sanctions, according to the Pentagon. Coast Guard teams boarded the vessel before dawn "
    "and met no resistance from the crew, a defence official told reporters in Washington. "
    "The ship was escorted to a port in Puerto Rico, where investigators will inspect its "
    "cargo and its papers. The government in Caracas called the seizure an act of piracy "
    "and said it would take the matter to the United Nations. Oil prices rose slightly after "
    "the news, as traders weighed the risk of further seizures in the Caribbean.\n"
)
#: The same words with other typography, case and line breaks.
EXACT_COPY = (
    ORIGINAL.replace("'", "’").replace("US forces", "U.S. forces").upper().replace(". ", ".\n")
)
#: A wire copy as another paper printed it: a new headline and one sentence rewritten.
WIRE_COPY = ORIGINAL.replace(
    "US forces seize oil tanker off Venezuela", "Tanker seized near Venezuela"
).replace(
    "Oil prices rose slightly after the news, as traders weighed the risk of further "
    "seizures in the Caribbean.",
    "Shipping companies said they were reviewing their routes through the region.",
)
UNRELATED = (
    "Talks resume in Doha\n"
    "Negotiators from Venezuela's government and the opposition resumed talks in Doha on "
    "Tuesday, mediators said. The two sides are discussing a timetable for elections and the "
    "release of political prisoners. A Qatari official said the atmosphere was constructive "
    "and that a further round was planned for next month. Opposition leaders said they would "
    "not sign any agreement without international observers. The United States, which has "
    "eased some sanctions, welcomed the resumption and urged both sides to reach a deal.\n"
)


def test_an_exact_copy_has_the_same_fingerprint() -> None:
    assert signature(EXACT_COPY).fingerprint == signature(ORIGINAL).fingerprint
    assert signature(WIRE_COPY).fingerprint != signature(ORIGINAL).fingerprint


def test_a_wire_copy_is_near_and_an_unrelated_article_is_not() -> None:
    original, wire, other = signature(ORIGINAL), signature(WIRE_COPY), signature(UNRELATED)
    assert original.minhash and wire.minhash and other.minhash
    assert shingle_jaccard(ORIGINAL, WIRE_COPY) >= NEAR_DUPLICATE
    assert jaccard(original.minhash, wire.minhash) >= NEAR_DUPLICATE - 0.1  # an estimate
    assert jaccard(original.minhash, other.minhash) < 0.1
    # Shared band keys make the wire copy a candidate without reading every signature.
    assert set(original.bands) & set(wire.bands)


def test_short_texts_are_only_matched_exactly() -> None:
    short = signature("Russia and Venezuela signed a defence agreement.")
    assert short.minhash is None and short.bands == ()


def _write(folder: Path, **texts: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for name, text in texts.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _documents(store: Store) -> dict[str, tuple[str, str | None, int]]:
    """File name -> (document id, duplicate_of, number of event mentions)."""
    return {Path(d.source).stem: (d.id, d.duplicate_of, n) for d, n in store.documents()}


def test_copies_in_one_run_point_at_their_original(tmp_path: Path) -> None:
    # The copies sort after the original, in the same batch: they wait for it to be stored.
    paths = _write(tmp_path / "in", a_original=ORIGINAL, b_exact=EXACT_COPY,
                   c_wire=WIRE_COPY, d_unrelated=UNRELATED)  # fmt: skip
    with Store(tmp_path / "s.db") as store:
        report = ingest(paths, store, IngestOptions(published="2026-03-03"))
        docs = _documents(store)
        original_id, _, original_mentions = docs["a_original"]
        assert docs["b_exact"][1:] == (original_id, 0)
        assert docs["c_wire"][1:] == (original_id, 0)
        assert docs["d_unrelated"][1] is None and docs["d_unrelated"][2] > 0
        assert original_mentions > 0
        assert (report.stored, report.duplicates) == (4, 2)
        # The copies add neither mentions nor sources to the original's events.
        for event in store.events():
            assert {m.mention.doc_id for m in store.event_mentions(event.id)} <= {
                original_id,
                docs["d_unrelated"][0],
            }
        # Re-reading the copies changes nothing.
        again = ingest(paths, store)
        assert (again.stored, again.unchanged) == (0, 4)


def test_a_copy_in_a_later_run_is_found_in_the_store(tmp_path: Path) -> None:
    # One document per batch: each is stored before the next is looked at.
    options = IngestOptions(published="2026-03-03", batch_size=1)
    [original] = _write(tmp_path / "first", original=ORIGINAL)
    copies = _write(tmp_path / "second", exact=EXACT_COPY, wire=WIRE_COPY, unrelated=UNRELATED)
    with Store(tmp_path / "s.db") as store:
        ingest([original], store, options)
        before = [tuple(r) for r in store.rows("SELECT id, record FROM events ORDER BY id")]
        report = ingest(copies, store, options)
        docs = _documents(store)
        assert docs["exact"][1:] == (docs["original"][0], 0)
        assert docs["wire"][1:] == (docs["original"][0], 0)
        assert docs["unrelated"][1] is None
        assert report.duplicates == 2
        # The original's events are as they were: the copy added nothing to them.
        after = {r["id"]: tuple(r) for r in store.rows("SELECT id, record FROM events")}
        assert all(after.get(row[0]) == row for row in before)


def test_copies_of_a_copy_point_at_the_first_original(tmp_path: Path) -> None:
    edited = WIRE_COPY.replace("a defence official told reporters", "an official said")
    with Store(tmp_path / "s.db") as store:
        index = DuplicateIndex(store)
        index.add("doc_first", signature(ORIGINAL), ORIGINAL)
        index.add("doc_wire", signature(WIRE_COPY), WIRE_COPY, original="doc_first")
        assert index.original_of(signature(edited), edited) == "doc_first"
        assert index.original_of(signature(UNRELATED), UNRELATED) is None


def test_a_jsonl_feed_with_a_reprint_counts_one_source(tmp_path: Path) -> None:
    records = [
        {"id": "1", "text": ORIGINAL, "publisher": "Reuters", "published": "2026-03-03"},
        {"id": "2", "text": WIRE_COPY, "publisher": "Daily Star", "published": "2026-03-03"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ingest([path], store)
        assert store.events()
        assert all(e.num_sources == 1 for e in store.events())


def test_documents_stored_before_signatures_are_signed_and_found(tmp_path: Path) -> None:
    [original] = _write(tmp_path / "first", original=ORIGINAL)
    [wire] = _write(tmp_path / "second", wire=WIRE_COPY)
    with Store(tmp_path / "s.db") as store:
        ingest([original], store, IngestOptions(published="2026-03-03"))
        # As a store written before duplicate detection: no signatures.
        store.conn.execute("DELETE FROM document_bands")
        store.conn.execute("DELETE FROM document_signatures")
        ingest([wire], store, IngestOptions(published="2026-03-03"))
        docs = _documents(store)
        assert docs["wire"][1] == docs["original"][0]
        assert store.scalar("SELECT count(*) FROM document_signatures") == 2


def test_a_near_copy_published_days_later_is_an_update_not_a_copy() -> None:
    def day(value: str) -> DateValue:
        return DateValue(value, value, value, "day", "metadata")

    index = DuplicateIndex(_NoStore())
    index.add("doc_first", signature(ORIGINAL), ORIGINAL, day("2026-03-03"))
    wire = signature(WIRE_COPY)
    assert index.original_of(wire, WIRE_COPY, day("2026-03-04")) == "doc_first"
    assert index.original_of(wire, WIRE_COPY, day("2026-03-12")) is None
    assert index.original_of(wire, WIRE_COPY, DateValue()) == "doc_first"  # undated
    # An exact copy is a copy whenever it appears.
    exact = signature(EXACT_COPY)
    assert index.original_of(exact, EXACT_COPY, day("2026-03-12")) == "doc_first"


class _NoStore:
    """A store that holds nothing (only documents of the current run are compared)."""

    def documents_with_fingerprint(self, fingerprint: str) -> list[tuple[str, str | None]]:
        return []

    def documents_in_bands(self, bands: object) -> list[tuple[str, str | None, bytes | None]]:
        return []

    def document_text(self, doc_id: str) -> tuple[str, DateValue] | None:
        return None
