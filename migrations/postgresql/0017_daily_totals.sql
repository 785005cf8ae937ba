-- Daily aggregates that analytics and goals read (features/stats): per user and LOCAL day (the
-- workout's time zone, else the profile's; YYYY-MM-DD), rewritten in the same transaction as
-- every workout write that touches the day, so reads never scan the training log.
-- Per day, kind and sport ('' for strength): what the summary, calendar and load read.
CREATE TABLE stats_daily (
  user_id          TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day              TEXT COLLATE "C" NOT NULL,
  kind             TEXT COLLATE "C" NOT NULL CHECK (kind IN ('strength', 'cardio')),
  sport            TEXT COLLATE "C" NOT NULL,
  sessions         BIGINT NOT NULL,
  duration_s       DOUBLE PRECISION NOT NULL,
  distance_m       DOUBLE PRECISION NOT NULL,
  elevation_gain_m DOUBLE PRECISION NOT NULL,
  volume_kg        DOUBLE PRECISION NOT NULL,
  sets             BIGINT NOT NULL,
  load             DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (user_id, day, kind, sport)
);
-- Done sets per muscle (primary 1, secondary 0.5) and their volume (weighted the same).
CREATE TABLE stats_daily_muscles (
  user_id   TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day       TEXT COLLATE "C" NOT NULL,
  muscle    TEXT COLLATE "C" NOT NULL,
  sets      DOUBLE PRECISION NOT NULL,
  volume_kg DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (user_id, day, muscle)
);
-- Per exercise: sessions that had it, its done sets and volume (goals filter by exercise).
CREATE TABLE stats_daily_exercises (
  user_id     TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day         TEXT COLLATE "C" NOT NULL,
  exercise_id TEXT COLLATE "C" NOT NULL,
  sessions    BIGINT NOT NULL,
  sets        BIGINT NOT NULL,
  volume_kg   DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (user_id, day, exercise_id)
);
-- Streaks over the whole history, kept with the days so the calendar need not read every
-- training day: the runs of days and of weeks (for each day a week may start on) that end at the
-- last training day, and the longest runs. A read compares last_day with today.
CREATE TABLE stats_streaks (
  user_id                TEXT COLLATE "C" PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  last_day               TEXT COLLATE "C" NOT NULL,
  run_days               BIGINT NOT NULL,
  longest_days           BIGINT NOT NULL,
  run_weeks_monday       BIGINT NOT NULL,
  longest_weeks_monday   BIGINT NOT NULL,
  run_weeks_sunday       BIGINT NOT NULL,
  longest_weeks_sunday   BIGINT NOT NULL,
  run_weeks_saturday     BIGINT NOT NULL,
  longest_weeks_saturday BIGINT NOT NULL
);
-- Users whose history predates the aggregates: the housekeeping task "stats_backfill" fills
-- theirs, `after` being the started_at up to which it has (workouts in time order), then deletes
-- the row. Muscles come from the C++ catalogue, so SQL alone cannot fill them here.
CREATE TABLE stats_backfill (
  user_id TEXT COLLATE "C" PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  after   TEXT COLLATE "C" NOT NULL
);
INSERT INTO stats_backfill (user_id, after)
  SELECT DISTINCT user_id, '' FROM workouts WHERE deleted_at IS NULL;
