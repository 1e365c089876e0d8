-- narada schema, version 1. Ids are UUIDv7 text; times are RFC 3339 UTC text.

CREATE TABLE consultation (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    city        TEXT NOT NULL DEFAULT '',
    year        INTEGER,
    language    TEXT NOT NULL DEFAULT 'pl' CHECK (language IN ('pl', 'en')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE session (
    id              TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultation(id),
    kind            TEXT NOT NULL CHECK (kind IN ('training', 'working_group', 'advisory', 'other')),
    title           TEXT NOT NULL,
    date            TEXT,
    place           TEXT NOT NULL DEFAULT '',
    facilitator     TEXT NOT NULL DEFAULT '',
    participants    INTEGER CHECK (participants IS NULL OR participants >= 0),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (consultation_id, title)
);

CREATE TABLE activity (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES session(id),
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (session_id, name)
);

-- `seq` is the rowid alias the FTS index points at (a TEXT primary key would leave
-- rowids free to change on VACUUM); `id` is the stable identity across machines.
CREATE TABLE card (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    session_id   TEXT NOT NULL REFERENCES session(id),
    activity_id  TEXT REFERENCES activity(id),
    kind         TEXT NOT NULL CHECK (kind IN ('recommendation', 'expectation', 'proposal', 'concern', 'question', 'other')),
    text         TEXT NOT NULL CHECK (length(text) > 0),
    folded       TEXT NOT NULL,
    speaker      TEXT,
    votes        INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
    external_id  TEXT UNIQUE,
    import_key   TEXT UNIQUE,
    entered_by   TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX card_session ON card(session_id);

CREATE TABLE card_tag (
    card_id  TEXT NOT NULL REFERENCES card(id),
    tag      TEXT NOT NULL,
    PRIMARY KEY (card_id, tag)
) WITHOUT ROWID;
CREATE INDEX card_tag_tag ON card_tag(tag);

-- Folded copy of text, tags and speaker (ł→l etc.) so that "lodz" finds "Łódź".
-- New rows are indexed by the store itself (one statement per bulk import: an insert
-- trigger would flush the FTS index at every row's statement savepoint); updates and
-- deletes are kept in step by triggers.
CREATE VIRTUAL TABLE card_fts USING fts5(
    folded, content = 'card', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER card_fts_delete AFTER DELETE ON card BEGIN
    INSERT INTO card_fts(card_fts, rowid, folded) VALUES ('delete', old.seq, old.folded);
END;
CREATE TRIGGER card_fts_update AFTER UPDATE OF folded ON card BEGIN
    INSERT INTO card_fts(card_fts, rowid, folded) VALUES ('delete', old.seq, old.folded);
    INSERT INTO card_fts(rowid, folded) VALUES (new.seq, new.folded);
END;

-- Lineage: every change to a card, and merge/split links between cards.
CREATE TABLE card_event (
    id            TEXT PRIMARY KEY,
    card_id       TEXT NOT NULL REFERENCES card(id),
    event         TEXT NOT NULL CHECK (event IN ('created', 'edited', 'deleted', 'restored', 'voted', 'imported', 'merged_into', 'merged_from', 'split_into', 'split_from')),
    related_id    TEXT REFERENCES card(id),
    detail        TEXT,
    actor         TEXT,
    at            TEXT NOT NULL
);
CREATE INDEX card_event_card ON card_event(card_id);

CREATE TABLE cluster_run (
    id               TEXT PRIMARY KEY,
    consultation_id  TEXT NOT NULL REFERENCES consultation(id),
    session_id       TEXT REFERENCES session(id),
    params           TEXT NOT NULL,
    k                INTEGER NOT NULL,
    unsorted         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL
);

CREATE TABLE outline_section (
    id               TEXT PRIMARY KEY,
    consultation_id  TEXT NOT NULL REFERENCES consultation(id),
    parent_id        TEXT REFERENCES outline_section(id),
    level            TEXT NOT NULL CHECK (level IN ('chapter', 'paragraph', 'ust', 'pkt')),
    position         INTEGER NOT NULL,
    number           TEXT NOT NULL DEFAULT '',
    heading          TEXT NOT NULL DEFAULT '',
    draft_text       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE topic (
    id               TEXT PRIMARY KEY,
    consultation_id  TEXT NOT NULL REFERENCES consultation(id),
    label            TEXT NOT NULL,
    keywords         TEXT NOT NULL DEFAULT '',
    origin           TEXT NOT NULL CHECK (origin IN ('run', 'manual', 'seed')),
    run_id           TEXT REFERENCES cluster_run(id),
    section_id       TEXT REFERENCES outline_section(id),
    example_card_id  TEXT REFERENCES card(id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);

-- A card belongs to at most one topic; `source` says whether a run or a person put it there.
CREATE TABLE membership (
    card_id     TEXT PRIMARY KEY REFERENCES card(id),
    topic_id    TEXT NOT NULL REFERENCES topic(id),
    source      TEXT NOT NULL CHECK (source IN ('run', 'hand')),
    run_id      TEXT REFERENCES cluster_run(id),
    score       REAL,
    pinned      INTEGER NOT NULL DEFAULT 0,
    assigned_at TEXT NOT NULL
);
CREATE INDEX membership_topic ON membership(topic_id);

CREATE TABLE decision (
    id             TEXT PRIMARY KEY,
    card_id        TEXT REFERENCES card(id),
    topic_id       TEXT REFERENCES topic(id),
    outcome        TEXT NOT NULL CHECK (outcome IN ('adopted', 'adopted_in_part', 'rejected', 'postponed')),
    rationale      TEXT NOT NULL DEFAULT '',
    votes_for      INTEGER,
    votes_against  INTEGER,
    votes_abstain  INTEGER,
    decided_on     TEXT,
    entered_by     TEXT,
    created_at     TEXT NOT NULL,
    CHECK ((card_id IS NULL) <> (topic_id IS NULL))
);
CREATE INDEX decision_card ON decision(card_id);
CREATE INDEX decision_topic ON decision(topic_id);

-- Which topics and cards a section of the outline draws on.
CREATE TABLE section_link (
    section_id  TEXT NOT NULL REFERENCES outline_section(id),
    topic_id    TEXT REFERENCES topic(id),
    card_id     TEXT REFERENCES card(id),
    CHECK ((card_id IS NULL) <> (topic_id IS NULL))
);
CREATE UNIQUE INDEX section_link_unique ON section_link(section_id, ifnull(topic_id, ''), ifnull(card_id, ''));
