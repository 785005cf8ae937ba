import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { nutritionQueryKey, type NutritionWeek } from './keys';

/** GET /api/v1/nutrition/week?date=: the week holding `date` (today without it) against the targets. */
export function getNutritionWeek(date: string | undefined, { signal }: { signal?: AbortSignal } = {}): Promise<NutritionWeek> {
  return api.get<NutritionWeek>('/nutrition/week', { query: { date }, signal });
}

export function useNutritionWeek(date: string | undefined) {
  return useQuery(
    queryOptions({
      queryKey: [...nutritionQueryKey, 'week', date ?? 'today'],
      queryFn: ({ signal }) => getNutritionWeek(date, { signal }),
      placeholderData: keepPreviousData,
    }),
  );
}
