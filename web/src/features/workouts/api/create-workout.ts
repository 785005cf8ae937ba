import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Workout, WorkoutInput } from '../lib/model';
import { getWorkoutQueryOptions } from './get-workout';
import { lastSetsQueryKey } from '@/lib/exercises/get-last-sets';
import { invalidateProgress } from '@/lib/records/query-keys';
import { programsQueryKey } from './list-programs';
import { workoutListQueryKey } from './list-workouts';

/**
 * POST /api/v1/workouts with the client's own `id` and an Idempotency-Key (the id unless one is
 * given): a retry after a lost answer, with the same key and the same body, returns the workout
 * saved the first time, never a second one. The same key with another body is a 409, so a
 * caller that may retry must send exactly the body it first sent (see pending-workouts.ts).
 */
export function createWorkout(
  input: WorkoutInput & { id: string },
  { key = input.id, signal }: { key?: string; signal?: AbortSignal } = {},
): Promise<Workout> {
  return api.post<Workout>('/workouts', { body: input, headers: { 'Idempotency-Key': key }, signal });
}

/** What the app's caches learn from a saved workout. */
export function rememberSavedWorkout(queryClient: QueryClient, workout: Workout): void {
  queryClient.setQueryData(getWorkoutQueryOptions(workout.id).queryKey, workout);
  void queryClient.invalidateQueries({ queryKey: workoutListQueryKey });
  void queryClient.invalidateQueries({ queryKey: lastSetsQueryKey });
  // A program's next routine follows the latest workout.
  void queryClient.invalidateQueries({ queryKey: programsQueryKey });
  invalidateProgress(queryClient);
}

export function useCreateWorkout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkoutInput & { id: string }) => createWorkout(input),
    onSuccess: (workout) => rememberSavedWorkout(queryClient, workout),
  });
}
