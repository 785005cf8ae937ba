import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/me/audit-events: the user's security events, newest first, by cursor. */
export type AuditEventPage = ResponseBody<'/me/audit-events'>;
export type AuditEvent = AuditEventPage['items'][number];

const PAGE_SIZE = 20;

export function listAuditEvents({
  cursor,
  signal,
}: { cursor?: string | undefined; signal?: AbortSignal } = {}): Promise<AuditEventPage> {
  return api.get<AuditEventPage>('/me/audit-events', { query: { limit: PAGE_SIZE, cursor }, signal });
}

export const auditEventsQueryKey = ['account', 'audit-events'] as const;

export function getAuditEventsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: auditEventsQueryKey,
    queryFn: ({ pageParam, signal }) => listAuditEvents({ cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useAuditEvents() {
  return useInfiniteQuery(getAuditEventsQueryOptions());
}
