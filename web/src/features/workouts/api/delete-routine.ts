import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { getRoutinesQueryOptions } from './list-routines';

/** DELETE /api/v1/routines/{id}. Workouts done from it stay. */
export function deleteRoutine(id: string): Promise<void> {
  return api.delete<void>(`/routines/${encodeURIComponent(id)}`);
}

export function useDeleteRoutine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRoutine,
    onSuccess: () => {
      return queryClient.invalidateQueries({ queryKey: getRoutinesQueryOptions().queryKey });
    },
  });
}
