-- Accounts, sign-in sessions, personal access tokens, one-time tokens, two-factor recovery
-- codes, rate-limit buckets, invites and the security audit log.
-- Secrets are never stored: tokens as SHA-256 hashes, passwords as Argon2id, TOTP secrets sealed.
-- Usernames and emails are stored folded (ASCII lowercase, by the service), so plain unique
-- indexes give case-insensitive uniqueness on both databases.

CREATE TABLE users (
  id                  TEXT COLLATE "C" PRIMARY KEY,
  username            TEXT COLLATE "C" NOT NULL,
  email               TEXT COLLATE "C" NOT NULL,
  password_hash       TEXT COLLATE "C",   -- NULL after an admin forced a reset
  role                TEXT COLLATE "C" NOT NULL DEFAULT 'user'
                        CHECK (role IN ('user', 'moderator', 'admin')),
  status              TEXT COLLATE "C" NOT NULL DEFAULT 'active'
                        CHECK (status IN ('active', 'disabled', 'pending_approval')),
  email_verified_at   TEXT COLLATE "C",
  totp_secret_sealed  TEXT COLLATE "C",   -- set while two-factor is on
  totp_pending_sealed TEXT COLLATE "C",   -- set between set-up and the first good code
  totp_last_step      BIGINT,             -- the last TOTP time step used: no replay
  created_at          TEXT COLLATE "C" NOT NULL,
  updated_at          TEXT COLLATE "C" NOT NULL,
  last_login_at       TEXT COLLATE "C",
  rev                 BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX users_username ON users (username);
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE sessions (
  id           TEXT COLLATE "C" PRIMARY KEY,
  user_id      TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash   TEXT COLLATE "C" NOT NULL UNIQUE,
  created_at   TEXT COLLATE "C" NOT NULL,
  last_used_at TEXT COLLATE "C" NOT NULL,
  expires_at   TEXT COLLATE "C" NOT NULL, -- absolute timeout
  user_agent   TEXT COLLATE "C",
  ip           TEXT COLLATE "C"
);
CREATE INDEX sessions_user ON sessions (user_id, created_at);

CREATE TABLE api_tokens (
  id           TEXT COLLATE "C" PRIMARY KEY,
  user_id      TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         TEXT COLLATE "C" NOT NULL,
  token_hash   TEXT COLLATE "C" NOT NULL UNIQUE,
  scopes       TEXT COLLATE "C" NOT NULL, -- space-separated
  created_at   TEXT COLLATE "C" NOT NULL,
  expires_at   TEXT COLLATE "C",
  last_used_at TEXT COLLATE "C",
  last_used_ip TEXT COLLATE "C"
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);

CREATE TABLE one_time_tokens (
  token_hash TEXT COLLATE "C" PRIMARY KEY,
  purpose    TEXT COLLATE "C" NOT NULL
               CHECK (purpose IN ('verify_email', 'change_email', 'password_reset', 'login_challenge')),
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  payload    TEXT COLLATE "C",            -- e.g. the new address of an email change
  created_at TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL,
  used_at    TEXT COLLATE "C"
);
CREATE INDEX one_time_tokens_user ON one_time_tokens (user_id, purpose);

CREATE TABLE recovery_codes (
  user_id   TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT COLLATE "C" NOT NULL,
  used_at   TEXT COLLATE "C",
  PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE rate_limits (
  bucket     TEXT COLLATE "C" PRIMARY KEY,
  tokens     DOUBLE PRECISION NOT NULL,
  updated_ms BIGINT NOT NULL
);

CREATE TABLE invites (
  code_hash  TEXT COLLATE "C" PRIMARY KEY,
  created_by TEXT COLLATE "C" REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL,
  used_by    TEXT COLLATE "C" REFERENCES users (id) ON DELETE SET NULL,
  used_at    TEXT COLLATE "C"
);

-- No foreign key on user_id: the events of a deleted account stay (account_deleted among them).
CREATE TABLE audit_events (
  id         TEXT COLLATE "C" PRIMARY KEY,  -- UUIDv7: ordered by time
  user_id    TEXT COLLATE "C",
  actor_id   TEXT COLLATE "C",
  kind       TEXT COLLATE "C" NOT NULL,
  ip         TEXT COLLATE "C",
  detail     TEXT COLLATE "C",
  created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX audit_events_user ON audit_events (user_id, id);
