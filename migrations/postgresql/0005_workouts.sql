-- Workouts (strength and cardio in one table) with their ordered blocks and sets, the
-- Idempotency-Key records of workout creates, routines and body measurements.
-- Conventions: every row carries user_id (the future shard key); ids are UUIDv7 text, a
-- workout's possibly chosen by the client; `rev` is the user's sequence number of the row's last
-- change, so a sync feed can ask for the changes since a number; deleting leaves a tombstone
-- (deleted_at) for that feed and drops the children.
-- exercise_id has no foreign key: it names a catalogue exercise or the user's own, and deleting
-- an own exercise keeps the sets logged with it.

CREATE TABLE workouts (
  id                TEXT COLLATE "C" PRIMARY KEY,
  user_id           TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title             TEXT COLLATE "C" NOT NULL DEFAULT '',
  kind              TEXT COLLATE "C" NOT NULL CHECK (kind IN ('strength', 'cardio')),
  started_at        TEXT COLLATE "C" NOT NULL,  -- RFC 3339 UTC with milliseconds: text order is time order
  ended_at          TEXT COLLATE "C",
  time_zone         TEXT COLLATE "C",           -- IANA zone of the user when it happened
  notes             TEXT COLLATE "C",
  perceived_effort  BIGINT CHECK (perceived_effort BETWEEN 1 AND 10),
  routine_id        TEXT COLLATE "C",
  -- Cardio summary (kind = 'cardio'), SI units.
  sport             TEXT COLLATE "C",
  distance_m        DOUBLE PRECISION,
  duration_s        DOUBLE PRECISION,
  moving_time_s     DOUBLE PRECISION,
  elevation_gain_m  DOUBLE PRECISION,
  avg_hr            BIGINT,
  max_hr            BIGINT,
  calories_kcal     DOUBLE PRECISION,
  -- Totals of the done sets, written with the sets so that lists never read them.
  total_sets        BIGINT NOT NULL DEFAULT 0,
  total_reps        BIGINT NOT NULL DEFAULT 0,
  total_volume_kg   DOUBLE PRECISION NOT NULL DEFAULT 0,
  total_exercises   BIGINT NOT NULL DEFAULT 0,
  total_duration_s  DOUBLE PRECISION,
  -- The distinct exercise ids of the blocks in order, space-separated: the history list shows
  -- their names without reading the blocks.
  exercise_ids      TEXT COLLATE "C" NOT NULL DEFAULT '',
  input_hash        TEXT COLLATE "C" NOT NULL,  -- digest of the content last written: retries compare it
  created_at        TEXT COLLATE "C" NOT NULL,
  updated_at        TEXT COLLATE "C" NOT NULL,
  rev               BIGINT NOT NULL,
  deleted_at        TEXT COLLATE "C"
);
-- The history list: newest first, keyset by (started_at, id).
CREATE INDEX workouts_user_started ON workouts (user_id, started_at DESC, id DESC);
-- Changes since a rev, tombstones included (sync).
CREATE INDEX workouts_user_rev ON workouts (user_id, rev);

CREATE TABLE workout_blocks (
  workout_id     TEXT COLLATE "C" NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
  position       BIGINT NOT NULL,           -- 0-based order in the workout
  user_id        TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  exercise_id    TEXT COLLATE "C" NOT NULL,
  superset_group BIGINT,
  rest_s         BIGINT,
  notes          TEXT COLLATE "C",
  PRIMARY KEY (workout_id, position)
);
-- "Your last sets of this exercise".
CREATE INDEX workout_blocks_exercise ON workout_blocks (user_id, exercise_id);

CREATE TABLE workout_sets (
  workout_id       TEXT COLLATE "C" NOT NULL,
  block_position   BIGINT NOT NULL,
  position         BIGINT NOT NULL,         -- 0-based order in the block
  -- No foreign key to users: sets go with their block, and an index on user_id alone would cost
  -- every set insert a second b-tree write just to serve account deletion.
  user_id          TEXT COLLATE "C" NOT NULL,
  set_type         TEXT COLLATE "C" NOT NULL DEFAULT 'normal'
                     CHECK (set_type IN ('warmup', 'normal', 'drop', 'failure', 'amrap')),
  reps             BIGINT,
  weight_kg        DOUBLE PRECISION,
  duration_s       DOUBLE PRECISION,
  distance_m       DOUBLE PRECISION,
  rpe              DOUBLE PRECISION,
  rir              BIGINT,
  done             BIGINT NOT NULL CHECK (done IN (0, 1)),
  target_reps      BIGINT,
  target_weight_kg DOUBLE PRECISION,
  target_rir       BIGINT,
  PRIMARY KEY (workout_id, block_position, position),
  FOREIGN KEY (workout_id, block_position)
    REFERENCES workout_blocks (workout_id, position) ON DELETE CASCADE
);

-- A POST with an Idempotency-Key: a retry with the same key answers with the workout it made.
-- Keys older than 24 hours may be purged.
CREATE TABLE workout_idempotency_keys (
  user_id      TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key          TEXT COLLATE "C" NOT NULL,
  request_hash TEXT COLLATE "C" NOT NULL,
  workout_id   TEXT COLLATE "C" NOT NULL,
  created_at   TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX workout_idempotency_keys_created ON workout_idempotency_keys (created_at);

CREATE TABLE routines (
  id         TEXT COLLATE "C" PRIMARY KEY,
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       TEXT COLLATE "C" NOT NULL,
  notes      TEXT COLLATE "C",
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  rev        BIGINT NOT NULL,
  deleted_at TEXT COLLATE "C"
);
CREATE INDEX routines_user_rev ON routines (user_id, rev);
-- One live routine of a name per user (ASCII case-insensitive); tombstones free the name.
-- SQLite's COLLATE NOCASE folds A-Z only; lower() of a "C" column folds exactly those.
CREATE UNIQUE INDEX routines_user_name ON routines (user_id, lower(name))
  WHERE deleted_at IS NULL;

CREATE TABLE routine_items (
  routine_id         TEXT COLLATE "C" NOT NULL REFERENCES routines (id) ON DELETE CASCADE,
  position           BIGINT NOT NULL,
  user_id            TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  exercise_id        TEXT COLLATE "C" NOT NULL,
  superset_group     BIGINT,
  target_sets        BIGINT NOT NULL,
  target_reps        BIGINT,
  target_weight_kg   DOUBLE PRECISION,
  target_percent_1rm DOUBLE PRECISION,
  rest_s             BIGINT,
  PRIMARY KEY (routine_id, position)
);
CREATE INDEX routine_items_user ON routine_items (user_id);

-- One value per kind per local day: a second one the same day replaces the first. A deleted one
-- stays as a tombstone until the same kind and day is recorded again.
CREATE TABLE measurements (
  id         TEXT COLLATE "C" PRIMARY KEY,
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind       TEXT COLLATE "C" NOT NULL,
  day        TEXT COLLATE "C" NOT NULL,     -- YYYY-MM-DD
  value      DOUBLE PRECISION NOT NULL,
  unit       TEXT COLLATE "C" NOT NULL,     -- kg for weight, % for body_fat, the user's for the rest
  notes      TEXT COLLATE "C",
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  rev        BIGINT NOT NULL,
  deleted_at TEXT COLLATE "C",
  UNIQUE (user_id, kind, day)
);
CREATE INDEX measurements_user_rev ON measurements (user_id, rev);
