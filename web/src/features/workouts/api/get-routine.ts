import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Routine } from '../lib/model';
import { routinesQueryKey } from './list-routines';

/** GET /api/v1/routines/{id}. */
export function getRoutine(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Routine> {
  return api.get<Routine>(`/routines/${encodeURIComponent(id)}`, { signal });
}

export function getRoutineQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...routinesQueryKey, 'detail', id],
    queryFn: ({ signal }) => getRoutine(id, { signal }),
  });
}

export function useRoutine(id: string) {
  return useQuery(getRoutineQueryOptions(id));
}
