-- The notification outbox (as Schemas/sqlite/0013_outbox.sql): written with the event, delivered as a signed webhook,
-- retried with backoff, dead after the last retry. Servers claim due messages with FOR UPDATE SKIP LOCKED.
CREATE TABLE outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cause_key        text COLLATE "C" NOT NULL UNIQUE,
    topic            text NOT NULL,
    recipient        text NOT NULL,
    complaint_number text NOT NULL,
    payload          text NOT NULL,
    created_at       text NOT NULL,
    state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  text COLLATE "C" NOT NULL,
    last_error       text,
    delivered_at     text
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at) WHERE state = 'pending';
