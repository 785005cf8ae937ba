import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { exportsQueryKey } from './list-exports';

/** POST /api/v1/me/exports: queues an export of everything the user owns (202). */
export function requestExport(): Promise<ResponseBody<'/me/exports', 'post', 202>> {
  return api.post<ResponseBody<'/me/exports', 'post', 202>>('/me/exports');
}

export function useRequestExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestExport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exportsQueryKey }),
  });
}
