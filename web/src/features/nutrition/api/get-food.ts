import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { foodsQueryKey, type Food } from './keys';

/** GET /api/v1/foods/{id}: a food with its portions and nutrients per 100 g. */
export function getFood(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Food> {
  return api.get<Food>(`/foods/${encodeURIComponent(id)}`, { signal });
}

export function getFoodQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...foodsQueryKey, 'detail', id],
    queryFn: ({ signal }) => getFood(id, { signal }),
    staleTime: 5 * 60 * 1000,
  });
}

export function useFood(id: string) {
  return useQuery(getFoodQueryOptions(id));
}

/** Several foods at once (a recipe's ingredients), each cached on its own. */
export function useFoods(ids: readonly string[]) {
  return useQueries({ queries: ids.map((id) => getFoodQueryOptions(id)) });
}
