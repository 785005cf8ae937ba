import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody } from '@/lib/api/types';
import { forgetSession } from '@/lib/auth/get-me';

/** POST /api/v1/auth/password-reset/confirm: the new password, with the token from the mail. */
export type PasswordResetConfirm = RequestBody<'/auth/password-reset/confirm', 'post'>;

export function confirmPasswordReset(input: PasswordResetConfirm): Promise<void> {
  return api.post<void>('/auth/password-reset/confirm', { body: input });
}

/** The reset ends every session of the account, a session in this browser included. */
export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmPasswordReset,
    onSuccess: () => forgetSession(queryClient),
  });
}
