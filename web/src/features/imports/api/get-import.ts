import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { pollDelayMs } from '../lib/import-state';
import { importsQueryKey, type Import } from './create-import';
import { useImportProgressEvents } from './import-progress-events';

/** GET /api/v1/imports/{id}: the import's status, progress and outcome. */
export function getImport(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Import> {
  return api.get<Import>(`/imports/${encodeURIComponent(id)}`, { signal });
}

/**
 * `live`: progress arrives on the event stream (import.progress), so the import is not polled.
 * Otherwise it is polled while queued or running, slower the longer it takes; never again
 * once finished.
 */
export function getImportQueryOptions(id: string, { live = false }: { live?: boolean } = {}) {
  return queryOptions({
    queryKey: [...importsQueryKey, id],
    queryFn: ({ signal }) => getImport(id, { signal }),
    refetchInterval: (query) => (live ? false : pollDelayMs(query.state.data, query.state.dataUpdateCount)),
    refetchOnWindowFocus: false,
  });
}

export function useImport(id: string | undefined) {
  const live = useImportProgressEvents(id);
  return useQuery({ ...getImportQueryOptions(id ?? '', { live }), enabled: id !== undefined });
}
