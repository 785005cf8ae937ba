-- Workout ids are per user: a workout is (user_id, id), its blocks (user_id, workout_id,
-- position), its sets (user_id, workout_id, block_position, position) and its track (user_id,
-- workout_id). A client chooses its workouts' ids (offline sync); with ids unique across all users,
-- creating one with another user's id was refused, which told that the id exists (issue 9,
-- defect 11). Now another user's id is as free as any unused one.
--
-- SQLite changes a key only by rebuilding the table (https://sqlite.org/lang_altertable.html,
-- "other kinds of table schema changes"): each new table is made under a new name, filled, the old
-- one dropped and the new one renamed. The migration runner turns foreign keys off around every
-- migration and runs foreign_key_check before it commits (with them on, dropping the old workouts
-- would delete every block, set and track by ON DELETE CASCADE). The children's user_id is taken
-- from their workout, whose it is by the foreign key from now on. Columns keep their order (the
-- PostgreSQL schema is the same, tests/process/schema_parity_test.py); workout_tracks_user goes:
-- the new primary key (user_id, workout_id) serves what it did.

CREATE TABLE workouts_new (
  id                TEXT NOT NULL,
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
  deleted_at        TEXT,
  import_id         TEXT,                   -- the import that created it (0006)
  PRIMARY KEY (user_id, id)
) STRICT;
INSERT INTO workouts_new (id, user_id, title, kind, started_at, ended_at, time_zone, notes,
  perceived_effort, routine_id, sport, distance_m, duration_s, moving_time_s, elevation_gain_m,
  avg_hr, max_hr, calories_kcal, total_sets, total_reps, total_volume_kg, total_exercises,
  total_duration_s, exercise_ids, input_hash, created_at, updated_at, rev, deleted_at, import_id)
SELECT id, user_id, title, kind, started_at, ended_at, time_zone, notes,
  perceived_effort, routine_id, sport, distance_m, duration_s, moving_time_s, elevation_gain_m,
  avg_hr, max_hr, calories_kcal, total_sets, total_reps, total_volume_kg, total_exercises,
  total_duration_s, exercise_ids, input_hash, created_at, updated_at, rev, deleted_at, import_id
FROM workouts;

-- The children name their parents by their final names: the references hold once the new tables
-- are renamed.
CREATE TABLE workout_blocks_new (
  workout_id     TEXT NOT NULL,
  position       INTEGER NOT NULL,          -- 0-based order in the workout
  user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  exercise_id    TEXT NOT NULL,
  superset_group INTEGER,
  rest_s         INTEGER,
  notes          TEXT,
  PRIMARY KEY (user_id, workout_id, position),
  FOREIGN KEY (user_id, workout_id) REFERENCES workouts (user_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
INSERT INTO workout_blocks_new (workout_id, position, user_id, exercise_id, superset_group,
  rest_s, notes)
SELECT b.workout_id, b.position, w.user_id, b.exercise_id, b.superset_group, b.rest_s, b.notes
FROM workout_blocks b JOIN workouts w ON w.id = b.workout_id;

CREATE TABLE workout_sets_new (
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
  PRIMARY KEY (user_id, workout_id, block_position, position),
  FOREIGN KEY (user_id, workout_id, block_position)
    REFERENCES workout_blocks (user_id, workout_id, position) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
INSERT INTO workout_sets_new (workout_id, block_position, position, user_id, set_type, reps,
  weight_kg, duration_s, distance_m, rpe, rir, done, target_reps, target_weight_kg, target_rir)
SELECT s.workout_id, s.block_position, s.position, w.user_id, s.set_type, s.reps,
  s.weight_kg, s.duration_s, s.distance_m, s.rpe, s.rir, s.done, s.target_reps,
  s.target_weight_kg, s.target_rir
FROM workout_sets s JOIN workouts w ON w.id = s.workout_id;

CREATE TABLE workout_tracks_new (
  workout_id    TEXT NOT NULL,
  user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  format        INTEGER NOT NULL,
  start_unix_ms INTEGER,
  sport         TEXT NOT NULL,
  point_count   INTEGER NOT NULL,
  points        TEXT NOT NULL,
  splits        TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (user_id, workout_id),
  FOREIGN KEY (user_id, workout_id) REFERENCES workouts (user_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
INSERT INTO workout_tracks_new (workout_id, user_id, format, start_unix_ms, sport, point_count,
  points, splits, created_at)
SELECT t.workout_id, w.user_id, t.format, t.start_unix_ms, t.sport, t.point_count, t.points,
  t.splits, t.created_at
FROM workout_tracks t JOIN workouts w ON w.id = t.workout_id;

-- Their indexes go with them.
DROP TABLE workout_sets;
DROP TABLE workout_tracks;
DROP TABLE workout_blocks;
DROP TABLE workouts;
ALTER TABLE workouts_new RENAME TO workouts;
ALTER TABLE workout_blocks_new RENAME TO workout_blocks;
ALTER TABLE workout_sets_new RENAME TO workout_sets;
ALTER TABLE workout_tracks_new RENAME TO workout_tracks;

-- The indexes of 0005 and 0006, as they were.
-- The history list: newest first, keyset by (started_at, id).
CREATE INDEX workouts_user_started ON workouts (user_id, started_at DESC, id DESC);
-- Changes since a rev, tombstones included (sync).
CREATE INDEX workouts_user_rev ON workouts (user_id, rev);
CREATE INDEX workouts_import ON workouts (user_id, import_id) WHERE import_id IS NOT NULL;
-- Duplicate detection of activity files: the same start time and sport.
CREATE INDEX workouts_user_sport_start ON workouts (user_id, started_at, sport)
  WHERE deleted_at IS NULL AND kind = 'cardio';
-- "Your last sets of this exercise".
CREATE INDEX workout_blocks_exercise ON workout_blocks (user_id, exercise_id);
