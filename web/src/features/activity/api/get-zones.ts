import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

/** GET /api/v1/workouts/{id}/zones: time in each heart-rate zone; 404 when the track has no heart rate. */
export type HeartRateZones = Schema<'HeartRateZones'>;

/** The zones, or null when the workout has none (404). */
export async function getZones(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<HeartRateZones | null> {
  try {
    return await api.get<HeartRateZones>(`/workouts/${encodeURIComponent(id)}/zones`, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function getZonesQueryOptions(id: string) {
  return queryOptions({
    // Under the workout's key, so editing or deleting the workout drops them too.
    queryKey: ['workouts', 'zones', id],
    queryFn: ({ signal }) => getZones(id, { signal }),
  });
}

export function useZones(id: string) {
  return useQuery(getZonesQueryOptions(id));
}
