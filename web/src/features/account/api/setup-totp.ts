import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';

/** POST /api/v1/me/totp/setup: a new secret (pending until /me/totp/enable proves a code). */
export type TotpSetupInput = RequestBody<'/me/totp/setup', 'post'>;
export type TotpSetup = ResponseBody<'/me/totp/setup', 'post'>;

export function setupTotp(input: TotpSetupInput): Promise<TotpSetup> {
  return api.post<TotpSetup>('/me/totp/setup', { body: input });
}

export function useSetupTotp() {
  return useMutation({ mutationFn: setupTotp });
}
