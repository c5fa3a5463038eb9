-- dateline store, schema version 4: duplicate detection and cross-document events.
-- (IF NOT EXISTS: a store rebuilt by hand from an older schema may have some of them.)
-- Each stored text's signature for finding its copies: the hash of its folded words
-- (exact copies) and its MinHash values (near copies; NULL for texts too short).
CREATE TABLE IF NOT EXISTS document_signatures (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    minhash BLOB
);
CREATE INDEX IF NOT EXISTS document_signatures_fingerprint ON document_signatures(fingerprint);

-- The LSH band keys of each MinHash: a new text's candidates are the texts that share a
-- band key with it, found by the index without reading every signature.
CREATE TABLE IF NOT EXISTS document_bands (
    key INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS document_bands_doc ON document_bands(doc_id);

-- How many documents hold each word (kept by the full-text index itself): the inverse
-- document frequencies of the TF-IDF that compares the sentences of two reports.
CREATE VIRTUAL TABLE IF NOT EXISTS documents_vocab USING fts5vocab(documents_fts, 'row');
