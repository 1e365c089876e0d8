-- narada schema, version 3: what each clustering run proposed, kept beside what is applied,
-- so a run can be reviewed, accepted or discarded and hand placements never get lost.
ALTER TABLE cluster_run ADD COLUMN status TEXT NOT NULL DEFAULT 'applied'
    CHECK (status IN ('proposed', 'applied', 'discarded'));
ALTER TABLE cluster_run ADD COLUMN lang TEXT NOT NULL DEFAULT 'pl';
ALTER TABLE cluster_run ADD COLUMN k_auto INTEGER NOT NULL DEFAULT 0;

CREATE TABLE run_membership (
    run_id    TEXT NOT NULL REFERENCES cluster_run(id),
    card_id   TEXT NOT NULL REFERENCES card(id),
    topic_id  TEXT REFERENCES topic(id),   -- NULL: the run left the card unsorted
    score     REAL NOT NULL,
    PRIMARY KEY (run_id, card_id)
) WITHOUT ROWID;
