import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/admin/privacy-policies: every published version, newest first. */
export type PolicyVersions = ResponseBody<'/admin/privacy-policies'>;

export function listPolicies({ signal }: { signal?: AbortSignal } = {}): Promise<PolicyVersions> {
  return api.get<PolicyVersions>('/admin/privacy-policies', { signal });
}

export const policiesQueryKey = ['admin', 'privacy-policies'] as const;

export function listPoliciesQueryOptions() {
  return queryOptions({ queryKey: policiesQueryKey, queryFn: ({ signal }) => listPolicies({ signal }) });
}

export function usePolicies() {
  return useQuery(listPoliciesQueryOptions());
}
