import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { goalsQueryKey } from './list-goals';

/** GET /api/v1/exercises?q=: the exercises whose name matches, for the goal editor's picker. */
export type ExerciseSearchPage = ResponseBody<'/exercises'>;
export type ExerciseHit = ExerciseSearchPage['items'][number];

const LIMIT = 8;

export function searchExercises(q: string, { signal }: { signal?: AbortSignal } = {}): Promise<ExerciseSearchPage> {
  return api.get<ExerciseSearchPage>('/exercises', { query: { q: q.trim().slice(0, 100), limit: LIMIT }, signal });
}

export function useExerciseSearch(q: string) {
  return useQuery(
    queryOptions({
      queryKey: [...goalsQueryKey, 'exercise-search', q],
      queryFn: ({ signal }) => searchExercises(q, { signal }),
      enabled: q.trim() !== '',
      placeholderData: keepPreviousData,
      staleTime: 5 * 60 * 1000,
    }),
  );
}
