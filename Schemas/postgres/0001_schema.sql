-- Arrears on PostgreSQL: the same tables as Schemas/sqlite after its 0012, in one first migration (no PostgreSQL
-- database predates it). Values are stored in the same text forms as on SQLite (instants as ISO 8601 UTC text, dates as
-- YYYY-MM-DD), so hash chains cover the same bytes on both engines and a database can move between them.
-- Text that is compared or ordered is COLLATE "C": byte order, whatever the cluster's locale.

CREATE TABLE complaints (
    seq                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- registration order: "oldest first"
    id                   text COLLATE "C" NOT NULL UNIQUE,
    number               text COLLATE "C" NOT NULL UNIQUE,
    state                text NOT NULL CHECK (state IN ('submitted', 'needs_supplement', 'accepted', 'forwarded',
                                                       'resolved', 'closed', 'rejected', 'withdrawn')),
    version              integer NOT NULL CHECK (version >= 1),
    intake_province      text CHECK (intake_province IS NULL OR intake_province ~ '^[0-9]{2}0000$'),  -- NULL: national intake
    handling_department  text,
    complainant_account  text,
    received_at          text COLLATE "C" NOT NULL,           -- UTC instant, ISO 8601
    due_on               text COLLATE "C",                    -- last day of the running clock, CST date
    amount_claimed_fen   bigint NOT NULL CHECK (amount_claimed_fen >= 0),
    body                 text NOT NULL,                       -- the complaint as JSON (StoreCoding)
    complainant_name     text NOT NULL,
    complainant_code     text NOT NULL,
    complainant_industry text NOT NULL,
    complainant_size     text NOT NULL,
    contact_person       text NOT NULL,
    contact_phone        text NOT NULL,
    contact_email        text,
    respondent_name      text NOT NULL,
    respondent_kind      text NOT NULL,
    respondent_level     text NOT NULL,
    respondent_region    text NOT NULL,
    channel              text NOT NULL
);
CREATE INDEX complaints_by_state ON complaints (state, seq);
CREATE INDEX complaints_by_province ON complaints (intake_province, state, seq);
CREATE INDEX complaints_by_department ON complaints (handling_department, state, seq);
CREATE INDEX complaints_by_complainant ON complaints (complainant_account, seq);
CREATE INDEX complaints_by_due_date ON complaints (due_on, seq) WHERE due_on IS NOT NULL;
CREATE INDEX complaints_by_received_at ON complaints (received_at);

CREATE TABLE complaint_events (
    complaint_id         text COLLATE "C" NOT NULL REFERENCES complaints (id),
    sequence             integer NOT NULL CHECK (sequence >= 1),
    kind                 text NOT NULL,
    from_state           text,
    to_state             text NOT NULL,
    actor                text NOT NULL,
    actor_name           text,
    role                 text NOT NULL CHECK (role IN ('sme', 'intake', 'handler', 'supervisor', 'admin')),
    occurred_at          text COLLATE "C" NOT NULL,           -- UTC instant, ISO 8601
    cst_date             text COLLATE "C" NOT NULL,           -- the China Standard Time date statistics count it on
    intake_province      text,
    open_delta           integer NOT NULL CHECK (open_delta IN (-1, 0, 1)),
    amount_claimed_fen   bigint CHECK (amount_claimed_fen >= 0),
    amount_paid_fen      bigint CHECK (amount_paid_fen >= 0),
    detail               text NOT NULL,
    prev_hash            text NOT NULL CHECK (length(prev_hash) = 64),
    hash                 text NOT NULL CHECK (length(hash) = 64),
    PRIMARY KEY (complaint_id, sequence)
);
CREATE INDEX complaint_events_by_date ON complaint_events (cst_date, kind);

CREATE FUNCTION arrears_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER complaint_events_are_append_only BEFORE UPDATE OR DELETE ON complaint_events
    FOR EACH ROW EXECUTE FUNCTION arrears_append_only();

CREATE TABLE complaint_numbers (
    year  integer PRIMARY KEY,
    last  bigint NOT NULL
);

CREATE TABLE idempotency_keys (
    account       text COLLATE "C" NOT NULL,
    key           text COLLATE "C" NOT NULL,
    fingerprint   text NOT NULL,
    -- Deferred: a registration claims its key first, so a concurrent retry waits for it instead of filing twice.
    complaint_id  text COLLATE "C" NOT NULL REFERENCES complaints (id) DEFERRABLE INITIALLY DEFERRED,
    created_at    text NOT NULL,
    PRIMARY KEY (account, key)
);

CREATE TABLE complaint_keys (
    complainant_code text COLLATE "C" NOT NULL,
    respondent_key   text COLLATE "C" NOT NULL,
    contract_key     text COLLATE "C" NOT NULL,               -- 'number:ZJ-2025-0318' or 'amount:45600000'
    complaint_seq    bigint NOT NULL REFERENCES complaints (seq),
    PRIMARY KEY (complainant_code, respondent_key, contract_key, complaint_seq)
);

CREATE TABLE accounts (
    id            text COLLATE "C" PRIMARY KEY,
    name          text NOT NULL,
    role          text NOT NULL CHECK (role IN ('sme', 'intake', 'handler', 'supervisor', 'admin')),
    province      text,
    department    text,
    credit_code   text COLLATE "C",
    token_digest  text COLLATE "C" NOT NULL UNIQUE,           -- SHA-256 of the bearer token; the token is never stored
    created_at    text COLLATE "C" NOT NULL,
    password_hash text CHECK (password_hash IS NULL OR password_hash ~ '^\$2[aby]\$'),
    contact       text
);
CREATE INDEX accounts_by_credit_code ON accounts (credit_code) WHERE role = 'sme';

CREATE TABLE sessions (
    token_digest  text COLLATE "C" PRIMARY KEY,
    account       text COLLATE "C" NOT NULL REFERENCES accounts (id),
    created_at    text COLLATE "C" NOT NULL,
    expires_at    text COLLATE "C" NOT NULL,
    revoked_at    text COLLATE "C"
);
CREATE INDEX sessions_by_account ON sessions (account) WHERE revoked_at IS NULL;

CREATE TABLE calendar_imports (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    first_year   integer NOT NULL,
    last_year    integer NOT NULL CHECK (last_year >= first_year),
    csv          text NOT NULL,
    imported_by  text NOT NULL,
    imported_at  text NOT NULL
);

CREATE TABLE routing_tables (
    version      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body         text NOT NULL,
    imported_by  text NOT NULL,
    imported_at  text NOT NULL
);

CREATE TABLE evidence (
    id            text COLLATE "C" PRIMARY KEY,
    complaint_id  text COLLATE "C" NOT NULL REFERENCES complaints (id),
    sha256        text COLLATE "C" NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    type          text NOT NULL CHECK (type IN ('application/pdf', 'image/jpeg', 'image/png')),
    bytes         bigint NOT NULL CHECK (bytes > 0),
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    attached_by   text NOT NULL,
    attached_at   text COLLATE "C" NOT NULL,
    position      bigint GENERATED ALWAYS AS IDENTITY          -- attachment order within one instant
);
CREATE INDEX evidence_by_complaint ON evidence (complaint_id, attached_at);
CREATE INDEX evidence_by_content ON evidence (sha256);

CREATE TABLE security_log (
    seq          bigint PRIMARY KEY,                 -- 1, 2, 3, … with no gaps: a missing entry breaks the chain
    occurred_at  text NOT NULL,
    actor        text NOT NULL,
    role         text,
    action       text NOT NULL,
    subject      text COLLATE "C" NOT NULL,
    detail       text NOT NULL,
    request_id   text,
    prev_hash    text NOT NULL CHECK (length(prev_hash) = 64),
    hash         text NOT NULL CHECK (length(hash) = 64)
);
CREATE INDEX security_log_by_subject ON security_log (subject, seq);
CREATE TRIGGER security_log_is_append_only BEFORE UPDATE OR DELETE ON security_log
    FOR EACH ROW EXECUTE FUNCTION arrears_append_only();

CREATE TABLE statistics_publications (
    month         text COLLATE "C" NOT NULL,
    scope         text COLLATE "C" NOT NULL,        -- '' national, else the province code
    published_at  text NOT NULL,
    published_by  text NOT NULL,
    body          text NOT NULL,
    checksum      text NOT NULL CHECK (length(checksum) = 64),
    PRIMARY KEY (month, scope)
);
CREATE TRIGGER statistics_publications_are_frozen BEFORE UPDATE OR DELETE ON statistics_publications
    FOR EACH ROW EXECUTE FUNCTION arrears_append_only();

CREATE TABLE statistics_cells (
    province   text COLLATE "C" NOT NULL,           -- intake province code; '' national intake; '*' the whole country
    dimension  text COLLATE "C" NOT NULL,
    key        text COLLATE "C" NOT NULL,
    figure     text COLLATE "C" NOT NULL,
    month      text COLLATE "C" NOT NULL,
    value      bigint NOT NULL,
    PRIMARY KEY (province, dimension, key, figure, month)
);

CREATE TABLE statistics_durations (
    province   text COLLATE "C" NOT NULL,
    step       text COLLATE "C" NOT NULL,
    unit       text COLLATE "C" NOT NULL,
    month      text COLLATE "C" NOT NULL,
    days       integer NOT NULL,
    count      bigint NOT NULL,
    PRIMARY KEY (province, step, unit, month, days)
);
