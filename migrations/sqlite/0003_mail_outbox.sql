-- Transactional outbox for mail: a row is written in the same transaction as the change that
-- causes the mail (a sign-up, a reset request), so mail goes out if and only if that change
-- commits. A background sender delivers due rows and retries with backoff.

CREATE TABLE mail_outbox (
  id              INTEGER PRIMARY KEY,
  to_addr         TEXT NOT NULL,
  subject         TEXT NOT NULL,
  -- SecretBox-sealed body (it holds one-time links); cleared once sent or abandoned.
  sealed_body     TEXT,
  created_at      TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  -- RFC 3339 UTC with milliseconds, so text order is time order.
  next_attempt_at TEXT NOT NULL,
  sent_at         TEXT,
  last_error      TEXT
) STRICT;

-- The sender's poll only ever looks at unsent rows that are due.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
