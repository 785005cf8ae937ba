import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Workout } from '../lib/model';
import { workoutsQueryKey } from './list-workouts';

/** GET /api/v1/workouts/{id}: one workout with its blocks, sets and totals. */
export function getWorkout(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Workout> {
  return api.get<Workout>(`/workouts/${encodeURIComponent(id)}`, { signal });
}

export function getWorkoutQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...workoutsQueryKey, 'detail', id],
    queryFn: ({ signal }) => getWorkout(id, { signal }),
  });
}

export function useWorkout(id: string) {
  return useQuery(getWorkoutQueryOptions(id));
}
