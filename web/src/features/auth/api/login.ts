import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { rememberSignedIn } from '@/lib/auth/get-me';

/**
 * POST /api/v1/auth/login: signed in (session cookie set), or `totp_required` with a
 * challenge for POST /auth/login/totp.
 */
export type LoginInput = RequestBody<'/auth/login', 'post'>;
export type LoginResult = ResponseBody<'/auth/login', 'post'>;

export function login(input: LoginInput): Promise<LoginResult> {
  return api.post<LoginResult>('/auth/login', { body: input });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      if (result.status === 'signed_in' && result.user) rememberSignedIn(queryClient, result.user);
    },
  });
}
