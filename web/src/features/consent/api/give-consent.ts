import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { meQueryKey } from '@/lib/auth/get-me';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { consentsQueryKey } from './get-consents';

/** POST /api/v1/me/consents: consent to the current policy version (a 422 when it is not). */
export type GiveConsentInput = RequestBody<'/me/consents', 'post'>;
export type GivenConsent = ResponseBody<'/me/consents', 'post', 201>;

export function giveConsent(input: GiveConsentInput): Promise<GivenConsent> {
  return api.post<GivenConsent>('/me/consents', { body: input });
}

export function useGiveConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: giveConsent,
    onSuccess: async (status) => {
      queryClient.setQueryData(consentsQueryKey, status);
      // GET /me says whether consent is required: the app's gate opens with its answer.
      await queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
    },
  });
}
