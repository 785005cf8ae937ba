-- Whether a workout carries a note anywhere (on itself, one of its exercises or sets), written
-- with the workout like its totals (issue 16). The history list showed it by reading every block
-- and set of every listed workout: most of the list's time in the database.
ALTER TABLE workouts ADD COLUMN has_notes INTEGER NOT NULL DEFAULT 0 CHECK (has_notes IN (0, 1));

UPDATE workouts SET has_notes = 1
WHERE COALESCE(notes, '') <> ''
   OR EXISTS (SELECT 1 FROM workout_blocks b WHERE b.user_id = workouts.user_id
              AND b.workout_id = workouts.id AND COALESCE(b.notes, '') <> '')
   OR EXISTS (SELECT 1 FROM workout_sets s WHERE s.user_id = workouts.user_id
              AND s.workout_id = workouts.id AND COALESCE(s.notes, '') <> '');
