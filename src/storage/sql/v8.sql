-- narada schema, version 8: the full unit hierarchy of Polish drafting rules
-- (§ → ust. → pkt → lit. → tiret) and per-consultation settings that fill the fixed
-- wording of the resolution (city in the genitive, council, executive organ, …).
-- The level CHECK can only change by rebuilding the table (migrate.rs runs steps with
-- foreign keys off and checks every reference before committing); references to it
-- from topic and section_link resolve by name, so they point at the new table.
CREATE TABLE outline_section_v8 (
    id               TEXT PRIMARY KEY,
    consultation_id  TEXT NOT NULL REFERENCES consultation(id),
    parent_id        TEXT REFERENCES outline_section(id),
    level            TEXT NOT NULL CHECK (level IN ('chapter', 'paragraph', 'ust', 'pkt', 'lit', 'tiret')),
    position         INTEGER NOT NULL,
    number           TEXT NOT NULL DEFAULT '',
    heading          TEXT NOT NULL DEFAULT '',
    draft_text       TEXT NOT NULL DEFAULT ''
);
INSERT INTO outline_section_v8 (id, consultation_id, parent_id, level, position, number, heading, draft_text)
    SELECT id, consultation_id, parent_id, level, position, number, heading, draft_text FROM outline_section;
DROP TABLE outline_section;
ALTER TABLE outline_section_v8 RENAME TO outline_section;
CREATE INDEX outline_section_parent ON outline_section(consultation_id, parent_id, position);

-- One row per setting a user changed; a missing key means the built-in default.
CREATE TABLE consultation_setting (
    consultation_id  TEXT NOT NULL REFERENCES consultation(id),
    key              TEXT NOT NULL,
    value            TEXT NOT NULL,
    PRIMARY KEY (consultation_id, key)
) WITHOUT ROWID;
