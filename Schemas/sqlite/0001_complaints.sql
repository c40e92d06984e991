-- Complaints (current state) and their append-only event log, written in one transaction.
-- The columns repeat what queues filter and sort on; `body` holds the whole complaint as JSON.

CREATE TABLE complaints (
    seq                  INTEGER PRIMARY KEY AUTOINCREMENT,   -- registration order: "oldest first"
    id                   TEXT NOT NULL UNIQUE,
    number               TEXT NOT NULL UNIQUE,
    state                TEXT NOT NULL CHECK (state IN ('submitted', 'needs_supplement', 'accepted', 'forwarded',
                                                        'resolved', 'closed', 'rejected', 'withdrawn')),
    version              INTEGER NOT NULL CHECK (version >= 1),
    intake_province      TEXT CHECK (intake_province IS NULL OR intake_province GLOB '[0-9][0-9]0000'),  -- NULL: national intake
    handling_department  TEXT,
    complainant_account  TEXT,
    received_at          TEXT NOT NULL,                       -- UTC instant, ISO 8601
    due_on               TEXT,                                -- last day of the running clock, CST date
    amount_claimed_fen   INTEGER NOT NULL CHECK (amount_claimed_fen >= 0),
    body                 TEXT NOT NULL CHECK (json_valid(body))
) STRICT;

CREATE INDEX complaints_by_state ON complaints (state, seq);
CREATE INDEX complaints_by_province ON complaints (intake_province, state, seq);
CREATE INDEX complaints_by_department ON complaints (handling_department, state, seq);
CREATE INDEX complaints_by_complainant ON complaints (complainant_account, seq);
CREATE INDEX complaints_by_due_date ON complaints (due_on, seq) WHERE due_on IS NOT NULL;

CREATE TABLE complaint_events (
    complaint_id         TEXT NOT NULL REFERENCES complaints (id),
    sequence             INTEGER NOT NULL CHECK (sequence >= 1),
    kind                 TEXT NOT NULL,
    from_state           TEXT,
    to_state             TEXT NOT NULL,
    actor                TEXT NOT NULL,
    actor_name           TEXT,
    role                 TEXT NOT NULL CHECK (role IN ('sme', 'intake', 'handler', 'supervisor', 'admin')),
    occurred_at          TEXT NOT NULL,                       -- UTC instant, ISO 8601
    cst_date             TEXT NOT NULL,                       -- the China Standard Time date statistics count it on
    intake_province      TEXT,
    open_delta           INTEGER NOT NULL CHECK (open_delta IN (-1, 0, 1)),
    amount_claimed_fen   INTEGER CHECK (amount_claimed_fen >= 0),
    amount_paid_fen      INTEGER CHECK (amount_paid_fen >= 0),
    detail               TEXT NOT NULL CHECK (json_valid(detail)),
    PRIMARY KEY (complaint_id, sequence)
) STRICT;

CREATE INDEX complaint_events_by_date ON complaint_events (cst_date, kind);

CREATE TRIGGER complaint_events_are_not_updated BEFORE UPDATE ON complaint_events
BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END;
CREATE TRIGGER complaint_events_are_not_deleted BEFORE DELETE ON complaint_events
BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END;

-- Complaint numbers run per year of receipt: ARR-2026-000001, …
CREATE TABLE complaint_numbers (
    year  INTEGER PRIMARY KEY,
    last  INTEGER NOT NULL
) STRICT;

-- A retried submission with the same key returns what the first one created.
CREATE TABLE idempotency_keys (
    account       TEXT NOT NULL,
    key           TEXT NOT NULL,
    fingerprint   TEXT NOT NULL,
    complaint_id  TEXT NOT NULL REFERENCES complaints (id),
    created_at    TEXT NOT NULL,
    PRIMARY KEY (account, key)
) STRICT;

CREATE TABLE accounts (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('sme', 'intake', 'handler', 'supervisor', 'admin')),
    province      TEXT,
    department    TEXT,
    credit_code   TEXT,
    token_digest  TEXT NOT NULL UNIQUE,                       -- SHA-256 of the bearer token; the token is never stored
    created_at    TEXT NOT NULL
) STRICT;

-- Complaints registered on an SME's behalf find the SME's account by credit code.
CREATE INDEX accounts_by_credit_code ON accounts (credit_code) WHERE role = 'sme';
