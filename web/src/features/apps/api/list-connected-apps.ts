import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ConnectedApp, ConnectedAppList } from './oauth-shapes';

export type { ConnectedApp, ConnectedAppList };

/** GET /api/v1/me/connected-apps: the apps the user authorised, with their scopes and last use. */
export function listConnectedApps({ signal }: { signal?: AbortSignal } = {}): Promise<ConnectedAppList> {
  return api.get<ConnectedAppList>('/me/connected-apps', { signal });
}

export const connectedAppsQueryKey = ['apps', 'connected'] as const;

export function getConnectedAppsQueryOptions() {
  return queryOptions({ queryKey: connectedAppsQueryKey, queryFn: ({ signal }) => listConnectedApps({ signal }) });
}

export function useConnectedApps() {
  return useQuery(getConnectedAppsQueryOptions());
}
