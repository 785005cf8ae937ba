-- Programs (an ordered set of the user's routines, such as a 3-day split) and routines shared
-- publicly as templates. Conventions as in 0005: user_id on every row, UUIDv7 text ids, `rev`
-- the user's change sequence in the table, deleting leaves a tombstone and drops the children.

-- 'private' (the default: nobody else sees it) or 'public' (listed as a template for every
-- signed-in user to copy; only the owner can change it).
ALTER TABLE routines ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'public'));
-- The template list: newest first, keyset by (created_at, id).
CREATE INDEX routines_public ON routines (created_at DESC, id DESC)
  WHERE visibility = 'public' AND deleted_at IS NULL;

CREATE TABLE programs (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  notes      TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  rev        INTEGER NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX programs_user_rev ON programs (user_id, rev);
-- One live program of a name per user (ASCII case-insensitive); tombstones free the name.
CREATE UNIQUE INDEX programs_user_name ON programs (user_id, name COLLATE NOCASE)
  WHERE deleted_at IS NULL;

-- The program's routines in order. routine_id has no foreign key, as workouts.routine_id: a
-- routine deleted later leaves the entry pointing at its tombstone.
CREATE TABLE program_routines (
  program_id TEXT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,              -- 0-based order in the program
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  routine_id TEXT NOT NULL,
  label      TEXT,                          -- "Day A"
  PRIMARY KEY (program_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX program_routines_user ON program_routines (user_id);
