import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/admin/apps: every client app with its owner, newest first, a page at a time. */
export type AdminAppPage = ResponseBody<'/admin/apps'>;
export type AdminApp = AdminAppPage['items'][number];

export const ADMIN_APPS_PAGE_SIZE = 25;

export function adminListApps({ cursor, signal }: { cursor?: string | undefined; signal?: AbortSignal } = {}) {
  return api.get<AdminAppPage>('/admin/apps', { query: { limit: ADMIN_APPS_PAGE_SIZE, cursor }, signal });
}

export const adminAppsQueryKey = ['apps', 'admin'] as const;

export function getAdminAppsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: adminAppsQueryKey,
    queryFn: ({ pageParam, signal }) => adminListApps({ cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useAdminApps() {
  return useInfiniteQuery(getAdminAppsQueryOptions());
}
