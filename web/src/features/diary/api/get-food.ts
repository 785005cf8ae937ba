import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Food } from '../lib/model';
import { diaryQueryKey } from './keys';

/** GET /api/v1/foods/{id}: a food with its portions and nutrients per 100 g (to edit a logged item). */
export function getFood(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Food> {
  return api.get<Food>(`/foods/${encodeURIComponent(id)}`, { signal });
}

export function useFood(id: string | null) {
  return useQuery(
    queryOptions({
      queryKey: [...diaryQueryKey, 'foods', 'detail', id ?? ''],
      queryFn: ({ signal }) => getFood(id ?? '', { signal }),
      enabled: id !== null && id !== '',
      staleTime: 5 * 60 * 1000,
    }),
  );
}
