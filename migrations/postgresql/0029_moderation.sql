-- Moderation (issue 13): reports users make about content they can see, the decisions moderators
-- take on them, the one appeal a user may make against a decision about them, and the
-- suspensions that keep a user out until a time. Hiding writes hidden_content (0022).

-- One report by one user about one item. owner_id is whose content it is (the user a decision
-- is about); item_id is the item as its kind names it (for a user: the user's id). excerpt is
-- a copy made when reported: moderators read it, not the live item.
CREATE TABLE reports (
  id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  reporter_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind        TEXT COLLATE "C" NOT NULL,
  owner_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  item_id     TEXT COLLATE "C" NOT NULL,
  reason      TEXT COLLATE "C" NOT NULL CHECK (reason IN ('spam', 'harassment', 'inappropriate', 'other')),
  details     TEXT COLLATE "C" NOT NULL DEFAULT '',
  excerpt     TEXT COLLATE "C" NOT NULL,
  state       TEXT COLLATE "C" NOT NULL CHECK (state IN ('open', 'decided')),
  decision_id TEXT COLLATE "C",
  created_at  TEXT COLLATE "C" NOT NULL,
  CHECK (reporter_id <> owner_id)
);
-- One open report per reporter and item: a repeat answers the existing one.
CREATE UNIQUE INDEX reports_open_once ON reports (reporter_id, kind, owner_id, item_id)
  WHERE state = 'open';
-- The queue, oldest first, and the reports about one item.
CREATE INDEX reports_state ON reports (state, id);
CREATE INDEX reports_item ON reports (kind, owner_id, item_id, state);

-- What a moderator decided about one item (all its open reports at once).
CREATE TABLE moderation_decisions (
  id              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  owner_id        TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind            TEXT COLLATE "C" NOT NULL,
  item_id         TEXT COLLATE "C" NOT NULL,
  action          TEXT COLLATE "C" NOT NULL CHECK (action IN ('dismiss', 'hide', 'warn', 'suspend')),
  days            BIGINT,
  suspended_until TEXT COLLATE "C",
  note            TEXT COLLATE "C" NOT NULL DEFAULT '',
  excerpt         TEXT COLLATE "C" NOT NULL,
  reason          TEXT COLLATE "C" NOT NULL,
  moderator_id    TEXT COLLATE "C" REFERENCES users (id) ON DELETE SET NULL,
  created_at      TEXT COLLATE "C" NOT NULL,
  reversed_at     TEXT COLLATE "C"
);
CREATE INDEX moderation_decisions_owner ON moderation_decisions (owner_id, id);

-- The one appeal a user may make against a decision about them.
CREATE TABLE moderation_appeals (
  id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  decision_id  TEXT COLLATE "C" NOT NULL UNIQUE REFERENCES moderation_decisions (id) ON DELETE CASCADE,
  user_id      TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  text         TEXT COLLATE "C" NOT NULL,
  state        TEXT COLLATE "C" NOT NULL CHECK (state IN ('pending', 'upheld', 'reversed')),
  outcome_note TEXT COLLATE "C" NOT NULL DEFAULT '',
  decided_by   TEXT COLLATE "C" REFERENCES users (id) ON DELETE SET NULL,
  created_at   TEXT COLLATE "C" NOT NULL,
  decided_at   TEXT COLLATE "C"
);
CREATE INDEX moderation_appeals_state ON moderation_appeals (state, id);

-- A suspended user cannot sign in or use sessions and tokens until `ends_at` (accounts asks
-- through its suspension check). One row per user: a new suspension replaces the old.
CREATE TABLE suspensions (
  user_id     TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  ends_at     TEXT COLLATE "C" NOT NULL,
  decision_id TEXT COLLATE "C" NOT NULL
);
