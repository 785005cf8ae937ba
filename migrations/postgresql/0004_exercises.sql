-- Each user's own exercises. The shipped catalogue is not here: it is compiled into the binary
-- (data/exercises.json) and its entries are named by slug, so these ids (UUIDv7) never clash.

CREATE TABLE custom_exercises (
  id                TEXT COLLATE "C" PRIMARY KEY,
  user_id           TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name              TEXT COLLATE "C" NOT NULL,
  -- core::SearchKey(name): lowercase, accents folded, words joined by one space. Searched by
  -- word prefix, sorted on (in byte order, as the catalogue it is merged with), and unique per
  -- user among live rows. Computed in C++, so both databases compare the same key.
  name_folded       TEXT COLLATE "C" NOT NULL,
  category          TEXT COLLATE "C" NOT NULL
                      CHECK (category IN ('strength', 'cardio', 'mobility', 'plyometric',
                                          'stretching', 'olympic')),
  primary_muscles   TEXT COLLATE "C" NOT NULL DEFAULT '',  -- space-separated Muscle names
  secondary_muscles TEXT COLLATE "C" NOT NULL DEFAULT '',
  equipment         TEXT COLLATE "C" NOT NULL DEFAULT '',  -- space-separated Equipment names
  mechanics         TEXT COLLATE "C" CHECK (mechanics IN ('compound', 'isolation')),
  force             TEXT COLLATE "C" CHECK (force IN ('push', 'pull', 'static')),
  log_type          TEXT COLLATE "C" NOT NULL
                      CHECK (log_type IN ('weight_reps', 'reps', 'duration', 'distance',
                                          'distance_duration', 'weight_duration')),
  description       TEXT COLLATE "C" NOT NULL DEFAULT '',
  created_at        TEXT COLLATE "C" NOT NULL,
  updated_at        TEXT COLLATE "C" NOT NULL,
  rev               BIGINT NOT NULL,       -- the user's sequence number of the last change
  deleted_at        TEXT COLLATE "C"       -- a tombstone: kept for sync, purged later
);

-- A name once per user among live rows (the service answers 409 first); also the search and
-- name-ordered listing index.
CREATE UNIQUE INDEX custom_exercises_live_name ON custom_exercises (user_id, name_folded)
  WHERE deleted_at IS NULL;
-- Changes since a rev, tombstones included (sync).
CREATE INDEX custom_exercises_user_rev ON custom_exercises (user_id, rev);
