import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/me/sessions: the signed-in devices, newest first. */
export type SessionList = ResponseBody<'/me/sessions'>;
export type SessionInfo = SessionList['items'][number];

export function listSessions({ signal }: { signal?: AbortSignal } = {}): Promise<SessionList> {
  return api.get<SessionList>('/me/sessions', { signal });
}

export const sessionsQueryKey = ['account', 'sessions'] as const;

export function getSessionsQueryOptions() {
  return queryOptions({ queryKey: sessionsQueryKey, queryFn: ({ signal }) => listSessions({ signal }) });
}

export function useSessions() {
  return useQuery(getSessionsQueryOptions());
}
