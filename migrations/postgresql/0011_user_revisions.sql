-- Each user's change sequence in one counter row. `rev` of a user's rows (workouts, routines,
-- programs, measurements, own exercises) comes from here (store/revisions.hpp): one upsert bumps
-- the row and returns the new number, so two changes of a user never share a rev and revs grow
-- in the order the changes commit, also when several instances write to one PostgreSQL (the
-- row's lock orders them) -- where "MAX(rev) + 1 of the table" relied on SQLite's single writer.
-- Revs are now unique per user across tables, no longer per table.
CREATE TABLE user_revisions (
  user_id TEXT COLLATE "C" PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  rev     BIGINT NOT NULL        -- the newest rev given out
);

-- Start above every rev already given out, so new changes sort after the old ones.
INSERT INTO user_revisions (user_id, rev)
SELECT u.id, COALESCE(MAX(c.rev), 0)
FROM users u LEFT JOIN (
  SELECT user_id, rev FROM custom_exercises
  UNION ALL SELECT user_id, rev FROM workouts
  UNION ALL SELECT user_id, rev FROM routines
  UNION ALL SELECT user_id, rev FROM programs
  UNION ALL SELECT user_id, rev FROM measurements
) AS c ON c.user_id = u.id
GROUP BY u.id;
