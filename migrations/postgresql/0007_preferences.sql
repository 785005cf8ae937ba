-- A user's preferences for showing and entering values (GET/PATCH /api/v1/me). Storage stays SI
-- and UTC: these only convert at the edges.
ALTER TABLE users ADD COLUMN weight_unit TEXT COLLATE "C" NOT NULL DEFAULT 'kg'
  CHECK (weight_unit IN ('kg', 'lb'));
ALTER TABLE users ADD COLUMN distance_unit TEXT COLLATE "C" NOT NULL DEFAULT 'km'
  CHECK (distance_unit IN ('km', 'mi'));
ALTER TABLE users ADD COLUMN weight_increment DOUBLE PRECISION NOT NULL DEFAULT 2.5
  CHECK (weight_increment > 0 AND weight_increment <= 50);
-- length() counts characters on both databases.
ALTER TABLE users ADD COLUMN time_zone TEXT COLLATE "C" NOT NULL DEFAULT 'UTC'
  CHECK (length(time_zone) BETWEEN 1 AND 64);
ALTER TABLE users ADD COLUMN locale TEXT COLLATE "C" NOT NULL DEFAULT 'en'
  CHECK (locale IN ('en', 'de'));
