-- Profiles (issue 13, people): what others see of a user besides the username. Written only by
-- the social feature. display_key is the folded display name (core/text_fold.hpp SearchKey), so
-- the directory's prefix search is accent- and case-insensitive on both databases. The avatar is
-- stored re-encoded (a 256x256 JPEG without metadata), never as uploaded.
CREATE TABLE profiles (
  user_id           TEXT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  display_name      TEXT NOT NULL DEFAULT '',
  display_key       TEXT NOT NULL DEFAULT '',
  username_key      TEXT NOT NULL DEFAULT '',
  bio               TEXT NOT NULL DEFAULT '',
  avatar            BLOB,
  avatar_etag       TEXT,
  updated_at        TEXT NOT NULL
);
CREATE INDEX profiles_display_key ON profiles (display_key);
CREATE INDEX profiles_username_key ON profiles (username_key);

-- Who sees a user's public stats and their followers and following lists.
ALTER TABLE privacy_settings ADD COLUMN stats_visibility TEXT NOT NULL DEFAULT 'followers'
  CHECK (stats_visibility IN ('private', 'followers', 'public'));
ALTER TABLE privacy_settings ADD COLUMN connections_visibility TEXT NOT NULL DEFAULT 'followers'
  CHECK (connections_visibility IN ('private', 'followers', 'public'));

-- A user's followers and following lists and follow requests page newest first.
CREATE INDEX follows_follower ON follows (follower_id, state, created_at);
CREATE INDEX blocks_user ON blocks (user_id, created_at);
CREATE INDEX mutes_user ON mutes (user_id, created_at);
