import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Schema } from '@/lib/api/types';
import { useEventStreamState, useServerEvents, type ServerEvent } from '@/lib/events';
import { invalidateProgress } from '@/lib/records/query-keys';
import { importsQueryKey, type Import } from './create-import';

/** The data of an `import.progress` event (GET /api/v1/events). */
export type ImportProgressEvent = Schema<'ImportProgressEvent'>;

function isProgressEvent(data: unknown): data is ImportProgressEvent {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.id === 'string' && typeof d.status === 'string' && typeof d.done === 'number';
}

/**
 * Applies an `import.progress` event to the cached import: status and counters at once; once
 * it has ended, the import is read again for its result or error (the event carries neither).
 */
export function applyImportProgress(queryClient: QueryClient, id: string, event: ServerEvent) {
  if (!isProgressEvent(event.data) || event.data.id !== id) return;
  const { status, done, total, progress } = event.data;
  const key = [...importsQueryKey, id];
  queryClient.setQueryData<Import>(key, (job) => (job ? { ...job, status, done, total, progress } : job));
  if (status === 'succeeded' || status === 'failed') void queryClient.invalidateQueries({ queryKey: key });
  // Imported workouts may set records and change the statistics.
  if (status === 'succeeded') invalidateProgress(queryClient);
}

/**
 * Keeps import `id` up to date from the event stream; returns whether the stream is open (then
 * there is no need to poll). Each time it opens, the import is read once, for what happened
 * while it was not.
 */
export function useImportProgressEvents(id: string | undefined): boolean {
  const queryClient = useQueryClient();
  const enabled = id !== undefined;
  const live = useEventStreamState() === 'open' && enabled;
  useServerEvents(
    'import.progress',
    (event) => {
      if (id !== undefined) applyImportProgress(queryClient, id, event);
    },
    enabled,
  );
  useEffect(() => {
    if (live && id !== undefined) void queryClient.invalidateQueries({ queryKey: [...importsQueryKey, id] });
  }, [live, id, queryClient]);
  return live;
}
