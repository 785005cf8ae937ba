import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { DeviceRequest } from './oauth-shapes';

export type { DeviceRequest };

/** GET /api/v1/oauth/device-requests/{user_code}: the app a device asks for (404 when unknown or expired). */
export function getDeviceRequest(userCode: string, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<DeviceRequest>(`/oauth/device-requests/${encodeURIComponent(userCode)}`, { signal });
}

export function getDeviceRequestQueryOptions(userCode: string) {
  return queryOptions({
    queryKey: ['apps', 'device-request', userCode] as const,
    queryFn: ({ signal }) => getDeviceRequest(userCode, { signal }),
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useDeviceRequest(userCode: string | null) {
  return useQuery({ ...getDeviceRequestQueryOptions(userCode ?? ''), enabled: userCode !== null });
}
