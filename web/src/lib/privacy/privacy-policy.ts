import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/**
 * GET /api/v1/privacy-policy: the instance's current privacy policy (public). It lives in lib/
 * because sign-up (auth) sends its version with the consent and the consent pages show it, and
 * features never import each other.
 */
export type PrivacyPolicy = ResponseBody<'/privacy-policy'>;

export function getPrivacyPolicy({ signal }: { signal?: AbortSignal } = {}): Promise<PrivacyPolicy> {
  return api.get<PrivacyPolicy>('/privacy-policy', { signal });
}

export const privacyPolicyQueryKey = ['privacy-policy'] as const;

export function getPrivacyPolicyQueryOptions() {
  return queryOptions({ queryKey: privacyPolicyQueryKey, queryFn: ({ signal }) => getPrivacyPolicy({ signal }) });
}

export function usePrivacyPolicy() {
  return useQuery(getPrivacyPolicyQueryOptions());
}
