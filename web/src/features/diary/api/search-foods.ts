import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { diaryQueryKey } from './keys';

export type FoodList = ResponseBody<'/foods'>;

const LIMIT = 20;

/** GET /api/v1/foods?q=: the best matches of the catalogue, own foods, recipes and products. */
export function searchFoods(q: string, { signal }: { signal?: AbortSignal } = {}): Promise<FoodList> {
  return api.get<FoodList>('/foods', { query: { q: q.trim().slice(0, 100), limit: LIMIT }, signal });
}

/**
 * One request per settled query (the caller debounces): the signal is passed on, so TanStack
 * Query aborts a search nobody waits for any more when the next one starts.
 */
export function useFoodSearch(q: string) {
  return useQuery(
    queryOptions({
      queryKey: [...diaryQueryKey, 'foods', 'search', q.trim()],
      queryFn: ({ signal }) => searchFoods(q, { signal }),
      enabled: q.trim() !== '',
      placeholderData: keepPreviousData,
      staleTime: 60 * 1000,
    }),
  );
}
