-- Filings being written in the portal (FilingDraft): the answers as typed, as JSON, per account.
CREATE TABLE filing_drafts (
    account     TEXT NOT NULL,
    id          TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    answers     TEXT NOT NULL CHECK (json_valid(answers)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (account, id)
) STRICT;
