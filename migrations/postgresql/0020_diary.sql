-- The food diary and recipes (/api/v1/diary..., /api/v1/diary-items/{id}, /api/v1/recipes...).
-- User-owned rows with the user's change sequence (rev) and tombstones, as goals (0018), so the
-- change feed can carry them. Ids are per user: a client may choose its own.

-- A logged item keeps a snapshot of what it was when logged (name, nutrients as JSON of
-- NutrientAmounts, unknown nutrients absent): editing or deleting the food or recipe later does
-- not change it.
CREATE TABLE diary_items (
  user_id       TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  id            TEXT COLLATE "C" NOT NULL,
  day           TEXT COLLATE "C" NOT NULL,                 -- YYYY-MM-DD, the user's local day
  meal          TEXT COLLATE "C" NOT NULL,                 -- breakfast, lunch, dinner, snacks or the user's own
  kind          TEXT COLLATE "C" NOT NULL CHECK (kind IN ('food', 'quick')),
  food_id       TEXT COLLATE "C",                          -- food: "usda-01123", a custom food, "recipe-ID"
  name          TEXT COLLATE "C" NOT NULL,
  grams         DOUBLE PRECISION,                          -- food: the amount eaten
  portion_name  TEXT COLLATE "C",                          -- food by portion: "large" ...
  portion_count DOUBLE PRECISION,                          -- ... x 2
  nutrients     TEXT COLLATE "C" NOT NULL,                 -- JSON object: what the item gives
  -- The order items were logged in: the rev of the write that logged it, then the place in its
  -- request. Custom meals are listed in the order of their first item.
  created_rev   BIGINT NOT NULL,
  ordinal       BIGINT NOT NULL,
  input_hash    TEXT COLLATE "C" NOT NULL,                 -- what the item was logged from: retries compare it
  request_key   TEXT COLLATE "C",                          -- the Idempotency-Key of the request that logged it
  request_hash  TEXT COLLATE "C",                          -- that request's content
  logged_at     TEXT COLLATE "C" NOT NULL,
  created_at    TEXT COLLATE "C" NOT NULL,
  updated_at    TEXT COLLATE "C" NOT NULL,
  rev           BIGINT NOT NULL,
  deleted_at    TEXT COLLATE "C",
  PRIMARY KEY (user_id, id)
);
CREATE INDEX diary_items_user_day ON diary_items (user_id, day);
CREATE INDEX diary_items_user_rev ON diary_items (user_id, rev);
CREATE INDEX diary_items_user_request_key ON diary_items (user_id, request_key)
  WHERE request_key IS NOT NULL;

-- What a day has besides items: the water drunk.
CREATE TABLE diary_days (
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day        TEXT COLLATE "C" NOT NULL,
  water_ml   DOUBLE PRECISION NOT NULL CHECK (water_ml >= 0),
  updated_at TEXT COLLATE "C" NOT NULL,
  rev        BIGINT NOT NULL,
  PRIMARY KEY (user_id, day)
);

-- Recipes: ingredients with amounts; usable as a food ("recipe-ID").
CREATE TABLE recipes (
  user_id         TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  id              TEXT COLLATE "C" NOT NULL,
  name            TEXT COLLATE "C" NOT NULL,
  servings        BIGINT NOT NULL CHECK (servings >= 1),
  cooked_weight_g DOUBLE PRECISION,
  input_hash      TEXT COLLATE "C" NOT NULL,
  idempotency_key TEXT COLLATE "C",
  created_at      TEXT COLLATE "C" NOT NULL,
  updated_at      TEXT COLLATE "C" NOT NULL,
  rev             BIGINT NOT NULL,
  deleted_at      TEXT COLLATE "C",
  PRIMARY KEY (user_id, id)
);
CREATE INDEX recipes_user_rev ON recipes (user_id, rev);
CREATE UNIQUE INDEX recipes_user_idempotency_key ON recipes (user_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- A recipe's ingredients in order, each with the food's name and values per 100 g as they were
-- when the recipe was saved (JSON of NutrientAmounts).
CREATE TABLE recipe_ingredients (
  user_id       TEXT COLLATE "C" NOT NULL,
  recipe_id     TEXT COLLATE "C" NOT NULL,
  position      BIGINT NOT NULL,
  food_id       TEXT COLLATE "C" NOT NULL,
  name          TEXT COLLATE "C" NOT NULL,
  grams         DOUBLE PRECISION NOT NULL,
  portion_name  TEXT COLLATE "C",
  portion_count DOUBLE PRECISION,
  per_100g      TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (user_id, recipe_id, position),
  FOREIGN KEY (user_id, recipe_id) REFERENCES recipes (user_id, id) ON DELETE CASCADE
);
CREATE INDEX recipe_ingredients_user_food ON recipe_ingredients (user_id, food_id);
