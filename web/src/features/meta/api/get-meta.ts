import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/meta: the server's name and version and this instance's public settings. */
export type Meta = ResponseBody<'/meta'>;

export function getMeta({ signal }: { signal?: AbortSignal } = {}): Promise<Meta> {
  return api.get<Meta>('/meta', { signal });
}

export const metaQueryKey = ['meta'] as const;

export function getMetaQueryOptions() {
  return queryOptions({
    queryKey: metaQueryKey,
    queryFn: ({ signal }) => getMeta({ signal }),
    // The version only changes with a server upgrade; no need to refetch on every focus.
    staleTime: 10 * 60 * 1000,
  });
}

export function useMeta() {
  return useQuery(getMetaQueryOptions());
}
