import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

/** DELETE /api/v1/me/sessions: signs out every device, this one included. */
export function revokeAllSessions(): Promise<void> {
  return api.delete<void>('/me/sessions');
}

/** The caller leaves the page and forgets the session afterwards (it has ended). */
export function useRevokeAllSessions() {
  return useMutation({ mutationFn: revokeAllSessions });
}
