-- narada schema, version 2: small per-database settings, such as the session used last.
CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;

-- Keep the order in which a card's tags were written.
ALTER TABLE card_tag ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
