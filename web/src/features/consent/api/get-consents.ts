import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/me/consents: whether consent is required, the current policy, the consents given. */
export type ConsentStatus = ResponseBody<'/me/consents'>;
export type ConsentRecord = ConsentStatus['items'][number];

export function getConsents({ signal }: { signal?: AbortSignal } = {}): Promise<ConsentStatus> {
  return api.get<ConsentStatus>('/me/consents', { signal });
}

export const consentsQueryKey = ['me', 'consents'] as const;

export function getConsentsQueryOptions() {
  return queryOptions({ queryKey: consentsQueryKey, queryFn: ({ signal }) => getConsents({ signal }) });
}

export function useConsents() {
  return useQuery(getConsentsQueryOptions());
}
