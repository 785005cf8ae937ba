import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { sessionsQueryKey } from './list-sessions';

/** DELETE /api/v1/me/sessions/{id}: signs that device out. */
export function revokeSession(id: string): Promise<void> {
  return api.delete<void>(`/me/sessions/${encodeURIComponent(id)}`);
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
