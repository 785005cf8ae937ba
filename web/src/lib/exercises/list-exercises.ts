import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { exercisesQueryKey, type Equipment, type ExerciseCategory, type Muscle } from './get-exercise';

/** GET /api/v1/exercises?q=&muscle=&equipment=&category=: catalogue and own exercises by name. */
export type ExercisePage = ResponseBody<'/exercises'>;

/** What to search for; a filter left out or null does not narrow the list. */
export interface ExerciseFilters {
  q: string;
  muscle?: Muscle | null | undefined;
  equipment?: Equipment | null | undefined;
  category?: ExerciseCategory | null | undefined;
}

const PAGE_SIZE = 40;

export function listExercises({
  filters,
  cursor,
  limit = PAGE_SIZE,
  signal,
}: {
  filters: ExerciseFilters;
  cursor?: string | undefined;
  limit?: number;
  signal?: AbortSignal;
}): Promise<ExercisePage> {
  return api.get<ExercisePage>('/exercises', {
    query: {
      q: filters.q.trim().slice(0, 100) || undefined,
      muscle: filters.muscle ?? undefined,
      equipment: filters.equipment ?? undefined,
      category: filters.category ?? undefined,
      limit,
      cursor,
    },
    signal,
  });
}

export const exerciseListQueryKey = [...exercisesQueryKey, 'list'] as const;

export function getExercisesQueryOptions(filters: ExerciseFilters) {
  return infiniteQueryOptions({
    queryKey: [...exerciseListQueryKey, filters],
    queryFn: ({ pageParam, signal }) => listExercises({ filters, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // While the next search runs, the previous results stay instead of a blank list.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60 * 1000,
  });
}

export function useExercises(filters: ExerciseFilters) {
  return useInfiniteQuery(getExercisesQueryOptions(filters));
}
