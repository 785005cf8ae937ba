-- Uploads as bytes: an import keeps the file as it was sent rather than as base64url text,
-- which was a third larger and had to be decoded again by the job. An upload queued before this
-- migration keeps its text in `content`; new rows leave it empty.
ALTER TABLE import_uploads ADD COLUMN bytes BYTEA;
