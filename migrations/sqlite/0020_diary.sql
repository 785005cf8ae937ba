-- The food diary and recipes (/api/v1/diary..., /api/v1/diary-items/{id}, /api/v1/recipes...).
-- User-owned rows with the user's change sequence (rev) and tombstones, as goals (0018), so the
-- change feed can carry them. Ids are per user: a client may choose its own.

-- A logged item keeps a snapshot of what it was when logged (name, nutrients as JSON of
-- NutrientAmounts, unknown nutrients absent): editing or deleting the food or recipe later does
-- not change it.
CREATE TABLE diary_items (
  user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  id            TEXT NOT NULL,
  day           TEXT NOT NULL,                 -- YYYY-MM-DD, the user's local day
  meal          TEXT NOT NULL,                 -- breakfast, lunch, dinner, snacks or the user's own
  kind          TEXT NOT NULL CHECK (kind IN ('food', 'quick')),
  food_id       TEXT,                          -- food: "usda-01123", a custom food, "recipe-ID"
  name          TEXT NOT NULL,
  grams         REAL,                          -- food: the amount eaten
  portion_name  TEXT,                          -- food by portion: "large" ...
  portion_count REAL,                          -- ... x 2
  nutrients     TEXT NOT NULL,                 -- JSON object: what the item gives
  -- The order items were logged in: the rev of the write that logged it, then the place in its
  -- request. Custom meals are listed in the order of their first item.
  created_rev   INTEGER NOT NULL,
  ordinal       INTEGER NOT NULL,
  input_hash    TEXT NOT NULL,                 -- what the item was logged from: retries compare it
  request_key   TEXT,                          -- the Idempotency-Key of the request that logged it
  request_hash  TEXT,                          -- that request's content
  logged_at     TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  rev           INTEGER NOT NULL,
  deleted_at    TEXT,
  PRIMARY KEY (user_id, id)
);
CREATE INDEX diary_items_user_day ON diary_items (user_id, day);
CREATE INDEX diary_items_user_rev ON diary_items (user_id, rev);
CREATE INDEX diary_items_user_request_key ON diary_items (user_id, request_key)
  WHERE request_key IS NOT NULL;

-- What a day has besides items: the water drunk.
CREATE TABLE diary_days (
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day        TEXT NOT NULL,
  water_ml   REAL NOT NULL CHECK (water_ml >= 0),
  updated_at TEXT NOT NULL,
  rev        INTEGER NOT NULL,
  PRIMARY KEY (user_id, day)
);

-- Recipes: ingredients with amounts; usable as a food ("recipe-ID").
CREATE TABLE recipes (
  user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  id              TEXT NOT NULL,
  name            TEXT NOT NULL,
  servings        INTEGER NOT NULL CHECK (servings >= 1),
  cooked_weight_g REAL,
  input_hash      TEXT NOT NULL,
  idempotency_key TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  rev             INTEGER NOT NULL,
  deleted_at      TEXT,
  PRIMARY KEY (user_id, id)
);
CREATE INDEX recipes_user_rev ON recipes (user_id, rev);
CREATE UNIQUE INDEX recipes_user_idempotency_key ON recipes (user_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- A recipe's ingredients in order, each with the food's name and values per 100 g as they were
-- when the recipe was saved (JSON of NutrientAmounts).
CREATE TABLE recipe_ingredients (
  user_id       TEXT NOT NULL,
  recipe_id     TEXT NOT NULL,
  position      INTEGER NOT NULL,
  food_id       TEXT NOT NULL,
  name          TEXT NOT NULL,
  grams         REAL NOT NULL,
  portion_name  TEXT,
  portion_count REAL,
  per_100g      TEXT NOT NULL,
  PRIMARY KEY (user_id, recipe_id, position),
  FOREIGN KEY (user_id, recipe_id) REFERENCES recipes (user_id, id) ON DELETE CASCADE
);
CREATE INDEX recipe_ingredients_user_food ON recipe_ingredients (user_id, food_id);
