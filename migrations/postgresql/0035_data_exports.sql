-- Exports of everything a user owns (GDPR Art. 15 and 20, issue 15): one row per request. A job
-- (kind 'portability.export') builds the zip in the data directory; the row says where it is,
-- how far the job got and until when the link works. Housekeeping deletes the file and the row
-- once expires_at has passed (features/portability).
CREATE TABLE data_exports (
  id          TEXT COLLATE "C" PRIMARY KEY,
  user_id     TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  job_id      TEXT COLLATE "C",
  status      TEXT COLLATE "C" NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'running', 'ready', 'failed')),
  file_name   TEXT COLLATE "C",
  size_bytes  BIGINT,
  sha256      TEXT COLLATE "C",
  created_at  TEXT COLLATE "C" NOT NULL,
  ready_at    TEXT COLLATE "C",
  expires_at  TEXT COLLATE "C" NOT NULL
);
CREATE INDEX data_exports_user ON data_exports (user_id, created_at);
CREATE INDEX data_exports_expiry ON data_exports (expires_at);
