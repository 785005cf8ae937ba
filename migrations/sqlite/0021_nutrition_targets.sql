-- Nutrition targets (/api/v1/nutrition/targets): one row per user, what the user set. Computed
-- targets are worked out when read (from this profile, the birth year on /me and the latest body
-- weight), so a new weigh-in or birthday moves them without a write here. The profile columns are
-- all set or all NULL (a manual target needs no profile). Micronutrient overrides are a JSON
-- object of nutrient key -> daily amount, replacing the reference intakes for those nutrients.
CREATE TABLE nutrition_targets (
  user_id                 TEXT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  mode                    TEXT NOT NULL CHECK (mode IN ('manual', 'computed')),
  energy_kcal             REAL,
  protein_g               REAL,
  carbohydrate_g          REAL,
  fat_g                   REAL,
  include_exercise_energy INTEGER NOT NULL DEFAULT 0 CHECK (include_exercise_energy IN (0, 1)),
  sex                     TEXT CHECK (sex IN ('male', 'female', 'unspecified')),
  height_cm               REAL,
  activity_level          TEXT
    CHECK (activity_level IN ('sedentary', 'light', 'moderate', 'active', 'very_active')),
  weekly_change_kg        REAL,
  micronutrients          TEXT NOT NULL DEFAULT '{}',
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  rev                     INTEGER NOT NULL,
  CHECK ((sex IS NULL) = (activity_level IS NULL) AND (sex IS NULL) = (weekly_change_kg IS NULL))
);
