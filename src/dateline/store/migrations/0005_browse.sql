-- dateline store, schema version 5: browsing. Events paged in date order by an index,
-- found by their words, and stamped with when they were first seen (for alerts).
-- (IF NOT EXISTS, and a column that exists is not added again: a store rebuilt by hand
-- from an older schema may have some of them.)

-- When the event was first written; stores from before this version take the earliest
-- ingest time of the documents that report it.
ALTER TABLE events ADD COLUMN first_seen TEXT;
UPDATE events SET first_seen = coalesce(
    (SELECT min(d.ingested_at) FROM event_mentions em JOIN documents d ON d.id = em.doc_id
     WHERE em.event_id = events.id),
    strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
) WHERE first_seen IS NULL;
CREATE INDEX IF NOT EXISTS events_first_seen ON events(first_seen, id) WHERE num_mentions > 0;

-- The timeline's order (``Store.events``), with the filtered columns after it, so that a
-- page of events is read from the index without sorting the whole table, and the
-- matching events are counted from the index alone.
CREATE INDEX IF NOT EXISTS events_order ON events(
    coalesce(date_earliest, date_latest) IS NULL, coalesce(date_earliest, date_latest),
    date_latest, type, id, modality, date_origin, date_earliest, num_mentions
) WHERE num_mentions > 0;

CREATE INDEX IF NOT EXISTS documents_publisher ON documents(publisher);
CREATE INDEX IF NOT EXISTS documents_order ON documents(source, id);

-- The words an event is found by: its type, its participants' names and the sentences
-- that report it, rewritten whenever the event is.
CREATE TABLE IF NOT EXISTS event_search (
    rowid INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,
    text TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(
    text, content='event_search', content_rowid='rowid'
);
CREATE TRIGGER IF NOT EXISTS event_search_insert AFTER INSERT ON event_search BEGIN
    INSERT INTO events_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS event_search_delete AFTER DELETE ON event_search BEGIN
    INSERT INTO events_fts(events_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER IF NOT EXISTS event_search_update AFTER UPDATE ON event_search BEGIN
    INSERT INTO events_fts(events_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO events_fts(rowid, text) VALUES (new.rowid, new.text);
END;

INSERT OR IGNORE INTO event_search (event_id, text)
SELECT e.id, e.type
    || coalesce(' ' || (SELECT group_concat(json_extract(p.value, '$.name'), ' ')
                        FROM json_each(e.record, '$.actors') p), '')
    || coalesce(' ' || (SELECT group_concat(json_extract(p.value, '$.name'), ' ')
                        FROM json_each(e.record, '$.recipients') p), '')
    || coalesce(' ' || (SELECT group_concat(s.sentence, ' ') FROM
                        (SELECT DISTINCT substr(d.text, em.sentence_start + 1,
                                                em.sentence_end - em.sentence_start) AS sentence
                         FROM event_mentions em JOIN documents d ON d.id = em.doc_id
                         WHERE em.event_id = e.id) s), '')
FROM events e WHERE e.num_mentions > 0;
