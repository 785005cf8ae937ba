import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { connectedAppsQueryKey } from './list-connected-apps';

/** DELETE /api/v1/me/connected-apps/{client_id}: every grant of the app for this user ends. */
export function revokeConnectedApp(clientId: string): Promise<void> {
  return api.delete<void>(`/me/connected-apps/${encodeURIComponent(clientId)}`);
}

export function useRevokeConnectedApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeConnectedApp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectedAppsQueryKey }),
  });
}
