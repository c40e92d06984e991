-- Sign-in with a password for an expiring token. Passwords are stored only as bcrypt hashes, tokens only as SHA-256
-- digests; an account made by `arrearsd account create` keeps its long-lived operator token until it is revoked.

ALTER TABLE accounts ADD COLUMN password_hash TEXT CHECK (password_hash IS NULL OR password_hash GLOB '$2[aby]$*');
-- An SME's contact person, phone and email (personal information: shown only to the account and its officials).
ALTER TABLE accounts ADD COLUMN contact TEXT CHECK (contact IS NULL OR json_valid(contact));

CREATE TABLE sessions (
    token_digest  TEXT PRIMARY KEY,                            -- SHA-256 of the token; the token is never stored
    account       TEXT NOT NULL REFERENCES accounts (id),
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    revoked_at    TEXT
) STRICT;

CREATE INDEX sessions_by_account ON sessions (account) WHERE revoked_at IS NULL;
