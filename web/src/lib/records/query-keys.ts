import type { QueryClient } from '@tanstack/react-query';

/**
 * Query keys of what a workout write changes outside the workouts feature: records and lift
 * progress (`['records', ...]`) and statistics (`['stats', ...]`). Shared here so that the
 * workouts feature can invalidate them without importing the features that read them.
 */
export const recordsQueryKey = ['records'] as const;
export const statsQueryKey = ['stats'] as const;

/** After a workout was saved, deleted or imported: records and statistics are asked again. */
export function invalidateProgress(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: recordsQueryKey });
  void queryClient.invalidateQueries({ queryKey: statsQueryKey });
}
