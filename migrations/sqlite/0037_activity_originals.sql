-- The original file of each workout made from an activity file (GPX, TCX or FIT, from the import
-- page or POST /api/v1/uploads), as it was uploaded (after gzip transfer compression is undone),
-- written in the transaction that creates the workout (issue 15: the account export holds the
-- originals). It goes with its workout: deleting the workout (features/imports observes it),
-- undoing the import, or erasing the user (ON DELETE CASCADE).
CREATE TABLE activity_originals (
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  workout_id  TEXT NOT NULL,
  file_name   TEXT,                    -- as the client named the file; never decisive
  format      TEXT NOT NULL CHECK (format IN ('gpx', 'tcx', 'fit')),
  size_bytes  INTEGER NOT NULL,
  sha256      TEXT NOT NULL,           -- hex, of content
  content     BLOB NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (user_id, workout_id),
  FOREIGN KEY (user_id, workout_id) REFERENCES workouts (user_id, id) ON DELETE CASCADE
) STRICT;
