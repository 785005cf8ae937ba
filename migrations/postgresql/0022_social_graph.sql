-- The social graph the privacy policy reads (core/privacy.hpp, features/social/privacy_sql.hpp):
-- who follows whom (approved or still asking), who blocked whom, who muted whom, and content a
-- moderator hid. Not user-owned rows in the change-feed sense: both ends are users, and a
-- relation is a fact, not a document a client edits offline.
CREATE TABLE follows (
  follower_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  followee_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  state       TEXT COLLATE "C" NOT NULL CHECK (state IN ('pending', 'approved')),
  created_at  TEXT COLLATE "C" NOT NULL,
  approved_at TEXT COLLATE "C",
  PRIMARY KEY (follower_id, followee_id),
  CHECK (follower_id <> followee_id)
);
-- A user's followers and requests, newest first.
CREATE INDEX follows_followee ON follows (followee_id, state, created_at);

-- Blocking is one-way in the table and two-way in effect: the policy checks both directions.
CREATE TABLE blocks (
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  blocked_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (user_id, blocked_id),
  CHECK (user_id <> blocked_id)
);
CREATE INDEX blocks_blocked ON blocks (blocked_id, user_id);

-- Muting only keeps the muted user's items out of the muter's feed; it decides no visibility.
CREATE TABLE mutes (
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  muted_id   TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (user_id, muted_id),
  CHECK (user_id <> muted_id)
);

-- Content a moderator hid (moderation decides; the privacy policy enforces): only its owner
-- still sees it. kind: 'workout', 'comment', 'club', 'club_post', 'profile', ...
CREATE TABLE hidden_content (
  kind       TEXT COLLATE "C" NOT NULL,
  owner_id   TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  item_id    TEXT COLLATE "C" NOT NULL,
  hidden_at  TEXT COLLATE "C" NOT NULL,
  report_id  TEXT COLLATE "C",
  PRIMARY KEY (kind, owner_id, item_id)
);

-- Each user's sharing defaults (absent row: the defaults below). Visibilities per kind of item,
-- with per-sport overrides for workouts ({"running":"public"}, a JSON object); whether a follow
-- needs the user's approval; whether the user is listed in the directory.
CREATE TABLE privacy_settings (
  user_id                 TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  workouts                TEXT COLLATE "C" NOT NULL DEFAULT 'followers' CHECK (workouts IN ('private', 'followers', 'public')),
  records                 TEXT COLLATE "C" NOT NULL DEFAULT 'followers' CHECK (records IN ('private', 'followers', 'public')),
  goals                   TEXT COLLATE "C" NOT NULL DEFAULT 'followers' CHECK (goals IN ('private', 'followers', 'public')),
  body                    TEXT COLLATE "C" NOT NULL DEFAULT 'private' CHECK (body IN ('private', 'followers', 'public')),
  sports                  TEXT COLLATE "C" NOT NULL DEFAULT '{}',
  require_follow_approval BIGINT NOT NULL DEFAULT 1 CHECK (require_follow_approval IN (0, 1)),
  listed_in_directory     BIGINT NOT NULL DEFAULT 0 CHECK (listed_in_directory IN (0, 1)),
  updated_at              TEXT COLLATE "C" NOT NULL
);

-- Privacy zones: circles around places the user names, inside which their GPS tracks are cut
-- before anyone else sees them. The centre is a home address in all but name: it is sealed with
-- the instance's secret key ("lat,lon" through SecretBox), never stored in the clear.
CREATE TABLE privacy_zones (
  user_id       TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  id            TEXT COLLATE "C" NOT NULL,
  name          TEXT COLLATE "C" NOT NULL,
  sealed_center BYTEA NOT NULL,
  radius_m      DOUBLE PRECISION NOT NULL CHECK (radius_m >= 100 AND radius_m <= 5000),
  created_at    TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (user_id, id)
);
