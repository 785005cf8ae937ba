import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { DiaryDay } from '../lib/model';
import { diaryDayQueryKey } from './keys';

/** GET /api/v1/diary/{date}: the day's meals with their items, totals, water, targets. */
export function getDiaryDay(date: string, { signal }: { signal?: AbortSignal } = {}): Promise<DiaryDay> {
  return api.get<DiaryDay>(`/diary/${encodeURIComponent(date)}`, { signal });
}

export function getDiaryDayQueryOptions(date: string) {
  return queryOptions({ queryKey: diaryDayQueryKey(date), queryFn: ({ signal }) => getDiaryDay(date, { signal }) });
}

export function useDiaryDay(date: string) {
  return useQuery(getDiaryDayQueryOptions(date));
}
