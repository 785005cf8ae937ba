import { useCallback, useMemo } from 'react';
import { createLocalStore, useLocalStore, type LocalStore } from '@/lib/storage/local-store';
import { workoutReducer, type WorkoutAction } from './active-workout';
import type { ActiveWorkout } from './model';

/**
 * The workout in progress lives in localStorage, one per user of this browser, and every
 * change is written at once: a reload, a crash or a lost connection never loses a set.
 * Only Finish (a saved workout) or Discard removes it.
 */
const stores = new Map<string, LocalStore<ActiveWorkout | null>>();

export function activeWorkoutKey(userId: string): string {
  return `vigor.workout-in-progress.${userId}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts what this version wrote; anything else (an older shape, junk) reads as none. */
export function parseActiveWorkout(raw: unknown): ActiveWorkout | undefined {
  if (!isRecord(raw) || raw.version !== 1) return undefined;
  if (typeof raw.id !== 'string' || typeof raw.started_at !== 'string' || !Array.isArray(raw.blocks)) return undefined;
  if (!isRecord(raw.rest) || typeof raw.title !== 'string') return undefined;
  const blocksOk = raw.blocks.every(
    (b) => isRecord(b) && isRecord(b.exercise) && Array.isArray(b.sets) && Array.isArray(b.previous),
  );
  return blocksOk ? (raw as unknown as ActiveWorkout) : undefined;
}

export function activeWorkoutStore(userId: string): LocalStore<ActiveWorkout | null> {
  let store = stores.get(userId);
  if (!store) {
    store = createLocalStore<ActiveWorkout | null>(activeWorkoutKey(userId), parseActiveWorkout, null);
    stores.set(userId, store);
  }
  return store;
}

export interface ActiveWorkoutHandle {
  workout: ActiveWorkout | null;
  /** Applies a change to the workout in progress (nothing when there is none). */
  dispatch: (action: WorkoutAction) => void;
  /** Makes this the workout in progress (replacing any other). */
  start: (workout: ActiveWorkout) => void;
  /** Forgets the workout in progress (after Finish saved it, or Discard). */
  clear: () => void;
}

export function useActiveWorkout(userId: string): ActiveWorkoutHandle {
  const store = activeWorkoutStore(userId);
  const [workout, set] = useLocalStore(store);
  const dispatch = useCallback(
    (action: WorkoutAction) => {
      // Read the stored value, not the rendered one: two changes in one event both count.
      const current = store.get();
      if (current) set(workoutReducer(current, action));
    },
    [store, set],
  );
  const clear = useCallback(() => store.remove(), [store]);
  return useMemo(() => ({ workout, dispatch, start: set, clear }), [workout, dispatch, set, clear]);
}
