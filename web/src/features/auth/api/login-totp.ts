import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { rememberSignedIn } from '@/lib/auth/get-me';

/** POST /api/v1/auth/login/totp: the second step, with a TOTP code or a recovery code. */
export type LoginTotpInput = RequestBody<'/auth/login/totp', 'post'>;
export type LoginTotpResult = ResponseBody<'/auth/login/totp', 'post'>;

export function loginTotp(input: LoginTotpInput): Promise<LoginTotpResult> {
  return api.post<LoginTotpResult>('/auth/login/totp', { body: input });
}

export function useLoginTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loginTotp,
    onSuccess: (result) => {
      if (result.user) rememberSignedIn(queryClient, result.user);
    },
  });
}
