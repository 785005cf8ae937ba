import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { lastSetsQueryKey } from '@/lib/exercises/get-last-sets';
import { programsQueryKey } from './list-programs';
import { workoutListQueryKey } from './list-workouts';

/** DELETE /api/v1/workouts/{id}. */
export function deleteWorkout(id: string): Promise<void> {
  return api.delete<void>(`/workouts/${encodeURIComponent(id)}`);
}

export function useDeleteWorkout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWorkout,
    // The page of the deleted workout navigates away; its cached copy goes with time.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workoutListQueryKey });
      void queryClient.invalidateQueries({ queryKey: lastSetsQueryKey });
      // A program's next routine follows the latest workout.
      void queryClient.invalidateQueries({ queryKey: programsQueryKey });
    },
  });
}
