-- Consent to the processing of health data (GDPR Art. 9(2)(a), issue 15). The admin publishes
-- privacy policy versions; a user's consent names the version they agreed to. When a newer
-- version is published, GET /api/v1/me says consent is required again
-- (features/consent/consent_service.hpp).

-- Each published version stays as it was: a consent record keeps pointing at the text agreed to.
CREATE TABLE privacy_policies (
  version      INTEGER PRIMARY KEY,
  text         TEXT NOT NULL,                                     -- markdown
  published_at TEXT NOT NULL,
  published_by TEXT REFERENCES users (id) ON DELETE SET NULL     -- NULL: shipped with Vigor
) STRICT;

-- One row per consent given; withdrawing sets withdrawn_at (the account's erasure follows and
-- takes the rows with it).
CREATE TABLE consents (
  id             TEXT PRIMARY KEY,                                -- UUIDv7: ordered by time
  user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose        TEXT NOT NULL CHECK (purpose IN ('health_data')),
  policy_version INTEGER NOT NULL REFERENCES privacy_policies (version),
  given_at       TEXT NOT NULL,
  withdrawn_at   TEXT
) STRICT;
CREATE INDEX consents_user ON consents (user_id, purpose, id);

-- The first version ships with the instance; docs/operations.md asks the admin to edit it.
INSERT INTO privacy_policies (version, text, published_at, published_by) VALUES (1,
'# Privacy policy

This Vigor instance stores what you record here: workouts and GPS tracks, body measurements,
nutrition diary entries and goals. Some of it is **health data**, which we process only with
your explicit consent.

- **What for:** to show you your training, progress and records, and to share what you choose
  to share with other users of this instance.
- **Who sees it:** you decide per item (public, followers, private). Body and nutrition data are
  private by default. Administrators manage accounts but cannot read your private data through
  the admin pages; what they do to your account is listed under Settings, Account activity.
- **Your rights:** you can export all your data and delete your account at any time (Settings).
  Withdrawing this consent leads to the deletion of your account.
- **Contact:** the operator of this instance (the administrator has not yet filled in their
  contact details).
',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), NULL);
