import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/admin/moderation/reports: the moderators' queue. */
export type QueueReportPage = ResponseBody<'/admin/moderation/reports'>;
export type QueueReport = QueueReportPage['items'][number];
export type ReportState = 'open' | 'decided';

export const moderationQueryKey = ['moderation'] as const;

export function listReports(state: ReportState, { signal }: { signal?: AbortSignal } = {}): Promise<QueueReportPage> {
  return api.get<QueueReportPage>('/admin/moderation/reports', { query: { state }, signal });
}

export function useReports(state: ReportState) {
  return useQuery(
    queryOptions({
      queryKey: [...moderationQueryKey, 'reports', state],
      queryFn: ({ signal }) => listReports(state, { signal }),
    }),
  );
}
