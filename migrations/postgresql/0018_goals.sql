-- Goals (/api/v1/goals): a metric x a period x a filter, with a target. User-owned rows with the
-- user's change sequence (rev) and tombstones, so the change feed can carry them. Ids are per
-- user (as workouts since 0013): a client may choose its own.
CREATE TABLE goals (
  user_id              TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  id                   TEXT COLLATE "C" NOT NULL,
  title                TEXT COLLATE "C" NOT NULL DEFAULT '',   -- '' - named from the metric when shown
  metric               TEXT COLLATE "C" NOT NULL,
  target               DOUBLE PRECISION NOT NULL,
  direction            TEXT COLLATE "C" NOT NULL CHECK (direction IN ('increase', 'decrease')),
  period               TEXT COLLATE "C" NOT NULL CHECK (period IN ('week', 'month', 'year', 'once')),
  start_date           TEXT COLLATE "C" NOT NULL,              -- YYYY-MM-DD local; once: the first day
  deadline             TEXT COLLATE "C",                       -- once: the last day
  sport                TEXT COLLATE "C",
  exercise_id          TEXT COLLATE "C",
  muscle               TEXT COLLATE "C",
  measurement_kind     TEXT COLLATE "C",
  reps                 BIGINT,
  min_sessions         BIGINT,
  archived             BIGINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  -- When the target was first reached in the period that starts on reached_period_start: the
  -- workout observer writes it with the goal.reached event, once per period.
  reached_period_start TEXT COLLATE "C",
  reached_at           TEXT COLLATE "C",
  -- Recurring: the last day of the oldest period not yet written to goal_history; history is
  -- due once that day is over (housekeeping looks for it).
  history_next_end     TEXT COLLATE "C",
  input_hash           TEXT COLLATE "C" NOT NULL,              -- the content last written: retries compare it
  idempotency_key      TEXT COLLATE "C",
  created_at           TEXT COLLATE "C" NOT NULL,
  updated_at           TEXT COLLATE "C" NOT NULL,
  rev                  BIGINT NOT NULL,
  deleted_at           TEXT COLLATE "C",
  PRIMARY KEY (user_id, id)
);
CREATE INDEX goals_user_rev ON goals (user_id, rev);
CREATE INDEX goals_history_next_end ON goals (history_next_end);
CREATE UNIQUE INDEX goals_user_idempotency_key ON goals (user_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- Finished periods of recurring goals, hit or missed (at most the last 104 per goal).
CREATE TABLE goal_history (
  user_id      TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  goal_id      TEXT COLLATE "C" NOT NULL,
  period_start TEXT COLLATE "C" NOT NULL,
  period_end   TEXT COLLATE "C" NOT NULL,
  value        DOUBLE PRECISION,
  target       DOUBLE PRECISION NOT NULL,
  reached      BIGINT NOT NULL CHECK (reached IN (0, 1)),
  PRIMARY KEY (user_id, goal_id, period_start),
  FOREIGN KEY (user_id, goal_id) REFERENCES goals (user_id, id) ON DELETE CASCADE
);
