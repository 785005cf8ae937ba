import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { meQueryKey } from '@/lib/auth/get-me';

/** POST /api/v1/auth/verify-email with the single-use token from the mail's link. */
export type VerifyEmailInput = RequestBody<'/auth/verify-email', 'post'>;
export type VerifyEmailResult = ResponseBody<'/auth/verify-email', 'post'>;

export function verifyEmail(input: VerifyEmailInput): Promise<VerifyEmailResult> {
  return api.post<VerifyEmailResult>('/auth/verify-email', { body: input });
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    // A signed-in user who confirmed a new address sees it (and email_verified) at once.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
