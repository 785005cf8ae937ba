import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/workouts?q=&kind=: your workouts, newest first, a page at a time. */
export type WorkoutPage = ResponseBody<'/workouts'>;
export type WorkoutSummary = WorkoutPage['items'][number];
export type WorkoutKind = WorkoutSummary['kind'];

export interface WorkoutFilters {
  q: string;
  kind: WorkoutKind | null;
}

export const WORKOUTS_PAGE_SIZE = 20;

export function listWorkouts({
  filters,
  cursor,
  signal,
}: {
  filters: WorkoutFilters;
  cursor?: string | undefined;
  signal?: AbortSignal;
}): Promise<WorkoutPage> {
  return api.get<WorkoutPage>('/workouts', {
    query: { q: filters.q.trim() || undefined, kind: filters.kind ?? undefined, limit: WORKOUTS_PAGE_SIZE, cursor },
    signal,
  });
}

export const workoutsQueryKey = ['workouts'] as const;
export const workoutListQueryKey = [...workoutsQueryKey, 'list'] as const;

export function getWorkoutsQueryOptions(filters: WorkoutFilters) {
  return infiniteQueryOptions({
    queryKey: [...workoutListQueryKey, filters],
    queryFn: ({ pageParam, signal }) => listWorkouts({ filters, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useWorkouts(filters: WorkoutFilters) {
  return useInfiniteQuery(getWorkoutsQueryOptions(filters));
}
