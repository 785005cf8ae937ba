import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

/** POST /api/v1/admin/users/{id}/password-reset: old password void, sessions ended, link mailed. */
export function forcePasswordReset(id: string): Promise<void> {
  return api.post<void>(`/admin/users/${encodeURIComponent(id)}/password-reset`);
}

export function useForcePasswordReset() {
  return useMutation({ mutationFn: forcePasswordReset });
}
