-- Published months: the figures as they stood when an official published them, frozen with their SHA-256. Later
-- history (imports dated in that month) never changes a publication; the statistics report the drift beside it.

CREATE TABLE statistics_publications (
    month         TEXT NOT NULL,              -- YYYY-MM (CST)
    scope         TEXT NOT NULL,              -- '' national, else the province code
    published_at  TEXT NOT NULL,
    published_by  TEXT NOT NULL,
    body          TEXT NOT NULL CHECK (json_valid(body)),   -- the statistics exactly as the API returned them, sorted keys
    checksum      TEXT NOT NULL CHECK (length(checksum) = 64),
    PRIMARY KEY (month, scope)
) STRICT;

CREATE TRIGGER statistics_publications_are_not_updated BEFORE UPDATE ON statistics_publications
BEGIN SELECT RAISE(ABORT, 'a published month is frozen'); END;

CREATE TRIGGER statistics_publications_are_not_deleted BEFORE DELETE ON statistics_publications
BEGIN SELECT RAISE(ABORT, 'a published month is frozen'); END;
