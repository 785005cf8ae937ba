import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

// The exercises resource, read by two features (the exercise pages, and logging workouts and
// editing routines), so it lives here rather than in either.
export type Exercise = Schema<'Exercise'>;
export type Muscle = Schema<'Muscle'>;
export type Equipment = Schema<'Equipment'>;
export type ExerciseCategory = Schema<'ExerciseCategory'>;

export const exercisesQueryKey = ['exercises'] as const;

/** GET /api/v1/exercises/{id}: one exercise by catalogue slug or id, or your own. */
export function getExercise(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Exercise> {
  return api.get<Exercise>(`/exercises/${encodeURIComponent(id)}`, { signal });
}

export function getExerciseQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...exercisesQueryKey, 'detail', id],
    queryFn: ({ signal }) => getExercise(id, { signal }),
    // The catalogue does not change while the app runs; own exercises rarely do.
    staleTime: 60 * 60 * 1000,
  });
}

export function useExercise(id: string) {
  return useQuery(getExerciseQueryOptions(id));
}

/** Several exercises by id (a routine's, a workout's), as a map of those that arrived. */
export function useExercisesById(ids: readonly string[]) {
  const unique = [...new Set(ids)];
  return useQueries({
    queries: unique.map((id) => getExerciseQueryOptions(id)),
    combine: (results) => {
      const byId = new Map<string, Exercise>();
      results.forEach((result, i) => {
        const id = unique[i];
        if (result.data && id !== undefined) byId.set(id, result.data);
      });
      return {
        byId,
        isPending: results.some((r) => r.isPending),
        error: results.find((r) => r.isError)?.error ?? null,
        refetch: () => results.forEach((r) => r.isError && void r.refetch()),
      };
    },
  });
}
