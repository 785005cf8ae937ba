import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import type { Equipment, Muscle } from '../lib/model';

/** GET /api/v1/exercises?q=&muscle=&equipment=: catalogue and own exercises by name. */
export type ExercisePage = ResponseBody<'/exercises'>;

export interface ExerciseFilters {
  q: string;
  muscle: Muscle | null;
  equipment: Equipment | null;
}

const PAGE_SIZE = 30;

export function listExercises({
  filters,
  cursor,
  signal,
}: {
  filters: ExerciseFilters;
  cursor?: string | undefined;
  signal?: AbortSignal;
}): Promise<ExercisePage> {
  return api.get<ExercisePage>('/exercises', {
    query: {
      q: filters.q.trim() || undefined,
      muscle: filters.muscle ?? undefined,
      equipment: filters.equipment ?? undefined,
      limit: PAGE_SIZE,
      cursor,
    },
    signal,
  });
}

export const exercisesQueryKey = ['exercises'] as const;
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
