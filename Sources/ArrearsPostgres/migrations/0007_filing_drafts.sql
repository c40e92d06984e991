-- Filings being written in the portal (FilingDraft): the answers as typed, as JSON, per account.
CREATE TABLE filing_drafts (
    account     text COLLATE "C" NOT NULL,
    id          text COLLATE "C" NOT NULL CHECK (char_length(id) BETWEEN 1 AND 64),
    answers     jsonb NOT NULL,
    created_at  text COLLATE "C" NOT NULL,
    updated_at  text COLLATE "C" NOT NULL,
    PRIMARY KEY (account, id)
);
