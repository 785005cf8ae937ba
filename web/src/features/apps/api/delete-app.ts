import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { appsQueryKey } from './list-apps';

/** DELETE /api/v1/me/apps/{id}: the app and every access users gave it end at once. */
export function deleteApp(clientId: string): Promise<void> {
  return api.delete<void>(`/me/apps/${encodeURIComponent(clientId)}`);
}

export function useDeleteApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteApp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appsQueryKey }),
  });
}
