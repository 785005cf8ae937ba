import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody, Schema } from '@/lib/api/types';

export type Goal = Schema<'Goal'>;
export type GoalInput = Schema<'GoalInput'>;
export type GoalProgress = Schema<'GoalProgress'>;
export type GoalMetric = Schema<'GoalMetric'>;
export type GoalList = ResponseBody<'/goals'>;
export type GoalStatus = 'active' | 'archived';

/** Every goal query starts with this key, so one invalidation refreshes them all. */
export const goalsQueryKey = ['goals'] as const;
/**
 * The dashboard shows goals too: a change to a goal (or a goal reached) refreshes every query
 * whose key names the dashboard (['dashboard'], ['stats', 'dashboard']...), whichever feature
 * owns it, as well as the goals.
 */
export function invalidateGoalViews(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: goalsQueryKey }),
    queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes('dashboard') }),
  ]).then(() => undefined);
}

/** GET /api/v1/goals?status=: your active or archived goals with their progress, oldest first. */
export function listGoals(status: GoalStatus, { signal }: { signal?: AbortSignal } = {}): Promise<GoalList> {
  return api.get<GoalList>('/goals', { query: { status }, signal });
}

export function getGoalsQueryOptions(status: GoalStatus) {
  return queryOptions({
    queryKey: [...goalsQueryKey, 'list', status],
    queryFn: ({ signal }) => listGoals(status, { signal }),
  });
}

export function useGoals(status: GoalStatus) {
  return useQuery(getGoalsQueryOptions(status));
}
