import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { appsQueryKey } from './list-apps';

/** PUT /api/v1/me/apps/{id}: name, logo, homepage and redirect URIs. */
export type AppInput = RequestBody<'/me/apps/{id}', 'put'>;
export type UpdatedApp = ResponseBody<'/me/apps/{id}', 'put'>;

export function updateApp({ clientId, input }: { clientId: string; input: AppInput }): Promise<UpdatedApp> {
  return api.put<UpdatedApp>(`/me/apps/${encodeURIComponent(clientId)}`, { body: input });
}

export function useUpdateApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateApp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appsQueryKey }),
  });
}
