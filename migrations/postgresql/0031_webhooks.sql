-- Webhooks (issue 14): an app (a confidential OAuth client) subscribes with its client
-- credentials to events of the users who authorised it; each event for each subscription is a
-- delivery, sent by the job queue, signed with the subscription's secret, retried with back-off.
-- Times are RFC 3339 UTC text.

-- One subscription of a client app. `events` is space-separated ("workout.created
-- app.deauthorized"). The signing secret must be shown to the app again never, but Vigor needs
-- it to sign every delivery: it is sealed with the instance key (SecretBox, "v1.<...>"), so a
-- stolen database file reveals none. disabled_at: no new deliveries.
CREATE TABLE webhook_subscriptions (
  id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  client_id     TEXT COLLATE "C" NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
  url           TEXT COLLATE "C" NOT NULL,
  events        TEXT COLLATE "C" NOT NULL,
  secret_sealed TEXT COLLATE "C" NOT NULL,
  created_at    TEXT COLLATE "C" NOT NULL,
  disabled_at   TEXT COLLATE "C"
);
CREATE INDEX webhook_subscriptions_client ON webhook_subscriptions (client_id, id);

-- One event sent (or to be sent) to one subscription. `body` is the exact JSON sent (and
-- signed) on every attempt. status: queued (an attempt is enqueued or waits for next_attempt_at),
-- delivered (a 2xx came back), failed (every attempt used up). next_attempt_at is set while a
-- retry waits and cleared when the retry is enqueued as a job, so one delivery has at most one
-- job at a time. `user_id` is the user whose event it is: their account's deletion removes it.
CREATE TABLE webhook_deliveries (
  id               TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  subscription_id  TEXT COLLATE "C" NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  user_id          TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  event            TEXT COLLATE "C" NOT NULL,
  body             TEXT COLLATE "C" NOT NULL,
  status           TEXT COLLATE "C" NOT NULL DEFAULT 'queued'
                   CHECK (status IN ('queued', 'delivered', 'failed')),
  attempts         BIGINT NOT NULL DEFAULT 0,
  last_status_code BIGINT,
  last_error       TEXT COLLATE "C",
  last_attempt_at  TEXT COLLATE "C",
  next_attempt_at  TEXT COLLATE "C",
  created_at       TEXT COLLATE "C" NOT NULL,
  delivered_at     TEXT COLLATE "C"
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id);
CREATE INDEX webhook_deliveries_retry ON webhook_deliveries (next_attempt_at);
CREATE INDEX webhook_deliveries_user ON webhook_deliveries (user_id);
