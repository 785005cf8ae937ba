-- Clubs (issue 13): a named group, public (anyone joins at once) or private (joining is a request
-- an admin approves); its members with their roles; posts by members. member_count counts the
-- active members, kept in the transaction that changes them, so lists never count rows.
CREATE TABLE clubs (
  id           TEXT NOT NULL PRIMARY KEY,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  access       TEXT NOT NULL CHECK (access IN ('public', 'private')),
  owner_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  member_count INTEGER NOT NULL DEFAULT 0 CHECK (member_count >= 0)
);
CREATE INDEX clubs_access ON clubs (access, id);

-- One row per user and club: an active member, or a pending request to join a private club.
-- Exactly one member is the owner (clubs.owner_id names the same user).
CREATE TABLE club_members (
  club_id   TEXT NOT NULL REFERENCES clubs (id) ON DELETE CASCADE,
  user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role      TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  state     TEXT NOT NULL CHECK (state IN ('pending', 'active')),
  joined_at TEXT NOT NULL,
  PRIMARY KEY (club_id, user_id)
);
CREATE INDEX club_members_user ON club_members (user_id, state);

-- Posts by members, plain text with line breaks. Deleting (by the author or an admin) leaves a
-- tombstone (deleted_at) that lists skip.
CREATE TABLE club_posts (
  id         TEXT NOT NULL PRIMARY KEY,
  club_id    TEXT NOT NULL REFERENCES clubs (id) ON DELETE CASCADE,
  author_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  edited_at  TEXT,
  deleted_at TEXT
);
CREATE INDEX club_posts_club ON club_posts (club_id, id);
