import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { recordsQueryKey } from '@/lib/records/query-keys';

/** GET /api/v1/exercises/{id}/progress: one point per workout with the lift, and its rep maxes. */
export type ExerciseProgress = Schema<'ExerciseProgress'>;
export type ProgressPoint = ExerciseProgress['points'][number];
export type RepMax = ExerciseProgress['rep_maxes'][number];

export function getExerciseProgress(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<ExerciseProgress> {
  return api.get<ExerciseProgress>(`/exercises/${encodeURIComponent(id)}/progress`, { signal });
}

export function getExerciseProgressQueryOptions(id: string) {
  return queryOptions({
    // Next to the records: both change with every workout write.
    queryKey: [...recordsQueryKey, 'exercise-progress', id],
    queryFn: ({ signal }) => getExerciseProgress(id, { signal }),
  });
}

export function useExerciseProgress(id: string) {
  return useQuery(getExerciseProgressQueryOptions(id));
}
