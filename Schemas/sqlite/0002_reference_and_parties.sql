-- Reference data an admin changes without a release, and the business keys duplicate detection looks up.

-- Each import of a State Council holiday table (one or more whole years), applied in order over the shipped table.
CREATE TABLE calendar_imports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    first_year   INTEGER NOT NULL,
    last_year    INTEGER NOT NULL CHECK (last_year >= first_year),
    csv          TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    imported_at  TEXT NOT NULL                                 -- UTC instant, ISO 8601
) STRICT;

-- Each version of the routing table (departments and rules); the highest version is in force.
CREATE TABLE routing_tables (
    version      INTEGER PRIMARY KEY AUTOINCREMENT,
    body         TEXT NOT NULL CHECK (json_valid(body)),
    imported_by  TEXT NOT NULL,
    imported_at  TEXT NOT NULL
) STRICT;

-- Business keys of each complaint: who complains about whom (the complainant's credit code; the respondent's, or its
-- name when the code is unknown) and each contract's number and amount overdue, so that a new complaint finds the
-- earlier ones between the same parties on an overlapping contract newest first, reading at most a few index entries
-- per key however many complaints the parties have (a scan of all of them made intake quadratic).
CREATE TABLE complaint_keys (
    complainant_code TEXT NOT NULL,
    respondent_key   TEXT NOT NULL,
    contract_key     TEXT NOT NULL,                            -- 'number:ZJ-2025-0318' or 'amount:45600000'
    complaint_seq    INTEGER NOT NULL REFERENCES complaints (seq),
    PRIMARY KEY (complainant_code, respondent_key, contract_key, complaint_seq)
) STRICT, WITHOUT ROWID;

-- Complaints stored before this migration get their keys too.
INSERT OR IGNORE INTO complaint_keys (complaint_seq, complainant_code, respondent_key, contract_key)
SELECT c.seq, json_extract(c.body, '$.filing.complainant.creditCode'),
       COALESCE('code:' || json_extract(c.body, '$.filing.respondent.creditCode'), 'name:' || trim(json_extract(c.body, '$.filing.respondent.name'))),
       'number:' || upper(trim(json_extract(contract.value, '$.number')))
FROM complaints c, json_each(c.body, '$.filing.contracts') contract
UNION ALL
SELECT c.seq, json_extract(c.body, '$.filing.complainant.creditCode'),
       COALESCE('code:' || json_extract(c.body, '$.filing.respondent.creditCode'), 'name:' || trim(json_extract(c.body, '$.filing.respondent.name'))),
       'amount:' || json_extract(contract.value, '$.amountOverdue')
FROM complaints c, json_each(c.body, '$.filing.contracts') contract;
