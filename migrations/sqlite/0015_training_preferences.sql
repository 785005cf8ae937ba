-- Preferences that progress figures need (GET/PATCH /api/v1/me): the day weeks start on (weekly
-- goals, streaks and summaries count weeks from it, in the user's time zone), the one-rep-max
-- formula records and goals show, and what heart-rate zones start from. Birth year and heart
-- rates are optional: zones use defaults from age, or from nothing, when they are unknown.
ALTER TABLE users ADD COLUMN week_start TEXT NOT NULL DEFAULT 'monday'
  CHECK (week_start IN ('monday', 'sunday', 'saturday'));
ALTER TABLE users ADD COLUMN one_rep_max_formula TEXT NOT NULL DEFAULT 'epley'
  CHECK (one_rep_max_formula IN ('epley', 'brzycki'));
ALTER TABLE users ADD COLUMN birth_year INTEGER CHECK (birth_year BETWEEN 1900 AND 2100);
ALTER TABLE users ADD COLUMN max_heart_rate INTEGER CHECK (max_heart_rate BETWEEN 100 AND 250);
ALTER TABLE users ADD COLUMN resting_heart_rate INTEGER
  CHECK (resting_heart_rate BETWEEN 20 AND 150);
