-- One SME account per credit code, kept by the database itself rather than by a check before the insert: the index
-- that answered that check becomes UNIQUE. Accounts were only ever created after that check, so no two rows conflict.
DROP INDEX accounts_by_credit_code;
CREATE UNIQUE INDEX accounts_one_sme_per_credit_code ON accounts (credit_code) WHERE role = 'sme';
