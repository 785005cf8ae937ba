import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Exercise = Schema<'Exercise'>;
export type Muscle = Schema<'Muscle'>;
export type Equipment = Schema<'Equipment'>;
export type ExerciseCategory = Schema<'ExerciseCategory'>;

/** GET /api/v1/exercises/{id}: one exercise by catalogue slug or id, or your own. */
export function getExercise(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Exercise> {
  return api.get<Exercise>(`/exercises/${encodeURIComponent(id)}`, { signal });
}

export const exercisesQueryKey = ['exercises'] as const;

export function getExerciseQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...exercisesQueryKey, 'detail', id],
    queryFn: ({ signal }) => getExercise(id, { signal }),
    // The catalogue does not change while the app runs.
    staleTime: 60 * 60 * 1000,
  });
}

export function useExercise(id: string) {
  return useQuery(getExerciseQueryOptions(id));
}
