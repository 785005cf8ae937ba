-- Key rotations (`vigor keys rotate`, issue 15): one row per rotation, so `vigor keys status` on
-- any instance tells a running rotation (a recent heartbeat) from a finished or an interrupted
-- one. The keys themselves never enter the database.
CREATE TABLE key_rotations (
  id            TEXT COLLATE "C" PRIMARY KEY,
  target_key_id TEXT COLLATE "C" NOT NULL,
  started_at    TEXT COLLATE "C" NOT NULL,
  heartbeat_at  TEXT COLLATE "C" NOT NULL,
  finished_at   TEXT COLLATE "C",
  resealed      BIGINT NOT NULL,
  unreadable    BIGINT NOT NULL
);
CREATE INDEX key_rotations_started ON key_rotations (started_at);
