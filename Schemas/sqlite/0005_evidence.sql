-- Evidence files attached to complaints. The content lives outside the database, once per SHA-256 (EvidenceVault);
-- each row is one attachment, written in the same transaction as the complaint's `evidence_attached` event.

CREATE TABLE evidence (
    id            TEXT PRIMARY KEY,
    complaint_id  TEXT NOT NULL REFERENCES complaints (id),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    type          TEXT NOT NULL CHECK (type IN ('application/pdf', 'image/jpeg', 'image/png')),
    bytes         INTEGER NOT NULL CHECK (bytes > 0),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    attached_by   TEXT NOT NULL,
    attached_at   TEXT NOT NULL
) STRICT;

CREATE INDEX evidence_by_complaint ON evidence (complaint_id, attached_at);
CREATE INDEX evidence_by_content ON evidence (sha256);
