import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { appsQueryKey } from './list-apps';

/** GET /api/v1/me/apps/{id}: one of the user's apps, by its client_id. */
export type AppDetails = ResponseBody<'/me/apps/{id}'>;

export function getApp(clientId: string, { signal }: { signal?: AbortSignal } = {}): Promise<AppDetails> {
  return api.get<AppDetails>(`/me/apps/${encodeURIComponent(clientId)}`, { signal });
}

export const appQueryKey = (clientId: string) => [...appsQueryKey, clientId] as const;

export function getAppQueryOptions(clientId: string) {
  return queryOptions({ queryKey: appQueryKey(clientId), queryFn: ({ signal }) => getApp(clientId, { signal }) });
}

export function useApp(clientId: string) {
  return useQuery(getAppQueryOptions(clientId));
}
