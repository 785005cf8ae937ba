-- Challenges (/api/v1/challenges): a metric summed over the members' qualifying workouts between
-- two local dates of a time zone. Not user-owned rows in the sync sense (several users share
-- one), so no rev and no tombstones: a deleted challenge is gone with its members and entries.
CREATE TABLE challenges (
  id             TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  creator_id     TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  club_id        TEXT COLLATE "C",                 -- a club challenge: joinable by the club's members only
  title          TEXT COLLATE "C" NOT NULL,
  description    TEXT COLLATE "C" NOT NULL DEFAULT '',
  metric         TEXT COLLATE "C" NOT NULL
                 CHECK (metric IN ('distance', 'time', 'sessions', 'volume', 'elevation')),
  sport          TEXT COLLATE "C",                 -- NULL: every workout counts
  starts_on      TEXT COLLATE "C" NOT NULL,        -- YYYY-MM-DD in time_zone, the first day
  ends_on        TEXT COLLATE "C" NOT NULL,        -- YYYY-MM-DD in time_zone, the last day
  time_zone      TEXT COLLATE "C" NOT NULL,
  starts_at      TEXT COLLATE "C" NOT NULL,        -- RFC 3339 UTC: the first day's start in time_zone
  ends_at        TEXT COLLATE "C" NOT NULL,        -- RFC 3339 UTC: the start of the day after the last
  target         DOUBLE PRECISION,
  access         TEXT COLLATE "C" NOT NULL CHECK (access IN ('public', 'invite')),
  -- The members were told it ended (housekeeping, once).
  ended_notified BIGINT NOT NULL DEFAULT 0 CHECK (ended_notified IN (0, 1)),
  created_at     TEXT COLLATE "C" NOT NULL,
  updated_at     TEXT COLLATE "C" NOT NULL
);
CREATE INDEX challenges_access_starts ON challenges (access, starts_at);
CREATE INDEX challenges_club ON challenges (club_id);
CREATE INDEX challenges_ending ON challenges (ended_notified, ends_at);

CREATE TABLE challenge_members (
  challenge_id  TEXT COLLATE "C" NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
  user_id       TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  joined_at     TEXT COLLATE "C" NOT NULL,
  -- "Show my private workouts on the board": the member's private entries count for everyone.
  count_private BIGINT NOT NULL DEFAULT 0 CHECK (count_private IN (0, 1)),
  PRIMARY KEY (challenge_id, user_id)
);
CREATE INDEX challenge_members_user ON challenge_members (user_id);

CREATE TABLE challenge_invites (
  challenge_id TEXT COLLATE "C" NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
  user_id      TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  invited_by   TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (challenge_id, user_id)
);
CREATE INDEX challenge_invites_user ON challenge_invites (user_id);

-- One qualifying workout of a member: its value in the challenge's metric and its visibility as
-- the workout had it, kept by the workout observer in the write's transaction.
CREATE TABLE challenge_entries (
  challenge_id TEXT COLLATE "C" NOT NULL,
  user_id      TEXT COLLATE "C" NOT NULL,
  workout_id   TEXT COLLATE "C" NOT NULL,
  value        DOUBLE PRECISION NOT NULL,
  visibility   TEXT COLLATE "C" NOT NULL CHECK (visibility IN ('private', 'followers', 'public')),
  PRIMARY KEY (challenge_id, user_id, workout_id),
  FOREIGN KEY (challenge_id, user_id) REFERENCES challenge_members (challenge_id, user_id)
    ON DELETE CASCADE
);
CREATE INDEX challenge_entries_user_workout ON challenge_entries (user_id, workout_id);
