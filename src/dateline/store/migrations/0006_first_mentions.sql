-- Each event's first report (by source, document, position): the one a timeline quotes.
-- Kept on the event so that a timeline of a large store reads one mention per event by
-- its key instead of ranking every mention of every event.
ALTER TABLE events ADD COLUMN first_mention_id TEXT;

-- Mentions by event, document and position: an event's first report and a date's
-- sources are then read from the index alone.
CREATE INDEX IF NOT EXISTS event_mentions_event_doc
    ON event_mentions(event_id, doc_id, trigger_start, id);

UPDATE events SET first_mention_id = (
    SELECT em.id FROM event_mentions em JOIN documents d ON d.id = em.doc_id
    WHERE em.event_id = events.id
    ORDER BY d.source, em.doc_id, em.trigger_start, em.id LIMIT 1
);

-- An event's mentions are the event_mentions rows that name it; its record no longer
-- lists their ids too (a list that grew with every report, and was read with every event).
UPDATE events SET record = json_remove(record, '$.mention_ids');

-- The per-run checks that scan documents read an index instead of every row (a row holds
-- the whole text): documents still to be signed, and those whose date is to be inferred.
CREATE INDEX IF NOT EXISTS documents_status_dating ON documents(status, published_origin, id);
