import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { exercisesQueryKey, type Equipment, type ExerciseCategory, type Muscle } from './get-exercise';

/** GET /api/v1/exercises?q=&muscle=&equipment=&category=: catalogue and own exercises by name. */
export type ExercisePage = ResponseBody<'/exercises'>;

export interface ExerciseBrowseFilters {
  q: string;
  muscle: Muscle | '';
  equipment: Equipment | '';
  category: ExerciseCategory | '';
}

const PAGE_SIZE = 40;

export function listExercises(filters: ExerciseBrowseFilters, cursor: string | undefined, signal?: AbortSignal) {
  return api.get<ExercisePage>('/exercises', {
    query: {
      q: filters.q.trim().slice(0, 100) || undefined,
      muscle: filters.muscle || undefined,
      equipment: filters.equipment || undefined,
      category: filters.category || undefined,
      limit: PAGE_SIZE,
      cursor,
    },
    signal,
  });
}

export function getExerciseBrowseQueryOptions(filters: ExerciseBrowseFilters) {
  return infiniteQueryOptions({
    queryKey: [...exercisesQueryKey, 'browse', filters],
    queryFn: ({ pageParam, signal }) => listExercises(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // While the next search runs, the previous results stay instead of a blank list.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60 * 1000,
  });
}

export function useExerciseBrowse(filters: ExerciseBrowseFilters) {
  return useInfiniteQuery(getExerciseBrowseQueryOptions(filters));
}
