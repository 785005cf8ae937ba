import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { adminAppsQueryKey } from './admin-list-apps';

/** PUT /api/v1/admin/apps/{id}/disabled: disabling ends every access users gave the app. */
export type AdminAppState = ResponseBody<'/admin/apps/{id}/disabled', 'put'>;

export function adminSetAppDisabled({ clientId, disabled }: { clientId: string; disabled: boolean }) {
  return api.put<AdminAppState>(`/admin/apps/${encodeURIComponent(clientId)}/disabled`, { body: { disabled } });
}

export function useAdminSetAppDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: adminSetAppDisabled,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminAppsQueryKey }),
  });
}
