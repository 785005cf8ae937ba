import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Routine, RoutineInput } from '../lib/model';
import { getRoutineQueryOptions } from './get-routine';
import { getRoutinesQueryOptions } from './list-routines';

/** POST /api/v1/routines. */
export function createRoutine(input: RoutineInput): Promise<Routine> {
  return api.post<Routine>('/routines', { body: input });
}

export function useCreateRoutine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRoutine,
    onSuccess: (routine) => {
      queryClient.setQueryData(getRoutineQueryOptions(routine.id).queryKey, routine);
      return queryClient.invalidateQueries({ queryKey: getRoutinesQueryOptions().queryKey });
    },
  });
}

