-- Key rotations (`vigor keys rotate`, issue 15): one row per rotation, so `vigor keys status` on
-- any instance tells a running rotation (a recent heartbeat) from a finished or an interrupted
-- one. The keys themselves never enter the database.
CREATE TABLE key_rotations (
  id            TEXT PRIMARY KEY,
  target_key_id TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  heartbeat_at  TEXT NOT NULL,
  finished_at   TEXT,
  resealed      INTEGER NOT NULL,
  unreadable    INTEGER NOT NULL
) STRICT;
CREATE INDEX key_rotations_started ON key_rotations (started_at);
