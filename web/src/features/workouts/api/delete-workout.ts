import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { lastSetsQueryKey } from '@/lib/exercises/get-last-sets';
import { invalidateProgress } from '@/lib/records/query-keys';
import { programsQueryKey } from './list-programs';
import { workoutListQueryKey } from './list-workouts';

/**
 * DELETE /api/v1/workouts/{id}; with `rev`, If-Match on it (a delete queued offline deletes
 * only the version the user saw).
 */
export function deleteWorkout(id: string, { rev }: { rev?: number } = {}): Promise<void> {
  const headers = rev === undefined ? undefined : { 'If-Match': `"w-${rev}"` };
  return api.delete<void>(`/workouts/${encodeURIComponent(id)}`, headers ? { headers } : undefined);
}

export function useDeleteWorkout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteWorkout(id),
    // The page of the deleted workout navigates away; its cached copy goes with time.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workoutListQueryKey });
      void queryClient.invalidateQueries({ queryKey: lastSetsQueryKey });
      // A program's next routine follows the latest workout.
      void queryClient.invalidateQueries({ queryKey: programsQueryKey });
      // Deleting a record-setting workout restores the previous records.
      invalidateProgress(queryClient);
    },
  });
}
