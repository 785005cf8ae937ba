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

/** A finished workout as the edit form holds it; times as `datetime-local` values. */
export interface WorkoutEdit {
  title: string;
  started: string;
  ended: string;
  notes: string;
  perceived_effort: number | null;
  blocks: EditedBlock[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An RFC 3339 instant as a `datetime-local` value in the browser's zone, to the minute. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A `datetime-local` value back to RFC 3339 UTC. The original instant is kept when the field
 * still shows it, so an untouched time keeps its seconds.
 */
export function fromLocalInput(local: string, original: string | null): string | null {
  if (!local) return null;
  if (original && toLocalInput(original) === local) return original;
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
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

export function editOf(workout: Workout): WorkoutEdit {
  return {
    title: workout.title,
    started: toLocalInput(workout.started_at),
    ended: workout.ended_at ? toLocalInput(workout.ended_at) : '',
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
    started_at: fromLocalInput(edit.started, workout.started_at) ?? workout.started_at,
    ended_at: fromLocalInput(edit.ended, workout.ended_at ?? null),
    notes: edit.notes.trim() || null,
    perceived_effort: edit.perceived_effort,
    routine_id: workout.routine_id ?? null,
    cardio: workout.cardio ?? null,
    blocks: edit.blocks.map((block) => ({
      exercise_id: block.exercise_id,
      superset_group: block.superset_group,
      rest_s: block.rest_s,
      notes: block.notes.trim() || null,
      sets: block.sets.map(({ key: _key, notes, ...set }) => ({ ...set, notes: notes.trim() || null })),
    })),
  };
  if (workout.time_zone) input.time_zone = workout.time_zone;
  return input;
}
