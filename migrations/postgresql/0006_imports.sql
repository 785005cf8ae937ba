-- Background jobs (a DB-backed queue that several instances can share), imports of activity
-- files and of other apps' CSV exports, and the GPS tracks of workouts.

-- One row per job. A runner claims a queued job (or a running one whose lease ran out: its
-- runner died) by setting status = 'running', a lease end and its own lease token; only the
-- holder of the token may record progress or the outcome.
CREATE TABLE jobs (
  id          TEXT COLLATE "C" PRIMARY KEY,      -- UUIDv7: creation order
  user_id     TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind        TEXT COLLATE "C" NOT NULL,         -- e.g. 'import'
  status      TEXT COLLATE "C" NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  progress    DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
  total       BIGINT,                            -- units of work, when known
  done        BIGINT NOT NULL DEFAULT 0,
  payload     TEXT COLLATE "C" NOT NULL DEFAULT '{}',  -- the job's parameters (JSON)
  result      TEXT COLLATE "C",                  -- JSON, on success (or details of a failure)
  error       TEXT COLLATE "C",                  -- a message for the user, on failure
  attempts    BIGINT NOT NULL DEFAULT 0,
  lease_token TEXT COLLATE "C",
  lease_until TEXT COLLATE "C",
  created_at  TEXT COLLATE "C" NOT NULL,
  updated_at  TEXT COLLATE "C" NOT NULL
);
-- What a runner looks for.
CREATE INDEX jobs_pending ON jobs (status, created_at);
CREATE INDEX jobs_user ON jobs (user_id, created_at);

-- The uploaded file of an import job until the job has run (base64url until 0009).
CREATE TABLE import_uploads (
  job_id  TEXT COLLATE "C" PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  content TEXT COLLATE "C" NOT NULL
);

-- What an import created, so that undoing it deletes exactly that.
ALTER TABLE workouts ADD COLUMN import_id TEXT COLLATE "C";
ALTER TABLE custom_exercises ADD COLUMN import_id TEXT COLLATE "C";
CREATE INDEX workouts_import ON workouts (user_id, import_id) WHERE import_id IS NOT NULL;
CREATE INDEX custom_exercises_import ON custom_exercises (user_id, import_id)
  WHERE import_id IS NOT NULL;
-- Duplicate detection of activity files: the same start time and sport.
CREATE INDEX workouts_user_sport_start ON workouts (user_id, started_at, sport)
  WHERE deleted_at IS NULL AND kind = 'cardio';

-- A workout's recorded track, compactly: one row per workout, not one per point. `points` is
-- base64url of the delta-encoded streams (features/imports/track_codec.hpp, `format`
-- names the encoding); `splits` the per-kilometre splits as JSON, computed once at import.
CREATE TABLE workout_tracks (
  workout_id    TEXT COLLATE "C" PRIMARY KEY REFERENCES workouts (id) ON DELETE CASCADE,
  user_id       TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  format        BIGINT NOT NULL,
  start_unix_ms BIGINT,
  sport         TEXT COLLATE "C" NOT NULL,
  point_count   BIGINT NOT NULL,
  points        TEXT COLLATE "C" NOT NULL,
  splits        TEXT COLLATE "C" NOT NULL,
  created_at    TEXT COLLATE "C" NOT NULL
);
CREATE INDEX workout_tracks_user ON workout_tracks (user_id);
