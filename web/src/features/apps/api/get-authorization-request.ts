import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { AuthorizationRequest } from './oauth-shapes';

export type { AuthorizationRequest };

/** GET /api/v1/oauth/authorization-requests/{id}: a parked request (404 when unknown or expired). */
export function getAuthorizationRequest(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<AuthorizationRequest>(`/oauth/authorization-requests/${encodeURIComponent(id)}`, { signal });
}

export function getAuthorizationRequestQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['apps', 'authorization-request', id] as const,
    queryFn: ({ signal }) => getAuthorizationRequest(id, { signal }),
    // A request is decided once; a refetch after a decision would only find it gone.
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useAuthorizationRequest(id: string) {
  return useQuery({ ...getAuthorizationRequestQueryOptions(id), enabled: id !== '' });
}
