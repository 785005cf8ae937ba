import type { Schema } from '@/lib/api/types';
import type { RestTimer } from './rest-timer';

export type Exercise = Schema<'Exercise'>;
export type LogType = Schema<'LogType'>;
export type SetType = Schema<'SetType'>;
export type WorkoutSet = Schema<'WorkoutSet'>;
export type WorkoutInput = Schema<'WorkoutInput'>;
/**
 * The spec requires `id` on a Workout, but lists it only among WorkoutInput's (optional)
 * properties, so the generated type leaves it optional; a saved workout always has one.
 */
export type Workout = Schema<'Workout'> & { id: string };
export type Routine = Schema<'Routine'>;
export type RoutineItem = Schema<'RoutineItem'>;
export type RoutineInput = Schema<'RoutineInput'>;
export type RoutineTemplate = Schema<'RoutineTemplate'>;
export type Program = Schema<'Program'>;
export type ProgramInput = Schema<'ProgramInput'>;
export type Muscle = Schema<'Muscle'>;
export type Equipment = Schema<'Equipment'>;

export const setTypes: readonly SetType[] = ['normal', 'warmup', 'drop', 'failure', 'amrap'];

/** What a workout in progress keeps of an exercise: enough to show and log it offline. */
export interface ExerciseRef {
  id: string;
  name: string;
  log_type: LogType;
  equipment: string[];
}

export function exerciseRef(exercise: Exercise): ExerciseRef {
  return { id: exercise.id, name: exercise.name, log_type: exercise.log_type, equipment: [...exercise.equipment] };
}

/** One set being logged; values in SI, null while empty. */
export interface ActiveSet {
  key: string;
  set_type: SetType;
  weight_kg: number | null;
  reps: number | null;
  duration_s: number | null;
  distance_m: number | null;
  done: boolean;
  target_reps: number | null;
  target_weight_kg: number | null;
  /** How hard it was: RPE (1-10, halves) and reps in reserve. Absent in drafts of older versions. */
  rpe?: number | null;
  rir?: number | null;
  /** The set's own note ("left knee hurt"). Absent in drafts of older versions. */
  notes?: string;
  /** The weight and reps the user confirmed when the typo guard questioned them (plausibility.ts). */
  confirmed?: { weight_kg: number | null; reps: number | null } | null;
}

export interface ActiveBlock {
  key: string;
  exercise: ExerciseRef;
  superset_group: number | null;
  /** Seconds to rest after a set; null for the default. */
  rest_s: number | null;
  /**
   * The routine's load as a percentage of the one-rep max, shown as the plan (the sets'
   * target weights were worked out from it at the start). Absent in drafts of older versions.
   */
  target_percent_1rm?: number | null;
  /** Notes on this exercise in this workout. Absent in drafts of older versions. */
  notes?: string;
  /** The sets of the previous session with this exercise (what GET /last-sets said). */
  previous: WorkoutSet[];
  /** The best weight and reps of all earlier sessions (GET /last-sets); absent offline and in older drafts. */
  best?: { weight_kg: number | null; reps: number | null } | null;
  sets: ActiveSet[];
}

/** The workout being logged, as it is kept in localStorage between reloads. */
export interface ActiveWorkout {
  version: 1;
  /** The client-chosen UUID it is saved with (and the Idempotency-Key). */
  id: string;
  title: string;
  started_at: string;
  routine_id: string | null;
  blocks: ActiveBlock[];
  rest: RestTimer;
}

/** Which values a set of this kind of exercise records. */
export function fieldsOf(logType: LogType): Array<'weight' | 'reps' | 'duration' | 'distance'> {
  switch (logType) {
    case 'weight_reps':
      return ['weight', 'reps'];
    case 'reps':
      return ['reps'];
    case 'duration':
      return ['duration'];
    case 'distance':
      return ['distance'];
    case 'distance_duration':
      return ['distance', 'duration'];
    case 'weight_duration':
      return ['weight', 'duration'];
  }
}

/** A UUID: crypto.randomUUID where the page is a secure context, else from getRandomValues. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
