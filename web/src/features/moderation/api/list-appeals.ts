import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { moderationQueryKey } from './list-reports';

/** GET /api/v1/admin/moderation/appeals. */
export type StaffAppealPage = ResponseBody<'/admin/moderation/appeals'>;
export type StaffAppeal = StaffAppealPage['items'][number];
export type AppealState = 'pending' | 'decided';

export function listAppeals(state: AppealState, { signal }: { signal?: AbortSignal } = {}): Promise<StaffAppealPage> {
  return api.get<StaffAppealPage>('/admin/moderation/appeals', { query: { state }, signal });
}

export function useAppeals(state: AppealState) {
  return useQuery(
    queryOptions({
      queryKey: [...moderationQueryKey, 'appeals', state],
      queryFn: ({ signal }) => listAppeals(state, { signal }),
    }),
  );
}
