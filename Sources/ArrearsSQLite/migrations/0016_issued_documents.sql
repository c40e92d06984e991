-- Documents the platform issues (a 督办书, text/html) are kept as files of the complaint beside the uploads, so lists,
-- downloads, backups and their digest checks cover them. SQLite cannot change a CHECK in place: the table is rebuilt
-- with the same rows.

CREATE TABLE evidence_new (
    id            TEXT PRIMARY KEY,
    complaint_id  TEXT NOT NULL REFERENCES complaints (id),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    type          TEXT NOT NULL CHECK (type IN ('application/pdf', 'image/jpeg', 'image/png', 'text/html')),
    bytes         INTEGER NOT NULL CHECK (bytes > 0),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    attached_by   TEXT NOT NULL,
    attached_at   TEXT NOT NULL
) STRICT;

INSERT INTO evidence_new (rowid, id, complaint_id, sha256, type, bytes, name, attached_by, attached_at)
    SELECT rowid, id, complaint_id, sha256, type, bytes, name, attached_by, attached_at FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_new RENAME TO evidence;
CREATE INDEX evidence_by_complaint ON evidence (complaint_id, attached_at);
CREATE INDEX evidence_by_content ON evidence (sha256);
