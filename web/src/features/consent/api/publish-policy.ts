import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { meQueryKey } from '@/lib/auth/get-me';
import { privacyPolicyQueryKey } from '@/lib/privacy/privacy-policy';
import { policiesQueryKey } from './list-policies';

/** POST /api/v1/admin/privacy-policies: publishes the next version; everyone is asked again. */
export type PublishPolicyInput = RequestBody<'/admin/privacy-policies', 'post'>;
export type PublishedPolicy = ResponseBody<'/admin/privacy-policies', 'post', 201>;

export function publishPolicy(input: PublishPolicyInput): Promise<PublishedPolicy> {
  return api.post<PublishedPolicy>('/admin/privacy-policies', { body: input });
}

export function usePublishPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishPolicy,
    onSuccess: async (published) => {
      queryClient.setQueryData(privacyPolicyQueryKey, published);
      await queryClient.invalidateQueries({ queryKey: policiesQueryKey });
      // The admin is a user too: their own consent is now required again.
      await queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
    },
  });
}
