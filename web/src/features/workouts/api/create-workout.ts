import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Workout, WorkoutInput } from '../lib/model';
import { getWorkoutQueryOptions } from './get-workout';
import { lastSetsQueryKey } from '@/lib/exercises/get-last-sets';
import { programsQueryKey } from './list-programs';
import { workoutListQueryKey } from './list-workouts';

/**
 * POST /api/v1/workouts with the client's own `id` and that id as the Idempotency-Key: a
 * retry after a lost answer returns the workout saved the first time, never a second one.
 */
export function createWorkout(input: WorkoutInput & { id: string }): Promise<Workout> {
  return api.post<Workout>('/workouts', { body: input, headers: { 'Idempotency-Key': input.id } });
}

export function useCreateWorkout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorkout,
    onSuccess: (workout) => {
      queryClient.setQueryData(getWorkoutQueryOptions(workout.id).queryKey, workout);
      void queryClient.invalidateQueries({ queryKey: workoutListQueryKey });
      void queryClient.invalidateQueries({ queryKey: lastSetsQueryKey });
      // A program's next routine follows the latest workout.
      void queryClient.invalidateQueries({ queryKey: programsQueryKey });
    },
  });
}
