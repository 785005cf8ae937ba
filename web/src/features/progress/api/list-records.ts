import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import type { Sport } from '@/lib/records/describe';
import { recordsQueryKey } from '@/lib/records/query-keys';

/** GET /api/v1/records: the personal records held now, optionally of one exercise or sport. */
export type RecordList = Schema<'RecordList'>;
export interface RecordFilter {
  exercise_id?: string;
  sport?: Sport;
}


export function listRecords(filter: RecordFilter = {}, { signal }: { signal?: AbortSignal } = {}): Promise<RecordList> {
  return api.get<RecordList>('/records', { query: { ...filter }, signal });
}

export function listRecordsQueryOptions(filter: RecordFilter = {}) {
  return queryOptions({
    queryKey: [...recordsQueryKey, 'current', filter],
    queryFn: ({ signal }) => listRecords(filter, { signal }),
  });
}

export function useRecords(filter: RecordFilter = {}) {
  return useQuery(listRecordsQueryOptions(filter));
}
