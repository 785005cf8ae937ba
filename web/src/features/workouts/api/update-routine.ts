import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Routine, RoutineInput } from '../lib/model';
import { getRoutineQueryOptions } from './get-routine';
import { getRoutinesQueryOptions } from './list-routines';

/** PUT /api/v1/routines/{id}: replaces the routine. */
export function updateRoutine({ id, input }: { id: string; input: RoutineInput }): Promise<Routine> {
  return api.put<Routine>(`/routines/${encodeURIComponent(id)}`, { body: input });
}

export function useUpdateRoutine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRoutine,
    onSuccess: (routine) => {
      queryClient.setQueryData(getRoutineQueryOptions(routine.id).queryKey, routine);
      return queryClient.invalidateQueries({ queryKey: getRoutinesQueryOptions().queryKey });
    },
  });
}
