-- Accounts, sign-in sessions, personal access tokens, one-time tokens, two-factor recovery
-- codes, rate-limit buckets, invites and the security audit log.
-- Secrets are never stored: tokens as SHA-256 hashes, passwords as Argon2id, TOTP secrets sealed.

CREATE TABLE users (
  id                  TEXT PRIMARY KEY,
  username            TEXT NOT NULL,
  email               TEXT NOT NULL,
  password_hash       TEXT,               -- NULL after an admin forced a reset
  role                TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'moderator', 'admin')),
  status              TEXT NOT NULL DEFAULT 'active'
                        CHECK (status IN ('active', 'disabled', 'pending_approval')),
  email_verified_at   TEXT,
  totp_secret_sealed  TEXT,               -- set while two-factor is on
  totp_pending_sealed TEXT,               -- set between set-up and the first good code
  totp_last_step      INTEGER,            -- the last TOTP time step used: no replay
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  last_login_at       TEXT,
  rev                 INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE UNIQUE INDEX users_username ON users (username);
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  last_used_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,             -- absolute timeout
  user_agent   TEXT,
  ip           TEXT
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id, created_at);

CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  scopes       TEXT NOT NULL,             -- space-separated
  created_at   TEXT NOT NULL,
  expires_at   TEXT,
  last_used_at TEXT,
  last_used_ip TEXT
) STRICT;
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);

CREATE TABLE one_time_tokens (
  token_hash TEXT PRIMARY KEY,
  purpose    TEXT NOT NULL
               CHECK (purpose IN ('verify_email', 'change_email', 'password_reset', 'login_challenge')),
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  payload    TEXT,                        -- e.g. the new address of an email change
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT
) STRICT;
CREATE INDEX one_time_tokens_user ON one_time_tokens (user_id, purpose);

CREATE TABLE recovery_codes (
  user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at   TEXT,
  PRIMARY KEY (user_id, code_hash)
) STRICT;

CREATE TABLE rate_limits (
  bucket     TEXT PRIMARY KEY,
  tokens     REAL NOT NULL,
  updated_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE invites (
  code_hash  TEXT PRIMARY KEY,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_by    TEXT REFERENCES users (id) ON DELETE SET NULL,
  used_at    TEXT
) STRICT;

-- No foreign key on user_id: the events of a deleted account stay (account_deleted among them).
CREATE TABLE audit_events (
  id         TEXT PRIMARY KEY,              -- UUIDv7: ordered by time
  user_id    TEXT,
  actor_id   TEXT,
  kind       TEXT NOT NULL,
  ip         TEXT,
  detail     TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX audit_events_user ON audit_events (user_id, id);
