import { fromZonedInput, isKnownTimeZone, toZonedInput } from '@/lib/format/zoned-time';
import type { SetType, Workout, WorkoutInput, WorkoutSet } from './model';
import { newId } from './model';

/** One set of a finished workout being edited; values in SI, null while empty. */
export interface EditedSet {
  key: string;
  set_type: SetType;
  weight_kg: number | null;
  reps: number | null;
  duration_s: number | null;
  distance_m: number | null;
  rpe: number | null;
  rir: number | null;
  /** The set's own note; '' for none. */
  notes: string;
  /** The weight and reps the user confirmed when the typo guard questioned them; not sent. */
  confirmed?: { weight_kg: number | null; reps: number | null } | null;
  done: boolean;
  /** The plan is kept as it was: editing changes what was done. */
  target_reps: number | null;
  target_weight_kg: number | null;
  target_rir: number | null;
}

export interface EditedBlock {
  key: string;
  exercise_id: string;
  superset_group: number | null;
  rest_s: number | null;
  notes: string;
  sets: EditedSet[];
}

/** A finished workout as the edit form holds it; times as `datetime-local` values in `zone`. */
export interface WorkoutEdit {
  title: string;
  /** The zone the times are shown and typed in: the workout's own, else the browser's. */
  zone: string;
  started: string;
  ended: string;
  notes: string;
  perceived_effort: number | null;
  blocks: EditedBlock[];
}

/**
 * The zone a workout's times are edited in: where it happened (its time_zone), so that a
 * workout logged in Berlin shows 18:00 in New York too; the browser's for one without a zone.
 */
export function editZone(workout: Workout, browserZone: string): string {
  return workout.time_zone && isKnownTimeZone(workout.time_zone) ? workout.time_zone : browserZone;
}

/** An RFC 3339 instant as a `datetime-local` value in `zone`, to the minute. */
export function toLocalInput(iso: string, zone: string): string {
  return toZonedInput(iso, zone);
}

/**
 * A `datetime-local` value in `zone` back to RFC 3339 UTC (daylight-saving gaps and overlaps
 * as zoned-time resolves them). The original instant is kept when the field still shows it,
 * so an untouched time keeps its seconds.
 */
export function fromLocalInput(local: string, original: string | null, zone: string): string | null {
  if (!local) return null;
  if (original && toLocalInput(original, zone) === local) return original;
  return fromZonedInput(local, zone);
}

export function editedSet(set: Partial<WorkoutSet> = {}): EditedSet {
  return {
    key: newId(),
    set_type: set.set_type ?? 'normal',
    weight_kg: set.weight_kg ?? null,
    reps: set.reps ?? null,
    duration_s: set.duration_s ?? null,
    distance_m: set.distance_m ?? null,
    rpe: set.rpe ?? null,
    rir: set.rir ?? null,
    notes: set.notes ?? '',
    done: set.done ?? true,
    target_reps: set.target_reps ?? null,
    target_weight_kg: set.target_weight_kg ?? null,
    target_rir: set.target_rir ?? null,
  };
}

export function editOf(workout: Workout, browserZone: string): WorkoutEdit {
  const zone = editZone(workout, browserZone);
  return {
    title: workout.title,
    zone,
    started: toLocalInput(workout.started_at, zone),
    ended: workout.ended_at ? toLocalInput(workout.ended_at, zone) : '',
    notes: workout.notes ?? '',
    perceived_effort: workout.perceived_effort ?? null,
    blocks: (workout.blocks ?? []).map((block) => ({
      key: newId(),
      exercise_id: block.exercise_id,
      superset_group: block.superset_group ?? null,
      rest_s: block.rest_s ?? null,
      notes: block.notes ?? '',
      sets: block.sets.map((set) => editedSet(set)),
    })),
  };
}

/** The PUT body: the edit over what the workout was, keeping what the form does not show. */
export function inputOf(edit: WorkoutEdit, workout: Workout): WorkoutInput {
  const input: WorkoutInput = {
    title: edit.title.trim(),
    started_at: fromLocalInput(edit.started, workout.started_at, edit.zone) ?? workout.started_at,
    ended_at: fromLocalInput(edit.ended, workout.ended_at ?? null, edit.zone),
    notes: edit.notes.trim() || null,
    perceived_effort: edit.perceived_effort,
    routine_id: workout.routine_id ?? null,
    cardio: workout.cardio ?? null,
    blocks: edit.blocks.map((block) => ({
      exercise_id: block.exercise_id,
      superset_group: block.superset_group,
      rest_s: block.rest_s,
      notes: block.notes.trim() || null,
      sets: block.sets.map(({ key: _key, confirmed: _confirmed, notes, ...set }) => ({ ...set, notes: notes.trim() || null })),
    })),
  };
  if (workout.time_zone) input.time_zone = workout.time_zone;
  return input;
}
