import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/routines: your routines by name. */
export type RoutineList = ResponseBody<'/routines'>;

export function listRoutines({ signal }: { signal?: AbortSignal } = {}): Promise<RoutineList> {
  return api.get<RoutineList>('/routines', { signal });
}

export const routinesQueryKey = ['routines'] as const;

export function getRoutinesQueryOptions() {
  return queryOptions({
    queryKey: [...routinesQueryKey, 'list'],
    queryFn: ({ signal }) => listRoutines({ signal }),
  });
}

export function useRoutines() {
  return useQuery(getRoutinesQueryOptions());
}
