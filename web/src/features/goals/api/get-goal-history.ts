import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { goalsQueryKey } from './list-goals';

/** GET /api/v1/goals/{id}/history: a recurring goal's finished periods, newest first. */
export type GoalHistory = ResponseBody<'/goals/{id}/history'>;
export type GoalHistoryPeriod = GoalHistory['items'][number];

export function getGoalHistory(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<GoalHistory> {
  return api.get<GoalHistory>(`/goals/${encodeURIComponent(id)}/history`, { signal });
}

export function getGoalHistoryQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...goalsQueryKey, 'history', id],
    queryFn: ({ signal }) => getGoalHistory(id, { signal }),
  });
}

export function useGoalHistory(id: string) {
  return useQuery(getGoalHistoryQueryOptions(id));
}
