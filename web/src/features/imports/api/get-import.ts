import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { pollDelayMs } from '../lib/import-state';
import { importsQueryKey, type Import } from './create-import';

/** GET /api/v1/imports/{id}: the import's status, progress and outcome. */
export function getImport(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Import> {
  return api.get<Import>(`/imports/${encodeURIComponent(id)}`, { signal });
}

export function getImportQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...importsQueryKey, id],
    queryFn: ({ signal }) => getImport(id, { signal }),
    // Polled while queued or running, slower the longer it takes; never again once finished.
    refetchInterval: (query) => pollDelayMs(query.state.data, query.state.dataUpdateCount),
    refetchOnWindowFocus: false,
  });
}

export function useImport(id: string | undefined) {
  return useQuery({ ...getImportQueryOptions(id ?? ''), enabled: id !== undefined });
}
