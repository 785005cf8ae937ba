-- Workouts (strength and cardio in one table) with their ordered blocks and sets, the
-- Idempotency-Key records of workout creates, routines and body measurements.
-- Conventions: every row carries user_id (the future shard key); ids are UUIDv7 text, a
-- workout's possibly chosen by the client; `rev` is the user's sequence number of the row's last
-- change in its table (one more than the user's newest), so a sync feed can ask for the changes
-- since a number; deleting leaves a tombstone (deleted_at) for that feed and drops the children.
-- exercise_id has no foreign key: it names a catalogue exercise or the user's own, and deleting
-- an own exercise keeps the sets logged with it.

CREATE TABLE workouts (
  id                TEXT PRIMARY KEY,
  user_id           TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title             TEXT NOT NULL DEFAULT '',
  kind              TEXT NOT NULL CHECK (kind IN ('strength', 'cardio')),
  started_at        TEXT NOT NULL,          -- RFC 3339 UTC with milliseconds: text order is time order
  ended_at          TEXT,
  time_zone         TEXT,                   -- IANA zone of the user when it happened
  notes             TEXT,
  perceived_effort  INTEGER CHECK (perceived_effort BETWEEN 1 AND 10),
  routine_id        TEXT,
  -- Cardio summary (kind = 'cardio'), SI units.
  sport             TEXT,
  distance_m        REAL,
  duration_s        REAL,
  moving_time_s     REAL,
  elevation_gain_m  REAL,
  avg_hr            INTEGER,
  max_hr            INTEGER,
  calories_kcal     REAL,
  -- Totals of the done sets, written with the sets so that lists never read them.
  total_sets        INTEGER NOT NULL DEFAULT 0,
  total_reps        INTEGER NOT NULL DEFAULT 0,
  total_volume_kg   REAL NOT NULL DEFAULT 0,
  total_exercises   INTEGER NOT NULL DEFAULT 0,
  total_duration_s  REAL,
  -- The distinct exercise ids of the blocks in order, space-separated: the history list shows
  -- their names without reading the blocks.
  exercise_ids      TEXT NOT NULL DEFAULT '',
  input_hash        TEXT NOT NULL,          -- digest of the content last written: retries compare it
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  rev               INTEGER NOT NULL,
  deleted_at        TEXT
) STRICT;
-- The history list: newest first, keyset by (started_at, id).
CREATE INDEX workouts_user_started ON workouts (user_id, started_at DESC, id DESC);
-- Changes since a rev, tombstones included (sync); also finds the user's next rev.
CREATE INDEX workouts_user_rev ON workouts (user_id, rev);

CREATE TABLE workout_blocks (
  workout_id     TEXT NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,          -- 0-based order in the workout
  user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  exercise_id    TEXT NOT NULL,
  superset_group INTEGER,
  rest_s         INTEGER,
  notes          TEXT,
  PRIMARY KEY (workout_id, position)
) STRICT, WITHOUT ROWID;
-- "Your last sets of this exercise".
CREATE INDEX workout_blocks_exercise ON workout_blocks (user_id, exercise_id);

CREATE TABLE workout_sets (
  workout_id       TEXT NOT NULL,
  block_position   INTEGER NOT NULL,
  position         INTEGER NOT NULL,        -- 0-based order in the block
  -- No foreign key to users: sets go with their block, and an index on user_id alone would cost
  -- every set insert a second b-tree write just to serve account deletion.
  user_id          TEXT NOT NULL,
  set_type         TEXT NOT NULL DEFAULT 'normal'
                     CHECK (set_type IN ('warmup', 'normal', 'drop', 'failure', 'amrap')),
  reps             INTEGER,
  weight_kg        REAL,
  duration_s       REAL,
  distance_m       REAL,
  rpe              REAL,
  rir              INTEGER,
  done             INTEGER NOT NULL CHECK (done IN (0, 1)),
  target_reps      INTEGER,
  target_weight_kg REAL,
  target_rir       INTEGER,
  PRIMARY KEY (workout_id, block_position, position),
  FOREIGN KEY (workout_id, block_position)
    REFERENCES workout_blocks (workout_id, position) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- A POST with an Idempotency-Key: a retry with the same key answers with the workout it made.
-- Keys older than 24 hours may be purged (not done yet).
CREATE TABLE workout_idempotency_keys (
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  workout_id   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX workout_idempotency_keys_created ON workout_idempotency_keys (created_at);

CREATE TABLE routines (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  notes      TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  rev        INTEGER NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX routines_user_rev ON routines (user_id, rev);
-- One live routine of a name per user (ASCII case-insensitive); tombstones free the name.
CREATE UNIQUE INDEX routines_user_name ON routines (user_id, name COLLATE NOCASE)
  WHERE deleted_at IS NULL;

CREATE TABLE routine_items (
  routine_id         TEXT NOT NULL REFERENCES routines (id) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  user_id            TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  exercise_id        TEXT NOT NULL,
  superset_group     INTEGER,
  target_sets        INTEGER NOT NULL,
  target_reps        INTEGER,
  target_weight_kg   REAL,
  target_percent_1rm REAL,
  rest_s             INTEGER,
  PRIMARY KEY (routine_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX routine_items_user ON routine_items (user_id);

-- One value per kind per local day: a second one the same day replaces the first. A deleted one
-- stays as a tombstone until the same kind and day is recorded again.
CREATE TABLE measurements (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  day        TEXT NOT NULL,                 -- YYYY-MM-DD
  value      REAL NOT NULL,
  unit       TEXT NOT NULL,                 -- kg for weight, % for body_fat, the user's for the rest
  notes      TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  rev        INTEGER NOT NULL,
  deleted_at TEXT,
  UNIQUE (user_id, kind, day)
) STRICT;
CREATE INDEX measurements_user_rev ON measurements (user_id, rev);
