-- Each complaint's event log becomes a hash chain: an event's hash covers its stored fields and the hash of the event
-- before it, so a row changed in the file (the triggers stop changes through SQL, not through a hex editor or a
-- dropped trigger) no longer matches. Events written before this migration have no hash and are reported as unchained.
ALTER TABLE complaint_events ADD COLUMN prev_hash TEXT CHECK (prev_hash IS NULL OR length(prev_hash) = 64);
ALTER TABLE complaint_events ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);
