import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody } from '@/lib/api/types';
import { meQueryKey } from '@/lib/auth/get-me';

/** POST /api/v1/me/totp/disable: needs the password and a current code (or a recovery code). */
export type DisableTotpInput = RequestBody<'/me/totp/disable', 'post'>;

export function disableTotp(input: DisableTotpInput): Promise<void> {
  return api.post<void>('/me/totp/disable', { body: input });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
