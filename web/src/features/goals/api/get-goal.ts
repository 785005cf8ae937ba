import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { goalsQueryKey, type Goal } from './list-goals';

/** GET /api/v1/goals/{id}: one goal with its progress. */
export function getGoal(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Goal> {
  return api.get<Goal>(`/goals/${encodeURIComponent(id)}`, { signal });
}

export function getGoalQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...goalsQueryKey, 'detail', id],
    queryFn: ({ signal }) => getGoal(id, { signal }),
  });
}

export function useGoal(id: string) {
  return useQuery(getGoalQueryOptions(id));
}
