import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { exercisesQueryKey } from './get-exercise';

/** GET /api/v1/exercises/{id}/last-sets: your sets of it in the latest workout that had it. */
export type LastSets = ResponseBody<'/exercises/{id}/last-sets'>;

export function getLastSets(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<LastSets> {
  return api.get<LastSets>(`/exercises/${encodeURIComponent(id)}/last-sets`, { signal });
}

export function getLastSetsQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...exercisesQueryKey, 'last-sets', id],
    queryFn: ({ signal }) => getLastSets(id, { signal }),
  });
}

export function useLastSets(id: string) {
  return useQuery(getLastSetsQueryOptions(id));
}
