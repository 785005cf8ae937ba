-- Workout ids are per user: a workout is (user_id, id), its blocks (user_id, workout_id,
-- position), its sets (user_id, workout_id, block_position, position) and its track (user_id,
-- workout_id). A client chooses its workouts' ids (offline sync); with ids unique across all users,
-- creating one with another user's id was refused, which told that the id exists (issue 9,
-- defect 11). Now another user's id is as free as any unused one.
--
-- The same schema as SQLite's 0013, which rebuilds the tables; here the keys are dropped and
-- added again (foreign keys first, as they depend on the keys they reference). The children's
-- user_id is taken from their workout, whose it is by the foreign key from now on.
-- workout_tracks_user goes: the new primary key (user_id, workout_id) serves what it did.

ALTER TABLE workout_sets DROP CONSTRAINT workout_sets_workout_id_block_position_fkey;
ALTER TABLE workout_blocks DROP CONSTRAINT workout_blocks_workout_id_fkey;
ALTER TABLE workout_tracks DROP CONSTRAINT workout_tracks_workout_id_fkey;

UPDATE workout_blocks b SET user_id = w.user_id
  FROM workouts w WHERE w.id = b.workout_id AND b.user_id <> w.user_id;
UPDATE workout_sets s SET user_id = w.user_id
  FROM workouts w WHERE w.id = s.workout_id AND s.user_id <> w.user_id;
UPDATE workout_tracks t SET user_id = w.user_id
  FROM workouts w WHERE w.id = t.workout_id AND t.user_id <> w.user_id;

ALTER TABLE workouts DROP CONSTRAINT workouts_pkey,
  ADD CONSTRAINT workouts_pkey PRIMARY KEY (user_id, id);
ALTER TABLE workout_blocks DROP CONSTRAINT workout_blocks_pkey,
  ADD CONSTRAINT workout_blocks_pkey PRIMARY KEY (user_id, workout_id, position),
  ADD CONSTRAINT workout_blocks_workout_fkey FOREIGN KEY (user_id, workout_id)
    REFERENCES workouts (user_id, id) ON DELETE CASCADE;
ALTER TABLE workout_sets DROP CONSTRAINT workout_sets_pkey,
  ADD CONSTRAINT workout_sets_pkey PRIMARY KEY (user_id, workout_id, block_position, position),
  ADD CONSTRAINT workout_sets_block_fkey FOREIGN KEY (user_id, workout_id, block_position)
    REFERENCES workout_blocks (user_id, workout_id, position) ON DELETE CASCADE;
ALTER TABLE workout_tracks DROP CONSTRAINT workout_tracks_pkey,
  ADD CONSTRAINT workout_tracks_pkey PRIMARY KEY (user_id, workout_id),
  ADD CONSTRAINT workout_tracks_workout_fkey FOREIGN KEY (user_id, workout_id)
    REFERENCES workouts (user_id, id) ON DELETE CASCADE;

DROP INDEX workout_tracks_user;
