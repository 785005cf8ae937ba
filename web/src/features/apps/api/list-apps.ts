import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/me/apps: the client apps the user registered (never a secret). */
export type AppList = ResponseBody<'/me/apps'>;
export type ClientApp = AppList['items'][number];

export function listApps({ signal }: { signal?: AbortSignal } = {}): Promise<AppList> {
  return api.get<AppList>('/me/apps', { signal });
}

export const appsQueryKey = ['apps', 'mine'] as const;

export function getAppsQueryOptions() {
  return queryOptions({ queryKey: appsQueryKey, queryFn: ({ signal }) => listApps({ signal }) });
}

export function useApps() {
  return useQuery(getAppsQueryOptions());
}
