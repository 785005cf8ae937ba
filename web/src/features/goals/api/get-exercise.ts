import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { goalsQueryKey } from './list-goals';

/** GET /api/v1/exercises/{id}: the name of a goal's exercise. */
export type GoalExercise = ResponseBody<'/exercises/{id}'>;

export function getExercise(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<GoalExercise> {
  return api.get<GoalExercise>(`/exercises/${encodeURIComponent(id)}`, { signal });
}

export function useGoalExercise(id: string | null | undefined) {
  return useQuery({
    queryKey: [...goalsQueryKey, 'exercise', id],
    queryFn: ({ signal }) => getExercise(id ?? '', { signal }),
    enabled: Boolean(id),
    staleTime: 5 * 60 * 1000,
  });
}
