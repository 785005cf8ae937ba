import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';

/** POST /api/v1/me/totp/enable: two-factor is on; the 10 recovery codes come only here. */
export type EnableTotpInput = RequestBody<'/me/totp/enable', 'post'>;
export type RecoveryCodes = ResponseBody<'/me/totp/enable', 'post'>;

export function enableTotp(input: EnableTotpInput): Promise<RecoveryCodes> {
  return api.post<RecoveryCodes>('/me/totp/enable', { body: input });
}

/**
 * `me` is not refetched here: the page would swap the set-up flow for the "two-factor is
 * on" view and take the recovery codes away before they are saved. The flow refreshes
 * `me` when the user says they have stored them.
 */
export function useEnableTotp() {
  return useMutation({ mutationFn: enableTotp });
}
