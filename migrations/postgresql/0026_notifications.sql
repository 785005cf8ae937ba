-- Notifications (features/notifications): what a user should hear about (a follow request, a
-- kudos, a comment, a mention, a challenge or club event, a moderation decision), each kind
-- with the recipient's own switches for the in-app list and the daily email digest.

-- One notification of one recipient (user_id). actor_id: who did it (none for the system);
-- subject_*: what it is about, so a client can link to it. Unread while read_at is NULL; read
-- ones are purged after 90 days (housekeeping). ids are UUIDv7: id order is creation order.
CREATE TABLE notifications (
  id               TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  user_id          TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind             TEXT COLLATE "C" NOT NULL,
  actor_id         TEXT COLLATE "C" REFERENCES users (id) ON DELETE CASCADE,
  subject_kind     TEXT COLLATE "C",
  subject_owner_id TEXT COLLATE "C",
  subject_id       TEXT COLLATE "C",
  excerpt          TEXT COLLATE "C" NOT NULL DEFAULT '',
  created_at       TEXT COLLATE "C" NOT NULL,
  read_at          TEXT COLLATE "C"
);
-- A recipient's list, newest first (keyset on id).
CREATE INDEX notifications_recipient ON notifications (user_id, id);
-- The unread count and the digest's unread notifications.
CREATE INDEX notifications_unread ON notifications (user_id, id) WHERE read_at IS NULL;
-- Housekeeping's purge of old read notifications.
CREATE INDEX notifications_read_created ON notifications (created_at) WHERE read_at IS NOT NULL;

-- A user's switches for one kind (absent row: in the list and in the digest).
CREATE TABLE notification_kind_settings (
  user_id   TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind      TEXT COLLATE "C" NOT NULL,
  in_app    BIGINT NOT NULL CHECK (in_app IN (0, 1)),
  in_digest BIGINT NOT NULL CHECK (in_digest IN (0, 1)),
  PRIMARY KEY (user_id, kind)
);

-- The daily digest of a user (absent row: off, at 08:00 local). next_due_at: when the next one
-- is due (UTC; NULL while off), claimed in a transaction by whichever instance runs
-- housekeeping first. covered_through_id: the newest notification an earlier digest mailed, so
-- each digest has only the unread ones after it.
CREATE TABLE notification_digests (
  user_id            TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  enabled            BIGINT NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
  local_hour         BIGINT NOT NULL DEFAULT 8 CHECK (local_hour BETWEEN 0 AND 23),
  next_due_at        TEXT COLLATE "C",
  covered_through_id TEXT COLLATE "C",
  last_sent_at       TEXT COLLATE "C",
  updated_at         TEXT COLLATE "C" NOT NULL
);
CREATE INDEX notification_digests_due ON notification_digests (next_due_at)
  WHERE next_due_at IS NOT NULL;
