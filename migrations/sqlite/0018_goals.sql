-- Goals (/api/v1/goals): a metric x a period x a filter, with a target. User-owned rows with the
-- user's change sequence (rev) and tombstones, so the change feed can carry them. Ids are per
-- user (as workouts since 0013): a client may choose its own.
CREATE TABLE goals (
  user_id              TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  id                   TEXT NOT NULL,
  title                TEXT NOT NULL DEFAULT '',   -- '' - named from the metric when shown
  metric               TEXT NOT NULL,
  target               REAL NOT NULL,
  direction            TEXT NOT NULL CHECK (direction IN ('increase', 'decrease')),
  period               TEXT NOT NULL CHECK (period IN ('week', 'month', 'year', 'once')),
  start_date           TEXT NOT NULL,              -- YYYY-MM-DD local; once: the first day
  deadline             TEXT,                       -- once: the last day
  sport                TEXT,
  exercise_id          TEXT,
  muscle               TEXT,
  measurement_kind     TEXT,
  reps                 INTEGER,
  min_sessions         INTEGER,
  archived             INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  -- When the target was first reached in the period that starts on reached_period_start: the
  -- workout observer writes it with the goal.reached event, once per period.
  reached_period_start TEXT,
  reached_at           TEXT,
  -- Recurring: the last day of the oldest period not yet written to goal_history; history is
  -- due once that day is over (housekeeping looks for it).
  history_next_end     TEXT,
  input_hash           TEXT NOT NULL,              -- the content last written: retries compare it
  idempotency_key      TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  rev                  INTEGER NOT NULL,
  deleted_at           TEXT,
  PRIMARY KEY (user_id, id)
);
CREATE INDEX goals_user_rev ON goals (user_id, rev);
CREATE INDEX goals_history_next_end ON goals (history_next_end);
CREATE UNIQUE INDEX goals_user_idempotency_key ON goals (user_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- Finished periods of recurring goals, hit or missed (at most the last 104 per goal).
CREATE TABLE goal_history (
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  goal_id      TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  value        REAL,
  target       REAL NOT NULL,
  reached      INTEGER NOT NULL CHECK (reached IN (0, 1)),
  PRIMARY KEY (user_id, goal_id, period_start),
  FOREIGN KEY (user_id, goal_id) REFERENCES goals (user_id, id) ON DELETE CASCADE
);
