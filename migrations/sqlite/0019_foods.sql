-- Foods (/api/v1/foods): the user's own foods and branded products (custom_foods), the shared
-- products an admin imported from Open Food Facts (shared_foods, instance-wide, no owner, found by
-- barcode and by the words of their names), how often and when each user logged each food
-- (food_usage: search's boost, the recent and frequent lists) and the imports themselves. The
-- generic catalogue (USDA SR24) is compiled into the binary and has no table.
CREATE TABLE custom_foods (
  user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  id              TEXT NOT NULL,
  name            TEXT NOT NULL,
  brand           TEXT,
  barcode         TEXT,                 -- EAN-8 or EAN-13 (a UPC-A stored as its EAN-13)
  portions_json   TEXT NOT NULL,        -- [{"name", "amount", "grams"}]
  per_100g_json   TEXT NOT NULL,        -- NutrientAmounts: known nutrients only
  input_hash      TEXT NOT NULL,        -- the content last written: retries compare it
  idempotency_key TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  rev             INTEGER NOT NULL,
  deleted_at      TEXT,
  PRIMARY KEY (user_id, id)
);
CREATE INDEX custom_foods_user_rev ON custom_foods (user_id, rev);
CREATE UNIQUE INDEX custom_foods_user_barcode ON custom_foods (user_id, barcode)
  WHERE barcode IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX custom_foods_user_idempotency_key ON custom_foods (user_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- Shared products: id "off-" + barcode. Millions after a full import, so search reads them only
-- through shared_food_words (a range scan of one word's prefix) and the barcode's unique index.
CREATE TABLE shared_foods (
  id             TEXT NOT NULL PRIMARY KEY,
  barcode        TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  brand          TEXT,
  portions_json  TEXT NOT NULL,
  per_100g_json  TEXT NOT NULL,
  import_id      TEXT,                  -- the import that last wrote it
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
-- The folded search words (core::SearchWords) of each shared product's name and brand.
CREATE TABLE shared_food_words (
  word    TEXT NOT NULL,
  food_id TEXT NOT NULL REFERENCES shared_foods (id) ON DELETE CASCADE,
  PRIMARY KEY (word, food_id)
);
CREATE INDEX shared_food_words_food ON shared_food_words (food_id);

CREATE TABLE food_usage (
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  food_id      TEXT NOT NULL,
  uses         INTEGER NOT NULL,
  last_used_at TEXT NOT NULL,
  PRIMARY KEY (user_id, food_id)
);
CREATE INDEX food_usage_user_last_used ON food_usage (user_id, last_used_at);

-- Open Food Facts imports; the id is the background job's id. Counters move with each committed
-- batch, so a resumed job goes on after the lines already read.
CREATE TABLE food_imports (
  id                 TEXT NOT NULL PRIMARY KEY,
  user_id            TEXT REFERENCES users (id) ON DELETE SET NULL,  -- the admin; none: the CLI
  file               TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  bytes_read         INTEGER NOT NULL DEFAULT 0,
  bytes_total        INTEGER NOT NULL DEFAULT 0,
  lines_read         INTEGER NOT NULL DEFAULT 0,  -- header included: where a resumed job goes on
  rows_read          INTEGER NOT NULL DEFAULT 0,
  foods_added        INTEGER NOT NULL DEFAULT 0,
  foods_updated      INTEGER NOT NULL DEFAULT 0,
  rows_rejected      INTEGER NOT NULL DEFAULT 0,
  rejected_json      TEXT NOT NULL DEFAULT '[]',  -- at most 20 {"line", "reason"}
  error              TEXT,
  created_at         TEXT NOT NULL,
  finished_at        TEXT
);
CREATE INDEX food_imports_created ON food_imports (created_at);
