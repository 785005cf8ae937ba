-- Each user's own exercises. The shipped catalogue is not here: it is compiled into the binary
-- (data/exercises.json) and its entries are named by slug, so these ids (UUIDv7) never clash.

CREATE TABLE custom_exercises (
  id                TEXT PRIMARY KEY,
  user_id           TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name              TEXT NOT NULL,
  -- core::SearchKey(name): lowercase, accents folded, words joined by one space. Searched by
  -- word prefix, sorted on, and unique per user among live rows.
  name_folded       TEXT NOT NULL,
  category          TEXT NOT NULL
                      CHECK (category IN ('strength', 'cardio', 'mobility', 'plyometric',
                                          'stretching', 'olympic')),
  primary_muscles   TEXT NOT NULL DEFAULT '',  -- space-separated Muscle names
  secondary_muscles TEXT NOT NULL DEFAULT '',
  equipment         TEXT NOT NULL DEFAULT '',  -- space-separated Equipment names
  mechanics         TEXT CHECK (mechanics IN ('compound', 'isolation')),
  force             TEXT CHECK (force IN ('push', 'pull', 'static')),
  log_type          TEXT NOT NULL
                      CHECK (log_type IN ('weight_reps', 'reps', 'duration', 'distance',
                                          'distance_duration', 'weight_duration')),
  description       TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  rev               INTEGER NOT NULL,          -- the user's sequence number of the last change
  deleted_at        TEXT                       -- a tombstone: kept for sync, purged later
) STRICT;

-- A name once per user among live rows (the service answers 409 first); also the search and
-- name-ordered listing index.
CREATE UNIQUE INDEX custom_exercises_live_name ON custom_exercises (user_id, name_folded)
  WHERE deleted_at IS NULL;
-- Changes since a rev, tombstones included (sync).
CREATE INDEX custom_exercises_user_rev ON custom_exercises (user_id, rev);
