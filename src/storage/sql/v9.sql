-- narada schema, version 9: the participants' room. Phones on the room's network send
-- cards (submissions) that the facilitator accepts, merges or rejects, and place dot
-- votes in voting rounds. A device is a random id and a per-session number (shown as
-- "Participant 7"): nothing about the person is stored.
CREATE TABLE room_device (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES session(id),
    number      INTEGER NOT NULL CHECK (number > 0),
    created_at  TEXT NOT NULL,
    UNIQUE (session_id, number)
);

-- One row per room of a session: whether its submissions become cards at once.
CREATE TABLE room_setting (
    session_id  TEXT PRIMARY KEY REFERENCES session(id),
    accept_all  INTEGER NOT NULL DEFAULT 0 CHECK (accept_all IN (0, 1))
) WITHOUT ROWID;

-- A card as a phone sent it, stored before the server answers OK. `card_id` is the card
-- it became (accepted) or joined (merged).
CREATE TABLE room_submission (
    id            TEXT PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES session(id),
    device_id     TEXT NOT NULL REFERENCES room_device(id),
    text          TEXT NOT NULL CHECK (length(text) > 0),
    kind          TEXT CHECK (kind IS NULL OR kind IN ('recommendation', 'expectation', 'proposal', 'concern', 'question', 'other')),
    status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'merged')),
    card_id       TEXT REFERENCES card(id),
    submitted_at  TEXT NOT NULL,
    decided_at    TEXT,
    CHECK ((status IN ('accepted', 'merged')) = (card_id IS NOT NULL))
);
CREATE INDEX room_submission_queue ON room_submission(session_id, status, submitted_at);
CREATE INDEX room_submission_device ON room_submission(device_id, submitted_at);

-- A dot-voting round over a fixed list of cards (taken when it opens).
CREATE TABLE vote_round (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES session(id),
    scope       TEXT NOT NULL CHECK (scope IN ('session', 'cards', 'topic')),
    topic_id    TEXT REFERENCES topic(id),
    dots        INTEGER NOT NULL CHECK (dots BETWEEN 1 AND 100),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    opened_at   TEXT NOT NULL,
    closed_at   TEXT,
    CHECK ((scope = 'topic') = (topic_id IS NOT NULL))
);
CREATE INDEX vote_round_session ON vote_round(session_id, status);

CREATE TABLE vote_round_card (
    round_id  TEXT NOT NULL REFERENCES vote_round(id),
    card_id   TEXT NOT NULL REFERENCES card(id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (round_id, card_id)
) WITHOUT ROWID;

-- Dots a device has on a card in a round; moved freely within the budget until it closes.
CREATE TABLE room_dot (
    round_id   TEXT NOT NULL REFERENCES vote_round(id),
    device_id  TEXT NOT NULL REFERENCES room_device(id),
    card_id    TEXT NOT NULL REFERENCES card(id),
    count      INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (round_id, device_id, card_id)
) WITHOUT ROWID;
