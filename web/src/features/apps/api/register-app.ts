import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { appsQueryKey } from './list-apps';

/** POST /api/v1/me/apps: a confidential app's secret is in this answer only. */
export type NewAppInput = RequestBody<'/me/apps', 'post'>;
export type AppWithSecret = ResponseBody<'/me/apps', 'post', 201>;

export function registerApp(input: NewAppInput): Promise<AppWithSecret> {
  return api.post<AppWithSecret>('/me/apps', { body: input });
}

export function useRegisterApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerApp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appsQueryKey }),
  });
}
