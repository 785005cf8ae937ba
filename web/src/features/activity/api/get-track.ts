import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

/** GET /api/v1/workouts/{id}/track: the recorded streams and splits of an imported activity. */
export type WorkoutTrack = Schema<'WorkoutTrack'>;
export type TrackPoint = WorkoutTrack['points'][number];
export type TrackSplit = WorkoutTrack['splits'][number];

export function getTrack(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<WorkoutTrack> {
  return api.get<WorkoutTrack>(`/workouts/${encodeURIComponent(id)}/track`, { signal });
}

export function getTrackQueryOptions(id: string) {
  return queryOptions({
    // Under the workout's key, so deleting or undoing the workout drops the track too.
    queryKey: ['workouts', 'track', id],
    queryFn: ({ signal }) => getTrack(id, { signal }),
    // A recorded track never changes.
    staleTime: Infinity,
  });
}

export function useTrack(id: string) {
  return useQuery(getTrackQueryOptions(id));
}
