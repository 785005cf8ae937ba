-- OAuth 2.0 for third-party apps (issue 14): RFC 6749 as profiled by RFC 9700, with PKCE (S256
-- only), refresh-token rotation with reuse detection, the device grant (RFC 8628), revocation
-- (RFC 7009) and introspection (RFC 7662). Every secret the server hands out (client secret,
-- code, access and refresh token, device code) is stored only as its SHA-256 (hex): a stolen
-- database file lets no one act as an app or a user. Times are RFC 3339 UTC text.

-- A client app a user registered. `public_id` is the client_id apps send; `id` is ours.
-- redirect_uris is a JSON array of absolute URIs, matched exactly (loopback URIs of native apps
-- may vary the port, RFC 8252 7.3). A public client has no secret (secret_hash NULL). An admin
-- may disable any client (disabled_at): its grants stop working at once.
CREATE TABLE oauth_clients (
  id              TEXT NOT NULL PRIMARY KEY,
  public_id       TEXT NOT NULL UNIQUE,
  owner_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  logo_url        TEXT,
  homepage_url    TEXT,
  redirect_uris   TEXT NOT NULL DEFAULT '[]',
  confidential    INTEGER NOT NULL CHECK (confidential IN (0, 1)),
  secret_hash     TEXT,
  secret_hint     TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  secret_rotated_at TEXT,
  disabled_at     TEXT,
  CHECK ((confidential = 1) = (secret_hash IS NOT NULL))
);
CREATE INDEX oauth_clients_owner ON oauth_clients (owner_id, id);

-- What one user allowed one client: the scopes (space-separated, the same names as personal
-- access tokens'), when it was last used. A grant is one "family": the tokens issued from one
-- authorization code or one device code, and every refresh of them. Revoking it (the user in
-- "connected apps", a reused refresh token or code, the app's own revocation of its refresh
-- token) ends every token of the family at once.
CREATE TABLE oauth_grants (
  id           TEXT NOT NULL PRIMARY KEY,
  client_id    TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  scopes       TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT,
  revoked_why  TEXT
);
CREATE INDEX oauth_grants_user ON oauth_grants (user_id, client_id);
CREATE INDEX oauth_grants_client ON oauth_grants (client_id, user_id);

-- An authorization request the server checked (client, redirect URI, PKCE challenge, scopes,
-- state) and parked while the user signs in and decides on the consent page. Short-lived.
CREATE TABLE oauth_authorization_requests (
  id             TEXT NOT NULL PRIMARY KEY,
  client_id      TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
  redirect_uri   TEXT NOT NULL,
  scopes         TEXT NOT NULL,
  state          TEXT,
  code_challenge TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  expires_at     TEXT NOT NULL
);
CREATE INDEX oauth_authorization_requests_expiry ON oauth_authorization_requests (expires_at);

-- An authorization code: single use, valid at most a minute. used_at set on exchange; a second
-- exchange revokes the grant issued from it (RFC 6749 4.1.2, RFC 9700 4.2.1).
CREATE TABLE oauth_codes (
  code_hash      TEXT NOT NULL PRIMARY KEY,
  client_id      TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
  user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  redirect_uri   TEXT NOT NULL,
  scopes         TEXT NOT NULL,
  code_challenge TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  expires_at     TEXT NOT NULL,
  used_at        TEXT,
  grant_id       TEXT REFERENCES oauth_grants (id) ON DELETE CASCADE
);
CREATE INDEX oauth_codes_expiry ON oauth_codes (expires_at);

-- Access tokens (short-lived) and refresh tokens (rotated on every use: used_at set, a new one
-- issued; presenting a used one revokes the whole grant). Rows of a revoked grant are dead.
CREATE TABLE oauth_tokens (
  token_hash TEXT NOT NULL PRIMARY KEY,
  grant_id   TEXT NOT NULL REFERENCES oauth_grants (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT,
  revoked_at TEXT
);
CREATE INDEX oauth_tokens_grant ON oauth_tokens (grant_id, kind);
CREATE INDEX oauth_tokens_expiry ON oauth_tokens (expires_at);

-- The device grant (RFC 8628): the device polls with device_code; the user enters user_code on
-- the web app, signed in, and approves or denies. user_code is stored normalised (upper case,
-- no dash). last_polled_at enforces the interval (slow_down).
CREATE TABLE oauth_device_codes (
  device_code_hash TEXT NOT NULL PRIMARY KEY,
  user_code        TEXT NOT NULL UNIQUE,
  client_id        TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
  scopes           TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  expires_at       TEXT NOT NULL,
  interval_seconds INTEGER NOT NULL DEFAULT 5,
  last_polled_at   TEXT,
  user_id          TEXT REFERENCES users (id) ON DELETE CASCADE,
  decision         TEXT NOT NULL DEFAULT 'pending'
                   CHECK (decision IN ('pending', 'approved', 'denied', 'used')),
  grant_id         TEXT REFERENCES oauth_grants (id) ON DELETE CASCADE
);
CREATE INDEX oauth_device_codes_expiry ON oauth_device_codes (expires_at);
