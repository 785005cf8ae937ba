-- The community feed (issue 13): what users shared (a workout, a personal record, a reached
-- goal) as feed items, each user's inbox of the items of the people they follow and their own
-- (fan-out on write, so a page of the feed reads one user's index range however many people
-- they follow), kudos and comments. Items are derived: the workouts, records and goals features
-- report their writes and the feed keeps its copy in the same transaction.
CREATE TABLE feed_items (
  id              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  owner_id        TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind            TEXT COLLATE "C" NOT NULL CHECK (kind IN ('workout', 'record', 'goal')),
  -- What it is about, unique per owner and kind: the workout's id; a record's series and
  -- workout; a goal's id and the period it was reached in.
  subject         TEXT COLLATE "C" NOT NULL,
  -- The workout a workout or record item came from (a record's visibility is capped by it).
  workout_id      TEXT COLLATE "C",
  -- Records: the series ("exercise:<id>" or "sport:<name>") the records feature recomputes.
  series          TEXT COLLATE "C",
  occurred_at     TEXT COLLATE "C" NOT NULL,
  -- Records and goals: the owner's default for the kind when the item was made; the item's
  -- visibility is that, capped by its workout's for records.
  base_visibility TEXT COLLATE "C" NOT NULL CHECK (base_visibility IN ('private', 'followers', 'public')),
  visibility      TEXT COLLATE "C" NOT NULL CHECK (visibility IN ('private', 'followers', 'public')),
  summary         TEXT COLLATE "C" NOT NULL,  -- JSON: what a card shows
  created_at      TEXT COLLATE "C" NOT NULL,
  UNIQUE (owner_id, kind, subject)
);
CREATE INDEX feed_items_owner ON feed_items (owner_id, occurred_at, id);
CREATE INDEX feed_items_workout ON feed_items (owner_id, workout_id);
CREATE INDEX feed_items_series ON feed_items (owner_id, series, occurred_at);

-- One row per item a viewer's feed holds: their own items and those of the people they follow.
-- Visibility is checked again when read (it may have narrowed since the row was written).
CREATE TABLE feed_inbox (
  viewer_id   TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  occurred_at TEXT COLLATE "C" NOT NULL,
  item_id     TEXT COLLATE "C" NOT NULL REFERENCES feed_items (id) ON DELETE CASCADE,
  owner_id    TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (viewer_id, occurred_at, item_id)
);
CREATE INDEX feed_inbox_item ON feed_inbox (item_id);
CREATE INDEX feed_inbox_owner ON feed_inbox (viewer_id, owner_id);

CREATE TABLE feed_kudos (
  item_id    TEXT COLLATE "C" NOT NULL REFERENCES feed_items (id) ON DELETE CASCADE,
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (item_id, user_id)
);

CREATE TABLE feed_comments (
  id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  item_id    TEXT COLLATE "C" NOT NULL REFERENCES feed_items (id) ON DELETE CASCADE,
  author_id  TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body       TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX feed_comments_item ON feed_comments (item_id, created_at, id);
