-- narada schema, version 5: per-session card counts and vote totals read from the index
-- alone (no table rows), so the session picker and the interface's header stay instant
-- with 100k cards in a session.
DROP INDEX card_session;
CREATE INDEX card_session ON card(session_id, deleted_at, superseded_by, votes);
