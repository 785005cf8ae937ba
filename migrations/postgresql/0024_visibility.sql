-- Who may see each workout and body entry besides its owner (core/privacy.hpp), and the details
-- of a workout its owner hides from the others who may see it. Rows written before this
-- migration stay private: an upgrade must never make anything visible that was not before.
-- New items take the owner's default (privacy_settings) when their writer names none.
ALTER TABLE workouts ADD COLUMN visibility TEXT COLLATE "C" NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'followers', 'public'));
-- Space-separated names of what others do not see: start_time, map, heart_rate, pace,
-- calories, weights (empty: nothing hidden).
ALTER TABLE workouts ADD COLUMN hidden_details TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE measurements ADD COLUMN visibility TEXT COLLATE "C" NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'followers', 'public'));
-- Others read one user's body entries newest first.
CREATE INDEX measurements_user_day ON measurements (user_id, day DESC, id DESC)
  WHERE deleted_at IS NULL;
