import { API_BASE } from '@/lib/api/client';

/**
 * GET /api/v1/workouts/{id}/gpx: the track as a GPX 1.1 attachment (404 for indoor
 * sessions). A plain link downloads it with the session cookie, so there is no fetcher.
 */
export function workoutGpxUrl(id: string): string {
  return `${API_BASE}/workouts/${encodeURIComponent(id)}/gpx`;
}
