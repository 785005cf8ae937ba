import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';

/**
 * DELETE /api/v1/me: needs the password (and the two-factor code when it is on). Every session
 * ends at once; the account is erased after `erase_after` unless the user signs in before.
 */
export type DeleteAccountInput = RequestBody<'/me', 'delete'>;
export type DeleteAccountResult = ResponseBody<'/me', 'delete', 202>;

export function deleteAccount(input: DeleteAccountInput): Promise<DeleteAccountResult> {
  return api.delete<DeleteAccountResult>('/me', { body: input });
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: deleteAccount });
}
