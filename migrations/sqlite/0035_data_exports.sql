-- Exports of everything a user owns (GDPR Art. 15 and 20, issue 15): one row per request. A job
-- (kind 'portability.export') builds the zip in the data directory; the row says where it is,
-- how far the job got and until when the link works. Housekeeping deletes the file and the row
-- once expires_at has passed (features/portability).
CREATE TABLE data_exports (
  id          TEXT PRIMARY KEY,                  -- UUIDv7
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  job_id      TEXT,                              -- the job building it (jobs may be purged)
  status      TEXT NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'running', 'ready', 'failed')),
  file_name   TEXT,                              -- inside <data_dir>/exports, once ready
  size_bytes  INTEGER,
  sha256      TEXT,                              -- of the zip
  created_at  TEXT NOT NULL,
  ready_at    TEXT,
  expires_at  TEXT NOT NULL
) STRICT;
CREATE INDEX data_exports_user ON data_exports (user_id, created_at);
CREATE INDEX data_exports_expiry ON data_exports (expires_at);
