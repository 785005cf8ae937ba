import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import type { Sport } from '@/lib/records/describe';
import { statsQueryKey } from '@/lib/records/query-keys';

/** GET /api/v1/stats/summary: totals per week, month or year, every period of the range. */
export type StatsSummary = Schema<'StatsSummary'>;
export type StatsTotals = Schema<'StatsTotals'>;
export interface SummaryQuery {
  period: StatsSummary['period'];
  from?: string;
  to?: string;
  sport?: Sport;
}

export function getStatsSummary(query: SummaryQuery, { signal }: { signal?: AbortSignal } = {}): Promise<StatsSummary> {
  return api.get<StatsSummary>('/stats/summary', { query: { ...query }, signal });
}

export function getStatsSummaryQueryOptions(query: SummaryQuery) {
  return queryOptions({
    queryKey: [...statsQueryKey, 'summary', query],
    queryFn: ({ signal }) => getStatsSummary(query, { signal }),
  });
}

export function useStatsSummary(query: SummaryQuery) {
  return useQuery(getStatsSummaryQueryOptions(query));
}
