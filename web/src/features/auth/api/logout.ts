import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/api/client';
import { forgetSession } from '@/lib/auth/get-me';

/** POST /api/v1/auth/logout: ends this session. */
export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

/**
 * Signs out. A 401 means the session had already ended, which is just as good. The caller
 * navigates away first (`onSignedOut`), then the cache forgets the user.
 */
export function useLogout({ onSignedOut }: { onSignedOut: () => void | Promise<void> }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: async () => {
      await onSignedOut();
      forgetSession(queryClient);
    },
  });
}
