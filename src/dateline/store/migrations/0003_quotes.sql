-- dateline store, schema version 3: quotes (direct and reported), each with its speaker
-- and the span of the document text it came from.
CREATE TABLE quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),
    -- The speaker's actor, NULL when the text names no known actor.
    speaker_actor_id TEXT,
    -- The speaker's name as resolved (or as written when unresolved), for queries.
    speaker TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (doc_id, start, end)
);
CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);
