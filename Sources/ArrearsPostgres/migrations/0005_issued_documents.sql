-- Documents the platform issues (a 督办书, text/html) are kept as files of the complaint beside the uploads.
ALTER TABLE evidence DROP CONSTRAINT evidence_type_check;
ALTER TABLE evidence ADD CONSTRAINT evidence_type_check CHECK (type IN ('application/pdf', 'image/jpeg', 'image/png', 'text/html'));
