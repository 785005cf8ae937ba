-- A set can carry a note of its own ("left knee hurt"), as Strong's per-set notes do; the block's
-- notes are about the exercise. Appended after target_rir, as on SQLite
-- (tests/process/schema_parity_test.py); COLLATE "C" as every text column.
ALTER TABLE workout_sets ADD COLUMN notes TEXT COLLATE "C";
