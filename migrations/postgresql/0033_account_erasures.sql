-- Deleting an account (GDPR Art. 17, issue 15): DELETE /api/v1/me ends every session and token
-- at once and writes this row; while it exists the user reads to everyone else like a user who
-- does not exist (the privacy policy and its SQL fragment ask here). Signing in before
-- erase_after deletes the row (the deletion is cancelled); otherwise housekeeping erases the
-- user once erase_after has passed (features/accounts/account_erasure.hpp).
CREATE TABLE account_erasures (
  user_id      TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  requested_at TEXT COLLATE "C" NOT NULL,
  erase_after  TEXT COLLATE "C" NOT NULL
);
-- Housekeeping's scan for accounts whose grace period is over.
CREATE INDEX account_erasures_due ON account_erasures (erase_after);
