-- The notification outbox: a message written in the same transaction as the event someone must hear about, delivered as
-- a signed webhook by the server's delivery worker, retried with backoff, and given up on (dead) after the last retry.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    cause_key        TEXT NOT NULL UNIQUE,          -- 'event:<complaint>:<sequence>' or 'overdue:<complaint>:<due date>'
    topic            TEXT NOT NULL,
    recipient        TEXT NOT NULL,
    complaint_number TEXT NOT NULL,
    payload          TEXT NOT NULL CHECK (json_valid(payload)),
    created_at       TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,                 -- UTC instant: when due, or until when a server holds it
    last_error       TEXT,
    delivered_at     TEXT
) STRICT;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at) WHERE state = 'pending';
