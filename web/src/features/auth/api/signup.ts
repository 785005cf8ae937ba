import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';

/** POST /api/v1/auth/signup: 202 for every valid request, whether or not the email was known. */
export type SignupInput = RequestBody<'/auth/signup', 'post'>;
export type SignupAccepted = ResponseBody<'/auth/signup', 'post', 202>;

export function signup(input: SignupInput): Promise<SignupAccepted> {
  return api.post<SignupAccepted>('/auth/signup', { body: input });
}

export function useSignup() {
  return useMutation({ mutationFn: signup });
}
