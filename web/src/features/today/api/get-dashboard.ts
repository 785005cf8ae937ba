import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody, Schema } from '@/lib/api/types';

/** GET /api/v1/dashboard: the signed-in home in one request. */
export type Dashboard = ResponseBody<'/dashboard'>;
export type StatsTotals = Schema<'StatsTotals'>;
export type Goal = Schema<'Goal'>;
export type GoalProgress = Schema<'GoalProgress'>;
export type PersonalRecord = Schema<'PersonalRecord'>;
export type TrainingCalendar = Schema<'TrainingCalendar'>;
export type TrainingLoad = Schema<'TrainingLoad'>;

export function getDashboard({ signal }: { signal?: AbortSignal } = {}): Promise<Dashboard> {
  return api.get<Dashboard>('/dashboard', { signal });
}

/**
 * Under 'stats', so that the change feed marks it stale with every workout change
 * (lib/sync/change-feed.ts), and kept for offline use (lib/storage/query-persistence.ts).
 */
export const dashboardQueryKey = ['stats', 'dashboard'] as const;

export function getDashboardQueryOptions() {
  return queryOptions({
    queryKey: dashboardQueryKey,
    queryFn: ({ signal }) => getDashboard({ signal }),
  });
}

export function useDashboard() {
  return useQuery(getDashboardQueryOptions());
}
