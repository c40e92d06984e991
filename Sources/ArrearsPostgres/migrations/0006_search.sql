-- Finding complaints by what officials type (SearchTerms): the terms of each complaint's number, parties, credit codes
-- and contract numbers as a tsvector with positions, written as a literal by Arrears, so no text search configuration or
-- database locale takes part; phrase queries (<->) over a GIN index. Complaints stored before are filled in by arrearsd
-- after this migration (PostgresDatabase.migrate).
ALTER TABLE complaints ADD COLUMN search tsvector;
CREATE INDEX complaints_search ON complaints USING gin (search);
