-- Programs (an ordered set of the user's routines, such as a 3-day split) and routines shared
-- publicly as templates. Conventions as in 0005: user_id on every row, UUIDv7 text ids, `rev`
-- the user's change sequence, deleting leaves a tombstone and drops the children.

-- 'private' (the default: nobody else sees it) or 'public' (listed as a template for every
-- signed-in user to copy; only the owner can change it).
ALTER TABLE routines ADD COLUMN visibility TEXT COLLATE "C" NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'public'));
-- The template list: newest first, keyset by (created_at, id).
CREATE INDEX routines_public ON routines (created_at DESC, id DESC)
  WHERE visibility = 'public' AND deleted_at IS NULL;

CREATE TABLE programs (
  id         TEXT COLLATE "C" PRIMARY KEY,
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       TEXT COLLATE "C" NOT NULL,
  notes      TEXT COLLATE "C",
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  rev        BIGINT NOT NULL,
  deleted_at TEXT COLLATE "C"
);
CREATE INDEX programs_user_rev ON programs (user_id, rev);
-- One live program of a name per user (ASCII case-insensitive, as SQLite's NOCASE: lower() of
-- a "C" column folds A-Z only); tombstones free the name.
CREATE UNIQUE INDEX programs_user_name ON programs (user_id, lower(name))
  WHERE deleted_at IS NULL;

-- The program's routines in order. routine_id has no foreign key, as workouts.routine_id: a
-- routine deleted later leaves the entry pointing at its tombstone.
CREATE TABLE program_routines (
  program_id TEXT COLLATE "C" NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  position   BIGINT NOT NULL,               -- 0-based order in the program
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  routine_id TEXT COLLATE "C" NOT NULL,
  label      TEXT COLLATE "C",              -- "Day A"
  PRIMARY KEY (program_id, position)
);
CREATE INDEX program_routines_user ON program_routines (user_id);
