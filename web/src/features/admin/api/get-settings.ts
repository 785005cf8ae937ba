import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/admin/settings: how new accounts are admitted. */
export type InstanceSettings = ResponseBody<'/admin/settings'>;
export type RegistrationMode = InstanceSettings['registration'];

export const registrationModes = ['open', 'approval', 'invite_only', 'closed'] as const satisfies readonly RegistrationMode[];

export function getSettings({ signal }: { signal?: AbortSignal } = {}): Promise<InstanceSettings> {
  return api.get<InstanceSettings>('/admin/settings', { signal });
}

export const adminSettingsQueryKey = ['admin', 'settings'] as const;

export function getSettingsQueryOptions() {
  return queryOptions({ queryKey: adminSettingsQueryKey, queryFn: ({ signal }) => getSettings({ signal }) });
}

export function useSettings() {
  return useQuery(getSettingsQueryOptions());
}
