import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';

/** POST /api/v1/auth/password-reset: always 202, so nobody learns which addresses exist. */
export type PasswordResetRequest = RequestBody<'/auth/password-reset', 'post'>;
export type PasswordResetAccepted = ResponseBody<'/auth/password-reset', 'post', 202>;

export function requestPasswordReset(input: PasswordResetRequest): Promise<PasswordResetAccepted> {
  return api.post<PasswordResetAccepted>('/auth/password-reset', { body: input });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
