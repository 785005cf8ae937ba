import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { diaryQueryKey } from './keys';

export type RecentFoods = ResponseBody<'/foods/recent'>;

/** GET /api/v1/foods/recent: what you logged lately and most often, shown before you type. */
export function listRecentFoods({ signal }: { signal?: AbortSignal } = {}): Promise<RecentFoods> {
  return api.get<RecentFoods>('/foods/recent', { signal });
}

export function useRecentFoods(enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: [...diaryQueryKey, 'foods', 'recent'],
      queryFn: ({ signal }) => listRecentFoods({ signal }),
      enabled,
    }),
  );
}
