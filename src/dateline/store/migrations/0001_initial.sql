-- dateline store, schema version 1.
-- Every extracted item keeps the document id and character span it came from.
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    title TEXT,
    url TEXT,
    publisher TEXT,
    author TEXT,
    published_value TEXT,
    published_earliest TEXT,
    published_latest TEXT,
    published_precision TEXT NOT NULL DEFAULT 'unknown',
    published_origin TEXT NOT NULL DEFAULT 'unknown',
    language TEXT,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'skipped')),
    error TEXT,
    duplicate_of TEXT REFERENCES documents(id),
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    coder_version TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_status ON documents(status);

CREATE TABLE sentences (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    sectors TEXT NOT NULL DEFAULT '[]',
    aliases TEXT NOT NULL DEFAULT '[]',
    roles TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX actors_name ON actors(name);

CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    PRIMARY KEY (doc_id, start, end)
);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE timexes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    precision TEXT NOT NULL,
    earliest TEXT,
    latest TEXT,
    anchor TEXT,
    PRIMARY KEY (doc_id, start, end)
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    modality TEXT NOT NULL,
    date_value TEXT,
    date_earliest TEXT,
    date_latest TEXT,
    date_precision TEXT NOT NULL,
    date_origin TEXT NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX events_date ON events(date_earliest);
CREATE INDEX events_type ON events(type, modality);

CREATE TABLE event_mentions (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL REFERENCES events(id),
    sentence_idx INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    type TEXT NOT NULL,
    modality TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
CREATE INDEX event_mentions_doc ON event_mentions(doc_id);

CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actors_actor ON event_actors(actor_id);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    inputs TEXT NOT NULL,
    counts TEXT
);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
