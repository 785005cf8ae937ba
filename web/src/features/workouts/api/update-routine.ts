import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Routine, RoutineInput } from '../lib/model';
import { getRoutineQueryOptions } from './get-routine';
import { getRoutinesQueryOptions } from './list-routines';

/**
 * PUT /api/v1/routines/{id}: replaces the routine. With the `rev` it was loaded at, a routine
 * changed elsewhere since is refused (412), not overwritten.
 */
export function updateRoutine({ id, rev, input }: { id: string; rev?: number | undefined; input: RoutineInput }): Promise<Routine> {
  const headers = rev === undefined ? undefined : { 'If-Match': `"r-${rev}"` };
  return api.put<Routine>(`/routines/${encodeURIComponent(id)}`, { body: input, headers });
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
