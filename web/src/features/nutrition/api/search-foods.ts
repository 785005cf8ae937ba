import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { foodsQueryKey, type Food } from './keys';

const LIMIT = 10;

/** GET /api/v1/foods?q=: the best matches for what was typed so far. */
export function searchFoods(q: string, { signal }: { signal?: AbortSignal } = {}): Promise<{ items: Food[] }> {
  return api.get<{ items: Food[] }>('/foods', { query: { q: q.trim().slice(0, 100), limit: LIMIT }, signal });
}

export function useFoodSearch(q: string) {
  return useQuery(
    queryOptions({
      queryKey: [...foodsQueryKey, 'search', q.trim()],
      queryFn: ({ signal }) => searchFoods(q, { signal }),
      enabled: q.trim() !== '',
      placeholderData: keepPreviousData,
      staleTime: 60 * 1000,
    }),
  );
}
