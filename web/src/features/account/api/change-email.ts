import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';

/** POST /api/v1/me/email: the change takes effect once the link mailed to the new address is opened. */
export type ChangeEmailInput = RequestBody<'/me/email', 'post'>;
export type ChangeEmailAccepted = ResponseBody<'/me/email', 'post', 202>;

export function changeEmail(input: ChangeEmailInput): Promise<ChangeEmailAccepted> {
  return api.post<ChangeEmailAccepted>('/me/email', { body: input });
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}
