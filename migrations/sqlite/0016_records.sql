-- Personal records (issue 11) and what they are computed from, kept up to date inside the
-- transaction of every workout write (features/records). Every row carries user_id. Rows name
-- workouts and exercises without foreign keys, like workout_blocks: records follow the log
-- through the observer, which deletes what a deleted workout set.

-- The record progression: one row each time a workout beat the best of a series before it (at
-- that time). A series is (exercise_id or sport, kind, variant): variant is the formula of a
-- one_rep_max ('epley', 'brzycki'), the rep count of a rep_max ('1'..'12'), the distance of a
-- best_effort ('400', '1609.344', ...), else ''. `is_current` marks the last row of each series.
CREATE TABLE personal_records (
  id             TEXT NOT NULL,              -- UUIDv7, for the history's keyset order
  user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  exercise_id    TEXT NOT NULL DEFAULT '',   -- strength; '' for cardio
  sport          TEXT NOT NULL DEFAULT '',   -- cardio; '' for strength
  kind           TEXT NOT NULL CHECK (kind IN ('one_rep_max', 'rep_max', 'set_volume',
                   'session_volume', 'best_effort', 'longest_distance', 'longest_duration',
                   'most_elevation_gain')),
  variant        TEXT NOT NULL DEFAULT '',
  reps           INTEGER,
  weight_kg      REAL,
  distance_m     REAL,
  value          REAL NOT NULL,              -- kg, s or m
  previous_value REAL,
  workout_id     TEXT NOT NULL,
  achieved_at    TEXT NOT NULL,              -- the workout's started_at
  is_current     INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
  PRIMARY KEY (user_id, exercise_id, sport, kind, variant, achieved_at, workout_id)
) STRICT;
-- Current bests (GET /api/v1/records).
CREATE INDEX personal_records_current ON personal_records (user_id, exercise_id, sport)
  WHERE is_current = 1;
-- Newest first (history, the dashboard's recent records).
CREATE INDEX personal_records_newest ON personal_records (user_id, achieved_at, id);
-- A workout's badges.
CREATE INDEX personal_records_workout ON personal_records (user_id, workout_id);

-- One row per workout and exercise with counted sets (done, not warm-up): the points of a lift's
-- progress chart and what goals ask of a period.
CREATE TABLE exercise_workout_stats (
  user_id                TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  exercise_id            TEXT NOT NULL,
  started_at             TEXT NOT NULL,
  workout_id             TEXT NOT NULL,
  day                    TEXT NOT NULL,      -- local day (the workout's zone, else the profile's)
  one_rep_max_epley_kg   REAL,               -- best estimate of the sets of 1-12 reps
  one_rep_max_brzycki_kg REAL,
  heaviest_weight_kg     REAL,
  best_set_volume_kg     REAL NOT NULL,
  volume_kg              REAL NOT NULL,
  sets                   INTEGER NOT NULL,
  reps                   INTEGER NOT NULL,
  PRIMARY KEY (user_id, exercise_id, started_at, workout_id)
) STRICT;
CREATE INDEX exercise_workout_stats_workout ON exercise_workout_stats (user_id, workout_id);

-- The best efforts of a cardio workout's track, found once when the workout is written.
CREATE TABLE cardio_best_efforts (
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  sport      TEXT NOT NULL,
  started_at TEXT NOT NULL,
  workout_id TEXT NOT NULL,
  distance_m REAL NOT NULL,
  seconds    REAL NOT NULL,
  PRIMARY KEY (user_id, sport, started_at, workout_id, distance_m)
) STRICT;
CREATE INDEX cardio_best_efforts_workout ON cardio_best_efforts (user_id, workout_id);
