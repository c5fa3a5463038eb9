-- dateline store, schema version 2: clauses dated by other events, and the clues that
-- date documents which carry no publication date, kept so that the corpus pass can
-- re-resolve both after each batch without parsing anything again.
CREATE TABLE temporal_links (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    anchor_mention TEXT,
    dependent_mention TEXT,
    -- JSON DateValue of the linked clause, once the anchor event has a date.
    happened TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (doc_id, start, end)
);
CREATE INDEX temporal_links_doc ON temporal_links(doc_id);

CREATE TABLE dating_evidence (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    -- 1 when the document's inferred date rests on this clue, 0 when it was set aside.
    used INTEGER NOT NULL DEFAULT 0,
    record TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
