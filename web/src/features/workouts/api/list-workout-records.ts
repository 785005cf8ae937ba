import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { workoutsQueryKey } from './list-workouts';

/** GET /api/v1/workouts/{id}/records: the records this workout set (its badges). */
export type RecordList = Schema<'RecordList'>;

export function listWorkoutRecords(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<RecordList> {
  return api.get<RecordList>(`/workouts/${encodeURIComponent(id)}/records`, { signal });
}

export function listWorkoutRecordsQueryOptions(id: string) {
  return queryOptions({
    // Under the workout's key: saving or deleting the workout changes its records.
    queryKey: [...workoutsQueryKey, 'records', id],
    queryFn: ({ signal }) => listWorkoutRecords(id, { signal }),
  });
}

export function useWorkoutRecords(id: string) {
  return useQuery(listWorkoutRecordsQueryOptions(id));
}
