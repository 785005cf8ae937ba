import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody } from '@/lib/api/types';
import { sessionsQueryKey } from './list-sessions';
import { auditEventsQueryKey } from './list-audit-events';

/** POST /api/v1/me/password: other sessions end, this one is rotated. */
export type ChangePasswordInput = RequestBody<'/me/password', 'post'>;

export function changePassword(input: ChangePasswordInput): Promise<void> {
  return api.post<void>('/me/password', { body: input });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
      await queryClient.invalidateQueries({ queryKey: auditEventsQueryKey });
    },
  });
}
