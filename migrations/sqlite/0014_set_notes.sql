-- A set can carry a note of its own ("left knee hurt"), as Strong's per-set notes do; the block's
-- notes are about the exercise. A nullable column needs no table rebuild: ADD COLUMN appends it
-- after target_rir, as on PostgreSQL (tests/process/schema_parity_test.py).
ALTER TABLE workout_sets ADD COLUMN notes TEXT;
