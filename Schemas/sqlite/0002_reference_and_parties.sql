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

-- Who complains about whom: the complainant's credit code and the respondent's (or its name when the code is
-- unknown), so a new complaint finds the earlier ones between the same parties with one index lookup.
CREATE TABLE complaint_parties (
    complaint_id     TEXT PRIMARY KEY REFERENCES complaints (id),
    complainant_code TEXT NOT NULL,
    respondent_key   TEXT NOT NULL
) STRICT;

CREATE INDEX complaint_parties_by_parties ON complaint_parties (complainant_code, respondent_key);

INSERT INTO complaint_parties (complaint_id, complainant_code, respondent_key)
SELECT id, json_extract(body, '$.filing.complainant.creditCode'),
       COALESCE('code:' || json_extract(body, '$.filing.respondent.creditCode'), 'name:' || json_extract(body, '$.filing.respondent.name'))
FROM complaints;
