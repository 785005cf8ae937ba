import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useUnitSystem, useWeightIncrement } from '@/lib/units';
import { getExerciseQueryOptions } from '@/lib/exercises/get-exercise';
import { getLastSetsQueryOptions } from '@/lib/exercises/get-last-sets';
import { fetchOrCached } from '@/lib/network/fetch-or-cached';
import { newWorkout } from '../lib/active-workout';
import { exerciseRef, newId, type ActiveBlock, type ActiveWorkout, type Routine, type WorkoutSet } from '../lib/model';
import { performedSets, setsFromRoutineItem } from '../lib/prefill';

/**
 * Builds a workout from a routine: each item's exercise (name, what it logs) and the
 * previous session's sets, asked for all at once. Without the previous sets (offline, or
 * never done) the targets alone fill the sets; an exercise that cannot be loaded fails the
 * start, since its sets could not be logged.
 */
export function useStartFromRoutine() {
  const queryClient = useQueryClient();
  const [system] = useUnitSystem();
  const step = useWeightIncrement();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function build(routine: Routine, now: number): Promise<ActiveWorkout | null> {
    setPendingId(routine.id);
    setError(null);
    try {
      const blocks = await Promise.all(
        routine.items.map(async (item): Promise<ActiveBlock> => {
          // Offline, what is cached is used (the catalogue kept for offline use answers every
          // exercise): a fetch would wait for the network.
          const [exercise, last] = await Promise.all([
            fetchOrCached(queryClient, getExerciseQueryOptions(item.exercise_id)),
            fetchOrCached(queryClient, getLastSetsQueryOptions(item.exercise_id)).catch(() => null),
          ]);
          const previous: WorkoutSet[] = last ? performedSets(last.items) : [];
          return {
            key: newId(),
            exercise: exerciseRef(exercise),
            superset_group: item.superset_group ?? null,
            rest_s: item.rest_s ?? null,
            target_percent_1rm: item.target_percent_1rm ?? null,
            previous,
            // The typo guard's history: the best of every earlier session.
            best: last ? { weight_kg: last.best_weight_kg ?? null, reps: last.best_reps ?? null } : null,
            sets: setsFromRoutineItem(item, previous, system, step),
          };
        }),
      );
      return newWorkout({ title: routine.name, now, routineId: routine.id, blocks });
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setPendingId(null);
    }
  }

  return { build, pendingId, error };
}
