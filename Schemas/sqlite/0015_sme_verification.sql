-- An SME account proves it is the company before it sees anything it did not file itself: an intake officer checks the
-- business licence, or a one-time code reaches the contact already on record for its credit code.
ALTER TABLE accounts ADD COLUMN verified_at TEXT;
-- How, and what was checked: 'licence-checked: …', 'one-time-code', 'made-by-operator', or an identity provider's name.
ALTER TABLE accounts ADD COLUMN verification TEXT;

-- Accounts an operator or an admin made (no self-registered contact) were made by someone who knew the company.
UPDATE accounts SET verified_at = created_at, verification = 'made-by-operator' WHERE role = 'sme' AND contact IS NULL;

-- Complaints officials registered for a self-registered account leave it until it is verified; what it filed online stays.
UPDATE complaints SET complainant_account = NULL, body = json_remove(body, '$.complainantAccount')
WHERE channel <> 'online'
  AND complainant_account IN (SELECT id FROM accounts WHERE role = 'sme' AND verified_at IS NULL);

CREATE INDEX complaints_awaiting_account ON complaints (complainant_code) WHERE complainant_account IS NULL;

-- Registering claims nothing: several unverified accounts may name one credit code, so an anonymous caller cannot learn
-- from a registration whether the code is taken; only one of them may ever be verified, and that one owns the complaints.
DROP INDEX accounts_one_sme_per_credit_code;
CREATE UNIQUE INDEX accounts_one_verified_sme_per_credit_code ON accounts (credit_code) WHERE role = 'sme' AND verified_at IS NOT NULL;
CREATE INDEX accounts_by_credit_code ON accounts (credit_code) WHERE role = 'sme';

-- One-time codes sent to the contact on record: only a digest is kept, for a few minutes and a few tries.
CREATE TABLE sme_verification_codes (
    account      TEXT PRIMARY KEY REFERENCES accounts (id),
    code_digest  TEXT NOT NULL CHECK (length(code_digest) = 64),
    contact_of   TEXT NOT NULL,                 -- the complaint whose contact the code was sent to
    expires_at   TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0)
) STRICT;
