import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { lastSetsQueryKey } from '@/lib/exercises/get-last-sets';
import { invalidateProgress } from '@/lib/records/query-keys';
import type { Workout, WorkoutInput } from '../lib/model';
import { getWorkoutQueryOptions } from './get-workout';
import { listWorkoutRecordsQueryOptions } from './list-workout-records';
import { programsQueryKey } from './list-programs';
import { workoutListQueryKey } from './list-workouts';

/**
 * PUT /api/v1/workouts/{id} with If-Match: replaces a saved workout. A workout changed
 * elsewhere since `rev` was read is refused (412), never overwritten.
 */
export function updateWorkout({ id, rev, input }: { id: string; rev: number; input: WorkoutInput }): Promise<Workout> {
  return api.put<Workout>(`/workouts/${encodeURIComponent(id)}`, { body: input, headers: { 'If-Match': `"w-${rev}"` } });
}

export function useUpdateWorkout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWorkout,
    onSuccess: (workout) => {
      queryClient.setQueryData(getWorkoutQueryOptions(workout.id).queryKey, workout);
      void queryClient.invalidateQueries({ queryKey: workoutListQueryKey });
      void queryClient.invalidateQueries({ queryKey: lastSetsQueryKey });
      void queryClient.invalidateQueries({ queryKey: programsQueryKey });
      // An edit recomputes the records it touched: this workout's badges and everything derived.
      void queryClient.invalidateQueries({ queryKey: listWorkoutRecordsQueryOptions(workout.id).queryKey });
      invalidateProgress(queryClient);
    },
  });
}
