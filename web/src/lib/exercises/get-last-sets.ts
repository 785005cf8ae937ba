import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { exercisesQueryKey } from './get-exercise';

/** GET /api/v1/exercises/{id}/last-sets: your sets in the latest workout with this exercise. */
export type LastSets = ResponseBody<'/exercises/{id}/last-sets'>;

export function getLastSets(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<LastSets> {
  return api.get<LastSets>(`/exercises/${encodeURIComponent(id)}/last-sets`, { signal });
}

export const lastSetsQueryKey = [...exercisesQueryKey, 'last-sets'] as const;

export function getLastSetsQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...lastSetsQueryKey, id],
    queryFn: ({ signal }) => getLastSets(id, { signal }),
    staleTime: 60 * 1000,
  });
}

export function useLastSets(id: string) {
  return useQuery(getLastSetsQueryOptions(id));
}
