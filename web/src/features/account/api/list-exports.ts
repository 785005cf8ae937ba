import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody, Schema } from '@/lib/api/types';

/** GET /api/v1/me/exports: the user's exports of all their data, newest first. */
export type DataExportList = ResponseBody<'/me/exports'>;
export type DataExport = Schema<'DataExport'>;

export function listExports({ signal }: { signal?: AbortSignal } = {}): Promise<DataExportList> {
  return api.get<DataExportList>('/me/exports', { signal });
}

export const exportsQueryKey = ['account', 'exports'] as const;

/** Whether an export is still being prepared (the list is then polled for its progress). */
export function isPending(item: DataExport): boolean {
  return item.status === 'queued' || item.status === 'running';
}

export function getExportsQueryOptions() {
  return queryOptions({ queryKey: exportsQueryKey, queryFn: ({ signal }) => listExports({ signal }) });
}

export function useExports() {
  return useQuery({
    ...getExportsQueryOptions(),
    refetchInterval: (query) => (query.state.data?.items.some(isPending) ? 1000 : false),
  });
}
