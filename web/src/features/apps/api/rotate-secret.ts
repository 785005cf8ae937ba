import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { appsQueryKey } from './list-apps';

/** POST /api/v1/me/apps/{id}/secret: a new secret, in this answer only; the old one stops working. */
export type RotatedApp = ResponseBody<'/me/apps/{id}/secret', 'post'>;

export function rotateSecret(clientId: string): Promise<RotatedApp> {
  return api.post<RotatedApp>(`/me/apps/${encodeURIComponent(clientId)}/secret`);
}

export function useRotateSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateSecret,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appsQueryKey }),
  });
}
