-- The security log (操作日志): changes to accounts, sessions and reference data, and reads of personal data, outside any
-- one complaint's history. One hash chain over the whole log, in `seq` order, checked by `audit verify`.

CREATE TABLE security_log (
    seq          INTEGER PRIMARY KEY,                 -- 1, 2, 3, … with no gaps: a missing entry breaks the chain
    occurred_at  TEXT NOT NULL,
    actor        TEXT NOT NULL,                       -- an account id, or operator:<user> for arrearsd on the server's machine
    role         TEXT,
    action       TEXT NOT NULL,
    subject      TEXT NOT NULL,                       -- the account, complaint, routing version or calendar years concerned
    detail       TEXT NOT NULL CHECK (json_valid(detail)),
    request_id   TEXT,
    prev_hash    TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash         TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;

CREATE INDEX security_log_by_subject ON security_log (subject, seq);

CREATE TRIGGER security_log_is_not_updated BEFORE UPDATE ON security_log
BEGIN SELECT RAISE(ABORT, 'the security log is append-only'); END;

CREATE TRIGGER security_log_is_not_deleted BEFORE DELETE ON security_log
BEGIN SELECT RAISE(ABORT, 'the security log is append-only'); END;
