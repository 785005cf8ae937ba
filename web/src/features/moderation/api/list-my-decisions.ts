import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/me/moderation-decisions: what moderators decided about my content or account. */
export type MyDecisionPage = ResponseBody<'/me/moderation-decisions'>;
export type MyDecision = MyDecisionPage['items'][number];

export const myDecisionsQueryKey = ['me', 'moderation-decisions'] as const;

export function listMyDecisions({ signal }: { signal?: AbortSignal } = {}): Promise<MyDecisionPage> {
  return api.get<MyDecisionPage>('/me/moderation-decisions', { signal });
}

export function useMyDecisions() {
  return useQuery(queryOptions({ queryKey: myDecisionsQueryKey, queryFn: ({ signal }) => listMyDecisions({ signal }) }));
}
